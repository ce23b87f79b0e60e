"""Hypothesis properties for frameworks, votes, clusters and rounds."""

from __future__ import annotations

import copy
import tempfile
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import (
    NO_TWO_TIER,
    Actor,
    Amount,
    BargainingApp,
    BargainingError,
    Category,
    Clause,
    CompoundIncrease,
    Demand,
    FlagRule,
    Increases,
    PactRule,
    Protection,
    Quantity,
    RuleViolation,
    Tally,
    TermLength,
    Terms,
    Threshold,
    Verdict,
    Vote,
    Years,
    evaluate,
)

CHAIR = Actor("c-1", "committee")
BETTER_FIRST = {v: i for i, v in enumerate(Verdict)}  # MEETS_TARGET best ... BELOW_FLOOR worst
percent = st.decimals(min_value=Decimal("-5"), max_value=Decimal("15"), places=1)
amount = st.decimals(min_value=Decimal("0"), max_value=Decimal("50"), places=1)


@st.composite
def demand_and_terms(draw: st.DrawFn) -> tuple[Demand, object, object]:
    """A demand, a term for it, and the same term improved for workers."""
    kind = draw(st.sampled_from(["wages", "more", "less", "clause", "term"]))
    if kind == "wages":
        floor = draw(st.decimals(min_value=0, max_value=30, places=1))
        demand = Demand("wages", Category.WAGES,
                        CompoundIncrease(floor, floor + draw(st.integers(0, 10))))
        years = draw(st.lists(percent, min_size=1, max_size=6))
        i = draw(st.integers(0, len(years) - 1))
        better = list(years)
        better[i] += draw(st.decimals(min_value=Decimal("0.1"), max_value=5, places=1))
        return demand, Increases(years), Increases(better)
    if kind in ("more", "less"):
        floor = draw(amount)
        step = draw(st.integers(0, 5))
        more = kind == "more"
        target = floor + step if more else max(Decimal(0), floor - step)
        demand = Demand("q", Category.STAFFING, Quantity("units", floor, target,
                                                         more_is_better=more))
        value = draw(amount)
        delta = draw(st.decimals(min_value=Decimal("0.1"), max_value=5, places=1))
        return demand, Amount(value), Amount(value + delta if more else value - delta)
    if kind == "clause":
        return (Demand("p", Category.CONTRACTING_OUT, Protection("no contracting out")),
                Clause(False), Clause(True))
    floor = draw(st.integers(1, 10))
    demand = Demand("t", Category.TERM, TermLength(floor, draw(st.integers(1, floor))))
    value = draw(st.integers(2, 12))
    return demand, Years(value), Years(value - 1)


@given(demand_and_terms())
def test_improving_a_term_never_worsens_its_verdict(case: tuple[Demand, object, object]) -> None:
    demand, term, improved = case
    before = evaluate("F", 1, [demand], Terms({demand.key: term}))  # type: ignore[dict-item]
    after = evaluate("F", 1, [demand], Terms({demand.key: improved}))  # type: ignore[dict-item]
    assert BETTER_FIRST[after.overall] <= BETTER_FIRST[before.overall]


@given(st.integers(0, 500), st.integers(0, 500), st.integers(0, 500), st.integers(0, 500),
       st.integers(0, 500))
def test_vote_arithmetic_is_enforced_for_any_tally(eligible: int, cast: int, yes: int, no: int,
                                                   spoiled: int) -> None:
    adds_up = yes + no + spoiled == cast and cast <= eligible
    try:
        tally = Tally(eligible=eligible, cast=cast, yes=yes, no=no, spoiled=spoiled)
    except RuleViolation as refused:
        assert not adds_up
        assert "does not add up" in str(refused) or "more ballots were cast" in str(refused)
        return
    assert adds_up
    vote = Vote(date(2026, 1, 1), tally)  # a majority of valid ballots: spoiled excluded
    assert vote.passed == (yes > no)
    assert Vote(date(2026, 1, 1), tally, Threshold.majority_of_cast()).passed == (
        yes * 2 > cast)


DEMANDS = [
    Demand("wages", Category.WAGES, CompoundIncrease(10, 15)),
    Demand("care", Category.STAFFING, Quantity("hours", 4, 4.5)),
    Demand("two-tier", Category.JOB_SECURITY, Protection(NO_TWO_TIER)),
]
terms_strategy = st.builds(
    lambda w, c, t: Terms.of(wages=Increases(w), care=Amount(c), **{"two-tier": Clause(t)}),
    st.lists(st.decimals(min_value=0, max_value=8, places=1), min_size=1, max_size=4),
    st.decimals(min_value=3, max_value=5, places=1), st.booleans(),
)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("offer"), st.integers(0, 2), terms_strategy),
        st.tuples(st.just("ta"), st.integers(0, 2), terms_strategy),
        st.tuples(st.just("sign-off"), st.integers(0, 2), st.booleans()),
        st.tuples(st.just("ratify"), st.integers(0, 2), st.booleans()),
        st.tuples(st.just("withdraw"), st.integers(0, 2), st.none()),
    ),
    max_size=12,
)
CARRIED = Vote(date(2026, 3, 1), Tally(eligible=10, cast=10, yes=8, no=2, spoiled=0))
LOST = Vote(date(2026, 3, 1), Tally(eligible=10, cast=10, yes=2, no=8, spoiled=0))


@settings(max_examples=40, deadline=None)
@given(steps)
def test_any_sequence_of_cluster_and_round_commands_reloads_equal(script: list[tuple]) -> None:  # type: ignore[type-arg]
    folder = tempfile.TemporaryDirectory()
    app = BargainingApp(f"{folder.name}/events.sqlite")
    in_memory: dict[object, dict[str, object]] = {}  # each record as it was when last saved
    real_save = app.save

    def save_and_remember(*objs: object, **kwargs: object) -> object:
        result = real_save(*objs, **kwargs)
        for obj in objs:
            in_memory[obj.id] = copy.deepcopy(obj.__dict__)  # type: ignore[attr-defined]
        return result

    app.save = save_and_remember  # type: ignore[method-assign]
    framework = app.frameworks.draft(name="F", sectors=["ltc"], demands=DEMANDS, actor=CHAIR)
    app.frameworks.record_vote(framework, 1, CARRIED, actor=CHAIR)
    cluster = app.clusters.form(name="C", sectors=["ltc"], committee=[CHAIR],
                                window_start=date(2026, 1, 1), window_end=date(2026, 12, 31),
                                target_alignment=date(2029, 1, 1), actor=CHAIR,
                                on=date(2025, 11, 1))
    app.clusters.adopt_framework(cluster, framework, 1, actor=CHAIR,
                                 on=date(2025, 11, 1))
    app.clusters.adopt_pact(cluster, list(PactRule), me_too_demands=["wages", "care"],
                            actor=CHAIR, on=date(2025, 11, 1))
    rounds = []
    for i in range(3):
        uid = app.units.register(union="U", local=str(i), employer="E", unit_name="n",
                                 actor=CHAIR)
        app.units.record_agreement(uid, expiry=date(2026, 6, 30), actor=CHAIR)
        app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
        rounds.append(app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster,
                                      actor=CHAIR))
    for day, (kind, i, arg) in enumerate(script):
        when = date(2026, 2, 1) + timedelta(days=day)
        before = app.eventsourcing.recorder.max_notification_id()
        try:
            if kind == "offer":
                app.rounds.record_offer(rounds[i], arg, on=when, actor=CHAIR)
            elif kind == "ta":
                app.rounds.reach_tentative_agreement(rounds[i], arg, on=when,
                                                     effective=date(2026, 7, 1),
                                                     expiry=date(2029, 6, 30), actor=CHAIR)
            elif kind == "sign-off":
                app.clusters.decide_sign_off(cluster, rounds[i], approved=arg,
                                             vote=CARRIED if arg else LOST, actor=CHAIR)
            elif kind == "ratify":
                app.rounds.record_ratification_vote(rounds[i], CARRIED if arg else LOST,
                                                    actor=CHAIR)
            else:
                app.clusters.withdraw(cluster, app.rounds.get(rounds[i]).unit_id, actor=CHAIR,
                                      on=date(2025, 11, 1))
        except BargainingError:
            assert app.eventsourcing.recorder.max_notification_id() == before
    live = app.clusters.get(cluster)
    reopened = BargainingApp(f"{folder.name}/events.sqlite")
    for record_id, state in in_memory.items():
        assert reopened.eventsourcing.repository.get(record_id).__dict__ == state
    reopened.close()
    status = app.clusters.status(cluster)
    ratified = [app.rounds.get(r).ratified for r in rounds]
    active = [not live.members[app.rounds.get(r).unit_id].withdrawn for r in rounds]
    assert status.settled == (any(active) and all(r for r, a in zip(ratified, active,
                                                                    strict=True) if a))
    for r in rounds:
        bargaining_round = app.rounds.get(r)
        if bargaining_round.ratified and bargaining_round.tentative is not None:
            unit = app.units.get(bargaining_round.unit_id)
            assert unit.current_agreement.expiry == date(2029, 6, 30)  # type: ignore[union-attr]
            decision = live.sign_off_for(r)
            if bargaining_round.tentative.below_floor and not (decision and decision.approved):
                # ratified without the sign-off the pact requires: recorded, and flagged
                assert FlagRule.RATIFIED_WITHOUT_SIGN_OFF in [
                    f.rule for f in bargaining_round.recorded_flags]
    app.close()
    folder.cleanup()
