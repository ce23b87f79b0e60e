"""Invariants of workplace maps, structure tests and coverage.

Whatever counts are given: a map count is recorded exactly when it can be true (mapped within
the workers, contacts, support assessed and leaders identified within the mapped), and a
refused one records nothing and leaves the group's map as it was; a test is recorded exactly
when its participants are within its eligible workers, and it proves its leader exactly when
its turnout reaches its threshold; the proven day is the earliest passing test's, whatever
order the tests were recorded in; coverage needs one leader per ``aim`` workers, rounded up.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bargaining import BargainingApp, BargainingError, GroupTest, MapCount
from tests.organizing_story import ORGANIZER
from tests.refusals import position
from tests.test_properties import quick

DAY = date(2024, 1, 10)
counts = st.integers(0, 120)


@given(workers=counts, mapped=counts, contacts=counts,
       support=st.lists(st.integers(0, 40), min_size=5, max_size=5), leaders=st.integers(0, 20))
@quick(80)
def test_a_map_count_is_recorded_exactly_when_it_can_be_true(
        workers: int, mapped: int, contacts: int, support: list[int], leaders: int) -> None:
    possible = (mapped <= workers and contacts <= mapped and sum(support) <= mapped
                and leaders <= mapped)
    with BargainingApp("memory") as app:
        place = app.organizing.register_workplace(name="W", employer="E", actor=ORGANIZER)
        app.organizing.add_group(place, name="G", kind="floor", workers=5, on=DAY,
                                 actor=ORGANIZER)
        before = position(app)
        try:
            app.organizing.record_map(
                place, group="G", on=DAY, actor=ORGANIZER,
                count=MapCount(workers=workers, mapped=mapped, contacts=contacts,
                               support=tuple(support), leaders=leaders))
        except BargainingError:
            assert not possible
            assert position(app) == before
            assert app.organizing.workplace(place).groups["G"].map == MapCount(workers=5,
                                                                               mapped=0)
            return
        assert possible
        kept = app.organizing.workplace(place).groups["G"].map
        assert (kept.workers, kept.mapped, kept.contacts, kept.support, kept.leaders) == (
            workers, mapped, contacts, tuple(support), leaders)


tests = st.lists(st.tuples(st.integers(1, 60), st.integers(0, 70), st.integers(2, 100),
                           st.integers(0, 30)), min_size=1, max_size=6)


@given(held=tests)
@quick(50)
def test_a_leader_is_proven_on_the_earliest_passing_test_they_led(
        held: list[tuple[int, int, int, int]]) -> None:
    with BargainingApp("memory") as app:
        place = app.organizing.register_workplace(name="W", employer="E", actor=ORGANIZER)
        app.organizing.add_group(place, name="G", kind="shift", workers=60, on=DAY,
                                 actor=ORGANIZER)
        app.organizing.identify_leader(place, group="G", person="p-1", on=DAY,
                                       actor=ORGANIZER)
        passing: list[date] = []
        for eligible, took_part, threshold, days in held:
            on = DAY + timedelta(days=days)
            before = position(app)
            try:
                passed = app.organizing.hold_test(
                    place, GroupTest(group="G", kind="petition", eligible=eligible,
                                     participants=took_part, threshold=threshold, on=on,
                                     leader="p-1"), actor=ORGANIZER)
            except BargainingError:
                assert took_part > eligible
                assert position(app) == before
                continue
            assert took_part <= eligible
            assert passed == (took_part * 100 >= threshold * eligible)
            if passed:
                passing.append(on)
        leader, = app.organizing.leaders(place, on=DAY + timedelta(days=31))
        assert leader.proven_on == (min(passing) if passing else None)
        assert len(app.organizing.workplace(place).tests) == sum(
            p <= e for e, p, _, _ in held)


@given(workers=st.integers(0, 500), aim=st.integers(1, 50))
@quick(40)
def test_coverage_needs_one_leader_per_aim_workers_rounded_up(workers: int, aim: int) -> None:
    with BargainingApp("memory") as app:
        place = app.organizing.register_workplace(name="W", employer="E", actor=ORGANIZER)
        app.organizing.add_group(place, name="G", kind="department", workers=workers, on=DAY,
                                 actor=ORGANIZER)
        found = app.organizing.coverage(place, on=DAY, workers_per_leader=aim)
        assert found.group("G").needed == math.ceil(workers / aim)
        assert found.met == (workers == 0)
