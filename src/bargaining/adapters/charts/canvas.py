"""What every chart's renderer shares: a figure on the Agg canvas, the file it is written to,
the colours organizers read, and numbers written the one way the library writes them.

Figures are made with matplotlib's object API on the non-interactive Agg canvas: no window is
ever opened, ``pyplot`` is never imported, and a host's own choice of matplotlib backend (a
notebook's, a desktop app's) is left as it was. A file is SVG or PNG by its suffix.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib import dates as matplotlib_dates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.shares import show_percent

#: matplotlib's date helpers carry no type hints; read as Any so strict typing holds elsewhere.
_dates: Any = matplotlib_dates

#: The suffixes a chart is written as, and matplotlib's name for each format.
FORMATS = {".svg": "svg", ".png": "png"}

#: The colours a chart uses for a verdict: met, short, not yet tested, and the marks.
MET = "#2e7d32"
SHORT = "#c62828"
NEAR = "#f9a825"
UNTESTED = "#eeeeee"
MARK = "#37474f"
WINDOW = "#90caf9"
#: The colour of a series that adds together the ones past those named ("4 other units").
OTHERS = "#cfcfcf"
#: Colours for stacked series (sectors, units), in order; they repeat past the last.
SERIES = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
          "#7f7f7f", "#bcbd22", "#17becf")


def series_colour(index: int) -> str:
    return SERIES[index % len(SERIES)]


def count(number: int) -> str:
    """A count as people read it: thousands separated (12,841)."""
    return f"{number:,}"


def percent(value: Fraction) -> str:
    """A percentage the library's one way (55.6%, 60%)."""
    return show_percent(value)


def counts_axis(axis: Any) -> None:
    """Label an axis's ticks as whole counts with thousands separated."""
    axis.set_major_locator(MaxNLocator(integer=True))
    axis.set_major_formatter(FuncFormatter(lambda value, _: count(round(value))))


def percent_axis(axis: Any) -> None:
    """Label an axis's ticks as percentages (values already in percent)."""
    axis.set_major_formatter(FuncFormatter(lambda value, _: show_percent(Fraction(value))))


def chart_path(path: str | os.PathLike[str]) -> tuple[Path, str]:
    """The file a chart is written to and its format, checked before anything is drawn."""
    if isinstance(path, bool) or not isinstance(path, str | os.PathLike):
        raise InvalidInput.worded("a chart is written to a file path ending .svg or .png, not "
                                  "{path}", path=repr(path))
    target = Path(path)
    kind = FORMATS.get(target.suffix.lower())
    if kind is None:
        written = target.suffix or target.name
        raise InvalidInput.worded("a chart is written as .svg or .png, not '{written}'",
                                  written=written)
    if not target.parent.is_dir():
        raise InvalidInput.worded("the folder {parent} does not exist to write the chart in",
                                  parent=target.parent)
    return target, kind


def new_figure(width: float, height: float) -> Figure:
    """A figure on the Agg canvas (never a window), in inches."""
    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def save(figure: Figure, path: str | os.PathLike[str]) -> Path:
    """Write the figure as SVG or PNG (by the path's suffix). The same chart writes the same
    SVG: no date in its metadata, and ids drawn from a fixed salt."""
    target, kind = chart_path(path)
    with matplotlib.rc_context({"svg.hashsalt": "bargaining", "svg.fonttype": "path"}):
        if kind == "svg":
            figure.savefig(target, format=kind, metadata={"Date": None})
        else:
            figure.savefig(target, format=kind, dpi=120)
    return target


def day_label(day: date) -> str:
    """A day as the library writes it everywhere (2023-09-15)."""
    return day.isoformat()


def day_numbers(days: Iterable[date]) -> list[float]:
    """Days as positions on a date axis (see :func:`dates_axis`)."""
    return [float(_dates.date2num(day)) for day in days]


def dates_axis(axis: Any) -> None:
    """Label an axis of :func:`day_numbers` with dates, as briefly as they stay clear."""
    locator = _dates.AutoDateLocator()
    axis.set_major_locator(locator)
    axis.set_major_formatter(_dates.ConciseDateFormatter(locator))
