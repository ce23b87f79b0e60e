"""Counts of small groups, hidden from members: a count of a work group of three says who
did not take part.

A member-facing view hides every count of a group with fewer workers than the policy's
smallest group shown. Hiding one group is not enough when a total is shown: the total minus
the groups shown gives the hidden one back. So groups are hidden until the hidden ones hold
at least the smallest group's number of workers together (the smallest shown groups are
hidden next), and when even all of them hold fewer, the totals are hidden too.
"""

from __future__ import annotations

from collections.abc import Mapping


def hidden_groups(workers: Mapping[str, int], smallest: int) -> tuple[frozenset[str], bool]:
    """The groups whose counts a member may not see, and whether the totals are hidden too.

    ``workers`` is each group's number of workers. A group smaller than ``smallest`` is
    hidden; then the smallest groups shown are hidden with it until the hidden groups hold at
    least ``smallest`` workers (so no total minus the shown groups reveals fewer); if every
    group is hidden and they hold fewer, the totals are hidden as well."""
    hidden = {name for name, n in workers.items() if n < smallest}
    if not hidden:
        return frozenset(), False
    shown = sorted((n, name) for name, n in workers.items() if name not in hidden)
    while sum(workers[name] for name in hidden) < smallest and shown:
        hidden.add(shown.pop(0)[1])
    totals_hidden = sum(workers[name] for name in hidden) < smallest
    return frozenset(hidden), totals_hidden
