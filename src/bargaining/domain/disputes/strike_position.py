"""Legal strike positions: when a unit may lawfully strike, by its jurisdiction's rules.

In Ontario, for example, a unit reaches a legal strike position on the 17th day after the
Minister releases a "no board" report; some sectors also need a strike notice served days
before. Rules vary by jurisdiction, so a host configures its own calendar, as it does the
open-period calendar (:class:`~bargaining.domain.units.open_period.OpenPeriodCalendar`); a
region without a rule raises no flag. Nothing here is legal advice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Protocol
from uuid import UUID

import attrs

from bargaining.domain.disputes.intervention import InterventionKind
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, figure, word
from bargaining.domain.shared.phrases import day as phrase_day


class DatedFact(Protocol):
    """What a rule reads of an intervention: its kind, day and the units it covers."""

    @property
    def kind(self) -> InterventionKind: ...

    @property
    def on(self) -> date: ...

    def covers(self, unit_id: UUID) -> bool: ...


def _days(value: object, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput.worded("{what} must be a whole number of days, 0 or more, not {value}",
                                  what=what, value=repr(value))


@attrs.frozen
class StrikePositionRule:
    """A unit reaches a legal strike position ``days`` after the latest intervention of kind
    ``after`` that covers it (Ontario: 17 days after a "no board" report) and, where
    ``notice_days`` is set, no sooner than that many days after a strike notice served since."""

    name: str
    days: int
    after: InterventionKind = InterventionKind.NO_BOARD_REPORT
    notice_days: int | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InvalidInput.worded("a strike position rule needs a name")
        if not isinstance(self.after, InterventionKind):
            raise InvalidInput.worded("strike position rule '{name}': 'after' is an "
                                      "InterventionKind, such as InterventionKind.NO_BOARD_REPORT",
                                      name=self.name)
        _days(self.days, f"strike position rule '{self.name}': its days")
        if self.notice_days is not None:
            _days(self.notice_days, f"strike position rule '{self.name}': its notice days")

    def position(
        self, unit_id: UUID, interventions: Iterable[DatedFact], day: date
    ) -> StrikePosition:
        """Whether the unit was in a legal strike position on ``day``, from the interventions
        covering it recorded on or before that day, and why (naming the dates)."""
        facts = [i for i in interventions if i.covers(unit_id) and i.on <= day]
        triggers = [i.on for i in facts if i.kind is self.after]
        rule = word(self.name)
        if not triggers:
            return StrikePosition.worded(None, Phrase.of(
                mark("no {intervention} covering the unit is recorded on or before {day} "
                     "({rule})"), intervention=word(self.after.noun), day=phrase_day(day),
                rule=rule))
        start = max(triggers)
        legal = start + timedelta(days=self.days)
        why = Phrase.of(mark("the {intervention} of {start} gives a legal strike position on "
                             "{legal}"), intervention=word(self.after.noun),
                        start=phrase_day(start), legal=phrase_day(legal))
        if self.notice_days is not None:
            notices = sorted(i.on for i in facts
                             if i.kind is InterventionKind.STRIKE_NOTICE and i.on >= start)
            if not notices:
                return StrikePosition.worded(None, Phrase.of(
                    mark("{why}, and no strike notice was served since ({rule})"), why=why,
                    rule=rule))
            after_notice = notices[0] + timedelta(days=self.notice_days)
            if after_notice > legal:
                legal = after_notice
                why = Phrase.of(mark("the strike notice of {notice} gives a legal strike "
                                     "position on {legal} ({days} days' notice)"),
                                notice=phrase_day(notices[0]), legal=phrase_day(legal),
                                days=figure(self.notice_days))
        return StrikePosition.worded(legal, Phrase.of(mark("{why} ({rule})"), why=why,
                                                      rule=rule))


@attrs.frozen
class StrikePosition:
    """The day a unit's legal strike position began (``None``: not reached), and why."""

    legal_from: date | None
    why: str
    wording: Phrase | None = attrs.field(default=None, eq=False)  # why, read in any language

    @classmethod
    def worded(cls, legal_from: date | None, why: Phrase) -> StrikePosition:
        """A position whose why is a phrase, read in the reader's language."""
        return cls(legal_from, why.english(), why)

    @property
    def phrase(self) -> Phrase:
        """Why, as a phrase (a position built with English words only: those words)."""
        return self.wording if self.wording is not None else Phrase.of("{why}", why=self.why)

    def reached_by(self, day: date) -> bool:
        return self.legal_from is not None and self.legal_from <= day


@attrs.frozen
class StrikePositionCalendar:
    """Strike position rules per jurisdiction (a province or state code as units record it),
    with a default rule for jurisdictions not listed (``None``: no rule, no flag)."""

    jurisdictions: Mapping[str, StrikePositionRule] = attrs.field(factory=dict)
    default: StrikePositionRule | None = None

    @classmethod
    def build(
        cls,
        jurisdictions: Mapping[str, StrikePositionRule] | None = None,
        default: StrikePositionRule | None = None,
    ) -> StrikePositionCalendar:
        """A calendar from rules by jurisdiction code ("ON": :data:`ONTARIO_RULE`), with a
        default for the others (``None``: no rule)."""
        table: dict[str, StrikePositionRule] = {}
        seen: dict[str, str] = {}
        for code, rule in (jurisdictions or {}).items():
            if not isinstance(code, str):
                raise InvalidInput.worded("a jurisdiction is named by its code (text), not {code}",
                                          code=repr(code))
            key = " ".join(code.split()).casefold()
            if not key:
                raise InvalidInput.worded("a jurisdiction in the strike position calendar needs "
                                          "a code")
            if key in seen:
                raise InvalidInput.worded("the calendar names one jurisdiction twice: '{seen}' "
                                          "and '{code}'", seen=seen[key], code=code)
            if not isinstance(rule, StrikePositionRule):
                raise InvalidInput.worded("the rule for '{code}' must be a StrikePositionRule",
                                          code=code)
            seen[key] = code
            table[key] = rule
        if default is not None and not isinstance(default, StrikePositionRule):
            raise InvalidInput.worded("the default rule must be a StrikePositionRule or None")
        return cls(jurisdictions=table, default=default)

    def rule_for(self, jurisdiction: str) -> StrikePositionRule | None:
        """The rule of a jurisdiction (its code, whatever its case and spacing), else the
        default (``None``: no rule, so no strike position flag)."""
        key = " ".join(str(jurisdiction).split()).casefold()
        return self.jurisdictions.get(key, self.default)


#: Ontario's rule: a legal strike position on the 17th day after a "no board" report.
ONTARIO_RULE = StrikePositionRule("Ontario: 17 days after a 'no board' report", days=17)
#: An example calendar with Ontario's rule and none for other jurisdictions.
EXAMPLE_STRIKE_POSITIONS = StrikePositionCalendar.build({"ON": ONTARIO_RULE})
