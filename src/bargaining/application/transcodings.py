"""How the library's value objects are written into stored events (JSON, by exact type)."""

from __future__ import annotations

from datetime import date
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from bargaining.domain.actor import Actor
from bargaining.domain.agreement import CollectiveAgreement


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class ActorAsDict(Transcoding):
    type = Actor
    name = "actor"

    def encode(self, obj: Actor) -> dict[str, str]:
        return {"id": obj.id, "role": obj.role}

    def decode(self, data: dict[str, str]) -> Actor:
        return Actor(id=data["id"], role=data["role"])


class AgreementAsDict(Transcoding):
    type = CollectiveAgreement
    name = "collective_agreement"

    def encode(self, obj: CollectiveAgreement) -> dict[str, Any]:
        return {
            "expiry": obj.expiry,
            "effective": obj.effective,
            "settled": obj.settled,
            "source": obj.source,
        }

    def decode(self, data: dict[str, Any]) -> CollectiveAgreement:
        return CollectiveAgreement(**data)


def register_domain_transcodings(transcoder: JSONTranscoder) -> None:
    """Register every value object that events carry."""
    for transcoding in (DateAsISO(), ActorAsDict(), AgreementAsDict()):
        transcoder.register(transcoding)
