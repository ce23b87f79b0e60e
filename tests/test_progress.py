"""Progress on long work: import, rebuild, verify and the exports call ``progress(done, total)``
with counts that never go back and end at the total, on every store."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    F7_MAPPING,
    Actor,
    BargainingApp,
    CsvImporter,
    InvalidInput,
    verify_store,
    write_csv,
    write_jsonl,
)
from bargaining.domain.shared.progress import Reporter

HEADER = (
    "notice_date,expiration_date,employer,union,unit_city,unit_state,industry_code,"
    "bargaining_unit_size,establishment_size\n"
)


def _rows(count: int) -> str:
    """Illustrative F-7 rows: one employer's units in as many towns, one of them bad."""
    lines = [f"2003-10-01,2004-0{1 + i % 9}-15,ACME PLANT,UAW - {i},TOWN {i},MI,E,{10 + i},50"
             for i in range(count)]
    lines[3] = "2003-10-01,,ACME PLANT,UAW - 3,TOWN 3,MI,E,13,50"
    return HEADER + "\n".join(lines) + "\n"


class Calls(list[tuple[int, int | None]]):
    __hash__ = None  # type: ignore[assignment]

    def __call__(self, done: int, total: int | None) -> None:
        self.append((done, total))

    def check(self, total: int) -> None:
        """Monotone counts, never past a known total, ending at ``total``."""
        assert self, "progress was never called"
        dones = [d for d, _ in self]
        totals = [t for _, t in self if t is not None]
        assert dones == sorted(dones)
        assert totals == sorted(totals)
        assert all(t is None or d <= t for d, t in self)
        assert self[-1] == (total, total)


def _filled(app: BargainingApp, steward: Actor, rows: int = 25) -> None:
    CsvImporter(app, F7_MAPPING, actor=steward, batch_size=10).import_text(_rows(rows))


def test_an_import_reports_rows_read_after_each_batch_ending_at_every_row(
    app: BargainingApp, steward: Actor
) -> None:
    calls = Calls()
    report = CsvImporter(app, F7_MAPPING, actor=steward, batch_size=10).import_text(
        _rows(25), progress=calls)
    calls.check(report.rows_read)
    assert report.rows_read == 25 and len(report.rejected) == 1
    assert [d for d, _ in calls][:-1] == [11, 21, 25]   # after each batch of 10 good rows
    assert all(t is None for _, t in calls[:-1])          # the file's length is not known


def test_an_import_of_a_file_reports_progress(tmp_path, steward: Actor) -> None:
    path = tmp_path / "f7.csv"
    path.write_text(_rows(12), encoding="utf-8")
    calls = Calls()
    with BargainingApp(str(tmp_path / "s.sqlite")) as app:
        CsvImporter(app, F7_MAPPING, actor=steward, batch_size=5).import_file(path, progress=calls)
    calls.check(12)


def test_a_rebuild_reports_positions_of_the_last_one(app: BargainingApp, steward: Actor) -> None:
    _filled(app, steward)
    unit = app.units.register(union="CUPE", local="79", employer="City of Toronto",
                              unit_name="Inside workers", actor=steward)
    app.units.change_headcount(unit, 20000, on=date(2025, 6, 2), actor=steward)
    last = app.eventsourcing.recorder.max_notification_id()
    calls = Calls()
    applied = app.expiry_map.rebuild(progress=calls)
    calls.check(last)
    assert calls[0] == (0, last)
    assert applied == last    # every event of this log is a unit's


def test_verify_reports_positions_verified_of_the_head(app: BargainingApp, steward: Actor) -> None:
    _filled(app, steward)
    head = app.integrity.receipt().position
    calls = Calls()
    report = app.integrity.verify(page_size=7, progress=calls)
    assert report.intact
    calls.check(head)
    assert len(calls) > 3     # it reported along the way, a page at a time


def test_verify_store_reports_progress_and_stops_at_a_break(tmp_path, steward: Actor) -> None:
    import sqlite3

    path = str(tmp_path / "s.sqlite")
    with BargainingApp(path) as app:
        _filled(app, steward)
        head = app.integrity.receipt().position
    calls = Calls()
    assert verify_store(path, page_size=5, progress=calls).intact
    calls.check(head)
    with sqlite3.connect(path) as database:
        database.execute("DELETE FROM stored_events WHERE rowid = 12")
    broken = Calls()
    report = verify_store(path, page_size=5, progress=broken)
    assert not report.intact
    assert broken[-1][0] < head and broken[-1][1] == head   # it stopped before the end


def test_exports_report_entries_written(app: BargainingApp, steward: Actor) -> None:
    _filled(app, steward, rows=30)
    entries = list(app.history.audit_log())
    calls = Calls()
    assert write_jsonl(entries, io.StringIO(), progress=calls) == len(entries)
    calls.check(len(entries))
    assert calls[0] == (0, len(entries))
    streamed = Calls()
    assert write_csv(app.history.audit_log(), io.StringIO(), progress=streamed) == len(entries)
    streamed.check(len(entries))
    assert streamed[0] == (0, None)      # a stream's length is known when it ends


def test_a_progress_that_is_not_callable_is_refused_before_any_work(
    memory_app: BargainingApp, steward: Actor
) -> None:
    importer = CsvImporter(memory_app, F7_MAPPING, actor=steward)
    with pytest.raises(InvalidInput, match="progress must be a callable"):
        importer.import_text(_rows(5), progress=5)  # type: ignore[arg-type]
    assert memory_app.eventsourcing.recorder.max_notification_id() is None
    for work in (lambda: memory_app.expiry_map.rebuild(progress="bar"),  # type: ignore[arg-type]
                 lambda: memory_app.integrity.verify(progress=[]),  # type: ignore[arg-type]
                 lambda: write_csv([], io.StringIO(), progress=1)):  # type: ignore[arg-type]
        with pytest.raises(InvalidInput, match="progress must be a callable"):
            work()


@given(st.lists(st.tuples(st.integers(0, 10_000), st.none() | st.integers(0, 10_000))),
       st.none() | st.integers(0, 10_000))
def test_a_reporter_never_goes_back_and_ends_at_its_total(
    tells: list[tuple[int, int | None]], total: int | None
) -> None:
    calls = Calls()
    reporter = Reporter(calls, total)
    for done, known in tells:
        reporter.tell(done, known)
    reporter.finish()
    final = calls[-1][0]
    calls.check(final)
    assert final >= max([d for d, _ in tells] + [total or 0])
    assert len(set(calls)) == len(calls)   # a count that did not move is not told again
