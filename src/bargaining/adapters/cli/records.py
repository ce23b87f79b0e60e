"""``bargaining history``, ``audit``, ``status`` and ``readiness``: reading records.

History and the audit log print as a table, as JSON Lines with ``--json``, or are exported to
a file (``--output``, CSV or JSON Lines by its extension or ``--format``) through
:mod:`bargaining.adapters.audit_export`, with a progress bar.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer

from bargaining.adapters.audit_export import write_csv, write_jsonl
from bargaining.adapters.cli.common import (
    JsonOption,
    LanguageOption,
    StoreOption,
    day,
    moment,
    open_app,
    print_json,
    progress_bar,
    record_id,
    say,
    speaking,
    table,
)
from bargaining.app import BargainingApp
from bargaining.application.clusters import ClusterStatus, TableState
from bargaining.domain.campaigns.readiness import Readiness, Standing
from bargaining.domain.coordination.cluster import BargainingCluster
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.people.reading import Reader
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    gettext,
    mark,
    translate,
)
from bargaining.presentation.history_entries import HistoryEntry


class Format(enum.StrEnum):
    """How an export is written."""

    csv = "csv"
    jsonl = "jsonl"


Record = Annotated[str, typer.Argument(help="The record's id.", show_default=False)]
Output = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Export to this file (.csv or .jsonl) instead of printing.")]
FormatOption = Annotated[Format | None, typer.Option(
    "--format", help="The export's format (default: by the file's extension).")]
OnOption = Annotated[str | None, typer.Option(
    "--on", help="As it was on this real-world day, YYYY-MM-DD.")]
AsOption = Annotated[str | None, typer.Option(
    "--as", help="Read as this reader, role:person (organizer:o-3); the read policy decides "
                 "what they see, and a read of people's data is recorded.")]


def _reader(text: str | None) -> Reader | None:
    return None if text is None else Reader.parse(text)


def _show(entries: Iterable[HistoryEntry], output: Path | None, form: Format | None,
          as_json: bool, what: str, *, by_version: bool = False) -> None:
    """Entries exported, as JSON Lines, or as a table (numbered by ``version`` within one
    record, where the log's position is not given)."""
    if output is not None:
        chosen = form or _format_of(output)
        write = write_csv if chosen is Format.csv else write_jsonl
        with output.open("w", encoding="utf-8", newline="") as file, \
                progress_bar(f"exporting {what}") as progress:
            count = write(entries, file, progress=progress)
        say(translate("{count} entries written to {output} ({format})",
                      count=format_number(count), output=output, format=chosen.value))
    elif as_json:
        write_jsonl(entries, sys.stdout)
    else:
        first = gettext("version") if by_version else gettext("position")
        rows = [(e.version if by_version else e.position,
                 e.recorded_at.strftime("%Y-%m-%d %H:%M"), format_day(e.occurred_on), e.event,
                 e.actor_role or "", e.summary) for e in entries]
        table(translate("{what}: {count} entries", what=gettext(what),
                        count=format_number(len(rows))),
              (first, gettext("recorded"), gettext("on"), gettext("event"), gettext("by"),
               gettext("summary")), rows, numeric=(first,))


def _format_of(path: Path) -> Format:
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "csv":
        return Format.csv
    if suffix in ("jsonl", "ndjson"):
        return Format.jsonl
    raise InvalidInput.worded("say --format csv or jsonl: the file {path} has neither extension",
                              path=path.name)


#: What a history table is titled, marked for the catalog.
_TITLES = (mark("history"), mark("audit log"))


def history(record: Record, output: Output = None, form: FormatOption = None,
            store: StoreOption = None, as_json: JsonOption = False,
            language: LanguageOption = None, reader: AsOption = None) -> None:
    """A record's history: who changed what, when and why, oldest first.

    Example: bargaining history 6f1c0a4e-8d3b-5a7e-9c2d-1b4e6f8a0c3d --language fr
    """
    with speaking(language), open_app(store) as app:  # its errors too are in the language
        who = _reader(reader)
        _show(app.history.of(record_id(record), reader=who), output, form, as_json,
              "history", by_version=True)


def audit(
    actor: Annotated[str | None, typer.Option(help="Only this actor's changes (an id).")] = None,
    kind: Annotated[str | None, typer.Option(
        help="Only this kind of record: BargainingUnit, DemandFramework, BargainingCluster, "
             "BargainingRound or Campaign.")] = None,
    record: Annotated[str | None, typer.Option(help="Only this record (an id).")] = None,
    since: Annotated[str | None, typer.Option(
        help="Recorded at or after (a date, its midnight UTC, or a date-time with its time "
             "zone).")] = None,
    until: Annotated[str | None, typer.Option(help="Recorded before (as --since).")] = None,
    output: Output = None, form: FormatOption = None, store: StoreOption = None,
    as_json: JsonOption = False, language: LanguageOption = None, reader: AsOption = None,
) -> None:
    """The audit log: every recorded change of the application, oldest first.

    Example: bargaining audit --since 2026-01-01 --output audit.jsonl
    """
    with speaking(language):
        filters: dict[str, Any] = {
            "actor": actor, "kind": kind,
            "record": None if record is None else record_id(record),
            "since": None if since is None else moment(since, term("since")),
            "until": None if until is None else moment(until, term("until")),
            "reader": _reader(reader),
        }
    with speaking(language), open_app(store) as app:
        _show(app.history.audit_log(**filters), output, form, as_json, "audit log",
              by_version=record is not None)


def status(record: Record, on: OnOption = None, store: StoreOption = None,
           as_json: JsonOption = False, reader: AsOption = None,
           language: LanguageOption = None) -> None:
    """Where a bargaining cluster or a bargaining table (a round) stands, with its flags.

    Example: bargaining status 0d5b7c9e-2f4a-4b6c-8e1d-3a5c7e9f1b2d --on 2023-12-28 --language fr
    """
    rid, when, who = record_id(record), None if on is None else day(on, "day"), _reader(reader)
    with speaking(language), open_app(store) as app:
        kind = type(app.history.as_of(rid, version=1, reader=who)).__name__
        if kind == BargainingCluster.__name__:
            _cluster(app.clusters.status(rid, on=when), as_json)
        elif kind == BargainingRound.__name__:
            _round(app, rid, when, as_json)
        else:
            raise InvalidInput.worded("status shows a bargaining cluster or a bargaining table "
                                      "(a round); the record {rid} is a {kind}",
                                      rid=rid, kind=kind)


def _table_state(state: TableState) -> dict[str, Any]:
    return {"unit_id": state.unit_id, "label": state.label,
            "status": state.status.value if state.status else None,
            "withdrawn": state.withdrawn, "final": state.final,
            "pact_signed_on": state.pact_signed_on,
            "seats": [{"round_id": s.round_id, "title": s.title, "status": s.status.value}
                      for s in state.seats],
            "flags": [f.describe() for f in state.flags]}


def _cluster(found: ClusterStatus, as_json: bool) -> None:
    if as_json:
        print_json({"cluster": found.name, "settled": found.settled,
                    "formed_on": found.formed_on,
                    "tables": [_table_state(t) for t in found.tables],
                    "breaches": [b.explain() for b in found.breaches]})
        return
    say(found.explain())


def _round(app: BargainingApp, rid: Any, on: Any, as_json: bool) -> None:
    bargaining_round = app.rounds.get(rid, on=on)
    flags = app.rounds.flags(rid, on=on)
    state = bargaining_round.status(sign_off_required=False).value
    if bargaining_round.cluster_id is not None:
        for table_state in app.clusters.status(bargaining_round.cluster_id, on=on).tables:
            for seat in table_state.seats:
                if seat.round_id == rid:
                    state = seat.status.value
    units = [app.units.get(u).label for u in bargaining_round.unit_ids]
    if as_json:
        print_json({"round_id": rid, "status": state, "units": units,
                    "cluster_id": bargaining_round.cluster_id,
                    "flags": [f.describe() for f in flags]})
        return
    say(translate("table of {units}: {state}", units="; ".join(units), state=gettext(state)))
    for flag in flags:
        say(translate("  flag: {flag}", flag=flag.describe()))


def _standing(standing: Standing) -> dict[str, Any]:
    figure = standing.figure
    return {"unit_id": standing.unit_id, "label": standing.label,
            "work_group": standing.work_group, "whole_unit": standing.whole_unit,
            "latest": None if figure is None else {
                "source": figure.source, "rung": figure.rung, "on": figure.on,
                "eligible": figure.eligible, "participants": figure.participants,
                "percent": round(float(figure.share), 1)},
            "meets_current": standing.meets_current, "short_of_current": standing.short_of_current,
            "meets_next": standing.meets_next, "short_of_next": standing.short_of_next,
            "hidden": standing.hidden}


def readiness(campaign: Record, on: OnOption = None, store: StoreOption = None,
              as_json: JsonOption = False, language: LanguageOption = None,
              reader: AsOption = None) -> None:
    """A campaign's readiness: each unit's and work group's participation against the rung.
    Read --as a member, small groups' counts are hidden.

    Example: bargaining readiness 4a6c8e0b-1d3f-4b5d-9f7a-2c4e6a8b0d1f --on 2023-10-13
    """
    with speaking(language), open_app(store) as app:
        report: Readiness = app.campaigns.readiness(
            record_id(campaign, term("campaign")), on=None if on is None else day(on, "day"),
            reader=_reader(reader))
    if not as_json:
        say(report.table(language=language))
        return
    print_json({
        "campaign": report.campaign, "on": report.on, "status": report.status.value,
        "rung": report.rung.name, "threshold_percent": round(float(report.rung.threshold), 1),
        "next_rung": report.next_rung.name if report.next_rung else None,
        "can_climb": report.can_climb, "needed": report.needed, "ready": report.ready,
        "held_back": report.held_back, "strike_vote_ok": report.strike_vote_ok,
        "units": [{**_standing(u.standing), "passed_current": u.passed_current,
                   "on_strike": u.on_strike, "groups": [_standing(g) for g in u.groups]}
                  for u in report.units],
    })
