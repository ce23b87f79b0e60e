"""Who may read what: personal data only to the organizers of that workplace, the audit log
refused to members, small groups' counts hidden from members, and every read of personal data
recorded (issue 15). Store-dependent tests run on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from uuid import UUID

import pytest

from bargaining import (
    Actor,
    BargainingApp,
    GroupTest,
    InvalidInput,
    MapCount,
    NotAllowedToRead,
    PersonalData,
    Reader,
    ReadPolicy,
    Role,
    write_jsonl,
)
from bargaining.adapters.cli.main import REFUSED, main

ORGANIZER = Actor("o-1", "area team organizer")
STEWARD = Actor("ds-1", "data steward")
MEMBER = Reader("m-7", Role.MEMBER)
OWN_ORGANIZER = Reader("o-1", "organizer")
OTHER_ORGANIZER = Reader("o-2", "organizer")
AUDITOR = Reader("a-1", Role.AUDITOR)
COMMITTEE = Reader("c-1", "committee")


def dxt4(app: BargainingApp) -> UUID:
    """A workplace supported by a team whose organizer is o-1 (o-2 organizes elsewhere),
    with a night shift of three and a day shift of sixty, a named leader, and a test."""
    org = app.organizing
    team = org.form_team(name="Laval warehouses", kind="region", area="Laval",
                         on=date(2023, 9, 1), actor=ORGANIZER)
    org.join(team, person="o-1", role="organizer", on=date(2023, 9, 1), actor=ORGANIZER)
    other = org.form_team(name="Montreal", kind="region", area="Montreal",
                          on=date(2023, 9, 1), actor=ORGANIZER)
    org.join(other, person="o-2", role="organizer", on=date(2023, 9, 1), actor=ORGANIZER)
    place = org.register_workplace(name="DXT4", employer="Amazon", actor=ORGANIZER)
    org.support_workplace(team, workplace=place, on=date(2023, 10, 1), actor=ORGANIZER)
    org.add_group(place, name="Days", kind="shift", workers=60, on=date(2023, 10, 1),
                  actor=ORGANIZER)
    org.add_group(place, name="Nights", kind="shift", workers=3, on=date(2023, 10, 1),
                  actor=ORGANIZER)
    org.record_map(place, group="Nights", on=date(2024, 1, 15), actor=ORGANIZER,
                   count=MapCount(workers=3, mapped=3, contacts=3, leaders=1))
    org.record_map(place, group="Days", on=date(2024, 1, 15), actor=ORGANIZER,
                   count=MapCount(workers=60, mapped=50, contacts=40, leaders=5))
    org.identify_leader(place, group="Nights", person="w-17", on=date(2024, 1, 15),
                        actor=ORGANIZER, personal=PersonalData(
                            "w-17", name="Marie Tremblay", assessment=1))
    org.hold_test(place, GroupTest(group="Nights", kind="majority petition", eligible=3,
                                   participants=2, on=date(2024, 2, 1), leader="w-17"),
                  actor=ORGANIZER)
    return place


def leader_data(app: BargainingApp, place: UUID, reader: Reader | None) -> dict[str, object]:
    entries = app.history.of(place, reader=reader)
    found = [e for e in entries if e.event == "LeaderIdentified"]
    return dict(found[0].data["personal"])


def position(app: BargainingApp) -> int:
    return app.integrity.receipt().position


def test_names_only_to_the_organizers_of_that_workplace(app: BargainingApp) -> None:
    place = dxt4(app)
    assert leader_data(app, place, OWN_ORGANIZER)["name"] == "Marie Tremblay"
    assert leader_data(app, place, OWN_ORGANIZER)["assessment"] == 1
    for reader in (OTHER_ORGANIZER, AUDITOR, COMMITTEE, None):
        shown = leader_data(app, place, reader)
        assert shown["name"] == "a person" and shown["assessment"] is None, reader


def test_a_read_that_shows_personal_data_is_recorded(app: BargainingApp) -> None:
    place = dxt4(app)
    before = position(app)
    leader_data(app, place, OTHER_ORGANIZER)
    leader_data(app, place, None)
    assert position(app) == before  # nothing shown, nothing recorded
    leader_data(app, place, OWN_ORGANIZER)
    assert position(app) == before + 1
    reads = app.people.reads_of("w-17", reader=AUDITOR)
    assert [(r.reader, r.role, r.through, r.record) for r in reads] == [
        ("o-1", "organizer", "history", place)]
    assert app.people.reads_of("w-18", reader=AUDITOR) == []
    # the record of the read holds no data about the person
    last = app.history.audit_page(after=before, reader=AUDITOR).entries[0]
    assert last.event == "Recorded" and "Marie" not in json.dumps(last.as_record())
    assert last.summary.startswith("one person's data read through the history on ")


def test_the_audit_log_export_shows_data_to_the_organizer_and_records_it(
        app: BargainingApp) -> None:
    dxt4(app)
    out = io.StringIO()
    write_jsonl(app.history.audit_log(reader=COMMITTEE), out)
    assert "Marie" not in out.getvalue()
    before = position(app)
    out = io.StringIO()
    write_jsonl(app.history.audit_log(reader=OWN_ORGANIZER), out)
    assert "Marie Tremblay" in out.getvalue()
    assert position(app) == before + 1
    assert [r.through for r in app.people.reads_of("w-17", reader=AUDITOR)] == ["audit log"]


def test_a_member_is_refused_the_audit_log_and_nothing_is_recorded(app: BargainingApp) -> None:
    place = dxt4(app)
    before = position(app)
    with pytest.raises(NotAllowedToRead) as refused:
        app.history.audit_log(reader=MEMBER)
    assert str(refused.value) == "a member may not read the audit log"
    with pytest.raises(NotAllowedToRead):
        app.history.audit_page(reader=MEMBER)
    with pytest.raises(NotAllowedToRead) as history:
        app.history.of(place, reader=MEMBER)
    assert "workplace" in str(history.value)
    with pytest.raises(NotAllowedToRead):
        app.people.reads_of("w-17", reader=OWN_ORGANIZER)
    assert position(app) == before


def test_a_members_view_of_a_group_of_three_shows_no_counts(app: BargainingApp) -> None:
    place = dxt4(app)
    seen = app.organizing.group_counts(place, on=date(2024, 3, 1), reader=MEMBER)
    nights = seen.group("Nights")
    assert nights.hidden and nights.workers is None and nights.took_part is None
    # a total would give Nights back, by subtraction from Days or from another day's total
    assert not seen.group("Days").hidden and (seen.workers, seen.mapped) == (None, None)
    organizer = app.organizing.group_counts(place, on=date(2024, 3, 1), reader=OWN_ORGANIZER)
    assert (organizer.group("Nights").tested, organizer.group("Nights").took_part) == (3, 2)
    assert organizer.workers == 63 and organizer.mapped == 53


def test_a_history_read_of_a_unit_is_left_as_it_was(app: BargainingApp) -> None:
    unit = app.units.register(union="CSN", local="", employer="Amazon", unit_name="DXT4",
                              sector="warehousing", actor=STEWARD)
    assert [e.event for e in app.history.of(unit, reader=MEMBER)] == ["Registered"]


def test_an_erased_person_reads_as_erased_to_every_reader(app: BargainingApp) -> None:
    place = dxt4(app)
    app.people.erase("w-17", actor=STEWARD, on=date(2025, 2, 4))
    for reader in (OWN_ORGANIZER, COMMITTEE, None):
        assert leader_data(app, place, reader)["name"] == "erased person"


def test_a_host_policy() -> None:
    policy = ReadPolicy(audit_log={"auditor"}, smallest_group=3, organizers_only=False)
    with BargainingApp("memory", read_policy=policy) as app:
        place = dxt4(app)
        with pytest.raises(NotAllowedToRead):
            app.history.audit_page(reader=COMMITTEE)
        assert leader_data(app, place, OTHER_ORGANIZER)["name"] == "Marie Tremblay"
        seen = app.organizing.group_counts(place, on=date(2024, 3, 1), reader=MEMBER)
        assert seen.group("Nights").workers == 3


def test_bad_readers_and_policies_are_refused() -> None:
    with pytest.raises(InvalidInput, match="member, steward, organizer, committee or auditor"):
        Reader("p-1", "boss")
    with pytest.raises(InvalidInput):
        ReadPolicy(smallest_group=0)
    assert Reader.parse("organizer:o-3") == Reader("o-3", Role.ORGANIZER)
    with pytest.raises(InvalidInput):
        Reader.parse("o-3")
    with BargainingApp("memory") as app, pytest.raises(InvalidInput):
        app.history.audit_page(reader="member:m-1")  # type: ignore[arg-type]


def test_the_command_line_reads_as_a_reader(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            ) -> None:
    store = str(tmp_path / "dxt4.sqlite")
    with BargainingApp(store) as app:
        place = dxt4(app)
    assert main(["audit", "--as", "member:m-7", "--store", store]) == REFUSED
    assert "a member may not read the audit log" in capsys.readouterr().err
    assert main(["history", str(place), "--as", "organizer:o-1", "--json", "--store",
                 store]) == 0
    assert "Marie Tremblay" in capsys.readouterr().out
    assert main(["history", str(place), "--json", "--store", store]) == 0
    assert "Marie" not in capsys.readouterr().out
    with BargainingApp(store) as app:
        assert [r.reader for r in app.people.reads_of("w-17", reader=AUDITOR)] == ["o-1"]
    assert main(["audit", "--as", "o-1", "--store", store]) == REFUSED
    assert "role:person" in capsys.readouterr().err


def test_the_audit_log_does_not_get_around_the_organizing_records_rule(
        app: BargainingApp) -> None:
    """A policy that lets members read the audit log still keeps workplaces' and area
    teams' records (their small groups' counts) from them: left out of the log, and refused
    when asked for by record."""
    place = dxt4(app)
    policy = ReadPolicy(audit_log={"member", "steward", "organizer", "committee", "auditor"})
    with BargainingApp("memory", read_policy=policy) as open_to_members:
        same = dxt4(open_to_members)
        kinds = {e.aggregate_kind for e in open_to_members.history.audit_log(reader=MEMBER)}
        assert not kinds & {"Workplace", "AreaTeam"}
        page = open_to_members.history.audit_page(reader=MEMBER)
        assert not {e.aggregate_kind for e in page.entries} & {"Workplace", "AreaTeam"}
        with pytest.raises(NotAllowedToRead):
            list(open_to_members.history.audit_log(reader=MEMBER, record=same))
        assert {e.aggregate_kind for e in open_to_members.history.audit_log(
            reader=OWN_ORGANIZER)} >= {"Workplace", "AreaTeam"}
    assert place is not None
