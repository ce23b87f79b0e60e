"""The defense part of the history story: every event kind of threats, templates, the rapid
response, responses, public actions and messages."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from bargaining import (
    Actor,
    BargainingApp,
    Impact,
    ImpactMeasure,
    PublicActionKind,
    TemplateAction,
    ThreatKind,
    ThreatOutcome,
)

ORGANIZER = Actor("n-1", "network coordinator")


def record_defense(app: BargainingApp) -> UUID:
    """A closure threat to long-term care answered from a template revised once; returns the
    threat's id."""
    actions = [TemplateAction("town hall", "organizing meeting", 7)]
    app.defense.publish_template("closures", answers=[ThreatKind.CLOSURE], actions=actions,
                                 checklist=["beds lost"], roles=["spokesperson"],
                                 actor=ORGANIZER, reason="the network's first plan")
    app.defense.revise_template("closures", answers=[ThreatKind.CLOSURE],
                                actions=[*actions, TemplateAction("petition",
                                                                  "majority petition", 21)],
                                checklist=["beds lost"], roles=["spokesperson"],
                                actor=ORGANIZER)
    threat = app.defense.register_threat(
        ThreatKind.CLOSURE, name="Sudbury LTC closure", on=date(2026, 5, 1),
        source="employer's notice (illustrative)", employers=["Extendicare"],
        behind=["Extendicare"], actor=ORGANIZER)
    (response,) = app.defense.responses(threat=threat)
    app.defense.launch_response(response.id, on=date(2026, 5, 4), actor=ORGANIZER,
                                reason="the local's executive voted to fight")
    action = app.defense.record_public_action(
        PublicActionKind.PETITION, name="Keep our beds", on=date(2026, 5, 10),
        source="the local's count (illustrative)", threats=[threat], responses=[response.id],
        people=1200, actor=ORGANIZER)
    app.defense.record_count(action, on=date(2026, 5, 20), people=2400, actor=ORGANIZER)
    app.defense.record_message(
        threat, headline="Sudbury loses 160 beds", audience="public", channel="local radio",
        impacts=[Impact(ImpactMeasure.BEDS, 160, "Sudbury")], on=date(2026, 5, 12),
        actor=ORGANIZER)
    app.defense.record_outcome(threat, ThreatOutcome.WITHDRAWN, on=date(2026, 6, 1),
                               source="employer's letter (illustrative)", actor=ORGANIZER)
    return threat
