"""The legal conditions a strike day can break, derived whenever it is read.

A strike is a fact and is recorded whatever the law says; it carries a flag when, on that day,
a law covering the unit that bans strikes, imposes a contract or orders a return to work was in
force (``LAW_IN_FORCE``), or when the unit's jurisdiction has a strike position rule and the
unit had not reached its legal strike position (``BEFORE_LEGAL_STRIKE_POSITION``). The flags
depend on the laws and interventions as known when read: given the records as they stood at a
moment, they say what was known then.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from uuid import UUID

from bargaining.domain.disputes.law import Law
from bargaining.domain.disputes.strike_position import DatedFact, StrikePositionRule
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import term
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, phrases, word
from bargaining.domain.shared.phrases import day as phrase_day


def law_flags(unit_id: UUID, day: date, laws: Iterable[Law]) -> list[Flag]:
    """A ``LAW_IN_FORCE`` flag for each law covering the unit, barring strikes and in force on
    ``day``; the flag names the law, what it does and when it passed."""
    return law_flags_by_day(unit_id, [day], laws)[day]


def law_flags_by_day(
    unit_id: UUID, days: Iterable[date], laws: Iterable[Law]
) -> dict[date, list[Flag]]:
    """:func:`law_flags` for each of these days, asking each law once whether it covers the
    unit (a law may name thousands)."""
    wanted = [require_date(day, term("strike day")) for day in days]
    covering = [law for law in laws if law.covers(unit_id) and law.bars_strikes]
    return {day: [
        Flag.worded(FlagRule.LAW_IN_FORCE, Phrase.of(
            mark("{law} ({region}: {effects}) was in force on {day}, having passed on "
                 "{passed_on}"), law=law.name, region=law.region,
            effects=phrases(Phrase.of(mark("{effect}"), effect=word(e.value))
                            for e in law.effects),
            day=phrase_day(day), passed_on=phrase_day(law.passed_on)))
        for law in covering if law.in_force_on(day)
    ] for day in wanted}


def position_flags(
    unit_id: UUID, day: date, rule: StrikePositionRule | None, interventions: Iterable[DatedFact]
) -> list[Flag]:
    """A ``BEFORE_LEGAL_STRIKE_POSITION`` flag when the unit's jurisdiction has a rule and the
    unit had not reached its legal strike position on ``day``; none without a rule."""
    require_date(day, term("strike day"))
    if rule is None:
        return []
    position = rule.position(unit_id, interventions, day)
    if position.reached_by(day):
        return []
    return [Flag.worded(FlagRule.BEFORE_LEGAL_STRIKE_POSITION, Phrase.of(
        mark("struck on {day}: {why}"), day=phrase_day(day), why=position.phrase))]
