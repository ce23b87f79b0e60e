"""A campaign's readiness and participation as members read them: no count of a small group.

A member-facing view hides the counts of a unit or a work group that would single people
out (fewer than the read policy's smallest group shown in it, or fewer than that took part,
or did not: :func:`~bargaining.domain.people.small_groups.identifying`), and as many more as
it takes that no total gives them back: a unit's line minus its work groups shown; the
campaign's total is hidden whenever a unit is, since readiness shows the other units' lines.
Which counts are hidden is decided per held action, from every count the action recorded,
so that no two readings of the same action (a unit's series, its groups', the campaign's,
its readiness line) can be subtracted into a hidden one. An action's counts are recorded
together and never change, so readings on different days hide them alike.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from uuid import UUID

import attrs

from bargaining.domain.campaigns.counts import Counted
from bargaining.domain.campaigns.readiness import Readiness, SeriesPoint, Standing
from bargaining.domain.people.small_groups import hidden_counts, identifying

#: A work group's key in a unit's counts: its name as matched (any case), or ``None``, the
#: unit counted as a whole.
GroupKey = str | None


@attrs.frozen
class HiddenCounts:
    """What a member-facing view hides of a campaign's counts, per held action: the units
    (by id), the work groups (unit id, group key) and the actions whose campaign-wide
    totals."""

    units: frozenset[tuple[int, UUID]]
    groups: frozenset[tuple[int, UUID, GroupKey]]
    totals: frozenset[int]

    def unit(self, action: int, unit_id: UUID) -> bool:
        return (action, unit_id) in self.units

    def group(self, action: int, unit_id: UUID, work_group: str | None) -> bool:
        return (action, unit_id, _key(work_group)) in self.groups


def _key(work_group: str | None) -> GroupKey:
    return None if work_group is None else work_group.casefold()


def hidden_in(rows: Iterable[Counted], smallest: int) -> HiddenCounts:
    """Which counts of these rows (every count of the campaign's actions) a member may not
    see: per action, each unit's work groups as one table (a unit's total is the sum of its
    rows; the groups hidden are the ones readiness hides), then each unit whose counts
    single people out, with every one of its groups (a unit whose groups, all hidden, would
    together single people out, singles them out itself), and the campaign's total whenever
    a unit is hidden. Hiding larger units with a small one instead would keep the total,
    but a member's readiness report shows those units' lines, and the total minus them
    would give the small unit back."""
    by_action: dict[int, dict[UUID, dict[GroupKey, tuple[int, int]]]] = defaultdict(
        lambda: defaultdict(dict))
    for row in rows:
        cells = by_action[row.action][row.unit_id]
        key = _key(row.work_group)
        e, p = cells.get(key, (0, 0))
        cells[key] = (e + row.eligible, p + row.participants)
    units: set[tuple[int, UUID]] = set()
    groups: set[tuple[int, UUID, GroupKey]] = set()
    totals: set[int] = set()
    for action, by_unit in by_action.items():
        unit_cells: dict[UUID, tuple[int, int]] = {}
        for unit_id, cells in by_unit.items():
            hidden, _ = hidden_counts(cells, smallest)
            groups.update((action, unit_id, key) for key in hidden)
            unit_cells[unit_id] = (sum(e for e, _ in cells.values()),
                                   sum(p for _, p in cells.values()))
        hidden_units = [u for u, (e, p) in unit_cells.items() if identifying(e, p, smallest)]
        for unit_id in hidden_units:
            units.add((action, unit_id))
            groups.update((action, unit_id, key) for key in by_unit[unit_id])
        if hidden_units:
            totals.add(action)
    return HiddenCounts(frozenset(units), frozenset(groups), frozenset(totals))


def members_series(points: Iterable[SeriesPoint], rows: Iterable[Counted], smallest: int,
                   unit_id: UUID | None = None, work_group: str | None = None,
                   ) -> tuple[SeriesPoint, ...]:
    """A participation series as a member reads it: the points whose counts are hidden
    (:func:`hidden_in` every count of the campaign, ``rows``) left out: the campaign's, a
    unit's or one of its work groups', as the series asks."""
    hidden = hidden_in(rows, smallest)
    kept = []
    for point in points:
        if identifying(point.eligible, point.participants, smallest):
            continue
        if unit_id is None:
            gone = point.action in hidden.totals
        elif work_group is None:
            gone = hidden.unit(point.action, unit_id)
        else:
            gone = hidden.group(point.action, unit_id, work_group)
        if not gone:
            kept.append(point)
    return tuple(kept)


def _hide(standing: Standing) -> Standing:
    return attrs.evolve(standing, figure=None, meets_current=None, short_of_current=None,
                        meets_next=None, short_of_next=None, hidden=True)


def members_readiness(report: Readiness, smallest: int) -> Readiness:
    """A readiness report as a member reads it: a work group's line hidden (no figure, no
    distance to the thresholds) when its counts single people out, with as many more of its
    unit's groups as it takes that the unit's line does not give it back, and the unit's own
    line hidden when it singles people out or its groups would give it back. A biggest
    worst whose line is hidden is not named."""
    lines = []
    for line in report.units:
        # keyed as hidden_in keys them, so that ties between groups of the same size are
        # broken alike and the series of the same action hide the same groups
        cells = {_key(g.work_group): (g.figure.eligible, g.figure.participants)
                 for g in line.groups if g.figure is not None}
        hidden, whole_hidden = hidden_counts(cells, smallest)
        groups = tuple(_hide(g) if _key(g.work_group) in hidden else g for g in line.groups)
        own = line.standing.figure
        unit_hidden = whole_hidden or (
            own is not None and identifying(own.eligible, own.participants, smallest))
        standing = _hide(line.standing) if unit_hidden else line.standing
        lines.append(attrs.evolve(line, standing=standing, groups=groups))
    worst, worst_rung = report.biggest_worst, report.biggest_worst_rung
    if worst is not None:
        named = (worst.unit_id, worst.work_group, worst.whole_unit)
        if any(s.hidden and (s.unit_id, s.work_group, s.whole_unit) == named
               for line in lines for s in (line.standing, *line.groups)):
            worst, worst_rung = None, None
    return attrs.evolve(report, units=tuple(lines), biggest_worst=worst,
                        biggest_worst_rung=worst_rung)
