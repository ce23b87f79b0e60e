"""Plain-language summaries of campaigns: launches, units joining and leaving, ladders, actions
and their structure tests, climbs and overrides, pauses, mandates and strikes.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from bargaining.domain.campaigns.timeline import MandateKind
from bargaining.domain.shared.shares import show_percent
from bargaining.presentation.wording import (
    K,
    Names,
    Summary,
    SummaryTable,
    by,
    count_of,
    vote_text,
)

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def _campaign(e: Any, names: Names, word: str = "campaign") -> str:
    return f"{word} '{names(e.originator_id)}'"


def _on(e: Any) -> date:
    on: date = e.on
    return on


@_summary(K.Launched)
def _launched(e: Any, names: Names) -> str:
    of = f" for cluster '{names(e.cluster_id)}'" if e.cluster_id is not None else ""
    first = e.ladder.rungs[0]
    return (f"Campaign '{e.name}'{of} launched on {e.launched_on} {by(e.actor)}: on "
            f"'{first.name}', a ladder of {len(e.ladder)} rungs")


_dated(K.Launched, lambda e: e.launched_on)


@_summary(K.UnitJoined)
def _joined(e: Any, names: Names) -> str:
    return f"{e.label} joined {_campaign(e, names)} on {e.on}, recorded {by(e.actor)}"


@_summary(K.UnitLeft)
def _left(e: Any, names: Names) -> str:
    return f"{names(e.unit_id)} left {_campaign(e, names)} on {e.on}, recorded {by(e.actor)}"


@_summary(K.LadderChanged)
def _ladder(e: Any, names: Names) -> str:
    return (f"{_campaign(e, names, 'Campaign')} changed its ladder on {e.on} {by(e.actor)}: "
            f"{e.ladder.describe()}")


@_summary(K.ClimbShareChanged)
def _climb_share(e: Any, names: Names) -> str:
    share = Fraction(e.share) * 100  # stored as a share of one
    needed = "every unit" if share == 100 else f"{show_percent(share)} of units"
    return (f"{_campaign(e, names, 'Campaign')} climbs jointly when {needed} pass, from {e.on}, "
            f"{by(e.actor)}")


@_summary(K.ActionPlanned)
def _planned(e: Any, names: Names) -> str:
    return (f"Action {e.number} '{e.name}' ({e.rung}) planned in {_campaign(e, names)} for "
            f"{e.on} {by(e.actor)}: {count_of(len(e.units), 'unit')} taking part")


@_summary(K.ActionCancelled)
def _cancelled(e: Any, names: Names) -> str:
    return f"Action {e.number} of {_campaign(e, names)} cancelled {by(e.actor)}"


@_summary(K.ActionHeld)
def _held(e: Any, names: Names) -> str:
    return (f"Action {e.number} of {_campaign(e, names)} held, recorded {by(e.actor)}: "
            f"{e.test.explain()}")


_dated(K.ActionHeld, lambda e: e.test.held_on)


@_summary(K.Escalated)
def _escalated(e: Any, names: Names) -> str:
    text = f"{_campaign(e, names, 'Campaign')} escalated to '{e.rung}' on {e.on} {by(e.actor)}"
    if e.override is not None:
        text += f": an override backed by a {vote_text(e.override.mandate)}"
    if e.held_back:
        text += f"; {count_of(len(e.held_back), 'unit')} had not passed"
    return text


@_summary(K.DeEscalated)
def _de_escalated(e: Any, names: Names) -> str:
    return (f"{_campaign(e, names, 'Campaign')} stepped down to '{e.rung}' on {e.on} "
            f"{by(e.actor)}")


def _status_change(verb: str) -> Summary:
    def summary(e: Any, names: Names) -> str:
        return f"{_campaign(e, names, 'Campaign')} {verb} on {e.on} {by(e.actor)}"

    return summary


_summary(K.Paused)(_status_change("paused"))
_summary(K.Resumed)(_status_change("resumed"))


@_summary(K.Concluded)
def _concluded(e: Any, names: Names) -> str:
    return (f"{_campaign(e, names, 'Campaign')} concluded ({e.outcome.value}) on {e.on} "
            f"{by(e.actor)}")


@_summary(K.MandateRecorded)
def _mandate(e: Any, names: Names) -> str:
    m = e.mandate
    kind = "Strike vote" if m.kind is MandateKind.STRIKE_VOTE else "Authorizing vote"
    who = names(m.unit_id) if m.unit_id is not None else "the whole campaign"
    scope = f" for {m.scope}" if m.scope else ""
    return (f"{kind} {m.number} of {who}{scope} recorded in {_campaign(e, names)} "
            f"{by(e.actor)}: {vote_text(m.vote)}")


_dated(K.MandateRecorded, lambda e: e.mandate.vote.held_on)


def _strike_day(verb: str) -> Summary:
    def summary(e: Any, names: Names) -> str:
        return (f"{names(e.unit_id)} {verb} on {e.on} ({_campaign(e, names)}), recorded "
                f"{by(e.actor)}")

    return summary


@_summary(K.StrikeEntered)
def _walked_out(e: Any, names: Names) -> str:
    # walkouts stored before part days, days back and flags were recorded have none of them
    hours = getattr(e, "hours", None)
    if getattr(e, "part_day", False):
        length = f" ({float(hours):g} hours)" if hours is not None else ""
        when = f"walked out for part of {e.on}{length}"
    else:
        back = getattr(e, "back_on", None)
        when = f"walked out on {e.on}" + (f", back on {back}" if back else "")
    text = f"{names(e.unit_id)} {when} ({_campaign(e, names)}), recorded {by(e.actor)}"
    flags = getattr(e, "flags", ())
    if flags:
        text += "; flagged: " + "; ".join(f.describe() for f in flags)
    return text


_summary(K.ReturnedFromStrike)(_strike_day("returned from strike"))
for _cls in (K.UnitJoined, K.UnitLeft, K.LadderChanged, K.ClimbShareChanged, K.Escalated,
             K.DeEscalated, K.Paused, K.Resumed, K.Concluded, K.StrikeEntered,
             K.ReturnedFromStrike):
    _dated(_cls, _on)
