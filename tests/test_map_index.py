"""The Expiry Map's memory index answers exactly as its SQL path.

``cluster_candidates`` and ``in_open_period`` answer from an index in memory once a tracking
position has been asked ``ExpiryMap.ASKS_BEFORE_INDEX`` times, and from SQL before. Every
answer must be the same either way (same candidates, same order, same tie-breaks) on every
store, plain and encrypted, and still after another instance moves the map or it is rebuilt.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    EXAMPLE_CALENDAR,
    Actor,
    BargainingApp,
    ExpiryMap,
    MapFilter,
    OpenPeriod,
    OpenPeriodCalendar,
    RuleViolation,
)
from tests.strategies import (
    MAP_REGIONS,
    MAP_SECTORS,
    STEWARD,
    MapChange,
    MapUnitSpec,
    map_changes,
    map_dates,
    map_unit_specs,
)
from tests.test_expiry_map import load
from tests.test_properties import CIPHER_KEY, opened, quick, sqlite_store


class Query(NamedTuple):
    ask: Callable[[ExpiryMap], Any]
    indexed: bool = True  # whether the memory index can answer it

    def __call__(self, em: ExpiryMap) -> Any:
        """The answer, or the error raised: both paths must raise alike too."""
        try:
            return self.ask(em)
        except Exception as error:
            return ("raised", type(error), str(error))


def from_sql(em: ExpiryMap, query: Query) -> Any:
    """The SQL path's answer: with its index forgotten, a map answers from SQL the first time
    a position is asked."""
    em._index = em._asks = None
    answer = query(em)
    assert em._index is None
    return answer


def check_index_answers(em: ExpiryMap, queries: Sequence[Query]) -> None:
    """Each query answers the same from whatever the map holds now (an index of an earlier
    position must not answer), from SQL, and from an index built at the current position."""
    held = [query(em) for query in queries]
    for query, answer in zip(queries, held, strict=True):
        by_sql = from_sql(em, query)
        for _ in range(ExpiryMap.ASKS_BEFORE_INDEX - 2):  # asked again: still from SQL
            assert query(em) == by_sql
            assert em._index is None
        by_index = query(em)  # asked the last time: the index is built and answers
        if query.indexed:
            index = em._index
            assert index is not None
            assert index.position == em.position or not index.ids  # empty: never reused
        assert by_index == by_sql
        assert answer == by_sql


# ------------------------------------------------------------------------------ queries

def filters(names: Sequence[str]) -> st.SearchStrategy[Any]:
    """None, or one or two names (in another case too), or one nobody has."""
    name = st.sampled_from([*(n for n in names if n), *(n.upper() for n in names if n),
                            "nobody"])
    return st.none() | name | st.lists(name, min_size=1, max_size=2)


sectors, regions = filters(MAP_SECTORS), filters(MAP_REGIONS)


@st.composite
def cluster_queries(draw: st.DrawFn) -> Query:
    a, b = draw(map_dates), draw(map_dates)
    window = draw(st.sampled_from([0, 1, 3, 10, 45, 400, 10**6]))
    where = MapFilter(sector=draw(sectors), region=draw(regions),
                      limit=draw(st.none() | st.integers(0, 4)))
    kwargs: dict[str, Any] = {
        "by_region": draw(st.booleans()),
        "min_units": draw(st.integers(1, 3)),
    }
    return Query(lambda em: em.cluster_candidates(min(a, b), max(a, b), window, where,
                                                  **kwargs))


periods = st.builds(
    lambda name, opens, span: OpenPeriod(name, opens, opens - span),
    st.sampled_from(["p", "q"]), st.integers(-30, 150), st.integers(0, 120),
)


@st.composite
def open_queries(draw: st.DrawFn) -> Query:
    on = draw(map_dates)
    calendar = OpenPeriodCalendar.build(
        draw(st.dictionaries(st.sampled_from(["ON", "QC", "TX", "nowhere"]),
                             st.lists(periods, max_size=2), max_size=3)),
        draw(st.lists(periods, max_size=2)),
    )
    kwargs: dict[str, Any] = {"sector": draw(sectors)}
    if draw(st.integers(0, 4)) == 0:  # names are not in the index: SQL answers both
        kwargs[draw(st.sampled_from(["union", "employer"]))] = draw(st.sampled_from(["a b", "E"]))
    some = any(calendar.jurisdictions.values()) or bool(calendar.default)
    where = MapFilter(**kwargs)
    return Query(lambda em: em.in_open_period(on, calendar, where),
                 indexed=some and len(kwargs) == 1)


queries = st.lists(cluster_queries() | open_queries(), min_size=1, max_size=4)


# ---------------------------------------------------------------------------- the maps


def register(app: BargainingApp, units: Sequence[MapUnitSpec]) -> None:
    for u in units:
        uid = app.units.register(union=u.union, local=u.local, employer="E",
                                 unit_name=u.unit_name, sector=u.sector, region=u.region,
                                 headcount=u.headcount, actor=STEWARD)
        for expiry in u.expiries:
            app.units.record_agreement(uid, expiry=expiry, actor=STEWARD)


def others(more: Sequence[MapUnitSpec], units: Sequence[MapUnitSpec]) -> list[MapUnitSpec]:
    """The units of ``more`` not already among ``units``."""
    known = {(u.union, u.local, u.unit_name) for u in units}
    return [u for u in more if (u.union, u.local, u.unit_name) not in known]


def change(app: BargainingApp, changes: Sequence[MapChange]) -> None:
    ids = [unit.unit_id for unit in app.expiry_map.all_units()]
    for c in changes:
        if not ids:
            return
        uid = ids[c.who % len(ids)]
        if c.kind == "agreement":
            with contextlib.suppress(RuleViolation):  # it has an agreement expiring then
                app.units.record_agreement(uid, expiry=c.value, actor=STEWARD)
        else:
            getattr(app.units, f"change_{c.kind}")(uid, c.value, actor=STEWARD)


@quick(100)
@given(units=map_unit_specs(), more=map_unit_specs(), changes=map_changes,
       sealed=st.booleans(), data=st.data())
def test_index_answers_as_sql_on_memory(
    units: list[MapUnitSpec], more: list[MapUnitSpec], changes: list[MapChange], sealed: bool,
    data: st.DataObject,
) -> None:
    with opened("memory", cipher_key=CIPHER_KEY if sealed else None) as app:
        register(app, units)
        asked = data.draw(queries)
        check_index_answers(app.expiry_map, asked)
        register(app, others(more, units))
        change(app, changes)
        check_index_answers(app.expiry_map, asked)
        app.expiry_map.rebuild()  # the same position and rows: the index still holds
        check_index_answers(app.expiry_map, asked)


@quick(15)
@given(units=map_unit_specs(), more=map_unit_specs(), changes=map_changes,
       sealed=st.booleans(), data=st.data())
def test_index_notices_another_instance_on_sqlite(
    units: list[MapUnitSpec], more: list[MapUnitSpec], changes: list[MapChange], sealed: bool,
    data: st.DataObject,
) -> None:
    key = CIPHER_KEY if sealed else None
    with sqlite_store() as path, opened(path, cipher_key=key) as app:
        register(app, units)
        asked = data.draw(queries)
        check_index_answers(app.expiry_map, asked)
        with opened(path, cipher_key=key) as other:  # moves the map's shared position
            register(other, others(more, units))
            change(other, changes)
        check_index_answers(app.expiry_map, asked)
        app.expiry_map.rebuild()
        check_index_answers(app.expiry_map, asked)


# ------------------------------------------------------------------ every store, by example

EXAMPLES = [
    Query(lambda em: em.cluster_candidates(date(2023, 1, 1), date(2026, 12, 31), 30)),
    Query(lambda em: em.cluster_candidates(date(2025, 6, 1), date(2026, 12, 31), 120,
                                           MapFilter(limit=2), by_region=True, min_units=1)),
    Query(lambda em: em.cluster_candidates(date(2025, 6, 1), date(2026, 12, 31), 60, MapFilter(
        region=["on", "QC"], sector=("Municipal", "health")))),
    Query(lambda em: em.in_open_period(date(2025, 11, 15), EXAMPLE_CALENDAR)),
    Query(lambda em: em.in_open_period(date(2025, 12, 20), OpenPeriodCalendar.build(
        {"ON": [OpenPeriod("a", 90), OpenPeriod("b", 120, 30)]}, [OpenPeriod("c", 1000)]),
        MapFilter(sector="municipal"))),
]


@pytest.mark.parametrize("encrypted", [False, True])
def test_index_answers_as_sql_on_every_store(
    open_app: Callable[..., BargainingApp], steward: Actor, encrypted: bool
) -> None:
    app = open_app(cipher_key=CIPHER_KEY if encrypted else None)
    load(app, steward)
    check_index_answers(app.expiry_map, EXAMPLES)
    assert [len(query(app.expiry_map)) for query in EXAMPLES] == [2, 2, 1, 4, 3]
    app.expiry_map.rebuild()
    check_index_answers(app.expiry_map, EXAMPLES)


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"])
def test_index_notices_another_instance(
    open_app: Callable[..., BargainingApp], store_kind: str, steward: Actor
) -> None:
    reader, writer = open_app(), open_app()
    load(writer, steward)
    check_index_answers(reader.expiry_map, EXAMPLES)
    uid = writer.units.find(union="SEIU", local="2", employer="Sienna", unit_name="Ottawa").id
    writer.units.change_headcount(uid, 40_000, actor=steward)
    top = EXAMPLES[0](reader.expiry_map)[0]
    assert top.sector == "long-term care" and top.workers == 40_300
    check_index_answers(reader.expiry_map, EXAMPLES)


def test_tied_groups_rank_by_their_first_unit_in_range(app: BargainingApp,
                                                       steward: Actor) -> None:
    """Equal windows of one sector in two regions: the group whose first unit in range comes
    first in (expiry, unit id) order ranks first, whatever units it has before the range."""
    for name, region, expiry in [
        ("a", "ON", date(2024, 6, 1)), ("c", "ON", date(2025, 3, 1)),
        ("f", "ON", date(2025, 3, 10)), ("e", "QC", date(2025, 3, 1)),  # unit "e" < unit "c"
        ("h", "QC", date(2025, 3, 10)),
    ]:
        uid = app.units.register(union="U", local="", employer="E", unit_name=name,
                                 sector="health", region=region, headcount=10, actor=steward)
        app.units.record_agreement(uid, expiry=expiry, actor=steward)
    query = Query(lambda em: em.cluster_candidates(date(2025, 1, 1), date(2025, 12, 31), 30,
                                                   by_region=True))
    check_index_answers(app.expiry_map, [query])
    assert [(c.region, c.workers) for c in query(app.expiry_map)] == [("QC", 20), ("ON", 20)]


def test_filters_may_be_generators(memory_app: BargainingApp, steward: Actor) -> None:
    """A filter's names are read once, when it is made, and then serve any number of
    questions, whichever path answers (``in_open_period`` once read a generator once per
    period, so a calendar of two periods refused one)."""
    load(memory_app, steward)
    calendar = OpenPeriodCalendar.build({"ON": [OpenPeriod("a", 90), OpenPeriod("b", 120)]})
    municipal = MapFilter(sector=(s for s in ["municipal"]))
    ontario = MapFilter(region=(r for r in ["on"]))
    for _ in range(ExpiryMap.ASKS_BEFORE_INDEX):  # from SQL, then from the index
        entries = memory_app.expiry_map.in_open_period(date(2025, 11, 15), calendar, municipal)
        assert [(e.period, e.unit.unit_name) for e in entries] == [
            ("a", "inside"), ("b", "inside"), ("a", "outside"), ("b", "outside")]
        candidates = memory_app.expiry_map.cluster_candidates(
            date(2025, 1, 1), date(2026, 12, 31), 30, ontario)
        assert [c.sector for c in candidates] == ["municipal", "long-term care"]
