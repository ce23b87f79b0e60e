"""Keyed ids for an encrypted store: an id that only the key's holder can compute.

An encrypted store keeps every record's id in clear (``eventsourcing`` stores the originator
id, topic and version beside the encrypted state). An id that anyone can compute from public
names (UUID 5 of a published namespace) says whose record it is; a keyed id (HMAC-SHA256 of a
sub-key of the cipher key, the namespace and the same words) finds the same record for the
key's holder and nothing for anyone else. Records written before keyed ids keep their UUID 5
ids: lookups try the keyed id first, then that one (:meth:`KeyedIds.earlier`).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import uuid
from uuid import UUID

from bargaining.domain.shared.record_ids import PUBLIC_IDS, RecordIds

#: Keyed ids computed lately are remembered (an import meets a unit's rows close together).
REMEMBERED = 16384
#: What the sub-key is for: it is never the cipher key itself, nor the read models' key.
_PURPOSE = b"bargaining record ids|"


class KeyedIds:
    """Ids derived from the words with a sub-key of the store's cipher key."""

    keyed = True

    def __init__(self, raw_key: bytes) -> None:
        subkey = hashlib.sha256(_PURPOSE + raw_key).digest()

        @functools.lru_cache(maxsize=REMEMBERED)
        def named(namespace: UUID, words: str) -> UUID:
            digest = hmac.digest(subkey, namespace.bytes + words.encode("utf8"), "sha256")
            # A version 8 UUID (RFC 9562: its bits the maker's own) of the first 16 bytes.
            value = int.from_bytes(digest[:16], "big")
            value &= ~(0xF000 << 64) & ~(0xC000 << 48)
            value |= (0x8000 << 64) | (0x8000 << 48)
            return UUID(int=value)

        self._named = named

    def named(self, namespace: UUID, words: str) -> UUID:
        return self._named(namespace, words)

    def earlier(self, namespace: UUID, words: str) -> tuple[UUID, ...]:
        return (uuid.uuid5(namespace, words),)

    def __repr__(self) -> str:  # never the key
        return "KeyedIds(<key>)"


def record_ids(raw_key: bytes | None) -> RecordIds:
    """The ids of a store: keyed when it is encrypted, else the public UUID 5 ids."""
    return PUBLIC_IDS if raw_key is None else KeyedIds(raw_key)
