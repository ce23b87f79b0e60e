"""Organizing drives to certification: cards counted as facts, certification flagged (never
refused) when short of the host's configured threshold, the unit registered and the
first-contract round opened in one transaction, what cannot be true refused with nothing
recorded, and readings on a day, at a moment and a version; on every store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    CARD_CHECK,
    CERTIFICATION_VOTE,
    EXAMPLE_CERTIFICATION_RULES,
    Actor,
    BargainingApp,
    CertificationRule,
    CertificationRules,
    FlagRule,
    InvalidInput,
    MissingActor,
    RecordNotFound,
    RuleViolation,
    Tally,
    UnitAlreadyRegistered,
    Vote,
    unit_id,
)
from tests.conftest import POSTGRES_URL
from tests.refusals import position
from tests.test_properties import quick

ORGANIZER = Actor("csn-7", "CSN organizer")
STARTED = date(2024, 1, 15)


def dxt4(app: BargainingApp, eligible: int = 230, jurisdiction: str = "QC") -> UUID:
    return app.drives.start(workplace="DXT4 Laval", employer="Amazon Canada",
                            jurisdiction=jurisdiction, union="CSN", eligible=eligible,
                            on=STARTED, actor=ORGANIZER)


def certify(app: BargainingApp, drive: UUID, method: str = CARD_CHECK,
            on: date = date(2024, 5, 10)) -> tuple[UUID, tuple[object, ...]]:
    unit, flags = app.drives.certify(drive, on=on, method=method, source="TAT decision",
                                     local="DXT4", unit_name="Warehouse workers",
                                     actor=ORGANIZER)
    return unit, flags


def test_a_drive_certified_on_cards_becomes_a_unit_and_bargains_a_first_contract(
        app: BargainingApp) -> None:
    drive = dxt4(app)
    app.drives.count_cards(drive, signed=80, on=date(2024, 2, 20), actor=ORGANIZER)
    app.drives.count_cards(drive, signed=140, on=date(2024, 4, 2), actor=ORGANIZER)
    app.drives.file_application(drive, on=date(2024, 4, 5), board="TAT",
                                source="TAT file", actor=ORGANIZER)
    unit, flags = certify(app, drive)
    assert flags == ()
    registered = app.units.get(unit)
    assert registered.label == "CSN DXT4, Amazon Canada (Warehouse workers)"
    assert (registered.headcount, registered.region, registered.agreements) == (230, "QC", [])
    round_id = app.drives.open_first_contract(drive, on=date(2024, 6, 3), actor=ORGANIZER)
    assert app.rounds.get(round_id).unit_ids == (unit,)
    assert app.rounds.get(round_id).notice_served == date(2024, 6, 3)
    read = app.drives.get(drive)
    assert (read.status, read.unit_id, read.round_id, read.method) == (
        "certified", unit, round_id, CARD_CHECK)
    # the drive as it was, by real-world day, moment of recording and version
    assert app.drives.get(drive, on=date(2024, 3, 1)).cards == 80
    assert app.drives.get(drive, on=date(2024, 4, 30)).status == "application filed"
    assert app.drives.get(drive, version=3).cards == 140
    assert app.drives.get(drive, at=datetime.now(UTC)).round_id == round_id
    assert app.integrity.verify().intact


def test_the_route_follows_the_configured_thresholds(app: BargainingApp) -> None:
    drive = dxt4(app)
    app.drives.count_cards(drive, signed=60, on=date(2024, 2, 1), actor=ORGANIZER)
    assert "short of the 35% that calls for a vote" in app.drives.route(drive)
    app.drives.count_cards(drive, signed=100, on=date(2024, 3, 1), actor=ORGANIZER)
    assert "43.5% of cards: at least 35% calls for a vote" in app.drives.route(drive)
    app.drives.count_cards(drive, signed=116, on=date(2024, 4, 1), actor=ORGANIZER)
    assert "more than 50% certifies on cards alone" in app.drives.route(drive)
    assert "26.1%" in app.drives.route(drive, on=date(2024, 2, 15))
    elsewhere = dxt4(app, jurisdiction="NB")
    assert app.drives.route(elsewhere) == "no certification rule is configured for NB"


def test_a_certification_short_of_the_threshold_is_recorded_with_a_flag(
        app: BargainingApp) -> None:
    drive = dxt4(app)
    app.drives.count_cards(drive, signed=115, on=date(2024, 4, 1), actor=ORGANIZER)  # 50%
    unit, flags = certify(app, drive)
    [flag] = flags
    assert flag.rule is FlagRule.CERTIFIED_BELOW_THRESHOLD  # type: ignore[attr-defined]
    assert "115 cards of 230 eligible (50%) on 2024-05-10, not more than 50%" in \
        flag.why  # type: ignore[attr-defined]
    assert app.drives.get(drive).flags == [flag]
    assert app.units.get(unit).headcount == 230
    [entry] = [e for e in app.history.of(drive) if e.event == "Certified"]
    assert "flagged: certified short of the jurisdiction's threshold" in entry.summary


def test_a_certification_after_a_vote_that_failed_is_flagged(app: BargainingApp) -> None:
    drive = dxt4(app, jurisdiction="ON")
    app.drives.count_cards(drive, signed=100, on=date(2024, 2, 1), actor=ORGANIZER)
    app.drives.record_vote(drive, Vote(date(2024, 2, 8), Tally(eligible=230, cast=200, yes=90,
                                                               no=110)), actor=ORGANIZER)
    _, flags = certify(app, drive, method=CERTIFICATION_VOTE)
    assert [f.rule for f in flags] == [  # type: ignore[attr-defined]
        FlagRule.CERTIFIED_BELOW_THRESHOLD]
    carried = dxt4(app, jurisdiction="ON")
    app.drives.record_vote(carried, Vote(date(2024, 2, 8), Tally(eligible=230, cast=200,
                                                                 yes=150, no=50)),
                           actor=ORGANIZER)
    assert app.drives.certify(carried, on=date(2024, 2, 20), method=CERTIFICATION_VOTE,
                              source="OLRB", local="DXT4", unit_name="Night shift",
                              actor=ORGANIZER)[1] == ()


def test_ontario_as_configured_does_not_certify_on_cards_alone(app: BargainingApp) -> None:
    drive = dxt4(app, jurisdiction="ON")
    app.drives.count_cards(drive, signed=200, on=date(2024, 2, 1), actor=ORGANIZER)
    _, flags = certify(app, drive)
    assert "certifies on a vote, not on cards alone" in flags[0].why  # type: ignore[attr-defined]


def test_a_dismissed_drive_records_nothing_more(app: BargainingApp) -> None:
    drive = dxt4(app)
    app.drives.dismiss(drive, on=date(2024, 6, 1), grounds="unit not appropriate",
                       source="TAT decision", actor=ORGANIZER)
    before = position(app)
    with pytest.raises(RuleViolation, match="was dismissed on 2024-06-01: a new application "
                                            "is a new drive"):
        app.drives.count_cards(drive, signed=10, on=date(2024, 6, 2), actor=ORGANIZER)
    with pytest.raises(RuleViolation, match="not certified"):
        app.drives.open_first_contract(drive, on=date(2024, 6, 2), actor=ORGANIZER)
    assert position(app) == before
    assert app.drives.get(drive).status == "dismissed"


def test_what_cannot_be_true_is_refused_and_nothing_recorded(app: BargainingApp) -> None:
    drive = dxt4(app)
    app.drives.count_cards(drive, signed=200, on=date(2024, 3, 1), actor=ORGANIZER)
    before = position(app)
    refusals: list[tuple[type[Exception], str, Callable[[], object]]] = [
        (RuleViolation, "231 cards signed cannot be: the workplace had 230 eligible workers",
         lambda: app.drives.count_cards(drive, signed=231, on=date(2024, 3, 2),
                                        actor=ORGANIZER)),
        (RuleViolation, "cannot be negative",
         lambda: app.drives.count_cards(drive, signed=-1, on=date(2024, 3, 2),
                                        actor=ORGANIZER)),
        (RuleViolation, "199 eligible workers cannot be: 200 cards were counted on 2024-03-01",
         lambda: app.drives.count_eligible(drive, eligible=199, on=date(2024, 2, 1),
                                           actor=ORGANIZER)),
        (InvalidInput, "before the drive started",
         lambda: app.drives.count_cards(drive, signed=1, on=date(2023, 1, 1),
                                        actor=ORGANIZER)),
        (InvalidInput, "a union is certified by card check or by certification vote",
         lambda: certify(app, drive, method="acclamation")),
        (RuleViolation, "no certification vote is recorded",
         lambda: certify(app, drive, method=CERTIFICATION_VOTE)),
        (RuleViolation, "not certified",
         lambda: app.drives.open_first_contract(drive, on=date(2024, 6, 1), actor=ORGANIZER)),
        (InvalidInput, "a board or tribunal cannot be blank",
         lambda: app.drives.file_application(drive, on=date(2024, 4, 1), board=" ",
                                             source="x", actor=ORGANIZER)),
        (MissingActor, "every change must name an actor",
         lambda: app.drives.count_cards(drive, signed=1, on=date(2024, 3, 2),
                                        actor=None)),  # type: ignore[arg-type]
        (InvalidInput, "a workplace id is the UUID",
         lambda: app.drives.start(workplace="X", employer="Y", jurisdiction="QC", union="CSN",
                                  eligible=3, on=STARTED, actor=ORGANIZER,
                                  workplace_id="w-1")),  # type: ignore[arg-type]
    ]
    for error, words, command in refusals:
        with pytest.raises(error, match=words):
            command()
    assert position(app) == before
    # a later eligible count may fall, as long as no card count after it exceeds it
    app.drives.count_eligible(drive, eligible=210, on=date(2024, 3, 5), actor=ORGANIZER)
    assert app.drives.get(drive).eligible_on(date(2024, 3, 4)) == 230


def test_certifying_twice_or_a_unit_already_registered_is_refused(app: BargainingApp) -> None:
    app.units.register(union="CSN", local="DXT4", employer="Amazon Canada",
                       unit_name="Warehouse workers", actor=ORGANIZER)
    drive = dxt4(app)
    before = position(app)
    with pytest.raises(UnitAlreadyRegistered):
        certify(app, drive)
    assert position(app) == before
    assert app.drives.get(drive).status == "organizing"
    app.drives.certify(drive, on=date(2024, 5, 10), method=CARD_CHECK, source="TAT",
                       local="DXT4", unit_name="Sortation", actor=ORGANIZER)
    with pytest.raises(RuleViolation, match="was certified on 2024-05-10"):
        app.drives.dismiss(drive, on=date(2024, 6, 1), grounds="late", source="TAT",
                           actor=ORGANIZER)
    app.drives.open_first_contract(drive, on=date(2024, 6, 1), actor=ORGANIZER)
    with pytest.raises(RuleViolation, match="already open"):
        app.drives.open_first_contract(drive, on=date(2024, 6, 2), actor=ORGANIZER)


def test_a_host_configures_its_own_thresholds(open_app: Callable[..., BargainingApp]) -> None:
    rules = CertificationRules.build({"nb": CertificationRule("New Brunswick, as configured",
                                                              cards_for_vote=40,
                                                              cards_alone=60)})
    app = open_app(certification_rules=rules)
    drive = dxt4(app, eligible=100, jurisdiction="NB")
    app.drives.count_cards(drive, signed=55, on=date(2024, 2, 1), actor=ORGANIZER)
    assert "calls for a vote (New Brunswick, as configured)" in app.drives.route(drive)
    assert app.drives.rules is rules
    with pytest.raises(InvalidInput, match="cannot be fewer than the cards that call for a "
                                           "vote"):
        CertificationRule("bad", cards_for_vote=50, cards_alone=40)
    with pytest.raises(InvalidInput, match="named once"):
        rule = rules.jurisdictions["nb"]
        CertificationRules.build({"QC": rule, " qc": rule})
    with pytest.raises(InvalidInput, match="CertificationRules"):
        open_app(certification_rules={"QC": 50})


@pytest.fixture(params=["sqlite", "postgres"])
def reopened(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store that outlives its application (a memory store lives in its one application)."""
    if request.param == "sqlite":
        return str(tmp_path / "drives.sqlite")
    return f"{POSTGRES_URL}?schema={request.getfixturevalue('pg_schema')}"


def test_a_drive_loads_the_same_in_a_new_application(reopened: str) -> None:
    with BargainingApp(reopened) as first:
        drive = dxt4(first)
        first.drives.count_cards(drive, signed=120, on=date(2024, 4, 1), actor=ORGANIZER)
        unit, _ = certify(first, drive)
    with BargainingApp(reopened) as again:
        read = again.drives.get(drive)
        assert (read.cards, read.eligible, read.unit_id, read.status) == (
            120, 230, unit, "certified")
        assert again.drives.get(drive, on=date(2024, 3, 1)).cards == 0
        assert again.units.get(unit).label == "CSN DXT4, Amazon Canada (Warehouse workers)"


@given(counts=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), min_size=1,
                       max_size=8))
@quick(40)
def test_cards_never_exceed_eligible_workers(counts: list[tuple[int, int]]) -> None:
    """Whatever is tried, every recorded card count is at most the eligible count of its
    day, and a refused count records nothing."""
    with BargainingApp("memory") as app:
        drive = dxt4(app, eligible=200)
        for day, (signed, eligible) in enumerate(counts, start=1):
            on = date(2024, 2, day)
            before = position(app)
            try:
                app.drives.count_eligible(drive, eligible=eligible, on=on, actor=ORGANIZER)
            except RuleViolation:
                assert position(app) == before
            before = position(app)
            try:
                app.drives.count_cards(drive, signed=signed, on=on, actor=ORGANIZER)
            except RuleViolation:
                assert position(app) == before
                assert signed > app.drives.get(drive).eligible_on(on)
        read = app.drives.get(drive)
        for on, signed in read.card_counts:
            assert signed <= read.eligible_on(on)


@given(signed=st.integers(0, 230))
@quick(60)
def test_a_card_check_is_flagged_exactly_when_cards_are_not_a_majority(signed: int) -> None:
    rule = EXAMPLE_CERTIFICATION_RULES.rule_for("QC")
    assert rule is not None
    assert rule.certifies_on_cards(signed, 230) == (signed * 2 > 230)
    assert rule.calls_for_vote(signed, 230) == (signed * 100 >= 35 * 230)


def test_on_an_encrypted_store_the_certified_unit_is_found_by_name_and_its_id_is_keyed(
        tmp_path: Path) -> None:
    with BargainingApp(str(tmp_path / "sealed.sqlite"),
                       cipher_key=BargainingApp.create_cipher_key()) as app:
        drive = dxt4(app)
        unit, _ = certify(app, drive)
        found = app.units.find(union="CSN", local="DXT4", employer="Amazon Canada",
                               unit_name="Warehouse workers")
        assert found.id == unit
        assert unit != unit_id("CSN", "DXT4", "Amazon Canada", "Warehouse workers")
        again = dxt4(app)
        with pytest.raises(UnitAlreadyRegistered):
            certify(app, again)


def test_a_recount_on_the_same_day_replaces_the_first_count(app: BargainingApp) -> None:
    """Cards counted twice on one day (a recount): the later count is the day's."""
    drive = dxt4(app)
    day = STARTED + timedelta(days=30)
    app.drives.count_cards(drive, signed=100, on=day, actor=ORGANIZER)
    app.drives.count_cards(drive, signed=130, on=day, actor=ORGANIZER, reason="recount")
    assert app.drives.get(drive).cards_on(day) == 130


def test_a_certification_cannot_rest_on_what_came_after_it(app: BargainingApp) -> None:
    """Certified on a day: by a vote held by then (not one held later), and not before the
    application was filed. Refused, nothing recorded."""
    drive = dxt4(app, jurisdiction="ON")
    app.drives.record_vote(drive, Vote(date(2024, 6, 1), Tally(eligible=230, cast=200, yes=150,
                                                               no=50)), actor=ORGANIZER)
    before = position(app)
    with pytest.raises(RuleViolation, match="on or before 2024-04-01"):
        certify(app, drive, method=CERTIFICATION_VOTE, on=date(2024, 4, 1))
    filed = dxt4(app)
    app.drives.file_application(filed, on=date(2024, 5, 1), board="TAT", source="TAT file",
                                actor=ORGANIZER)
    with pytest.raises(RuleViolation, match="before its application was filed"):
        certify(app, filed, on=date(2024, 4, 20))
    assert position(app) == before + 2


def test_a_drive_names_only_a_workplace_the_organizing_context_has_mapped(
        app: BargainingApp) -> None:
    """A drive may start before its workplace is mapped (no id), or name the organizing
    context's workplace; an id the organizing context does not know, or one that names
    another kind of record, cannot be, and is refused with nothing recorded."""
    before = position(app)
    team = app.organizing.form_team(name="Laval", kind="region", area="Laval",
                                    on=STARTED, actor=ORGANIZER)
    unknown = UUID(int=7)
    for stranger, words in ((unknown, "the organizing context knows no workplace with id "
                                      "00000000-0000-0000-0000-000000000007"),
                            (team, f"the record {team} is not a workplace")):
        with pytest.raises(RecordNotFound, match=words):
            app.drives.start(workplace="DXT4 Laval", employer="Amazon Canada",
                             jurisdiction="QC", union="CSN", eligible=230, on=STARTED,
                             actor=ORGANIZER, workplace_id=stranger)
    assert position(app) == before + 1  # the team, nothing of a drive
    place = app.organizing.register_workplace(name="DXT4", employer="Amazon",
                                              actor=ORGANIZER)
    drive = app.drives.start(workplace="DXT4 Laval", employer="Amazon Canada",
                             jurisdiction="QC", union="CSN", eligible=230, on=STARTED,
                             actor=ORGANIZER, workplace_id=place)
    assert app.drives.get(drive).workplace_id == place
    assert app.drives.get(dxt4(app)).workplace_id is None
