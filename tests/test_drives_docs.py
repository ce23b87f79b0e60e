"""The drives page prints what it says of refusals: a card count above the workers and a
workplace the organizing context does not know (the page is run with every other page by
``tests/test_docs.py``; this pins those lines of its output)."""

from __future__ import annotations

from pathlib import Path

from tests.test_docs import ROOT, run_page

PAGE = ROOT / "docs" / "hosts" / "drives.md"


def test_drives_page_prints_its_refusals(tmp_path: Path) -> None:
    printed = run_page(PAGE, tmp_path).output.splitlines()
    assert "240 cards signed cannot be: the workplace had 230 eligible workers on 2024-04-03" \
        in printed
    assert "the organizing context knows no workplace" in printed
