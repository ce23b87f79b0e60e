"""Plain-language summaries of solidarity and non-raiding pacts: signed and joined with the
signatories' commitments, raids with their flags, solidarity actions with their counts."""

from __future__ import annotations

from typing import Any

from bargaining.domain.budgets.money import minor_units
from bargaining.domain.shared.language import format_day, format_money, plural, translate
from bargaining.domain.solidarity.pact import SolidarityPact
from bargaining.presentation.wording import Names, SummaryTable, by, count_of, flagged, known_word

P: Any = SolidarityPact

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


@_summary(P.Signed)
def _signed(e: Any, names: Names) -> str:
    values = {"name": e.name, "on": format_day(e.on), "signatories": ", ".join(e.signatories),
              "by": by(e.actor)}
    if e.non_raiding:
        line = translate("Non-raiding pact for {jurisdiction} '{name}' signed on {on} by "
                         "{signatories}, recorded {by}", jurisdiction=e.jurisdiction, **values)
    else:
        line = translate("Solidarity pact '{name}' signed on {on} by {signatories}, recorded "
                         "{by}", **values)
    if e.ends is not None:
        line += translate("; it runs to {ends}", ends=format_day(e.ends))
    return line


@_summary(P.SignatoryJoined)
def _joined(e: Any, names: Names) -> str:
    return translate("{signatory} signed '{pact}' on {on}, with {commitments}, recorded {by}",
                     signatory=e.signatory, pact=names(e.originator_id), on=format_day(e.on),
                     commitments=count_of(len(e.commits), "commitment"), by=by(e.actor))


@_summary(P.RaidRecorded)
def _raid(e: Any, names: Names) -> str:
    line = translate("{raider}'s {kind} for {unit}, which {against} represents, on {on}, "
                     "recorded {by}", raider=e.by, kind=known_word(e.kind), unit=e.unit,
                     against=e.against, on=format_day(e.on), by=by(e.actor))
    return line + flagged(e.flags)


@_summary(P.ActionRecorded)
def _action(e: Any, names: Names) -> str:
    line = translate("{who}: {kind} for {supporting} on {on}", who=e.by, kind=known_word(e.kind),
                     supporting=e.supporting, on=format_day(e.on))
    if e.people:
        line += ", " + plural("{count} person", "{count} people", e.people)
    if e.amount is not None:
        line += f", {format_money(e.amount, e.currency, minor_units(e.currency))}"
    return translate("{action}, under '{pact}', recorded {by}", action=line,
                     pact=names(e.originator_id), by=by(e.actor))


for _cls in (P.Signed, P.SignatoryJoined, P.RaidRecorded, P.ActionRecorded):
    _dated(_cls, lambda e: e.on)
