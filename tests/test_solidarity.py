"""Solidarity and non-raiding pacts: raids flagged (never refused) while a non-raiding pact is
in force, the raiding period in the flag, what cannot be true refused with nothing recorded,
solidarity actions with their counts; on every store."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    PICKET_LINE,
    STRIKE_FUND,
    BargainingApp,
    Flag,
    FlagRule,
    InvalidInput,
    Money,
    RaidingCalendar,
    RaidingPeriod,
    RuleViolation,
)
from tests.election_story import ORGANIZER
from tests.refusals import position
from tests.test_properties import quick

SIGNED, ENDS, EXPIRY = date(2022, 5, 5), date(2023, 12, 31), date(2023, 3, 31)


def signed(app: BargainingApp, non_raiding: bool = True) -> UUID:
    return app.solidarity.sign(name="Front commun 2023",
                               signatories={"CSN": ["no raids"], "FTQ": ["no raids"]},
                               on=SIGNED, non_raiding=non_raiding,
                               jurisdiction="QC" if non_raiding else None, ends=ENDS,
                               actor=ORGANIZER)


def raid(app: BargainingApp, pact: UUID, on: date, expiry: date | None = EXPIRY,
         **kw: str) -> tuple[Flag, ...]:
    args = {"by": "FTQ", "against": "CSN", "unit": "Cleaners",
            "kind": "certification application", "source": "notice"} | kw
    return app.solidarity.record_raid(pact, on=on, expiry=expiry, actor=ORGANIZER, **args)


def test_raids_are_recorded_and_flagged_with_the_raiding_period(app: BargainingApp) -> None:
    pact = signed(app)
    [inside] = raid(app, pact, date(2022, 7, 4))
    [outside] = raid(app, pact, date(2022, 6, 1), kind="membership drive")
    [unknown] = raid(app, pact, date(2022, 6, 2), expiry=None)
    assert "in the raiding period, 2022-07-04 to 2022-08-03" in inside.why
    assert "outside the raiding period" in outside.why
    assert "not known" in unknown.why
    assert raid(app, pact, date(2024, 1, 2)) == ()  # the pact had ended: no breach
    assert raid(app, pact, date(2022, 5, 4)) == ()  # before it was signed
    assert len(app.solidarity.get(pact).raids) == 5
    assert len(app.solidarity.breaches(pact, seen_by="CSN")) == 3
    assert len(app.solidarity.breaches(pact, seen_by="FTQ", on=date(2022, 6, 1))) == 1


def test_a_solidarity_pledge_is_not_breached_by_a_raid(memory_app: BargainingApp) -> None:
    pact = signed(memory_app, non_raiding=False)
    assert raid(memory_app, pact, date(2022, 7, 4)) == ()


def test_what_cannot_be_true_is_refused_and_nothing_recorded(memory_app: BargainingApp) -> None:
    app = memory_app
    pact = signed(app)
    cases = [
        (InvalidInput, "SQEES did not sign",
         lambda: raid(app, pact, date(2022, 7, 4), by="SQEES")),
        (InvalidInput, "another signatory", lambda: raid(app, pact, date(2022, 7, 4),
                                                         against="FTQ")),
        (InvalidInput, "a raid is a", lambda: raid(app, pact, date(2022, 7, 4), kind="merger")),
        (InvalidInput, "needs its source", lambda: raid(app, pact, date(2022, 7, 4),
                                                        source=" ")),
        (RuleViolation, "already signed", lambda: app.solidarity.join(
            pact, signatory="CSN", commits=["more"], on=SIGNED, actor=ORGANIZER)),
        (InvalidInput, "says how much", lambda: app.solidarity.record_action(
            pact, by="FTQ", supporting="CSN", kind=STRIKE_FUND, on=SIGNED, actor=ORGANIZER)),
        (InvalidInput, "how many people", lambda: app.solidarity.record_action(
            pact, by="FTQ", supporting="CSN", kind=PICKET_LINE, on=SIGNED, actor=ORGANIZER)),
        (InvalidInput, "Money above zero", lambda: app.solidarity.record_action(
            pact, by="FTQ", supporting="CSN", kind=STRIKE_FUND, on=SIGNED,
            amount=Money("-5", "CAD"), actor=ORGANIZER)),
    ]
    for error, words, command in cases:
        before = position(app)
        with pytest.raises(error, match=words):
            command()
        assert position(app) == before
    with pytest.raises(InvalidInput, match="names its jurisdiction"):
        app.solidarity.sign(name="x", signatories={"a": ["b"], "c": ["d"]}, on=SIGNED,
                            non_raiding=True, actor=ORGANIZER)
    with pytest.raises(InvalidInput, match="two or more"):
        app.solidarity.sign(name="x", signatories={"a": ["b"]}, on=SIGNED, actor=ORGANIZER)


def test_actions_add_up_per_currency(app: BargainingApp) -> None:
    pact = signed(app, non_raiding=False)
    for amount, currency in (("100.50", "CAD"), ("200.25", "CAD"), ("10", "USD")):
        app.solidarity.record_action(pact, by="FTQ", supporting="CSN", kind=STRIKE_FUND,
                                     on=SIGNED, amount=Money(amount, currency),
                                     actor=ORGANIZER)
    app.solidarity.record_action(pact, by="FTQ local 1", supporting="CSN", kind=PICKET_LINE,
                                 on=SIGNED, people=12, actor=ORGANIZER)
    found = app.solidarity.get(pact)
    assert (found.actions, found.people) == (4, 12)
    assert found.transferred == {"CAD": Money("300.75", "CAD").amount,
                                 "USD": Money("10", "USD").amount}


def test_a_host_sets_its_own_raiding_periods() -> None:
    calendar = RaidingCalendar.build({"ON": RaidingPeriod(90, 0)})
    with BargainingApp("memory", raiding_periods=calendar) as app:
        pact = app.solidarity.sign(name="Ontario pact", signatories={"A": ["x"], "B": ["y"]},
                                   on=SIGNED, non_raiding=True, jurisdiction="on",
                                   actor=ORGANIZER)
        [flag] = raid(app, pact, date(2023, 1, 10), by="A", against="B")
        assert "in the raiding period, 2022-12-31 to 2023-03-31" in flag.why
    with pytest.raises(InvalidInput, match="cannot close before it opens"):
        RaidingPeriod(10, 20)


@given(day=st.dates(date(2022, 1, 1), date(2024, 12, 31)), non_raiding=st.booleans())
@quick(40)
def test_a_raid_is_flagged_exactly_while_a_non_raiding_pact_is_in_force(
        day: date, non_raiding: bool) -> None:
    with BargainingApp("memory") as app:
        pact = signed(app, non_raiding)
        before = len(app.solidarity.get(pact).raids)
        flags = raid(app, pact, day)
        assert len(app.solidarity.get(pact).raids) == before + 1
        in_force = SIGNED <= day <= ENDS
        assert [f.rule for f in flags] == (
            [FlagRule.RAID_BREACHES_PACT] if non_raiding and in_force else [])
