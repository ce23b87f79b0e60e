"""Invariants of the disputes context: LAW_IN_FORCE is raised exactly when a law covering the
unit that bars strikes is in force that day (passed on or before it, not struck down or
repealed by then, not deemed never in force), as the law was known at the moment read."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from bargaining import Actor, BargainingApp, FlagRule, Law, LawEffect
from bargaining.domain.disputes.conditions import law_flags
from tests.test_properties import quick

STEWARD = Actor("d-1", "data steward")
START = date(2022, 11, 1)
UNIT, OTHER = uuid4(), uuid4()
BARRING = {LawEffect.BANS_STRIKES, LawEffect.IMPOSES_CONTRACT, LawEffect.ORDERS_RETURN_TO_WORK}


@dataclass(frozen=True)
class LawPlan:
    """A law's effects, whether it covers the unit, and the days of its acts (offsets from
    START; ended days come after passing)."""

    effects: frozenset[LawEffect]
    covers: bool
    passed: int | None
    struck: int | None
    repealed: int | None
    void: bool

    def acts(self) -> list[tuple[str, int]]:
        done = [("passed", self.passed)] if self.passed is not None else []
        done += [("struck", d) for d in [self.struck] if d is not None]
        done += [("repealed", d) for d in [self.repealed] if d is not None]
        return done  # type: ignore[return-value]


@st.composite
def law_plans(draw: st.DrawFn) -> LawPlan:
    effects = frozenset(draw(st.sets(st.sampled_from(list(LawEffect)), min_size=1)))
    passed = draw(st.none() | st.integers(0, 30))
    struck = repealed = None
    void = False
    if passed is not None:
        struck = draw(st.none() | st.integers(passed, 40))
        repealed = draw(st.none() | st.integers(passed, 40))
        void = repealed is not None and draw(st.booleans())
    return LawPlan(effects, draw(st.booleans()), passed, struck, repealed, void)


def in_force(plan: LawPlan, day: int, acts: int | None = None) -> bool:
    """The model: the law, after its first ``acts`` acts, bars the unit's strike on ``day``."""
    known = dict(plan.acts()[:acts])
    if not (plan.covers and plan.effects & BARRING) or "passed" not in known:
        return False
    if "repealed" in known and plan.void:
        return False
    ended = [d for k, d in known.items() if k in ("struck", "repealed")]
    return known["passed"] <= day and all(day < end for end in ended)


def on(offset: int) -> date:
    return START + timedelta(days=offset)


def build(plan: LawPlan, acts: int | None = None) -> Law:
    law = Law.record(name="Act", region="ON", does=plan.effects,
                     units=[UNIT] if plan.covers else [OTHER], source="s", actor=STEWARD)
    for kind, day in plan.acts()[:acts]:
        apply(law, kind, day, plan.void)
    return law


def apply(law: Law, kind: str, day: int, void: bool) -> None:
    if kind == "passed":
        law.pass_(on=on(day), source="s", actor=STEWARD)
    elif kind == "struck":
        law.strike_down(on=on(day), source="s", actor=STEWARD)
    else:
        law.repeal(on=on(day), source="s", actor=STEWARD, deemed_never_in_force=void)


def days_near(plans: list[LawPlan]) -> st.SearchStrategy[int]:
    """Any day, or one next to a day the plans name: where an off-by-one would show."""
    named = sorted({d + shift for plan in plans for _, d in plan.acts() for shift in (-1, 0, 1)})
    anyday = st.integers(-2, 45)
    return st.one_of(anyday, st.sampled_from(named)) if named else anyday


@given(st.data(), st.lists(law_plans(), max_size=4))
def test_law_in_force_is_flagged_exactly_when_a_covering_law_bars_strikes_that_day(
    data: st.DataObject, plans: list[LawPlan]
) -> None:
    day = data.draw(days_near(plans))
    flags = law_flags(UNIT, on(day), [build(plan) for plan in plans])
    assert all(f.rule is FlagRule.LAW_IN_FORCE for f in flags)
    assert len(flags) == sum(in_force(plan, day) for plan in plans)


@quick(15)
@given(st.data(), law_plans())
def test_as_known_at_each_moment_the_flag_follows_the_acts_recorded_by_then(
    data: st.DataObject, plan: LawPlan
) -> None:
    day = data.draw(days_near([plan]))
    with BargainingApp("memory") as app:
        unit = app.units.register(union="CUPE", local="1", employer="Board", unit_name="Ed",
                                  actor=STEWARD)
        covered = [unit] if plan.covers else [app.units.register(
            union="CUPE", local="2", employer="Board", unit_name="Ed", actor=STEWARD)]
        law = app.disputes.record_law(name="Act", region="ON", does=plan.effects,
                                      units=covered, source="s", actor=STEWARD)
        moments = [moment()]
        for kind, when in plan.acts():
            if kind == "passed":
                app.disputes.pass_law(law, on=on(when), source="s", actor=STEWARD)
            elif kind == "struck":
                app.disputes.strike_down_law(law, on=on(when), source="s", actor=STEWARD)
            else:
                app.disputes.repeal_law(law, on=on(when), source="s", actor=STEWARD,
                                        deemed_never_in_force=plan.void)
            moments.append(moment())
        for acts, at in enumerate(moments):
            flags = app.disputes.strike_flags(unit, on(day), at=at)
            assert (len(flags) == 1) is in_force(plan, day, acts), (acts, flags)
        assert (len(app.disputes.strike_flags(unit, on(day))) == 1) is in_force(plan, day)


def moment() -> datetime:
    now = datetime.now(UTC)
    time.sleep(0.002)
    return now
