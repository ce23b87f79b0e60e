"""The arithmetic of a count: where it stands, who leads, and whether it is decided.

A :class:`ElectionCount` is the count at one step: the votes each candidate has, the challenged
ballots not yet resolved, and the ballots that count for no one (spoiled or blank when
counted, and challenged ballots rejected). It is decided for the leader when nothing the
challenged ballots left could change would take the result away: the lead exceeds them, and
the leader still has the majority the rules need if every one of them went to others.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import attrs

from bargaining.domain.shared.shares import percent_of, show_percent


@attrs.frozen
class ElectionCount:
    """The count as it stands: ``votes`` per candidate id, ``challenged`` ballots left to
    resolve, and ballots that count for no one (``spoiled`` when counted, ``rejected`` when
    a challenge was resolved against them)."""

    votes: Mapping[str, int]
    challenged: int = 0
    spoiled: int = 0
    rejected: int = 0

    @property
    def valid(self) -> int:
        """Ballots counted for a candidate."""
        return sum(self.votes.values())

    @property
    def ballots(self) -> int:
        """Every ballot received: counted, challenged, spoiled or rejected."""
        return self.valid + self.challenged + self.spoiled + self.rejected

    def ranked(self) -> list[tuple[str, int]]:
        """Candidates by their votes, most first (ties in the order they were nominated)."""
        return sorted(self.votes.items(), key=lambda item: -item[1])

    @property
    def leader(self) -> str | None:
        """The candidate with the most votes; ``None`` before any vote or on a tie for first."""
        ranked = self.ranked()
        if not ranked or ranked[0][1] == 0:
            return None
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None
        return ranked[0][0]

    @property
    def lead(self) -> int:
        """The leader's votes over the runner-up's (0 on a tie)."""
        ranked = [v for _, v in self.ranked()]
        if not ranked:
            return 0
        return ranked[0] - (ranked[1] if len(ranked) > 1 else 0)

    def share(self, candidate: str) -> Fraction:
        """The candidate's votes as a percentage of the valid votes."""
        return percent_of(self.votes.get(candidate, 0), self.valid)

    def passes(self, candidate: str, majority: Fraction | None) -> bool:
        """Whether the candidate has more than ``majority`` percent of the valid votes
        (``None``: a plurality is enough, so leading is)."""
        if majority is None:
            return candidate == self.leader
        return self.votes.get(candidate, 0) * 100 > majority * self.valid

    def decided(self, majority: Fraction | None) -> bool:
        """Whether the leader has won whatever the challenged ballots left turn out to be:
        the lead exceeds them, and the leader passes the majority even if every one of them
        is counted for others."""
        leader = self.leader
        if leader is None or self.lead <= self.challenged:
            return False
        if majority is None:
            return True
        return self.votes[leader] * 100 > majority * (self.valid + self.challenged)

    def describe(self) -> str:
        """'A 50.2%, B 49.8%; lead 645; 1,608 challenged left'."""
        shares = ", ".join(f"{c} {v:,} ({show_percent(self.share(c))})"
                           for c, v in self.ranked())
        return f"{shares}; lead {self.lead:,}; {self.challenged:,} challenged left"
