"""Step definitions for history.feature: readable history, the audit log and its export."""

from __future__ import annotations

import csv
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import (
    Actor,
    BargainingApp,
    HistoryEntry,
    InvalidInput,
    RecordNotFound,
    write_csv,
    write_jsonl,
)
from tests.refusals import Refusals

ACTORS = {
    "data steward": Actor("steward-1", "data steward"),
    "coordinating committee": Actor("cc-1", "coordinating committee"),
}
LABEL = re.compile(r"(?P<union>\S+) (?P<local>\S+), (?P<employer>.+) \((?P<unit_name>.+)\)")


@dataclass
class Chronicle(Refusals):
    app: BargainingApp
    folder: Path
    units: dict[str, UUID] = field(default_factory=dict)
    cluster: UUID | None = None
    entry: HistoryEntry | None = None
    files: dict[str, Path] = field(default_factory=dict)



@pytest.fixture
def chronicle(tmp_path: Path) -> Iterator[Chronicle]:
    app = BargainingApp("memory")
    yield Chronicle(app, tmp_path)
    app.close()


def events(entries: Any) -> str:
    return ", ".join(e.event for e in entries)


@given(parsers.parse('the unit "{label}" whose agreement expires {expiry}'))
def unit_with_agreement(chronicle: Chronicle, label: str, expiry: str) -> None:
    match = LABEL.fullmatch(label)
    assert match, f"a unit label reads 'UNION LOCAL, Employer (unit name)', not {label!r}"
    steward = ACTORS["data steward"]
    uid = chronicle.app.units.register(**match.groupdict(), sector="municipal", headcount=20000,
                                       actor=steward)
    chronicle.app.units.record_agreement(uid, expiry=date.fromisoformat(expiry), actor=steward)
    chronicle.units[label] = uid


@given(parsers.parse('the cluster "{name}" for expiries from {start} to {end}, coordinated by '
                     'the {role}'))
def the_cluster(chronicle: Chronicle, name: str, start: str, end: str, role: str) -> None:
    chronicle.cluster = chronicle.app.clusters.form(
        name=name, sectors=["municipal"], committee=[ACTORS[role]],
        window_start=date.fromisoformat(start), window_end=date.fromisoformat(end),
        target_alignment=date(2027, 12, 31), actor=ACTORS[role], on=date(2026, 9, 1))


@when(parsers.re(r'the (?P<role>[a-z ]+) admits "(?P<label>[^"]+)" to the cluster'
                 r'(?: because "(?P<why>[^"]+)")?$'))
def admits(chronicle: Chronicle, role: str, label: str, why: str | None) -> None:
    assert chronicle.cluster is not None
    chronicle.app.clusters.admit(chronicle.cluster, chronicle.units[label], actor=ACTORS[role],
                                 override_reason=why, on=date(2026, 9, 1))


@when(parsers.parse('the {role} records {workers:d} workers at "{label}" counted on {counted} '
                    'because "{why}"'))
def records_headcount(chronicle: Chronicle, role: str, workers: int, label: str, counted: str,
                      why: str) -> None:
    chronicle.app.units.change_headcount(chronicle.units[label], workers, actor=ACTORS[role],
                                         on=date.fromisoformat(counted), reason=why)


@when("the audit log is exported to CSV and to JSON Lines")
def export(chronicle: Chronicle) -> None:
    chronicle.files = {"csv": chronicle.folder / "audit.csv",
                       "jsonl": chronicle.folder / "audit.jsonl"}
    with chronicle.files["csv"].open("w", encoding="utf-8", newline="") as file:
        write_csv(chronicle.app.history.audit_log(), file)
    with chronicle.files["jsonl"].open("w", encoding="utf-8") as file:
        write_jsonl(chronicle.app.history.audit_log(), file)


@when("someone asks for the history of a record that is not kept")
def history_of_nothing(chronicle: Chronicle) -> None:
    chronicle.attempt(lambda: chronicle.app.history.of(uuid.uuid4()))


@when(parsers.parse("someone asks for the audit log since {moment} without a time zone"))
def naive_range(chronicle: Chronicle, moment: str) -> None:
    chronicle.attempt(lambda: chronicle.app.history.audit_log(since=datetime.fromisoformat(moment)))


# ----------------------------------------------------------------------------- then


@then("the cluster's history reads:")
def cluster_history(chronicle: Chronicle, datatable: list[list[str]]) -> None:
    assert chronicle.cluster is not None
    shown = [[str(e.version), e.event, e.actor_role or "", e.summary]
             for e in chronicle.app.history.of(chronicle.cluster)]
    assert shown == datatable[1:]


@then(parsers.parse("the {record}'s last entry reads \"{summary}\""))
def last_entry(chronicle: Chronicle, record: str, summary: str) -> None:
    record_id = chronicle.cluster if record == "cluster" else next(iter(chronicle.units.values()))
    assert record_id is not None
    chronicle.entry = chronicle.app.history.of(record_id)[-1]
    assert chronicle.entry.summary == summary


@then(parsers.parse('its reason is "{why}"'))
def its_reason(chronicle: Chronicle, why: str) -> None:
    assert chronicle.entry is not None and chronicle.entry.reason == why
    assert why not in chronicle.entry.summary


@then(parsers.parse("it happened on {day} and was recorded today"))
def both_dates(chronicle: Chronicle, day: str) -> None:
    assert chronicle.entry is not None
    assert chronicle.entry.occurred_on == date.fromisoformat(day)
    assert chronicle.entry.recorded_at.date() == datetime.now(UTC).date()


@then(parsers.parse("the audit log of the {role} lists {listed}"))
def log_of_actor(chronicle: Chronicle, role: str, listed: str) -> None:
    assert events(chronicle.app.history.audit_log(actor=ACTORS[role].id)) == listed


@then(parsers.parse("the audit log of bargaining clusters lists {listed}"))
def log_of_kind(chronicle: Chronicle, listed: str) -> None:
    assert events(chronicle.app.history.audit_log(kind="BargainingCluster")) == listed


@then(parsers.parse("the audit log read {size:d} entries at a time lists {listed}"))
def log_in_pages(chronicle: Chronicle, size: int, listed: str) -> None:
    pages = [chronicle.app.history.audit_page(limit=size)]
    while pages[-1].next_after is not None:
        pages.append(chronicle.app.history.audit_page(after=pages[-1].next_after, limit=size))
    assert all(len(p.entries) <= size for p in pages)
    assert events(e for p in pages for e in p.entries) == listed


@then(parsers.parse("both files have the columns {columns}"))
def export_columns(chronicle: Chronicle, columns: str) -> None:
    expected = columns.split(", ")
    with chronicle.files["csv"].open(encoding="utf-8", newline="") as file:
        assert next(csv.reader(file)) == expected
    for line in chronicle.files["jsonl"].read_text(encoding="utf-8").splitlines():
        assert list(json.loads(line)) == expected


@then(parsers.parse("both files hold the {count:d} entries of the audit log"))
def export_entries(chronicle: Chronicle, count: int) -> None:
    entries = list(chronicle.app.history.audit_log())
    assert len(entries) == count
    with chronicle.files["csv"].open(encoding="utf-8", newline="") as file:
        assert [HistoryEntry.from_record(row) for row in csv.DictReader(file)] == entries
    lines = chronicle.files["jsonl"].read_text(encoding="utf-8").splitlines()
    assert [HistoryEntry.from_record(json.loads(line)) for line in lines] == entries


@then("it is refused as not found")
def refused_not_found(chronicle: Chronicle) -> None:
    assert isinstance(chronicle.refusal(), RecordNotFound)


@then(parsers.parse('it is refused as invalid input, saying "{words}"'))
def refused_invalid(chronicle: Chronicle, words: str) -> None:
    error = chronicle.refusal()
    assert isinstance(error, InvalidInput) and words in str(error), str(error)


@then("nothing new was recorded")
def nothing_new(chronicle: Chronicle) -> None:
    chronicle.nothing_recorded()
