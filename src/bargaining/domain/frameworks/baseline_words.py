"""How a judgement against the agreement in force words its terms, clauses and agreement, as
phrases read in the reader's language (kept apart from :mod:`.baseline`, which judges). Each
phrase's English is the sentence the judgement wrote before phrases.
"""

from __future__ import annotations

from typing import Any

from bargaining.domain.frameworks.clauses import ContractClause, InForce
from bargaining.domain.frameworks.evaluation import score
from bargaining.domain.frameworks.inflation import Inflation
from bargaining.domain.frameworks.measures import Binds, CompoundIncrease, Measure, Quantity
from bargaining.domain.frameworks.terms import Clause, Increases, Progression, Raises, Tiered, Years
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, day, number, percent, word


def agreement_phrase(agreement: InForce) -> Phrase | None:
    """The agreement in force as a phrase, when it is a collective agreement with its days
    (its English is ``CollectiveAgreement.describe()``)."""
    effective, expiry = getattr(agreement, "effective", None), getattr(agreement, "expiry", None)
    if expiry is None or agreement.describe() != _agreement_english(effective, expiry):
        return None
    if effective is None:
        return Phrase.of(mark("agreement unknown effective date to {expiry}"), expiry=day(expiry))
    return Phrase.of(mark("agreement {effective} to {expiry}"), effective=day(effective),
                     expiry=day(expiry))


def _agreement_english(effective: Any, expiry: Any) -> str:
    start = effective.isoformat() if effective else "unknown effective date"
    return f"agreement {start} to {expiry.isoformat()}"


def figure_phrase(value: Any, unit: str) -> Phrase:
    """A figure with its unit: '4.1 hours of care per resident day'."""
    if unit.strip():
        return Phrase.of(mark("{amount} {unit}"), amount=number(value), unit=word(unit))
    return Phrase.of(mark("{amount}"), amount=number(value))


def clause_phrase(clause: ContractClause) -> Phrase:
    """'the contracting-out clause', 'the staffing ratio clause (4.1 hours of care …)'."""
    if clause.standard is None:
        return Phrase.of(mark("the {name} clause"), name=word(clause.name))
    return Phrase.of(mark("the {name} clause ({figure})"), name=word(clause.name),
                     figure=figure_phrase(clause.standard, clause.unit))


def describe_phrase(value: Any, measure: Measure | None, inflation: Inflation | None) -> Phrase:
    """A term as the judgement compares it: a wage by its rate, a progression by its years."""
    if isinstance(value, Tiered):
        return Phrase.of(mark("{first} for most workers, {second} for {group}"),
                         first=describe_phrase(value.incumbents, measure, inflation),
                         second=describe_phrase(value.new_hires, measure, inflation),
                         group=value.second_tier)
    if isinstance(value, Increases | Raises):
        wage = measure if isinstance(measure, CompoundIncrease) else None
        rate = percent(score(wage or CompoundIncrease(0, 0, binds=Binds.YEARLY), value,
                             inflation))
        if wage is not None and wage.binds is Binds.TERM:
            return Phrase.of(mark("{rate} over the term"), rate=rate)
        if wage is not None and wage.binds is Binds.REAL and inflation is not None:
            return Phrase.of(mark("{rate} a year above inflation"), rate=rate)
        return Phrase.of(mark("{rate} a year"), rate=rate)
    if isinstance(value, Clause):
        return Phrase.of(mark("the clause") if value.present else mark("no clause"))
    if isinstance(value, Progression):
        return Phrase.of(mark("{years} years to the top rate"), years=number(value.value))
    if isinstance(value, Years):
        return Phrase.of(mark("a term of {years} years"), years=number(value.value))
    unit = measure.unit if isinstance(measure, Quantity) else ""
    return figure_phrase(value.value, unit)
