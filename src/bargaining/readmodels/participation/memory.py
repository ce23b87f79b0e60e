"""One campaign's participation history made in memory from its changes: the history as it
was known at a past moment (the campaign's events up to a version), where the tables hold
only the present one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from fractions import Fraction
from uuid import UUID

from bargaining.domain.campaigns.counts import Counted, HeldTest, RecordedSpell
from bargaining.domain.shared.flags import Flag
from bargaining.readmodels.participation.ports import Change


class MemoryHistory:
    """A campaign's history from its changes, in the order recorded (``ports.Change``)."""

    def __init__(self, changes: Iterable[Change]) -> None:
        self._tests: list[HeldTest] = []
        self._counts: list[Counted] = []
        spells: dict[tuple[str, str], list[object]] = {}
        for change in changes:
            if change[0] == "held":
                _, _, n, name, rung, threshold, held_on, e, p, passed, counts = change
                day = date.fromisoformat(held_on)
                self._tests.append(HeldTest(n, name, rung, Fraction(threshold), day, e, p,
                                            passed))
                self._counts += [Counted(n, name, rung, day, UUID(unit), group, ce, cp)
                                 for unit, group, ce, cp in counts]
            elif change[0] == "out":
                _, _, unit, start, back, part_day, hours, flags = change
                spells[(unit, start)] = [unit, start, back, part_day, hours, flags]
            else:
                _, _, unit, back = change
                for spell in spells.values():
                    if spell[0] == unit and spell[2] is None:
                        spell[2] = back
        self._tests.sort(key=lambda t: (t.held_on, t.action))
        order = {t.action: i for i, t in enumerate(self._tests)}
        self._counts.sort(key=lambda c: order[c.action])  # stable: each action's own order
        self._spells = [RecordedSpell(
            UUID(str(unit)), date.fromisoformat(str(start)),
            None if back is None else date.fromisoformat(str(back)), bool(part_day),
            None if hours is None else Fraction(str(hours)),
            tuple(Flag.from_plain(f) for f in json.loads(json.dumps(flags))),
        ) for (unit, start, back, part_day, hours, flags) in sorted(
            spells.values(), key=lambda s: (str(s[0]), str(s[1])))]

    def counted(self, on: date) -> Iterable[Counted]:
        return [c for c in self._counts if c.held_on <= on]

    def standing_counts(self, on: date) -> Iterable[Counted]:
        return self.counted(on)

    def unit_counted(self, unit_id: UUID) -> Iterable[Counted]:
        return [c for c in self._counts if c.unit_id == unit_id]

    def tests(self) -> Sequence[HeldTest]:
        return list(self._tests)

    def last_held(self) -> date | None:
        return max((t.held_on for t in self._tests), default=None)

    def spells(self) -> Sequence[RecordedSpell]:
        return list(self._spells)
