"""Commands and queries on caucuses: formed across unions, locals joining and leaving (members
counted), positions adopted, slates run in elections, campaigns supported.

``app.caucuses`` is a :class:`Caucuses`. Every command names its actor and takes an optional
reason; a refused command records nothing. A supported campaign is read through the campaigns'
public use cases only (``app.campaigns.get``), to check it exists.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_reading
from bargaining.domain.elections.caucus import Caucus
from bargaining.domain.elections.election import Election
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import term
from bargaining.domain.shared.vote import Vote

_CAUCUS = "caucus"


class CampaignReader(Protocol):
    """What caucuses ask of campaigns: whether one exists (``get`` raises
    ``RecordNotFound`` when it does not)."""

    def get(self, campaign_id: UUID) -> Any: ...


class Caucuses:
    """Cross-union caucuses."""

    def __init__(self, records: Records, campaigns: CampaignReader) -> None:
        self._records = records
        self._campaigns = campaigns

    def form(self, *, name: str, unions: list[str], on: date, origin: str | None = None,
             actor: Actor, reason: str | None = None) -> UUID:
        """A caucus of members of these unions, formed on ``on`` (out of ``origin``, a
        campaign or movement in words, where there was one). Returns its id."""
        caucus = Caucus.form(name=name, unions=unions, on=on, origin=origin, actor=actor,
                             reason=reason)
        self._records.save(caucus)
        return caucus.id

    def join(self, caucus: UUID, *, local: str, members: int, on: date, actor: Actor,
             reason: str | None = None) -> None:
        """A local joined on ``on``, with ``members`` members (a count: never a list of
        people)."""
        found = self.get(caucus)
        found.join(local=local, members=members, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def leave(self, caucus: UUID, *, local: str, on: date, actor: Actor,
              reason: str | None = None) -> None:
        """A local left on ``on``."""
        found = self.get(caucus)
        found.leave(local=local, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def count_members(self, caucus: UUID, *, local: str, members: int, on: date,
                      actor: Actor, reason: str | None = None) -> None:
        """A local's members counted again on ``on``."""
        found = self.get(caucus)
        found.count_members(local=local, members=members, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def enrol(self, caucus: UUID, *, person: str, on: date, actor: Actor,
              reason: str | None = None) -> None:
        """A member joined the caucus as themselves on ``on``; ``person`` is the opaque id the
        host knows them by (the host keeps who that is: never pass a name)."""
        found = self.get(caucus)
        found.enrol(person=person, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def withdraw(self, caucus: UUID, *, person: str, on: date, actor: Actor,
                 reason: str | None = None) -> None:
        """A member left the caucus on ``on``."""
        found = self.get(caucus)
        found.withdraw(person=person, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def adopt_position(self, caucus: UUID, *, title: str, on: date, vote: Vote | None = None,
                       actor: Actor, reason: str | None = None) -> None:
        """A position adopted on ``on``, by a carried ``vote`` held that day where there
        was one."""
        found = self.get(caucus)
        found.adopt_position(title=title, on=on, vote=vote, actor=actor, reason=reason)
        self._records.save(found)

    def run_slate(self, caucus: UUID, *, slate: str, election: UUID, on: date, actor: Actor,
                  reason: str | None = None) -> None:
        """The caucus runs ``slate`` in an election (its id, which must exist)."""
        found = self.get(caucus)
        load_reading(self._records, election, Election, term("election"))
        found.run_slate(slate=slate, election=election, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def support(self, caucus: UUID, *, campaign: UUID, on: date, actor: Actor,
                reason: str | None = None) -> None:
        """The caucus supports a campaign (its id, which must exist) from ``on``."""
        found = self.get(caucus)
        self._campaigns.get(campaign)
        found.support(campaign=campaign, on=on, actor=actor, reason=reason)
        self._records.save(found)

    def get(self, caucus: UUID, *, on: date | None = None, at: datetime | None = None,
            version: int | None = None) -> Caucus:
        """A caucus as recorded, or as it was on a day, known at a moment, or at a version
        (one at most)."""
        return load_reading(self._records, caucus, Caucus, _CAUCUS, on=on, at=at,
                            version=version)
