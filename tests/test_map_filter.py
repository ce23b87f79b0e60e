"""``MapFilter``: which units an Expiry Map query looks at, and which page of its answer.

A filter refuses blank names and pages that are not whole numbers when it is made; a query
refuses the parts of a filter it cannot honour; and a filtered answer is the unfiltered one
with the units the filter names, paged as it says.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    EXAMPLE_CALENDAR,
    Actor,
    BargainingApp,
    ExpiryMap,
    InvalidInput,
    MapFilter,
    MapUnit,
    OpenPeriodCalendar,
)
from tests.test_expiry_map import UNITS, load
from tests.test_properties import opened, quick

YEAR = (date(2025, 1, 1), date(2026, 12, 31))


def test_names_are_kept_as_tuples_read_once() -> None:
    where = MapFilter(sector="municipal", region=(r for r in ["ON", "QC"]), union=["CUPE"])
    assert (where.sector, where.region, where.union, where.employer) == (
        ("municipal",), ("ON", "QC"), ("CUPE",), None)
    assert (where.limit, where.offset) == (None, 0)
    assert where == MapFilter("municipal", ["ON", "QC"], ("CUPE",))
    assert hash(where) == hash(MapFilter("municipal", ["ON", "QC"], ("CUPE",)))
    with pytest.raises(AttributeError):
        where.limit = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda: MapFilter(sector=""), "the sector filter needs one or more non-blank names"),
        (lambda: MapFilter(region=["ON", "  "]), "the region filter needs"),
        (lambda: MapFilter(union=[]), "the union filter needs"),
        (lambda: MapFilter(employer=(e for e in [])), "the employer filter needs"),
        (lambda: MapFilter(sector=[7]), "the sector filter needs"),
        (lambda: MapFilter(region=7), "the region filter needs"),
        (lambda: MapFilter(limit=-1), "limit must be a whole number of results"),
        (lambda: MapFilter(limit=2.5), "limit must be a whole number of results"),
        (lambda: MapFilter(limit=True), "limit must be a whole number of results"),
        (lambda: MapFilter(offset=-1), "offset must be a whole number of results"),
        (lambda: MapFilter(offset=None), "offset must be a whole number of results"),
    ],
)
def test_a_filter_refuses_blank_names_and_broken_pages(
    make: Callable[[], MapFilter], words: str
) -> None:
    with pytest.raises(InvalidInput, match=words):
        make()


CALENDAR = OpenPeriodCalendar.build(default=EXAMPLE_CALENDAR.default)


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda em: em.month_table(*YEAR, MapFilter(limit=3)), "month table .* no limit"),
        (lambda em: em.month_table(*YEAR, MapFilter(offset=1)), "month table .* no limit or off"),
        (lambda em: em.cluster_candidates(*YEAR, 30, MapFilter(union="CUPE")),
         "cluster candidates .* no union or employer"),
        (lambda em: em.cluster_candidates(*YEAR, 30, MapFilter(employer="Sienna")),
         "cluster candidates .* no union or employer"),
        (lambda em: em.cluster_candidates(*YEAR, 30, MapFilter(offset=2)),
         "cluster candidates .* no offset"),
        (lambda em: em.in_open_period(date(2025, 11, 15), CALENDAR, MapFilter(region="ON")),
         "open periods .* no region"),
        (lambda em: em.in_open_period(date(2025, 11, 15), CALENDAR, MapFilter(limit=1)),
         "open period .* no limit or offset"),
        (lambda em: em.in_open_period(date(2025, 11, 15), OpenPeriodCalendar(),
                                      MapFilter(offset=1)),
         "open period .* no limit or offset"),
        (lambda em: em.expiring(*YEAR, {"sector": "municipal"}), "with a MapFilter, not a dict"),
        (lambda em: em.carried_over(date(2026, 1, 1), "municipal"), "MapFilter, not a str"),
    ],
)
def test_a_query_refuses_what_it_cannot_honour(
    memory_app: BargainingApp, steward: Actor, call: Callable[[ExpiryMap], object], words: str
) -> None:
    load(memory_app, steward)
    with pytest.raises(InvalidInput, match=words):
        call(memory_app.expiry_map)


def test_the_parts_a_query_honours_are_kept(memory_app: BargainingApp, steward: Actor) -> None:
    """The limit of cluster candidates keeps the heaviest; union and employer narrow open
    periods; a filter is given by keyword as well as in its place."""
    load(memory_app, steward)
    em = memory_app.expiry_map
    top = em.cluster_candidates(*YEAR, 30, where=MapFilter(limit=1))
    assert [(c.sector, c.workers) for c in top] == [("municipal", 25000)]
    entries = em.in_open_period(date(2025, 11, 15), EXAMPLE_CALENDAR, MapFilter(union="seiu"))
    assert {e.unit.union for e in entries} == {"SEIU"}
    assert em.month_table(*YEAR, MapFilter(sector="health")) == em.month_table(
        *YEAR, where=MapFilter(sector="health"))


# ------------------------------------------------------------------------- the property

NAMES: dict[str, list[str]] = {
    "sector": sorted({u[4] for u in UNITS}),
    "region": sorted({u[5] for u in UNITS}),
    "union": sorted({u[0] for u in UNITS}),
    "employer": sorted({u[2] for u in UNITS}),
}


@st.composite
def name_filters(draw: st.DrawFn, parts: tuple[str, ...]) -> dict[str, list[str]]:
    """Some of these parts, each one to two names units have (in another case) or not."""
    chosen = {}
    for part in draw(st.sets(st.sampled_from(parts), max_size=2)):
        name = st.sampled_from(NAMES[part]).map(str.upper) | st.just("nobody")
        chosen[part] = draw(st.lists(name, min_size=1, max_size=2))
    return chosen


pages = st.tuples(st.none() | st.integers(0, 4), st.integers(0, 4))


def matching(units: list[MapUnit], chosen: dict[str, list[str]]) -> list[MapUnit]:
    return [u for u in units
            if all(getattr(u, part).casefold() in {n.casefold() for n in names}
                   for part, names in chosen.items())]


def paged(units: list[MapUnit], page: tuple[int | None, int]) -> list[MapUnit]:
    limit, offset = page
    return units[offset:] if limit is None else units[offset : offset + limit]


@quick(30)
@given(
    chosen=name_filters(("sector", "region", "union", "employer")),
    page=pages,
    sealed=st.booleans(),
    data=st.data(),
)
def test_a_filtered_answer_is_the_whole_answer_narrowed_and_paged(
    chosen: dict[str, list[str]], page: tuple[int | None, int], sealed: bool,
    data: st.DataObject,
) -> None:
    key = BargainingApp.create_cipher_key() if sealed else None
    with opened("memory", cipher_key=key) as app:
        ids = load(app, Actor("org-1", "data steward"))
        em = app.expiry_map
        where = MapFilter(**chosen, limit=page[0], offset=page[1])
        names = MapFilter(**chosen)
        on = data.draw(st.sampled_from([date(2024, 1, 1), date(2026, 1, 12), date(2027, 1, 1)]))
        unit_id = ids[data.draw(st.sampled_from(sorted(ids)))]
        answers: list[tuple[Callable[[MapFilter | None], Any], bool]] = [
            (lambda w: em.expiring(*YEAR, w), True),
            (lambda w: em.carried_over(on, w), True),
            (lambda w: em.alongside(unit_id, 60, w), True),
            (lambda w: [e.unit for e in em.in_open_period(on, EXAMPLE_CALENDAR, w)], False),
        ]
        for ask, pages_too in answers:
            if "region" in chosen and not pages_too:
                continue  # open periods take their regions from the calendar
            whole = ask(None)
            assert ask(names) == matching(whole, chosen)
            if pages_too:
                assert ask(where) == paged(matching(whole, chosen), page)
        months = em.month_table(*YEAR, names)
        narrowed = matching(em.expiring(*YEAR), chosen)
        assert sum(row.units for row in months) == len(narrowed)
        assert sum(row.workers for row in months) == sum(u.headcount for u in narrowed)
