"""Campaign snapshots of older shapes, read as today's.

A snapshot is a copy of a campaign's state kept to load it faster. The first shape (class
version 1, written until 2026-11-30) held every held action with its counts and structure test,
and every strike spell with its flags; today's keeps what the rules need (``standing``), and
the counts are the participation history's. A snapshot of the first shape is upcast, not
ignored: it holds all that today's needs, and ignoring it would replay every event of a long
campaign until its next snapshot.
"""

from __future__ import annotations

from typing import Any

from bargaining.domain.campaigns import standing
from bargaining.domain.campaigns.timeline import Action


def upcast_snapshot(state: dict[str, Any]) -> None:
    """A campaign snapshot of class version 1 as version 2: held actions keep their name
    (each unit's results become its two latest per rung), open ones their plan, and strike
    spells become days."""
    results: dict[str, list[int]] = {}
    actions: list[Action] = state.pop("actions")
    for action in actions:
        test = action.test
        if test is not None:
            for result in test.units:
                standing.add_result(results, result.unit_id.hex, test.rung, test.held_on,
                                    action.number, result.eligible, result.participants)
    state["results"] = results
    state["action_names"] = [a.name for a in actions]
    state["plans"] = {a.number: a for a in actions if not a.held and not a.cancelled}
    state["cancelled_actions"] = [a.number for a in actions if a.cancelled]
    for unit in state["units"].values():
        days: list[int | None] = []
        for spell in unit.strikes:
            days += [spell.start.toordinal(), None if spell.end is None else spell.end.toordinal()]
        unit.strikes = days
