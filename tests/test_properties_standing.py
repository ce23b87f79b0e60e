"""Properties of what a campaign keeps for its climbs (``standing``): each unit's two latest
results per rung answer exactly what every result would, or say that only the history knows;
what is kept does not depend on the order the results were recorded in; strike spells kept as
days answer who was out on a day as the spells do."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bargaining.domain.campaigns import standing

DAY = date(2026, 1, 1)
UNIT = "ab" * 16

results = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 40), st.integers(0, 9)),
                   min_size=1, max_size=12, unique_by=lambda r: r[1])


def reference(entries: list[tuple[int, int, int]], on: int) -> tuple[int, int] | None:
    """Every result kept: the latest by (day, action) on or before ``on``."""
    held = sorted(e for e in entries if e[0] <= on)
    return None if not held else (10, held[-1][2])


@given(results, st.integers(-1, 32), st.randoms())
def test_the_two_latest_answer_as_every_result_would_or_say_the_history_knows(
    entries: list[tuple[int, int, int]], on: int, random: object
) -> None:
    kept: dict[str, list[int]] = {}
    for day, action, took in entries:
        standing.add_result(kept, UNIT, "Petition", DAY + timedelta(days=day), action, 10, took)
    found = standing.result_on(kept, UNIT, " petition ", DAY + timedelta(days=on))
    if found == standing.UNKNOWN:
        latest_two = sorted(entries)[-2:]
        assert len(entries) > 2 and all(e[0] > on for e in latest_two)
    else:
        assert found == reference(entries, on)
    shuffled = list(entries)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    again: dict[str, list[int]] = {}
    for day, action, took in shuffled:
        standing.add_result(again, UNIT, "petition", DAY + timedelta(days=day), action, 10, took)
    assert again == kept


spells = st.lists(st.tuples(st.integers(0, 60), st.one_of(st.none(), st.integers(1, 5))),
                  max_size=8)


@given(spells, st.integers(-1, 70))
def test_spells_kept_as_days_answer_who_was_out_as_the_spells_do(
    given_spells: list[tuple[int, int | None]], on: int
) -> None:
    days: standing.Spells = []
    kept = []
    for start, length in given_spells:
        begin = DAY + timedelta(days=start)
        end = None if length is None else begin + timedelta(days=length)
        standing.add_spell(days, begin, end)
        kept.append((begin, end))
    assert list(standing.spells(days)) == sorted(kept, key=lambda s: s[0])
    day = DAY + timedelta(days=on)
    assert standing.out_on(days, day) == any(
        b <= day and (e is None or day < e) for b, e in kept)


def test_readiness_standings_name_each_group_latest_on_the_rung_and_on_any() -> None:
    from uuid import UUID

    from bargaining.domain.campaigns.counts import Counted, standings

    unit = UUID(UNIT)
    rows = [Counted(1, "Petition", "Petition", DAY, unit, "days", 10, 6),
            Counted(1, "Petition", "Petition", DAY, unit, "Nights", 10, 2),
            Counted(2, "Colours", "Colours", DAY + timedelta(days=7), unit, "DAYS", 10, 8)]
    on_petition = standings(rows, "petition")[unit]
    assert on_petition.on_rung is not None and on_petition.on_rung.participants == 8
    assert on_petition.latest_any is not None and on_petition.latest_any.action == 2
    assert [(g, c.action) for g, c in on_petition.groups] == [("days", 1), ("Nights", 1)]
    on_colours = standings(rows, " colours ")[unit]
    assert [(g, None if c is None else c.action) for g, c in on_colours.groups_on_rung] == [
        ("days", 2), ("Nights", None)]
    assert [(g, c.action) for g, c in on_colours.groups] == [("days", 2), ("Nights", 1)]
