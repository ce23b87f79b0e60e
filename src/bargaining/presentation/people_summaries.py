"""Plain-language summaries of erasures and redactions (who erased a person's data or redacted
free text, on what day; the person is not named, nor the text: neither record holds them), of
reads of people's data (by whom, through what; the people are counted, not named) and of
retention runs."""

from __future__ import annotations

from typing import Any

from bargaining.domain.people.access import PersonalDataRead
from bargaining.domain.people.erasure import Erasure
from bargaining.domain.people.redaction import Redaction
from bargaining.domain.people.retention import RetentionRun
from bargaining.domain.shared.language import format_day, format_number, gettext, plural, translate
from bargaining.presentation.wording import Names, SummaryTable, by

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
E: Any = Erasure
R: Any = Redaction


@TABLE.summary(E.Erased)
def _erased(e: Any, names: Names) -> str:
    return translate("A person's data erased on {on}, recorded {by}", on=format_day(e.on),
                     by=by(e.actor))


@TABLE.summary(E.ErasedAgain)
def _again(e: Any, names: Names) -> str:
    return translate("A person's data recorded since their erasure erased on {on}, recorded "
                     "{by}", on=format_day(e.on), by=by(e.actor))


@TABLE.summary(R.Redacted)
def _redacted(e: Any, names: Names) -> str:
    return translate("The free text of version {version} of {record} redacted on {on} ({why}), "
                     "recorded {by}", version=e.version, record=names(e.record),
                     on=format_day(e.on), why=gettext(e.ground.value), by=by(e.actor))


for _cls in (E.Erased, E.ErasedAgain, R.Redacted):
    TABLE.dated(_cls, lambda e: e.on)


P: Any = PersonalDataRead
RR: Any = RetentionRun


@TABLE.summary(P.Recorded)
def _read(e: Any, names: Names) -> str:
    return plural("one person's data read through the {through} on {on} {by}",
                  "{count} people's data read through the {through} on {on} {by}",
                  len(e.people), through=gettext(e.through), on=format_day(e.on),
                  by=by(e.actor))


@TABLE.summary(RR.Applied)
def _retention(e: Any, names: Names) -> str:
    return plural("Retention run on {on}: one person inactive for {days} days (last active "
                  "before {cutoff}) erased, recorded {by}",
                  "Retention run on {on}: {count} people inactive for {days} days (last active "
                  "before {cutoff}) erased, recorded {by}",
                  len(e.erased), on=format_day(e.on), days=format_number(e.inactive_days),
                  cutoff=format_day(e.cutoff), by=by(e.actor))


for _cls in (P.Recorded, RR.Applied):
    TABLE.dated(_cls, lambda e: e.on)
