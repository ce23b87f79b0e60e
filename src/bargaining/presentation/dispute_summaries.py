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
from bargaining.domain.shared.language import (
    format_day,
    format_percent,
    gettext,
    mark,
    translate,
)
from bargaining.domain.shared.shares import percent_of
from bargaining.domain.shared.vote import Vote
from bargaining.presentation.wording import Names, SummaryTable, by, count_of, vote_text, word

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


def _effects(effects: Iterable[Any]) -> str:
    return ", ".join(word(effect.value) for effect in effects)


def offer_vote_text(vote: Vote) -> str:
    """A forced vote on the employer's last offer: its count, and whether the offer was
    accepted or rejected (yes votes accept it)."""
    if vote.passed:
        return translate("{vote}: the offer was accepted", vote=vote_text(vote))
    rejected = format_percent(percent_of(vote.tally.no, vote.tally.valid))
    return translate("{vote}: the offer was rejected ({share} of valid ballots)",
                     vote=vote_text(vote), share=rejected)


def intervention_line(kind: InterventionKind, on: date, units: Iterable[UUID],
                      made_by: str | None, vote: Vote | None) -> str:
    """'Lockout declared on 2023-05-01 by the employer, covering 2 units'."""
    values = {"kind": word(kind.value), "on": format_day(on), "units": _units(units)}
    line = _capital(translate("{kind} on {on} by {who}, covering {units}", who=made_by, **values)
                    if made_by else translate("{kind} on {on}, covering {units}", **values))
    if vote is not None:
        line += f"; {offer_vote_text(vote)}"
    return line


# ------------------------------------------------------------------ laws


@_summary(L.Recorded)
def _law_recorded(e: Any, names: Names) -> str:
    return translate("Law '{name}' ({region}) recorded {by}: {effects}; covers {units}",
                     name=e.name, region=e.region, by=by(e.actor), effects=_effects(e.effects),
                     units=_units(e.units))


#: A law's acts, one whole line each (with and without who did it where one may be named).
_ACTS = {
    "tabled": mark("'{law}' tabled on {on}, recorded {by}"),
    "passed": mark("'{law}' passed on {on}, recorded {by}"),
}


@_summary(L.Tabled)
def _law_tabled(e: Any, names: Names) -> str:
    return translate(_ACTS["tabled"], law=names(e.originator_id), on=format_day(e.on),
                     by=by(e.actor))


@_summary(L.Passed)
def _law_passed(e: Any, names: Names) -> str:
    return translate(_ACTS["passed"], law=names(e.originator_id), on=format_day(e.on),
                     by=by(e.actor))


@_summary(L.StruckDown)
def _law_struck_down(e: Any, names: Names) -> str:
    values = {"law": names(e.originator_id), "on": format_day(e.on), "by": by(e.actor)}
    if e.court:
        return translate("'{law}' struck down by {court} on {on}, recorded {by}",
                         court=e.court, **values)
    return translate("'{law}' struck down on {on}, recorded {by}", **values)


@_summary(L.Repealed)
def _law_repealed(e: Any, names: Names) -> str:
    act = translate(" by {act}", act=e.by) if e.by else ""
    void = gettext(" and deemed never in force") if e.deemed_never_in_force else ""
    return translate("'{law}' repealed{act} on {on}{void}, recorded {by}",
                     law=names(e.originator_id), act=act, on=format_day(e.on), void=void,
                     by=by(e.actor))


for _cls in (L.Tabled, L.Passed, L.StruckDown, L.Repealed):
    _dated(_cls, _on)


# ----------------------------------------------------------- interventions


@_summary(D.Recorded)
def _intervention(e: Any, names: Names) -> str:
    line = intervention_line(e.kind, e.on, e.units, e.made_by, e.vote)
    return translate("{line}, recorded {by}", line=line, by=by(e.actor))


_dated(D.Recorded, _on)


# ------------------------------------------------------------------ indexes

#: What an index lists disputes for, and what it lists, one whole line each.
_INDEXED = {
    "unit": mark("Disputes of the unit '{subject}' indexed {by}"),
    "campaign": mark("Disputes of the campaign '{subject}' indexed {by}"),
    "cluster": mark("Disputes of the cluster '{subject}' indexed {by}"),
}
_LISTED = {
    "law": mark("The law '{record}' listed in the {index} {by}"),
    "intervention": mark("The intervention '{record}' listed in the {index} {by}"),
}


@_summary(X.Opened)
def _index_opened(e: Any, names: Names) -> str:
    return translate(_INDEXED[e.scope], subject=names(e.subject_id), by=by(e.actor))


@_summary(X.Listed)
def _index_listed(e: Any, names: Names) -> str:
    return translate(_LISTED[e.kind], record=names(e.record_id),
                     index=names(e.originator_id), by=by(e.actor))


def display_name(first_event: Any, names: Names) -> str | None:
    """The display name of an intervention or an index, from its first event."""
    if isinstance(first_event, D.Recorded):
        return translate("{kind} of {on}", kind=word(first_event.kind.value),
                         on=format_day(first_event.on))
    if isinstance(first_event, X.Opened):
        return translate("disputes of {subject}", subject=names(first_event.subject_id))
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


#: A law's act as a dispute history lists it, one whole line each.
_LAW_ACTS = {
    "tabled": mark("{law} ({region}) tabled on {on}"),
    "passed": mark("{law} ({region}) passed on {on}"),
    "struck down": mark("{law} ({region}) struck down on {on}"),
    "repealed": mark("{law} ({region}) repealed on {on}"),
}


def law_facts(law: Law) -> list[DisputeFact]:
    """A fact for each act of a law's life, as its record knows it."""
    facts = []
    for act, day, source in law.acts:
        line = translate(_LAW_ACTS[act], law=law.name, region=law.region, on=format_day(day))
        if act == "passed":
            line += translate(": {effects}, covering {units}", effects=_effects(law.effects),
                              units=_units(law.units))
            if law.void_from_start:
                line += translate("; since deemed never in force by its repeal of {on}",
                                  on=format_day(law.repealed_on))
        if act == "repealed" and law.void_from_start:
            line += gettext(" and deemed never in force")
        facts.append(DisputeFact(day, f"law {act}", law.id, "law", law.units, law.campaign_ids,
                                 law.cluster_ids, source, line))
    return facts


def intervention_fact(found: Intervention) -> DisputeFact:
    """An intervention as one fact."""
    line = intervention_line(found.kind, found.on, found.units, found.made_by, found.vote)
    return DisputeFact(found.on, found.kind.value, found.id, "intervention", found.units,
                       found.campaign_ids, found.cluster_ids, found.source, line, found.vote)
