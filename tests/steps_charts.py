"""Step definitions for charts.feature: the readiness wall, the strike chart and a budget
against the members' goals (its budget recorded by the budgets feature's steps)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then

from bargaining.charts import (
    BudgetChart,
    ReadinessWall,
    StrikeChart,
    budget_chart,
    readiness_wall,
    render,
    strike_chart,
)
from bargaining.presentation.budget_reports import percent_text
from tests.steps_budgets import Books
from tests.steps_escalation import CHAIR, Scene, day

Drawn = dict[str, ReadinessWall | StrikeChart | BudgetChart]


@pytest.fixture
def drawn() -> Drawn:
    """The charts a scenario has read, by kind ("wall", "strikes")."""
    return {}


@given(parsers.parse("their headcounts are {counts}"))
def headcounts(scene: Scene, counts: str) -> None:
    numbers = [int(n) for n in re.findall(r"\d+", counts)]
    for uid, number in zip(scene.units.values(), numbers, strict=True):
        scene.app.units.change_headcount(uid, number, actor=CHAIR)


@then(parsers.parse('the readiness wall on {on} reads, on "{rung}":'))
def wall_reads(scene: Scene, drawn: Drawn, on: str, rung: str,
               datatable: list[list[str]]) -> None:
    scene.ok()
    wall = drawn["wall"] = readiness_wall(scene.app, scene.cid, on=day(on))
    assert wall.rung == rung
    read = [[row.unit, row.cell(rung).text, row.cell(rung).mark.value,
             "held back" if row.held_back else ""] for row in wall.rows]
    assert read == datatable[1:]


@then(parsers.parse('the wall says "{text}"'))
def wall_says(drawn: Drawn, text: str) -> None:
    assert drawn["wall"].caption == text


def _written(chart: ReadinessWall | StrikeChart | BudgetChart, folder: Path) -> None:
    png, svg = render(chart, folder / "chart.png"), render(chart, folder / "chart.svg")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert ET.parse(svg).getroot().tag.endswith("svg")


@then("the wall chart is written as a PNG and as an SVG")
def wall_written(drawn: Drawn, tmp_path: Path) -> None:
    _written(drawn["wall"], tmp_path)


@then(parsers.parse("the strike chart runs from {first} to {last} and reads:"))
def strike_chart_reads(scene: Scene, drawn: Drawn, first: str,
                       last: str, datatable: list[list[str]]) -> None:
    scene.ok()
    chart = strike_chart(scene.app, scene.cid)
    drawn["strikes"] = chart
    assert (chart.days[0], chart.days[-1]) == (day(first), day(last))
    by_day = {d: (u, w) for d, u, w in zip(chart.days, chart.units_out, chart.workers_out,
                                           strict=True)}
    read = []
    for on, _, _ in datatable[1:]:
        units, workers = by_day[date.fromisoformat(on)]
        read.append([on, str(units), f"{workers:,}"])
    assert read == datatable[1:]


@then(parsers.parse('the strike chart says "{text}"'))
def strike_chart_says(drawn: Drawn, text: str) -> None:
    assert drawn["strikes"].caption == text


@then("the strike chart is written as a PNG and as an SVG")
def strike_chart_written(drawn: Drawn, tmp_path: Path) -> None:
    _written(drawn["strikes"], tmp_path)


@then(parsers.parse('the budget chart of the "{name}" reads, per goal:'))
def budget_chart_reads(books: Books, drawn: Drawn, name: str,
                       datatable: list[list[str]]) -> None:
    chart = budget_chart(books.app, books.budgets[name])
    drawn["budget"] = chart
    read = [[goal.name, f"{goal.allocated:,}", f"{goal.spent:,}",
             f"{goal.over:,}" if goal.over else ""] for goal in chart.goals]
    assert read == datatable[1:]


@then("the budget chart shows the share of spending:")
def budget_chart_shares(drawn: Drawn, datatable: list[list[str]]) -> None:
    chart = drawn["budget"]
    assert isinstance(chart, BudgetChart)
    read = [[part.part, f"{part.amount:,}", percent_text(part.percent)] for part in chart.parts]
    assert read == datatable[1:]


@then(parsers.parse('the budget chart says "{text}"'))
def budget_chart_says(drawn: Drawn, text: str) -> None:
    assert drawn["budget"].caption == text


@then("the budget chart is written as a PNG and as an SVG")
def budget_chart_written(drawn: Drawn, tmp_path: Path) -> None:
    _written(drawn["budget"], tmp_path)
