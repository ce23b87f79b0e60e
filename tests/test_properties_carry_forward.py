"""Properties of carrying an agreement forward: across any sequence of ratified agreements, a
term or clause once held and never dropped by a ratified agreement is still in the agreement
in force, unchanged unless an agreement named it, and still defended."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import (
    Category,
    Change,
    Clause,
    CollectiveAgreement,
    ContractClause,
    Demand,
    Protection,
    Terms,
)
from bargaining import judge_against_agreement as judge
from bargaining.domain.frameworks.carried import carried_forward
from tests.test_properties_baseline import CLAUSE_NAMES, agreements, term_values

KEYS = (*CLAUSE_NAMES, "wages", "progression", "beds", "term", "pension")
NAMED = object()  # a key a ratified agreement named: present, its value the agreement's


def held(agreement: CollectiveAgreement) -> dict[str, Any]:
    """Every term and clause the agreement holds, by key."""
    found: dict[str, Any] = {c.name: c for c in agreement.clauses}
    found.update(agreement.terms.items if agreement.terms is not None else {})
    return found


def tentative_agreements() -> st.SearchStrategy[Terms]:
    values = st.one_of(term_values(), st.booleans().map(Clause))
    return st.dictionaries(st.sampled_from(KEYS), values, max_size=4).map(Terms)


@settings(max_examples=150)
@given(agreements(), st.lists(tentative_agreements(), min_size=1, max_size=6), st.booleans())
def test_what_no_ratified_agreement_dropped_is_still_held_and_defended(
        first: CollectiveAgreement, ratified: list[Terms], with_demand: bool) -> None:
    demands = ([Demand("no layoffs", Category.JOB_SECURITY, Protection("no layoffs"))]
               if with_demand else [])
    expected = held(first)
    agreement = first
    for number, terms in enumerate(ratified, start=1):
        kept_terms, kept_clauses = carried_forward(terms, agreement, demands=demands)
        agreement = CollectiveAgreement(  # refused if a term and a clause shared a key
            effective=date(2025 + 3 * number, 4, 1), expiry=date(2028 + 3 * number, 3, 31),
            terms=kept_terms, clauses=kept_clauses)
        for key, value in terms.items.items():
            if isinstance(value, Clause) and not value.present:
                expected.pop(key, None)
            else:
                expected[key] = NAMED
    found = held(agreement)
    assert set(found) == set(expected)
    for key, value in expected.items():
        if value is not NAMED:
            assert found[key] == value, key
    # still defended: an offer silent on everything concedes nothing and judges every key;
    # one that drops a clause the agreement holds concedes exactly that clause
    silent = judge(Terms(), agreement)
    assert not silent.has_concession
    assert {line.key for line in silent.lines} == set(found)
    for key, value in found.items():
        if isinstance(value, ContractClause) or value == Clause(True):
            dropped = judge(Terms.of(**{key: Clause(False)}), agreement)
            assert [(c.key, c.change) for c in dropped.concessions] == [(key, Change.DROPS)]
