"""``bargaining chart``: the pictures of :mod:`bargaining.charts`, written to SVG or PNG files.

Each subcommand reads the store and writes one file (its suffix, ``.svg`` or ``.png``, decides
the format; its folder must exist). The charts need the optional ``charts`` extra
(matplotlib): without it the command is refused with the words that say what to install, and
nothing is read.
"""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Annotated

import typer

from bargaining.adapters.cli.common import (
    JsonOption,
    LanguageOption,
    StoreOption,
    day,
    moment,
    open_app,
    print_json,
    record_id,
    say,
    speaking,
)
from bargaining.adapters.cli.map_commands import Names, map_filter
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.language import gettext, mark, translate

group = typer.Typer(
    help="Draw a chart to an SVG or PNG file (needs the charts extra: "
         "pip install 'bargaining[charts]').\n\n"
         "Example: bargaining chart timeline expiries.svg --start 2003-10-01 --end 2007-09-30",
    no_args_is_help=True,
)

OutputFile = Annotated[Path, typer.Argument(
    help="The file to write: .svg or .png.", metavar="FILE", show_default=False)]
Campaign = Annotated[str, typer.Argument(help="The campaign's id.", show_default=False)]
Start = Annotated[str | None, typer.Option("--start", help="The first day, YYYY-MM-DD.")]
End = Annotated[str | None, typer.Option("--end", help="The last day, YYYY-MM-DD.")]


def _charts() -> ModuleType:
    """The charts (:mod:`bargaining.adapters.charts`), or a refusal naming the extra when
    matplotlib is missing."""
    try:
        return importlib.import_module("bargaining.adapters.charts")
    except ImportError as missing:
        raise InvalidInput(str(missing)) from None


def _written(path: Path, what: str, as_json: bool) -> None:
    if as_json:
        print_json({"chart": what, "file": str(path)})
    else:
        say(translate("{what} written to {path}", what=gettext(what), path=str(path)))


def _maybe_day(text: str | None, what: str) -> date | None:
    return None if text is None else day(text, what)


@group.command("timeline", no_args_is_help=True)
def timeline(path: OutputFile, start: Start = None, end: End = None,
             cluster: Annotated[str | None, typer.Option(
                 "--cluster", help="Mark this cluster's window and target date (its id).")]
             = None,
             sector: Names = None, region: Names = None, union: Names = None,
             employer: Names = None, store: StoreOption = None,
             as_json: JsonOption = False, language: LanguageOption = None) -> None:
    """The expiry timeline: units and workers expiring per month, stacked by sector.

    Example: bargaining chart timeline expiries.png --start 2003-10-01 --end 2007-09-30
    """
    charts = _charts()
    where = map_filter(sector, region, union, employer)
    with speaking(language), open_app(store) as app:
        written = charts.write_expiry_timeline(
            app, path, start=_maybe_day(start, "start"), end=_maybe_day(end, "end"),
            cluster=None if cluster is None else record_id(cluster, term("cluster")), where=where)
        _written(written, mark("the expiry timeline"), as_json)


@group.command("growth", no_args_is_help=True)
def growth(campaign: Campaign, path: OutputFile,
           unit: Annotated[str | None, typer.Option("--unit", help="One unit's tests (its id).")]
           = None,
           work_group: Annotated[str | None, typer.Option(
               "--work-group", help="One work group of that unit.")] = None,
           store: StoreOption = None, as_json: JsonOption = False,
           language: LanguageOption = None) -> None:
    """Participation growth: structure tests over time against the rungs' thresholds.

    Example: bargaining chart growth 3f2b8c1e-5d7a-4c1b-9e2f-0a1b2c3d4e5f growth.svg
    """
    charts = _charts()
    with speaking(language), open_app(store) as app:
        written = charts.write_participation_growth(
            app, record_id(campaign, term("campaign")), path,
            unit=None if unit is None else record_id(unit, term("unit")), work_group=work_group)
        _written(written, mark("participation growth"), as_json)


@group.command("strike", no_args_is_help=True)
def strike(campaign: Campaign, path: OutputFile, start: Start = None, end: End = None,
           store: StoreOption = None, as_json: JsonOption = False,
           language: LanguageOption = None) -> None:
    """The strike chart: workers out per day across an escalating strike.

    Example: bargaining chart strike 3f2b8c1e-5d7a-4c1b-9e2f-0a1b2c3d4e5f strike.png
    """
    charts = _charts()
    with speaking(language), open_app(store) as app:
        written = charts.write_strike_chart(
            app, record_id(campaign, term("campaign")), path, start=_maybe_day(start, "start"),
            end=_maybe_day(end, "end"))
        _written(written, mark("the strike chart"), as_json)


@group.command("wall", no_args_is_help=True)
def wall(campaign: Campaign, path: OutputFile,
         on: Annotated[str | None, typer.Option("--on", help="As it stood on this day.")] = None,
         groups: Annotated[bool, typer.Option(
             "--groups", help="A row for each work group under its unit.")] = False,
         store: StoreOption = None, as_json: JsonOption = False,
           language: LanguageOption = None) -> None:
    """The readiness wall chart: units by rung, each cell coloured against the threshold.

    Example: bargaining chart wall 3f2b8c1e-5d7a-4c1b-9e2f-0a1b2c3d4e5f wall.svg --groups
    """
    charts = _charts()
    with speaking(language), open_app(store) as app:
        written = charts.write_readiness_wall(
            app, record_id(campaign, term("campaign")), path, on=_maybe_day(on, "day"),
            groups=groups)
        _written(written, mark("the readiness wall chart"), as_json)


@group.command("budget", no_args_is_help=True)
def budget(budget_id: Annotated[str, typer.Argument(
               metavar="BUDGET", help="The budget's id.", show_default=False)],
           path: OutputFile,
           on: Annotated[str | None, typer.Option(
               "--on", help="As it stood on this day (spending after it left out).")] = None,
           at: Annotated[str | None, typer.Option(
               "--at", help="As it was known at this moment (a date, or a date-time with "
                            "its time zone).")] = None,
           store: StoreOption = None, as_json: JsonOption = False,
           language: LanguageOption = None) -> None:
    """Budget against goals: allocated and spent per members' goal, and the share of spending
    on organizing and frontline engagement against governance.

    Example: bargaining chart budget 3f2b8c1e-5d7a-4c1b-9e2f-0a1b2c3d4e5f budget.svg
    """
    charts = _charts()
    with speaking(language), open_app(store) as app:
        written = charts.write_budget_chart(
            app, record_id(budget_id, term("budget")), path, on=_maybe_day(on, "day"),
            at=None if at is None else moment(at, term("moment")))
        _written(written, mark("the budget chart"), as_json)
