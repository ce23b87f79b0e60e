"""Invariants of reading "as it was on D": a reading after every fact is the record itself;
the Expiry Map on D shows each unit under the agreement it worked under that day, one that had
taken effect by then, whatever order the facts were recorded in."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bargaining import Actor, BargainingApp, CollectiveAgreement

STEWARD = Actor("d-1", "data steward")
TODAY = date.today()


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[tuple[date, date, date]], list[int], date]:
    """Back-to-back agreements (effective, expiry, settled), the order they were recorded in,
    and a day to read on."""
    start = date(2000, 1, 1) + timedelta(days=draw(st.integers(0, 3000)))
    agreements = []
    for _ in range(draw(st.integers(1, 4))):
        expiry = start + timedelta(days=draw(st.integers(365, 5 * 365)))
        settled = start + timedelta(days=draw(st.integers(-200, 400)))  # before or after
        agreements.append((start, expiry, settled))
        start = expiry + timedelta(days=1)
    order = draw(st.permutations(range(len(agreements))))
    day = date(2000, 1, 1) + timedelta(days=draw(st.integers(0, 9000)))
    return agreements, list(order), day


def _recorded(app: BargainingApp, agreements: list[tuple[date, date, date]],
              order: list[int]) -> object:
    uid = app.units.register(union="CUPE", local="1", employer="E", unit_name="n",
                             headcount=10, actor=STEWARD)
    for i in order:
        effective, expiry, settled = agreements[i]
        app.units.record_agreement(uid, effective=effective, expiry=expiry, settled=settled,
                                   actor=STEWARD)
    return uid


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_reading_on_a_day_after_every_fact_is_the_record(
        history: tuple[list[tuple[date, date, date]], list[int], date]) -> None:
    agreements, order, _ = history
    with BargainingApp("memory") as app:
        uid = _recorded(app, agreements, order)
        now = app.units.get(uid)  # type: ignore[arg-type]
        later = max(TODAY, *(s for _, _, s in agreements), *(e for e, _, _ in agreements))
        on = app.units.get(uid, on=later)  # type: ignore[arg-type]
        assert (on.agreements, on.headcount, on.version) == (
            now.agreements, now.headcount, now.version)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_the_map_on_a_day_shows_the_agreement_worked_under_then(
        history: tuple[list[tuple[date, date, date]], list[int], date]) -> None:
    agreements, order, day = history
    with BargainingApp("memory") as app:
        uid = _recorded(app, agreements, order)
        unit_then = app.units.get(uid, on=day)  # type: ignore[arg-type]
        assert all((a.settled or a.effective) <= day  # type: ignore[operator]
                   for a in unit_then.agreements)
        worked = unit_then.agreement_on(day)
        with app.expiry_map.on(day) as then:
            shown = then.unit(uid)  # type: ignore[arg-type]
            past_expiry = [u.unit_id for u in then.carried_over(day)]
        assert shown.expiry == (worked.expiry if worked else None)
        assert shown.effective is None or shown.effective <= day
        assert (past_expiry == [uid]) == (worked is not None and worked.expiry < day)


#: An agreement as a property draws it: (effective or None, expiry, settled or None).
Drawn = tuple[date | None, date, date | None]


@st.composite
def corrected_histories(
    draw: st.DrawFn,
) -> tuple[list[tuple[date, date, date]], list[int], list[tuple[int, Drawn]], date]:
    """Back-to-back agreements recorded in any order, then corrections of them (effective
    dates moved either way or forgotten, settlements moved or forgotten, expiries brought
    forward), and a day to read on."""
    agreements, order, day = draw(histories())
    current: list[Drawn] = [(e, x, s) for e, x, s in agreements]
    corrections = []
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(current) - 1))
        _, expiry, _ = current[i]
        floor = agreements[i - 1][1] + timedelta(days=1) if i else expiry - timedelta(days=1800)
        expiry = expiry - timedelta(days=draw(st.integers(0, 60)))
        effective = draw(st.none() | st.integers(0, (expiry - floor).days - 1).map(
            lambda n, f=floor: f + timedelta(days=n)))
        around = effective or expiry
        settled = draw(st.none() | st.integers(-200, 400).map(
            lambda n, a=around: a + timedelta(days=n)))
        current[i] = (effective, expiry, settled)
        corrections.append((i, current[i]))
    return agreements, order, corrections, day


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corrected_histories())
def test_a_unit_on_a_day_and_the_map_on_that_day_agree_whatever_was_corrected(
        history: tuple[list[tuple[date, date, date]], list[int], list[tuple[int, Drawn]], date],
) -> None:
    """Whatever corrections were recorded after the fact, the unit read on D holds its
    agreements as corrected that had been settled or taken effect by D (or, with neither
    date, recorded by then), and the Expiry Map on D shows the agreement it worked under
    then, carried over or not, as the unit read on D does."""
    agreements, order, corrections, day = history
    with BargainingApp("memory") as app:
        uid = _recorded(app, agreements, order)
        expiries = [expiry for _, expiry, _ in agreements]
        for i, (effective, expiry, settled) in corrections:
            app.units.correct_agreement(
                uid, expiry=expiries[i], actor=STEWARD,  # type: ignore[arg-type]
                corrected=CollectiveAgreement(expiry=expiry, effective=effective,
                                              settled=settled))
            expiries[i] = expiry
        now = app.units.get(uid)  # type: ignore[arg-type]
        unit_then = app.units.get(uid, on=day)  # type: ignore[arg-type]
        assert unit_then.agreements == [
            a for a in now.agreements if (a.settled or a.effective or TODAY) <= day]
        worked = unit_then.agreement_on(day)
        with app.expiry_map.on(day) as then:
            shown = then.unit(uid)  # type: ignore[arg-type]
            past_expiry = [u.unit_id for u in then.carried_over(day)]
        assert (shown.expiry, shown.effective) == (
            (worked.expiry, worked.effective) if worked else (None, None))
        assert (past_expiry == [uid]) == (worked is not None and worked.expiry < day)
