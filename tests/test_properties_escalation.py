"""Hypothesis properties for campaigns: whatever sequence of commands is tried, no rung is
reached without a passed test or a recorded override (and the strike rung never without a
valid strike mandate by the ladder's rule); a walkout, back-filled or not, is recorded with the
flags NO_VALID_MANDATE and BELOW_STRIKE_RUNG exactly when their rule is broken; readiness
figures equal those recomputed from the raw counts (on the strike vote rung, the votes only);
refused commands record nothing; and reloading gives an equal state."""

from __future__ import annotations

import copy
import math
import os
from collections.abc import Callable
from datetime import date, timedelta
from fractions import Fraction
from typing import Any, NamedTuple
from uuid import UUID

from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import (
    DEFAULT_LADDER,
    Actor,
    BargainingApp,
    BargainingError,
    Campaign,
    FlagRule,
    Ladder,
    MandateKind,
    Outcome,
    Rung,
    RungKind,
    StructureTest,
    Tally,
    Threshold,
    Turnout,
    Vote,
)

CHAIR = Actor("c-1", "committee")
LAUNCH = date(2026, 1, 1)
ELIGIBLE = 40
SHORT = Ladder([Rung("meeting", 10), Rung("petition", 51), Rung("strike vote", 85, "strike vote"),
                Rung("strike", 90, "strike"), Rung("general strike", 95)])
TINY = Ladder([Rung("petition", 51), Rung("strike vote", 85, "strike vote"),
               Rung("strike", 90, "strike")])
UAW = Ladder([Rung("petition", 51),
             Rung("strike vote", 85, "strike vote", mandate_rule=Threshold.two_thirds_of_valid()),
             Rung("strike", 90, "strike")])
ladders = st.sampled_from([DEFAULT_LADDER, SHORT, TINY, TINY, UAW])

unit_index = st.integers(0, 2)
turnout = st.one_of(st.integers(30, ELIGIBLE), st.integers(0, ELIGIBLE))
group = st.sampled_from([None, "days", "nights"])
hold_some = st.tuples(st.just("hold"), st.lists(st.tuples(unit_index, group, turnout),
                                                min_size=1, max_size=5),
                      st.integers(-1, 0), st.integers(0, 3))
hold_all = st.builds(lambda counts, back: ("hold", [(i, None, p) for i, p in enumerate(counts)],
                                           0, back),
                     st.lists(st.integers(25, ELIGIBLE), min_size=3, max_size=3),
                     st.integers(0, 2))
#: hold an action with every unit counted, then try to climb on it
push = st.builds(lambda counts: ("push", [(i, None, p) for i, p in enumerate(counts)], 0, 0),
                 st.lists(st.integers(28, ELIGIBLE), min_size=3, max_size=3))
strong_vote = st.tuples(st.just("vote"), st.none(), st.integers(34, ELIGIBLE), st.just(True))
escalate = st.tuples(st.just("escalate"), st.sampled_from(["plain", "plain", "carried", "lost",
                                                           "no reason"]))
command = st.one_of(
    hold_some, hold_all, push, push, push, strong_vote, escalate, escalate, escalate,
    st.tuples(st.just("down")),
    st.tuples(st.just("vote"), st.one_of(st.none(), unit_index), turnout, st.booleans()),
    st.tuples(st.just("vote"), st.one_of(st.none(), unit_index), turnout, st.booleans()),
    st.tuples(st.just("pause"), st.integers(0, 3)),
    st.tuples(st.just("strike"), unit_index, st.just(0), st.just(None)),
    st.tuples(st.just("strike"), unit_index, st.just(0), st.just(None)),
    #: back-filled: walked out some days before, back some days later, or for part of a day
    st.tuples(st.just("strike"), unit_index, st.integers(0, 6),
              st.sampled_from([None, 1, 3, "part"])),
    st.tuples(st.just("return"), unit_index),
    st.tuples(st.just("share"), st.sampled_from([Fraction(100, 3), Fraction(200, 3), 100])),
)
#: A script of commands; sometimes the campaign concludes and a few more are tried after.
scripts = st.builds(lambda body, end, after: body + ([("conclude",), *after] if end else []),
                    st.lists(command, min_size=10, max_size=40), st.booleans(),
                    st.lists(command, max_size=3))


# ------------------------------------------------------------ the reference model


class Held(NamedTuple):
    """A held action as its events recorded it (the campaign keeps only the day)."""

    number: int
    rung: str
    test: StructureTest
    turnouts: list[Turnout]


def held_actions(app: BargainingApp, campaign_id: UUID, version: int | None = None) -> list[Held]:
    """The campaign's held actions up to a version, in number order, read from its events."""
    events = list(app.eventsourcing.events.get(campaign_id, lte=version))
    rungs = {e.number: e.rung for e in events  # type: ignore[attr-defined]
             if type(e).__name__ == "ActionPlanned"}
    return sorted((Held(e.number, rungs[e.number], e.test, list(e.turnouts))  # type: ignore[attr-defined]
                   for e in events if type(e).__name__ == "ActionHeld"), key=lambda h: h.number)


def ref_latest(
    actions: list[Held], uid: UUID, on: date, rung: str | None
) -> tuple[int, int] | None:
    """(eligible, participants) of the unit's latest held action up to ``on`` (on ``rung``)."""
    best: tuple[date, int, int] | None = None
    for action in actions:
        test = action.test
        if test.held_on > on:
            continue
        if rung is not None and action.rung.casefold() != rung.casefold():
            continue
        counts = [t for t in action.turnouts if t.unit_id == uid]
        if counts and (best is None or test.held_on >= best[0]):
            best = (test.held_on, sum(t.eligible for t in counts),
                    sum(t.participants for t in counts))
    return None if best is None else (best[1], best[2])


def ref_vote(campaign: Campaign, uid: UUID, on: date) -> Vote | None:
    votes = [m for m in campaign.mandates if m.kind is MandateKind.STRIKE_VOTE
             and m.unit_id in (None, uid) and m.vote.held_on <= on]
    votes.sort(key=lambda m: (m.vote.held_on, m.number))
    return votes[-1].vote if votes else None


def valid(vote: Vote, ladder: Ladder) -> bool:
    """A valid strike mandate: a majority of valid ballots, or two thirds on the UAW ladder."""
    t = vote.tally
    if ladder is UAW or ladder == UAW:
        return t.valid > 0 and t.yes * 3 >= t.valid * 2
    return t.yes * 2 > t.valid


def qualifies(vote: Vote, ladder: Ladder) -> bool:
    index = next((i for i, r in enumerate(ladder.rungs) if r.kind is RungKind.STRIKE_VOTE), None)
    percent = ladder.rungs[index].threshold if index is not None else Fraction(85)
    return valid(vote, ladder) and vote.tally.yes * 100 >= percent * vote.tally.eligible


def ref_rung(campaign: Campaign, on: date) -> Rung:
    name = [m for m in campaign.moves if m.on <= on or m is campaign.moves[0]][-1].rung
    return next(r for r in campaign.ladder.rungs if r.name == name)


def ref_passed(
    campaign: Campaign, actions: list[Held], uid: UUID, on: date, rung: Rung
) -> bool:
    if rung.kind is RungKind.STRIKE_VOTE:
        vote = ref_vote(campaign, uid, on)
        return vote is not None and qualifies(vote, campaign.ladder)
    figure = ref_latest(actions, uid, on, rung.name)
    return figure is not None and figure[1] * 100 >= rung.threshold * figure[0]


def ref_ready(campaign: Campaign, actions: list[Held], on: date) -> tuple[list[UUID], int]:
    rung = ref_rung(campaign, on)
    active = [u for u in campaign.units.values() if u.active_on(on)]
    share = [s for d, s in campaign.climb_shares if d <= on or d == campaign.launched_on][-1]
    ready = [u.unit_id for u in active if ref_passed(campaign, actions, u.unit_id, on, rung)]
    return ready, math.ceil(share * len(active) / 100)


def short_of(eligible: int, participants: int, threshold: Fraction) -> int:
    return max(0, math.ceil(threshold * eligible / 100) - participants)


# ------------------------------------------------------------ driving the app


def run(
    app: BargainingApp, ladder: Ladder, script: list[tuple[Any, ...]]
) -> tuple[UUID, list[UUID]]:
    """Launch a campaign for three units and try every command of the script, a day apart."""
    units = [app.units.register(union="U", local=str(i), employer="E", unit_name="n",
                                actor=CHAIR) for i in range(3)]
    campaign = app.campaigns.launch(name="C", on=LAUNCH, units=units, ladder=ladder,
                                    actor=CHAIR)
    resume_after: int | None = None  # a pause lasts a few commands
    for number, step in enumerate(script, start=1):
        today = LAUNCH + timedelta(days=number)
        attempt(app, campaign, units, today, step)
        if step[0] == "pause":
            resume_after = step[1]
        elif resume_after is not None:
            resume_after -= 1
        if resume_after == 0:
            checked(app, lambda today=today: app.campaigns.resume(campaign, on=today,
                                                                  actor=CHAIR))
            resume_after = None
    return campaign, units


def attempt(
    app: BargainingApp, campaign: UUID, units: list[UUID], today: date, step: tuple[Any, ...]
) -> None:
    kind = step[0]
    if kind in ("hold", "push"):
        hold(app, campaign, units, today, step)
        if kind == "push":
            checked(app, lambda: app.campaigns.escalate(campaign, on=today, actor=CHAIR))
    elif kind == "escalate":
        how = step[1]
        mandate = None if how == "plain" else Vote(
            today, Tally(eligible=10, cast=10, yes=2,
                         no=8) if how == "lost" else Tally(eligible=10, cast=10, yes=8, no=2))
        reason = None if how in ("plain", "no reason") else "the delegates decided"
        checked(app, lambda: app.campaigns.escalate(campaign, on=today, actor=CHAIR,
                                                    mandate=mandate,
                                          reason=reason))
    elif kind == "down":
        checked(app, lambda: app.campaigns.de_escalate(campaign, on=today, actor=CHAIR))
    elif kind == "vote":
        _, who, yes, legal = step
        cast = ELIGIBLE if legal else max(yes, ELIGIBLE // 2)
        vote = Vote(today, Tally(eligible=ELIGIBLE, cast=cast, yes=yes, no=cast - yes))
        unit = None if who is None else units[who]
        checked(app, lambda: app.campaigns.record_mandate(campaign, vote, unit=unit, actor=CHAIR))
    elif kind == "pause":
        checked(app, lambda: app.campaigns.pause(campaign, on=today, actor=CHAIR))
    elif kind == "strike":
        _, who, back, length = step
        out = max(LAUNCH, today - timedelta(days=back))
        checked(app, lambda: app.campaigns.enter_strike(
            campaign, units[who], on=out, actor=CHAIR, part_day=length == "part",
            back_on=out + timedelta(days=length) if isinstance(length, int) else None))
    elif kind == "return":
        checked(app, lambda: app.campaigns.return_from_strike(campaign, units[step[1]], on=today,
                                                              actor=CHAIR))
    elif kind == "share":
        checked(app, lambda: app.campaigns.change_climb_share(campaign, step[1], on=today,
                                                              actor=CHAIR))
    else:
        checked(app, lambda: app.campaigns.conclude(campaign, Outcome.SETTLED, on=today,
                                                    actor=CHAIR))


def hold(
    app: BargainingApp, campaign: UUID, units: list[UUID], today: date, step: tuple[Any, ...]
) -> None:
    """Plan an action on the current rung (or the one below) and hold it with the counts."""
    _, counts, offset, back = step
    found = app.campaigns.get(campaign)
    rung = found.ladder.rungs[max(0, found.rung_index + offset)].name
    plan: dict[UUID, set[str | None]] = {}
    for i, group, _ in counts:
        plan.setdefault(units[i], set()).add(group)
    groups = {u: [] if None in gs else sorted(g for g in gs if g is not None)
              for u, gs in plan.items()}
    held_on = max(LAUNCH, today - timedelta(days=back))
    number = checked(app, lambda: app.campaigns.plan_action(campaign, name="action", rung=rung,
                                                            on=held_on, units=groups, actor=CHAIR))
    if number is None:
        return
    seen: set[tuple[UUID, str | None]] = set()
    turnouts = []
    for i, group, participants in counts:
        if (units[i], group) not in seen:
            seen.add((units[i], group))
            turnouts.append(Turnout(units[i], ELIGIBLE, participants, group))
    checked(app, lambda: app.campaigns.hold_action(campaign, number, turnouts, actor=CHAIR))


def checked(app: BargainingApp, call: Callable[[], Any]) -> Any:
    """Run a command; a refused one must have recorded nothing."""
    before = app.eventsourcing.recorder.max_notification_id()
    try:
        return call()
    except BargainingError:
        assert app.eventsourcing.recorder.max_notification_id() == before
        return None


# ------------------------------------------------------------ the properties


@settings(max_examples=int(os.environ.get('ESCALATION_EXAMPLES', 100)), deadline=None)
@given(ladders, scripts)
def test_no_rung_is_reached_without_a_passed_test_or_an_override(
    ladder: Ladder, script: list[tuple[Any, ...]]
) -> None:
    app = BargainingApp("memory")
    saved: dict[UUID, dict[str, Any]] = {}
    real_save = app.save

    def save_and_remember(*objs: Any, **kwargs: Any) -> Any:
        result = real_save(*objs, **kwargs)
        for obj in objs:
            saved[obj.id] = copy.deepcopy(obj.__dict__)
        return result

    app.save = save_and_remember  # type: ignore[method-assign]
    campaign_id, _ = run(app, ladder, script)
    final = app.campaigns.get(campaign_id)

    for event in app.eventsourcing.events.get(campaign_id):
        name = type(event).__name__
        if name not in ("Escalated", "StrikeEntered"):
            continue
        before = app.campaigns.get(campaign_id, version=event.originator_version - 1)
        on: date = event.on  # type: ignore[attr-defined]
        rung = ref_rung(before, on)
        position = [r.name for r in before.ladder.rungs].index(rung.name)
        if name == "StrikeEntered":  # recorded whatever it broke, flagged exactly when it did
            strike = next(i for i, r in enumerate(before.ladder.rungs) if r.kind is RungKind.STRIKE)
            vote = ref_vote(before, event.unit_id, on)  # type: ignore[attr-defined]
            rules = {f.rule for f in event.flags}  # type: ignore[attr-defined]
            assert (FlagRule.BELOW_STRIKE_RUNG in rules) == (position < strike)
            assert (FlagRule.NO_VALID_MANDATE in rules) == (
                vote is None or not valid(vote, before.ladder))
            paused = [c for c in before.statuses if c.on <= on][-1].status.value == "paused"
            assert (FlagRule.CAMPAIGN_PAUSED in rules) == paused
            assert rules <= {FlagRule.BELOW_STRIKE_RUNG, FlagRule.NO_VALID_MANDATE,
                             FlagRule.CAMPAIGN_PAUSED}
            continue
        after = before.ladder.rungs[position + 1]
        assert event.rung == after.name  # type: ignore[attr-defined]  # one rung at a time
        override = event.override  # type: ignore[attr-defined]
        ready, needed = ref_ready(before, held_actions(app, campaign_id,
                                                      event.originator_version - 1), on)
        if override is None:
            assert needed > 0 and len(ready) >= needed, "climbed without a passed test"
        else:
            assert override.mandate.passed and override.why and event.actor == CHAIR  # type: ignore[attr-defined]
            assert not (needed > 0 and len(ready) >= needed), "an override nobody needed"
        if after.kind is RungKind.STRIKE:  # and never without a valid strike mandate
            votes = [ref_vote(before, u.unit_id, on) for u in before.units.values()
                     if u.active_on(on)]
            assert any(v is not None and valid(v, before.ladder) for v in votes)

    for move, previous in zip(final.moves[1:], final.moves, strict=False):
        if move.direction == "escalated":
            assert (final.ladder.index(move.rung) == final.ladder.index(previous.rung) + 1)

    for record_id, state in saved.items():
        assert app.eventsourcing.repository.get(record_id).__dict__ == state
    app.close()


@settings(max_examples=int(os.environ.get('ESCALATION_EXAMPLES', 60)), deadline=None)
@given(ladders, scripts, st.integers(0, 45))
def test_readiness_figures_equal_those_recomputed_from_raw_counts(
    ladder: Ladder, script: list[tuple[Any, ...]], offset: int
) -> None:
    app = BargainingApp("memory")
    campaign_id, units = run(app, ladder, script)
    campaign = app.campaigns.get(campaign_id)
    on = LAUNCH + timedelta(days=offset)
    report = app.campaigns.readiness(campaign_id, on=on)
    rung = ref_rung(campaign, on)
    index = [r.name for r in campaign.ladder.rungs].index(rung.name)
    nxt = campaign.ladder.rungs[index + 1] if index + 1 < len(campaign.ladder) else None
    assert report.rung == rung and report.next_rung == nxt
    actions = held_actions(app, campaign_id)
    ready, needed = ref_ready(campaign, actions, on)
    assert list(report.ready) == ready and report.needed == needed
    assert set(report.held_back) == set(units) - set(ready)
    worst: list[tuple[int, int, Fraction, UUID, str | None]] = []
    for line in report.units:
        uid = line.unit_id
        expected: tuple[int, int] | None = None
        if rung.kind is RungKind.STRIKE_VOTE:  # the votes, never earlier actions
            vote = ref_vote(campaign, uid, on)
            expected = None if vote is None else (vote.tally.eligible, vote.tally.yes)
        else:
            expected = (ref_latest(actions, uid, on, rung.name)
                        or ref_latest(actions, uid, on, None))
        figure = line.standing.figure
        assert (None if figure is None else (figure.eligible, figure.participants)) == expected
        if expected is not None:
            e, p = expected
            assert line.standing.meets_current == (p * 100 >= rung.threshold * e)
            assert line.standing.short_of_current == short_of(e, p, rung.threshold)
            if nxt is not None:
                assert line.standing.short_of_next == short_of(e, p, nxt.threshold)
        held = [a for a in actions if a.test.held_on <= on]
        mine = [a for a in held if any(t.unit_id == uid for t in a.turnouts)]
        last = max(mine, key=lambda a: a.test.held_on, default=None)  # type: ignore[union-attr]
        if last is not None:  # the last recorded of the latest date
            last = [a for a in mine if a.test.held_on == last.test.held_on][-1]  # type: ignore[union-attr]
        if last is None or rung.kind is RungKind.STRIKE_VOTE:
            expected_groups: list[str | None] = []
        elif any(t.unit_id == uid and t.work_group is None for t in last.turnouts):
            expected_groups = [None]
        else:
            expected_groups = list(dict.fromkeys(
                t.work_group for a in held for t in a.turnouts
                if t.unit_id == uid and t.work_group is not None))
        assert [g.work_group for g in line.groups] == expected_groups
        for group in line.groups:
            assert group.figure is not None
            counts = [(a.test.held_on, t) for a in actions
                      if a.test.held_on <= on for t in a.turnouts
                      if t.unit_id == uid and t.work_group == group.work_group]
            on_rung = [(a.test.held_on, t) for a in actions
                       if a.test.held_on <= on and a.rung == rung.name
                       for t in a.turnouts if t.unit_id == uid and t.work_group == group.work_group]
            latest = max(on_rung or counts, key=lambda pair: pair[0])
            # the latest by date; among the same date, the last recorded
            same_day = [t for d, t in (on_rung or counts) if d == latest[0]]
            count = same_day[-1]
            assert (group.figure.eligible, group.figure.participants) == (count.eligible,
                                                                          count.participants)
            s = short_of(count.eligible, count.participants, rung.threshold)
            assert group.short_of_current == s
            if s:
                worst.append((s, count.eligible, -Fraction(count.participants, count.eligible),
                              uid, group.work_group))
    if rung.kind is RungKind.STRIKE_VOTE:  # a unit that has not voted or fell short
        chosen = report.biggest_worst
        below = [line.standing for line in report.units if line.standing.figure is None
                 or not line.standing.meets_current]
        assert (chosen is None) == (not below)
        if chosen is not None:
            assert chosen in below and chosen.work_group is None
            if any(b.figure is None for b in below):
                assert chosen.figure is None
    elif worst:
        best = max(worst, key=lambda w: w[:3])
        assert report.biggest_worst is not None
        chosen = report.biggest_worst
        assert chosen.short_of_current == best[0] and chosen.figure.eligible == best[1]  # type: ignore[union-attr]
        assert report.biggest_worst_rung == rung.name
    app.close()
