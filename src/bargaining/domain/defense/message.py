"""Public messages: what a campaign says, to whom, through which channel, and the community
impact it names (service hours lost, beds, wait times, jobs), so a cut is connected to what
it does where people live.

A message names groups and places, never a person: its text is refused when it holds an
e-mail address or a telephone number, the personal data a message most often picks up.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.defense.words import ids, kind_of
from bargaining.domain.disputes.facts import clean_name
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.text import clean_paragraphs
from bargaining.domain.shared.vote import whole_count

_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_PHONE = re.compile(r"(?:\+?\d[\s().-]*){9,}")


class ImpactMeasure(enum.Enum):
    """What a community loses, as a message names it."""

    SERVICE_HOURS_LOST = "service hours lost"
    BEDS = "beds"
    WAIT_DAYS = "days of waiting"
    JOBS = "jobs"


def _measure(value: object) -> ImpactMeasure:
    return kind_of(ImpactMeasure, value, term("community impact"))


@attrs.frozen
class Impact:
    """A community impact: how much of what, where (``Impact(ImpactMeasure.BEDS, 40,
    "Welland")``)."""

    measure: ImpactMeasure = attrs.field(converter=_measure)
    amount: int
    where: str

    def __attrs_post_init__(self) -> None:
        whole_count(self.amount, f"the {self.measure.value}")
        if not isinstance(self.where, str) or not self.where.strip():
            raise InvalidInput.worded("a community impact names where it is felt")
        object.__setattr__(self, "where", clean_name(self.where, term("place of the impact")))

    def describe(self) -> str:
        return f"{self.amount:,} {self.measure.value} in {self.where}"


def no_personal_data(text: str, what: str) -> str:
    """Refuse text holding an e-mail address or a telephone number (without quoting it)."""
    if _EMAIL.search(text) or _PHONE.search(text):
        raise InvalidInput.worded("the {what} holds an e-mail address or a telephone number: a "
                                  "public message names groups and places, never a person",
                                  what=what)
    return text


def _impacts(values: object) -> list[Impact]:
    if isinstance(values, Impact) or not isinstance(values, Iterable):
        raise InvalidInput.worded("a message's impacts are a list of Impact")
    found = list(values)
    if not found or not all(isinstance(i, Impact) for i in found):
        raise InvalidInput.worded("a message names the community impact: one or more Impact")
    return found


class Message(Aggregate):
    """A message against a threat: headline, audience, channel, body and impacts."""

    @classmethod
    def record(
        cls, *, threat: UUID, headline: str, audience: str, channel: str, impacts: object,
        on: date, actor: Actor, text: str | None = None, responses: object = (),
        reason: str | None = None,
    ) -> Message:
        """A message sent (or published) on ``on``."""
        (threat_id,) = ids(threat, term("threat it is about")) or (None,)
        if threat_id is None:
            raise InvalidInput.worded("a message is about a threat (its id)")
        return cls(
            threat_id=threat_id,
            name=no_personal_data(clean_name(headline, term("message's headline")),
                                  term("headline")),
            audience=no_personal_data(clean_name(audience, term("audience")), term("audience")),
            channel=clean_name(channel, term("channel")),
            impacts=[[i.measure.value, i.amount, i.where] for i in _impacts(impacts)],
            text=None if text is None else no_personal_data(
                clean_paragraphs(text, term("message's text")), term("message's text")),
            response_ids=list(ids(responses, term("responses it serves"))),
            on=require_date(on, term("day of the message")),
            actor=require_actor(actor), reason=clean_reason(reason),
        )

    @event("Recorded")
    def __init__(
        self, *, threat_id: UUID, name: str, audience: str, channel: str,
        impacts: list[list[Any]], text: str | None, response_ids: list[UUID], on: date,
        actor: Actor, reason: str | None,
    ) -> None:
        self.threat_id = threat_id
        self.name = name
        self.audience = audience
        self.channel = channel
        self.impacts = tuple(Impact(ImpactMeasure(m), n, w) for m, n, w in impacts)
        self.text = text
        self.response_ids = tuple(response_ids)
        self.on = on
