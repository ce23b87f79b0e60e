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
from bargaining.domain.shared.shares import show_percent
from bargaining.presentation.wording import count_of, vote_text


def decision_line(decision: Decision) -> str:
    """One decision in one paragraph."""
    outcome = "Carried" if decision.carried else "Defeated"
    line = (f"{decision.on}: {outcome} by the {decision.body} (motion {decision.number}): "
            f"{' '.join(decision.text.split())} — {vote_text(decision.vote)}")
    if decision.in_camera:
        line += "; taken in camera"
    if decision.document is not None:
        d = decision.document
        line += f"; adopts '{d.title}', version {d.version}, at {d.where}"
    if decision.flags:
        line += "; flagged: " + "; ".join(f.describe() for f in decision.flags)
    return line


def decisions_text(body: str, starts: date, ends: date,
                   decisions: Sequence[Decision]) -> str:
    """Every decision of a body from ``starts`` to ``ends``, with how many were in camera."""
    closed = sum(1 for d in decisions if d.in_camera)
    head = (f"Decisions of the {body}, {starts} to {ends}: {count_of(len(decisions), 'decision')}"
            f", {closed:,} taken in camera")
    return "\n".join([head, *(f"- {decision_line(d)}" for d in decisions)])


def in_camera_text(body: str, periods: Sequence[InCamera]) -> str:
    """In-camera decisions period over period."""
    lines = [f"Decisions of the {body} taken in camera:"]
    for p in periods:
        lines.append(f"- {p.starts} to {p.ends}: {p.in_camera:,} of {p.decisions:,} "
                     f"({show_percent(p.share)})")
    return "\n".join(lines)


def accountability_text(report: AccountabilityReport) -> str:
    """The accountability report in plain language."""
    lines = [f"Accountability of the {report.body}, {report.starts} to {report.ends}: "
             f"{count_of(report.reports_filed, 'report')} filed, "
             f"{report.led_by_members:,} led by rank-and-file members; "
             f"{count_of(report.overdue, 'report')} overdue; "
             f"{count_of(report.new_activists, 'new activist')} took a first role; "
             f"{report.rank_and_file_holders:,} rank-and-file members hold roles"]
    for account in report.roles:
        lines.append(f"- {account.role}: {count_of(len(account.holders), 'holder')}, "
                     f"{count_of(account.work_plans, 'work plan')} filed")
        for due in account.reports:
            state = due.state.value
            if due.state is ReportState.OVERDUE:
                state = f"OVERDUE, flagged (due {due.due})"
            elif due.filed_on is not None:
                state += f" ({due.filed_on})"
            lines.append(f"  - {due.what} to {due.to_whom}, period ending {due.period_end}: "
                         f"{state}")
    return "\n".join(lines)
