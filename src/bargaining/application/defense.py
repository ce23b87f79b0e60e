"""Commands and queries on the defense of public services: threats and their life, campaign
templates, rapid responses and their launch, public actions and messages, what a threat
reaches and the connected fight.

``app.defense`` is a :class:`Defense`. Every command names its actor, and a person's decision
its reason; every record reads as it was on a date (``on``), as known at a moment (``at``) or
at a ``version``. The rapid response (:attr:`Defense.rapid_response`) follows the log: the
queries of responses catch it up first, as the Expiry Map catches up before it answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any, TypeVar
from uuid import UUID

from bargaining.application.campaigns import Campaigns
from bargaining.application.defense_reach import (
    Front,
    ThreatReach,
    UnitsMap,
    fronts,
    reach,
)
from bargaining.application.named_records import already_recorded, recorded_id
from bargaining.application.ports import EventLog, Records
from bargaining.application.rapid_response import RapidResponse
from bargaining.application.time_travel import load_as_of, load_reading
from bargaining.application.units import load_unit
from bargaining.domain.campaigns.ladder import Ladder
from bargaining.domain.coordination.cluster import BargainingCluster
from bargaining.domain.defense.message import Impact, Message
from bargaining.domain.defense.public_action import PublicAction
from bargaining.domain.defense.response import PlannedStep, Response
from bargaining.domain.defense.template import (
    TEMPLATE_NAMESPACE,
    CampaignTemplate,
    TemplateAction,
    template_words,
)
from bargaining.domain.defense.threat import Threat
from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.shared.dates import require_moment
from bargaining.domain.shared.errors import (
    ConcurrentChange,
    InvalidInput,
    RecordNotFound,
    RuleViolation,
    term,
)
from bargaining.domain.shared.flags import Flag
from bargaining.domain.shared.record_ids import PUBLIC_IDS, RecordIds
from bargaining.domain.shared.text import MAX_NAME
from bargaining.domain.shared.vote import Tally
from bargaining.domain.units.open_period import EXAMPLE_CALENDAR, OpenPeriodCalendar

A = TypeVar("A")
#: The most characters a campaign's name holds (as every name: ``domain/shared/text.py``).
_NAME_MOST = MAX_NAME
#: The records' creation events (``@event`` makes them at run time).
_CREATED: dict[type[Any], Any] = {
    kind: getattr(kind, name) for kind, name in (
        (Threat, "Registered"), (CampaignTemplate, "Published"), (Response, "Proposed"),
        (PublicAction, "Recorded"), (Message, "Recorded"), (BargainingCluster, "Formed"))
}
Names = str | Sequence[str]


class Defense:
    """Threats, templates, rapid responses, public actions, messages, the connected fight.
    ``open_periods`` is the host's calendar of open periods, read on a threat's day (the
    example calendar when none is given)."""

    def __init__(
        self, records: Records, log: EventLog, units_map: UnitsMap, campaigns: Campaigns,
        open_periods: OpenPeriodCalendar | None = None, ids: RecordIds = PUBLIC_IDS,
    ) -> None:
        self._records = records
        self._ids = ids
        self._log = log
        self._map = units_map
        self._campaigns = campaigns
        self.open_periods = open_periods or EXAMPLE_CALENDAR
        #: The process manager that proposes responses to threats.
        self.rapid_response = RapidResponse(records, log, self.reach, self.templates, ids)

    # -------------------------------------------------------------- threats

    def register_threat(
        self, kind: object, *, name: str, on: date, source: str, actor: Actor,
        behind: Names = (), sectors: Names = (), regions: Names = (), employers: Names = (),
        services: Names = (), units: UUID | Sequence[UUID] = (), reason: str | None = None,
    ) -> UUID:
        """Register a threat (a :class:`ThreatKind`) against what it hits; ``behind`` names
        what drives it (a law, a ministry, a contractor). Responses follow."""
        threat = Threat.register(kind, name=name, on=on, source=source, actor=actor,
                                 behind=behind, sectors=sectors, regions=regions,
                                 employers=employers, services=services, units=units,
                                 reason=reason)
        for unit in threat.units:
            load_unit(self._records, unit)
        self._records.save(threat)
        return threat.id

    def record_outcome(
        self, threat: UUID, outcome: object, *, on: date, source: str, actor: Actor,
        reason: str | None = None,
    ) -> tuple[Flag, ...]:
        """An act of the threat's life (a :class:`ThreatOutcome`: withdrawn, defeated,
        passed, implemented) on its day; returns the flags it carries (a date out of order
        is flagged, never refused)."""
        found = self.threat(threat)
        flags = found.record_outcome(outcome, on=on, source=source, actor=actor, reason=reason)
        self._records.save(found)
        return flags

    def threat(self, threat: UUID, *, on: date | None = None, at: datetime | None = None,
               version: int | None = None) -> Threat:
        """A threat as recorded, or as it was on a date, known at a moment, or at a version."""
        return load_reading(self._records, threat, Threat, term("threat"), on=on, at=at,
                            version=version)

    def threats(self, *, at: datetime | None = None) -> list[Threat]:
        """Every threat (as known at a moment), in the order registered."""
        return self._all(Threat, term("threat"), at)

    def reach(self, threat: UUID | Threat, *, calendar: OpenPeriodCalendar | None = None
              ) -> ThreatReach:
        """The units the threat hits, with their workers and bargaining calendar, and the
        clusters whose agreements are open on its day (by ``calendar``, else the host's)."""
        found = threat if isinstance(threat, Threat) else self.threat(threat)
        chosen = calendar or self.open_periods
        if not isinstance(chosen, OpenPeriodCalendar):
            raise InvalidInput.worded("a threat's reach reads an OpenPeriodCalendar")
        clusters = self._all(BargainingCluster, term("bargaining cluster"),
                             None)
        return reach(found, self._map, chosen, clusters)

    def connected(self, *, at: datetime | None = None) -> list[Front]:
        """The connected fight: threats linked by what drives them, across sectors, with
        their responses; the drivers hitting most sectors first."""
        counts: dict[UUID, tuple[int, int]] = {}
        for response in self.responses(at=at):
            proposed, launched = counts.get(response.threat_id, (0, 0))
            counts[response.threat_id] = (proposed + 1,
                                          launched + (response.launch_on is not None))
        return fronts(self.threats(at=at), counts)

    # ------------------------------------------------------------ templates

    def publish_template(
        self, name: str, *, answers: object, actions: Sequence[TemplateAction], actor: Actor,
        checklist: Names = (), roles: Names = (), sectors: Names = (),
        ladder: Ladder | None = None, reason: str | None = None,
    ) -> UUID:
        """A new template (version 1): the kinds of threat it answers, its actions in order
        with their lead times, its messaging checklist, the roles it needs; a ladder (the
        default when omitted) and the sectors it is for (every sector when omitted)."""
        found = CampaignTemplate.publish(
            name=name, actor=actor, reason=reason, answers=answers, actions=actions,
            checklist=checklist, roles=roles, sectors=sectors, ladder=ladder, ids=self._ids)
        if already_recorded(self._records, self._ids, TEMPLATE_NAMESPACE,
                            template_words(name)):
            raise RuleViolation.worded("a template named '{found}' is published already: revise "
                                       "it for a new version", found=found.name)
        self._records.save(found)
        return found.id

    def revise_template(
        self, name: str, *, answers: object, actions: Sequence[TemplateAction], actor: Actor,
        checklist: Names = (), roles: Names = (), sectors: Names = (),
        ladder: Ladder | None = None, reason: str | None = None,
    ) -> int:
        """Publish the template's next version; returns its number. Responses proposed from
        an earlier version keep it."""
        found = self.template(name)
        number = found.revise(actor=actor, reason=reason, answers=answers, actions=actions,
                              checklist=checklist, roles=roles, sectors=sectors, ladder=ladder)
        self._records.save(found)
        return number

    def template(self, name: str | UUID, *, at: datetime | None = None,
                 version: int | None = None) -> CampaignTemplate:
        """A template by its name or id, as recorded or as known at a moment."""
        tid = name if isinstance(name, UUID) else recorded_id(
            self._records, self._ids, TEMPLATE_NAMESPACE, template_words(name))
        return load_reading(self._records, tid, CampaignTemplate, term("campaign template"), at=at,
                            version=version)

    def templates(self) -> list[CampaignTemplate]:
        """Every template, in the order published."""
        return self._all(CampaignTemplate, term("campaign template"),
                         None)

    # ------------------------------------------------------------ responses

    def catch_up(self) -> int:
        """Propose responses to every threat registered since the rapid response last ran
        (after a crash, or by another process); returns how many were proposed."""
        return self.rapid_response.catch_up()

    def responses(self, *, threat: UUID | None = None, at: datetime | None = None
                  ) -> list[Response]:
        """The responses proposed (to one threat, if given), in the order proposed; the rapid
        response catches up first."""
        if at is None:
            self.catch_up()
        found = self._all(Response, term("response"), at)
        return [r for r in found if threat is None or r.threat_id == threat]

    def response(self, response: UUID, *, on: date | None = None, at: datetime | None = None,
                 version: int | None = None) -> Response:
        """A response as recorded, or as it was on a date, known at a moment, or a version."""
        return load_reading(self._records, response, Response, term("response"), on=on, at=at,
                            version=version)

    def launch_response(self, response: UUID, *, on: date, actor: Actor,
                        reason: str | None = None) -> UUID:
        """Launch a proposed response from the day ``on``: a campaign for the local's units,
        on the template version's ladder, with its actions planned on ``on`` plus their lead
        times. The decision, the campaign and its plans are recorded in one transaction, so a
        launch is recorded whole or not at all, and once: a second launch is refused, whoever
        makes it, and records nothing. Returns the campaign's id."""
        require_actor(actor)
        found = self.response(response)
        template = self.template(found.template_id).plan_version(found.template_version)
        found.decide_launch(on=on, actor=actor, reason=reason)
        assert found.launch_on is not None
        days = [found.launch_on + timedelta(days=a.lead_days) for a in template.actions]
        campaign, numbers = self._campaigns.prepare(
            name=_campaign_name(found), on=found.launch_on, actor=actor, units=found.unit_ids,
            ladder=template.ladder, reason=f"rapid response: {found.why}",
            actions=[(a.name, a.rung, day) for a, day in zip(template.actions, days, strict=True)],
            action_reason=f"from template '{found.template_name}' version "
                          f"{found.template_version}")
        found.campaign_launched(campaign.id, actor=actor)
        found.actions_planned([PlannedStep(n, a.name, a.rung, day) for n, a, day
                               in zip(numbers, template.actions, days, strict=True)], actor=actor)
        try:
            self._records.save(found, campaign)
        except ConcurrentChange:
            again = self.response(response)
            raise RuleViolation.worded("the {again} was launched by someone else at the same "
                                       "time; it is launched once", again=again.name) from None
        return campaign.id

    def response_times(self) -> list[tuple[str, timedelta]]:
        """Each launched response's time from the threat's registration to its actions
        planned, fastest first: how fast the network answers."""
        times = [(r.name, r.response_time) for r in self.responses()]
        return sorted(((n, t) for n, t in times if t is not None), key=lambda x: x[1])

    def record_public_action(
        self, kind: object, *, name: str, on: date, source: str, actor: Actor,
        threats: UUID | Sequence[UUID] = (), responses: UUID | Sequence[UUID] = (),
        people: int | None = None, tally: Tally | None = None, counted_on: date | None = None,
        before: str | None = None, reason: str | None = None,
    ) -> UUID:
        """A public action (a :class:`PublicActionKind`) on its day, for threats and
        responses: a referendum counted by its ``tally``, the others by ``people``."""
        action = PublicAction.record(
            kind, name=name, on=on, source=source, actor=actor, threats=threats,
            responses=responses, people=people, tally=tally, counted_on=counted_on,
            before=before, reason=reason)
        for tid in action.threat_ids:
            self.threat(tid)
        for rid in action.response_ids:
            self.response(rid)
        self._records.save(action)
        return action.id

    def record_count(self, action: UUID, *, on: date, actor: Actor, people: int | None = None,
                     tally: Tally | None = None, reason: str | None = None) -> None:
        """A later count of a public action: ballots as of a day, signatures gathered."""
        found = self.public_action(action)
        found.record_count(on=on, actor=actor, people=people, tally=tally, reason=reason)
        self._records.save(found)

    def public_action(self, action: UUID, *, on: date | None = None,
                      at: datetime | None = None) -> PublicAction:
        return load_reading(self._records, action, PublicAction, term("public action"), on=on,
                            at=at)

    def public_actions(self, *, threat: UUID | None = None, response: UUID | None = None,
                       at: datetime | None = None) -> list[PublicAction]:
        """Public actions (for a threat or a response, if given), by their day."""
        found = self._all(PublicAction, term("public action"), at)
        found = [a for a in found if (threat is None or threat in a.threat_ids)
                 and (response is None or response in a.response_ids)]
        return sorted(found, key=lambda a: a.on)

    # ------------------------------------------------------------ messages

    def record_message(
        self, threat: UUID, *, headline: str, audience: str, channel: str,
        impacts: Sequence[Impact], on: date, actor: Actor, text: str | None = None,
        responses: UUID | Sequence[UUID] = (), reason: str | None = None,
    ) -> UUID:
        """A public message about a threat: to whom, by which channel, and the community
        impacts it names. A message naming a person's contacts is refused."""
        self.threat(threat)
        message = Message.record(threat=threat, headline=headline, audience=audience,
                                 channel=channel, impacts=impacts, on=on, actor=actor,
                                 text=text, responses=responses, reason=reason)
        for rid in message.response_ids:
            self.response(rid)
        self._records.save(message)
        return message.id

    def messages(self, *, threat: UUID | None = None, at: datetime | None = None
                 ) -> list[Message]:
        found = self._all(Message, term("message"), at)
        return [m for m in found if threat is None or m.threat_id == threat]

    # -------------------------------------------------------------- helpers

    def _all(self, kind: type[A], what: str, at: datetime | None) -> list[A]:
        """Every record of a kind, from the log's creation events, as known at ``at``."""
        if at is not None:
            require_moment(at)
        created = _CREATED[kind]
        found: list[A] = []
        after = 0
        while True:
            page = self._log.read_log(after, 1000, (kind,))  # type: ignore[arg-type]
            for _, event in page:
                if not isinstance(event, created):
                    continue
                if at is None:
                    found.append(self._records.load(event.originator_id, kind, what))
                elif event.timestamp <= at:
                    try:
                        found.append(load_as_of(self._records, event.originator_id, kind,
                                                what, at))
                    except RecordNotFound:
                        continue
            if len(page) < 1000:
                return found
            after = page[-1][0]


def _campaign_name(response: Response) -> str:
    """The campaign's name: the template's and the response's, cut to the most a campaign's
    name may hold."""
    name = f"{response.template_name}: {response.name}"
    return name if len(name) <= _NAME_MOST else name[:_NAME_MOST - 1].rstrip() + "…"
