"""Steps of record_ids.feature: ids that reveal nothing on an encrypted store (issue 15)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import (
    Actor,
    BargainingApp,
    BargainingUnit,
    UnitAlreadyRegistered,
    UnitProfile,
    unit_id,
)
from bargaining.adapters.csv_import import F7_MAPPING, ColumnMapping, CsvImporter
from bargaining.adapters.csv_import.rows import RowParser, RowRefused
from tests.conftest import F7_SAMPLE
from tests.refusals import Refusals

UNIT = r"(?P<union>\S+) (?P<local>\S+), (?P<employer>[^(]+?) \((?P<unit_name>[^)]+)\)"
KEY = BargainingApp.create_cipher_key()


@dataclass
class Sealed(Refusals):
    """A scenario on an encrypted store."""

    actor: Actor = field(default_factory=lambda: Actor("org-1", "data steward"))
    unit: UUID | None = None
    found: Any = None
    report: Any = None
    imported_ids: set[UUID] = field(default_factory=set)
    _app: BargainingApp | None = None

    @property
    def app(self) -> BargainingApp:
        if self._app is None:
            self._app = BargainingApp("memory", cipher_key=KEY)
        return self._app


@pytest.fixture
def sealed() -> Iterator[Sealed]:
    state = Sealed()
    yield state
    if state._app is not None:
        state._app.close()
    state.ok()


def _names(union: str, local: str, employer: str, unit_name: str) -> dict[str, str]:
    return {"union": union, "local": local, "employer": employer, "unit_name": unit_name}


@given(parsers.parse('I am "{who}", acting as "{role}", on an encrypted store'))
def on_encrypted_store(sealed: Sealed, who: str, role: str) -> None:
    sealed.actor = Actor(who, role)
    assert sealed.app.eventsourcing.mapper.cipher is not None


@given(parsers.re(f"the unit {UNIT} was recorded before keyed ids"))
def recorded_before(sealed: Sealed, union: str, local: str, employer: str,
                    unit_name: str) -> None:
    """As an earlier version recorded it: under the id computed from its names alone."""
    unit = BargainingUnit.register(UnitProfile(**_names(union, local, employer, unit_name)),
                                   actor=sealed.actor)
    sealed.app.save(unit)
    sealed.unit = unit.id


@when(parsers.re(f"I register the unit {UNIT}(?P<again> again)?$"))
def register(sealed: Sealed, union: str, local: str, employer: str, unit_name: str,
             again: str | None) -> None:
    made = sealed.attempt(lambda: sealed.app.units.register(
        **_names(union, local, employer, unit_name), actor=sealed.actor))
    if not again:
        sealed.unit = made


@when(parsers.re(f"I look for {UNIT}$"))
def look_for(sealed: Sealed, union: str, local: str, employer: str, unit_name: str) -> None:
    sealed.found = sealed.app.units.find(**_names(union, local, employer, unit_name))


@when(parsers.re(f"I import a row for {UNIT} expiring (?P<expiry>[0-9-]+)"))
def import_row(sealed: Sealed, union: str, local: str, employer: str, unit_name: str,
               expiry: str) -> None:
    mapping = ColumnMapping(union="union", local="local", employer="employer",
                            unit_name="unit", expiry="expiry", source="coalition sheet")
    text = f"union,local,employer,unit,expiry\n{union},{local},{employer},{unit_name},{expiry}\n"
    sealed.report = CsvImporter(sealed.app, mapping, actor=sealed.actor).import_text(text)


@when(parsers.parse("I import the first {rows:,d} notices of the F-7 sample of fiscal 2004"))
def import_f7(sealed: Sealed, rows: int) -> None:
    lines = F7_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)[: rows + 1]
    sealed.report = CsvImporter(sealed.app, F7_MAPPING, actor=sealed.actor).import_text(
        "".join(lines), source_name=F7_SAMPLE.name)
    sealed.imported_ids = {u.unit_id for u in sealed.app.expiry_map.all_units()}


@then("its id is not the one anyone can compute from its names")
def not_public(sealed: Sealed) -> None:
    sealed.ok()
    unit = sealed.app.units.get(sealed.unit)  # type: ignore[arg-type]
    assert unit.id != unit_id(unit.union, unit.local, unit.employer, unit.unit_name)


@then("a store with another key gives the same names another id")
def another_key(sealed: Sealed) -> None:
    unit = sealed.app.units.get(sealed.unit)  # type: ignore[arg-type]
    with BargainingApp("memory", cipher_key=BargainingApp.create_cipher_key()) as other:
        names = _names(unit.union, unit.local, unit.employer, unit.unit_name)
        assert other.units.ids_of(**names)[0] != unit.id


@then(parsers.re(f"looking for {UNIT} finds it"))
def finds_it(sealed: Sealed, union: str, local: str, employer: str, unit_name: str) -> None:
    found = sealed.app.units.find(**_names(union, local, employer, unit_name))
    assert found.id == sealed.unit


@then("it is refused as already registered")
def refused_registered(sealed: Sealed) -> None:
    assert isinstance(sealed.refusal(), UnitAlreadyRegistered)


@then("nothing new is recorded")
def nothing_new(sealed: Sealed) -> None:
    sealed.nothing_recorded()


@then("I find the unit recorded before")
def found_before(sealed: Sealed) -> None:
    assert sealed.found is not None and sealed.found.id == sealed.unit
    assert sealed.unit == unit_id(sealed.found.union, sealed.found.local,
                                  sealed.found.employer, sealed.found.unit_name)


@then("the import registers no unit and records the agreement on the unit recorded before")
def import_onto_before(sealed: Sealed) -> None:
    report = sealed.report
    assert (report.units_registered, report.agreements_recorded) == (0, 1)
    assert [u.unit_id for u in sealed.app.expiry_map.all_units()] == [sealed.unit]
    assert len(sealed.app.units.get(sealed.unit).agreements) == 1  # type: ignore[arg-type]


@then(parsers.parse("the import registers {units:d} units"))
def registers_units(sealed: Sealed, units: int) -> None:
    assert sealed.report.units_registered == units == len(sealed.imported_ids)


@then("none of the ids computed from the notices' public names is in the store")
def none_computed(sealed: Sealed) -> None:
    """What anyone can do with the library and the public file: read each notice as the
    importer does, and take the id every release before keyed ids gave its unit."""
    parser, computed = RowParser(F7_MAPPING), set()
    with F7_SAMPLE.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(islice(csv.DictReader(handle), sealed.report.rows_read), 2):
            try:
                computed.add(parser.parse(line, row, F7_SAMPLE.name).unit_id)
            except RowRefused:
                continue
    stored = {n.originator_id for n in sealed.app.eventsourcing.recorder.select_notifications(
        start=None, limit=100_000)}
    assert len(computed) == len(sealed.imported_ids)  # one computed id per unit imported
    assert not computed & stored
