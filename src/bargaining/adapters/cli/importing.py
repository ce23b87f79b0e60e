"""``bargaining import``: a CSV file through a column mapping (F-7 by default, or a mapping
file), with the report and the rejected rows written for correction.

A mapping file is TOML (``.toml``) or JSON (``.json``) naming the column of each field, as
:class:`ColumnMapping` takes them::

    union = "Union"
    local = "Local"
    employer = "Employer"
    unit_name = "Unit"
    expiry = "Expiry"
    date_formats = ["%Y-%m-%d", "%d/%m/%Y"]
    source = "coalition sheet"

``split_union = "f7"`` and ``name_unit = "f7"`` read files shaped like F-7 (the union and
local in one column; units named by city and state).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Annotated, Any

import attrs
import typer

from bargaining.adapters.cli.common import (
    ActorOption,
    JsonOption,
    LanguageOption,
    RoleOption,
    StoreOption,
    actor_of,
    open_app,
    print_json,
    progress_bar,
    say,
    speaking,
)
from bargaining.adapters.csv_import import (
    F7_MAPPING,
    ColumnMapping,
    CsvImporter,
    f7_unit_name,
    split_union_and_local,
)
from bargaining.adapters.csv_import.report import ImportReport
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.language import (
    Language,
    current_language,
    format_number,
    translate,
)

_HOOKS: dict[str, dict[str, Any]] = {
    "split_union": {"f7": split_union_and_local},
    "name_unit": {"f7": f7_unit_name},
}
_FIELDS = [f.name for f in attrs.fields(ColumnMapping)]


def read_mapping(path: Path) -> ColumnMapping:
    """A :class:`ColumnMapping` from a TOML or JSON file, refused in words when it names a
    field the mapping does not have or leaves out one it needs."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput.worded("there is no mapping file at {path}", path=path) from None
    try:
        values = (json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text))
    except (ValueError, tomllib.TOMLDecodeError) as error:
        raise InvalidInput.worded("the mapping file {path} cannot be read: {error}",
                                  path=path.name, error=error) from None
    if not isinstance(values, dict):
        raise InvalidInput.worded("the mapping file {path} must name fields and their columns",
                                  path=path.name)
    unknown = sorted(set(values) - set(_FIELDS))
    if unknown:
        raise InvalidInput.worded("the mapping file names {unknown}, which a column mapping does "
                                  "not have (it has {fields})",
                                  unknown=', '.join(unknown), fields=', '.join(_FIELDS))
    for name, choices in _HOOKS.items():
        if name in values:
            if values[name] not in choices:
                raise InvalidInput.worded('{name} may only be "f7", not {values}',
                                          name=name, values=repr(values[name]))
            values[name] = choices[values[name]]
    for name, value in values.items():
        if name not in _HOOKS and name != "date_formats" and not isinstance(value, str):
            raise InvalidInput.worded("the column of {name} is named by text, not {value}",
                                      name=name, value=repr(value))
    missing = [n for n in ("union", "employer", "expiry") if n not in values]
    if missing:
        raise InvalidInput.worded("the mapping file must name the column of {missing}",
                                  missing=', '.join(missing))
    return ColumnMapping(**values)


def import_command(
    file: Annotated[Path, typer.Argument(help="The CSV file to import.", show_default=False)],
    mapping: Annotated[Path | None, typer.Option(
        "--mapping", help="A TOML or JSON column mapping (default: FMCS F-7 notices).")] = None,
    rejects: Annotated[Path | None, typer.Option(
        "--rejects", help="Write the rejected rows here, line and reason first.")] = None,
    encoding: Annotated[str | None, typer.Option(
        "--encoding", help="The file's encoding, such as cp1252 (default: UTF-8, or its "
        "byte order mark's).")] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", min=1, help="Rows saved per transaction.")] = 1000,
    actor: ActorOption = None,
    role: RoleOption = "data steward",
    store: StoreOption = None,
    as_json: JsonOption = False,
    language: LanguageOption = None,
) -> None:
    """Import bargaining units and agreements from a CSV file, and report every row.

    Every good row is imported and every bad row is reported by line and reason; importing
    the same file again changes nothing.

    Example: bargaining import data/f7-notices-fy2004-sample.csv --rejects to-fix.csv
    """
    column_mapping = F7_MAPPING if mapping is None else read_mapping(mapping)
    who = actor_of(actor, role)
    with open_app(store, create=True) as app, progress_bar(f"importing {file.name}") as progress:
        importer = CsvImporter(app, column_mapping, actor=who, batch_size=batch_size)
        report = importer.import_file(file, encoding=encoding, progress=progress)
    written = report.write_rejects(rejects) if rejects is not None else None
    if as_json:
        print_json({
            "rows_read": report.rows_read, "imported": report.imported,
            "unchanged": report.unchanged, "rejected": len(report.rejected),
            "warnings": len(report.warnings), "units_registered": report.units_registered,
            "agreements_recorded": report.agreements_recorded, "batches": report.batches,
            "rejects_file": None if rejects is None else str(rejects),
        })
        return
    with speaking(language):
        say(report_text(report))
        for rejected in list(report.rejected)[:5]:
            say(translate("  line {line}: {reason}", line=rejected.line, reason=rejected.reason))
        if len(report.rejected) > 5 and rejects is None:
            say(translate("  ... and {count} more: --rejects FILE writes them all",
                          count=format_number(len(report.rejected) - 5)))
        if written is not None:
            say(translate("{count} rejected rows written to {file}",
                          count=format_number(written), file=rejects))


def report_text(report: ImportReport) -> str:
    """The import report's counts in one line, in the reader's language (English keeps its
    counts unseparated, as released)."""
    n = str if current_language() is Language.ENGLISH else format_number
    return translate(
        "{rows} rows read: {imported} imported, {unchanged} unchanged, {rejected} rejected; "
        "{warnings} warnings; {units} units registered, {agreements} agreements recorded in "
        "{batches} batches", rows=n(report.rows_read), imported=n(report.imported),
        unchanged=n(report.unchanged), rejected=n(len(report.rejected)),
        warnings=n(len(report.warnings)), units=n(report.units_registered),
        agreements=n(report.agreements_recorded), batches=n(report.batches))
