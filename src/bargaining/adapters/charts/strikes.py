"""The strike chart: workers out on strike each day across an escalating strike, by unit.

A coalition reads it to see the strike grow as units walk out (the UAW's Stand Up Strike added
plants week by week) and shrink as they return. A unit's workers are its recorded headcount;
its days out are its strike spells as the campaign recorded them (a part-day walkout counts on
its day). A unit whose walkouts broke a rule, as known now, is marked flagged: the walkout is a
fact, and the chart shows it with its flag, as history does.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from uuid import UUID

import attrs

from bargaining.adapters.charts import canvas
from bargaining.app import BargainingApp
from bargaining.domain.campaigns.job_actions import JobAction
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound, term

#: The longest strike chart, in days (about ten years), so a mistyped date draws no giant.
MOST_DAYS = 3700


#: How many units a strike chart names by default; the others are added together.
MOST_UNITS = 10


@attrs.frozen
class StrikeLine:
    """One unit (or, past the units named, the others added together: ``units`` says how
    many): how many of its units were out each day (1 or 0 for a unit), its workers out each
    day (a unit's headcount on a day out), its headcount (0 when not recorded), and whether any
    of its walkouts is flagged."""

    unit: str
    workers: int
    out: tuple[int, ...]
    workers_out: tuple[int, ...]
    flagged: bool
    units: int = 1


@attrs.frozen
class StrikeChart:
    """The days of the chart and, for each unit out on any of them (in the order they first
    walked out), its workers out each day; the units out with no headcount recorded."""

    campaign: str
    days: tuple[date, ...]
    lines: tuple[StrikeLine, ...]
    unknown_headcount: tuple[str, ...] = ()

    @property
    def workers_out(self) -> tuple[int, ...]:
        """Workers out each day, all units together."""
        return _sum_days([line.workers_out for line in self.lines], len(self.days))

    @property
    def units_out(self) -> tuple[int, ...]:
        """Units out each day (a unit whose headcount is not recorded counts)."""
        return _sum_days([line.out for line in self.lines], len(self.days))

    @property
    def peak(self) -> tuple[int, date] | None:
        """The most workers out on one day, and the first day it was reached."""
        totals = self.workers_out
        if not totals or max(totals) == 0:
            return None
        most = max(totals)
        return most, self.days[totals.index(most)]

    @property
    def title(self) -> str:
        return f"Workers on strike each day: '{self.campaign}'"

    @property
    def caption(self) -> str:
        peak = self.peak
        if peak is None:
            text = "no workers out in these days"
        else:
            most, on = peak
            units = self.units_out[self.days.index(on)]
            text = (f"peak {canvas.count(most)} workers out ({units} "
                    f"unit{'' if units == 1 else 's'}) on {canvas.day_label(on)}")
        if self.unknown_headcount:
            text += f"; headcount not recorded: {'; '.join(self.unknown_headcount)}"
        return text


def _sum_days(series: list[tuple[int, ...]], days: int) -> tuple[int, ...]:
    return tuple(sum(day) for day in zip(*series, strict=True)) if series else (0,) * days


def strike_chart(
    app: BargainingApp, campaign: UUID, *, start: date | None = None, end: date | None = None,
    most_units: int = MOST_UNITS,
) -> StrikeChart:
    """The strike chart's data from the campaign's job actions (as known now): by default
    from the first walkout to the last day a unit was out (today for a unit still out). The
    ``most_units`` with most workers are named, the others added together as one line
    ("40 other units"), so a picture stays readable; the totals are the same."""
    if isinstance(most_units, bool) or not isinstance(most_units, int) or most_units < 1:
        raise InvalidInput.worded("most_units is how many units the strike chart names, 1 or "
                                  "more, not {most_units}", most_units=repr(most_units))
    found = app.campaigns.get(campaign)
    actions: list[JobAction] = app.campaigns.job_actions(campaign)
    today = datetime.now(UTC).date()
    first = min((a.walked_out for a in actions), default=None)
    last = max((_last_day(a, today) for a in actions), default=None)
    first = first if start is None else require_date(start, term("chart's first day"))
    last = last if end is None else require_date(end, term("chart's last day"))
    if first is None or last is None:
        return StrikeChart(found.name, (), ())
    if last < first:
        raise InvalidInput.worded("the strike chart's last day ({last}) is before its first "
                                  "({first})", last=last, first=first)
    if (last - first).days >= MOST_DAYS:
        raise InvalidInput.worded("the strike chart spans at most {most_days:,} days; {first} to "
                                  "{last} is longer", most_days=MOST_DAYS, first=first, last=last)
    days = tuple(first + timedelta(days=n) for n in range((last - first).days + 1))
    by_unit: dict[UUID, list[JobAction]] = {}
    for action in sorted(actions, key=lambda a: (a.walked_out, a.label)):
        by_unit.setdefault(action.unit_id, []).append(action)
    lines = []
    for unit_id, spells in by_unit.items():
        out = tuple(int(any(s.covers(d) for s in spells)) for d in days)
        if not any(out):
            continue  # out only on other days than the chart's
        workers = _headcount(app, unit_id)
        lines.append(StrikeLine(spells[0].label, workers, out, tuple(workers * o for o in out),
                                any(s.flagged for s in spells)))
    unknown = tuple(line.unit for line in lines if line.workers == 0)
    return StrikeChart(found.name, days, _named(lines, most_units, len(days)), unknown)


def _named(lines: list[StrikeLine], most: int, days: int) -> tuple[StrikeLine, ...]:
    """The ``most`` lines with most workers, in their order, and the others added together."""
    if len(lines) <= most:
        return tuple(lines)
    largest = set(sorted(range(len(lines)), key=lambda i: -lines[i].workers)[:most])
    kept = [line for i, line in enumerate(lines) if i in largest]
    rest = [line for i, line in enumerate(lines) if i not in largest]
    return (*kept, StrikeLine(
        f"{len(rest)} other units", sum(line.workers for line in rest),
        _sum_days([line.out for line in rest], days),
        _sum_days([line.workers_out for line in rest], days),
        any(line.flagged for line in rest), len(rest)))


def _last_day(action: JobAction, today: date) -> date:
    if action.part_day:
        return action.walked_out
    if action.back_on is None:
        return max(today, action.walked_out)
    return action.back_on - timedelta(days=1)


def _headcount(app: BargainingApp, unit_id: UUID) -> int:
    try:
        return int(app.units.get(unit_id).headcount)
    except RecordNotFound:
        return 0


def draw_strike_chart(chart: StrikeChart, path: str | os.PathLike[str]) -> Path:
    """Write the strike chart as an SVG or PNG file: workers out each day, stacked by unit;
    a flagged unit's bars hatched."""
    canvas.chart_path(path)
    figure = canvas.new_figure(max(7.0, min(16.0, 0.12 * len(chart.days) + 4)), 5.0)
    axes = figure.subplots()
    bottom = [0] * len(chart.days)
    days = canvas.day_numbers(chart.days)
    for n, line in enumerate(chart.lines):
        label = f"{line.unit} ({canvas.count(line.workers)})"
        if line.flagged:
            label += ", flagged"
        colour = canvas.series_colour(n) if line.units == 1 else canvas.OTHERS
        axes.bar(days, line.workers_out, bottom=bottom, width=1.0, align="edge",
                 color=colour, hatch="//" if line.flagged else None,
                 edgecolor="white" if not line.flagged else canvas.MARK, linewidth=0.3,
                 label=label)
        bottom = [b + v for b, v in zip(bottom, line.workers_out, strict=True)]
    peak = chart.peak
    if peak is not None:
        most, on = peak
        axes.annotate(f"{canvas.count(most)}", (canvas.day_numbers([on])[0], most), xytext=(0, 4),
                      textcoords="offset points", fontsize=8)
    if chart.lines:
        axes.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=2)
        canvas.dates_axis(axes.xaxis)
    else:
        axes.text(0.5, 0.5, "no walkout recorded", transform=axes.transAxes, ha="center")
    axes.set_ylabel("workers on strike")
    canvas.counts_axis(axes.yaxis)
    figure.suptitle(chart.title)
    axes.set_title(chart.caption, fontsize=9)
    return canvas.save(figure, path)
