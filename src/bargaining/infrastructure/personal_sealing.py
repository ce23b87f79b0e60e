"""A person's data as stored: sealed with ChaCha20-Poly1305 under that person's own key.

Stored form (the transcoding ``personal_data``, inside the event's JSON, which the application's
cipher then encrypts as a whole on an encrypted store)::

    {"person": "<opaque id>", "key": "<key id, hex>", "sealed": "<base64 nonce|tag|ciphertext>"}
    {"person": "<opaque id>", "erased": true}           an erased value, as it was recorded

The person's id stays readable: it is how an erasure and a read policy find the person, and it
is the host's opaque id, not a name. The sealed bytes are bound to the person (associated
data), so a sealed value copied under another person does not open. ChaCha20-Poly1305 (RFC
8439, a 256-bit key) rather than AES-GCM: pycryptodome sets up a GCM cipher at about twice the
cost, and a save seals every person's data it carries (``benchmarks/personal_data.py``). When the
person's key is gone (erased), the value reads back as :meth:`PersonalData.erased_for`.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from Crypto.Cipher import ChaCha20_Poly1305
from eventsourcing.persistence import Transcoding

from bargaining.domain.shared.personal import PersonalData
from bargaining.infrastructure.person_keys import PersonKeys

_FIELDS = ("name", "contact", "assessment", "notes")


def seal_bytes(key: bytes, bound_to: bytes, plain: bytes) -> bytes:
    """``plain`` sealed under ``key`` and bound to ``bound_to`` (associated data):
    nonce, tag, ciphertext."""
    nonce = os.urandom(12)
    cipher = ChaCha20_Poly1305.new(key=key, nonce=nonce)
    cipher.update(bound_to)
    sealed, tag = cipher.encrypt_and_digest(plain)
    return nonce + tag + sealed


def open_bytes(key: bytes, bound_to: bytes, stored: bytes) -> bytes:
    """What :func:`seal_bytes` sealed (``ValueError`` if it does not open)."""
    cipher = ChaCha20_Poly1305.new(key=key, nonce=stored[:12])
    cipher.update(bound_to)
    opened: bytes = cipher.decrypt_and_verify(stored[28:], stored[12:28])
    return opened


def seal(key: bytes, person: str, value: PersonalData) -> bytes:
    """The value's fields, sealed under ``key`` and bound to ``person``."""
    plain = json.dumps([getattr(value, f) for f in _FIELDS], separators=(",", ":"))
    return seal_bytes(key, person.encode("utf8"), plain.encode("utf8"))


def unseal(key: bytes, person: str, stored: bytes) -> PersonalData:
    """The value sealed under ``key`` for ``person`` (``ValueError`` if it does not open)."""
    fields = json.loads(open_bytes(key, person.encode("utf8"), stored))
    return PersonalData(person, **dict(zip(_FIELDS, fields, strict=True)))


class SealedPersonalData(Transcoding):
    """Seals :class:`PersonalData` with the person's own key from the vault."""

    type = PersonalData
    name = "personal_data"
    #: Snapshots write it through this transcoding too (``snapshot_state``).
    seals = True

    def __init__(self, vault: PersonKeys) -> None:
        self.vault = vault

    def encode(self, obj: PersonalData) -> dict[str, Any]:
        if obj.erased:
            return {"person": obj.person, "erased": True}
        found = self.vault.key_for(obj.person)
        return {"person": obj.person, "key": found.key_id.hex(),
                "sealed": base64.b64encode(seal(found.key, obj.person, obj)).decode("ascii")}

    def decode(self, data: dict[str, Any]) -> PersonalData:
        person = data["person"]
        if data.get("erased"):
            return PersonalData.erased_for(person)
        key = self.vault.key_by_id(bytes.fromhex(data["key"]), person)
        if key is None:
            return PersonalData.erased_for(person)
        return unseal(key, person, base64.b64decode(data["sealed"]))
