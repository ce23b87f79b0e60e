"""Ids that reveal nothing: on an encrypted store, a record's id cannot be computed from the
public names it is registered under, and records written before keyed ids are still found.

Issue 15: from the public F-7 names, 5,380 of 6,000 units were identified in an encrypted
dump, because a unit's id was a UUID 5 of a published namespace and its names.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import (
    Actor,
    BargainingApp,
    BargainingUnit,
    BodyType,
    RuleViolation,
    TemplateAction,
    ThreatKind,
    UnitAlreadyRegistered,
    UnitProfile,
    body_id,
    unit_id,
)
from bargaining.adapters.csv_import import F7_MAPPING, ColumnMapping, CsvImporter
from bargaining.adapters.csv_import.rows import RowParser, RowRefused
from bargaining.domain.defense.response import Response, response_id
from bargaining.domain.defense.template import template_id
from bargaining.domain.democracy.body import GoverningBody
from bargaining.domain.shared.record_ids import PUBLIC_IDS
from bargaining.domain.units.profile import UNIT_NAMESPACE, unit_ids, unit_words
from bargaining.infrastructure.record_ids import KeyedIds
from tests.conftest import F7_SAMPLE
from tests.refusals import position
from tests.test_release_stores import released, variant  # noqa: F401  (fixtures)

KEY = BargainingApp.create_cipher_key()
CUPE_79 = {"union": "CUPE", "local": "79", "employer": "City of Toronto",
           "unit_name": "Inside workers"}
NAMED_COLUMNS = ColumnMapping(union="union", local="local", employer="employer",
                              unit_name="unit", expiry="expiry")


def stored_ids(app: BargainingApp) -> set[UUID]:
    """Every originator id the store holds (stored in clear, encrypted or not)."""
    found = app.eventsourcing.recorder.select_notifications(start=None, limit=1_000_000)
    return {n.originator_id for n in found}


def named_rows(*units: dict[str, str], expiry: str = "2027-03-31") -> str:
    lines = ["union,local,employer,unit,expiry"]
    lines += [f"{u['union']},{u['local']},{u['employer']},{u['unit_name']},{expiry}"
              for u in units]
    return "\n".join(lines) + "\n"


def public_f7_ids() -> dict[UUID, str]:
    """What an attacker computes from the public F-7 file: each row's unit id as every
    release before keyed ids derived it, with the employer it names."""
    import csv

    parser, ids = RowParser(F7_MAPPING), {}
    with F7_SAMPLE.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                parsed = parser.parse(line, row, F7_SAMPLE.name)
            except RowRefused:
                continue
            ids[parsed.unit_id] = parsed.registration.employer
    return ids


# ------------------------------------------------------------------ units, every store


def test_on_an_encrypted_store_a_units_id_is_not_its_public_uuid5(
    open_app: Callable[..., BargainingApp], store_kind: str, steward: Actor
) -> None:
    app = open_app(cipher_key=KEY)
    uid = app.units.register(**CUPE_79, actor=steward)
    assert uid != unit_id(**CUPE_79)
    assert unit_id(**CUPE_79) not in stored_ids(app)
    assert uid in stored_ids(app)
    # Without this key the id cannot be computed: another key gives another id.
    other = BargainingApp("memory", cipher_key=BargainingApp.create_cipher_key())
    assert other.units.ids_of(**CUPE_79)[0] != uid
    other.close()
    # The same names find the same unit, under the same key; twice is refused, not a second.
    same = open_app(cipher_key=KEY) if store_kind != "memory" else app
    assert same.units.find(union="cupe", local=" 79", employer="CITY OF TORONTO",
                           unit_name="inside  workers").id == uid
    before = position(same)
    with pytest.raises(UnitAlreadyRegistered, match="already registered"):
        same.units.register(**CUPE_79, actor=steward)
    assert position(same) == before


def test_a_plain_store_keeps_the_public_ids_it_always_gave(app: BargainingApp,
                                                           steward: Actor) -> None:
    uid = app.units.register(**CUPE_79, actor=steward)
    assert uid == unit_id(**CUPE_79)
    assert app.units.ids_of(**CUPE_79) == (uid,)


def test_an_import_into_an_encrypted_store_gives_keyed_ids_and_reimports_nothing(
    open_app: Callable[..., BargainingApp], steward: Actor
) -> None:
    app = open_app(cipher_key=KEY)
    head = "".join(F7_SAMPLE.read_text(encoding="utf-8").splitlines(keepends=True)[:301])
    report = CsvImporter(app, F7_MAPPING, actor=steward).import_text(head)
    assert report.units_registered == report.imported == 248
    units = {u.unit_id for u in app.expiry_map.all_units()}
    assert len(units) == report.units_registered
    assert not units & set(public_f7_ids())
    assert all(uid.version == 8 for uid in units)
    again = CsvImporter(app, F7_MAPPING, actor=steward).import_text(head)
    assert (again.units_registered, again.imported) == (0, 0)
    assert again.unchanged == report.imported + report.unchanged


def test_units_registered_before_keyed_ids_are_found_and_never_doubled(
    open_app: Callable[..., BargainingApp], steward: Actor
) -> None:
    """A unit an earlier version recorded on an encrypted store keeps its public id: found by
    name, refused as already registered, and an import of its names adds to it."""
    app = open_app(cipher_key=KEY)
    earlier = BargainingUnit.register(UnitProfile(**CUPE_79), actor=steward)  # a public id
    app.save(earlier)
    legacy = earlier.id
    assert legacy == unit_id(**CUPE_79)
    assert app.units.find(**CUPE_79).id == legacy
    with pytest.raises(UnitAlreadyRegistered):
        app.units.register(**CUPE_79, actor=steward)
    report = CsvImporter(app, NAMED_COLUMNS, actor=steward).import_text(named_rows(CUPE_79))
    assert (report.units_registered, report.imported) == (0, 1)
    assert app.units.get(legacy).current_agreement.expiry == date(2027, 3, 31)  # type: ignore[union-attr]
    assert stored_ids(app) == {legacy}


@pytest.mark.parametrize("store_kind", ["memory", "sqlite", "postgres"], indirect=True)
def test_release_0_1_units_are_found_by_name_and_never_registered_twice(
    released: BargainingApp, variant: str, steward: Actor  # noqa: F811
) -> None:
    units = [released.units.get(u.unit_id) for u in released.expiry_map.all_units()]
    assert len(units) == 3
    names = [{"union": u.union, "local": u.local, "employer": u.employer,
              "unit_name": u.unit_name} for u in units]
    for unit, named in zip(units, names, strict=True):
        assert released.units.find(**named).id == unit.id
        with pytest.raises(UnitAlreadyRegistered):
            released.units.register(**named, actor=steward)
    report = CsvImporter(released, NAMED_COLUMNS, actor=steward).import_text(
        named_rows(*names, expiry="2031-03-31"))
    assert (report.units_registered, report.imported) == (0, 3)
    assert len(released.expiry_map.all_units()) == 3
    assert released.integrity.verify().intact


# ---------------------------------------------------------------- the attack


@pytest.fixture(scope="module")
def f7_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    """The F-7 sample imported into a plain and an encrypted SQLite file (each in a folder of
    its own, beside its write-ahead log), with the units each registered."""
    made = {}
    for kind, key in (("plain", None), ("encrypted", KEY)):
        folder = tmp_path_factory.mktemp(kind)
        with BargainingApp(str(folder / "store.sqlite"), cipher_key=key) as app:
            report = CsvImporter(app, F7_MAPPING, actor=Actor("d-1", "data steward")
                                 ).import_file(F7_SAMPLE)
        made[kind] = (folder, report.units_registered)
    return made


def test_the_public_f7_names_identify_no_unit_in_an_encrypted_store(
    f7_files: dict[str, tuple[Path, int]]
) -> None:
    """The attack of issue 15, on SQLite files: compute every unit's id from the public F-7
    names and look for it among the stored originator ids. A plain store gives every unit
    away; an encrypted one none."""
    computed = set(public_f7_ids())
    found = {}
    for kind, (folder, registered) in f7_files.items():
        with sqlite3.connect(folder / "store.sqlite") as db:
            stored = {UUID(r[0]) for r in db.execute(
                "SELECT DISTINCT originator_id FROM stored_events")}
        found[kind] = (len(stored & computed), registered)
    assert found["plain"][0] == found["plain"][1] > 5000  # every unit
    assert found["encrypted"][1] == found["plain"][1]
    assert found["encrypted"][0] == 0


def test_an_encrypted_sqlite_store_holds_no_unit_name_in_any_table(
    f7_files: dict[str, tuple[Path, int]]
) -> None:
    """The employers' names (those long enough not to turn up in base64 by chance) are in
    no table, index or write-ahead log of the encrypted store; the plain one, as a check of
    the test, holds them."""
    employers = {name for name in public_f7_ids().values() if len(name) >= 16}
    held = {}
    for kind, (folder, _) in f7_files.items():
        raw = b"".join(p.read_bytes() for p in folder.iterdir())
        held[kind] = {n for n in employers if n.encode() in raw}
    assert len(held["plain"]) == len(employers) > 1000
    assert held["encrypted"] == set()


# -------------------------------------------------------- bodies, templates, responses


def test_bodies_and_templates_get_keyed_ids_on_an_encrypted_store(
    open_app: Callable[..., BargainingApp], steward: Actor
) -> None:
    app = open_app(cipher_key=KEY)
    board = app.democracy.form_body(organization="CUPE Ontario", name="Executive board",
                                    kind=BodyType.EXECUTIVE_BOARD, actor=steward)
    assert board != body_id("CUPE Ontario", "Executive board")
    assert app.democracy.body_id("cupe ontario", "EXECUTIVE BOARD") == board
    before = position(app)
    with pytest.raises(RuleViolation, match="already has a body"):
        app.democracy.form_body(organization="CUPE Ontario", name="Executive board",
                                kind=BodyType.EXECUTIVE_BOARD, actor=steward)
    assert position(app) == before
    # A body formed before keyed ids keeps its public id, and is still found by name.
    legacy = GoverningBody.form(organization="OPSEU", name="Executive board",
                                kind=BodyType.EXECUTIVE_BOARD, actor=steward)
    app.save(legacy)
    assert legacy.id == body_id("OPSEU", "Executive board")
    assert app.democracy.body_id("OPSEU", "Executive board") == legacy.id
    with pytest.raises(RuleViolation, match="already has a body"):
        app.democracy.form_body(organization="OPSEU", name="Executive board",
                                kind=BodyType.EXECUTIVE_BOARD, actor=steward)
    assert stored_ids(app) == {board, legacy.id}


def test_a_templates_and_a_responses_ids_are_keyed_on_an_encrypted_store(
    steward: Actor
) -> None:
    app = BargainingApp("memory", cipher_key=KEY)
    tid = app.defense.publish_template(
        "Hospital privatization", answers=[ThreatKind.PRIVATIZATION],
        actions=[TemplateAction("town hall", "organizing meeting", 7)], actor=steward)
    assert tid != template_id("Hospital privatization")
    assert app.defense.template("hospital  PRIVATIZATION").id == tid
    with pytest.raises(RuleViolation, match="published already"):
        app.defense.publish_template(
            "Hospital privatization", answers=[ThreatKind.PRIVATIZATION],
            actions=[TemplateAction("town hall", "organizing meeting", 7)], actor=steward)
    app.close()
    threat = UUID(int=7)
    ids = KeyedIds(b"k" * 32)
    proposed = Response.propose(
        threat_id=threat, threat_name="Bill 60",
        threat_recorded_at=datetime(2023, 5, 30, 12, tzinfo=UTC), local="CUPE 79",
        units=[], template_id=tid, template_name="Hospital privatization", template_version=1,
        why="it answers privatization", actor=steward, ids=ids)
    assert proposed.id != response_id(threat, "CUPE 79")
    assert ids.earlier(UNIT_NAMESPACE, "x") == (PUBLIC_IDS.named(UNIT_NAMESPACE, "x"),)


# ------------------------------------------------------------------------ properties

names = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=200, deadline=None)
@given(union=names, local=names, employer=names, unit_name=names,
       key=st.binary(min_size=16, max_size=32))
def test_keyed_ids_differ_from_public_ones_and_are_stable(
    union: str, local: str, employer: str, unit_name: str, key: bytes
) -> None:
    keyed = unit_ids(KeyedIds(key), union, local, employer, unit_name)
    again = unit_ids(KeyedIds(bytes(key)), union, local, employer, unit_name)
    composed = [unicodedata.normalize("NFC", v) for v in (union, local, employer, unit_name)]
    public = unit_id(*composed)
    assert keyed == again
    assert keyed[0] != public and keyed[0].version == 8
    assert keyed[1] == public
    assert unit_ids(PUBLIC_IDS, *composed)[0] == public
    other = KeyedIds(key + b"!").named(UNIT_NAMESPACE, unit_words(*composed))
    assert other != keyed[0]
