"""What every summary module shares: the table each fills with its summaries, the aggregates'
event classes read as ``Any``, and the phrasings summaries have in common (who acted, counts,
lists, votes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any
from uuid import UUID

from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.coordination.cluster import BargainingCluster
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.frameworks.framework import DemandFramework
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.vote import Vote
from bargaining.domain.units.unit import BargainingUnit

#: Resolves another record's id to its display name (a unit's label, a cluster's name ...).
Names = Callable[[UUID], str]
Summary = Callable[[Any, Names], str]
#: Reads the real-world date of an event's fact.
DateOf = Callable[[Any], date | None]

# Event classes are made at run time by eventsourcing's @event, so type checkers cannot see
# them as attributes: these aliases read them as Any.
U: Any = BargainingUnit
F: Any = DemandFramework
C: Any = BargainingCluster
R: Any = BargainingRound
K: Any = Campaign


class SummaryTable:
    """Summaries and real-world dates by event class, as one module registers them.

    Each summary module fills a table of its own as it is defined, and the public module
    ``summaries`` joins the tables: what is registered never depends on which module was
    imported first, and an event class summarized in two modules is refused."""

    def __init__(self) -> None:
        self.summaries: dict[type[Any], Summary] = {}
        self.dates: dict[type[Any], DateOf] = {}

    def summary(self, *classes: type[Any]) -> Callable[[Summary], Summary]:
        """Register the decorated function as the summary of events of these classes."""

        def register(how: Summary) -> Summary:
            for cls in classes:
                self.summaries[cls] = how
            return how

        return register

    def dated(self, cls: type[Any], when: DateOf) -> None:
        """Events of this class carry the real-world date of their fact: ``when`` reads it."""
        self.dates[cls] = when

    @classmethod
    def joined(cls, *tables: SummaryTable) -> SummaryTable:
        """One table holding all of several."""
        whole = cls()
        for table in tables:
            twice = (whole.summaries.keys() & table.summaries.keys()) | (
                whole.dates.keys() & table.dates.keys())
            if twice:
                names = ", ".join(sorted(c.__qualname__ for c in twice))
                raise ValueError(f"event classes summarized twice: {names}")
            whole.summaries.update(table.summaries)
            whole.dates.update(table.dates)
        return whole


def by(actor: Actor | None) -> str:
    """'by the data steward': the actor's role, which is what organizers recognise."""
    if actor is None:
        return ""
    role = actor.role
    if role.casefold().startswith(("the ", "a ", "an ")):
        return f"by {role}"
    return f"by the {role}"


def listing(items: Iterable[str]) -> str:
    """Items in one line, separated by commas."""
    return ", ".join(items)


def count_of(number: int, what: str) -> str:
    """A count with its noun, plural unless the count is one, thousands separated."""
    return f"{number:,} {what}{'' if number == 1 else 's'}"


def vote_text(vote: Vote) -> str:
    """A vote in one phrase: the day it was held, its tally, and whether it carried."""
    t = vote.tally
    outcome = "carried" if vote.passed else "failed"
    return (f"vote held {vote.held_on}: {t.yes:,} yes, {t.no:,} no of {t.cast:,} cast "
            f"({t.eligible:,} eligible), {outcome}")
