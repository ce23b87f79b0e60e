"""The contract in force as a baseline: an offer or tentative agreement judged against the
agreement it would replace.

Members defend what they already have ("defend past gains", "protect the language that keeps
workers safe"): a clause or a term of the agreement in force that an offer weakens or drops is
a concession, whatever a framework's floors say. The judgement is a pure function of the
offer's terms and the agreement's terms and clauses, beside :func:`.evaluation.evaluate`; it
reads the agreement through :class:`InForce`, so this context needs nothing of the units'.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

import attrs

from bargaining.domain.frameworks.clauses import ContractClause, InForce, figure
from bargaining.domain.frameworks.evaluation import score
from bargaining.domain.frameworks.figures import show_number, show_percent
from bargaining.domain.frameworks.framework import Category, Demand
from bargaining.domain.frameworks.inflation import Inflation
from bargaining.domain.frameworks.measures import (
    Binds,
    CompoundIncrease,
    Measure,
    Protection,
    Quantity,
    TermLength,
)
from bargaining.domain.frameworks.terms import (
    Amount,
    Clause,
    CostOfLiving,
    GreaterOf,
    Increases,
    Indexed,
    Progression,
    Raises,
    Terms,
    TermValue,
    Tiered,
    Years,
)
from bargaining.domain.shared.errors import InvalidInput


class Change(enum.Enum):
    """What an offer does to one term or clause of the agreement in force, best first. A
    weakened or dropped term or clause is a concession."""

    IMPROVES = "improves"
    KEEPS = "keeps"
    CHANGES = "changes"
    SILENT = "says nothing on"
    WEAKENS = "weakens"
    DROPS = "drops"

    @property
    def concession(self) -> bool:
        return self in (Change.WEAKENS, Change.DROPS)

    @property
    def rank(self) -> int:
        return list(Change).index(self)


@attrs.frozen
class BaselineLine:
    """One term or clause of the agreement in force (or a clause the offer adds), what the
    offer does to it, and why in words."""

    key: str
    category: Category | None
    change: Change
    explanation: str

    @property
    def concession(self) -> bool:
        return self.change.concession


def _lines(lines: Iterable[BaselineLine]) -> tuple[BaselineLine, ...]:
    return tuple(lines)


@attrs.frozen
class BaselineJudgement:
    """An offer judged term by term and clause by clause against the agreement in force
    (``agreement`` describes it; empty when the unit had none, as for a first contract)."""

    agreement: str
    lines: tuple[BaselineLine, ...] = attrs.field(converter=_lines)

    @property
    def concessions(self) -> tuple[BaselineLine, ...]:
        """The terms and clauses the offer weakens or drops."""
        return tuple(line for line in self.lines if line.concession)

    @property
    def has_concession(self) -> bool:
        return any(line.concession for line in self.lines)

    def line_for(self, key: str) -> BaselineLine:
        for line in self.lines:
            if line.key == key:
                return line
        raise InvalidInput.worded("the agreement in force has no term or clause '{key}'", key=key)

    def explain(self) -> str:
        if not self.agreement:
            return "no agreement in force: nothing to judge the offer against"
        count = len(self.concessions)
        verdict = ("no concession" if count == 0
                   else "1 concession" if count == 1 else f"{count} concessions")
        lines = [f"against the {self.agreement}: {verdict}"]
        for line in self.lines:
            what = f" ({line.category.value})" if line.category is not None else ""
            mark = ": a concession" if line.concession else ""
            lines.append(f"  {line.key}{what}: {line.explanation}{mark}")
        return "\n".join(lines)


# ------------------------------------------------------------------ judging


def judge_against_agreement(
    terms: Terms, agreement: InForce | None, *, demands: Iterable[Demand] = (),
    inflation: Inflation | None = None,
) -> BaselineJudgement:
    """Judge an offer's or tentative agreement's ``terms`` against the agreement in force.

    Every clause of the agreement is kept, improved, weakened or dropped (an offer that does
    not name a clause leaves it as it is); every term is compared with the offer's term of the
    same key: wages by their yearly rate (or what the framework's demand binds, with
    ``demands``), progression by years to the top rate (fewer is better), an amount only where
    its demand says which way is better; otherwise, and for a term's length, it "changes". A
    raise smaller than the one in force takes nothing members have; a cut, a real-wage loss
    under a demand on the real wage, or a lost cost-of-living protection does. A term or
    clause weakened or dropped is a concession; a tier that gives one group less than the
    agreement in force is a concession for that group.
    """
    if not isinstance(terms, Terms):
        raise InvalidInput.worded("an offer is judged against the agreement in force by its Terms")
    if inflation is not None and not isinstance(inflation, Inflation):
        raise InvalidInput.worded("an inflation series is an Inflation")
    found = tuple(demands)
    if not all(isinstance(d, Demand) for d in found):
        raise InvalidInput.worded("demands are the framework version's Demand values")
    by_key = {d.key: d for d in found}
    if agreement is None:
        return BaselineJudgement("", ())
    lines = [_tiers(partial(_clause, clause), terms.items.get(clause.name), clause.name,
                    clause.category)
             for clause in agreement.clauses]
    held = agreement.terms.items if agreement.terms is not None else {}
    for key, value in held.items():
        demand = by_key.get(key)
        category = demand.category if demand is not None else _default_category(value)
        measure = demand.measure if demand is not None else None
        lines.append(_tiers(partial(_term, key, value, measure, inflation),
                            terms.items.get(key), key, category))
    named = {c.name for c in agreement.clauses} | set(held)
    for key, value in terms.items.items():
        if key not in named and _gives_clause(value):
            demand = by_key.get(key)
            lines.append(BaselineLine(
                key, demand.category if demand is not None else None, Change.IMPROVES,
                f"adds the {key} clause, which the agreement in force does not have"))
    return BaselineJudgement(agreement.describe(), lines)


Judged = tuple[Change, str]


def _tiers(judge: Callable[[Any], Judged], offered: Any, key: str,
           category: Category | None) -> BaselineLine:
    """One line; a tiered term is judged tier by tier and counts by the worse tier, named."""
    if not isinstance(offered, Tiered):
        return BaselineLine(key, category, *judge(offered))
    first, second = judge(offered.incumbents), judge(offered.new_hires)
    if first[0] is second[0]:
        return BaselineLine(key, category, *first)
    worse, who = ((second, offered.second_tier) if second[0].rank > first[0].rank
                  else (first, "every other worker"))
    return BaselineLine(key, category, worse[0], f"{worse[1]} for {who} (two-tier)")


def _clause(clause: ContractClause, offered: Any) -> Judged:
    of = "of the agreement in force"
    if offered is None:
        return Change.KEEPS, f"carries over {clause.describe()} {of} (the offer leaves it)"
    if isinstance(offered, Clause):
        if offered.present:
            return Change.KEEPS, f"keeps {clause.describe()} {of}"
        return Change.DROPS, f"drops {clause.describe()} {of}"
    if isinstance(offered, Amount):
        if clause.standard is None:
            raise InvalidInput.worded("{describe} {of} states no figure: an offer keeps it "
                                      "(Clause(True)) or drops it (Clause(False))",
                                      describe=clause.describe(), of=of)
        held, got = clause.standard, offered.value
        better = got > held if clause.more_is_better else got < held
        if got == held:
            return Change.KEEPS, f"keeps the {clause.name} clause at {figure(held, clause.unit)}"
        verb = Change.IMPROVES if better else Change.WEAKENS
        return verb, (f"{verb.value} the {clause.name} clause {of} from "
                      f"{show_number(held)} to {figure(got, clause.unit)}")
    raise InvalidInput.worded("an offer names {describe} with a Clause (kept or dropped) or an "
                              "Amount (its figure), not {name}",
                              describe=clause.describe(), name=type(offered).__name__)


def _term(key: str, held: TermValue | Tiered, measure: Measure | None,
          inflation: Inflation | None, offered: Any) -> Judged:
    if offered is None and _gives_clause(held):
        return Change.KEEPS, (f"carries over the {key} clause of the agreement in force "
                              "(the offer leaves it)")
    if offered is None:
        return Change.SILENT, (f"says nothing on {key}: the agreement in force has "
                               f"{_describe(held, measure, inflation)}")
    kind = _kind(held, key, "the agreement in force")
    if _kind(offered, key, "the offer") != kind:
        raise InvalidInput.worded("the offer's term for '{key}' is {name}, the agreement in "
                                  "force's is {name2}", key=key, name=type(offered).__name__,
                                  name2=type(_tier(held)).__name__)
    measure = _measure(key, kind, measure)
    before = _describe(held, measure, inflation)
    after = _describe(offered, measure, inflation)
    if measure is None:
        if score(_UNRANKED, held) == score(_UNRANKED, offered):
            return Change.KEEPS, f"keeps {key} at {before}"
        why = "" if kind == "years" else " (which is better needs the framework's demand for it)"
        return Change.CHANGES, f"changes {key} from {before} to {after}{why}"
    was, now = score(measure, held, inflation), score(measure, offered, inflation)
    if kind == "clause":
        verb = (Change.KEEPS if was == now else Change.IMPROVES if now > was else Change.DROPS)
        article = "adds" if verb is Change.IMPROVES else verb.value
        return verb, f"{article} the {key} clause of the agreement in force"
    if was == now:
        return Change.KEEPS, f"keeps {key} at {before}"
    if kind == "wages":
        return _wages(key, held, offered, now > was, now < 0, f"{after} against {before}")
    verb = Change.IMPROVES if now > was else Change.WEAKENS
    if isinstance(held, Amount | Progression | Years) and not isinstance(offered, Tiered):
        before = show_number(held.value)
    return verb, f"{verb.value} {key} from {before} to {after}"


def _wages(key: str, held: Any, offered: Any, better: bool, cut: bool, figures: str) -> Judged:
    """A raise smaller than the last one takes nothing the members have; a cut in pay (in
    real terms where the demand binds the real wage) or a lost cost-of-living adjustment
    does."""
    if _indexed(held) and not _indexed(offered):
        return Change.DROPS, (f"drops the cost-of-living protection of the agreement in force "
                              f"({key}: {figures} under the agreement in force)")
    if cut:
        return Change.WEAKENS, f"cuts {key}: {figures} under the agreement in force"
    if better:
        return Change.IMPROVES, f"improves {key}: {figures} under the agreement in force"
    return Change.CHANGES, (f"raises {key} by less than the agreement in force: {figures} "
                            "(a smaller raise, not a loss of what members have)")


def _indexed(value: Any) -> bool:
    """Whether a wage term protects against inflation: a cost-of-living adjustment or a raise
    indexed to it, in every tier."""
    if isinstance(value, Tiered):
        return _indexed(value.incumbents) and _indexed(value.new_hires)
    steps = value.steps if isinstance(value, Raises) else ()
    return any(isinstance(step, CostOfLiving | Indexed)
               or (isinstance(step, GreaterOf)
                   and (isinstance(step.first, Indexed) or isinstance(step.second, Indexed)))
               for step in steps)


_UNRANKED = Quantity("", 0, 0)


def _tier(value: Any) -> Any:
    return value.new_hires if isinstance(value, Tiered) else value


def _kind(value: Any, key: str, whose: str) -> str:
    value = _tier(value)
    if isinstance(value, Increases | Raises):
        return "wages"
    if isinstance(value, Clause):
        return "clause"
    if isinstance(value, Amount):
        return "quantity"
    if isinstance(value, Progression):
        return "progression"
    if isinstance(value, Years):
        return "years"
    raise InvalidInput.worded("{whose}'s term for '{key}' is not a term: {value}",
                              whose=whose, key=key, value=repr(value))


_MEASURES: dict[str, type[Any]] = {"wages": CompoundIncrease, "clause": Protection,
                                   "quantity": Quantity, "progression": Quantity,
                                   "years": TermLength}


def _measure(key: str, kind: str, measure: Measure | None) -> Measure | None:
    """How a term is ranked: by its demand, else wages by the yearly rate, a clause present
    above absent, progression by fewer years. A term's length is no gain members hold: a
    longer or shorter one only changes."""
    if measure is not None and not isinstance(measure, _MEASURES[kind]):
        raise InvalidInput.worded("the demand '{key}' measures {kind}, and the term is {value}",
                                  key=key, kind=measure.kind,
                                  value='a clause' if kind == 'clause' else kind)
    if measure is None or kind == "years":
        if kind == "wages":
            return CompoundIncrease(0, 0, binds=Binds.YEARLY)
        if kind == "clause":
            return Protection(key)
        if kind == "progression":
            return Quantity("years to the top rate", 0, 0, more_is_better=False)
        return None
    known: Measure = measure
    return known


def _describe(value: Any, measure: Measure | None, inflation: Inflation | None) -> str:
    if isinstance(value, Tiered):
        return (f"{_describe(value.incumbents, measure, inflation)} for most workers, "
                f"{_describe(value.new_hires, measure, inflation)} for {value.second_tier}")
    if isinstance(value, Increases | Raises):
        wage = measure if isinstance(measure, CompoundIncrease) else None
        rate = show_percent(score(wage or CompoundIncrease(0, 0, binds=Binds.YEARLY), value,
                                  inflation))
        if wage is not None and wage.binds is Binds.TERM:
            return f"{rate} over the term"
        if wage is not None and wage.binds is Binds.REAL and inflation is not None:
            return f"{rate} a year above inflation"
        return f"{rate} a year"
    if isinstance(value, Clause):
        return "the clause" if value.present else "no clause"
    if isinstance(value, Progression):
        return f"{show_number(value.value)} years to the top rate"
    if isinstance(value, Years):
        return f"a term of {show_number(value.value)} years"
    unit = measure.unit if isinstance(measure, Quantity) else ""
    return figure(value.value, unit)


def _default_category(value: Any) -> Category | None:
    kind = _tier(value)
    if isinstance(kind, Increases | Raises | Progression):
        return Category.WAGES
    return Category.TERM if isinstance(kind, Years) else None


def _gives_clause(value: Any) -> bool:
    return any(isinstance(v, Clause) and v.present
               for v in ((value.incumbents, value.new_hires) if isinstance(value, Tiered)
                         else (value,)))

