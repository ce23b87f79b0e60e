"""The organizing page prints what it shows: each python block's trailing comment lines are
what the page's blocks print, in order (the page is run with every other page by
``tests/test_docs.py``; this pins its documented output)."""

from __future__ import annotations

from pathlib import Path

from tests.test_democracy_docs import shown
from tests.test_docs import ROOT, python_blocks, run_page

PAGE = ROOT / "docs" / "hosts" / "organizing.md"


def test_organizing_page_prints_what_it_shows(tmp_path: Path) -> None:
    expected = [line for block in python_blocks(PAGE) for line in shown(block.code)]
    assert len(expected) > 12
    assert run_page(PAGE, tmp_path).output.splitlines() == expected
