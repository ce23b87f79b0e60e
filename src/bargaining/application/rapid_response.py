"""Rapid response, a durable process manager: each threat registered gets a response proposed
for every local it hits, from the matching template, and the reason why.

It follows the log rather than the commands, so a threat registered by any process (or before
a crash) is answered: ``catch_up`` reads the threat registrations after its tracking position
and handles each in one transaction, saving the responses together with the tracking record
(:class:`~bargaining.domain.defense.tracking.ResponseTracking`) that moves past it. A crash
before that save leaves the registration to the next catch-up; a crash after it leaves nothing
to do. Two processes handling the same registration conflict on the tracking record (and on
the responses, whose ids come from the threat and the local): one records, the other reloads
and moves on. ``eventsourcing``'s process applications follow another application's log; here
the threats and responses share one store, so the tracking is a record of that store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from bargaining.application.defense_reach import ThreatReach
from bargaining.application.named_records import already_recorded
from bargaining.application.ports import EventLog, Records
from bargaining.domain.defense.matching import choose_template
from bargaining.domain.defense.response import RESPONSE_NAMESPACE, Response, response_words
from bargaining.domain.defense.template import CampaignTemplate
from bargaining.domain.defense.threat import Threat
from bargaining.domain.defense.tracking import TRACKING_ID, ResponseTracking
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import ConcurrentChange, term
from bargaining.domain.shared.record_ids import PUBLIC_IDS, RecordIds

#: A threat's registration (``@event`` makes the class at run time).
_REGISTERED: Any = getattr(Threat, "Registered")  # noqa: B009

#: Who proposes responses: the process, on the coalition's behalf.
PROCESS = Actor("rapid-response", "rapid response process")


class RapidResponse:
    """Proposes responses to threats as they are registered; resumes where it stopped."""

    def __init__(
        self, records: Records, log: EventLog, reach: Callable[[Threat], ThreatReach],
        templates: Callable[[], list[CampaignTemplate]], ids: RecordIds = PUBLIC_IDS,
    ) -> None:
        self._records = records
        self._ids = ids
        self._log = log
        self._reach = reach
        self._templates = templates

    @property
    def position(self) -> int:
        """The log position of the last threat registration handled."""
        return self._tracking().position

    def _tracking(self) -> ResponseTracking:
        if self._records.contains(TRACKING_ID):
            return self._records.load(TRACKING_ID, ResponseTracking, term("rapid response"))
        return ResponseTracking.start(actor=PROCESS)

    def follow(self, recordings: Sequence[Any]) -> int:
        """After a save: catch up if a threat was registered in it."""
        if any(isinstance(r.domain_event, _REGISTERED) for r in recordings):
            return self.catch_up()
        return 0

    def catch_up(self, *, batch_size: int = 100) -> int:
        """Handle every threat registered since the tracking position; returns how many
        responses this call proposed."""
        proposed = 0
        tracking = self._tracking()
        cursor = tracking.position
        while True:
            page = self._log.read_log(cursor, batch_size, (Threat,))
            registrations = [(p, e) for p, e in page if isinstance(e, _REGISTERED)]
            if not registrations:
                if len(page) < batch_size:
                    return proposed
                cursor = page[-1][0]  # a page of a threat's later acts: read on
                continue
            for position, registered in registrations:
                try:
                    proposed += self._handle(tracking, position, registered)
                except ConcurrentChange:
                    break  # another process took this step: start again from its position
                tracking = self._tracking()
            tracking = self._tracking()
            if len(page) < batch_size and tracking.position >= registrations[-1][0]:
                return proposed
            cursor = tracking.position

    def _handle(self, tracking: ResponseTracking, position: int, registered: Any) -> int:
        threat = self._records.load(registered.originator_id, Threat, term("threat"))
        responses: list[Response] = []
        match = choose_template(self._templates(), threat)
        if threat.ended is not None:
            note = f"no response: the threat was {threat.status} before it was handled"
        elif match is None:
            note = f"no template answers {threat.kind.value} threats"
        else:
            reached = self._reach(threat)
            for local, units in reached.locals.items():
                if already_recorded(self._records, self._ids, RESPONSE_NAMESPACE,
                                    response_words(threat.id, local)):
                    continue
                responses.append(Response.propose(
                    threat_id=threat.id, threat_name=threat.name,
                    threat_recorded_at=registered.timestamp, local=local,
                    units=[(u.unit.unit_id, u.label) for u in units],
                    template_id=match.template.id, template_name=match.template.name,
                    template_version=match.version.number,
                    why=f"{match.why}; {local} has {len(units)} of the units it hits",
                    actor=PROCESS, ids=self._ids))
            note = (f"{match.why}: {len(responses)} responses proposed for "
                    f"{len(reached.locals)} locals hit")
        tracking.advance(position, threat_id=threat.id, proposed=[r.id for r in responses],
                         note=note, actor=PROCESS)
        self._records.save(tracking, *responses)
        return len(responses)
