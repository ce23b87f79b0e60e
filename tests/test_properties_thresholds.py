"""Whether a count meets a threshold, and how many it is short, in whole numbers: the same as
the exact shares they stand for (a threshold is a fraction of percent)."""

from __future__ import annotations

import math
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from bargaining.domain.campaigns.participation import meets, short_of

thresholds = st.fractions(min_value=0, max_value=100, max_denominator=1000)
counts = st.integers(0, 100_000)


@given(counts, counts, thresholds)
def test_meeting_a_threshold_is_reaching_its_share(
    participants: int, eligible: int, threshold: Fraction,
) -> None:
    assert meets(participants, eligible, threshold) is (
        eligible > 0 and Fraction(participants * 100, eligible) >= threshold)


@given(counts, counts, thresholds)
def test_short_of_a_threshold_is_the_participants_missing_from_its_share(
    participants: int, eligible: int, threshold: Fraction,
) -> None:
    assert short_of(participants, eligible, threshold) == max(
        0, math.ceil(threshold * eligible / 100) - participants)
