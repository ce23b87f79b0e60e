"""Plain-language summaries of erasures (who erased a person's data, on what day; the person
is not named: the erasure record holds nothing about them), of reads of people's data (by
whom, through what; the people are counted, not named) and of retention runs."""

from __future__ import annotations

from typing import Any

from bargaining.domain.people.access import PersonalDataRead
from bargaining.domain.people.erasure import Erasure
from bargaining.domain.people.retention import RetentionRun
from bargaining.presentation.wording import Names, SummaryTable, by

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
E: Any = Erasure


@TABLE.summary(E.Erased)
def _erased(e: Any, names: Names) -> str:
    return f"A person's data erased on {e.on}, recorded {by(e.actor)}"


@TABLE.summary(E.ErasedAgain)
def _again(e: Any, names: Names) -> str:
    return (f"A person's data recorded since their erasure erased on {e.on}, recorded "
            f"{by(e.actor)}")


for _cls in (E.Erased, E.ErasedAgain):
    TABLE.dated(_cls, lambda e: e.on)


P: Any = PersonalDataRead
RR: Any = RetentionRun


@TABLE.summary(P.Recorded)
def _read(e: Any, names: Names) -> str:
    whose = "one person's data" if len(e.people) == 1 else f"{len(e.people):,} people's data"
    return f"{whose} read through the {e.through} on {e.on} {by(e.actor)}"


@TABLE.summary(RR.Applied)
def _retention(e: Any, names: Names) -> str:
    whose = "one person" if len(e.erased) == 1 else f"{len(e.erased):,} people"
    return (f"Retention run on {e.on}: {whose} inactive for {e.inactive_days:,} days (last "
            f"active before {e.cutoff}) erased, recorded {by(e.actor)}")


for _cls in (P.Recorded, RR.Applied):
    TABLE.dated(_cls, lambda e: e.on)
