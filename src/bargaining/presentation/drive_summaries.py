"""Plain-language summaries of organizing drives: started, cards and workers counted, the
application filed, a certification vote, certified (with its flags) or dismissed, and the
first-contract round opened. Cards are counts: no worker is ever named."""

from __future__ import annotations

from typing import Any

from bargaining.domain.drives.drive import Drive
from bargaining.domain.shared.language import format_day, format_number, translate
from bargaining.presentation.wording import Names, SummaryTable, by, vote_text, word

D: Any = Drive

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


@_summary(D.Started)
def _started(e: Any, names: Names) -> str:
    return translate("Organizing drive by {union} at {workplace} ({employer}, {jurisdiction}) "
                     "started on {on} with {eligible} eligible workers, recorded {by}",
                     union=e.union, workplace=e.workplace, employer=e.employer,
                     jurisdiction=e.jurisdiction, on=format_day(e.on),
                     eligible=format_number(e.eligible), by=by(e.actor))


@_summary(D.CardsCounted)
def _cards(e: Any, names: Names) -> str:
    return translate("{signed} cards signed by {on} in {drive}, recorded {by}",
                     signed=format_number(e.signed), on=format_day(e.on),
                     drive=names(e.originator_id), by=by(e.actor))


@_summary(D.EligibleCounted)
def _eligible(e: Any, names: Names) -> str:
    return translate("{eligible} eligible workers counted on {on} in {drive}, recorded {by}",
                     eligible=format_number(e.eligible), on=format_day(e.on),
                     drive=names(e.originator_id), by=by(e.actor))


@_summary(D.ApplicationFiled)
def _filed(e: Any, names: Names) -> str:
    return translate("Application for certification filed with {board} on {on} in {drive}, "
                     "recorded {by}", board=e.board, on=format_day(e.on),
                     drive=names(e.originator_id), by=by(e.actor))


@_summary(D.VoteHeld)
def _vote(e: Any, names: Names) -> str:
    return translate("Certification vote in {drive}, recorded {by}: {vote}",
                     drive=names(e.originator_id), by=by(e.actor), vote=vote_text(e.vote))


@_summary(D.Certified)
def _certified(e: Any, names: Names) -> str:
    line = translate("Certified by {method} on {on} ({source}): {drive} becomes {unit}, "
                     "recorded {by}", method=word(e.method), on=format_day(e.on),
                     source=e.source, drive=names(e.originator_id), unit=names(e.unit_id),
                     by=by(e.actor))
    if e.flags:
        line += translate("; flagged: {why}", why="; ".join(
            flag.describe() for flag in e.flags))
    return line


@_summary(D.Dismissed)
def _dismissed(e: Any, names: Names) -> str:
    return translate("Application dismissed on {on} ({grounds}) in {drive}, recorded {by}",
                     on=format_day(e.on), grounds=e.grounds, drive=names(e.originator_id),
                     by=by(e.actor))


@_summary(D.FirstContractOpened)
def _first_contract(e: Any, names: Names) -> str:
    return translate("First-contract bargaining opened on {on} for {drive}, recorded {by}",
                     on=format_day(e.on), drive=names(e.originator_id), by=by(e.actor))


def display_name(first_event: Any) -> str | None:
    """A drive's name in history: 'the drive of CSN at DXT4 (Amazon Canada)'."""
    if isinstance(first_event, D.Started):
        e = first_event
        return translate("the drive of {union} at {workplace} ({employer})", union=e.union,
                         workplace=e.workplace, employer=e.employer)
    return None


for _cls in (D.Started, D.CardsCounted, D.EligibleCounted, D.ApplicationFiled, D.Certified,
             D.Dismissed, D.FirstContractOpened):
    _dated(_cls, lambda e: e.on)
_dated(D.VoteHeld, lambda e: e.vote.held_on)
