"""The disputes context answers the strike flags of many units at once, each law and
intervention read once for all the units it covers, with the flags it gives unit by unit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from uuid import uuid4

from bargaining import EXAMPLE_STRIKE_POSITIONS, BargainingApp, FlagRule
from bargaining.application.ports import NoStrikeConditions, strike_flags_by_unit
from tests.test_disputes import STEWARD, law, moment, unit

DAYS = [date(2023, 2, 27) + timedelta(days=n) for n in range(24)]


def test_many_units_flags_at_once_are_each_units_flags(
    open_app: Callable[..., BargainingApp],
) -> None:
    app = open_app(strike_positions=EXAMPLE_STRIKE_POSITIONS)
    covered = [unit(app, f"Workers {n}") for n in range(3)]
    elsewhere = unit(app, "Drivers", region="MB")
    bill = law(app, covered[:2])
    app.disputes.pass_law(bill, on=date(2023, 3, 5), source="royal assent", actor=STEWARD)
    app.disputes.report_no_board([covered[1], covered[2], elsewhere], on=date(2023, 3, 1),
                                 source="s", actor=STEWARD)
    before_repeal = moment()
    app.disputes.repeal_law(bill, on=date(2023, 3, 12), source="s", by="Bill 2",
                            deemed_never_in_force=True, actor=STEWARD)
    wanted = {u: DAYS for u in [*covered, elsewhere]}
    for at in (None, before_repeal):
        batch = app.disputes.strike_flags_by_unit(wanted, at=at)
        assert batch == {u: app.disputes.strike_flags_by_day(u, DAYS, at=at) for u in wanted}
    then = app.disputes.strike_flags_by_unit(wanted, at=before_repeal)
    assert [f.rule for f in then[covered[0]][date(2023, 3, 6)]] == [
        FlagRule.LAW_IN_FORCE, FlagRule.BEFORE_LEGAL_STRIKE_POSITION]
    assert [f.rule for f in then[covered[1]][date(2023, 3, 20)]] == [FlagRule.LAW_IN_FORCE]
    assert then[covered[2]][date(2023, 3, 18)] == []
    assert all(not flags for flags in then[elsewhere].values()), "no rule, no law: no flag"


def test_conditions_without_the_batch_method_are_asked_unit_by_unit() -> None:
    class ByDay:
        def __init__(self) -> None:
            self.asked: list[object] = []

        def strike_flags(self, unit_id: object, on: date, *, at: object = None) -> list[object]:
            return []

        def strike_flags_by_day(self, unit_id: object, days: list[date], *,
                                at: object = None) -> dict[date, list[object]]:
            self.asked.append(unit_id)
            return {d: [] for d in days}

    host, units = ByDay(), [uuid4(), uuid4()]
    found = strike_flags_by_unit(host, {u: DAYS[:2] for u in units})  # type: ignore[arg-type,misc]
    assert host.asked == units and found == {u: {DAYS[0]: [], DAYS[1]: []} for u in units}
    assert strike_flags_by_unit(NoStrikeConditions(), {units[0]: DAYS}) == {}
