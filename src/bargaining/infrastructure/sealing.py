"""Names in read-model tables are sealed when the application encrypts its events.

With encryption on, a stolen database file must not give away who bargains where: names are
stored encrypted with the application's cipher, and filtered by a keyed digest instead.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

from bargaining.domain.units.profile import normalise_name


class NameSealer:
    def __init__(self, cipher: Any | None, key: bytes | None) -> None:
        self._cipher = cipher
        self._mac_key = (
            hashlib.sha256(b"bargaining read-model keys|" + key).digest() if key else None
        )

    @property
    def sealed(self) -> bool:
        return self._cipher is not None

    def seal(self, text: str) -> str:
        if self._cipher is None:
            return text
        return base64.b64encode(self._cipher.encrypt(text.encode("utf8"))).decode("ascii")

    def unseal(self, stored: str) -> str:
        if self._cipher is None:
            return stored
        return str(self._cipher.decrypt(base64.b64decode(stored)).decode("utf8"))

    def key(self, text: str) -> str:
        """A lookup key: the normalised name, or its keyed digest when sealed."""
        normal = normalise_name(text)
        if self._mac_key is None:
            return normal
        return hmac.new(self._mac_key, normal.encode("utf8"), hashlib.sha256).hexdigest()
