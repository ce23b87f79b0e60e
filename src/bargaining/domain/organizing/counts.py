"""A workplace's counts by work group, as a reader may see them.

Organizers see every count. A member-facing view hides the counts of work groups smaller than
the read policy's smallest group (five by default), and the totals whenever such a group
counts anyone, so that no total minus the groups shown, nor one day's totals minus another
day's, gives a small group back (:mod:`bargaining.domain.people.small_groups`):
a structure test of a work group of three that two took part in says who did not. A
large group's test whose counts single people out (fewer than five took part, or fewer than
five did not) shows the group's map but not that test.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from bargaining.domain.organizing.mapping import GroupTest, MapCount
from bargaining.domain.people.small_groups import hidden_groups, identifying
from bargaining.domain.shared.errors import InvalidInput


@attrs.frozen(kw_only=True)
class GroupCounts:
    """One work group's counts: its map, and its latest structure test's eligible workers
    and participants. Every count is ``None`` when ``hidden``; the test's alone when
    ``test_hidden`` (in a member-facing view, a test that fewer than five took part in, or
    fewer than five did not, says who)."""

    group: str
    hidden: bool
    workers: int | None
    mapped: int | None
    contacts: int | None
    leaders: int | None
    tested: int | None
    took_part: int | None
    test_hidden: bool = False


@attrs.frozen(kw_only=True)
class WorkplaceCounts:
    """A workplace's counts on a day, by work group, with totals (``None`` in a
    member-facing view while a hidden group counts anyone: they would give it back)."""

    on: date
    groups: tuple[GroupCounts, ...]
    workers: int | None
    mapped: int | None

    def group(self, name: str) -> GroupCounts:
        for found in self.groups:
            if found.group == name:
                return found
        raise InvalidInput.worded("the workplace has no work group of that name")


def counts(maps: dict[str, MapCount], tests: Iterable[GroupTest], on: date,
           smallest: int | None) -> WorkplaceCounts:
    """The counts of each group's map and latest test on or before ``on``; with
    ``smallest`` (a member-facing view), small groups' counts hidden."""
    latest: dict[str, GroupTest] = {}
    for test in tests:
        if test.on <= on and (test.group not in latest or latest[test.group].on <= test.on):
            latest[test.group] = test
    hidden, totals_hidden = (frozenset(), False) if smallest is None else hidden_groups(
        {name: m.workers for name, m in maps.items()}, smallest)
    rows = []
    for name, m in maps.items():
        last = latest.get(name)
        if name in hidden:
            rows.append(GroupCounts(group=name, hidden=True, workers=None, mapped=None,
                                    contacts=None, leaders=None, tested=None, took_part=None))
        else:
            test_hidden = (smallest is not None and last is not None
                           and identifying(last.eligible, last.participants, smallest))
            shown = None if test_hidden else last
            rows.append(GroupCounts(
                group=name, hidden=False, workers=m.workers, mapped=m.mapped,
                contacts=m.contacts, leaders=m.leaders,
                tested=shown.eligible if shown else None,
                took_part=shown.participants if shown else None, test_hidden=test_hidden))
    return WorkplaceCounts(
        on=on, groups=tuple(rows),
        workers=None if totals_hidden else sum(m.workers for m in maps.values()),
        mapped=None if totals_hidden else sum(m.mapped for m in maps.values()))
