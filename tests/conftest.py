"""Shared fixtures: every store-dependent test runs on memory, SQLite and PostgreSQL.

PostgreSQL tests use ``BARGAINING_TEST_POSTGRES_URL`` (default
``postgresql://postgres@127.0.0.1:5432/test``), each in a schema of its own that is dropped
afterwards. Without a server they skip, saying how to enable them; with
``BARGAINING_REQUIRE_POSTGRES=1`` (as CI sets) a missing server fails instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bargaining import Actor, BargainingApp, ReadPolicy

POSTGRES_URL = os.environ.get(
    "BARGAINING_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("BARGAINING_REQUIRE_POSTGRES", "") not in ("", "0")
F7_SAMPLE = Path(__file__).resolve().parents[1] / "data" / "f7-notices-fy2004-sample.csv"
STORES = ["memory", "sqlite", "postgres"]


def _postgres_available() -> str | None:
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install 'bargaining[postgres]')"
    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return f"cannot connect to {POSTGRES_URL}: {error}".strip()


_PG_PROBLEM: list[str | None] = []


def require_postgres() -> None:
    """Skip (or, under BARGAINING_REQUIRE_POSTGRES=1, fail) when PostgreSQL is unreachable."""
    if not _PG_PROBLEM:
        _PG_PROBLEM.append(_postgres_available())
    problem = _PG_PROBLEM[0]
    if problem is None:
        return
    if REQUIRE_POSTGRES:
        pytest.fail(f"PostgreSQL is required (BARGAINING_REQUIRE_POSTGRES=1) but {problem}")
    pytest.skip(
        f"PostgreSQL tests skipped: {problem}. Start PostgreSQL or set "
        "BARGAINING_TEST_POSTGRES_URL=postgresql://user@host:port/db to run them."
    )


@pytest.fixture
def pg_schema() -> Iterator[str]:
    """A fresh PostgreSQL schema, dropped after the test."""
    require_postgres()
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{name}"')
    yield name
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{name}" CASCADE')


@pytest.fixture(params=STORES)
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store_url(store_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A store location of the parametrised kind; apps opened on it share one database."""
    if store_kind == "memory":
        return "memory"
    if store_kind == "sqlite":
        return str(tmp_path / "events.sqlite")
    schema = request.getfixturevalue("pg_schema")
    return f"{POSTGRES_URL}?schema={schema}"


@pytest.fixture
def open_app(store_url: str) -> Iterator[Callable[..., BargainingApp]]:
    """Open applications on the test's store; all are closed afterwards."""
    opened: list[BargainingApp] = []

    def _open(**kwargs: object) -> BargainingApp:
        app = BargainingApp(store_url, **kwargs)  # type: ignore[arg-type]
        opened.append(app)
        return app

    yield _open
    for app in opened:
        app.close()


@pytest.fixture
def app(open_app: Callable[..., BargainingApp]) -> BargainingApp:
    return open_app()


@pytest.fixture
def sqlite_app(tmp_path: Path) -> Iterator[BargainingApp]:
    app = BargainingApp(str(tmp_path / "events.sqlite"))
    yield app
    app.close()


@pytest.fixture
def memory_app() -> Iterator[BargainingApp]:
    app = BargainingApp("memory")
    yield app
    app.close()


@pytest.fixture
def steward() -> Actor:
    return Actor("org-1", "data steward")


# Two applications (as two processes do) on one store on disk, each with its own cache of keys.

#: Sees every person's data, so that a test can tell "shown" from "erased".
SEES_ALL = ReadPolicy(organizers_only=False)


@pytest.fixture(params=["sqlite", "postgres"])
def shared_store(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store on disk, which two applications (or processes) open at once."""
    if request.param == "sqlite":
        return str(tmp_path / "events.sqlite")
    schema = request.getfixturevalue("pg_schema")
    return f"{POSTGRES_URL}?schema={schema}"


@pytest.fixture
def opened(shared_store: str) -> Iterator[Callable[[], BargainingApp]]:
    """Opens applications on the shared store; all are closed afterwards."""
    apps: list[BargainingApp] = []

    def _open() -> BargainingApp:
        app = BargainingApp(shared_store, read_policy=SEES_ALL)
        apps.append(app)
        return app

    yield _open
    for app in apps:
        app.close()
