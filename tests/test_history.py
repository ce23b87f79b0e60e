"""History a person can read, and the audit log: on memory, SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.domain import CanInitAggregate, CanMutateAggregate

from bargaining import (
    Actor,
    AuditPage,
    BargainingApp,
    HistoryEntry,
    InvalidInput,
    RecordNotFound,
    UnitNotFound,
    write_csv,
    write_jsonl,
)
from bargaining.adapters.audit_export import COLUMNS
from bargaining.application.history import _Names
from bargaining.presentation.history_entries import aggregate_kind
from bargaining.presentation.summaries import AGGREGATES, has_summary, occurred_on, summarize
from tests.conftest import POSTGRES_URL, STORES, require_postgres
from tests.history_story import CHAIR, ORGANIZER, STEWARD, Story, record_story


def event_classes() -> set[type[Any]]:
    """Every event class of the aggregates (the base class and unused defaults aside)."""
    found = set()
    for aggregate in AGGREGATES.values():
        classes = [v for v in vars(aggregate).values()
                   if isinstance(v, type) and issubclass(v, CanMutateAggregate)]
        # the events a base of the library's declares (the cluster's me-too ledger) are
        # stored under the base's classes, not the copies made on the aggregate
        bases = [k for k in aggregate.__mro__[1:] if k.__module__.startswith("bargaining.")]
        inherited = {n for base in bases for n in vars(base) if n not in ("Event", "Created")}
        classes = [c for c in classes if c.__name__ not in inherited] + [
            v for base in bases for n, v in vars(base).items() if n in inherited
            and isinstance(v, type) and issubclass(v, CanMutateAggregate)]
        created = [c for c in classes if issubclass(c, CanInitAggregate)]
        for cls in classes:
            if cls is aggregate.Event:
                continue
            if cls.__name__ == "Created" and len(created) > 1:
                continue  # the default created event, replaced by the aggregate's own
            found.add(cls)
    return found


def test_every_event_class_of_every_aggregate_has_a_summary() -> None:
    classes = event_classes()
    assert set(AGGREGATES) == {"BargainingUnit", "DemandFramework", "BargainingCluster",
                               "BargainingRound", "Campaign", "Law", "Intervention",
                               "DisputeIndex", "Threat", "CampaignTemplate", "Response",
                               "PublicAction", "Message", "ResponseTracking",
                               "MembersGoals", "Budget", "GoverningBody", "Meeting",
                               "MeetingCalendar", "Document", "Election", "Caucus",
                               "SolidarityPact", "AreaTeam", "Workplace", "Erasure",
                               "OrganizingPlan", "Drive", "TrainingSession", "Mentoring",
                               "CallTeam", "FieldPlanTemplate", "FieldPlan", "ActivistRole",
                               "PersonalDataRead", "RetentionRun", "Redaction"}
    missing = sorted(c.__qualname__ for c in classes if not has_summary(c))
    assert missing == []
    # disputes: 5 of laws, 1, 2 of indexes; OtherBodyVoted; tables: ReturnRecorded, ReturnsCounted;
    # me-too raised, claimed, settled, waived
    # defense: threats 2, templates 2, responses 4, public actions 2, messages 1, tracking 2
    # budgets: goals 5, budgets 5
    # democracy: bodies 7, calendars 2, meetings 5, documents 5;
    # elections: 6, caucuses 9, pacts 4; organizing: area teams 7, workplaces 9; erasures 2;
    # organizing plans 3; drives 8; training: sessions 2, mentoring 2, call teams 4,
    # templates 1, plans 2, roles 2; reads of personal data 1, retention runs 1; redactions 1
    assert len(classes) == (43 + 8 + 1 + 2 + 4 + 13 + 5 + 5 + 19 + 6 + 9 + 4 + 7 + 9 + 2 + 3
                            + 8 + 13 + 2 + 1)


# ------------------------------------------------------------------ the story, per store


@pytest.fixture(scope="module", params=STORES)
def told(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
         ) -> Iterator[tuple[BargainingApp, Story]]:
    """The story recorded once per store; these tests only read it."""
    schema = None
    if request.param == "memory":
        location = "memory"
    elif request.param == "sqlite":
        location = str(tmp_path_factory.mktemp("history") / "events.sqlite")
    else:
        require_postgres()
        import psycopg

        schema = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        location = f"{POSTGRES_URL}?schema={schema}"
    app = BargainingApp(location)
    story = record_story(app)
    yield app, story
    app.close()
    if schema is not None:
        import psycopg

        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def position(app: BargainingApp) -> int:
    return app.eventsourcing.recorder.max_notification_id() or 0


def test_the_audit_log_reads_every_event_kind_in_plain_words(told: tuple[BargainingApp, Story],
                                                             ) -> None:
    app, _ = told
    entries = list(app.history.audit_log())
    assert [e.position for e in entries] == list(range(1, position(app) + 1))
    # the tests' own record that carries a person's data (tests/personal_records.py) aside
    entries = [e for e in entries if e.aggregate_kind != "WorkerContact"]
    seen = {(e.aggregate_kind, e.event) for e in entries}
    assert seen == {(aggregate_kind(c), c.__name__) for c in event_classes()}
    assert {kind for kind, _ in seen} == set(AGGREGATES)
    for entry in entries:
        assert entry.actor_role is not None and entry.actor_role in entry.summary
        assert not entry.summary.startswith(f"{entry.event} recorded")  # no generic line
        assert entry.reason is None or entry.reason not in entry.summary
        assert "\n" not in entry.summary
        assert not {"actor", "reason", "timestamp", "originator_id"} & set(entry.data)
        json.dumps(entry.data)  # JSON-safe
        assert entry.recorded_at.tzinfo is UTC


def test_summaries_name_units_clusters_and_key_facts(told: tuple[BargainingApp, Story]) -> None:
    app, story = told
    cluster = app.history.of(story.cluster)
    assert cluster[1].summary == (
        "CUPE 79, City of Toronto (Outside workers) admitted to cluster 'Toronto municipal 2026' "
        "by the coordinating committee: expiry 2026-03-31 inside window")
    override = cluster[3]
    assert override.summary.endswith("expiry 2029-08-31 outside the window, by override")
    assert override.reason == "same employer's budget cycle"
    sign_off = next(e for e in cluster if e.event == "SignOffDecided")
    assert (sign_off.actor_id, sign_off.reason) == ("c-1", "a strike now would fail")
    assert "below floor on wages" in sign_off.summary
    rounds = app.history.of(story.rounds["Outside workers"])
    assert rounds[1].summary.startswith(
        "Employer offer received on 2026-02-02 in the round at CUPE 79, City of Toronto "
        "(Outside workers)")
    assert rounds[1].summary.endswith("below floor against Toronto 2026 v2")
    held = next(e for e in app.history.of(story.campaign) if e.event == "ActionHeld")
    assert held.summary.endswith("80 of 200 took part (40%) against 2%: passed")
    assert held.actor_role == ORGANIZER.role


def test_both_dates_where_the_fact_happened_on_another_day(told: tuple[BargainingApp, Story],
                                                           ) -> None:
    app, story = told
    unit = app.history.of(story.units["Outside workers"])
    counted = next(e for e in unit if e.event == "HeadcountChanged")
    assert counted.occurred_on == date(2025, 9, 30)
    assert counted.data["counted_on"] == "2025-09-30"
    assert counted.recorded_at > datetime(2025, 10, 1, tzinfo=UTC)
    assert "counted 2025-09-30" in counted.summary
    assert counted.reason == "dues list of September"
    framework = app.history.of(story.framework)
    assert [e.occurred_on for e in framework] == [None, date(2025, 10, 1), None,
                                                  date(2025, 10, 15)]
    assert framework[1].summary == (
        "Version 1 of framework 'Toronto 2026' rejected by members, recorded by the coordinating "
        "committee: vote held 2025-10-01: 30 yes, 50 no of 80 cast (100 eligible), failed")
    sector = next(e for e in unit if e.event == "SectorChanged")
    assert sector.occurred_on is None  # recording it is the fact


def test_history_of_every_kind_of_record(told: tuple[BargainingApp, Story]) -> None:
    app, story = told
    records = {
        "BargainingUnit": story.units["Outside workers"],
        "DemandFramework": story.framework,
        "BargainingCluster": story.cluster,
        "BargainingRound": story.rounds["Sudbury LTC"],
        "Campaign": story.campaign,
    }
    for kind, record in records.items():
        history = app.history.of(record)
        assert {e.aggregate_kind for e in history} == {kind}
        assert {e.aggregate_id for e in history} == {record}
        assert [e.version for e in history] == list(range(1, len(history) + 1))
        assert all(e.position is None for e in history)
        from_log = [e for e in app.history.audit_log() if e.aggregate_id == record]
        assert [attrs_without_position(e) for e in from_log] == [
            attrs_without_position(e) for e in history]
    assert [e.event for e in app.history.of(story.rounds["Sudbury LTC"])] == [
        "Opened", "TentativeAgreementReached", "OtherBodyVoted", "Ratified"]


def attrs_without_position(entry: HistoryEntry) -> tuple[Any, ...]:
    record = entry.as_record()
    record.pop("position")
    return tuple(record.values())


def test_history_refuses_unknown_and_malformed_ids(told: tuple[BargainingApp, Story]) -> None:
    app, story = told
    before = position(app)
    missing = uuid.uuid4()
    with pytest.raises(RecordNotFound, match=f"no record is kept with id {missing}"):
        app.history.of(missing)
    with pytest.raises(InvalidInput, match="a record is named by its id"):
        app.history.of(str(story.cluster))  # type: ignore[arg-type]
    assert position(app) == before


def test_audit_log_filters(told: tuple[BargainingApp, Story]) -> None:
    app, story = told
    everything = list(app.history.audit_log())
    by_organizer = list(app.history.audit_log(actor="o-1"))
    assert [e.event for e in by_organizer] == ["ActionPlanned", "ActionCancelled",
                                               "ActionPlanned", "ActionHeld"]
    assert list(app.history.audit_log(actor=ORGANIZER)) == by_organizer
    assert list(app.history.audit_log(actor=Actor("o-1", "someone else"))) == []
    assert len(list(app.history.audit_log(actor=STEWARD))) == 13 + 14  # and the dispute
    campaigns = list(app.history.audit_log(kind="Campaign"))
    assert campaigns == [e for e in everything if e.aggregate_kind == "Campaign"]
    assert list(app.history.audit_log(kind=AGGREGATES["Campaign"])) == campaigns
    cluster = list(app.history.audit_log(record=story.cluster))
    assert [e.version for e in cluster] == [e.version for e in app.history.of(story.cluster)]
    assert list(app.history.audit_log(record=story.cluster, kind="Campaign")) == []
    assert list(app.history.audit_log(record=uuid.uuid4())) == []
    middle = everything[len(everything) // 2].recorded_at
    since = list(app.history.audit_log(since=middle))
    until = list(app.history.audit_log(until=middle))
    assert since and until
    assert since == [e for e in everything if e.recorded_at >= middle]
    assert until == [e for e in everything if e.recorded_at < middle]
    assert len(since) + len(until) == len(everything)
    toronto = middle.astimezone(datetime.now().astimezone().tzinfo)  # same moment, other zone
    assert list(app.history.audit_log(since=toronto)) == since
    both = list(app.history.audit_log(kind="BargainingUnit", actor="c-1", since=middle))
    assert both and all(e.aggregate_kind == "BargainingUnit" and e.actor_id == "c-1"
                        and e.recorded_at >= middle for e in both)


@pytest.mark.parametrize(("filters", "message"), [
    ({"since": datetime(2026, 1, 1)}, "must say its time zone"),
    ({"until": date(2026, 1, 1)}, "must be a date-time with a time zone"),
    ({"since": datetime(2026, 2, 1, tzinfo=UTC), "until": datetime(2026, 1, 1, tzinfo=UTC)},
     "ends"),
    ({"kind": "Units"}, "the kind of record is one of BargainingUnit"),
    ({"record": "not-an-id"}, "a record is named by its id"),
    ({"actor": 17}, "filter by an actor's id or an Actor"),
    ({"page_size": 0}, "the page size must be a whole number"),
    ({"page_size": True}, "the page size must be a whole number"),
])
def test_bad_filters_are_refused_before_anything_is_read(
        told: tuple[BargainingApp, Story], filters: dict[str, Any], message: str) -> None:
    app, _ = told
    before = position(app)
    with pytest.raises(InvalidInput, match=message):
        app.history.audit_log(**filters)  # refused on the call, not on the first read
    page_filters = {k: v for k, v in filters.items() if k != "page_size"}
    if page_filters:
        with pytest.raises(InvalidInput, match=message):
            app.history.audit_page(**page_filters)
    assert position(app) == before


def test_the_log_is_read_page_by_page(told: tuple[BargainingApp, Story],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    app, _ = told
    asked: list[tuple[int, int]] = []
    select = app.eventsourcing.recorder.select_notifications

    def counting(start: int, limit: int, *args: Any, **kwargs: Any) -> Any:
        page = select(start, limit, *args, **kwargs)
        asked.append((start, len(page)))
        return page

    monkeypatch.setattr(app.eventsourcing.recorder, "select_notifications", counting)
    stream = app.history.audit_log(page_size=7)
    assert asked == []  # nothing is read until the first entry is wanted
    first = next(stream)
    assert first.position == 1 and asked == [(1, 7)]
    rest = list(stream)
    assert [e.position for e in [first, *rest]] == list(range(1, position(app) + 1))
    assert all(size <= 7 for _, size in asked)
    assert [start for start, _ in asked] == list(range(1, position(app) + 2, 7))[:len(asked)]
    asked.clear()
    units = list(app.history.audit_log(kind="BargainingUnit", page_size=500))
    assert len(asked) == 1 and asked[0][1] == len(units)  # narrowed in the store, not Python


def test_audit_pages_for_a_host_paging_a_view(told: tuple[BargainingApp, Story]) -> None:
    app, story = told
    everything = list(app.history.audit_log())
    pages: list[AuditPage] = [app.history.audit_page(limit=25)]
    while pages[-1].next_after is not None:
        pages.append(app.history.audit_page(after=pages[-1].next_after, limit=25))
    assert [e for p in pages for e in p.entries] == everything
    assert [len(p.entries) for p in pages[:-1]] == [25] * (len(pages) - 1)
    assert pages[0].next_after == 25
    assert app.history.audit_page(after=position(app)) == AuditPage((), None)
    mine = app.history.audit_page(limit=3, actor="o-1")
    assert [e.event for e in mine.entries] == ["ActionPlanned", "ActionCancelled",
                                               "ActionPlanned"]
    last = app.history.audit_page(after=mine.next_after or 0, limit=3, actor="o-1")
    assert [e.event for e in last.entries] == ["ActionHeld"] and last.next_after is None
    versions = app.history.audit_page(record=story.campaign, limit=5)
    assert [e.version for e in versions.entries] == [1, 2, 3, 4, 5]
    assert versions.next_after == 5
    following = app.history.audit_page(record=story.campaign, after=5, limit=2)
    assert [e.version for e in following.entries] == [6, 7]


def test_names_are_read_once_per_record_while_streaming(
        told: tuple[BargainingApp, Story], monkeypatch: pytest.MonkeyPatch) -> None:
    app, _ = told
    app.__dict__.pop("_history_names", None)  # start with no names remembered
    looked_up: list[UUID] = []
    select = app.eventsourcing.recorder.select_events

    def counting(originator_id: UUID, **kwargs: Any) -> Any:
        looked_up.append(originator_id)
        return select(originator_id, **kwargs)

    monkeypatch.setattr(app.eventsourcing.recorder, "select_events", counting)
    entries = list(app.history.audit_log())
    assert len(entries) == position(app)
    assert len(looked_up) == len(set(looked_up)) <= len({e.aggregate_id for e in entries})


def test_the_name_memory_is_bounded() -> None:
    names = _Names(2)
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    names.put(a, "a")
    names.put(b, "b")
    assert names.get(a) == "a"  # a is now the most recent
    names.put(c, "c")
    assert (names.get(a), names.get(b), names.get(c)) == ("a", None, "c")
    assert len(names.known) == 2


# ------------------------------------------------------------------------------ export


def test_export_to_json_lines_and_csv_round_trips(told: tuple[BargainingApp, Story],
                                                  tmp_path: Path) -> None:
    app, _ = told
    entries = list(app.history.audit_log())
    with (tmp_path / "audit.jsonl").open("w", encoding="utf-8") as file:
        assert write_jsonl(app.history.audit_log(page_size=9), file) == len(entries)
    lines = (tmp_path / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(entries)
    assert all(list(json.loads(line)) == list(COLUMNS) for line in lines)
    assert [HistoryEntry.from_record(json.loads(line)) for line in lines] == entries

    with (tmp_path / "audit.csv").open("w", encoding="utf-8", newline="") as file:
        assert write_csv(app.history.audit_log(), file) == len(entries)
    with (tmp_path / "audit.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    with (tmp_path / "audit.csv").open(encoding="utf-8", newline="") as file:
        assert next(csv.reader(file)) == list(COLUMNS)
    assert [HistoryEntry.from_record(row) for row in rows] == entries
    counted = next(r for r in rows if r["event"] == "HeadcountChanged")
    assert counted["occurred_on"] == "2025-09-30"
    assert json.loads(counted["data"]) == {"headcount": 120, "counted_on": "2025-09-30"}
    assert next(r for r in rows if r["event"] == "Registered")["reason"] == ""


def test_the_column_set_is_stable() -> None:
    assert COLUMNS == ("position", "recorded_at", "occurred_on", "aggregate_kind",
                       "aggregate_id", "version", "event", "actor_id", "actor_role", "reason",
                       "summary", "data")
    assert write_csv([], io.StringIO()) == 0


# ------------------------------------------------------------------------- real dates


def test_a_headcount_is_counted_on_a_day(app: BargainingApp) -> None:
    uid = app.units.register(union="CUPE", local="79", employer="City of Toronto",
                             unit_name="Outside workers", headcount=100, actor=STEWARD)
    before = position(app)
    with pytest.raises(InvalidInput, match="day the workers were counted must be a date"):
        app.units.change_headcount(uid, 120, actor=STEWARD,
                                   on="2025-09-30")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="must be a date"):
        app.units.change_headcount(uid, 120, actor=STEWARD,
                                   on=datetime(2025, 9, 30, tzinfo=UTC))
    with pytest.raises(UnitNotFound):
        app.units.change_headcount(uuid.uuid4(), 120, actor=STEWARD, on=date(2025, 9, 30))
    assert position(app) == before
    app.units.change_headcount(uid, 120, actor=STEWARD, on=date(2025, 9, 30))
    app.units.change_headcount(uid, 130, actor=CHAIR)
    counted, unknown = app.history.of(uid)[1:]
    assert (counted.occurred_on, unknown.occurred_on) == (date(2025, 9, 30), None)
    assert app.units.get(uid).headcount == 130
    events = list(app.eventsourcing.events.get(uid))
    assert (events[1].counted_on, events[2].counted_on) == (date(2025, 9, 30), None)


def test_summaries_are_pure_and_use_the_names_they_are_given(app: BargainingApp) -> None:
    uid = app.units.register(union="CUPE", local="79", employer="City of Toronto",
                             unit_name="Outside workers", actor=STEWARD)
    app.units.change_headcount(uid, 5, actor=Actor("u-9", "the local's president"))
    event = list(app.eventsourcing.events.get(uid))[1]
    names: Callable[[UUID], str] = {uid: "Local 79 outside"}.__getitem__
    assert summarize(event, names) == (
        "Local 79 outside now covers 5 workers, recorded by the local's president")
    assert occurred_on(event) is None


def test_recorded_at_is_when_it_was_saved(app: BargainingApp) -> None:
    start = datetime.now(UTC)
    uid = app.units.register(union="CUPE", local="79", employer="City of Toronto",
                             unit_name="Outside workers", actor=STEWARD)
    (entry,) = app.history.of(uid)
    assert start <= entry.recorded_at <= datetime.now(UTC) + timedelta(seconds=1)
    assert entry.summary == ("CUPE 79, City of Toronto (Outside workers) registered by the "
                             "data steward: 0 workers")
