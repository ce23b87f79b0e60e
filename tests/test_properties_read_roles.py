"""Properties of member-facing counts: no work group under the smallest shown is ever counted,
and no total minus the groups shown gives back fewer workers than the smallest shown."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import GroupTest, MapCount
from bargaining.domain.organizing.counts import counts
from bargaining.domain.people.small_groups import hidden_groups

DAY = date(2024, 3, 1)
sizes = st.dictionaries(st.sampled_from([f"g{i}" for i in range(8)]),
                        st.integers(min_value=0, max_value=40), min_size=1, max_size=8)
smallest = st.integers(min_value=1, max_value=10)


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


def test_one_small_group_beside_a_large_one_hides_both_and_shows_the_total() -> None:
    hidden, totals_hidden = hidden_groups({"Nights": 3, "Days": 60}, 5)
    assert hidden == {"Nights", "Days"} and not totals_hidden
    assert hidden_groups({"Nights": 3, "Weekends": 1}, 5) == ({"Nights", "Weekends"}, True)
    assert hidden_groups({"A": 3, "B": 1, "C": 6, "D": 9}, 5) == ({"A", "B", "C"}, False)
