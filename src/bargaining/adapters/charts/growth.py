"""Participation growth: a campaign's, a unit's or a work group's structure tests over time,
against the thresholds of the rungs they tested and of the ladder's other rungs.

Organizers read it to see whether participation is growing toward the next rung, and which
tests fell short. Each point is a structure test the campaign recorded (its participation
series); nothing is interpolated between tests.
"""

from __future__ import annotations

import os
from pathlib import Path
from uuid import UUID

import attrs

from bargaining.adapters.charts import canvas
from bargaining.app import BargainingApp
from bargaining.domain.campaigns.ladder import Rung
from bargaining.domain.campaigns.readiness import SeriesPoint


@attrs.frozen
class ParticipationGrowth:
    """The structure tests of one subject (the whole campaign, a unit, or a unit's work
    group), oldest first, and the rungs of the campaign's ladder as it stands."""

    campaign: str
    subject: str
    points: tuple[SeriesPoint, ...]
    rungs: tuple[Rung, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """Each test as people read it: '690 of 1,240 (55.6%)'."""
        return tuple(f"{canvas.count(p.participants)} of {canvas.count(p.eligible)} "
                     f"({canvas.percent(p.share)})" for p in self.points)

    @property
    def title(self) -> str:
        return f"Participation in '{self.campaign}': {self.subject}"


def participation_growth(
    app: BargainingApp, campaign: UUID, *, unit: UUID | None = None, work_group: str | None = None
) -> ParticipationGrowth:
    """The growth chart's data from the campaign's participation series: the campaign's
    totals, one unit's (``unit``), or one of its work groups' (``work_group`` too)."""
    points = app.campaigns.participation_series(campaign, unit=unit, work_group=work_group)
    found = app.campaigns.get(campaign)
    if unit is None:
        subject = "all units"
    elif work_group is None:
        subject = found.label(unit)
    else:
        subject = f"{found.label(unit)} / {' '.join(work_group.split())}"
    return ParticipationGrowth(found.name, subject, tuple(points), tuple(found.ladder.rungs))


def draw_participation_growth(
    growth: ParticipationGrowth, path: str | os.PathLike[str]
) -> Path:
    """Write the growth chart as an SVG or PNG file: each test's share of eligible (filled
    where it passed, hollow where it fell short), the threshold it was held against, and the
    ladder's thresholds as dotted lines."""
    canvas.chart_path(path)
    figure = canvas.new_figure(8.0, 5.0)
    axes = figure.subplots()
    for rung in growth.rungs:
        level = float(rung.threshold)
        axes.axhline(level, color=canvas.MARK, linestyle=":", linewidth=0.7)
        axes.annotate(f"{rung.name} ({canvas.percent(rung.threshold)})", (1.0, level),
                      xycoords=("axes fraction", "data"), fontsize=7, va="center",
                      xytext=(4, 0), textcoords="offset points")
    points = growth.points
    if points:
        days = canvas.day_numbers(p.on for p in points)
        shares = [float(p.share) for p in points]
        axes.plot(days, shares, color=canvas.series_colour(0), linewidth=1.5,
                  label="took part")
        axes.step(days, [float(p.threshold) for p in points], where="post",
                  color=canvas.MARK, linewidth=1, label="threshold of the rung tested")
        placed = zip(points, days, shares, growth.labels, strict=True)
        for n, (point, x, share, label) in enumerate(placed):
            colour = canvas.MET if point.passed else canvas.SHORT
            axes.scatter([x], [share], s=40, zorder=3, edgecolors=colour,
                         facecolors=colour if point.passed else "white")
            above = n % 2 == 0  # alternate, so neighbouring tests' words do not overlap
            axes.annotate(f"{point.name}\n{label}", (x, share), fontsize=7,
                          xytext=(0, 7 if above else -9), textcoords="offset points",
                          ha="center", va="bottom" if above else "top")
        axes.legend(fontsize=8, loc="lower right")
        canvas.dates_axis(axes.xaxis)
    else:
        axes.text(0.5, 0.5, "no structure test held yet", transform=axes.transAxes,
                  ha="center")
    axes.set_ylim(0, 105)
    axes.set_ylabel("share of eligible workers")
    canvas.percent_axis(axes.yaxis)
    axes.set_title(growth.title)
    return canvas.save(figure, path)
