"""Plain-language summaries of erasures: who erased a person's data, on what day. The person
is not named (the erasure record holds nothing about them)."""

from __future__ import annotations

from typing import Any

from bargaining.domain.people.erasure import Erasure
from bargaining.domain.shared.language import format_day, translate
from bargaining.presentation.wording import Names, SummaryTable, by

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
E: Any = Erasure


@TABLE.summary(E.Erased)
def _erased(e: Any, names: Names) -> str:
    return translate("A person's data erased on {on}, recorded {by}", on=format_day(e.on),
                     by=by(e.actor))


@TABLE.summary(E.ErasedAgain)
def _again(e: Any, names: Names) -> str:
    return translate("A person's data recorded since their erasure erased on {on}, recorded "
                     "{by}", on=format_day(e.on), by=by(e.actor))


for _cls in (E.Erased, E.ErasedAgain):
    TABLE.dated(_cls, lambda e: e.on)
