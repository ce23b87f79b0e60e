"""Hypothesis properties of ratification votes and the committee's sign-off, by their days.

Each script draws tentative agreements at one table; for each, the committee's decisions
(approve or refuse, held on drawn days, recorded before or after the members' vote) and perhaps
a members' vote on a drawn day, carried or not. A decision on an earlier tentative agreement
stays in the record and must not cover a later one. The test keeps its own account of the facts
and its own statement of the rule (below), written without the library's functions, and checks
every reading against it: the flags recorded with each vote (the committee's decisions recorded
by then), the flags read now, as known after each step (``at=``) and as things stood on each
day (``on=``)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bargaining import (
    Amount,
    BargainingApp,
    Clause,
    Flag,
    FlagRule,
    Increases,
    PactRule,
    RuleViolation,
    Tally,
    Terms,
    Verdict,
    Vote,
)
from tests.test_properties_coordination import CARRIED, CHAIR, DEMANDS, terms_strategy

FIRST = date(2026, 4, 1)
BELOW = Terms.of(wages=Increases([1]), care=Amount(4), **{"two-tier": Clause(True)})
YES, NO = Tally(eligible=12, cast=12, yes=10, no=2), Tally(eligible=12, cast=12, yes=2, no=10)

days = st.integers(0, 12)
decisions = st.lists(st.tuples(st.booleans(), days), max_size=3)   # (approved, day)
#: One tentative agreement: its terms, decisions recorded before the members' vote, the vote
#: (carried?, day) or none, decisions recorded after it.
tentatives = st.tuples(st.one_of(st.just(BELOW), terms_strategy), decisions,
                       st.none() | st.tuples(st.booleans(), days), decisions)
pacts = st.sampled_from([[PactRule.SIGN_OFF], [PactRule.SIGN_OFF, PactRule.NON_RAIDING],
                         [PactRule.NO_DEAL_UNTIL_ALL_SETTLE]])


@attrs.frozen
class Decided:
    number: int
    approved: bool
    held: date


@attrs.frozen
class Voted:
    number: int
    failing: tuple[str, ...]
    held: date
    carried: bool


def last_word(decided: list[Decided], number: int, by: date | None) -> Decided | None:
    """The committee's last word on tentative agreement ``number`` (held by ``by``): the one
    voted latest; of those voted the same day, the one recorded last."""
    word = None
    for d in decided:                       # in the order recorded
        if (d.number == number and (by is None or d.held <= by)
                and (word is None or d.held >= word.held)):
            word = d
    return word


def expected(voted: list[Voted], decided: list[Decided], required: bool) -> list[str]:
    """Why each flagged vote is flagged: the pact requires sign-off, the tentative agreement
    voted on is below a floor, and the committee's last word on it by the day of the vote was
    not an approval (an approval voted later is named)."""
    whys = []
    for v in voted:
        before = last_word(decided, v.number, v.held)
        if not required or not v.failing or (before is not None and before.approved):
            continue
        why = (f"tentative agreement {v.number}, below the framework's floor on "
               f"{', '.join(v.failing)}, went to the members' vote of {v.held} without the "
               f"committee's sign-off the pact requires; the vote "
               f"{'carried' if v.carried else 'failed'}")
        final = last_word(decided, v.number, None)
        if final is not None and final.approved and final.held > v.held:
            why += f"; the committee approved it on {final.held}, after the members' vote"
        whys.append(why)
    return whys


def whys(flags: object) -> list[str]:
    found = list(flags)  # type: ignore[call-overload]
    assert all(isinstance(f, Flag) and f.rule is FlagRule.RATIFIED_WITHOUT_SIGN_OFF
               for f in found)
    return [f.why for f in found]


def at_a_table(app: BargainingApp, rules: list[PactRule]) -> tuple[UUID, UUID]:
    framework = app.frameworks.draft(name="F", sectors=["ltc"], demands=DEMANDS, actor=CHAIR)
    app.frameworks.record_vote(framework, 1, CARRIED, actor=CHAIR)
    cluster = app.clusters.form(name="C", sectors=["ltc"], committee=[CHAIR],
                                window_start=date(2026, 1, 1), window_end=date(2026, 12, 31),
                                target_alignment=date(2029, 1, 1), actor=CHAIR,
                                on=date(2025, 11, 1))
    app.clusters.adopt_framework(cluster, framework, 1, actor=CHAIR, on=date(2025, 11, 1))
    app.clusters.adopt_pact(cluster, rules, actor=CHAIR, on=date(2025, 11, 1))
    uid = app.units.register(union="U", local="1", employer="E", unit_name="n", actor=CHAIR)
    app.units.record_agreement(uid, expiry=date(2026, 6, 30), actor=CHAIR)
    app.clusters.admit(cluster, uid, actor=CHAIR, on=date(2025, 11, 1))
    return cluster, app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster, actor=CHAIR)


@settings(max_examples=100, deadline=None)
@given(pacts, st.lists(tentatives, min_size=1, max_size=3))
# approved after the members voted, recorded before: flagged
@example([PactRule.SIGN_OFF], [(BELOW, [(True, 6)], (True, 2), [])])
# approved before the members voted, back-filled after: flagged when recorded, clear when read
@example([PactRule.SIGN_OFF], [(BELOW, [], (True, 6), [(True, 2)])])
# refused after an approval, both before the vote: flagged
@example([PactRule.SIGN_OFF], [(BELOW, [(False, 4), (True, 3)], (True, 6), [])])
# an approval of the first tentative agreement does not cover the second
@example([PactRule.SIGN_OFF], [(BELOW, [(True, 1)], (False, 2), []),
                               (BELOW, [], (True, 5), [(True, 3)])])
def test_a_vote_is_flagged_by_the_days_the_committee_and_the_members_voted(
        rules: list[PactRule],
        script: list[tuple[Terms, list[tuple[bool, int]], tuple[bool, int] | None,
                           list[tuple[bool, int]]]]) -> None:
    app = BargainingApp("memory")
    cluster, round_id = at_a_table(app, rules)
    with pytest.raises(RuleViolation, match="no tentative agreement"):
        app.rounds.record_ratification_vote(round_id, Vote(FIRST, YES), actor=CHAIR)
    required = PactRule.SIGN_OFF in rules
    voted: list[Voted] = []
    decided: list[Decided] = []
    known: list[tuple[datetime, list[Voted], list[Decided]]] = []   # after each step
    seen: list[list[str]] = []      # for each vote, the flags due when it was recorded

    def decide(number: int, failing: tuple[str, ...], approved: bool, day: int) -> None:
        if not failing:
            return
        held = FIRST + timedelta(days=day)
        app.clusters.decide_sign_off(cluster, round_id, approved=approved,
                                     vote=Vote(held, YES if approved else NO), actor=CHAIR)
        decided.append(Decided(number, approved, held))
        known.append((datetime.now(UTC), list(voted), list(decided)))

    for number, (terms, first, vote, then) in enumerate(script, start=1):
        evaluation = app.rounds.reach_tentative_agreement(
            round_id, terms, on=date(2026, 3, number), effective=date(2026, 7, 1),
            expiry=date(2029, 6, 30), actor=CHAIR)
        assert evaluation is not None
        failing = tuple(v.demand for v in evaluation.verdicts
                        if v.verdict is Verdict.BELOW_FLOOR)
        assert bool(failing) == (evaluation.overall is Verdict.BELOW_FLOOR)
        for approved, day in first:
            decide(number, failing, approved, day)
        if vote is not None:
            carried, day = vote
            held = FIRST + timedelta(days=day)
            tally = (Tally(eligible=120, cast=100, yes=73, no=27) if carried
                     else Tally(eligible=120, cast=100, yes=27, no=73))
            assert app.rounds.record_ratification_vote(
                round_id, Vote(held, tally), actor=CHAIR) is carried
            this = Voted(number, failing, held, carried)
            voted.append(this)
            known.append((datetime.now(UTC), list(voted), list(decided)))
            event = list(app.eventsourcing.events.get(round_id))[-1]
            assert event.vote == Vote(held, tally)          # recorded, whatever the pact says
            seen.append(expected([this], decided, required))
            assert whys(event.flags) == seen[-1]
        for approved, day in then:
            decide(number, failing, approved, day)
        if vote is not None and vote[0]:
            break                                          # ratified: no later tentative

    # the audit copy: each vote's flags as seen when it was recorded
    assert whys(app.rounds.get(round_id).recorded_flags) == [w for due in seen for w in due]
    # read now
    assert whys(app.rounds.flags(round_id)) == expected(voted, decided, required)
    assert whys(b.flag for b in app.clusters.status(cluster).breaches) == expected(
        voted, decided, required)
    # as known after each step
    for moment, voted_then, decided_then in known:
        status = app.clusters.status(cluster, at=moment)
        assert whys(b.flag for b in status.breaches) == expected(voted_then, decided_then,
                                                                  required)
        assert whys(status.tables[0].recorded_flags) == [
            w for due in seen[:len(voted_then)] for w in due]
    # as things stood on each day
    for day in range(-1, 14):
        on = FIRST + timedelta(days=day)
        by_then = [v for v in voted if v.held <= on]
        decided_by = [d for d in decided if d.held <= on]
        assert whys(app.rounds.flags(round_id, on=on)) == expected(by_then, decided_by, required)
        assert whys(b.flag for b in app.clusters.status(cluster, on=on).breaches) == expected(
            by_then, decided_by, required)
    app.close()
