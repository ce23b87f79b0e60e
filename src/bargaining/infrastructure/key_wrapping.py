"""How the person-key vault stores a key: wrapped with the application's key on an encrypted
store, plain otherwise (a stolen unencrypted store gives away the keys too, as it gives away
everything else)."""

from __future__ import annotations

import hashlib
import hmac


class KeyWrapping:
    """Wraps and unwraps the keys of one store, under the application's key (if any)."""

    def __init__(self, app_key: bytes | None) -> None:
        self._wrap = (hashlib.sha256(b"bargaining person keys|" + app_key).digest()
                      if app_key else None)

    @property
    def active(self) -> bool:
        """Whether keys are wrapped (the store is encrypted)."""
        return self._wrap is not None

    def wrap(self, key_id: bytes, owner: str, key: bytes) -> bytes:
        """The key as stored: plain without an application key; otherwise encrypted with a
        pad drawn from HMAC-SHA256 under the wrapping key and the key's own random id (never
        reused), then authenticated (encrypt-then-MAC). A cipher object per key cost a new
        person's first save as much as the rest of its sealing (``benchmarks/personal_data.py``)."""
        if self._wrap is None:
            return key
        sealed = bytes(a ^ b for a, b in zip(key, self._pad(key_id, owner), strict=True))
        return sealed + self._tag(key_id, owner, sealed)

    def unwrap(self, key_id: bytes, owner: str, stored: bytes) -> bytes:
        """The key :meth:`wrap` stored (``ValueError`` when its seal does not match)."""
        if self._wrap is None:
            return stored
        sealed, tag = stored[:32], stored[32:]
        if not hmac.compare_digest(tag, self._tag(key_id, owner, sealed)):
            raise ValueError("a person's key does not match its seal: MAC check failed")
        return bytes(a ^ b for a, b in zip(sealed, self._pad(key_id, owner), strict=True))

    def _pad(self, key_id: bytes, owner: str) -> bytes:
        assert self._wrap is not None
        return hmac.new(self._wrap, b"pad|" + key_id + owner.encode("utf8"),
                        hashlib.sha256).digest()

    def _tag(self, key_id: bytes, owner: str, sealed: bytes) -> bytes:
        assert self._wrap is not None
        return hmac.new(self._wrap, b"tag|" + key_id + owner.encode("utf8") + sealed,
                        hashlib.sha256).digest()[:16]
