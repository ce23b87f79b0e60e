"""A cluster's status in words, in the reader's language (``ClusterStatus.explain``).

Kept apart from :mod:`.clusters` so that the wording of a status and the reading of one grow
without each other; it reads the status it is given and imports nothing of it.
"""

from __future__ import annotations

from typing import Any

from bargaining.domain.coordination.offers import TableStatus
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    gettext,
    mark,
    translate,
)


def _state(status: Any) -> str:
    return gettext(status.value) if status else gettext("no table")


def _table_lines(t: Any) -> list[str]:
    state = _state(t.status)
    if t.withdrawn:
        state = translate("withdrawn (its table: {state})", state=state)
    waiting = t.status is TableStatus.RATIFIED and not t.final and not t.withdrawn
    note = (gettext(" (final)") if t.final
            else gettext(" (waiting for every table)") if waiting else "")
    flagged = (translate(" [flagged: {count}]", count=format_number(len(t.flags)))
               if t.flags else "")
    lines = [translate("  {label}: {state}{note}{flagged}", label=t.label, state=state,
                       note=note, flagged=flagged)]
    if len(t.seats) > 1 or any(seat.units > 1 for seat in t.seats):
        seats = "; ".join(translate("{title}: {state}", title=seat.title,
                                    state=_state(seat.status)) for seat in t.seats)
        lines.append(translate("    at {seats}", seats=seats))
    return lines


def explain_status(status: Any) -> str:
    """A :class:`~bargaining.application.clusters.ClusterStatus` in lines: whether it is
    settled, each member's table, the me-too owed, alignment, breaches of the pact and the
    dispute's facts."""
    if status.formed_on:
        header = (mark("{name}: settled, formed {on}") if status.settled
                  else mark("{name}: not settled, formed {on}"))
    else:
        header = mark("{name}: settled") if status.settled else mark("{name}: not settled")
    lines = [translate(header, name=status.name, on=format_day(status.formed_on))]
    for t in status.tables:
        lines += _table_lines(t)
    if status.me_too:
        lines += [translate("  me-too {claim}", claim=c.explain()) for c in status.me_too]
    else:
        lines += [translate("  me-too owed: {explanation}", explanation=e.reads)
                  for e in status.entitlements]
    lines += [translate("  alignment: {member}", member=a.explain())
              for a in status.alignment if not a.withdrawn]
    lines += [translate("  breach of the pact: {breach}", breach=b.explain())
              for b in status.breaches]
    lines += [f"  {f.summary}" for f in status.disputes]
    return "\n".join(lines)
