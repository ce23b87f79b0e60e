"""Properties of member-facing counts: no work group under the smallest shown is ever counted,
and no total minus the groups shown, nor one day's totals minus another day's, gives back
fewer workers than the smallest shown."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import GroupTest, MapCount
from bargaining.domain.campaigns.counts import Counted
from bargaining.domain.campaigns.member_view import hidden_in
from bargaining.domain.organizing.counts import counts
from bargaining.domain.people.small_groups import (
    hidden_counts,
    hidden_groups,
    identifying,
    small,
)

DAY = date(2024, 3, 1)
sizes = st.dictionaries(st.sampled_from([f"g{i}" for i in range(8)]),
                        st.integers(min_value=0, max_value=40), min_size=1, max_size=8)
smallest = st.integers(min_value=1, max_value=10)
UNITS = [uuid4() for _ in range(4)]


@settings(max_examples=300, deadline=None)
@given(sizes, smallest, st.data())
def test_no_member_facing_count_reveals_a_small_group(workers: dict[str, int], least: int,
                                                      data: st.DataObject) -> None:
    maps = {name: MapCount(workers=n, mapped=data.draw(st.integers(0, n))) for name, n in
            workers.items()}
    tests = [GroupTest(group=name, kind="petition", eligible=n,
                       participants=data.draw(st.integers(0, n)), on=DAY)
             for name, n in workers.items() if n > 0]
    seen = counts(maps, tests, DAY, least)
    shown = [g for g in seen.groups if not g.hidden]
    # no group smaller than the smallest shown is counted
    assert all(g.workers is not None and g.workers >= least for g in shown)
    assert all(g.workers is None and g.took_part is None and g.mapped is None
               for g in seen.groups if g.hidden)
    # the totals minus the groups shown never give back a small, non-empty remainder
    hidden_total = sum(workers[g.group] for g in seen.groups if g.hidden)
    if seen.workers is not None:
        assert hidden_total == 0 or hidden_total >= least
        assert seen.workers - sum(g.workers or 0 for g in shown) == hidden_total


@settings(max_examples=300, deadline=None)
@given(sizes, smallest)
def test_groups_at_or_over_the_smallest_are_shown_when_nothing_is_small(
        workers: dict[str, int], least: int) -> None:
    hidden, totals_hidden = hidden_groups(workers, least)
    if all(n >= least for n in workers.values()):
        assert hidden == frozenset() and not totals_hidden
    else:
        assert {name for name, n in workers.items() if n < least} <= hidden


def test_one_small_group_beside_a_large_one_hides_it_and_the_totals() -> None:
    assert hidden_groups({"Nights": 3, "Days": 60}, 5) == ({"Nights"}, True)
    assert hidden_groups({"Nights": 3, "Weekends": 1}, 5) == ({"Nights", "Weekends"}, True)
    assert hidden_groups({"A": 3, "B": 1, "C": 6, "D": 9}, 5) == ({"A", "B"}, True)
    # a group with no workers gives nobody back: the totals stay
    assert hidden_groups({"Empty": 0, "Days": 60}, 5) == ({"Empty"}, False)


cells = st.dictionaries(st.sampled_from([f"g{i}" for i in range(6)]),
                        st.integers(min_value=0, max_value=30).flatmap(
                            lambda n: st.tuples(st.just(n), st.integers(0, n))),
                        min_size=1, max_size=6)


def _sum(found: list[tuple[int, int]]) -> tuple[int, int]:
    return sum(e for e, _ in found), sum(p for _, p in found)


@settings(max_examples=300, deadline=None)
@given(cells, smallest)
def test_no_shown_count_or_total_singles_anyone_out(counted: dict[str, tuple[int, int]],
                                                    least: int) -> None:
    """Neither a shown group nor what the totals minus the shown groups give back says who
    took part or who did not (fewer than the smallest, but some)."""
    hidden, totals_hidden = hidden_counts(counted, least)
    assert all(not identifying(e, p, least) for name, (e, p) in counted.items()
               if name not in hidden)
    if hidden and not totals_hidden:
        assert not identifying(*_sum([counted[name] for name in hidden]), least)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 3), st.sampled_from(UNITS),
                          st.sampled_from([None, "days", "Nights", "nights", "weekends"]),
                          st.integers(0, 30).flatmap(lambda n: st.tuples(st.just(n),
                                                                         st.integers(0, n)))),
                max_size=20), smallest)
def test_no_member_series_gives_a_small_group_back_by_subtraction(
        drawn: list[tuple[int, UUID, str | None, tuple[int, int]]], least: int) -> None:
    """Per held action: every unit and work group shown is no small group; what a unit's
    line minus its groups shown, or the campaign's total minus its units shown, gives back
    singles nobody out; a hidden unit's groups are all hidden."""
    rows = [Counted(action, "action", "organizing meeting", DAY, unit, group, e, p)
            for action, unit, group, (e, p) in drawn]
    hidden = hidden_in(rows, least)
    for action in {r.action for r in rows}:
        units: dict[UUID, dict[str | None, tuple[int, int]]] = {}
        for r in rows:
            if r.action == action:
                key = None if r.work_group is None else r.work_group.casefold()
                e, p = units.setdefault(r.unit_id, {}).get(key, (0, 0))
                units[r.unit_id][key] = (e + r.eligible, p + r.participants)
        hidden_units = [u for u in units if hidden.unit(action, u)]
        for unit, groups in units.items():
            shown = [g for g in groups if not hidden.group(action, unit, g)]
            assert all(not identifying(*groups[g], least) for g in shown)
            if unit in hidden_units:
                assert not shown
                continue
            assert not identifying(*_sum(list(groups.values())), least)
            gone = [groups[g] for g in groups if g not in shown]
            assert not gone or not identifying(*_sum(gone), least)
        if hidden_units and action not in hidden.totals:
            gone = [_sum(list(units[u].values())) for u in hidden_units]
            assert not identifying(*_sum(gone), least)


@settings(max_examples=200, deadline=None)
@given(sizes, smallest, st.data())
def test_no_member_facing_test_count_singles_anyone_out(workers: dict[str, int], least: int,
                                                        data: st.DataObject) -> None:
    maps = {name: MapCount(workers=n, mapped=n) for name, n in workers.items()}
    tests = [GroupTest(group=name, kind="petition", eligible=n,
                       participants=data.draw(st.integers(0, n)), on=DAY)
             for name, n in workers.items() if n > 0]
    for group in counts(maps, tests, DAY, least).groups:
        if group.tested is not None:
            assert group.took_part is not None
            assert not identifying(group.tested, group.took_part, least)


DAYS = [date(2024, month, 1) for month in range(1, 7)]
timelines = st.dictionaries(
    st.sampled_from([f"g{i}" for i in range(6)]),
    st.tuples(st.sampled_from(DAYS), st.integers(min_value=0, max_value=40)).flatmap(
        lambda added: st.tuples(st.just(added[0]), st.just(added[1]),
                                st.integers(0, added[1]))),
    min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(timelines, smallest, st.lists(st.sampled_from(DAYS), min_size=2, max_size=4))
def test_no_member_reading_several_days_subtracts_a_small_group_back(
        groups: dict[str, tuple[date, int, int]], least: int, read_on: list[date]) -> None:
    """Groups are added on different days; a member reads the counts on several days.
    Whatever a day's totals hold beyond the groups it shows, and whatever one day's totals
    hold beyond another's once the groups shown both days are taken out, is never a small
    group's count: it is nothing at all."""
    def seen_on(day: date) -> tuple[dict[str, tuple[int, int]], tuple[int, int]]:
        maps = {name: MapCount(workers=n, mapped=m) for name, (added, n, m) in groups.items()
                if added <= day}
        seen = counts(maps, [], day, least)
        shown = {g.group: (g.workers or 0, g.mapped or 0) for g in seen.groups
                 if not g.hidden}
        assert all(groups[name][1] >= least for name in shown)
        if seen.workers is None or seen.mapped is None:
            return shown, (0, 0)
        beyond = (seen.workers - sum(w for w, _ in shown.values()),
                  seen.mapped - sum(m for _, m in shown.values()))
        return shown, beyond

    views = [seen_on(day) for day in read_on]
    for _, beyond in views:
        # one day: the totals minus the groups shown give no small group back
        assert not small(beyond[0], least) and not small(beyond[1], least)
    for _, beyond_a in views:
        for _, beyond_b in views:
            # two days: the difference of what each total holds beyond its groups shown
            difference = (beyond_b[0] - beyond_a[0], beyond_b[1] - beyond_a[1])
            assert not small(abs(difference[0]), least)
            assert not small(abs(difference[1]), least)
