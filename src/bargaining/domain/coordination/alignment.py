"""Alignment: which members of a cluster are on its target expiry, and what term would bring
the others there.

A cluster aims for a common expiry (``target_alignment``: the UAW aligned its three Big Three
agreements on April 30, 2028). Each member's *current* expiry is read against it, and so is the
expiry of a tentative agreement the member has reached but not yet ratified: does it land on
the target? For a member not on it, :func:`plan_alignment` proposes what would bring it there:

* **a term**: one agreement from the day after the current one expires to the target date,
  when that term is between ``shortest`` and ``longest`` months (12 and 60 by default);
* **a bridge**: when the gap is shorter than ``shortest``, a short bridge agreement covering
  it; when it is longer than ``longest``, a bridge agreement first, then a full term of
  ``longest`` months ending on the target;
* nothing it can propose when the current agreement runs past the target date: the member can
  land on it only by reopening its agreement or at the cluster's next target.

These are pure functions of dates: the application reads each unit's agreements and rounds.
"""

from __future__ import annotations

import calendar
import enum
from datetime import date, timedelta
from uuid import UUID

import attrs

from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.language import format_day, mark, translate
from bargaining.domain.shared.phrases import Phrase, count, day, phrases


class PlanKind(enum.Enum):
    """What the planner proposes."""

    TERM = "term"
    BRIDGE = "bridge"
    PAST_TARGET = "past target"


def _months_and_days(start: date, end: date) -> tuple[int, int]:
    """The whole months and the days left from ``start`` to ``end`` inclusive (an agreement
    from 2026-04-01 to 2028-04-30 runs 25 months and 0 days)."""
    after = end + timedelta(days=1)
    months = (after.year - start.year) * 12 + after.month - start.month
    if _add_months(start, months) > after:
        months -= 1
    return months, (after - _add_months(start, months)).days


def _add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the last day of a shorter month)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def describe_length(start: date, end: date) -> str:
    """An agreement's length in words: '2 years and 1 month', '8 months and 3 days'."""
    months, days = _months_and_days(start, end)
    years, months = divmod(months, 12)
    parts = [f"{n} {word}{'s' if n != 1 else ''}"
             for n, word in ((years, "year"), (months, "month"), (days, "day")) if n]
    if not parts:
        return "0 days"
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


_LENGTH_WORDS = ((mark("{count} year"), mark("{count} years")),
                 (mark("{count} month"), mark("{count} months")),
                 (mark("{count} day"), mark("{count} days")))


def length_phrase(start: date, end: date) -> Phrase:
    """An agreement's length as a phrase (its English is :func:`describe_length`'s)."""
    months, days = _months_and_days(start, end)
    years, months = divmod(months, 12)
    parts = [Phrase.of(one if n == 1 else many, count=count(n))
             for n, (one, many) in zip((years, months, days), _LENGTH_WORDS, strict=True) if n]
    if not parts:
        return Phrase.of(mark("0 days"))
    if len(parts) == 1:
        return parts[0]
    return Phrase.of(mark("{parts} and {last}"), parts=phrases(parts[:-1]), last=parts[-1])


@attrs.frozen
class Period:
    """An agreement the planner proposes: from ``effective`` to ``expiry``, both inclusive."""

    effective: date
    expiry: date

    def explain(self) -> str:
        """'2 years and 1 month, from 2026-04-01 to 2028-04-30' (in the reader's language)."""
        return self.phrase().read()

    def phrase(self) -> Phrase:
        return Phrase.of(mark("{length}, from {effective} to {expiry}"),
                         length=length_phrase(self.effective, self.expiry),
                         effective=day(self.effective), expiry=day(self.expiry))


@attrs.frozen
class AlignmentPlan:
    """What would bring a member onto the target date: a term, a bridge (and the term after
    it), or nothing while its agreement runs past the target."""

    kind: PlanKind
    agreements: tuple[Period, ...]
    explanation: str
    #: The explanation as a phrase, read in the reader's language by :attr:`explained`.
    wording: Phrase | None = None

    @classmethod
    def worded(cls, kind: PlanKind, agreements: tuple[Period, ...], why: Phrase) -> AlignmentPlan:
        return cls(kind, agreements, why.english(), why)

    @property
    def explained(self) -> str:
        """The plan in the reader's language."""
        return self.wording.read() if self.wording is not None else self.explanation


def plan_alignment(
    expiry: date | None, target: date, *, shortest: int = 12, longest: int = 60,
    starting: date | None = None,
) -> AlignmentPlan | None:
    """The term (or bridge agreement) that would bring a member whose agreement expires on
    ``expiry`` onto the ``target`` date; ``None`` when it is already on it.

    The next agreement takes effect the day after ``expiry``; a member with no recorded
    agreement starts on ``starting`` (required then). ``shortest`` and ``longest`` are the
    lengths, in months, of a term the cluster would propose."""
    target = require_date(target, term("target alignment date"))
    if not (isinstance(shortest, int) and isinstance(longest, int) and 0 < shortest <= longest):
        raise InvalidInput.worded("the shortest and longest terms are months, shortest first")
    if expiry is not None:
        expiry = require_date(expiry, term("current expiry"))
        if expiry == target:
            return None
        if expiry > target:
            return AlignmentPlan.worded(PlanKind.PAST_TARGET, (), Phrase.of(
                mark("its agreement expires {expiry}, after the target {target}: it lands on the "
                     "target only by reopening its agreement, or at the cluster's next target"),
                expiry=day(expiry), target=day(target)))
        start = expiry + timedelta(days=1)
    elif starting is None:
        raise InvalidInput.worded("a member with no recorded agreement needs the day its next "
                                  "one would start")
    else:
        start = require_date(starting, term("day the next agreement would start"))
        if start > target:
            raise InvalidInput.worded("the next agreement would start {start}, after the target "
                                      "{target}", start=start, target=target)
    months, days = _months_and_days(start, target)
    whole = Period(start, target)
    if shortest <= months and (months < longest or (months == longest and days == 0)):
        return AlignmentPlan.worded(PlanKind.TERM, (whole,), Phrase.of(
            mark("a term of {period}, lands on the target"), period=whole.phrase()))
    if months < shortest:
        return AlignmentPlan.worded(PlanKind.BRIDGE, (whole,), Phrase.of(
            mark("a bridge agreement of {period} (shorter than a {shortest}-month term), lands "
                 "on the target"), period=whole.phrase(), shortest=str(shortest)))
    full_start = _add_months(target + timedelta(days=1), -longest)
    bridge, full = Period(start, full_start - timedelta(days=1)), Period(full_start, target)
    return AlignmentPlan.worded(PlanKind.BRIDGE, (bridge, full), Phrase.of(
        mark("a bridge agreement of {bridge}, then a term of {full}, lands on the target (one "
             "term would run {length}, longer than {longest} months)"), bridge=bridge.phrase(),
        full=full.phrase(), length=length_phrase(start, target), longest=str(longest)))


@attrs.frozen
class MemberAlignment:
    """A member's current expiry against the cluster's target date, whether a tentative
    agreement it reached (not yet ratified) lands on it, and what would bring it there."""

    unit_id: UUID
    label: str
    expiry: date | None
    target: date
    tentative_expiry: date | None = None
    plan: AlignmentPlan | None = None
    withdrawn: bool = False

    @property
    def aligned(self) -> bool:
        """Its current agreement expires on the target date."""
        return self.expiry == self.target

    @property
    def tentative_lands(self) -> bool | None:
        """Whether its tentative agreement expires on the target (``None``: it has none)."""
        return None if self.tentative_expiry is None else self.tentative_expiry == self.target

    def explain(self) -> str:
        """'Ford: expires 2028-04-30, on the target 2028-04-30'."""
        values = {"label": self.label, "expiry": format_day(self.expiry),
                  "target": format_day(self.target)}
        if self.aligned:
            text = translate("{label}: expires {expiry}, on the target {target}", **values)
        elif self.expiry:
            text = translate("{label}: expires {expiry}, not on the target {target}", **values)
        else:
            text = translate("{label}: no recorded agreement, not on the target {target}",
                             **values)
        if self.tentative_expiry is not None:
            tentative = format_day(self.tentative_expiry)
            text += (translate("; its tentative agreement expires {tentative} and lands on it",
                               tentative=tentative) if self.tentative_lands else
                     translate("; its tentative agreement expires {tentative} and misses it",
                               tentative=tentative))
        elif self.plan is not None:
            text += translate("; {plan}", plan=self.plan.explained)
        return text


def align_member(
    unit_id: UUID, label: str, expiry: date | None, target: date, *,
    tentative_expiry: date | None = None, withdrawn: bool = False, starting: date | None = None,
) -> MemberAlignment:
    """A member's alignment, with the planner's proposal when it is not on the target (none
    needed while a tentative agreement that lands on it awaits ratification; none possible for
    a member with no agreement and no ``starting`` day)."""
    plan = None
    if expiry != target and tentative_expiry != target and (expiry or starting):
        plan = plan_alignment(expiry, target, starting=starting)
    return MemberAlignment(unit_id, label, expiry, target, tentative_expiry, plan, withdrawn)
