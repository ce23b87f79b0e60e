"""Readiness on or after a campaign's last held day reads only the kept counts: a few a unit
however many actions were held, giving the same standings as every count, whatever the order
of days the actions were held in, and on a store whose history was written before they were
kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import BargainingApp
from bargaining.domain.campaigns.counts import Counted, kept, standings
from bargaining.domain.campaigns.readiness import readiness
from tests.test_participation_history import LAUNCH, answers, campaign_of, hold, story

UNITS = [UUID(int=n + 1) for n in range(3)]
RUNGS = ["meeting", "Meeting ", "march"]
GROUPS = ["days", "Days", "nights", "swing"]

#: One action: the day it was held (days after the first), its rung, and each unit's counts
#: (absent; counted as a whole; or by a few work groups, a name possibly twice).
actions = st.lists(st.tuples(
    st.integers(0, 6), st.sampled_from(RUNGS),
    st.lists(st.one_of(st.none(), st.just([]), st.lists(st.sampled_from(GROUPS), min_size=1,
                                                        max_size=3)),
             min_size=len(UNITS), max_size=len(UNITS))), min_size=1, max_size=8)


def rows_of(held: list[tuple[int, str, list[list[str] | None]]]) -> list[Counted]:
    """The counts of the actions, numbered in the order given, in (held on, action) order."""
    rows = []
    for number, (day, rung, by_unit) in enumerate(held, start=1):
        for u, groups in zip(UNITS, by_unit, strict=True):
            if groups is None:
                continue
            named: list[str | None] = list(groups) or [None]
            rows += [Counted(number, f"a{number}", rung, date(2026, 1, 1 + day), u, g,
                             10 + number, (number * 7 + n) % 11) for n, g in enumerate(named)]
    return sorted(rows, key=lambda r: (r.held_on, r.action))  # stable: each action's order


@settings(max_examples=300, deadline=None)
@given(actions)
def test_the_kept_counts_give_every_rungs_standings_as_all_the_counts_do(
    held: list[tuple[int, str, list[list[str] | None]]],
) -> None:
    rows = rows_of(held)
    kept_rows = [rows[place] for place in kept(rows)]
    for rung in [*RUNGS, "strike"]:
        assert standings(kept_rows, rung) == standings(rows, rung)


@settings(max_examples=300, deadline=None)
@given(actions, st.integers(0, 8))
def test_keeping_from_the_kept_and_the_new_keeps_what_keeping_from_all_keeps(
    held: list[tuple[int, str, list[list[str] | None]]], split: int,
) -> None:
    rows = rows_of(held)
    earlier = [r for r in rows if r.action <= split]  # recorded first, whatever their days
    so_far = [earlier[place] for place in kept(earlier)]
    merged = sorted(so_far + [r for r in rows if r.action > split],
                    key=lambda r: (r.held_on, r.action))
    assert {merged[p] for p in kept(merged)} == {rows[p] for p in kept(rows)}


def test_readiness_after_the_last_action_reads_a_few_counts_a_unit(app: BargainingApp) -> None:
    campaign, units = campaign_of(app, n=3)
    for week in range(6):
        hold(app, campaign, units, LAUNCH + timedelta(days=7 * week + 1), 5 + week)
    history = app.participation.of(campaign)
    after = LAUNCH + timedelta(days=60)
    # the unit of two work groups: its latest action's two and their first two; the others
    # counted as a whole: their latest
    assert len(list(history.standing_counts(after))) == 4 + 2
    assert len(list(history.counted(after))) == 6 * 4
    past = LAUNCH + timedelta(days=16)
    assert list(history.standing_counts(past)) == list(history.counted(past))


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])
def test_a_store_whose_history_was_kept_before_the_kept_counts_answers_the_same(
    open_app: Callable[..., BargainingApp], store_kind: str,
) -> None:
    first = open_app()
    campaign, units = story(first)
    expected = answers(first, campaign, units)
    views = first.participation.tables.store
    with views.transaction(commit=True) as cursor:  # as the store was written before
        cursor.execute(f"DROP TABLE {views.table('campaign_kept_counts')}")
        cursor.execute(views.sql(f"DELETE FROM {views.table('campaign_history_tracking')}"
                                 " WHERE name = ?"), ("campaign_kept_counts",))
    first.close()
    second = open_app()
    assert answers(second, campaign, units) == expected
    assert len(list(second.participation.of(campaign).standing_counts(date(2027, 1, 1)))) == 5


class _HostHistory:
    """A host's own history, written before ``standing_counts``: every count, every time."""

    def __init__(self, history: Any) -> None:
        self._history = history

    def counted(self, on: date) -> Any:
        return self._history.counted(on)

    def unit_counted(self, unit_id: UUID) -> Any:
        return self._history.unit_counted(unit_id)

    def tests(self) -> Any:
        return self._history.tests()

    def last_held(self) -> Any:
        return self._history.last_held()

    def spells(self) -> Any:
        return self._history.spells()


def test_a_hosts_history_without_standing_counts_gives_the_same_readiness(
    app: BargainingApp,
) -> None:
    campaign, _ = story(app)
    found, history = app.campaigns.get(campaign), app.participation.of(campaign)
    for day in (LAUNCH + timedelta(days=d) for d in (2, 9, 30)):
        assert readiness(found, _HostHistory(history), day).table() == readiness(
            found, history, day).table()
