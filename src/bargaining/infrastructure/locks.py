"""Names of the locks that writers of one store share, so no module that takes them needs
another that takes them too."""

from __future__ import annotations

#: The PostgreSQL advisory lock (by ``hashtext``) held while a schema's tables are made, and
#: shared by the Expiry Map's writes: ``SCHEMA_LOCK.format(schema)``.
SCHEMA_LOCK = "bargaining: tables of schema {}"
