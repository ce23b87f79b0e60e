"""Invariants of member democracy.

Whatever terms are asked for: no day has more holders of a role than it has seats, and a term
refused for that recorded nothing. Whatever motions are decided, in camera or not: the
in-camera decisions of disjoint periods add up to those of the whole, never more than the
decisions. Whatever reports are filed: on any reading day each ended period's report is in
exactly one state, and a report filed is never overdue from its filing day on.
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from hypothesis import given
from hypothesis import strategies as st

from bargaining import BargainingApp, ReportState, RuleViolation, Tally, Vote
from tests.democracy_story import SECRETARY
from tests.refusals import position
from tests.test_properties import quick

FIRST = date(2024, 1, 1)


def a_body(app: BargainingApp, seats: int) -> UUID:
    body = app.democracy.form_body(organization="Local 1", name="Executive board",
                                   kind="executive board", actor=SECRETARY)
    app.democracy.add_role(body, name="Trustee", seats=seats, actor=SECRETARY)
    return body


terms = st.lists(st.tuples(st.integers(0, 700), st.one_of(st.none(), st.integers(0, 400))),
                 min_size=1, max_size=8)


@quick(40)
@given(seats=st.integers(1, 3), asked=terms)
def test_no_day_has_more_holders_than_seats(seats: int, asked: list[tuple[int, int | None]]
                                            ) -> None:
    with BargainingApp("memory") as app:
        body = a_body(app, seats)
        for index, (start, length) in enumerate(asked):
            starts = FIRST + timedelta(days=start)
            ends = None if length is None else starts + timedelta(days=length)
            before = position(app)
            try:
                app.democracy.fill_role(body, role="Trustee", person=f"p-{index}",
                                        starts=starts, ends=ends, filled_by="election",
                                        rank="elected officer", first_role=False,
                                        actor=SECRETARY)
            except RuleViolation:
                assert position(app) == before
        record = app.democracy.body(body)
        for offset in range(0, 1200, 7):
            day = FIRST + timedelta(days=offset)
            assert len(record.holders("Trustee", day)) <= seats
        # and whatever was accepted is the record's: one holding per accepted term
        assert len(record.holdings) <= len(asked)


motions = st.lists(st.tuples(st.integers(0, 23), st.booleans(), st.booleans()), min_size=1,
                   max_size=20)


@quick(25)
@given(plan=motions, cut=st.integers(1, 23))
def test_in_camera_counts_add_up_over_periods(plan: list[tuple[int, bool, bool]],
                                              cut: int) -> None:
    with BargainingApp("memory") as app:
        d = app.democracy
        body = a_body(app, 1)
        voting = d.body(body).voting_body
        sittings: dict[int, UUID] = {}
        for month, closed, carried in plan:
            on = date(2024 + month // 12, month % 12 + 1, 10)
            if month not in sittings:
                sittings[month] = d.hold_meeting(body, on=on, notice_days=7, present=5,
                                                 eligible=5, actor=SECRETARY)
            meeting = sittings[month]
            number = d.move(meeting, text="A motion", mover="p-1", in_camera=closed,
                            actor=SECRETARY)
            yes = 4 if carried else 1
            d.decide(meeting, number, vote=Vote(on, Tally(eligible=5, cast=5, yes=yes,
                                                          no=5 - yes), body=voting),
                     actor=SECRETARY)
        split = date(2024 + cut // 12, cut % 12 + 1, 1)
        whole, first, second = d.in_camera(body, [
            (date(2024, 1, 1), date(2025, 12, 31)),
            (date(2024, 1, 1), split - timedelta(days=1)),
            (split, date(2025, 12, 31))])
        assert whole.decisions == len(plan) == first.decisions + second.decisions
        assert whole.in_camera == sum(closed for _, closed, _ in plan)
        assert whole.in_camera == first.in_camera + second.in_camera
        assert all(p.in_camera <= p.decisions for p in (whole, first, second))


@quick(30)
@given(filed=st.lists(st.tuples(st.integers(0, 7), st.integers(0, 120)), max_size=8),
       reading=st.integers(0, 900))
def test_each_period_is_in_one_state_and_a_filed_report_is_never_overdue(
        filed: list[tuple[int, int]], reading: int) -> None:
    with BargainingApp("memory") as app:
        d = app.democracy
        body = a_body(app, 1)
        d.fill_role(body, role="Trustee", person="p-1", starts=FIRST, filled_by="election",
                    rank="elected officer", first_role=False, actor=SECRETARY)
        d.expect_reports(body, role="Trustee", what="Report", to_whom="the members",
                         every_months=3, starts=FIRST, actor=SECRETARY)
        expectation = d.body(body).expectations[0]
        for quarter, late in filed:
            end = expectation.period_end(quarter)
            d.file_report(body, role="Trustee", what="Report", period_end=end,
                          on=end + timedelta(days=late), led_by="p-1",
                          led_by_rank="elected officer", where="a binder", actor=SECRETARY)
        day = FIRST + timedelta(days=reading)
        states = d.reports(body, on=day)
        assert [s.period_end for s in states] == expectation.ends_through(day)
        for state in states:
            on_file = [end + timedelta(days=late) for quarter, late in filed
                       if (end := expectation.period_end(quarter)) == state.period_end
                       and end + timedelta(days=late) <= day]
            if on_file:
                assert state.state in (ReportState.ON_TIME, ReportState.LATE)
                assert state.filed_on == min(on_file)
                assert (state.state is ReportState.LATE) == (min(on_file) > state.due)
            else:
                assert state.state is (ReportState.OVERDUE if state.due < day
                                       else ReportState.NOT_YET_DUE)
            assert (state.flag is not None) == (state.state is ReportState.OVERDUE)
