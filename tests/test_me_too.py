"""Me-too decided in the domain, without a store: which earlier-settled members a ratified later
settlement owes a better term, and why."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest

from bargaining import Actor, InvalidInput
from bargaining.domain.coordination.cluster import BargainingCluster, MeTooEntitlement, PactRule
from bargaining.domain.coordination.me_too import me_too_owed, rounds_compared
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.frameworks.evaluation import Amount, Clause, Increases, Terms
from bargaining.domain.frameworks.framework import (
    Category,
    CompoundIncrease,
    Demand,
    FrameworkVersion,
    Protection,
    Quantity,
)
from bargaining.domain.shared.vote import Tally, Vote

CHAIR = Actor("c-1", "cluster co-chair")
VERSION = FrameworkVersion(1, (
    Demand("wages", Category.WAGES, CompoundIncrease(16.4, 21.5)),
    Demand("care hours", Category.STAFFING, Quantity("hours per resident per day", 4.0, 4.1)),
    Demand("contracting out", Category.CONTRACTING_OUT, Protection("no contracting out")),
))
CARRIED = Vote(date(2026, 3, 1), Tally(eligible=100, cast=80, yes=70, no=10, spoiled=0))
LOST = Vote(date(2026, 3, 1), Tally(eligible=100, cast=80, yes=20, no=60, spoiled=0))
SMALLER = Terms.of(wages=Increases([4, 4, 4.5, 4.5]), **{"care hours": Amount(4.0)})
BIGGER = Terms.of(wages=Increases([5, 5, 5, 5]), **{"care hours": Amount(4.1)})


def cluster(*labels: str, me_too: tuple[str, ...] = ("wages", "care hours")) -> BargainingCluster:
    found = BargainingCluster.form(
        name="Ontario LTC", sectors=["long-term care"], committee=[CHAIR],
        window_start=date(2026, 1, 1), window_end=date(2026, 6, 30),
        target_alignment=date(2029, 3, 31), actor=CHAIR, on=date(2025, 11, 1))
    for label in labels:
        found.admit(uuid4(), label=label, expiry=date(2026, 3, 31), actor=CHAIR,
                    on=date(2025, 11, 1))
    found.adopt_pact([PactRule.ME_TOO], me_too_demands=list(me_too), actor=CHAIR,
                     on=date(2025, 11, 1))
    return found


def table(found: BargainingCluster, label: str, terms: Terms | None = None,
          vote: Vote | None = CARRIED) -> BargainingRound:
    """The member's round, opened in the cluster; with terms, a tentative agreement put to
    ``vote``."""
    unit_id = next(u for u, m in found.members.items() if m.label == label)
    opened = BargainingRound.open(unit_id=unit_id, on=date(2026, 1, 5), actor=CHAIR,
                                  cluster_id=found.id)
    found.link_round(unit_id, opened.id, actor=CHAIR, on=date(2026, 1, 5))
    if terms is not None:
        opened.reach_tentative_agreement(terms, on=date(2026, 2, 1),
                                         effective=date(2026, 4, 1), expiry=date(2029, 3, 31),
                                         evaluation=None, actor=CHAIR)
        if vote is not None:
            opened.record_ratification_vote(vote, sign_off_required=False,
                                            actor=CHAIR)
    return opened


def by_id(*rounds: BargainingRound) -> dict[UUID, BargainingRound]:
    return {r.id: r for r in rounds}


def owed(found: BargainingCluster, later: BargainingRound,
         *earlier: BargainingRound) -> list[MeTooEntitlement]:
    return me_too_owed(found, later, "Sienna", VERSION, by_id(*earlier))


def test_a_better_later_settlement_is_owed_to_the_unit_that_settled_earlier() -> None:
    found = cluster("Extendicare", "Sienna")
    first = table(found, "Extendicare", SMALLER)
    later = table(found, "Sienna", BIGGER)
    entitlements = owed(found, later, first)
    assert [(e.unit_id, e.demand, e.from_unit_id) for e in entitlements] == [
        (first.unit_id, "wages", later.unit_id), (first.unit_id, "care hours", later.unit_id)]
    assert entitlements[1].explanation == (
        "Extendicare is owed Sienna's better care hours: 4.1 hours per resident per day "
        "against 4 hours per resident per day")
    assert found.entitlements == []  # deciding records nothing


def test_an_equal_or_worse_later_term_is_owed_to_nobody() -> None:
    found = cluster("Extendicare", "Sienna")
    first = table(found, "Extendicare", BIGGER)
    same = table(found, "Sienna", BIGGER)
    assert owed(found, same, first) == []
    worse = Terms.of(wages=Increases([5, 5, 5, 5]), **{"care hours": Amount(3.9)})
    assert owed(found, table(found, "Sienna", worse), first) == []


def test_units_that_withdrew_or_have_not_ratified_are_owed_nothing() -> None:
    found = cluster("Extendicare", "Sienna", "Chartwell", "Revera", "Later")
    gone = table(found, "Extendicare", SMALLER)
    rejected = table(found, "Sienna", SMALLER, vote=LOST)
    tentative = table(found, "Chartwell", SMALLER, vote=None)
    bare = table(found, "Revera")
    later = table(found, "Later", BIGGER)
    found.withdraw(gone.unit_id, actor=CHAIR, on=date(2025, 11, 1))
    assert rounds_compared(found, later) == [rejected.id, tentative.id, bare.id]
    assert owed(found, later, rejected, tentative, bare) == []


def test_only_demands_both_agreements_cover_and_the_pact_names_are_compared() -> None:
    found = cluster("Extendicare", "Sienna", me_too=("wages", "contracting out"))
    first = table(found, "Extendicare", Terms.of(wages=Increases([4, 4, 4, 4]),
                                                 **{"contracting out": Clause(False)}))
    later = table(found, "Sienna", Terms.of(wages=Increases([5, 5, 5, 5]),
                                            **{"care hours": Amount(4.1)}))
    assert [e.demand for e in owed(found, later, first)] == ["wages"]


def test_an_entitlement_already_recorded_or_named_twice_is_owed_once() -> None:
    found = cluster("Extendicare", "Sienna", me_too=("wages", "wages"))
    first = table(found, "Extendicare", SMALLER)
    later = table(found, "Sienna", BIGGER)
    (entitlement,) = owed(found, later, first)
    found.record_me_too(entitlement, actor=CHAIR, on=date(2026, 5, 1))
    assert owed(found, later, first) == []


def test_nothing_is_owed_without_a_later_tentative_agreement() -> None:
    found = cluster("Extendicare", "Sienna")
    first = table(found, "Extendicare", SMALLER)
    assert owed(found, table(found, "Sienna"), first) == []


def test_a_round_to_compare_that_was_not_given_is_refused() -> None:
    found = cluster("Extendicare", "Sienna")
    table(found, "Extendicare", SMALLER)
    later = table(found, "Sienna", BIGGER)
    with pytest.raises(InvalidInput, match=r"round .* of Extendicare is needed"):
        owed(found, later)
