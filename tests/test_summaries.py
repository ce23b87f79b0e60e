"""The summary tables: each summary module fills its own, and the public module joins them."""

from __future__ import annotations

from typing import Any

import pytest

from bargaining.presentation import bargaining_summaries, campaign_summaries
from bargaining.presentation.summaries import K, U, has_summary
from bargaining.presentation.wording import Names, SummaryTable


def test_the_public_module_holds_every_table() -> None:
    for table in (bargaining_summaries.TABLE, campaign_summaries.TABLE):
        assert table.summaries
        assert all(has_summary(cls) for cls in table.summaries)
    assert has_summary(U.Registered) and has_summary(K.Launched)


def test_an_event_class_summarized_in_two_tables_is_refused() -> None:
    def line(e: Any, names: Names) -> str:
        return "twice"

    first, second = SummaryTable(), SummaryTable()
    first.summary(U.Registered)(line)
    second.summary(U.Registered)(line)
    with pytest.raises(ValueError, match=r"summarized twice: BargainingUnit\.Registered"):
        SummaryTable.joined(first, second)
    first.dated(K.Launched, lambda e: None)
    assert SummaryTable.joined(first).dates == {K.Launched: first.dates[K.Launched]}
