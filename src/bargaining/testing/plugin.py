"""The pytest plugin (installed with the package, entry point ``pytest11``): a fresh
application per test on memory, a SQLite file or PostgreSQL, for a host's own tests.

Fixtures: ``bargaining_app`` (a :class:`BargainingApp`, closed after the test),
``bargaining_scenario`` (a :class:`~bargaining.testing.Scenario` on it), ``bargaining_store``
(the store's location, for a host that opens applications itself) and
``bargaining_store_kind`` (``memory``, ``sqlite`` or ``postgresql``). Tests run on the kinds
the ini option ``bargaining_stores`` names (``memory`` by default; ``memory sqlite
postgresql`` runs every test on each), or those a test names with
``@pytest.mark.parametrize("bargaining_store_kind", [...])``.

PostgreSQL is ``BARGAINING_TEST_POSTGRES_URL`` (default
``postgresql://postgres@127.0.0.1:5432/test``), a schema per test, dropped afterwards; with no
server the test is skipped with the reason, or fails under ``BARGAINING_REQUIRE_POSTGRES=1``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import pytest

from bargaining.infrastructure.stores import Store

if TYPE_CHECKING:  # imported by the fixtures, so pytest starts without loading the library
    from bargaining.app import BargainingApp
    from bargaining.testing.scenario import Scenario

KINDS = ("memory", "sqlite", "postgresql")
POSTGRES_ENV = "BARGAINING_TEST_POSTGRES_URL"
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("bargaining_stores", "the stores bargaining_app runs each test on: any of "
                  "memory, sqlite, postgresql", type="args", default=["memory"])


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "bargaining_store_kind" not in metafunc.fixturenames:
        return
    for marker in metafunc.definition.iter_markers("parametrize"):
        names = marker.args[0] if marker.args else marker.kwargs.get("argnames", "")
        if "bargaining_store_kind" in (names.replace(" ", "").split(",")
                                       if isinstance(names, str) else list(names)):
            return
    kinds = metafunc.config.getini("bargaining_stores")
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise pytest.UsageError(f"bargaining_stores names {', '.join(unknown)}: the stores are "
                                f"{', '.join(KINDS)}")
    metafunc.parametrize("bargaining_store_kind", kinds)


@pytest.fixture
def bargaining_store_kind() -> str:
    """The kind of store (``memory`` unless the test or the ini option says otherwise)."""
    return "memory"


def _postgres_schema() -> Iterator[str]:
    url = os.environ.get(POSTGRES_ENV, DEFAULT_POSTGRES)
    required = os.environ.get("BARGAINING_REQUIRE_POSTGRES", "") not in ("", "0")
    try:
        import psycopg

        connection = psycopg.connect(url, autocommit=True, connect_timeout=3)
    except Exception as error:  # no driver or no server: say which, and how to fix it
        # the URL can hold a password, and the driver's message can quote it: neither is shown
        problem = (f"PostgreSQL at {Store.parse(url).location} is not reachable "
                   f"({type(error).__name__})")
        if required:
            pytest.fail(f"{problem}, and BARGAINING_REQUIRE_POSTGRES is set")
        pytest.skip(f"{problem}: start it, or set {POSTGRES_ENV}")
    name = f"bargaining_test_{uuid.uuid4().hex[:12]}"
    with connection:
        connection.execute(f'CREATE SCHEMA "{name}"')
    try:
        yield _with_schema(url, name)
    finally:
        with psycopg.connect(url, autocommit=True) as cleanup:
            cleanup.execute(f'DROP SCHEMA "{name}" CASCADE')


@pytest.fixture
def bargaining_store(bargaining_store_kind: str, tmp_path: Path) -> Iterator[str]:
    """Where this test's events are kept: ``"memory"``, a SQLite file in the test's
    temporary folder, or a PostgreSQL schema of its own (dropped afterwards)."""
    if bargaining_store_kind == "memory":
        yield "memory"
    elif bargaining_store_kind == "sqlite":
        yield str(tmp_path / "bargaining.sqlite")
    elif bargaining_store_kind == "postgresql":
        yield from _postgres_schema()
    else:
        raise pytest.UsageError(f"bargaining_store_kind is one of {', '.join(KINDS)}, not "
                                f"{bargaining_store_kind!r}")


@pytest.fixture
def bargaining_app(bargaining_store: str) -> Iterator[BargainingApp]:
    """A fresh application on this test's store, closed after the test."""
    from bargaining.app import BargainingApp

    with BargainingApp(bargaining_store) as app:
        yield app


@pytest.fixture
def bargaining_scenario(bargaining_app: BargainingApp) -> Scenario:
    """Given, when, then on this test's application."""
    from bargaining.testing.scenario import Scenario

    return Scenario(bargaining_app)


def _with_schema(url: str, schema: str) -> str:
    """The URL with ``schema`` in its query, beside any settings it already holds."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "schema"] + [("schema", schema)]
    return urlunsplit(parts._replace(query=urlencode(query)))
