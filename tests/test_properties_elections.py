"""Invariants of an election's count.

Whatever returns and resolutions are recorded: each candidate's total is the sum of their
votes in the returns and in the resolved challenges; the challenged ballots left are those
returned less those resolved; every ballot received is counted, challenged, spoiled or
rejected; a declared winner's lead exceeds what the challenged ballots left could change (all
of them to the runner-up still leaves the winner ahead, with the majority); a refused
declaration or resolution records nothing; and the election reloaded reads the same.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from uuid import UUID

from hypothesis import given
from hypothesis import strategies as st

from bargaining import BargainingApp, BargainingError, Body, ElectionCount
from tests.election_story import MONITOR
from tests.refusals import position
from tests.test_properties import quick

CANDIDATES = ("a", "b", "c")
DAY = date(2023, 3, 1)

returns = st.lists(st.tuples(st.lists(st.integers(0, 500), min_size=3, max_size=3),
                             st.integers(0, 60), st.integers(0, 30)), min_size=1, max_size=5)
resolutions = st.lists(st.tuples(st.lists(st.integers(0, 20), min_size=3, max_size=3),
                                 st.integers(0, 10)), max_size=6)


def opened(app: BargainingApp, majority: int | None) -> UUID:
    election = app.elections.open(office="President", body=Body.members(), majority=majority,
                                  runoff=False, actor=MONITOR)
    for candidate in CANDIDATES:
        app.elections.nominate(election, candidate=candidate, actor=MONITOR)
    return election


@given(returns=returns, resolutions=resolutions, majority=st.sampled_from([None, 50, 60]))
@quick(60)
def test_totals_are_the_sums_of_returns_and_resolutions_and_a_declaration_holds(
        returns: list[tuple[list[int], int, int]], resolutions: list[tuple[list[int], int]],
        majority: int | None) -> None:
    with BargainingApp("memory") as app:
        election = opened(app, majority)
        totals = dict.fromkeys(CANDIDATES, 0)
        challenged = spoiled = rejected = received = 0
        for i, (votes, held, spoilt) in enumerate(returns):
            ballots = sum(votes) + held + spoilt
            app.elections.record_return(election, box=f"box {i}", ballots=ballots,
                                        votes=dict(zip(CANDIDATES, votes, strict=True)),
                                        challenged=held, spoiled=spoilt,
                                        on=DAY + timedelta(days=i), actor=MONITOR)
            totals = {c: totals[c] + v for c, v in zip(CANDIDATES, votes, strict=True)}
            challenged, spoiled, received = challenged + held, spoiled + spoilt, received + ballots
        for counted, thrown in resolutions:
            before = position(app)
            try:
                app.elections.resolve_challenges(
                    election, counted=dict(zip(CANDIDATES, counted, strict=True)),
                    rejected=thrown, on=DAY + timedelta(days=10), actor=MONITOR)
            except BargainingError:
                assert sum(counted) + thrown in (0,) or sum(counted) + thrown > challenged
                assert position(app) == before
                continue
            totals = {c: totals[c] + v for c, v in zip(CANDIDATES, counted, strict=True)}
            challenged -= sum(counted) + thrown
            rejected += thrown
        now = app.elections.standing(election)
        assert dict(now.votes) == totals
        assert (now.challenged, now.spoiled, now.rejected) == (challenged, spoiled, rejected)
        assert now.ballots == received
        leader = now.leader
        before = position(app)
        try:
            app.elections.declare(election, candidate=leader or "a", on=DAY + timedelta(days=30),
                                  actor=MONITOR)
        except BargainingError:
            assert position(app) == before
            assert app.elections.get(election).declared is None
            assert leader is None or not now.decided(None if majority is None else
                                                     Fraction(majority))
            return
        assert leader is not None
        runner_up = next(c for c in CANDIDATES if c != leader and
                         now.votes[c] == max(now.votes[o] for o in CANDIDATES if o != leader))
        worst = ElectionCount({**now.votes, runner_up: now.votes[runner_up] + now.challenged})
        assert worst.leader == leader
        assert worst.passes(leader, None if majority is None else majority)
        assert now.lead > now.challenged
        assert app.elections.get(election).declared == leader


@given(returns=returns)
@quick(30)
def test_the_count_on_each_day_is_the_count_of_the_returns_up_to_it(
        returns: list[tuple[list[int], int, int]]) -> None:
    with BargainingApp("memory") as app:
        election = opened(app, None)
        running = dict.fromkeys(CANDIDATES, 0)
        expected = []
        for i, (votes, held, spoilt) in enumerate(returns):
            app.elections.record_return(
                election, box=f"box {i}", ballots=sum(votes) + held + spoilt,
                votes=dict(zip(CANDIDATES, votes, strict=True)), challenged=held,
                spoiled=spoilt, on=DAY + timedelta(days=2 * i), actor=MONITOR)
            running = {c: running[c] + v for c, v in zip(CANDIDATES, votes, strict=True)}
            expected.append(dict(running))
        for i, totals in enumerate(expected):
            on = app.elections.standing(election, on=DAY + timedelta(days=2 * i + 1))
            assert dict(on.votes) == totals
