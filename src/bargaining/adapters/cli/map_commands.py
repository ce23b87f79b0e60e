"""``bargaining map ...``: the Expiry Map's questions, and ``bargaining rebuild``.

Every question takes the parts of a ``MapFilter`` as options (``--sector``, ``--region``,
``--union``, ``--employer``, each repeatable; ``--limit`` and ``--offset``), refused in the
same words as in Python where a question cannot honour them. Units are shown with their ids,
which ``map alongside`` and ``history`` take.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer

from bargaining.adapters.cli.common import (
    JsonOption,
    LanguageOption,
    StoreOption,
    day,
    open_app,
    print_json,
    progress_bar,
    record_id,
    say,
    speaking,
    table,
)
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.language import format_number, gettext, mark, translate
from bargaining.domain.units.open_period import EXAMPLE_CALENDAR, OpenPeriod, OpenPeriodCalendar
from bargaining.readmodels.expiry_map import MapFilter, MapUnit

group = typer.Typer(
    help="Who bargains when: the Expiry Map's questions.\n\n"
         "Example: bargaining map months 2004-01-01 2004-12-31 --region MI",
    no_args_is_help=True,
)

Names = Annotated[list[str] | None, typer.Option(metavar="NAME",
                                                 help="Repeat to name several.")]
Limit = Annotated[int | None, typer.Option(metavar="N", help="At most this many results.")]
Offset = Annotated[int, typer.Option(metavar="N", help="Skip this many results first.")]
Start = Annotated[str, typer.Argument(help="The first day, YYYY-MM-DD.", metavar="START",
                                      show_default=False)]
End = Annotated[str, typer.Argument(help="The last day, YYYY-MM-DD.", metavar="END",
                                    show_default=False)]

UNIT_COLUMNS = (mark("unit id"), mark("unit"), mark("sector"), mark("region"),
                mark("workers"), mark("expiry"))
#: The other tables' columns, marked for the catalog (a table heads them in the reader's
#: language).
MONTH_COLUMNS = (mark("month"), mark("units"), mark("workers"))
CLUSTER_COLUMNS = (mark("sector"), mark("region"), mark("first expiry"), mark("last expiry"),
                   mark("units"), mark("workers"))
PERIOD_COLUMNS = (mark("unit id"), mark("unit"), mark("period"), mark("opens"), mark("closes"))


def _worded(columns: Sequence[str], numeric: Sequence[str] = ()) -> dict[str, Any]:
    """A table's columns and its numeric ones, in the reader's language."""
    return {"columns": [gettext(c) for c in columns], "numeric": [gettext(c) for c in numeric],
            "ids": [gettext(c) for c in columns if c.endswith(" id")]}


def map_filter(sector: list[str] | None = None, region: list[str] | None = None,
            union: list[str] | None = None, employer: list[str] | None = None,
            limit: int | None = None, offset: int = 0) -> MapFilter:
    return MapFilter(sector=sector or None, region=region or None, union=union or None,
                     employer=employer or None, limit=limit, offset=offset)


def _unit(unit: MapUnit) -> dict[str, Any]:
    return {"unit_id": unit.unit_id, "label": unit.label, "union": unit.union,
            "local": unit.local, "employer": unit.employer, "unit_name": unit.unit_name,
            "sector": unit.sector, "region": unit.region, "city": unit.city,
            "headcount": unit.headcount, "industry_code": unit.industry_code,
            "effective": unit.effective, "expiry": unit.expiry}


def _units(units: Sequence[MapUnit], as_json: bool, title: str) -> None:
    if as_json:
        print_json([_unit(u) for u in units])
        return
    table(translate("{title}: {count} units", title=title, count=format_number(len(units))),
          rows=[(u.unit_id, u.label, u.sector, u.region, u.headcount, u.expiry)
                for u in units], **_worded(UNIT_COLUMNS, ("workers",)))


@group.command("months", no_args_is_help=True)
def months(start: Start, end: End, sector: Names = None, region: Names = None,
           union: Names = None, employer: Names = None, store: StoreOption = None,
           as_json: JsonOption = False, language: LanguageOption = None) -> None:
    """Units and workers whose agreements expire, month by month.

    Example: bargaining map months 2004-01-01 2004-12-31 --sector E
    """
    where = map_filter(sector, region, union, employer)
    with open_app(store) as app:
        rows = app.expiry_map.month_table(day(start, "start"), day(end, "end"), where)
    if as_json:
        print_json([{"month": r.month, "units": r.units, "workers": r.workers} for r in rows])
        return
    with speaking(language):
        table(None, rows=[(r.month, r.units, r.workers) for r in rows],
              **_worded(MONTH_COLUMNS, ("units", "workers")))


@group.command("expiring", no_args_is_help=True)
def expiring(start: Start, end: End, sector: Names = None, region: Names = None,
             union: Names = None, employer: Names = None, limit: Limit = None,
             offset: Offset = 0, store: StoreOption = None, as_json: JsonOption = False,
             language: LanguageOption = None) -> None:
    """Units whose current agreement expires between two days, by expiry.

    Example: bargaining map expiring 2004-02-01 2004-02-29 --union UAW --limit 20
    """
    where = map_filter(sector, region, union, employer, limit, offset)
    with open_app(store) as app:
        found = app.expiry_map.expiring(day(start, "start"), day(end, "end"), where)
    with speaking(language):
        _units(found, as_json, translate("expiring {start} to {end}", start=start, end=end))


@group.command("alongside", no_args_is_help=True)
def alongside(unit: Annotated[str, typer.Argument(help="The unit's id.", show_default=False)],
              days: Annotated[int, typer.Argument(help="Within this many days.")],
              sector: Names = None, region: Names = None, union: Names = None,
              employer: Names = None, limit: Limit = None, offset: Offset = 0,
              store: StoreOption = None, as_json: JsonOption = False,
              language: LanguageOption = None) -> None:
    """The other units whose expiry falls within some days of this unit's own.

    Example: bargaining map alongside 6f1c0a4e-8d3b-5a7e-9c2d-1b4e6f8a0c3d 14
    """
    where = map_filter(sector, region, union, employer, limit, offset)
    with open_app(store) as app:
        found = app.expiry_map.alongside(record_id(unit, term("unit")), days, where)
    with speaking(language):
        _units(found, as_json, translate("within {days} days", days=days))


@group.command("carried-over", no_args_is_help=True)
def carried_over(on: Annotated[str, typer.Argument(help="The day, YYYY-MM-DD.",
                                                   show_default=False)],
                 sector: Names = None, region: Names = None, union: Names = None,
                 employer: Names = None, limit: Limit = None, offset: Offset = 0,
                 store: StoreOption = None, as_json: JsonOption = False,
                 language: LanguageOption = None) -> None:
    """Units whose latest agreement had expired by a day: working under carried-over terms.

    Example: bargaining map carried-over 2004-03-01 --region MI
    """
    where = map_filter(sector, region, union, employer, limit, offset)
    with open_app(store) as app:
        found = app.expiry_map.carried_over(day(on, "day"), where)
    with speaking(language):
        _units(found, as_json, translate("carried over on {on}", on=on))


@group.command("clusters", no_args_is_help=True)
def clusters(start: Start, end: End,
             window: Annotated[int, typer.Argument(help="Days between the first and last "
                                                   "expiry of a candidate.")],
             by_region: Annotated[bool, typer.Option(help="One region per candidate.")] = False,
             min_units: Annotated[int, typer.Option(help="Units a candidate needs.")] = 2,
             sector: Names = None, region: Names = None, limit: Limit = None,
             store: StoreOption = None, as_json: JsonOption = False,
             language: LanguageOption = None) -> None:
    """Cluster candidates: units of one sector whose expiries fall within a window.

    Example: bargaining map clusters 2004-01-01 2004-06-30 30 --by-region --limit 5
    """
    where = map_filter(sector, region, limit=limit)
    with open_app(store) as app:
        found = app.expiry_map.cluster_candidates(
            day(start, "start"), day(end, "end"), window, where, by_region=by_region,
            min_units=min_units)
    if as_json:
        print_json([{"sector": c.sector, "region": c.region, "first_expiry": c.first_expiry,
                     "last_expiry": c.last_expiry, "unit_count": c.unit_count,
                     "workers": c.workers, "unit_ids": [u.unit_id for u in c.units]}
                    for c in found])
        return
    with speaking(language):
        table(None, rows=[(c.sector, c.region or "", c.first_expiry, c.last_expiry,
                           c.unit_count, c.workers) for c in found],
              **_worded(CLUSTER_COLUMNS, ("units", "workers")))


@group.command("open-periods", no_args_is_help=True)
def open_periods(on: Annotated[str, typer.Argument(help="The day, YYYY-MM-DD.",
                                                   show_default=False)],
                 calendar: Annotated[Path | None, typer.Option(
                     help="A TOML or JSON calendar of open periods by jurisdiction (default: "
                          "the example calendar, not legal advice).")] = None,
                 sector: Names = None, union: Names = None, employer: Names = None,
                 store: StoreOption = None, as_json: JsonOption = False,
                 language: LanguageOption = None) -> None:
    """Units in an open period of their jurisdiction on a day (notice to bargain...).

    Example: bargaining map open-periods 2004-01-15 --calendar periods.toml
    """
    periods = EXAMPLE_CALENDAR if calendar is None else read_calendar(calendar)
    where = map_filter(sector, union=union, employer=employer)
    with open_app(store) as app:
        found = app.expiry_map.in_open_period(day(on, "day"), periods, where)
    if as_json:
        print_json([{"unit": _unit(e.unit), "period": e.period, "opens": e.opens,
                     "closes": e.closes} for e in found])
        return
    with speaking(language):
        table(None, rows=[(e.unit.unit_id, e.unit.label, e.period, e.opens, e.closes)
                          for e in found], **_worded(PERIOD_COLUMNS))


def read_calendar(path: Path) -> OpenPeriodCalendar:
    """A calendar from a file: a list of periods per jurisdiction (the region units record),
    and ``default`` for the others; each period has ``name``, ``opens_days_before`` and,
    optionally, ``closes_days_before``."""
    try:
        text = path.read_text(encoding="utf-8")
        found = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except FileNotFoundError:
        raise InvalidInput.worded("there is no calendar file at {path}", path=path) from None
    except (ValueError, tomllib.TOMLDecodeError) as error:
        raise InvalidInput.worded("the calendar file {path} cannot be read: {error}",
                                  path=path.name, error=error) from None

    def periods(values: Any, where: str) -> list[OpenPeriod]:
        if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
            raise InvalidInput.worded("the calendar's {where} must be a list of periods",
                                      where=where)
        try:
            return [OpenPeriod(**v) for v in values]
        except TypeError:
            raise InvalidInput.worded("each period of the calendar's {where} has a name and "
                                      "opens_days_before (and may have closes_days_before)",
                                      where=where) from None

    default = periods(found.pop("default", []), "default")
    return OpenPeriodCalendar.build({k: periods(v, k) for k, v in found.items()}, default)


def rebuild(store: StoreOption = None, as_json: JsonOption = False,
            language: LanguageOption = None) -> None:
    """Rebuild the read models from the first event: the Expiry Map, the campaigns'
    participation history and the network's measures (after a restore, or to check them).

    Example: bargaining rebuild --store f7.sqlite --language fr
    """
    with speaking(language), open_app(store) as app:
        with progress_bar(gettext("rebuilding the Expiry Map")) as progress:
            applied = app.expiry_map.rebuild(progress=progress)
        position = app.expiry_map.position
        counted = app.participation.rebuild()
        with progress_bar(gettext("rebuilding the network's measures")) as progress:
            folded = app.network.rebuild(progress=progress)
        if as_json:
            print_json({"applied": applied, "position": position,
                        "participation_applied": counted, "network_applied": folded})
            return
        say(translate("the Expiry Map was rebuilt: {applied} unit events applied, up to "
                      "position {position} of the log", applied=format_number(applied),
                      position=format_number(position)))
        say(translate("the participation history was rebuilt: {counted} campaign events "
                      "applied", counted=format_number(counted)))
        say(translate("the network's measures were rebuilt: {folded} events of the network "
                      "applied", folded=format_number(folded)))
