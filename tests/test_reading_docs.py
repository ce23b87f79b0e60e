"""The reading-and-roles page prints what its retention blocks show: a leader of 2019 erased
by a run on 2026-06-01, nobody new on a second run, and a leader of 2019 entered today kept by
a run today but not by a run on a day before they were entered (the page is run with every
other page by ``tests/test_docs.py``; this pins the end of its output)."""

from __future__ import annotations

from pathlib import Path

from tests.test_docs import ROOT, run_page

PAGE = ROOT / "docs" / "hosts" / "reading-and-roles.md"


def test_the_retention_blocks_print_what_they_show(tmp_path: Path) -> None:
    printed = run_page(PAGE, tmp_path).output.splitlines()
    assert printed[-6:] == [
        "('w-005',)",
        "1 2023-06-02",
        "Retention run on 2026-06-01: one person inactive for 1,095 days (last active before "
        "2023-06-02) erased, recorded by the data steward",
        "()",
        "()",
        "('w-006',)",
    ]
