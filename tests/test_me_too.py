"""Me-too decided in the domain, without a store: which earlier-settled members a ratified later
settlement owes a better term, and why."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID, uuid4

import pytest

from bargaining import Actor, InvalidInput, RuleViolation
from bargaining.domain.coordination.cluster import BargainingCluster, MeTooEntitlement, PactRule
from bargaining.domain.coordination.me_too import (
    better_per_year,
    bound_on,
    me_too_owed,
    rounds_compared,
    yearly_figure,
)
from bargaining.domain.coordination.me_too_ledger import MeTooStatus
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.frameworks.evaluation import Amount, Clause, Increases, Terms
from bargaining.domain.frameworks.figures import show_percent
from bargaining.domain.frameworks.framework import (
    Category,
    CompoundIncrease,
    Demand,
    FrameworkVersion,
    Protection,
    Quantity,
)
from bargaining.domain.frameworks.terms import Indexed, Raise, Raises
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


def cluster(*labels: str, me_too: tuple[str, ...] = ("wages", "care hours"),
            rules: tuple[PactRule, ...] = (PactRule.ME_TOO,), signed: bool = True,
            ) -> BargainingCluster:
    """A cluster of the named members under a me-too pact that each signed (unless not)."""
    found = BargainingCluster.form(
        name="Ontario LTC", sectors=["long-term care"], committee=[CHAIR],
        window_start=date(2026, 1, 1), window_end=date(2026, 6, 30),
        target_alignment=date(2029, 3, 31), actor=CHAIR, on=date(2025, 11, 1))
    for label in labels:
        found.admit(uuid4(), label=label, expiry=date(2026, 3, 31), actor=CHAIR,
                    on=date(2025, 11, 1))
    found.adopt_pact(list(rules), me_too_demands=list(me_too), actor=CHAIR,
                     on=date(2025, 11, 1))
    if signed:
        for unit_id in found.members:
            found.sign_pact(unit_id, on=date(2025, 11, 2), actor=CHAIR)
    return found


def table(found: BargainingCluster, label: str, terms: Terms | None = None,
          vote: Vote | None = CARRIED, expiry: date = date(2029, 3, 31)) -> BargainingRound:
    """The member's round, opened in the cluster; with terms, a tentative agreement put to
    ``vote``."""
    unit_id = next(u for u, m in found.members.items() if m.label == label)
    opened = BargainingRound.open(unit_id=unit_id, on=date(2026, 1, 5), actor=CHAIR,
                                  cluster_id=found.id)
    found.link_round(unit_id, opened.id, actor=CHAIR, on=date(2026, 1, 5))
    if terms is not None:
        opened.reach_tentative_agreement(terms, on=date(2026, 2, 1),
                                         effective=date(2026, 4, 1), expiry=expiry,
                                         evaluation=None, actor=CHAIR)
        if vote is not None:
            opened.record_ratification_vote(vote, sign_off_required=False,
                                            actor=CHAIR)
    return opened


def by_id(*rounds: BargainingRound) -> dict[UUID, BargainingRound]:
    return {r.id: r for r in rounds}


def owed(found: BargainingCluster, later: BargainingRound,
         *earlier: BargainingRound, employers: dict[UUID, str] | None = None,
         ) -> list[MeTooEntitlement]:
    return me_too_owed(found, later, "Sienna", VERSION, by_id(*earlier), employers=employers)


def test_a_better_later_settlement_is_owed_to_the_unit_that_settled_earlier() -> None:
    found = cluster("Extendicare", "Sienna")
    first = table(found, "Extendicare", SMALLER)
    later = table(found, "Sienna", BIGGER)
    entitlements = owed(found, later, first)
    assert [(e.unit_id, e.demand, e.from_unit_id) for e in entitlements] == [
        (first.unit_id, "wages", later.unit_id), (first.unit_id, "care hours", later.unit_id)]
    assert entitlements[0].explanation == (
        "Extendicare is owed Sienna's better wages: 5% a year (increases 5%, 5%, 5%, 5% "
        "compound to 21.6% over 4 years) against 4.2% a year (increases 4%, 4%, 4.5%, 4.5% "
        "compound to 18.1% over 4 years)")
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
    assert rounds_compared(found, later) == [gone.id, rejected.id, tentative.id, bare.id]
    assert owed(found, later, gone, rejected, tentative, bare) == []


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
    with pytest.raises(RuleViolation, match="already recorded"):
        found.record_me_too(entitlement, actor=CHAIR, on=date(2026, 5, 1))


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


# ------------------------------------------------------------------ like with like


def test_yearly_figures_are_compared_exactly() -> None:
    assert yearly_figure(Increases([4, 4, 4])) == Decimal(4)
    assert yearly_figure(Increases([2, 6])) == yearly_figure(Increases([6, 2]))
    assert yearly_figure(Increases([])) is None  # no year to read a figure from
    # 12.5% over 3 years is about 4% a year; 13.4% over 4 years about 3.2% a year
    assert Increases([4, 4, 4]).describe().endswith("12.5% over 3 years")
    assert Increases([3.2, 3.2, 3.2, 3.2]).describe().endswith("13.4% over 4 years")
    assert yearly_figure(Increases([3.2, 3.2, 3.2, 3.2])) == Decimal("3.2")
    assert better_per_year(Increases([5]), Increases([]))  # nothing is 0% a year
    assert not better_per_year(Increases([-100]), Increases([-100, 5]))
    assert better_per_year(Increases([4.5, 4.5, 4.5]), Increases([4, 4, 4]))
    assert not better_per_year(Increases([3.2, 3.2, 3.2, 3.2]), Increases([4, 4, 4]))
    assert not better_per_year(Increases([6, 2]), Increases([2, 6]))  # equal is not better


def test_a_longer_term_with_a_bigger_total_but_less_a_year_owes_nothing() -> None:
    found = cluster("Extendicare", "Sienna")
    first = table(found, "Extendicare", Terms.of(wages=Increases([4, 4, 4])))
    longer = table(found, "Sienna", Terms.of(wages=Increases([3.2, 3.2, 3.2, 3.2])))
    assert Increases([3.2, 3.2, 3.2, 3.2]).total() > Increases([4, 4, 4]).total()
    assert owed(found, longer, first) == []
    better = table(found, "Sienna", Terms.of(wages=Increases([4.5, 4.5, 4.5])))
    (entitlement,) = owed(found, better, first)
    assert "4.5% a year" in entitlement.explanation and "4% a year" in entitlement.explanation


def test_only_members_the_pact_binds_are_owed_or_owe() -> None:
    unsigned = cluster("Extendicare", "Sienna", signed=False)
    first = table(unsigned, "Extendicare", SMALLER)
    assert owed(unsigned, table(unsigned, "Sienna", BIGGER), first) == []
    half = cluster("Extendicare", "Sienna", signed=False)
    ids = {m.label: u for u, m in half.members.items()}
    half.sign_pact(ids["Extendicare"], on=date(2025, 11, 2), actor=CHAIR)
    first = table(half, "Extendicare", SMALLER)
    later = table(half, "Sienna", BIGGER)
    assert owed(half, later, first) == []  # the later unit never signed
    half.sign_pact(ids["Sienna"], on=date(2026, 3, 2), actor=CHAIR)
    assert owed(half, later, first) == []  # it signed after its settlement was ratified
    assert bound_on(half, ids["Sienna"], date(2026, 3, 2))
    assert not bound_on(half, ids["Sienna"], date(2026, 3, 1))


def test_a_unit_that_ratified_after_the_later_settlement_is_not_owed_by_it() -> None:
    found = cluster("Extendicare", "Sienna")
    after = table(found, "Extendicare", SMALLER,
                  vote=Vote(date(2026, 3, 9), Tally(eligible=100, cast=80, yes=70, no=10,
                                                    spoiled=0)))
    assert owed(found, table(found, "Sienna", BIGGER), after) == []


def test_under_the_same_employer_rule_only_the_same_employer_is_owed() -> None:
    found = cluster("Extendicare", "Sienna",
                    rules=(PactRule.ME_TOO, PactRule.ME_TOO_SAME_EMPLOYER))
    first = table(found, "Extendicare", SMALLER)
    later = table(found, "Sienna", BIGGER)
    with pytest.raises(InvalidInput, match=r"employer of .* is needed"):
        owed(found, later, first)
    apart = {first.unit_id: "Extendicare", later.unit_id: "Sienna Senior Living"}
    assert owed(found, later, first, employers=apart) == []
    same = {first.unit_id: "Extendicare", later.unit_id: "  EXTENDICARE "}
    assert len(owed(found, later, first, employers=same)) == 2
    with pytest.raises(InvalidInput, match="needs the me-too rule"):
        cluster("Extendicare", rules=(PactRule.ME_TOO_SAME_EMPLOYER,))


# ------------------------------------------------------------------ one claim, its life


def test_a_later_better_settlement_raises_the_open_claim_instead_of_adding_one() -> None:
    found = cluster("Extendicare", "Sienna", "Revera", me_too=("wages",))
    first = table(found, "Extendicare", Terms.of(wages=Increases([3, 3, 3])))
    second = table(found, "Sienna", Terms.of(wages=Increases([4, 4, 4])))
    (arose,) = owed(found, second, first)
    found.record_me_too(arose, actor=CHAIR, on=date(2026, 3, 1))
    found.claim_me_too(first.unit_id, "wages", actor=CHAIR, on=date(2026, 3, 2))
    same_per_year = table(found, "Revera", Terms.of(wages=Increases([4, 4, 4, 4])))
    assert owed(found, same_per_year, first, second) == []  # no better a year than the source
    third = table(found, "Revera", Terms.of(wages=Increases([5, 5, 5])))
    for entitlement in owed(found, third, first, second):
        found.record_me_too(entitlement, actor=CHAIR, on=date(2026, 3, 3))
    assert [(e.unit_id, e.from_unit_id) for e in found.entitlements] == [
        (first.unit_id, third.unit_id), (second.unit_id, third.unit_id)]
    claim = found.me_too_claim(first.unit_id, "wages")
    assert claim is not None and claim.status is MeTooStatus.CLAIMED
    assert claim.owed_on == date(2026, 3, 1) and claim.claimed_on == date(2026, 3, 2)
    events = [type(e).__name__ for e in found.collect_events()
              if type(e).__name__.startswith("MeToo")]
    assert events == ["MeTooEntitlementRecorded", "MeTooClaimed", "MeTooEntitlementRaised",
                      "MeTooEntitlementRecorded"]


def test_a_claim_is_claimed_then_settled_once_and_a_settled_claim_is_closed() -> None:
    found = cluster("Extendicare", "Sienna", "Revera", me_too=("wages",))
    first = table(found, "Extendicare", SMALLER)
    second = table(found, "Sienna", BIGGER)
    (arose,) = owed(found, second, first)
    found.record_me_too(arose, actor=CHAIR, on=date(2026, 3, 1))
    found.collect_events()
    with pytest.raises(InvalidInput, match=r"before the claim's last step \(2026-03-01\)"):
        found.claim_me_too(first.unit_id, "wages", actor=CHAIR, on=date(2026, 2, 28))
    with pytest.raises(RuleViolation, match="is owed no me-too on 'care hours'"):
        found.claim_me_too(first.unit_id, "care hours", actor=CHAIR, on=date(2026, 3, 2))
    found.claim_me_too(first.unit_id, "wages", actor=CHAIR, on=date(2026, 3, 2))
    with pytest.raises(RuleViolation, match="already claimed on 2026-03-02"):
        found.claim_me_too(first.unit_id, "wages", actor=CHAIR, on=date(2026, 3, 3))
    found.settle_me_too(first.unit_id, "wages", actor=CHAIR, on=date(2026, 4, 1),
                        reason="letter of understanding: 5% a year from April 1")
    with pytest.raises(RuleViolation, match="settled on 2026-04-01: a claim is settled once"):
        found.settle_me_too(first.unit_id, "wages", actor=CHAIR, on=date(2026, 4, 2))
    with pytest.raises(RuleViolation, match="settled once"):
        found.waive_me_too(first.unit_id, "wages", actor=CHAIR, on=date(2026, 4, 2),
                           reason="too late")
    assert [type(e).__name__ for e in found.collect_events()] == ["MeTooClaimed", "MeTooSettled"]
    best = table(found, "Revera", Terms.of(wages=Increases([6, 6, 6, 6])))
    assert owed(found, best, first, second) == [owed(found, best, first, second)[0]]
    assert owed(found, best, first, second)[0].unit_id == second.unit_id  # not the settled one
    claim = found.me_too_claim(first.unit_id, "wages")
    assert claim is not None and claim.explain().startswith(
        "settled since 2026-04-01 (letter of understanding: 5% a year from April 1): "
        "Extendicare is owed")


def test_a_waiver_says_why_and_closes_the_claim() -> None:
    found = cluster("Extendicare", "Sienna", me_too=("wages",))
    first = table(found, "Extendicare", SMALLER)
    (arose,) = owed(found, table(found, "Sienna", BIGGER), first)
    found.record_me_too(arose, actor=CHAIR, on=date(2026, 3, 1))
    with pytest.raises(InvalidInput, match="needs a reason"):
        found.waive_me_too(first.unit_id, "wages", actor=CHAIR, on=date(2026, 3, 5), reason=" ")
    found.waive_me_too(first.unit_id, "wages", actor=CHAIR, on=date(2026, 3, 5),
                       reason="traded for the pension improvement")
    claim = found.me_too_claim(first.unit_id, "wages")
    assert claim is not None and claim.status is MeTooStatus.WAIVED and claim.closed
    with pytest.raises(RuleViolation, match="waived its me-too on 'wages' on 2026-03-05"):
        found.claim_me_too(first.unit_id, "wages", actor=CHAIR, on=date(2026, 3, 6))


def test_a_history_with_duplicate_claims_from_before_reads_as_one_claim() -> None:
    """Release 0.1 recorded one entitlement per source unit: replayed, they are one claim
    that follows the latest."""
    found = cluster("Extendicare", "Sienna", "Revera", me_too=("wages",))
    ids = list(found.members)
    found._me_too_recorded(entitlement=MeTooEntitlement(ids[0], "wages", ids[1], "one"),
                           actor=CHAIR, on=None)
    found._me_too_recorded(entitlement=MeTooEntitlement(ids[0], "wages", ids[2], "two"),
                           actor=CHAIR, on=None)
    assert found.entitlements == [MeTooEntitlement(ids[0], "wages", ids[2], "two")]
    replayed = None
    for event in found.collect_events():
        replayed = event.mutate(replayed)
    assert replayed is not None and replayed.entitlements == found.entitlements


def test_raises_on_dates_compare_by_their_yearly_figure_and_indexed_ones_are_not_guessed() -> None:
    found = cluster("Extendicare", "Sienna", "Revera", me_too=("wages",))
    first = table(found, "Extendicare", Terms.of(wages=Increases([4, 4, 4])))
    # 11% on ratification and 4% a year after, over four and a half years: more a year
    dated = Raises(date(2023, 11, 20), date(2028, 4, 30), [
        Raise(date(2023, 11, 20), percent=11), Raise(date(2024, 9, 20), percent=3),
        Raise(date(2025, 9, 20), percent=3), Raise(date(2026, 9, 20), percent=3),
        Raise(date(2027, 9, 20), percent=5)])
    later = table(found, "Sienna", Terms.of(wages=dated))
    figure = yearly_figure(dated)
    assert figure is not None and figure > 4
    (entitlement,) = owed(found, later, first)
    assert f"{show_percent(figure)} a year (raises from 2023-11-20" in entitlement.explanation
    indexed = Raises(date(2026, 4, 1), date(2029, 3, 31), [Indexed(date(2026, 4, 1), margin=9)])
    assert yearly_figure(indexed) is None  # it needs an inflation series
    assert owed(found, table(found, "Revera", Terms.of(wages=indexed)), first, later) == []
