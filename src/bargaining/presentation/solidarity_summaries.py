"""Plain-language summaries of solidarity and non-raiding pacts: signed and joined with the
signatories' commitments, raids with their flags, solidarity actions with their counts."""

from __future__ import annotations

from typing import Any

from bargaining.domain.budgets.money import money_text
from bargaining.domain.solidarity.pact import SolidarityPact
from bargaining.presentation.wording import Names, SummaryTable, by, count_of

P: Any = SolidarityPact

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


@_summary(P.Signed)
def _signed(e: Any, names: Names) -> str:
    kind = (f"Non-raiding pact for {e.jurisdiction}" if e.non_raiding else "Solidarity pact")
    line = (f"{kind} '{e.name}' signed on {e.on} by {', '.join(e.signatories)}, recorded "
            f"{by(e.actor)}")
    if e.ends is not None:
        line += f"; it runs to {e.ends}"
    return line


@_summary(P.SignatoryJoined)
def _joined(e: Any, names: Names) -> str:
    return (f"{e.signatory} signed '{names(e.originator_id)}' on {e.on}, with "
            f"{count_of(len(e.commits), 'commitment')}, recorded {by(e.actor)}")


@_summary(P.RaidRecorded)
def _raid(e: Any, names: Names) -> str:
    line = (f"{e.by}'s {e.kind} for {e.unit}, which {e.against} represents, on {e.on}, "
            f"recorded {by(e.actor)}")
    if e.flags:
        line += "; flagged: " + "; ".join(flag.rule.value for flag in e.flags)
    return line


@_summary(P.ActionRecorded)
def _action(e: Any, names: Names) -> str:
    line = f"{e.by}: {e.kind} for {e.supporting} on {e.on}"
    if e.people:
        line += f", {e.people:,} {'person' if e.people == 1 else 'people'}"
    if e.amount is not None:
        line += f", {money_text(e.amount, e.currency)}"
    return f"{line}, under '{names(e.originator_id)}', recorded {by(e.actor)}"


for _cls in (P.Signed, P.SignatoryJoined, P.RaidRecorded, P.ActionRecorded):
    _dated(_cls, lambda e: e.on)
