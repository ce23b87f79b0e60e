"""Counts of small groups, hidden from members: a count of a work group of three says who
did not take part.

A member-facing view hides every count of a group with fewer workers than the policy's
smallest group shown. Hiding the group is not enough when a total is shown: the total minus
the groups shown gives the hidden one back. Hiding larger groups with it until the hidden
ones hold enough workers together only holds for one day: a member reads the counts on
another day too, and one day's total minus another's gives back whatever changed in the
hidden groups between them (a shift of three added, two of its workers mapped). So a
workplace's totals are shown only when no group counting anyone is hidden: then they hold
nothing but the groups shown, on every day, and no reading of other days subtracts anything
from them.

A test's counts are a group of their own: in a shift of sixty, a petition that all but two
signed says who the two are, to anyone who knows who signed. So a test's counts are hidden
when fewer than the smallest took part, or fewer than the smallest did not (none at all is
no one singled out). A held action's counts are recorded at once and never change, so the
groups of one action may still be hidden together so its totals give nothing back
(:func:`hidden_counts`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from itertools import pairwise
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def hidden_groups(workers: Mapping[K, int], smallest: int) -> tuple[frozenset[K], bool]:
    """The groups whose counts a member may not see, and whether the totals are hidden too.

    ``workers`` is each group's number of workers. A group smaller than ``smallest`` is
    hidden, and no other: the totals are hidden whenever a hidden group counts anyone, since
    a total holding a hidden group's counts gives them back by subtraction, if not from the
    groups shown that day then from the totals of another day (hiding more groups with it
    only hides them from one day's reading). This hides least while safe: the totals it
    hides hold nothing a member could be shown, and the groups shown are every group large
    enough to show."""
    hidden = frozenset(name for name, n in workers.items() if n < smallest)
    return hidden, any(workers[name] > 0 for name in hidden)


def small(count: int, smallest: int) -> bool:
    """Whether a count of people singles them out: some, but fewer than ``smallest``."""
    return 0 < count < smallest


def identifying(eligible: int, took_part: int, smallest: int) -> bool:
    """Whether a group's test counts say who took part or who did not: the group is smaller
    than ``smallest``, or fewer than ``smallest`` took part, or fewer did not."""
    return (eligible < smallest or small(took_part, smallest)
            or small(eligible - took_part, smallest))


def close_readings(readings: Iterable[tuple[int, int]], smallest: int) -> bool:
    """Whether two readings of one group's counts, each (eligible, took part), say who
    joined, left, took part or stopped: any two of them, not only successive ones, differ
    by a few (some, fewer than ``smallest``) in those eligible, in those who took part, or
    in those who did not. 150 cards, 157, then 152: the first and the third name the two
    who signed; 100 eligible with 60 cards, then 102 with 60: the two newcomers did not
    sign. The closest two of each are neighbours once sorted, so sorting finds them."""
    seen = set(readings)
    for series in ({e for e, _ in seen}, {p for _, p in seen}, {e - p for e, p in seen}):
        ordered = sorted(series)
        if any(small(after - before, smallest) for before, after in pairwise(ordered)):
            return True
    return False


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
