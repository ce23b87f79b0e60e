"""Counts of small groups, hidden from members: a count of a work group of three says who
did not take part.

A member-facing view hides every count of a group with fewer workers than the policy's
smallest group shown. Hiding one group is not enough when a total is shown: the total minus
the groups shown gives the hidden one back. So groups are hidden until the hidden ones hold
at least the smallest group's number of workers together (the smallest shown groups are
hidden next), and when even all of them hold fewer, the totals are hidden too.

A test's counts are a group of their own: in a shift of sixty, a petition that all but two
signed says who the two are, to anyone who knows who signed. So a test's counts are hidden
when fewer than the smallest took part, or fewer than the smallest did not (none at all is
no one singled out); the same complement keeps totals from giving them back.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def hidden_groups(workers: Mapping[K, int], smallest: int) -> tuple[frozenset[K], bool]:
    """The groups whose counts a member may not see, and whether the totals are hidden too.

    ``workers`` is each group's number of workers. A group smaller than ``smallest`` is
    hidden; then the smallest groups shown are hidden with it until the hidden groups hold at
    least ``smallest`` workers (so no total minus the shown groups reveals fewer); if every
    group is hidden and they hold fewer, the totals are hidden as well."""
    return hidden_counts({name: (n, 0) for name, n in workers.items()}, smallest)


def small(count: int, smallest: int) -> bool:
    """Whether a count of people singles them out: some, but fewer than ``smallest``."""
    return 0 < count < smallest


def identifying(eligible: int, took_part: int, smallest: int) -> bool:
    """Whether a group's test counts say who took part or who did not: the group is smaller
    than ``smallest``, or fewer than ``smallest`` took part, or fewer did not."""
    return (eligible < smallest or small(took_part, smallest)
            or small(eligible - took_part, smallest))


def hidden_counts(counts: Mapping[K, tuple[int, int]], smallest: int,
                  ) -> tuple[frozenset[K], bool]:
    """The groups whose counts a member may not see, and whether the totals are hidden too.

    ``counts`` is each group's (eligible, took part). A group is hidden when its counts are
    :func:`identifying`; then the smallest groups shown are hidden with it until what the
    hidden groups hold together (eligible, took part, did not) is itself not identifying, so
    no total minus the groups shown singles anyone out; if every group is hidden and that is
    still not so, the totals are hidden as well."""
    hidden = {name for name, (e, p) in counts.items() if identifying(e, p, smallest)}
    if not hidden:
        return frozenset(), False

    def unsafe() -> bool:
        e = sum(counts[name][0] for name in hidden)
        p = sum(counts[name][1] for name in hidden)
        return identifying(e, p, smallest)

    shown = sorted((e, str(name), name) for name, (e, _) in counts.items()
                   if name not in hidden)
    while unsafe() and shown:
        hidden.add(shown.pop(0)[2])
    return frozenset(hidden), unsafe()
