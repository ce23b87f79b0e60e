"""Plain-language summaries of organizing drives: started, cards and workers counted, the
application filed, a certification vote, certified (with its flags) or dismissed, and the
first-contract round opened. Cards are counts: no worker is ever named."""

from __future__ import annotations

from typing import Any

from bargaining.domain.drives.drive import Drive
from bargaining.presentation.wording import Names, SummaryTable, by, vote_text

D: Any = Drive

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


@_summary(D.Started)
def _started(e: Any, names: Names) -> str:
    return (f"Organizing drive by {e.union} at {e.workplace} ({e.employer}, {e.jurisdiction}) "
            f"started on {e.on} with {e.eligible:,} eligible workers, recorded {by(e.actor)}")


@_summary(D.CardsCounted)
def _cards(e: Any, names: Names) -> str:
    return (f"{e.signed:,} cards signed by {e.on} in {names(e.originator_id)}, recorded "
            f"{by(e.actor)}")


@_summary(D.EligibleCounted)
def _eligible(e: Any, names: Names) -> str:
    return (f"{e.eligible:,} eligible workers counted on {e.on} in {names(e.originator_id)}, "
            f"recorded {by(e.actor)}")


@_summary(D.ApplicationFiled)
def _filed(e: Any, names: Names) -> str:
    return (f"Application for certification filed with {e.board} on {e.on} in "
            f"{names(e.originator_id)}, recorded {by(e.actor)}")


@_summary(D.VoteHeld)
def _vote(e: Any, names: Names) -> str:
    return (f"Certification vote in {names(e.originator_id)}, recorded {by(e.actor)}: "
            f"{vote_text(e.vote)}")


@_summary(D.Certified)
def _certified(e: Any, names: Names) -> str:
    line = (f"Certified by {e.method} on {e.on} ({e.source}): {names(e.originator_id)} "
            f"becomes {names(e.unit_id)}, recorded {by(e.actor)}")
    if e.flags:
        line += "; flagged: " + "; ".join(flag.describe() for flag in e.flags)
    return line


@_summary(D.Dismissed)
def _dismissed(e: Any, names: Names) -> str:
    return (f"Application dismissed on {e.on} ({e.grounds}) in {names(e.originator_id)}, "
            f"recorded {by(e.actor)}")


@_summary(D.FirstContractOpened)
def _first_contract(e: Any, names: Names) -> str:
    return (f"First-contract bargaining opened on {e.on} for {names(e.originator_id)}, "
            f"recorded {by(e.actor)}")


def display_name(first_event: Any) -> str | None:
    """A drive's name in history: 'the drive of CSN at DXT4 (Amazon Canada)'."""
    if isinstance(first_event, D.Started):
        e = first_event
        return f"the drive of {e.union} at {e.workplace} ({e.employer})"
    return None


for _cls in (D.Started, D.CardsCounted, D.EligibleCounted, D.ApplicationFiled, D.Certified,
             D.Dismissed, D.FirstContractOpened):
    _dated(_cls, lambda e: e.on)
_dated(D.VoteHeld, lambda e: e.vote.held_on)
