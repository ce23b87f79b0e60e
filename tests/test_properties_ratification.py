"""Hypothesis properties of ratification votes: the RATIFIED_WITHOUT_SIGN_OFF flag is raised
exactly when the pact requires sign-off, the tentative agreement voted on is below a floor and
the committee has not approved that tentative agreement; every vote is recorded."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bargaining import (
    Amount,
    BargainingApp,
    Clause,
    FlagRule,
    Increases,
    PactRule,
    RuleViolation,
    Terms,
    Verdict,
)
from tests.test_properties_coordination import CARRIED, CHAIR, DEMANDS, LOST, terms_strategy

#: Rounds of bargaining at one table: each a tentative agreement, then perhaps the committee's
#: decision on it, then perhaps a members' vote (carried or not); a later tentative agreement
#: replaces the earlier one, and a decision on an earlier one does not cover it.
attempts = st.lists(
    st.tuples(terms_strategy, st.sampled_from([None, True, False]),
              st.sampled_from([None, True, False])),
    min_size=1, max_size=4,
)
BELOW = Terms.of(wages=Increases([1]), care=Amount(4), **{"two-tier": Clause(True)})
pacts = st.sampled_from([[PactRule.SIGN_OFF], [PactRule.SIGN_OFF, PactRule.NON_RAIDING],
                         [PactRule.NO_DEAL_UNTIL_ALL_SETTLE], [PactRule.NON_RAIDING]])


@settings(max_examples=100, deadline=None)
@given(pacts, attempts)
@example([PactRule.SIGN_OFF], [(BELOW, True, None), (BELOW, None, True)])  # approval of TA 1
@example([PactRule.SIGN_OFF], [(BELOW, True, False), (BELOW, False, True)])
def test_the_sign_off_flag_is_raised_exactly_when_the_pact_is_breached(
        rules: list[PactRule], script: list[tuple[object, bool | None, bool | None]]) -> None:
    app = BargainingApp("memory")
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
    round_id = app.rounds.open(uid, on=date(2026, 1, 5), cluster=cluster, actor=CHAIR)
    with pytest.raises(RuleViolation, match="no tentative agreement"):
        app.rounds.record_ratification_vote(round_id, CARRIED, actor=CHAIR)
    # The test's own account of the facts, independent of the library's rule.
    required = PactRule.SIGN_OFF in rules
    approved_ta: int | None = None
    for number, (terms, decision, carried) in enumerate(script, start=1):
        when = date(2026, 2, 1) + timedelta(days=number)
        evaluation = app.rounds.reach_tentative_agreement(
            round_id, terms, on=when, effective=date(2026, 7, 1),  # type: ignore[arg-type]
            expiry=date(2029, 6, 30), actor=CHAIR)
        assert evaluation is not None
        below = evaluation.overall is Verdict.BELOW_FLOOR
        if decision is not None and below:
            app.clusters.decide_sign_off(cluster, round_id, approved=decision,
                                         vote=CARRIED if decision else LOST, actor=CHAIR)
            approved_ta = number if decision else None
        if carried is None:
            continue
        vote = CARRIED if carried else LOST
        before = list(app.rounds.get(round_id).flags)
        assert app.rounds.record_ratification_vote(round_id, vote, actor=CHAIR) is carried
        found = app.rounds.get(round_id)
        event = list(app.eventsourcing.events.get(round_id))[-1]
        assert event.vote == vote  # recorded, whatever the pact says
        breached = required and below and approved_ta != number
        assert [f.rule for f in event.flags] == (
            [FlagRule.RATIFIED_WITHOUT_SIGN_OFF] if breached else [])
        assert found.flags == before + list(event.flags)
        assert [b.flag for b in app.clusters.status(cluster).breaches] == found.flags
        if carried:
            break
    app.close()
