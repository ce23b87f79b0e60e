"""Me-too's invariants, for any raises and any signatures: an entitlement arises exactly when
the later settlement's yearly figure is higher and the pact binds both units; a unit never has
two entitlements on one demand; the planner's term always lands on the target."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal, localcontext
from uuid import uuid4

from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import Actor
from bargaining.domain.coordination.alignment import PlanKind, plan_alignment
from bargaining.domain.coordination.cluster import BargainingCluster, PactRule
from bargaining.domain.coordination.me_too import me_too_owed, rounds_compared
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.frameworks.evaluation import Increases, Terms
from bargaining.domain.frameworks.framework import (
    Category,
    CompoundIncrease,
    Demand,
    FrameworkVersion,
)
from bargaining.domain.shared.vote import Tally, Vote

CHAIR = Actor("c-1", "cluster co-chair")
VERSION = FrameworkVersion(1, (Demand("wages", Category.WAGES, CompoundIncrease(10, 15)),))
raise_ = st.decimals(min_value=-3, max_value=12, places=1)
raises = st.lists(raise_, min_size=1, max_size=6)


def yearly(percents: list[Decimal]) -> Decimal:
    """The yearly figure computed apart from the library: a 60-digit n-th root."""
    with localcontext() as ctx:
        ctx.prec = 60
        growth = Decimal(1)
        for pct in percents:
            growth *= 1 + pct / 100
        return growth ** (Decimal(1) / len(percents))


def cluster(size: int, signed: list[bool]) -> BargainingCluster:
    found = BargainingCluster.form(
        name="C", sectors=["ltc"], committee=[CHAIR], window_start=date(2026, 1, 1),
        window_end=date(2026, 12, 31), target_alignment=date(2029, 3, 31), actor=CHAIR,
        on=date(2025, 11, 1))
    for i in range(size):
        found.admit(uuid4(), label=f"unit {i}", expiry=date(2026, 3, 31), actor=CHAIR,
                    on=date(2025, 11, 1))
    found.adopt_pact([PactRule.ME_TOO], me_too_demands=["wages"], actor=CHAIR,
                     on=date(2025, 11, 1))
    for unit_id, signs in zip(found.members, signed, strict=True):
        if signs:
            found.sign_pact(unit_id, on=date(2025, 11, 2), actor=CHAIR)
    return found


def settle(found: BargainingCluster, index: int, yearly_raises: list[Decimal],
           voted: date) -> BargainingRound:
    unit_id = list(found.members)[index]
    opened = BargainingRound.open(unit_id=unit_id, on=date(2026, 1, 5), actor=CHAIR,
                                  cluster_id=found.id)
    found.link_round(unit_id, opened.id, actor=CHAIR, on=date(2026, 1, 5))
    opened.reach_tentative_agreement(
        Terms.of(wages=Increases(yearly_raises)), on=date(2026, 2, 1),
        effective=date(2026, 4, 1), expiry=date(2026 + len(yearly_raises), 3, 31),
        evaluation=None, actor=CHAIR)
    opened.record_ratification_vote(Vote(voted, Tally(eligible=10, cast=10, yes=8, no=2)),
                                    sign_off_required=False, actor=CHAIR)
    return opened


@settings(max_examples=200, deadline=None)
@given(raises, raises, st.booleans(), st.booleans())
def test_an_entitlement_arises_exactly_when_better_per_year_and_both_bound(
        earlier: list[Decimal], later: list[Decimal], first_signed: bool,
        second_signed: bool) -> None:
    found = cluster(2, [first_signed, second_signed])
    first = settle(found, 0, earlier, date(2026, 3, 1))
    second = settle(found, 1, later, date(2026, 4, 1))
    owed = me_too_owed(found, second, "unit 1", VERSION, {first.id: first})
    expected = first_signed and second_signed and yearly(later) > yearly(earlier)
    assert [(e.unit_id, e.demand, e.from_unit_id) for e in owed] == (
        [(first.unit_id, "wages", second.unit_id)] if expected else [])


@settings(max_examples=100, deadline=None)
@given(st.lists(raises, min_size=2, max_size=6), st.data())
def test_never_two_entitlements_for_one_unit_and_demand(
        settlements: list[list[Decimal]], data: st.DataObject) -> None:
    signed = data.draw(st.lists(st.booleans(), min_size=len(settlements),
                                max_size=len(settlements)))
    found = cluster(len(settlements), signed)
    rounds: dict[object, BargainingRound] = {}
    for i, yearly_raises in enumerate(settlements):
        later = settle(found, i, yearly_raises, date(2026, 3, 1) + timedelta(days=i))
        earlier = {r: rounds[r] for r in rounds_compared(found, later)}
        for entitlement in me_too_owed(found, later, f"unit {i}", VERSION, earlier):
            found.record_me_too(entitlement, actor=CHAIR, on=later.ratification.held_on)  # type: ignore[union-attr]
        rounds[later.id] = later
        keys = [(e.unit_id, e.demand) for e in found.entitlements]
        assert len(keys) == len(set(keys))
    by_unit = {r.unit_id: r for r in rounds.values()}
    for entitlement in found.entitlements:
        mine = list(by_unit[entitlement.unit_id].tentative.terms.items["wages"].yearly)  # type: ignore[union-attr]
        source = by_unit[entitlement.from_unit_id].tentative  # type: ignore[union-attr]
        theirs = list(source.terms.items["wages"].yearly)  # type: ignore[union-attr]
        assert yearly(theirs) > yearly(mine)
        bound = [m.pact_signed_on is not None for m in found.members.values()]
        assert all(bound[list(found.members).index(u)]
                   for u in (entitlement.unit_id, entitlement.from_unit_id))
        # the claim follows the best per year of the later settlements
        later_ones = [yearly(list(r.tentative.terms.items["wages"].yearly))  # type: ignore[union-attr]
                      for r in rounds.values()
                      if r.ratification.held_on > by_unit[entitlement.unit_id].ratification.held_on  # type: ignore[union-attr]
                      and found.members[r.unit_id].pact_signed_on is not None]
        assert yearly(theirs) == max(later_ones)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
       st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)))
def test_the_planner_lands_on_the_target_without_gaps(expiry: date, target: date) -> None:
    plan = plan_alignment(expiry, target)
    if expiry == target:
        assert plan is None
        return
    assert plan is not None
    if expiry > target:
        assert plan.kind is PlanKind.PAST_TARGET and plan.agreements == ()
        return
    first = plan.agreements[0]
    assert first.effective == expiry + timedelta(days=1)
    assert plan.agreements[-1].expiry == target
    for before, after in zip(plan.agreements, plan.agreements[1:], strict=False):
        assert after.effective == before.expiry + timedelta(days=1)
    assert all(p.effective <= p.expiry for p in plan.agreements)
    days = (target - expiry).days
    if plan.kind is PlanKind.TERM:  # one term of 12 to 60 months
        assert len(plan.agreements) == 1 and 365 <= days <= 5 * 366
    elif len(plan.agreements) == 1:  # a short bridge, under 12 months
        assert plan.kind is PlanKind.BRIDGE and days <= 366
    else:  # a bridge, then a full term of 60 months ending on the target
        after = target + timedelta(days=1)
        five_years_before = date(after.year - 5, after.month, min(after.day, 28)) \
            if (after.month, after.day) == (2, 29) else after.replace(year=after.year - 5)
        assert plan.kind is PlanKind.BRIDGE and len(plan.agreements) == 2
        assert plan.agreements[1].effective == five_years_before and days > 5 * 365
