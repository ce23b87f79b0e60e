"""Properties of the baseline judgement: an offer equal to the agreement in force concedes
nothing, and dropping any one clause is exactly one concession, on that clause."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    Amount,
    Category,
    Change,
    Clause,
    CollectiveAgreement,
    ContractClause,
    Increases,
    Progression,
    Terms,
    Tiered,
    Years,
)
from bargaining import judge_against_agreement as judge

CLAUSE_NAMES = ("contracting-out", "staffing ratio", "job security", "no layoffs", "seniority",
                "class size")
figures = st.decimals(min_value=Decimal("0.5"), max_value=Decimal("40"), places=1)
percents = st.decimals(min_value=Decimal("-3"), max_value=Decimal("12"), places=2)


@st.composite
def clauses(draw: st.DrawFn) -> ContractClause:
    name = draw(st.sampled_from(CLAUSE_NAMES))
    category = draw(st.sampled_from(list(Category)))
    if draw(st.booleans()):
        return ContractClause(name, category)
    return ContractClause(name, category, draw(figures), "units", draw(st.booleans()))


def term_values() -> st.SearchStrategy[Any]:
    plain = st.one_of(
        st.lists(percents, min_size=1, max_size=5).map(Increases),
        figures.map(Progression), figures.map(Amount), st.integers(1, 10).map(Years),
        st.booleans().map(Clause))
    return st.one_of(plain, plain.flatmap(
        lambda first: st.just(first) if isinstance(first, Increases)
        else st.just(Tiered(first, date(2024, 1, 1), first))))


@st.composite
def agreements(draw: st.DrawFn, min_clauses: int = 0) -> CollectiveAgreement:
    found = draw(st.lists(clauses(), min_size=min_clauses, max_size=5,
                          unique_by=lambda c: c.name))
    items = draw(st.dictionaries(st.sampled_from(("wages", "progression", "beds", "term",
                                                  "pension")), term_values(), max_size=4))
    return CollectiveAgreement(expiry=date(2025, 3, 31), effective=date(2022, 4, 1),
                               terms=Terms(items) if items or draw(st.booleans()) else None,
                               clauses=found)


def same_as(agreement: CollectiveAgreement, spell_out: bool) -> Terms:
    """An offer equal to the agreement: its terms, and its clauses left as they are or named."""
    items: dict[str, Any] = dict(agreement.terms.items) if agreement.terms is not None else {}
    if spell_out:
        for clause in agreement.clauses:
            items[clause.name] = (Clause(True) if clause.standard is None
                                  else Amount(clause.standard))
    return Terms(items)


@given(agreements(), st.booleans())
def test_an_offer_equal_to_the_agreement_in_force_concedes_nothing(
        agreement: CollectiveAgreement, spell_out: bool) -> None:
    judged = judge(same_as(agreement, spell_out), agreement)
    assert not judged.has_concession and judged.concessions == ()
    assert {line.change for line in judged.lines} <= {Change.KEEPS}
    held = len(agreement.clauses) + len(agreement.terms.items if agreement.terms else ())
    assert len(judged.lines) == held


@given(agreements(min_clauses=1), st.booleans(), st.data())
def test_dropping_any_one_clause_is_exactly_that_concession(
        agreement: CollectiveAgreement, spell_out: bool, data: st.DataObject) -> None:
    dropped = data.draw(st.sampled_from(agreement.clauses))
    offer = same_as(agreement, spell_out)
    judged = judge(Terms({**offer.items, dropped.name: Clause(False)}), agreement)
    (concession,) = judged.concessions
    assert concession.key == dropped.name and concession.change is Change.DROPS
    assert concession.category is dropped.category
    assert concession.explanation == (
        f"drops {dropped.describe()} of the agreement in force")


@given(agreements(min_clauses=1), st.data())
def test_a_worse_figure_for_a_clause_is_exactly_that_concession(
        agreement: CollectiveAgreement, data: st.DataObject) -> None:
    with_figures = [c for c in agreement.clauses if c.standard is not None]
    if not with_figures:
        return
    clause = data.draw(st.sampled_from(with_figures))
    assert clause.standard is not None
    step = data.draw(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("5"), places=1))
    worse = clause.standard - step if clause.more_is_better else clause.standard + step
    offer = Terms({**same_as(agreement, False).items, clause.name: Amount(worse)})
    (concession,) = judge(offer, agreement).concessions
    assert concession.key == clause.name and concession.change is Change.WEAKENS
