"""Pictures of a campaign, as SVG or PNG files: the expiry timeline, participation growth, the
strike chart, the readiness wall chart and a budget against the members' goals. Import it as
``bargaining.charts``.

Each chart is two steps, so a host can check or reuse the numbers without drawing: a data
function reads the application and returns a frozen value (the series, labels and marks), and
``render`` writes that value to a file, SVG or PNG by its suffix. ``write_*`` do both in one
call, for a command line or a scheduled report. Drawing needs matplotlib, an optional extra:
``pip install 'bargaining[charts]'``.
"""

from __future__ import annotations

try:
    import matplotlib  # noqa: F401
except ImportError as missing:  # pragma: no cover - exercised in a subprocess
    raise ImportError(
        "bargaining.charts draws with matplotlib, which is not installed: install the "
        "charts extra, pip install 'bargaining[charts]'", name="matplotlib",
    ) from missing

import os
from datetime import date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from bargaining.adapters.charts.budget import (
    BudgetChart,
    GoalBar,
    SpendingPart,
    budget_chart,
    draw_budget_chart,
)
from bargaining.adapters.charts.canvas import FORMATS
from bargaining.adapters.charts.expiry_timeline import (
    MOST_SECTORS,
    ClusterMarks,
    ExpiryTimeline,
    SectorSeries,
    draw_expiry_timeline,
    expiry_timeline,
)
from bargaining.adapters.charts.growth import (
    ParticipationGrowth,
    draw_participation_growth,
    participation_growth,
)
from bargaining.adapters.charts.strikes import (
    MOST_UNITS,
    StrikeChart,
    StrikeLine,
    draw_strike_chart,
    strike_chart,
)
from bargaining.adapters.charts.wall import (
    CellMark,
    ReadinessWall,
    WallCell,
    WallRow,
    draw_readiness_wall,
    readiness_wall,
)
from bargaining.app import BargainingApp
from bargaining.domain.shared.errors import InvalidInput
from bargaining.readmodels.expiry_map import MapFilter

Chart = ExpiryTimeline | ParticipationGrowth | StrikeChart | ReadinessWall | BudgetChart
_DRAWERS: dict[type[Any], Any] = {
    BudgetChart: draw_budget_chart,
    ExpiryTimeline: draw_expiry_timeline,
    ParticipationGrowth: draw_participation_growth,
    StrikeChart: draw_strike_chart,
    ReadinessWall: draw_readiness_wall,
}


def render(chart: Chart, path: str | os.PathLike[str]) -> Path:
    """Write a chart's data as a picture: SVG or PNG by the path's suffix (``.svg``,
    ``.png``); the folder must exist. Returns the file's path."""
    draw = _DRAWERS.get(type(chart))
    if draw is None:
        raise InvalidInput.worded("render draws a chart's data (an ExpiryTimeline, "
                                  "ParticipationGrowth, StrikeChart, ReadinessWall or "
                                  "BudgetChart), not {name}", name=type(chart).__name__)
    result: Path = draw(chart, path)
    return result


def write_expiry_timeline(
    app: BargainingApp, path: str | os.PathLike[str], *, start: date | None = None,
    end: date | None = None, cluster: UUID | None = None, where: MapFilter | None = None,
    most_sectors: int = MOST_SECTORS,
) -> Path:
    """Draw the expiry timeline of the app's Expiry Map to a file (see :func:`expiry_timeline`)."""
    return render(expiry_timeline(app, start=start, end=end, cluster=cluster, where=where,
                                  most_sectors=most_sectors), path)


def write_participation_growth(
    app: BargainingApp, campaign: UUID, path: str | os.PathLike[str], *, unit: UUID | None = None,
    work_group: str | None = None,
) -> Path:
    """Draw a campaign's, unit's or work group's participation growth to a file."""
    return render(participation_growth(app, campaign, unit=unit, work_group=work_group), path)


def write_strike_chart(
    app: BargainingApp, campaign: UUID, path: str | os.PathLike[str], *, start: date | None = None,
    end: date | None = None, most_units: int = MOST_UNITS,
) -> Path:
    """Draw a campaign's workers on strike each day to a file (see :func:`strike_chart`)."""
    return render(strike_chart(app, campaign, start=start, end=end, most_units=most_units),
                  path)


def write_readiness_wall(
    app: BargainingApp, campaign: UUID, path: str | os.PathLike[str], *, on: date | None = None,
    groups: bool = False,
) -> Path:
    """Draw a campaign's readiness wall chart on a day to a file (see :func:`readiness_wall`)."""
    return render(readiness_wall(app, campaign, on=on, groups=groups), path)


def write_budget_chart(
    app: BargainingApp, budget: UUID, path: str | os.PathLike[str], *, on: date | None = None,
    at: datetime | None = None,
) -> Path:
    """Draw a budget against the members' goals to a file (see :func:`budget_chart`)."""
    return render(budget_chart(app, budget, on=on, at=at), path)


__all__ = [
    "FORMATS",
    "MOST_SECTORS",
    "MOST_UNITS",
    "BudgetChart",
    "CellMark",
    "Chart",
    "ClusterMarks",
    "ExpiryTimeline",
    "GoalBar",
    "ParticipationGrowth",
    "ReadinessWall",
    "SectorSeries",
    "SpendingPart",
    "StrikeChart",
    "StrikeLine",
    "WallCell",
    "WallRow",
    "budget_chart",
    "expiry_timeline",
    "participation_growth",
    "readiness_wall",
    "render",
    "strike_chart",
    "write_budget_chart",
    "write_expiry_timeline",
    "write_participation_growth",
    "write_readiness_wall",
    "write_strike_chart",
]
