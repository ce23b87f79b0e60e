"""Plain-language summaries of campaigns: launches, units joining and leaving, ladders, actions
and their structure tests, climbs and overrides, pauses, mandates and strikes.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from bargaining.domain.campaigns.timeline import MandateKind
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    format_percent,
    gettext,
    mark,
    translate,
)
from bargaining.presentation.wording import (
    K,
    Names,
    Summary,
    SummaryTable,
    by,
    count_of,
    known_word,
    vote_text,
    word,
)

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def _campaign(e: Any, names: Names, capital: bool = False) -> str:
    if capital:
        return translate("Campaign '{name}'", name=names(e.originator_id))
    return translate("campaign '{name}'", name=names(e.originator_id))


def _rung(name: str) -> str:
    """A rung's name: the default ladder's in the reader's language, a host's as written."""
    return known_word(name)


def _on(e: Any) -> date:
    on: date = e.on
    return on


@_summary(K.Launched)
def _launched(e: Any, names: Names) -> str:
    of = (translate(" for cluster '{cluster}'", cluster=names(e.cluster_id))
          if e.cluster_id is not None else "")
    first = e.ladder.rungs[0]
    return translate("Campaign '{name}'{of} launched on {on} {by}: on '{rung}', a ladder of "
                     "{rungs}", name=e.name, of=of, on=format_day(e.launched_on),
                     by=by(e.actor), rung=_rung(first.name), rungs=count_of(len(e.ladder), "rung"))


_dated(K.Launched, lambda e: e.launched_on)


@_summary(K.UnitJoined)
def _joined(e: Any, names: Names) -> str:
    return translate("{unit} joined {campaign} on {on}, recorded {by}", unit=e.label,
                     campaign=_campaign(e, names), on=format_day(e.on), by=by(e.actor))


@_summary(K.UnitLeft)
def _left(e: Any, names: Names) -> str:
    return translate("{unit} left {campaign} on {on}, recorded {by}", unit=names(e.unit_id),
                     campaign=_campaign(e, names), on=format_day(e.on), by=by(e.actor))


@_summary(K.LadderChanged)
def _ladder(e: Any, names: Names) -> str:
    return translate("{campaign} changed its ladder on {on} {by}: {ladder}",
                     campaign=_campaign(e, names, True), on=format_day(e.on), by=by(e.actor),
                     ladder=e.ladder.describe())


@_summary(K.ClimbShareChanged)
def _climb_share(e: Any, names: Names) -> str:
    share = Fraction(e.share) * 100  # stored as a share of one
    needed = (gettext("every unit") if share == 100
              else translate("{share} of units", share=format_percent(share)))
    return translate("{campaign} climbs jointly when {needed} pass, from {on}, {by}",
                     campaign=_campaign(e, names, True), needed=needed, on=format_day(e.on),
                     by=by(e.actor))


@_summary(K.ActionPlanned)
def _planned(e: Any, names: Names) -> str:
    return translate("Action {number} '{name}' ({rung}) planned in {campaign} for {on} {by}: "
                     "{units} taking part", number=e.number, name=e.name, rung=_rung(e.rung),
                     campaign=_campaign(e, names), on=format_day(e.on), by=by(e.actor),
                     units=count_of(len(e.units), "unit"))


@_summary(K.ActionCancelled)
def _cancelled(e: Any, names: Names) -> str:
    return translate("Action {number} of {campaign} cancelled {by}", number=e.number,
                     campaign=_campaign(e, names), by=by(e.actor))


@_summary(K.ActionHeld)
def _held(e: Any, names: Names) -> str:
    return translate("Action {number} of {campaign} held, recorded {by}: {test}",
                     number=e.number, campaign=_campaign(e, names), by=by(e.actor),
                     test=e.test.explain())


_dated(K.ActionHeld, lambda e: e.test.held_on)


@_summary(K.Escalated)
def _escalated(e: Any, names: Names) -> str:
    text = translate("{campaign} escalated to '{rung}' on {on} {by}",
                     campaign=_campaign(e, names, True), rung=_rung(e.rung),
                     on=format_day(e.on), by=by(e.actor))
    if e.override is not None:
        text += translate(": an override backed by a {vote}", vote=vote_text(e.override.mandate))
    if e.held_back:
        text += translate("; {units} had not passed", units=count_of(len(e.held_back), "unit"))
    return text


@_summary(K.DeEscalated)
def _de_escalated(e: Any, names: Names) -> str:
    return translate("{campaign} stepped down to '{rung}' on {on} {by}",
                     campaign=_campaign(e, names, True), rung=_rung(e.rung),
                     on=format_day(e.on), by=by(e.actor))


def _status_change(message: str) -> Summary:
    def summary(e: Any, names: Names) -> str:
        return translate(message, campaign=_campaign(e, names, True), on=format_day(e.on),
                         by=by(e.actor))

    return summary


_summary(K.Paused)(_status_change(mark("{campaign} paused on {on} {by}")))
_summary(K.Resumed)(_status_change(mark("{campaign} resumed on {on} {by}")))


@_summary(K.Concluded)
def _concluded(e: Any, names: Names) -> str:
    return translate("{campaign} concluded ({outcome}) on {on} {by}",
                     campaign=_campaign(e, names, True), outcome=word(e.outcome.value),
                     on=format_day(e.on), by=by(e.actor))


@_summary(K.MandateRecorded)
def _mandate(e: Any, names: Names) -> str:
    m = e.mandate
    kind = (gettext("Strike vote") if m.kind is MandateKind.STRIKE_VOTE
            else gettext("Authorizing vote"))
    who = names(m.unit_id) if m.unit_id is not None else gettext("the whole campaign")
    scope = translate(" for {scope}", scope=known_word(m.scope)) if m.scope else ""
    return translate("{kind} {number} of {who}{scope} recorded in {campaign} {by}: {vote}",
                     kind=kind, number=m.number, who=who, scope=scope,
                     campaign=_campaign(e, names), by=by(e.actor), vote=vote_text(m.vote))


_dated(K.MandateRecorded, lambda e: e.mandate.vote.held_on)


def _strike_day(message: str) -> Summary:
    def summary(e: Any, names: Names) -> str:
        return translate(message, unit=names(e.unit_id), on=format_day(e.on),
                         campaign=_campaign(e, names), by=by(e.actor))

    return summary


@_summary(K.StrikeEntered)
def _walked_out(e: Any, names: Names) -> str:
    # walkouts stored before part days, days back and flags were recorded have none of them
    hours = getattr(e, "hours", None)
    if getattr(e, "part_day", False):
        length = (translate(" ({hours} hours)", hours=format_number(float(hours)))
                  if hours is not None else "")
        when = translate("walked out for part of {on}{length}", on=format_day(e.on),
                         length=length)
    else:
        back = getattr(e, "back_on", None)
        when = translate("walked out on {on}", on=format_day(e.on)) + (
            translate(", back on {on}", on=format_day(back)) if back else "")
    text = translate("{unit} {when} ({campaign}), recorded {by}", unit=names(e.unit_id),
                     when=when, campaign=_campaign(e, names), by=by(e.actor))
    flags = getattr(e, "flags", ())
    if flags:
        text += translate("; flagged: {why}", why="; ".join(f.describe() for f in flags))
    return text


_summary(K.ReturnedFromStrike)(_strike_day(
    mark("{unit} returned from strike on {on} ({campaign}), recorded {by}")))
for _cls in (K.UnitJoined, K.UnitLeft, K.LadderChanged, K.ClimbShareChanged, K.Escalated,
             K.DeEscalated, K.Paused, K.Resumed, K.Concluded, K.StrikeEntered,
             K.ReturnedFromStrike):
    _dated(_cls, _on)
