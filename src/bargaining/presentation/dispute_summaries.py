"""Plain-language summaries of disputes: laws and their acts, interventions and the employer's
moves, the indexes that find them; and :class:`DisputeFact`, one dated fact as a unit's, a
campaign's or a cluster's dispute history lists it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

import attrs

from bargaining.domain.disputes.index import DisputeIndex
from bargaining.domain.disputes.intervention import Intervention, InterventionKind
from bargaining.domain.disputes.law import Law
from bargaining.domain.shared.shares import percent_of, show_percent
from bargaining.domain.shared.vote import Vote
from bargaining.presentation.wording import Names, SummaryTable, by, count_of, vote_text

#: Event classes read as ``Any`` (``@event`` makes them at run time).
L: Any = Law
D: Any = Intervention
X: Any = DisputeIndex

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def _on(e: Any) -> date:
    on: date = e.on
    return on


def _units(units: Iterable[UUID]) -> str:
    return count_of(len(tuple(units)), "unit")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def offer_vote_text(vote: Vote) -> str:
    """A forced vote on the employer's last offer: its count, and whether the offer was
    accepted or rejected (yes votes accept it)."""
    rejected = show_percent(percent_of(vote.tally.no, vote.tally.valid))
    outcome = "accepted" if vote.passed else f"rejected ({rejected} of valid ballots)"
    return f"{vote_text(vote)}: the offer was {outcome}"


def intervention_line(kind: InterventionKind, on: date, units: Iterable[UUID],
                      made_by: str | None, vote: Vote | None) -> str:
    """'Lockout declared on 2023-05-01 by the employer, covering 2 units'."""
    who = f" by {made_by}" if made_by else ""
    line = f"{_capital(kind.value)} on {on}{who}, covering {_units(units)}"
    if vote is not None:
        line += f"; {offer_vote_text(vote)}"
    return line


# ------------------------------------------------------------------ laws


@_summary(L.Recorded)
def _law_recorded(e: Any, names: Names) -> str:
    does = ", ".join(effect.value for effect in e.effects)
    return (f"Law '{e.name}' ({e.region}) recorded {by(e.actor)}: {does}; covers "
            f"{_units(e.units)}")


@_summary(L.Tabled)
def _law_tabled(e: Any, names: Names) -> str:
    return f"'{names(e.originator_id)}' tabled on {e.on}, recorded {by(e.actor)}"


@_summary(L.Passed)
def _law_passed(e: Any, names: Names) -> str:
    return f"'{names(e.originator_id)}' passed on {e.on}, recorded {by(e.actor)}"


@_summary(L.StruckDown)
def _law_struck_down(e: Any, names: Names) -> str:
    court = f" by {e.court}" if e.court else ""
    return f"'{names(e.originator_id)}' struck down{court} on {e.on}, recorded {by(e.actor)}"


@_summary(L.Repealed)
def _law_repealed(e: Any, names: Names) -> str:
    act = f" by {e.by}" if e.by else ""
    void = " and deemed never in force" if e.deemed_never_in_force else ""
    return f"'{names(e.originator_id)}' repealed{act} on {e.on}{void}, recorded {by(e.actor)}"


for _cls in (L.Tabled, L.Passed, L.StruckDown, L.Repealed):
    _dated(_cls, _on)


# ----------------------------------------------------------- interventions


@_summary(D.Recorded)
def _intervention(e: Any, names: Names) -> str:
    line = intervention_line(e.kind, e.on, e.units, e.made_by, e.vote)
    return f"{line}, recorded {by(e.actor)}"


_dated(D.Recorded, _on)


# ------------------------------------------------------------------ indexes


@_summary(X.Opened)
def _index_opened(e: Any, names: Names) -> str:
    return f"Disputes of the {e.scope} '{names(e.subject_id)}' indexed {by(e.actor)}"


@_summary(X.Listed)
def _index_listed(e: Any, names: Names) -> str:
    return (f"The {e.kind} '{names(e.record_id)}' listed in the {names(e.originator_id)} "
            f"{by(e.actor)}")


def display_name(first_event: Any, names: Names) -> str | None:
    """The display name of an intervention or an index, from its first event."""
    if isinstance(first_event, D.Recorded):
        return f"{first_event.kind.value} of {first_event.on}"
    if isinstance(first_event, X.Opened):
        return f"disputes of {names(first_event.subject_id)}"
    return None


# ----------------------------------------------------------- dispute facts


@attrs.frozen
class DisputeFact:
    """One dated fact of a dispute as an organizer reads it: a law's act (tabled, passed,
    struck down, repealed) or an intervention, with its source, the units it covers and the
    campaigns and clusters it concerns, and a one-line summary. ``vote`` is the forced vote's."""

    on: date
    what: str
    record_id: UUID
    record_kind: str
    units: tuple[UUID, ...]
    campaign_ids: tuple[UUID, ...]
    cluster_ids: tuple[UUID, ...]
    source: str
    summary: str
    vote: Vote | None = None


def law_facts(law: Law) -> list[DisputeFact]:
    """A fact for each act of a law's life, as its record knows it."""
    facts = []
    for act, day, source in law.acts:
        line = f"{law.name} ({law.region}) {act} on {day}"
        if act == "passed":
            line += f": {law.describe_effects()}, covering {_units(law.units)}"
            if law.void_from_start:
                line += f"; since deemed never in force by its repeal of {law.repealed_on}"
        if act == "repealed" and law.void_from_start:
            line += " and deemed never in force"
        facts.append(DisputeFact(day, f"law {act}", law.id, "law", law.units, law.campaign_ids,
                                 law.cluster_ids, source, line))
    return facts


def intervention_fact(found: Intervention) -> DisputeFact:
    """An intervention as one fact."""
    line = intervention_line(found.kind, found.on, found.units, found.made_by, found.vote)
    return DisputeFact(found.on, found.kind.value, found.id, "intervention", found.units,
                       found.campaign_ids, found.cluster_ids, found.source, line, found.vote)
