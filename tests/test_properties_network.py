"""Properties of the network's measures: rank-and-file plus officers is every participant;
a series counts each person once per period, and a longer period counts the people of its
shorter ones, each once; every period of the span has one reading, in order."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining.domain.organizing.network import (
    Act,
    NetworkFacts,
    Period,
    Spell,
    officer_on,
    series,
)

FIRST, LAST = date(2023, 1, 1), date(2024, 12, 31)
PEOPLE = [f"p-{n}" for n in range(12)]
days = st.dates(min_value=FIRST, max_value=LAST)


@st.composite
def facts(draw: st.DrawFn) -> NetworkFacts:
    acts = draw(st.lists(st.builds(Act, person=st.sampled_from(PEOPLE), on=days,
                                   what=st.just("took part")), max_size=40))
    officers: dict[str, tuple[Spell, ...]] = {}
    for person in draw(st.lists(st.sampled_from(PEOPLE), unique=True, max_size=5)):
        starts = draw(days)
        length = draw(st.none() | st.integers(min_value=0, max_value=400))
        officers[person] = (Spell(starts, None if length is None else
                                  starts + timedelta(days=length)),)
    return NetworkFacts(teams={}, sectors={}, plans=(), activity={}, leaders=(),
                        acts=tuple(acts), officers=officers)


@settings(max_examples=60, deadline=None)
@given(facts(), st.sampled_from(list(Period)))
def test_rank_and_file_and_officers_are_every_participant_once(
        found: NetworkFacts, period: Period) -> None:
    made = series(found, period, FIRST, LAST, area=None, sector=None,
                  within=timedelta(days=90))
    starts = [r.starts for r in made.readings]
    assert starts == sorted(set(starts)) and starts[0] == FIRST
    for r in made.readings:
        people = {a.person for a in found.acts if r.starts <= a.on <= r.on}
        assert r.participants == len(people)
        assert r.rank_and_file + r.elected_officers == r.participants
        officers = {p for p in people if officer_on(
            found, p, [a.on for a in found.acts if a.person == p and r.starts <= a.on <= r.on])}
        assert r.elected_officers == len(officers)
    periods = list(zip(starts, [*starts[1:], LAST + timedelta(days=1)], strict=True))
    for a in found.acts:  # every act falls in exactly one period
        assert sum(s <= a.on < e for s, e in periods) == 1


@settings(max_examples=40, deadline=None)
@given(facts())
def test_a_year_counts_the_people_of_its_months_once(found: NetworkFacts) -> None:
    months = series(found, Period.MONTH, FIRST, LAST, area=None, sector=None,
                    within=timedelta(days=90))
    years = series(found, Period.YEAR, FIRST, LAST, area=None, sector=None,
                   within=timedelta(days=90))
    assert len(months.readings) == 24 and len(years.readings) == 2
    for year in years.readings:
        inside = [m for m in months.readings if m.starts.year == year.starts.year]
        assert year.participants <= sum(m.participants for m in inside)
        assert year.participants == len({a.person for a in found.acts
                                         if a.on.year == year.starts.year})
        assert max((m.participants for m in inside), default=0) <= year.participants
