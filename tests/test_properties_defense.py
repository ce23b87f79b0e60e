"""Invariants of the defense context: a threat's acts are all recorded whatever their dates,
each flagged exactly when the model says it is out of order, and the record reloads (from its
events, at every version) to the same life; the rapid response's position never moves back."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import Actor, BargainingApp, RuleViolation, ThreatKind, ThreatOutcome
from bargaining.domain.defense.tracking import ResponseTracking
from tests.test_properties import quick

ORG = Actor("o-1", "organizer")
DAY = date(2023, 2, 21)

lives = st.permutations(list(ThreatOutcome)).flatmap(
    lambda order: st.tuples(
        st.integers(min_value=0, max_value=4),
        st.lists(st.integers(min_value=-60, max_value=400), min_size=4, max_size=4)
    ).map(lambda plan: (list(order)[:plan[0]], plan[1])))


def expected_flags(acts: list[tuple[ThreatOutcome, date]]) -> list[int]:
    """How many flags each act carries: before the threat, before an act already recorded
    (one flag however many), after an act that ended the threat."""
    counts = []
    for i, (_, day) in enumerate(acts):
        earlier = acts[:i]
        ended = [d for o, d in earlier if o is not ThreatOutcome.PASSED]
        counts.append((day < DAY) + any(d > day for _, d in earlier) + bool(ended))
    return counts


@quick(40)
@given(lives)
def test_every_act_is_recorded_and_flagged_as_the_model_says(
        life: tuple[list[ThreatOutcome], list[int]]) -> None:
    order, offsets = life
    acts = [(o, DAY + timedelta(days=d)) for o, d in zip(order, offsets, strict=False)]
    with BargainingApp("memory") as app:
        tid = app.defense.register_threat(ThreatKind.CUTS, name="Cut", on=DAY, source="budget",
                                          sectors=["hospitals"], actor=ORG)
        for outcome, day in acts:
            app.defense.record_outcome(tid, outcome, on=day, source="news", actor=ORG)
        threat = app.defense.threat(tid)
        assert [(o, d) for o, d, _, _ in threat.acts] == acts
        assert [len(f) for *_, f in threat.acts] == expected_flags(acts)
        for version in range(1, len(acts) + 2):
            assert app.defense.threat(tid, version=version).acts == threat.acts[:version - 1]


@quick(40)
@given(st.lists(st.integers(min_value=-5, max_value=50), min_size=1, max_size=12))
def test_the_tracking_position_never_moves_back(positions: list[int]) -> None:
    tracking = ResponseTracking.start(actor=ORG)
    highest = 0
    for position in positions:
        if position <= highest:
            with pytest.raises(RuleViolation):
                tracking.advance(position, threat_id=uuid4(), proposed=[], note="", actor=ORG)
        else:
            tracking.advance(position, threat_id=uuid4(), proposed=[], note="", actor=ORG)
            highest = position
        assert tracking.position == highest
