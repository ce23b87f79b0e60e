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

from bargaining.domain.frameworks.baseline_kinds import (
    UNRANKED,
    default_category,
    gives_clause,
    is_indexed,
    ranking_measure,
    term_kind,
    tier,
)
from bargaining.domain.frameworks.baseline_words import (
    agreement_phrase,
    clause_phrase,
    describe_phrase,
    figure_phrase,
)
from bargaining.domain.frameworks.clauses import ContractClause, InForce
from bargaining.domain.frameworks.evaluation import score
from bargaining.domain.frameworks.framework import Category, Demand
from bargaining.domain.frameworks.inflation import Inflation
from bargaining.domain.frameworks.measures import (
    Measure,
)
from bargaining.domain.frameworks.terms import (
    Amount,
    Clause,
    Progression,
    Terms,
    TermValue,
    Tiered,
    Years,
)
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.language import gettext, gettext_if_known, mark, translate
from bargaining.domain.shared.phrases import Phrase, number, word


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
    #: The explanation as a phrase (read in the reader's language); not compared.
    wording: Phrase | None = attrs.field(default=None, eq=False, kw_only=True)

    @classmethod
    def worded(cls, key: str, category: Category | None, change: Change,
               why: Phrase) -> BaselineLine:
        """A line whose explanation is a phrase, read in the reader's language."""
        return cls(key, category, change, why.english(), wording=why)

    @property
    def reads(self) -> str:
        """The explanation in the reader's language."""
        return self.wording.read() if self.wording is not None else self.explanation

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
    #: The agreement named as a phrase (read in the reader's language); not compared.
    agreement_wording: Phrase | None = attrs.field(default=None, eq=False, kw_only=True)

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
        """The judgement, line by line, in the reader's language."""
        if not self.agreement:
            return gettext("no agreement in force: nothing to judge the offer against")
        count = len(self.concessions)
        verdict = (gettext("no concession") if count == 0 else gettext("1 concession")
                   if count == 1 else translate("{count} concessions", count=count))
        agreement = (self.agreement_wording.read() if self.agreement_wording is not None
                     else self.agreement)
        lines = [translate("against the {agreement}: {verdict}", agreement=agreement,
                           verdict=verdict)]
        for line in self.lines:
            what = (translate(" ({category})", category=gettext_if_known(line.category.value))
                    if line.category is not None else "")
            conceded = gettext(": a concession") if line.concession else ""
            lines.append(translate("  {key}{what}: {explanation}{conceded}",
                                   key=gettext_if_known(line.key), what=what,
                                   explanation=line.reads, conceded=conceded))
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
        category = demand.category if demand is not None else default_category(value)
        measure = demand.measure if demand is not None else None
        lines.append(_tiers(partial(_term, key, value, measure, inflation),
                            terms.items.get(key), key, category))
    named = {c.name for c in agreement.clauses} | set(held)
    for key, value in terms.items.items():
        if key not in named and gives_clause(value):
            demand = by_key.get(key)
            lines.append(BaselineLine.worded(
                key, demand.category if demand is not None else None, Change.IMPROVES,
                Phrase.of(mark("adds the {key} clause, which the agreement in force does not "
                               "have"), key=word(key))))
    return BaselineJudgement(agreement.describe(), lines,
                             agreement_wording=agreement_phrase(agreement))


Judged = tuple[Change, Phrase]


def _tiers(judge: Callable[[Any], Judged], offered: Any, key: str,
           category: Category | None) -> BaselineLine:
    """One line; a tiered term is judged tier by tier and counts by the worse tier, named."""
    if not isinstance(offered, Tiered):
        return BaselineLine.worded(key, category, *judge(offered))
    first, second = judge(offered.incumbents), judge(offered.new_hires)
    if first[0] is second[0]:
        return BaselineLine.worded(key, category, *first)
    if second[0].rank > first[0].rank:
        return BaselineLine.worded(key, category, second[0], Phrase.of(
            mark("{why} for {who} (two-tier)"), why=second[1], who=offered.second_tier))
    return BaselineLine.worded(key, category, first[0], Phrase.of(
        mark("{why} for every other worker (two-tier)"), why=first[1]))


def _clause(clause: ContractClause, offered: Any) -> Judged:
    of = "of the agreement in force"
    named = clause_phrase(clause)
    if offered is None:
        return Change.KEEPS, Phrase.of(mark("carries over {clause} of the agreement in force "
                                            "(the offer leaves it)"), clause=named)
    if isinstance(offered, Clause):
        if offered.present:
            return Change.KEEPS, Phrase.of(mark("keeps {clause} of the agreement in force"),
                                           clause=named)
        return Change.DROPS, Phrase.of(mark("drops {clause} of the agreement in force"),
                                       clause=named)
    if isinstance(offered, Amount):
        if clause.standard is None:
            raise InvalidInput.worded("{describe} {of} states no figure: an offer keeps it "
                                      "(Clause(True)) or drops it (Clause(False))",
                                      describe=clause.describe(), of=of)
        held, got = clause.standard, offered.value
        better = got > held if clause.more_is_better else got < held
        name = word(clause.name)
        if got == held:
            return Change.KEEPS, Phrase.of(mark("keeps the {name} clause at {figure}"),
                                           name=name, figure=figure_phrase(held, clause.unit))
        values = {"name": name, "held": number(held), "got": figure_phrase(got, clause.unit)}
        if better:
            return Change.IMPROVES, Phrase.of(mark("improves the {name} clause of the agreement "
                                                   "in force from {held} to {got}"), **values)
        return Change.WEAKENS, Phrase.of(mark("weakens the {name} clause of the agreement in "
                                              "force from {held} to {got}"), **values)
    raise InvalidInput.worded("an offer names {describe} with a Clause (kept or dropped) or an "
                              "Amount (its figure), not {name}",
                              describe=clause.describe(), name=type(offered).__name__)


def _term(key: str, held: TermValue | Tiered, measure: Measure | None,
          inflation: Inflation | None, offered: Any) -> Judged:
    name = word(key)
    if offered is None and gives_clause(held):
        return Change.KEEPS, Phrase.of(mark("carries over the {key} clause of the agreement in "
                                            "force (the offer leaves it)"), key=name)
    if offered is None:
        return Change.SILENT, Phrase.of(mark("says nothing on {key}: the agreement in force has "
                                             "{held}"), key=name,
                                        held=describe_phrase(held, measure, inflation))
    kind = term_kind(held, key, "the agreement in force")
    if term_kind(offered, key, "the offer") != kind:
        raise InvalidInput.worded("the offer's term for '{key}' is {name}, the agreement in "
                                  "force's is {name2}", key=key, name=type(offered).__name__,
                                  name2=type(tier(held)).__name__)
    measure = ranking_measure(key, kind, measure)
    before = describe_phrase(held, measure, inflation)
    after = describe_phrase(offered, measure, inflation)
    keeps = Phrase.of(mark("keeps {key} at {before}"), key=name, before=before)
    if measure is None:
        if score(UNRANKED, held) == score(UNRANKED, offered):
            return Change.KEEPS, keeps
        if kind == "years":
            return Change.CHANGES, Phrase.of(mark("changes {key} from {before} to {after}"),
                                             key=name, before=before, after=after)
        return Change.CHANGES, Phrase.of(mark("changes {key} from {before} to {after} (which "
                                              "is better needs the framework's demand for it)"),
                                         key=name, before=before, after=after)
    was, now = score(measure, held, inflation), score(measure, offered, inflation)
    if kind == "clause":
        if was == now:
            return Change.KEEPS, Phrase.of(mark("keeps the {key} clause of the agreement in "
                                                "force"), key=name)
        if now > was:
            return Change.IMPROVES, Phrase.of(mark("adds the {key} clause of the agreement in "
                                                   "force"), key=name)
        return Change.DROPS, Phrase.of(mark("drops the {key} clause of the agreement in force"),
                                       key=name)
    if was == now:
        return Change.KEEPS, keeps
    if kind == "wages":
        return _wages(name, held, offered, now > was, now < 0, Phrase.of(
            mark("{after} against {before}"), after=after, before=before))
    if isinstance(held, Amount | Progression | Years) and not isinstance(offered, Tiered):
        before = Phrase.of(mark("{amount}"), amount=number(held.value))
    if now > was:
        return Change.IMPROVES, Phrase.of(mark("improves {key} from {before} to {after}"),
                                          key=name, before=before, after=after)
    return Change.WEAKENS, Phrase.of(mark("weakens {key} from {before} to {after}"), key=name,
                                     before=before, after=after)


def _wages(key: tuple[str, str], held: Any, offered: Any, better: bool, cut: bool,
           figures: Phrase) -> Judged:
    """A raise smaller than the last one takes nothing the members have; a cut in pay (in
    real terms where the demand binds the real wage) or a lost cost-of-living adjustment
    does."""
    if is_indexed(held) and not is_indexed(offered):
        return Change.DROPS, Phrase.of(mark("drops the cost-of-living protection of the "
                                            "agreement in force ({key}: {figures} under the "
                                            "agreement in force)"), key=key, figures=figures)
    if cut:
        return Change.WEAKENS, Phrase.of(mark("cuts {key}: {figures} under the agreement in "
                                              "force"), key=key, figures=figures)
    if better:
        return Change.IMPROVES, Phrase.of(mark("improves {key}: {figures} under the agreement "
                                               "in force"), key=key, figures=figures)
    return Change.CHANGES, Phrase.of(mark("raises {key} by less than the agreement in force: "
                                          "{figures} (a smaller raise, not a loss of what "
                                          "members have)"), key=key, figures=figures)
