"""A unit that release 0.1 registered under names typed with a decomposed accent (as macOS and
some web forms send them) keeps its id: registering, finding and importing the same names find
it, rather than making a second unit now that names are kept composed (NFC)."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest

from bargaining import F7_MAPPING, Actor, BargainingApp, CsvImporter, UnitAlreadyRegistered
from bargaining.domain.units.profile import release_0_1_unit_id, unit_id
from bargaining.domain.units.unit import BargainingUnit

STEWARD = Actor("d-1", "data steward")
TYPED = "Montre\u0301al"  # "Montréal" with the accent as a second character


def stored_as_release_0_1(app: BargainingApp) -> UUID:
    """What release 0.1 stored for these names: the names as typed, the id from them."""
    unit = BargainingUnit._create(  # the names as release 0.1 kept them, uncomposed
        BargainingUnit.Registered, union="CSN", local="1", employer=TYPED,
        unit_name="Cols bleus", sector="", region="QC", city="", headcount=0,
        industry_code="", actor=STEWARD, reason=None)
    app.save(unit)
    return unit.id


def test_the_id_of_release_0_1_is_known_only_where_it_differs() -> None:
    legacy = release_0_1_unit_id("CSN", "1", TYPED, "Cols bleus")
    assert legacy == unit_id("CSN", "1", TYPED, "Cols bleus")
    composed = unicodedata.normalize("NFC", TYPED)
    assert legacy != unit_id("CSN", "1", composed, "Cols bleus")
    assert release_0_1_unit_id("CSN", "1", composed, "Cols bleus") is None


def test_registering_or_finding_the_same_names_finds_the_unit_of_release_0_1(
    app: BargainingApp,
) -> None:
    old = stored_as_release_0_1(app)
    with pytest.raises(UnitAlreadyRegistered):
        app.units.register(union="CSN", local="1", employer=TYPED, unit_name="Cols bleus",
                           actor=STEWARD)
    assert app.units.find(union="CSN", local="1", employer=TYPED, unit_name="Cols bleus").id == old


def test_importing_the_same_names_adds_to_the_unit_of_release_0_1(
    app: BargainingApp, tmp_path: Path,
) -> None:
    file = tmp_path / "f7.csv"
    file.write_text(
        "notice_date,expiration_date,employer,union,unit_city,unit_state,industry_code,"
        "bargaining_unit_size,establishment_size\n"
        f"2004-01-05,2004-06-30,{TYPED},CSN 1,Laval,QC,,120,\n", encoding="utf-8")
    with BargainingApp("memory") as scratch:  # the names today's import gives the row
        CsvImporter(scratch, F7_MAPPING, actor=STEWARD).import_file(file)
        [row] = scratch.expiry_map.all_units()
        names = scratch.units.get(row.unit_id)
    unit = BargainingUnit._create(  # the same names as release 0.1 kept them, uncomposed
        BargainingUnit.Registered, union=names.union, local=names.local, employer=TYPED,
        unit_name=names.unit_name, sector=names.sector, region=names.region, city=names.city,
        headcount=0, industry_code=names.industry_code, actor=STEWARD, reason=None)
    app.save(unit)
    assert unit.id != row.unit_id
    report = CsvImporter(app, F7_MAPPING, actor=STEWARD).import_file(file)
    assert (report.units_registered, report.imported) == (0, 1)
    assert [u.unit_id for u in app.expiry_map.all_units()] == [unit.id]
    found = app.units.get(unit.id).current_agreement
    assert found is not None and found.expiry == date(2004, 6, 30)
