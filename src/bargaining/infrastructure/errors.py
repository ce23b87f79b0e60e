"""Errors of the stores beneath the domain: opening, decrypting, keeping read models current.

They are :class:`~bargaining.BargainingError`\\ s, so a host that catches that base class
catches these too; a command that raises one has recorded nothing, except where the
error says the change itself is safe (:class:`MapBehind`).
"""

from __future__ import annotations

from bargaining.domain.shared.errors import BargainingError


class StoreError(BargainingError):
    """The event store cannot be opened or read as configured."""


class MapBehind(StoreError):
    """The Expiry Map could not apply events already recorded: they are safe in the event
    log, and the map applies them once its database accepts the writes."""


class EncryptionKeyError(StoreError):
    """Stored events cannot be decrypted with the key given (wrong or missing key)."""


class StoreBusy(StoreError):
    """Another writer held the store's lock longer than this application waits for it (its
    ``busy_timeout``): nothing of the change was recorded; try it again."""


class DamagedEvent(StoreError):
    """A stored event cannot be read: its bytes were damaged (cut short, changed) or it was
    written under another encryption key. Nothing else is affected: other records load and
    change as before; the damaged record, and the Expiry Map from that event on, wait until
    the event is restored from a backup (``integrity.verify()`` names its position)."""
