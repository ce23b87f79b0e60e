"""The democracy page prints what it shows (the page is run with every other page by
``tests/test_docs.py``; this pins its documented output)."""

from __future__ import annotations

from pathlib import Path

from tests.test_docs import ROOT, run_page


def test_democracy_page_prints_what_it_shows(tmp_path: Path) -> None:
    page = (ROOT / "docs" / "hosts" / "democracy.md").read_text()
    shown = [line.removeprefix("# ") for line in page.splitlines()
             if line.startswith("# ") and not line.startswith("# Member democracy")]
    out = run_page(ROOT / "docs" / "hosts" / "democracy.md", tmp_path).output
    assert out.splitlines() == shown
