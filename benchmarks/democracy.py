"""Holding a meeting, deciding a motion and reading a year's decisions against the number of
meetings a body has held.

Run from the repository root:

    .venv/bin/python benchmarks/democracy.py                  # SQLite and PostgreSQL
    .venv/bin/python benchmarks/democracy.py --stores sqlite --quick

A body is grown to 500 and 2,000 meetings (ten and forty years of weekly meetings), each with
four motions decided, written through the domain in large saves (snapshots are taken at their
interval as in any save). Then one meeting held (which lists it in the body's record), one
motion moved and decided, and the summary of the last year's decisions (fifty meetings) are
timed many times: median and p99, beside the baseline, the same on a body with one year's
fifty meetings, in the same process; the baseline body is timed again at the end, in the store
as it then is, to tell what the store's size costs every record from what a body's own history
costs.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from uuid import UUID

from against_history import Figures, header, main, rows
from commands import opened, timed

from bargaining import Actor, BargainingApp, GoverningBody, Meeting, MeetingCalendar, Tally, Vote

ACTOR = Actor("bench", "recording secretary")
FIRST = date(1990, 1, 1)
PER_YEAR = 50


def weekly(n: int) -> date:
    return FIRST + timedelta(days=7 * n)


def grown(app: BargainingApp, meetings: int) -> UUID:
    """A body with this many meetings, each of four decided motions; the last fifty in the
    last year read."""
    body_id = app.democracy.form_body(organization=f"Union {time.perf_counter_ns()}",
                                      name="Executive board", kind="executive board",
                                      actor=ACTOR)
    body: GoverningBody = app.democracy.body(body_id)
    batch: list[Meeting] = []
    calendars: dict[int, MeetingCalendar] = {}
    for n in range(meetings):
        on = weekly(n)
        meeting = Meeting.hold(body=body, on=on, notice_days=7, present=9, eligible=11,
                               actor=ACTOR)
        year = calendars.get(on.year)
        if year is None:
            year = calendars[on.year] = MeetingCalendar.open(body_id=body_id, year=on.year,
                                                             actor=ACTOR)
        year.list_meeting(meeting=meeting.id, on=on, actor=ACTOR)
        vote = Vote(on, Tally(eligible=11, cast=9, yes=7, no=2), body=body.voting_body)
        for m in range(4):
            number = meeting.move(text=f"Motion {m}", mover="p-1", in_camera=m == 0,
                                  actor=ACTOR)
            meeting.decide(number, vote=vote, actor=ACTOR)
        batch.append(meeting)
        if len(batch) >= 200:
            app.save(*calendars.values(), *batch)
            batch = []
    app.save(*calendars.values(), *batch)
    return body_id


def measure(app: BargainingApp, body: UUID, meetings: int, times: int) -> Figures:
    last = weekly(meetings - 1)
    year = dict(starts=weekly(meetings - PER_YEAR), ends=last)
    voting = app.democracy.body(body).voting_body

    def hold(i: int) -> None:
        app.democracy.hold_meeting(body, on=last + timedelta(days=1 + i), notice_days=7,
                                   present=9, eligible=11, actor=ACTOR)

    sitting = app.democracy.hold_meeting(body, on=last, notice_days=7, present=9,
                                         eligible=11, actor=ACTOR)

    def decide(i: int) -> None:
        number = app.democracy.move(sitting, text=f"Timed {i}", mover="p-1", actor=ACTOR)
        app.democracy.decide(sitting, number, vote=Vote(last, Tally(
            eligible=11, cast=9, yes=7, no=2), body=voting), actor=ACTOR)

    summary = timed(lambda i: app.democracy.decision_summary(body, **year), times)
    return {"meeting held": timed(hold, times), "motion decided": timed(decide, times),
            "year's summary": summary}


def run_store(kind: str, histories: list[int], times: int) -> None:
    with opened(kind) as app:
        fresh = grown(app, PER_YEAR)
        baseline = measure(app, fresh, PER_YEAR, times)
        print(f"\n{kind}: baseline = a body of one year's {PER_YEAR} meetings; "
              f"{times} runs each")
        header("meetings")
        rows(str(PER_YEAR), baseline, baseline)
        for history in histories:
            rows(f"{history:,}", measure(app, grown(app, history), history, times), baseline)
        # the baseline body again, in the store as it now is: what the store's size costs
        # every record alike, apart from any record's own history
        rows("50 again", measure(app, fresh, PER_YEAR, times), baseline)


if __name__ == "__main__":
    sys.exit(main(run_store, __doc__.splitlines()[0], histories=(500, 2000), runs=31,
                  quick_runs=11))
