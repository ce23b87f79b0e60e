"""Job actions as facts: the rules a walkout can break, and each unit's strikes with their flags.

A strike or walkout happened, so it is always recorded; when it breaks a rule it carries a
:class:`~bargaining.domain.shared.flags.Flag` naming the rule and why. The campaign's own rules
are judged from its record as it stood on the day the unit walked out: a valid strike mandate
(the latest strike vote covering the unit carried by the ladder's mandate rule), the campaign on
its strike rung or above, and not paused. The unit's collective agreement in force that day is
judged from the agreements the application reads from the units context; laws in force and the
legal strike position come from outside the campaign (the host's ``StrikeConditions``). The
campaign's own rules are judged on the day a spell began; the outside ones on every day it kept
the unit out, as a law may pass while a unit is on strike.

A walkout's event keeps the flags the library saw when it was recorded (the audit trail);
:func:`job_actions` derives them again from the record as known at a later moment, so a law
repealed and deemed never in force drops its flag while the stored event still shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from fractions import Fraction
from uuid import UUID

import attrs

from bargaining.domain.campaigns import queries
from bargaining.domain.campaigns.counts import RecordedSpell
from bargaining.domain.campaigns.queries import CampaignRecord
from bargaining.domain.campaigns.timeline import CampaignStatus, last_on
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.flags import Flag, FlagRule
from bargaining.domain.shared.language import (
    Language,
    current_language,
    format_day,
    mark,
    translate,
)
from bargaining.domain.shared.phrases import Phrase, figure, word
from bargaining.domain.shared.phrases import day as phrase_day
from bargaining.domain.units.agreement import CollectiveAgreement, agreement_on

#: The rules the campaign judges from its own record; the others come from outside it.
OWN_RULES = frozenset({FlagRule.NO_VALID_MANDATE, FlagRule.BELOW_STRIKE_RUNG,
                       FlagRule.CAMPAIGN_PAUSED})


def own_flags(campaign: CampaignRecord, unit_id: UUID, on: date) -> list[Flag]:
    """The campaign's own rules a unit walking out on a day breaks, judged from the campaign's
    record as it stood that day: no valid strike mandate, below the strike rung, paused."""
    flags = []
    rule = queries.ladder_on(campaign, on).mandate_rule
    votes = queries.strike_votes(campaign, unit_id, on)
    if not votes:
        flags.append(Flag.worded(FlagRule.NO_VALID_MANDATE, Phrase.of(
            mark("no strike vote covering it was recorded by {on}"), on=phrase_day(on))))
    elif (why := votes[-1].why_not_valid_phrase(rule)) is not None:
        flags.append(Flag.worded(FlagRule.NO_VALID_MANDATE, Phrase.of(
            mark("its latest strike vote (number {number}, held {held_on}) {why}"),
            number=figure(votes[-1].number), held_on=phrase_day(votes[-1].vote.held_on), why=why)))
    ladder = queries.ladder_on(campaign, on)
    index, rung = queries.rung_on(campaign, on)
    strike = ladder.strike_index
    if strike is None:
        flags.append(Flag.worded(FlagRule.BELOW_STRIKE_RUNG, Phrase.of(
            mark("the campaign's ladder on {on} had no strike rung"), on=phrase_day(on))))
    elif index < strike:
        flags.append(Flag.worded(FlagRule.BELOW_STRIKE_RUNG, Phrase.of(
            mark("the campaign stood on '{rung}' on {on}; its strike rung is '{strike}'"),
            rung=word(rung.name), on=phrase_day(on), strike=word(ladder.rungs[strike].name))))
    status = last_on(campaign.statuses, on)
    if status.status is CampaignStatus.PAUSED:
        flags.append(Flag.worded(FlagRule.CAMPAIGN_PAUSED, Phrase.of(
            mark("the campaign was paused on {on} (since {since})"), on=phrase_day(on),
            since=phrase_day(status.on))))
    return flags


def agreement_flags(agreements: Iterable[CollectiveAgreement], on: date) -> list[Flag]:
    """A flag when the agreement the unit was working under on the day was in force: not
    expired, and already settled by then (:func:`~bargaining.domain.units.agreement.
    agreement_on`: one known only by its expiry began after the one before it). An expired
    agreement that carries over is not in force, nor is one settled later with a retroactive
    effective date (a strike often ends in one)."""
    settled = [a for a in agreements if a.settled is None or a.settled <= on]
    then = agreement_on(settled, on)
    if then is None or then.expiry < on:
        return []
    if then.effective is None:
        return [Flag.worded(FlagRule.AGREEMENT_IN_FORCE, Phrase.of(
            mark("its agreement unknown effective date to {expiry} was in force on {on}; its "
                 "effective date is not recorded"), expiry=phrase_day(then.expiry),
            on=phrase_day(on)))]
    return [Flag.worded(FlagRule.AGREEMENT_IN_FORCE, Phrase.of(
        mark("its agreement {effective} to {expiry} was in force on {on}"),
        effective=phrase_day(then.effective), expiry=phrase_day(then.expiry), on=phrase_day(on)))]


def require_flags(values: object, what: str) -> tuple[Flag, ...]:
    """Flags given from outside the campaign, each a :class:`Flag`."""
    if isinstance(values, Flag | str) or not isinstance(values, Iterable):
        raise InvalidInput.worded("{what} are a list of Flag", what=what)
    found = tuple(values)
    for flag in found:
        if not isinstance(flag, Flag):
            raise InvalidInput.worded("{what} are Flags, not {flag}", what=what, flag=repr(flag))
    return found


@attrs.frozen
class JobAction:
    """One spell of a unit on strike: the day it walked out, the day it was back at work
    (``None`` while still out), whether it was part of a day (for ``hours`` if known), the
    flags derived as known at the moment read, and the flags recorded with it."""

    unit_id: UUID
    label: str
    walked_out: date
    back_on: date | None
    part_day: bool
    hours: Fraction | None
    flags: tuple[Flag, ...]
    recorded_flags: tuple[Flag, ...]

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    def covers(self, on: date) -> bool:
        """Whether the unit was out on this day (a part-day walkout: that day only)."""
        if self.part_day:
            return on == self.walked_out
        return self.walked_out <= on and (self.back_on is None or on < self.back_on)

    def describe(self) -> str:
        """'CUPE OSBCU, … walked out on 2022-11-04, back on 2022-11-08; flagged: …', in the
        reader's language (English days as ISO, as released)."""
        walked_out = format_day(self.walked_out)
        if self.part_day:
            hours = (translate(", {hours} hours", hours=_hours(self.hours)) if self.hours
                     else "")
            text = translate("{label} walked out for part of {on}{hours}", label=self.label,
                             on=walked_out, hours=hours)
        elif self.back_on:
            text = translate("{label} walked out on {on}, back on {back}", label=self.label,
                             on=walked_out, back=format_day(self.back_on))
        else:
            text = translate("{label} walked out on {on}, still out", label=self.label,
                             on=walked_out)
        if self.flags:
            text += translate("; flagged: {why}",
                              why="; ".join(f.describe() for f in self.flags))
        return text


def _hours(hours: Fraction | None) -> str:
    """Hours as released in English (``2``, ``2.5``), with a decimal comma in French."""
    written = f"{float(hours or 0):g}"
    return written if current_language() is Language.ENGLISH else written.replace(".", ",")


#: Flags from outside the campaign for a unit on a day (the agreement rule, laws, the legal
#: strike position), as the application derives them.
OutsideFlags = Callable[[UUID, date], Sequence[Flag]]


def spell_days(start: date, back_on: date | None, until: date | None = None) -> list[date]:
    """The days a spell kept the unit out: from the walkout to the day before it was back;
    while still out, to ``until`` (the day it is read on). A part-day walkout is back the next
    day."""
    last = (back_on - timedelta(days=1)) if back_on is not None else (until or start)
    if last <= start:
        return [start]
    return [start + timedelta(days=n) for n in range((last - start).days + 1)]


def over_spell(outside: OutsideFlags, unit_id: UUID, start: date,
               back_on: date | None, until: date | None = None) -> list[Flag]:
    """The outside rules a spell broke: those broken on the day the unit walked out, and those
    broken later on two days running while it stayed out. A law that passed while the unit
    was out flags the spell when the unit was still out the day after; the day it passed is
    the unit's day to go back. Each rule is named once, with the earliest day's reason."""
    flags: list[Flag] = []
    before: set[FlagRule] = set()
    for n, day in enumerate(spell_days(start, back_on, until)):
        today = list(outside(unit_id, day))
        seen = {f.rule for f in flags}
        flags += [f for f in today
                  if f.rule not in seen and (n == 0 or f.rule in before)]
        before = {f.rule for f in today}
    return flags


def job_actions(
    campaign: CampaignRecord, spells: Iterable[RecordedSpell], outside: OutsideFlags | None = None,
    until: date | None = None,
) -> list[JobAction]:
    """Every unit's strike spells (as the campaign's participation history recorded them), by
    the day they began, each with its flags: the campaign's own rules judged from its record,
    and the rules outside it from ``outside`` (when not given, those recorded with the
    walkout) over the days each spell kept the unit out; a spell still under way is judged up
    to ``until`` (the day it is read on)."""
    found = []
    for spell in spells:
        recorded = spell.flags
        flags = own_flags(campaign, spell.unit_id, spell.start)
        if outside is None:
            flags += [f for f in recorded if f.rule not in OWN_RULES]
        back = None if spell.part_day else spell.end
        if outside is not None:
            flags += over_spell(outside, spell.unit_id, spell.start, spell.end, until)
        label = queries.label(campaign, spell.unit_id)
        found.append(JobAction(spell.unit_id, label, spell.start, back, spell.part_day,
                               spell.hours, tuple(flags), recorded))
    return sorted(found, key=lambda j: (j.walked_out, j.label))
