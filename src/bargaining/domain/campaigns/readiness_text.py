"""A campaign's readiness in words and as a table, in the reader's language.

Kept apart from :mod:`~bargaining.domain.campaigns.readiness` (which works readiness out) so
that the wording, its numbers (thousands separated, percentages by the one rule) and its
translation live in one place. The default ladder's rung names are translated; a campaign's
own rungs are shown as the campaign named them. A strike's description and a dispute's note
are worded where they are recorded, in English for now.
"""

from __future__ import annotations

from typing import Any

from bargaining.domain.campaigns.ladder import RungKind
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    format_percent,
    gettext,
    gettext_if_known,
    translate,
)

#: A :class:`~bargaining.domain.campaigns.readiness.Readiness` and one of its ``Standing``
#: lines: read by attribute here, so that the module that works readiness out can ask this one
#: to word it without the two importing each other.
Readiness = Any
Standing = Any


def _rung(name: str | None) -> str:
    return gettext_if_known(name) if name is not None else ""


def readiness_summary(report: Readiness) -> str:
    """Where the campaign stands: its rung, who has passed, who holds it back, and the unit
    or work group furthest from the threshold (the biggest worst)."""
    rung, nxt = report.rung, report.next_rung
    after = (translate("; next '{rung}' ({threshold})", rung=_rung(nxt.name),
                       threshold=format_percent(nxt.threshold))
             if nxt else gettext(" (the top rung)"))
    lines = [translate("'{campaign}' on {on} ({status}): on '{rung}' ({threshold}){next}",
                       campaign=report.campaign, on=format_day(report.on),
                       status=gettext(report.status.value), rung=_rung(rung.name),
                       threshold=format_percent(rung.threshold), next=after)]
    total = len(report.ready) + len(report.held_back)
    climb = (gettext("no rung above") if nxt is None
             else gettext("may climb") if report.can_climb else gettext("may not climb yet"))
    lines.append(translate("{ready} of {total} units passed '{rung}', {needed} needed: {climb}",
                           ready=format_number(len(report.ready)), total=format_number(total),
                           rung=_rung(rung.name), needed=format_number(report.needed),
                           climb=climb))
    if report.held_back:
        lines.append(translate("held back by: {units}",
                               units="; ".join(report.held_back_labels)))
    if not report.strike_vote_ok and nxt is not None:
        lines.append(translate("'{rung}' needs a valid strike mandate; no unit holds one yet",
                               rung=_rung(nxt.name)))
    lines.extend(_biggest_worst(report))
    lines.extend(translate("on strike: {strike}", strike=s.describe()) for s in report.strikes)
    lines.extend(translate("dispute: {note}", note=n.summary) for n in report.disputes)
    return "\n".join(lines)


def _biggest_worst(report: Readiness) -> list[str]:
    worst = report.biggest_worst
    if worst is None:
        return []
    figure = worst.figure
    if figure is None:
        return [translate("biggest worst: {unit} has not voted on a strike yet",
                          unit=worst.label)]
    numbers = {"participants": format_number(figure.participants),
               "eligible": format_number(figure.eligible),
               "share": format_percent(figure.share),
               "rung": _rung(report.biggest_worst_rung)}
    if report.rung.kind is RungKind.STRIKE_VOTE:
        return [translate("biggest worst: {unit}: {participants} yes of {eligible} eligible "
                          "({share}), {short} short of '{rung}'", unit=worst.label,
                          short=format_number(worst.short_of_current or 0), **numbers)]
    group = gettext("whole unit") if worst.whole_unit else str(worst.work_group)
    short = (worst.short_of_current if report.biggest_worst_rung == report.rung.name
             else worst.short_of_next)
    return [translate("biggest worst: {unit} / {group}: {participants} of {eligible} ({share}), "
                      "{short} short of '{rung}'", unit=worst.label, group=group,
                      short=format_number(short or 0), **numbers)]


def readiness_table(report: Readiness) -> str:
    """The summary, then a table: a unit's line, then its work groups indented."""
    current = translate("vs {threshold}", threshold=format_percent(report.rung.threshold))
    nxt = (translate("vs {threshold}", threshold=format_percent(report.next_rung.threshold))
           if report.next_rung else gettext("next"))
    header = (gettext("unit / work group"), gettext("latest test"), gettext("eligible"),
              gettext("took part"), gettext("share"), current, nxt, gettext("ready"))
    rows: list[tuple[str, ...]] = [header]
    for line in report.units:
        ready = gettext("yes") if line.passed_current else gettext("no")
        if line.on_strike:
            ready += gettext(" (on strike)")
        none = (gettext("no strike vote yet") if report.rung.kind is RungKind.STRIKE_VOTE
                else gettext("no test yet"))
        rows.append(_row(line.label, line.standing, ready, none))
        for group in line.groups:
            if group.whole_unit and group.figure == line.standing.figure and (
                    group.hidden == line.standing.hidden):
                continue  # the unit's own line says it
            name = gettext("whole unit") if group.whole_unit else str(group.work_group)
            rows.append(_row(f"  {name}", group, "", gettext("no test yet")))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    numeric = {2, 3, 4}
    out = []
    for row in rows:
        cells = [c.rjust(w) if i in numeric else c.ljust(w)
                 for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        out.append("  ".join(cells).rstrip())
    return readiness_summary(report) + "\n\n" + "\n".join(out)


def _against(meets_it: bool | None, short: int | None) -> str:
    if meets_it is None or short is None:
        return "-"
    return gettext("met") if meets_it else translate("{short} short", short=format_number(short))


def _row(name: str, standing: Standing, ready: str, none: str) -> tuple[str, ...]:
    figure = standing.figure
    if getattr(standing, "hidden", False):  # a member's view of a small group
        return (name, gettext("counts hidden: a small group"), "", "", "", "", "", ready)
    if figure is None:
        return (name, none, "", "", "", "", "", ready)
    return (name, translate("{source}, {on}", source=gettext_if_known(figure.source),
                            on=format_day(figure.on)),
            format_number(figure.eligible), format_number(figure.participants),
            format_percent(figure.share),
            _against(standing.meets_current, standing.short_of_current),
            _against(standing.meets_next, standing.short_of_next), ready)
