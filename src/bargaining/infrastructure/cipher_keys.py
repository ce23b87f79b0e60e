"""The encryption key of a store: made, checked as text, and proven against the events a
store already holds before anything is read or recorded with it."""

from __future__ import annotations

import base64
import binascii
import os
from typing import Any

from eventsourcing.persistence import MapperDeserialisationError

from bargaining.domain.shared.errors import InvalidInput
from bargaining.infrastructure.errors import EncryptionKeyError


def create_cipher_key() -> str:
    """A new random AES-256 key, base64 encoded: keep it out of the database and logs."""
    return base64.b64encode(os.urandom(32)).decode("ascii")


def check_cipher_key(key: str) -> bytes:
    """The raw bytes of a base64 AES key, or a refusal that says what a key must be."""
    try:
        raw = base64.b64decode(key.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise InvalidInput.worded("the encryption key must be base64 text (see "
                                  "BargainingApp.create_cipher_key())") from None
    if len(raw) not in (16, 24, 32):
        raise InvalidInput.worded("the encryption key must decode to 16, 24 or 32 bytes, not "
                                  "{count}", count=len(raw))
    return raw


def key_opens_store(recorder: Any, mapper: Any) -> bool:
    """Whether the key given (or none) is proven on the store's events: ``False`` for an
    empty store. The first event must be read with it, or else the last one (the first may
    be the damaged one); neither, and the key is wrong or missing, which is refused."""
    first = recorder.select_notifications(start=None, limit=1)
    if not first:
        return False
    try:
        mapper.to_domain_event(first[0])
    except (MapperDeserialisationError, ValueError):
        last = recorder.select_notifications(start=recorder.max_notification_id(), limit=1)
        try:
            mapper.to_domain_event(last[0])
        except (MapperDeserialisationError, ValueError):
            raise EncryptionKeyError.worded("the stored events cannot be decrypted: the "
                                            "encryption key is wrong or missing") from None
    return True
