"""Terms, measures and wage figures as :class:`~bargaining.domain.shared.phrases.Phrase`:
what an evaluation's explanation is built from, so that it is kept as structure and read in
the reader's language. Each phrase's English is the sentence ``describe()`` writes (the
explanations stored before phrases existed read the same).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bargaining.domain.frameworks.figures import show_percent
from bargaining.domain.frameworks.measures import (
    Binds,
    CompoundIncrease,
    Protection,
    Quantity,
)
from bargaining.domain.frameworks.terms import (
    Clause,
    CostOfLiving,
    GreaterOf,
    Increases,
    Indexed,
    LumpSum,
    Progression,
    Raise,
    Raises,
    TierBasis,
    Tiered,
    Wage,
    Years,
)
from bargaining.domain.frameworks.wages import WageFigures
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import (
    Phrase,
    day,
    money,
    number,
    percent,
    percents,
    phrases,
    share,
    word,
)

#: A placeholder left empty.
NOTHING = ("text", "")
#: The unit a term's length is counted in.
YEARS = mark("years")


def term_phrase(value: Any, unit: str = "") -> Phrase:
    """A term in words: 'increases 2%, 2% compound to 4% over 2 years', '22 students'."""
    if isinstance(value, Tiered):
        return tiered_phrase(value, unit)
    if isinstance(value, Increases):
        return Phrase.of(mark("increases {listed} compound to {total} over {years} years"),
                         listed=percents(value.yearly), total=percent(value.total()),
                         years=number(len(value.yearly)))
    if isinstance(value, Raises):
        return raises_phrase(value)
    if isinstance(value, Progression):
        if value.before is None:
            return Phrase.of(mark("progression to the top rate in {years} years"),
                             years=number(value.value))
        return Phrase.of(mark("progression to the top rate in {years} years (from {before})"),
                         years=number(value.value), before=number(value.before))
    if isinstance(value, Clause):
        return Phrase.of(mark("the clause") if value.present else mark("no clause"))
    if isinstance(value, Years):
        return years_phrase(value.value)
    if unit:
        return Phrase.of(mark("{amount} {unit}"), amount=number(value.value), unit=word(unit))
    return Phrase.of(mark("{amount}"), amount=number(value.value))


def years_phrase(value: Decimal) -> Phrase:
    return Phrase.of(mark("a term of {years} years"), years=number(value))


def tiered_phrase(value: Tiered, unit: str = "") -> Phrase:
    incumbents = term_phrase(value.incumbents, unit)
    new_hires = term_phrase(value.new_hires, unit)
    if value.basis is TierBasis.HIRE_DATE and not value.group:
        return Phrase.of(mark("{incumbents} for incumbents, {new_hires} for those hired from "
                              "{hired_from}"), incumbents=incumbents, new_hires=new_hires,
                         hired_from=day(value.hired_from))
    return Phrase.of(mark("{incumbents} for most workers, {new_hires} for {second_tier} (a tier "
                          "by {basis})"), incumbents=incumbents, new_hires=new_hires,
                     second_tier=second_tier(value), basis=word(value.basis.value))


def second_tier(value: Tiered) -> Phrase:
    """Who the second tier is: the group the host named, or those hired from a day."""
    if value.group.strip():
        return Phrase.of(mark("{group}"), group=value.group.strip())
    return Phrase.of(mark("workers hired from {hired_from}"), hired_from=day(value.hired_from))


def step_phrase(step: Any, dated: bool = True) -> Phrase:
    """One raise on a date (``dated=False``: without its date, inside 'the greater of')."""
    if isinstance(step, GreaterOf):
        return Phrase.of(mark("the greater of {first} or {second} on {on}"),
                         first=step_phrase(step.first, dated=False),
                         second=step_phrase(step.second, dated=False), on=day(step.on))
    if isinstance(step, LumpSum):
        return Phrase.of(mark("a {amount} lump sum on {on} (paid once, outside the base)"),
                         amount=money(step.amount), on=day(step.on))
    if isinstance(step, CostOfLiving):
        if step.cap is None:
            return Phrase.of(mark("a cost-of-living adjustment of {share} of inflation each year "
                                  "from {on}"), share=share(step.share), on=day(step.on))
        return Phrase.of(mark("a cost-of-living adjustment of {share} of inflation each year "
                              "from {on}, at most {cap} a year"), share=share(step.share),
                         on=day(step.on), cap=percent(step.cap))
    plain = _undated_step(step)
    if not dated:
        return plain
    return Phrase.of(mark("{raise_} on {on}"), raise_=plain, on=day(step.on))


def _undated_step(step: Raise | Indexed) -> Phrase:
    if isinstance(step, Raise):
        if step.percent is not None:
            return Phrase.of(mark("{percent}"), percent=percent(step.percent))
        assert step.amount is not None and step.per is not None
        return Phrase.of(mark("{amount} a {per}"), amount=money(step.amount),
                         per=word(step.per.value))
    if step.margin == 0:
        index = Phrase.of(mark("CPI"))
    elif step.margin > 0:
        index = Phrase.of(mark("CPI + {margin}"), margin=percent(step.margin))
    else:
        index = Phrase.of(mark("CPI - {margin}"), margin=percent(abs(step.margin)))
    bounds = [Phrase.of(mark("at least {floor}"), floor=percent(step.floor))
              ] if step.floor is not None else []
    bounds += [Phrase.of(mark("at most {cap}"), cap=percent(step.cap))
               ] if step.cap is not None else []
    if not bounds:
        return index
    return Phrase.of(mark("{index} ({bounds})"), index=index, bounds=phrases(bounds))


def raises_phrase(value: Raises) -> Phrase:
    base = (Phrase.of(mark(" on a base of {amount} a {per}"), amount=money(value.base.amount),
                      per=word(value.base.per.value))
            if isinstance(value.base, Wage) else NOTHING)
    steps = [Phrase.of(mark("{step}, the term's last day"), step=step_phrase(step))
             if step.on == value.end else step_phrase(step) for step in value.steps]
    listed: Any = phrases(steps, "; ") if steps else Phrase.of(mark("no raise"))
    return Phrase.of(mark("raises from {start} to {end} ({years} years){base}: {listed}"),
                     start=day(value.start), end=day(value.end),
                     years=number(round(value.years, 1)), base=base, listed=listed)


def yearly_phrase(figures: WageFigures) -> Phrase | tuple[str, str]:
    """', 3.8% a year', or ', 3.8% a year compounded, but 0% a year earned over the term'."""
    yearly, earned = figures.yearly, figures.earned
    if earned is None or earned >= yearly or show_percent(earned) == show_percent(yearly):
        return Phrase.of(mark(", {yearly} a year"), yearly=percent(yearly))
    return Phrase.of(mark(", {yearly} a year compounded, but {earned} a year earned over the "
                          "term"), yearly=percent(yearly), earned=percent(earned))


def real_phrase(figures: WageFigures) -> Phrase | tuple[str, str]:
    """'; against 16.4% projected inflation: real wages fall 6.1% (1.2% a year)'."""
    if figures.inflation is None or figures.real is None or figures.real_yearly is None:
        return NOTHING
    what = (Phrase.of(mark("{source} inflation"), source=figures.inflation_source)
            if figures.inflation_source else Phrase.of(mark("inflation")))
    values = {"inflation": percent(figures.inflation), "what": what}
    if figures.real == 0:
        return Phrase.of(mark("; against {inflation} {what}: real wages hold"), **values)
    values |= {"real": percent(abs(figures.real)),
               "real_yearly": percent(abs(figures.real_yearly))}
    if figures.real > 0:
        return Phrase.of(mark("; against {inflation} {what}: real wages rise {real} "
                              "({real_yearly} a year)"), **values)
    return Phrase.of(mark("; against {inflation} {what}: real wages fall {real} "
                          "({real_yearly} a year)"), **values)


def measure_phrase(measure: Any) -> Phrase:
    """What a demand asks, as in 'the terms say nothing on {measure}'."""
    if isinstance(measure, CompoundIncrease):
        values = {"floor": percent(measure.floor), "target": percent(measure.target)}
        if measure.binds is Binds.TERM:
            return Phrase.of(mark("increases compounding to at least {floor} over the term "
                                  "(target {target})"), **values)
        if measure.binds is Binds.PERIOD:
            return Phrase.of(mark("increases of at least {floor} over {years} years (target "
                                  "{target})"), years=number(measure.years or Decimal(0)),
                             **values)
        if measure.binds is Binds.YEARLY:
            return Phrase.of(mark("increases of at least {floor} a year (target {target})"),
                             **values)
        return Phrase.of(mark("increases of at least {floor} a year above inflation (target "
                              "{target})"), **values)
    if isinstance(measure, Quantity):
        values = {"floor": number(measure.floor), "target": number(measure.target),
                  "unit": word(measure.unit)}
        if measure.more_is_better:
            return Phrase.of(mark("at least {floor} {unit} (target {target})"), **values)
        return Phrase.of(mark("at most {floor} {unit} (target {target})"), **values)
    if isinstance(measure, Protection):
        return Phrase.of(mark("the clause '{clause}'"), clause=word(measure.clause))
    return Phrase.of(mark("a term of at most {floor} years (target {target})"),
                     floor=number(measure.floor), target=number(measure.target))
