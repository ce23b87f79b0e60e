"""The charts page prints what it shows, and writes its pictures."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.test_docs import ROOT, run_page


def test_charts_page_prints_what_it_shows(tmp_path: Path) -> None:
    page = run_page(ROOT / "docs/hosts/charts.md", tmp_path)
    out = page.output
    assert ("7 units, 566,000 workers; Front commun 2023: window 2023-03-01 to 2023-04-30, "
            "target 2028-03-31") in out
    assert "health     units 3, workers 295,000\n" in out
    assert "2025-11-07 Red Shirt Friday            690 of 1,240 (55.6%) short" in out
    assert "peak 14,000 workers out (3 units) on 2023-09-29\n2023-09-15 to 2023-11-05\n" in out
    assert "2023-09-29 3 14,000\n2023-10-30 2 10,400\n" in out
    assert ("CUPE 79, City of Toronto (LTC homes)   12.9%, 160 of 1,240 | 72.6%, 900 of 1,240 | "
            "80.6%, 1,000 of 1,240 | 55.6%, 54 short") in out
    assert ("2. Organize the unorganized in long-term care  365,000.00 CAD spent of 360,000.00 "
            "CAD, 5,000.00 CAD over\n") in out
    assert "governance and internal politics       120,000.00\n" in out
    assert "Organizing and frontline engagement: 310,000.00 CAD, 31% of spending" in out
    folder = page.namespace["folder"]
    try:
        assert sorted(p.name for p in folder.iterdir()) == [
            "budget.svg", "expiry-timeline.svg", "growth.png", "strike.png", "wall.svg"]
    finally:
        shutil.rmtree(folder)
