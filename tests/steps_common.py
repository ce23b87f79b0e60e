"""Shared step definitions for the feature files: who acts, refusals, history, the record.

Step texts are written in the words of the domain guide; this module turns them into calls on a
:class:`BargainingApp` and checks real values (event names, versions, notification ids).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then

from bargaining import (
    Actor,
    BargainingApp,
    BargainingError,
    BargainingUnit,
    InvalidInput,
    MissingActor,
    RuleViolation,
    UnitAlreadyRegistered,
    UnitNotFound,
)
from tests.refusals import Refusals

T = TypeVar("T")

#: Organizer words for a unit's facts, and the attribute that holds each.
FACTS = {
    "union": "union",
    "local": "local",
    "employer": "employer",
    "unit name": "unit_name",
    "sector": "sector",
    "region": "region",
    "city": "city",
    "workers": "headcount",
    "industry code": "industry_code",
}

REFUSALS: dict[str, type[BargainingError]] = {
    "already registered": UnitAlreadyRegistered,
    "breaking a rule": RuleViolation,
    "invalid": InvalidInput,
    "not found": UnitNotFound,
    "not saying who made the change": MissingActor,
}

Q = r'"(?P<{}>[^"]*)"'  # a quoted value, possibly empty


@dataclass
class World(Refusals):
    """What a scenario has done so far."""

    tmp_path: Path
    store: str = "memory"
    actor: Actor | None = None
    setup_actor: Actor = field(default_factory=lambda: Actor("org-1", "data steward"))
    units: dict[str, UUID] = field(default_factory=dict)
    unit: UUID | None = None
    attempted: dict[str, Any] = field(default_factory=dict)
    result: Any = None
    extra: dict[str, Any] = field(default_factory=dict)
    _app: BargainingApp | None = None
    _opened: list[BargainingApp] = field(default_factory=list)

    @property
    def app(self) -> BargainingApp:
        if self._app is None:
            self._app = self.open()
        return self._app

    def open(self) -> BargainingApp:
        app = BargainingApp(self.store)
        self._opened.append(app)
        return app

    def stop(self) -> None:
        if self._app is not None:
            self._app.close()
            self._opened.remove(self._app)
            self._app = None

    def close_all(self) -> None:
        for app in self._opened:
            app.close()
        self._opened.clear()
        self._app = None

    def uid(self, label: str) -> UUID:
        """The unit known by this label: registered in the scenario, or found on the map."""
        if label in self.units:
            return self.units[label]
        found = [u.unit_id for u in self.app.expiry_map.all_units() if u.label == label]
        assert found, f"no unit labelled {label!r} is on the Expiry Map"
        assert len(found) == 1, f"{len(found)} units are labelled {label!r}"
        return found[0]

    def current(self) -> BargainingUnit:
        self.ok()
        assert self.unit is not None, "the scenario has not named a unit yet"
        return self.app.units.get(self.unit)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    state = World(tmp_path)
    yield state
    state.close_all()
    state.ok()


def day(text: str | None) -> date | None:
    text = (text or "").strip()
    return date.fromisoformat(text) if text else None


def a_day(text: str) -> date:
    found = day(text)
    assert found is not None, "a date is needed here"
    return found


def plain(event_name: str) -> str:
    """'AgreementRecorded' -> 'agreement recorded'."""
    return re.sub(r"(?<!^)([A-Z])", r" \1", event_name).lower()


def history(app: BargainingApp, uid: UUID) -> list[str]:
    """The unit's entries, in order, as read from the application's notification log."""
    names: list[str] = []
    start = 1
    while True:
        batch = app.eventsourcing.notification_log.select(start=start, limit=1000)
        names += [n.topic.rsplit(".", 1)[-1] for n in batch if str(n.originator_id) == str(uid)]
        if len(batch) < 1000:
            return [plain(name) for name in names]
        start = batch[-1].id + 1


def table_rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    header, *rows = datatable
    return [dict(zip(header, row, strict=True)) for row in rows]


def registration(row: dict[str, str]) -> dict[str, Any]:
    """Keyword arguments of ``register_unit`` from a table row in organizer words."""
    kwargs: dict[str, Any] = {}
    for word, value in row.items():
        if word not in FACTS:
            continue
        attr = FACTS[word]
        kwargs[attr] = int(value) if attr == "headcount" and value != "" else value
    if kwargs.get("headcount") == "":
        del kwargs["headcount"]
    return kwargs


def register(world: World, kwargs: dict[str, Any], actor: Actor | None) -> UUID:
    uid = world.app.units.register(**kwargs, actor=actor)  # type: ignore[arg-type]
    world.units[world.app.units.get(uid).label] = uid
    world.unit = uid
    return uid


def fact(unit: Any, word: str) -> str:
    return str(getattr(unit, FACTS[word]))


# ------------------------------------------------------------------ who acts


@given(parsers.re(r'I am {}, acting as {}'.format(Q.format("id"), Q.format("role"))))
def i_am(world: World, id: str, role: str) -> None:
    world.actor = world.setup_actor = Actor(id, role)


@given("I have not said who I am")
def nobody(world: World) -> None:
    world.actor = None


@given("the record is kept in a database file on this computer")
def in_a_file(world: World) -> None:
    assert world._app is None, "choose the store before anything is recorded"
    world.store = str(world.tmp_path / "bargaining.sqlite")


# ------------------------------------------------------------ registrations


@given("this unit is registered:")
@given("these units are registered:")
def units_registered(world: World, datatable: list[list[str]]) -> None:
    for row in table_rows(datatable):
        register(world, registration(row), world.setup_actor)


# ------------------------------------------------------------------ refusals


@then(parsers.re(r"it is refused (?:as|for) (?P<kind>.+)"))
def refused(world: World, kind: str) -> None:
    error = world.refusal()
    expected = REFUSALS[kind]
    assert type(error) is expected, (
        f"refused as {type(error).__name__} ({error}), expected {expected.__name__}"
    )


@then(parsers.re(r'the refusal says "(?P<text>.*)"'))
def refusal_says(world: World, text: str) -> None:
    assert str(world.refusal()) == text


@then(parsers.re(r"the refusal says the unit needs (?P<what>an? .+)"))
def refusal_needs(world: World, what: str) -> None:
    error = str(world.refusal())
    noun = what.split(" ", 1)[1]
    # "a" or "an" both accepted: the spec is about which fact is missing.
    assert re.fullmatch(rf"a bargaining unit needs an? {re.escape(noun)}", error), error


@then("nothing new is recorded")
def nothing_recorded(world: World) -> None:
    world.nothing_recorded()


# ------------------------------------------------------------------- history


@then(parsers.re(r"the unit's history reads: (?P<entries>.+)"))
def history_reads(world: World, entries: str) -> None:
    expected = [e.strip() for e in entries.split(",")]
    assert world.unit is not None
    assert history(world.app, world.unit) == expected
    assert world.app.eventsourcing.repository.get(world.unit).version == len(expected)


@then(parsers.re(
    r'every entry of the unit\'s history was made by {} acting as {}'.format(
        Q.format("id"), Q.format("role"))
))
def every_entry_by(world: World, id: str, role: str) -> None:
    assert world.unit is not None
    events = list(world.app.eventsourcing.events.get(world.unit))
    assert events
    actors = [e.actor for e in events]  # type: ignore[attr-defined]
    assert actors == [Actor(id, role)] * len(events)


@then(parsers.re(
    r'the last entry of the unit\'s history was made by {} acting as {} because {}'.format(
        Q.format("id"), Q.format("role"), Q.format("why"))
))
def last_entry_by(world: World, id: str, role: str, why: str) -> None:
    assert world.unit is not None
    last = list(world.app.eventsourcing.events.get(world.unit))[-1]
    assert (last.actor, last.reason) == (Actor(id, role), why)  # type: ignore[attr-defined]


# -------------------------------------------------------------- the record


@then(parsers.re(r'the unit "(?P<label>[^"]+)" is on record with:'))
def on_record_with(world: World, label: str, datatable: list[list[str]]) -> None:
    world.ok()
    uid = world.uid(label)
    world.unit = uid
    unit = world.app.units.get(uid)
    assert unit.label == label
    for word, expected in datatable:
        assert fact(unit, word) == expected, f"{word}: {fact(unit, word)!r} != {expected!r}"


@then(parsers.re(r'no unit "(?P<label>[^"]+)" is on record'))
def not_on_record(world: World, label: str) -> None:
    assert label not in world.units
    assert all(u.label != label for u in world.app.expiry_map.all_units())
    if world.attempted:
        names = {k: world.attempted[k] for k in ("union", "local", "employer", "unit_name")}
        with pytest.raises(UnitNotFound):
            world.app.units.find(**names)


@then(parsers.parse("the Expiry Map lists {count:d} units"))
def map_lists(world: World, count: int) -> None:
    world.ok()
    assert len(world.app.expiry_map.all_units()) == count
