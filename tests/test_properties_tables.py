"""Hypothesis properties of ratification returns and of units settled across tables.

Returns are drawn as tallies from a few units (a unit may return more than once: several
assemblies); the test states each rule in its own words, with plain integer arithmetic, and
checks the library's combination against it. Tables are drawn as sets of units, some ratified;
a unit is settled exactly when every table it sits at is ratified, checked on the pure rule and
on a cluster's status read from a store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import (
    Actor,
    BargainingApp,
    Category,
    Return,
    ReturnsRule,
    TableKind,
    Tally,
    Terms,
    Threshold,
    Vote,
    combine_returns,
    unit_settled,
)

CHAIR = Actor("c-1", "coordinating committee")
UNITS = [UUID(int=n + 1) for n in range(5)]
THRESHOLDS = [Threshold.majority_of_valid(), Threshold.majority_of_cast(),
              Threshold.two_thirds_of_valid()]


@st.composite
def tallies(draw: st.DrawFn) -> Tally:
    yes, no, spoiled = (draw(st.integers(0, 60)) for _ in range(3))
    cast = yes + no + spoiled
    return Tally(eligible=cast + draw(st.integers(0, 20)), cast=cast, yes=yes, no=no,
                 spoiled=spoiled)


@st.composite
def returns(draw: st.DrawFn) -> tuple[Threshold, list[Return]]:
    threshold = draw(st.sampled_from(THRESHOLDS))
    found = draw(st.lists(st.tuples(st.sampled_from(UNITS), tallies(),
                                    st.integers(1, 31)), min_size=1, max_size=9))
    return threshold, [Return(u, Vote(date(2024, 1, day), t, threshold)) for u, t, day in found]


def carries(threshold: Threshold, yes: int, no: int, spoiled: int) -> bool:
    """The rule in plain integers: yes against the rule's base, strictly more or at least."""
    base = {"valid": yes + no, "cast": yes + no + spoiled}[threshold.of]
    if base == 0:
        return False
    if threshold.strictly_more:
        return yes * 100 > threshold.percent * base
    return yes * 100 >= threshold.percent * base


@given(returns(), st.sampled_from(list(ReturnsRule)))
def test_returns_combine_by_the_tables_rule(
    drawn: tuple[Threshold, list[Return]], rule: ReturnsRule
) -> None:
    threshold, found = drawn
    result = combine_returns(found, rule, expected=len(UNITS))
    tally = result.tally
    for name in ("eligible", "cast", "yes", "no", "spoiled"):
        assert getattr(tally, name) == sum(getattr(r.vote.tally, name) for r in found)
    everyone = carries(threshold, tally.yes, tally.no, tally.spoiled)
    assert result.all_ballots_carried == everyone
    returned = list(dict.fromkeys(r.unit_id for r in found))
    per_unit = {u: [r.vote.tally for r in found if r.unit_id == u] for u in returned}
    carried_units = [u for u, ts in per_unit.items() if carries(
        threshold, sum(t.yes for t in ts), sum(t.no for t in ts), sum(t.spoiled for t in ts))]
    # a majority of units: of the five units at the table, whether they returned or not
    majority = len(carried_units) >= 3
    assert result.majority_of_units_carried == majority
    assert result.against == tuple(u for u in returned if u not in carried_units)
    expected = {ReturnsRule.ALL_BALLOTS: everyone, ReturnsRule.MAJORITY_OF_UNITS: majority,
                ReturnsRule.BOTH: everyone and majority}
    assert result.carried == expected[rule]
    assert all(result.under(other).carried == expected[other] for other in ReturnsRule)
    assert result.complete == (len(returned) == len(UNITS))
    seated = combine_returns(found, rule, seated=UNITS)
    assert seated.carried == expected[rule]
    assert set(seated.missing) | set(returned) == set(UNITS)
    assert not set(seated.missing) & set(returned)


@dataclass(frozen=True)
class Drawn:
    unit_ids: tuple[UUID, ...]
    ratified: bool


tables_strategy = st.lists(
    st.builds(Drawn, st.lists(st.sampled_from(UNITS), min_size=1, max_size=5, unique=True)
              .map(tuple), st.booleans()), max_size=6)


@given(tables_strategy, st.sampled_from(UNITS))
def test_a_unit_is_settled_exactly_when_every_table_it_sits_at_is_ratified(
    tables: list[Drawn], unit: UUID
) -> None:
    # settled: at least one table names the unit, and no table naming it is unratified
    at_some = any(unit in t.unit_ids for t in tables)
    holding_back = [t for t in tables if unit in t.unit_ids and not t.ratified]
    assert unit_settled(unit, tables) == (at_some and holding_back == [])


@settings(max_examples=12, deadline=None)
@given(st.lists(st.tuples(st.sets(st.integers(0, 3), min_size=1), st.booleans()),
                min_size=1, max_size=4))
def test_the_clusters_status_settles_a_member_exactly_when_its_tables_have_ratified(
    drawn: list[tuple[set[int], bool]],
) -> None:
    with BargainingApp("memory") as app:
        units = []
        for n in range(4):
            uid = app.units.register(union="U", local=str(n), employer="E", unit_name="n",
                                     actor=CHAIR)
            app.units.record_agreement(uid, expiry=date(2023, 3, 31), actor=CHAIR)
            units.append(uid)
        cluster = app.clusters.form(name="C", sectors=["s"], committee=[CHAIR],
                                    window_start=date(2023, 1, 1), window_end=date(2023, 12, 31),
                                    target_alignment=date(2028, 3, 31), actor=CHAIR,
                                    on=date(2022, 9, 1))
        for uid in units:
            app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2022, 9, 1))
        opened = []
        for n, (members, ratified) in enumerate(drawn):
            # distinct matters, so no table replaces another: each is a table of its own
            table = app.rounds.open_table(
                units=[units[m] for m in sorted(members)], kind=TableKind.SECTORAL,
                matters=[list(Category)[n]], on=date(2022, 10, 1), cluster=cluster,
                actor=CHAIR)
            if ratified:
                app.rounds.reach_tentative_agreement(table, Terms.of(), on=date(2023, 1, 5),
                                                     actor=CHAIR)
                app.rounds.record_ratification_vote(table, Vote(date(2023, 1, 9), Tally(
                    eligible=10, cast=10, yes=9, no=1)), actor=CHAIR)
            opened.append(app.rounds.get(table))
        status = app.clusters.status(cluster)
        for state in status.tables:
            assert state.settled == unit_settled(state.unit_id, opened)
            assert [s.round_id for s in state.seats] == [
                t.id for t in opened if state.unit_id in t.unit_ids]
