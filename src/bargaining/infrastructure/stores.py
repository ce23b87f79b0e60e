"""Where events are kept: in memory, a SQLite file, or a PostgreSQL database.

A host says which with one string (or the ``BARGAINING_STORE`` environment variable):

* ``"memory"`` (or ``":memory:"``): nothing is kept after the process ends; for tests.
* a file path such as ``"campaign.sqlite"`` (or ``"sqlite:///path/campaign.sqlite"``): the
  embedded default.
* ``"postgresql://user:password@host:port/dbname"`` with an optional ``?schema=name``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import attrs

from bargaining.domain.shared.errors import InvalidInput

STORE_ENV = "BARGAINING_STORE"
CIPHER_KEY_ENV = "BARGAINING_CIPHER_KEY"
DEFAULT_SQLITE_FILE = "bargaining.sqlite"

# Every store records events through a recorder that also writes the hash chain.
CHAINED_MEMORY = "bargaining.infrastructure.chained_recorders:ChainedPOPOFactory"
CHAINED_SQLITE = "bargaining.infrastructure.chained_recorders:ChainedSQLiteApplicationRecorder"
CHAINED_POSTGRES = "bargaining.infrastructure.chained_postgres:ChainedPostgresApplicationRecorder"
# Their factories: eventsourcing's, making tables one opener at a time and waiting for a busy
# store as long as the host said.
SQLITE_FACTORY = "bargaining.infrastructure.chained_recorders:BargainingSQLiteFactory"
POSTGRES_FACTORY = "bargaining.infrastructure.chained_postgres:BargainingPostgresFactory"


@attrs.frozen
class Store:
    """A parsed store choice, turned into ``eventsourcing`` environment settings."""

    kind: str  # "memory" | "sqlite" | "postgres"
    location: str = ""
    #: eventsourcing's settings for this store; never shown, as they can hold a password.
    settings: dict[str, str] = attrs.field(factory=dict, repr=False)

    @classmethod
    def parse(cls, store: str | os.PathLike[str] | None) -> Store:
        if store is None:
            store = os.environ.get(STORE_ENV) or DEFAULT_SQLITE_FILE
        text = os.fspath(store).strip()
        if not text:
            raise InvalidInput("the store must be 'memory', a SQLite file path or a PostgreSQL URL")
        if text.lower() in ("memory", ":memory:", "mem"):
            return cls("memory", settings={"PERSISTENCE_MODULE": CHAINED_MEMORY})
        if text.startswith(("postgresql://", "postgres://")):
            return cls._postgres(text)
        if text.startswith("sqlite:///"):
            text = text[len("sqlite:///") :]
        elif "://" in text:
            raise InvalidInput(
                f"unknown store '{text.split('://')[0]}://': use 'memory', a SQLite file path "
                "or a postgresql:// URL"
            )
        path = Path(text).expanduser()
        if path.parent and not path.parent.exists():
            raise InvalidInput(f"the folder for the SQLite file does not exist: {path.parent}")
        return cls(
            "sqlite",
            location=str(path),
            settings={
                "PERSISTENCE_MODULE": SQLITE_FACTORY,
                "SQLITE_DBNAME": str(path),
                "APPLICATION_RECORDER_TOPIC": CHAINED_SQLITE,
            },
        )

    @classmethod
    def _postgres(cls, url: str) -> Store:
        parsed = urlparse(url)
        dbname = parsed.path.lstrip("/")
        if not dbname:
            raise InvalidInput("a PostgreSQL URL must name the database: postgresql://host/dbname")
        query = parse_qs(parsed.query)
        settings = {
            "PERSISTENCE_MODULE": POSTGRES_FACTORY,
            "APPLICATION_RECORDER_TOPIC": CHAINED_POSTGRES,
            "POSTGRES_DBNAME": unquote(dbname),
            "POSTGRES_HOST": parsed.hostname or "127.0.0.1",
            "POSTGRES_PORT": str(parsed.port or 5432),
            "POSTGRES_USER": unquote(parsed.username or "postgres"),
            "POSTGRES_PASSWORD": unquote(parsed.password or ""),
            "POSTGRES_SCHEMA": query.get("schema", [""])[0],
            "POSTGRES_POOL_SIZE": query.get("pool_size", ["5"])[0],
        }
        shown = f"postgresql://{parsed.hostname}:{parsed.port or 5432}/{dbname}"
        return cls("postgres", location=shown, settings=settings)
