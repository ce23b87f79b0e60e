"""The expiry timeline: units and workers whose agreements expire each month, stacked by sector,
with a cluster's window and target alignment date marked.

A coalition reads it to see who bargains when, and whether its cluster's window catches the
months where most workers' agreements end. The counts are the Expiry Map's (each unit's current
agreement, as ``month_table`` counts it), split by sector.
"""

from __future__ import annotations

import calendar
import os
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import attrs

from bargaining.adapters.charts import canvas
from bargaining.app import BargainingApp
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.units.profile import normalise_name
from bargaining.readmodels.expiry_map import MapFilter, MapUnit

#: How a unit with no sector recorded is shown.
NO_SECTOR = "no sector recorded"
#: How many sectors a timeline shows by name by default; the smaller ones are added together.
MOST_SECTORS = 8
#: The most months a timeline spans (thirty years), so a mistyped year draws no giant.
MOST_MONTHS = 360


@attrs.frozen
class SectorSeries:
    """One sector's units and workers expiring in each month of the timeline (or, past the
    sectors named, the others added together: ``sectors`` says how many)."""

    sector: str
    units: tuple[int, ...]
    workers: tuple[int, ...]
    sectors: int = 1


@attrs.frozen
class ClusterMarks:
    """What the timeline marks of a cluster: its window of expiries and its target date."""

    name: str
    window_start: date
    window_end: date
    target_alignment: date


@attrs.frozen
class ExpiryTimeline:
    """Month by month (``"YYYY-MM"``, as the Expiry Map's month table), the units and workers
    expiring in each sector (sectors with most workers first), and a cluster's marks."""

    months: tuple[str, ...]
    sectors: tuple[SectorSeries, ...]
    cluster: ClusterMarks | None = None

    @property
    def units(self) -> tuple[int, ...]:
        """Units expiring each month, all sectors together."""
        return tuple(sum(s.units[i] for s in self.sectors) for i in range(len(self.months)))

    @property
    def workers(self) -> tuple[int, ...]:
        """Workers whose agreement expires each month, all sectors together."""
        return tuple(sum(s.workers[i] for s in self.sectors) for i in range(len(self.months)))

    @property
    def title(self) -> str:
        span = f"{self.months[0]} to {self.months[-1]}" if self.months else "no months"
        return f"Agreements expiring by month, {span}"

    @property
    def caption(self) -> str:
        """What the chart says in words: totals, and the cluster's marks."""
        text = (f"{canvas.count(sum(self.units))} units, {canvas.count(sum(self.workers))} "
                "workers")
        if self.cluster is not None:
            c = self.cluster
            text += (f"; {c.name}: window {canvas.day_label(c.window_start)} to "
                     f"{canvas.day_label(c.window_end)}, target "
                     f"{canvas.day_label(c.target_alignment)}")
        return text


def expiry_timeline(
    app: BargainingApp, *, start: date | None = None, end: date | None = None,
    cluster: UUID | None = None, where: MapFilter | None = None,
    most_sectors: int = MOST_SECTORS,
) -> ExpiryTimeline:
    """The timeline from ``start``'s month to ``end``'s, from the app's Expiry Map (``where``
    filters it as the map's own queries do). With a ``cluster``, its window and target date
    are marked, and the months default to the window's first through the later of the
    window's last and the target. The ``most_sectors`` with most workers are shown by name,
    the others added together as one series ("10 other sectors"), so a picture stays
    readable; the totals are the same."""
    marks = None
    if cluster is not None:
        found = app.clusters.get(cluster)
        marks = ClusterMarks(found.name, found.window_start, found.window_end,
                             found.target_alignment)
        start = found.window_start if start is None else start
        end = max(found.window_end, found.target_alignment) if end is None else end
    if start is None or end is None:
        raise InvalidInput.worded("the expiry timeline needs its first and last months (start "
                                  "and end), or a cluster whose window gives them")
    first = require_date(start, term("timeline's first month")).replace(day=1)
    last_day = require_date(end, term("timeline's last month"))
    last = last_day.replace(day=calendar.monthrange(last_day.year, last_day.month)[1])
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > MOST_MONTHS:
        raise InvalidInput.worded("the expiry timeline spans at most {most_months} months; "
                                  "{first:%Y-%m} to {last:%Y-%m} is {months:,}",
                                  most_months=MOST_MONTHS, first=first, last=last, months=months)
    if where is not None and where.given("limit", "offset"):
        raise InvalidInput.worded("the expiry timeline has every month: its filter takes no "
                                  "limit or offset")
    if isinstance(most_sectors, bool) or not isinstance(most_sectors, int) or most_sectors < 1:
        raise InvalidInput.worded("most_sectors is how many sectors the timeline names, 1 or "
                                  "more, not {most_sectors}", most_sectors=repr(most_sectors))
    return timeline_of(app.expiry_map.expiring(first, last, where), first, last, marks,
                       most_sectors)


def timeline_of(
    units: Iterable[MapUnit], start: date, end: date, cluster: ClusterMarks | None = None,
    most_sectors: int = MOST_SECTORS,
) -> ExpiryTimeline:
    """The timeline of these units (those expiring outside the months are left out), naming
    the ``most_sectors`` with most workers and adding the others together."""
    months = _months(start, end)
    position = {m: i for i, m in enumerate(months)}
    spellings: dict[str, Counter[str]] = {}
    counts: dict[str, tuple[list[int], list[int]]] = {}
    for unit in units:
        if unit.expiry is None:
            continue
        i = position.get(f"{unit.expiry.year:04d}-{unit.expiry.month:02d}")
        if i is None:
            continue
        key = normalise_name(unit.sector)
        spellings.setdefault(key, Counter())[" ".join(unit.sector.split()) or NO_SECTOR] += 1
        units_in, workers_in = counts.setdefault(key, ([0] * len(months), [0] * len(months)))
        units_in[i] += 1
        workers_in[i] += unit.headcount
    series = [SectorSeries(_spelling(spellings[k]), tuple(u), tuple(w))
              for k, (u, w) in counts.items()]
    series.sort(key=lambda s: (-sum(s.workers), -sum(s.units), s.sector.casefold()))
    if len(series) > most_sectors:
        rest = series[most_sectors:]
        series = [*series[:most_sectors], SectorSeries(
            f"{len(rest)} other sectors",
            tuple(sum(column) for column in zip(*(s.units for s in rest), strict=True)),
            tuple(sum(column) for column in zip(*(s.workers for s in rest), strict=True)),
            len(rest))]
    return ExpiryTimeline(tuple(months), tuple(series), cluster)


def _spelling(seen: Counter[str]) -> str:
    """A sector's name as most of its units spell it (of equals, the first in order)."""
    return min(seen, key=lambda name: (-seen[name], name))


def _months(start: date, end: date) -> list[str]:
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


# ------------------------------------------------------------------ drawing


def _position(months: tuple[str, ...], day: date) -> float:
    """Where a day falls on the month axis (month i's bar spans i - 0.5 to i + 0.5)."""
    first = date.fromisoformat(f"{months[0]}-01")
    index = (day.year - first.year) * 12 + day.month - first.month
    days = calendar.monthrange(day.year, day.month)[1]
    return index - 0.5 + (day.day - 1) / days


def draw_expiry_timeline(timeline: ExpiryTimeline, path: str | os.PathLike[str]) -> Path:
    """Write the timeline as an SVG or PNG file: units above, workers below, stacked by
    sector; the cluster's window shaded and its target date a dashed line."""
    canvas.chart_path(path)
    months = timeline.months
    figure = canvas.new_figure(min(30.0, max(7.0, 0.32 * len(months) + 3)), 6.5)
    units_axes, workers_axes = figure.subplots(2, 1, sharex=True)
    xs = list(range(len(months)))
    for axes, measure in ((units_axes, "units"), (workers_axes, "workers")):
        bottom = [0] * len(months)
        for n, series in enumerate(timeline.sectors):
            values = getattr(series, measure)
            colour = canvas.series_colour(n) if series.sectors == 1 else canvas.OTHERS
            axes.bar(xs, values, bottom=bottom, color=colour,
                     label=series.sector, width=0.8)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        axes.set_ylabel(f"{measure} expiring")
        canvas.counts_axis(axes.yaxis)
        _mark_cluster(axes, timeline)
    if len(months) <= 24:
        for x, total in zip(xs, timeline.workers, strict=True):
            if total:
                workers_axes.annotate(canvas.count(total), (x, total), ha="center",
                                      va="bottom", fontsize=7, xytext=(0, 2),
                                      textcoords="offset points")
    step = max(1, len(months) // 18)
    workers_axes.set_xticks(xs[::step], [months[i] for i in xs[::step]], rotation=60,
                            fontsize=8)
    if months:
        workers_axes.set_xlim(-0.6, len(months) - 0.4)
    figure.suptitle(timeline.title)
    units_axes.set_title(timeline.caption, fontsize=9)
    if timeline.sectors or timeline.cluster:
        figure.legend(*units_axes.get_legend_handles_labels(), fontsize=8,
                      loc="outside right upper")
    return canvas.save(figure, path)


def _mark_cluster(axes: Any, timeline: ExpiryTimeline) -> None:
    marks, months = timeline.cluster, timeline.months
    if marks is None or not months:
        return
    low, high = -0.5, len(months) - 0.5
    start = max(low, _position(months, marks.window_start))
    end = min(high, _position(months, marks.window_end) + 1 / 28)
    if start < end:
        axes.axvspan(start, end, color=canvas.WINDOW, alpha=0.3, label=f"{marks.name} window")
    target = _position(months, marks.target_alignment)
    if low <= target <= high:
        axes.axvline(target, color=canvas.MARK, linestyle="--",
                     label=f"target {canvas.day_label(marks.target_alignment)}")
