"""Decisions and accountability in plain language, ready to publish to members.

A decision summary lists every decision of a body in a period, oldest first: the day, what was
decided (the motion's words as amended), that the body decided it, the vote, whether it was
taken in camera, the meeting's flags, and where the document it adopted is. People appear by
the opaque ids the host gave, never by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bargaining.domain.democracy.account import AccountabilityReport
from bargaining.domain.democracy.accountability import ReportState
from bargaining.domain.democracy.decisions import Decision, InCamera
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    format_percent,
    gettext,
    translate,
)
from bargaining.presentation.wording import count_of, free_text, vote_text, word


def decision_line(decision: Decision) -> str:
    """One decision in one paragraph."""
    outcome = gettext("Carried") if decision.carried else gettext("Defeated")
    line = translate("{on}: {outcome} by the {body} (motion {number}): {text} — {vote}",
                     on=format_day(decision.on), outcome=outcome, body=decision.body,
                     number=decision.number, text=" ".join(free_text(decision.text).split()),
                     vote=vote_text(decision.vote))
    if decision.in_camera:
        line += gettext("; taken in camera")
    if decision.document is not None:
        d = decision.document
        line += translate("; adopts '{title}', version {version}, at {where}", title=d.title,
                          version=d.version, where=d.where)
    if decision.flags:
        line += translate("; flagged: {why}", why="; ".join(
            f.describe() for f in decision.flags))
    return line


def decisions_text(body: str, starts: date, ends: date,
                   decisions: Sequence[Decision]) -> str:
    """Every decision of a body from ``starts`` to ``ends``, with how many were in camera."""
    closed = sum(1 for d in decisions if d.in_camera)
    head = translate("Decisions of the {body}, {starts} to {ends}: {decisions}, {closed} taken "
                     "in camera", body=body, starts=format_day(starts), ends=format_day(ends),
                     decisions=count_of(len(decisions), "decision"),
                     closed=format_number(closed))
    return "\n".join([head, *(f"- {decision_line(d)}" for d in decisions)])


def in_camera_text(body: str, periods: Sequence[InCamera]) -> str:
    """In-camera decisions period over period."""
    lines = [translate("Decisions of the {body} taken in camera:", body=body)]
    for p in periods:
        lines.append(translate("- {starts} to {ends}: {closed} of {decisions} ({share})",
                               starts=format_day(p.starts), ends=format_day(p.ends),
                               closed=format_number(p.in_camera),
                               decisions=format_number(p.decisions),
                               share=format_percent(p.share)))
    return "\n".join(lines)


def accountability_text(report: AccountabilityReport) -> str:
    """The accountability report in plain language."""
    lines = [translate(
        "Accountability of the {body}, {starts} to {ends}: {filed} filed, {led} led by "
        "rank-and-file members; {overdue} overdue; {activists} took a first role; {holders} "
        "rank-and-file members hold roles", body=report.body, starts=format_day(report.starts),
        ends=format_day(report.ends), filed=count_of(report.reports_filed, "report"),
        led=format_number(report.led_by_members), overdue=count_of(report.overdue, "report"),
        activists=count_of(report.new_activists, "new activist"),
        holders=format_number(report.rank_and_file_holders))]
    for account in report.roles:
        lines.append(translate("- {role}: {holders}, {plans} filed", role=account.role,
                               holders=count_of(len(account.holders), "holder"),
                               plans=count_of(account.work_plans, "work plan")))
        for due in account.reports:
            state = word(due.state.value)
            if due.state is ReportState.OVERDUE:
                state = translate("OVERDUE, flagged (due {due})", due=format_day(due.due))
            elif due.filed_on is not None:
                state += f" ({format_day(due.filed_on)})"
            lines.append(translate("  - {what} to {to_whom}, period ending {period_end}: "
                                   "{state}", what=due.what, to_whom=due.to_whom,
                                   period_end=format_day(due.period_end), state=state))
    return "\n".join(lines)
