"""What the stores' faults mean, in words: a busy store, an event that cannot be read.

``EventStore`` and the Expiry Map's feed turn ``eventsourcing``'s and the databases' errors
into :class:`~bargaining.StoreBusy`, :class:`~bargaining.DamagedEvent`,
:class:`~bargaining.EncryptionKeyError` with these.
"""

from __future__ import annotations

import math
import re

from bargaining.domain.shared.errors import BargainingError, InvalidInput
from bargaining.infrastructure.chained_recorders import BUSY_TIMEOUT
from bargaining.infrastructure.errors import DamagedEvent, EncryptionKeyError, StoreError


def check_busy_timeout(given: object, environment: str | None) -> float | None:
    """Seconds a write waits for another writer's lock, checked (a number from 0 to a day):
    given as a number, else read from the environment's text; ``None`` if neither."""
    value: object = given
    if given is None:
        if not environment:
            return None
        try:
            value = float(environment)
        except ValueError:
            raise InvalidInput.worded("{busy_timeout} must be a number of seconds, not "
                                      "{environment}", busy_timeout=BUSY_TIMEOUT,
                                      environment=repr(environment)) from None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInput.worded("busy_timeout is a number of seconds, not {value}",
                                  value=repr(value))
    seconds = float(value)
    if not math.isfinite(seconds) or seconds < 0 or seconds > 86_400:
        raise InvalidInput.worded("busy_timeout must be between 0 and 86400 seconds (a day), not "
                                  "{value}", value=repr(value))
    return seconds


def is_busy(error: BaseException) -> bool:
    """Whether a store's error means another writer held the lock too long (SQLite's
    ``database is locked``, PostgreSQL's lock timeout)."""
    text = f"{error} {error.__cause__ or ''}".lower()
    return any(words in text for words in ("database is locked", "database is busy",
                                           "lock timeout", "locknotavailable"))


def unreadable_event(
    error: Exception, *, encrypted: bool, key_proven: bool, position: int | None = None
) -> StoreError:
    """The error for a stored event that cannot be read: a value this version of the library
    refuses; a wrong key, while no event has been read with it; else a damaged event, named
    by its position (where known), record and version."""
    cause = error.__cause__
    if isinstance(cause, BargainingError):
        return StoreError.worded("a stored event cannot be read by this version of the library "
                                 "({name}: {cause}); it is kept unchanged in the store",
                                 name=type(cause).__name__, cause=cause)
    if encrypted and not key_proven:
        return EncryptionKeyError.worded("the stored events cannot be decrypted: the encryption "
                                         "key is wrong or missing")
    return DamagedEvent(
        f"the stored event {_which(error, position)} cannot be read: it was "
        + ("damaged in the store or written under another encryption key" if encrypted
           else "damaged in the store")
        + ". Commands on other records are not affected, and the Expiry Map applies no event "
        "after it until it is restored; run integrity.verify() to see where the store was "
        "changed, and restore that event from a backup"
    )


def _which(error: Exception, position: int | None) -> str:
    """The damaged event, as ``eventsourcing``'s error names it (record and version)."""
    found = re.search(r"originator_id '([^']+)' and originator_version (\d+)", str(error))
    where = f"at position {position} of the event log" if position is not None else ""
    if found:
        record = f"record {found.group(1)}, version {found.group(2)}"
        return f"{where} ({record})" if where else f"of {record}"
    return where or "being read"
