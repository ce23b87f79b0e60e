"""Plain-language summaries of erasures and redactions: who erased a person's data or redacted
free text, on what day. The person is not named, nor the text (neither record holds them)."""

from __future__ import annotations

from typing import Any

from bargaining.domain.people.erasure import Erasure
from bargaining.domain.people.redaction import Redaction
from bargaining.presentation.wording import Names, SummaryTable, by

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
E: Any = Erasure
R: Any = Redaction


@TABLE.summary(E.Erased)
def _erased(e: Any, names: Names) -> str:
    return f"A person's data erased on {e.on}, recorded {by(e.actor)}"


@TABLE.summary(E.ErasedAgain)
def _again(e: Any, names: Names) -> str:
    return (f"A person's data recorded since their erasure erased on {e.on}, recorded "
            f"{by(e.actor)}")


@TABLE.summary(R.Redacted)
def _redacted(e: Any, names: Names) -> str:
    return (f"The free text of version {e.version} of record {e.record} redacted on {e.on} "
            f"({e.ground.value}), recorded {by(e.actor)}")


for _cls in (E.Erased, E.ErasedAgain, R.Redacted):
    TABLE.dated(_cls, lambda e: e.on)
