"""``bargaining chart budget`` through the real entry point, in a subprocess, on SQLite and
PostgreSQL: the budget against its goals written as SVG and PNG, as it stood on a day, and
refusals in words."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

from bargaining import BargainingApp
from tests.chart_stories import budget_2025
from tests.test_cli import bargaining, cli_store

__all__ = ["cli_store"]  # the store fixture, on SQLite and PostgreSQL


def test_the_budget_chart_is_drawn_to_files(cli_store: str, tmp_path: Path) -> None:
    with BargainingApp(cli_store) as app:
        budget = str(budget_2025(app))
    svg = tmp_path / "budget.svg"
    drawn = bargaining("chart", "budget", budget, str(svg), "--json", store=cli_store)
    assert drawn.returncode == 0, drawn.stderr
    assert json.loads(drawn.stdout) == {"chart": "the budget chart", "file": str(svg)}
    assert ElementTree.parse(svg).getroot().tag.endswith("svg")
    png = tmp_path / "budget-june.png"
    drawn = bargaining("chart", "budget", budget, str(png), "--on", "2025-06-13",
                       store=cli_store)
    assert drawn.returncode == 0, drawn.stderr
    assert drawn.stdout == f"the budget chart written to {png}\n"
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    known = bargaining("chart", "budget", budget, str(tmp_path / "known.svg"), "--at",
                       "2030-01-01T00:00:00+00:00", store=cli_store)
    assert known.returncode == 0, known.stderr


def test_the_budget_chart_refuses_in_words(cli_store: str, tmp_path: Path) -> None:
    with BargainingApp(cli_store) as app:
        budget = str(budget_2025(app))
    for args, words in [
        ((budget, str(tmp_path / "b.gif")), "a chart is written as .svg or .png"),
        (("2025 budget", str(tmp_path / "b.svg")), "the budget is named by its id"),
        ((budget, str(tmp_path / "b.svg"), "--on", "2025-13-01"), "YYYY-MM-DD"),
        ((budget, str(tmp_path / "b.svg"), "--on", "2025-06-13", "--at", "2025-06-13"),
         "at a moment or at a version: one"),
    ]:
        refused = bargaining("chart", "budget", *args, store=cli_store)
        assert refused.returncode == 2, (args, refused.stderr)
        assert words in refused.stderr and "Traceback" not in refused.stderr
    assert list(tmp_path.glob("b.*")) == []


def test_the_budget_chart_command_has_help_with_an_example() -> None:
    answer = bargaining("chart", "budget", "--help")
    assert answer.returncode == 0
    assert "Example: bargaining chart budget" in answer.stdout
    assert "budget" in bargaining("chart", "--help").stdout
