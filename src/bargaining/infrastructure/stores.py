"""Where events are kept: in memory, a SQLite file, or a PostgreSQL database.

A host says which with one string (or the ``BARGAINING_STORE`` environment variable):

* ``"memory"`` (or ``":memory:"``): nothing is kept after the process ends; for tests. Names
  that look like it (``"mem"``, ``"in-memory"``) and SQLite URIs that keep nothing
  (``"file:x?mode=memory"``) are refused rather than taken for a file or a store that persists.
* a file path such as ``"campaign.sqlite"`` (or ``"sqlite:///path/campaign.sqlite"``): the
  embedded default.
* ``"postgresql://user:password@host:port/dbname"`` with an optional ``?schema=name``.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import attrs

from bargaining.domain.shared.errors import InvalidInput
from bargaining.infrastructure.errors import StoreError

STORE_ENV = "BARGAINING_STORE"
CIPHER_KEY_ENV = "BARGAINING_CIPHER_KEY"
DEFAULT_SQLITE_FILE = "bargaining.sqlite"
#: Names a host may mean as "memory" but that would otherwise name a SQLite file.
_LOOKS_LIKE_MEMORY = frozenset(
    {"mem", "in-memory", "in_memory", "inmemory", ":memory", "memory:", ":mem:", "ram"}
)
#: The first bytes of every SQLite database file.

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
        if not isinstance(store, str | os.PathLike):
            raise InvalidInput.worded("the store must be 'memory', a SQLite file path or a "
                                      "PostgreSQL URL, not {name}", name=type(store).__name__)
        text = os.fspath(store)
        if not isinstance(text, str):
            raise InvalidInput.worded("the store must be 'memory', a SQLite file path or a "
                                      "PostgreSQL URL, not {name}", name=type(text).__name__)
        text = text.strip()
        if not text:
            raise InvalidInput.worded("the store must be 'memory', a SQLite file path or a "
                                      "PostgreSQL URL")
        if text.lower() in ("memory", ":memory:"):
            return cls("memory", settings={"PERSISTENCE_MODULE": CHAINED_MEMORY})
        if text.lower() in _LOOKS_LIKE_MEMORY:
            raise InvalidInput.worded("the store '{text}' is not a store name: say 'memory' for "
                                      "a store in memory (for a SQLite file of that name, give a "
                                      "path such as './{text}')", text=text)
        if text.startswith(("postgresql://", "postgres://")):
            return cls._postgres(text)
        if text.startswith("sqlite:///"):
            text = text[len("sqlite:///") :]
        elif "://" in text:
            raise InvalidInput.worded("unknown store '{split}://': use 'memory', a SQLite file "
                                      "path or a postgresql:// URL", split=text.split('://')[0])
        if "mode=memory" in text.lower() or (
            text.lower().startswith("file:") and ":memory:" in text.lower()
        ):
            raise InvalidInput.worded("the SQLite URI '{text}' keeps nothing after the process "
                                      "ends: say 'memory' for a store in memory, or give a file "
                                      "path", text=text)
        path = Path(text).expanduser()
        if path.parent and not path.parent.exists():
            raise InvalidInput.worded("the folder for the SQLite file does not exist: {parent}",
                                      parent=path.parent)
        _check_sqlite_file(path)
        return cls(
            "sqlite", location=str(path),
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
            raise InvalidInput.worded("a PostgreSQL URL must name the database: "
                                      "postgresql://host/dbname")
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


def _check_sqlite_file(path: Path) -> None:
    """An existing, non-empty file must be a SQLite database: opening anything else (a CSV
    given by mistake) fails deep in SQLite, and a store must never write into it.

    Asked of SQLite itself, never through a file handle of this process's own: closing one
    releases every lock the process holds on the file (POSIX locks belong to the process), so
    another process closing the store took it for unused and reset its write-ahead log under
    this process's open connections, which then read a stale store (other processes' saves and
    erasures unseen) until they closed. SQLite keeps its own handles open while a connection
    of the process holds locks on the file."""
    if path.is_dir():
        raise InvalidInput.worded("the store {path} is a folder: give a SQLite file path",
                                  path=path)
    if not path.exists():
        return
    if not os.access(path, os.R_OK):
        raise StoreError.worded("cannot read the store {path}: {strerror}",
                                path=path, strerror=os.strerror(errno.EACCES))
    if path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            connection.execute("PRAGMA schema_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error):
            raise StoreError.worded("the file {path} is not a SQLite database, so it cannot be a "
                                    "store", path=path) from None


def check_cipher_key_argument(cipher_key: object) -> str | None:
    """The ``cipher_key`` a host gave: ``None`` (the environment's key, if any) or base64
    text. An empty key is refused: taken as "no key", it would silently store events
    unencrypted, even with ``BARGAINING_CIPHER_KEY`` set."""
    if cipher_key is None:
        return None
    if not isinstance(cipher_key, str):
        raise InvalidInput.worded("the encryption key must be base64 text (a str), not {name} "
                                  "(see BargainingApp.create_cipher_key())",
                                  name=type(cipher_key).__name__)
    if not cipher_key.strip():
        raise InvalidInput.worded("the encryption key is empty: give a key, or leave cipher_key "
                                  "out to use {cipher_key_env} (or no encryption when it is "
                                  "unset)", cipher_key_env=CIPHER_KEY_ENV)
    return cipher_key
