"""The importer: reads a CSV file through a column mapping, saves its good rows in batches (one
transaction each) and reports every bad row by line and reason.

Every good row is imported, every bad row is reported, and nothing is silently dropped:
``imported + unchanged + rejected == rows read``. Importing the same file twice changes nothing
the second time.

How rows become events:

* The first row for a unit registers it with that row's profile (sector, region, city,
  headcount, industry code); later rows for the same unit add agreements only. Profile changes
  are the host's own commands (``change_headcount`` …), so a re-import never undoes them.
* A row whose expiry the unit already has is a duplicate: unchanged.
* A row with another expiry is recorded as another agreement of the unit (``AgreementRecorded``):
  F-7 notices are filed per expiring agreement, so a second notice with a different expiry is a
  different agreement (an extension, a reopener or the next contract). The unit's current
  agreement is the one that expires last. Real mistakes are corrected with
  ``app.units.correct_agreement``, which records an ``AgreementCorrected`` event.
"""

from __future__ import annotations

import codecs
import csv
import heapq
import io
import os
from array import array
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any
from uuid import UUID

from bargaining.adapters.csv_import.mapping import ColumnMapping
from bargaining.adapters.csv_import.report import ImportReport, RowWarning, RowWarnings
from bargaining.adapters.csv_import.rows import ParsedRow, RowParser, RowRefused
from bargaining.adapters.csv_import.unit_ids import recorded_ids
from bargaining.app import BargainingApp
from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.shared.errors import BargainingError, InvalidInput, UnitNotFound
from bargaining.domain.shared.progress import Progress, Reporter, require_progress
from bargaining.domain.units.unit import BargainingUnit
from bargaining.infrastructure.unit_batches import registered_unit


class CsvImporter:
    """Imports rows into a :class:`BargainingApp` in batches, one transaction per batch."""

    def __init__(
        self,
        app: BargainingApp,
        mapping: ColumnMapping,
        *,
        actor: Actor,
        batch_size: int = 1000,
        odd_expiry_years: int = 10,
    ) -> None:
        if not isinstance(mapping, ColumnMapping):
            raise InvalidInput.worded("the importer needs a ColumnMapping (such as F7_MAPPING), "
                                      "not {name}", name=type(mapping).__name__)
        for value, what in ((batch_size, "batch_size"), (odd_expiry_years, "odd_expiry_years")):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise InvalidInput.worded("{what} must be a whole number from 1, not {value}",
                                          what=what, value=repr(value))
        self.app = app
        self.mapping = mapping
        self.actor = require_actor(actor)
        self.batch_size = batch_size
        self.odd_expiry_years = odd_expiry_years

    def import_file(
        self, path: str | os.PathLike[str], *, encoding: str | None = None,
        progress: Progress | None = None,
    ) -> ImportReport:
        """Import a CSV file; returns the report (nothing is raised for bad rows).

        ``encoding`` names the file's encoding (``"cp1252"``, ``"latin-1"``...); left out, a
        byte order mark says it (UTF-8, UTF-16 LE or BE), else UTF-8. A line that cannot be
        read in it, or as CSV, is a rejected row with its number, and the import goes on.
        ``progress`` (:class:`~bargaining.domain.shared.progress.Progress`) hears the rows
        read after each batch, the total unknown until the last call, when it is every row."""
        reporter = Reporter(require_progress(progress))
        file = Path(path)
        if not file.is_file():
            raise InvalidInput.worded("no CSV file at {file}", file=file)
        with file.open("rb") as raw:
            start = raw.read(4)
        chosen = _encoding(encoding, start)
        with file.open(newline="", encoding=chosen, errors="surrogateescape") as handle:
            return self._import(handle, file.name, chosen, reporter)

    def import_text(
        self, text: str, *, source_name: str = "CSV text", progress: Progress | None = None
    ) -> ImportReport:
        """Import CSV given as text (for uploads, tests); ``progress`` as ``import_file``'s."""
        if not isinstance(text, str):
            raise InvalidInput.worded("import_text takes text (a str), not {name}",
                                      name=type(text).__name__)
        reporter = Reporter(require_progress(progress))
        return self._import(io.StringIO(text), source_name, None, reporter)

    # ----------------------------------------------------------------- passes

    def _reader(self, handle: IO[str]) -> tuple[list[str], Any]:
        """The header and a reader of the rows after it (plain ``csv.reader``: lighter than a
        ``DictReader``, whose rows ``_rows`` builds the same way)."""
        reader = csv.reader(handle)
        try:
            fieldnames: list[str] = next(reader, [])
        except csv.Error as error:
            raise InvalidInput.worded("the file's header cannot be read as CSV: {error}",
                                      error=error) from None
        if any("\x00" in name for name in fieldnames):
            raise InvalidInput.worded("the file's header holds NUL bytes: it looks like UTF-16 "
                                      "text without a byte order mark; name its encoding, such "
                                      "as encoding='utf-16-le'")
        seen: dict[str, int] = {}
        for number, name in enumerate(fieldnames, start=1):
            if name.strip() and name in seen:
                raise InvalidInput.worded("the file's header names the column '{name}' twice "
                                          "(columns {seen} and {number}): which one holds the "
                                          "field is unclear",
                                          name=name, seen=seen[name], number=number)
            seen.setdefault(name, number)
        missing = [c for c in self.mapping.columns() if c not in fieldnames]
        if missing:
            raise InvalidInput.worded("the file has no column {missing} that the column mapping "
                                      "names (its columns: {fieldnames})",
                                      missing=', '.join(repr(m) for m in missing),
                                      fieldnames=', '.join(fieldnames))
        return fieldnames, reader

    def _import(
        self, handle: IO[str], source_name: str, encoding: str | None, reporter: Reporter
    ) -> ImportReport:
        """One pass over the rows. Expiries far from the file's typical year are listed once
        the whole file is read, since the typical year is the median of every row's expiry.

        Memory stays flat in the file's size: a batch of rows at a time, refused rows and
        warnings in the report's temporary files, and per imported row two machine integers
        (its line and expiry) for the warnings about odd years."""
        fieldnames, reader = self._reader(handle)
        rows = RowParser(self.mapping)
        report = ImportReport(fieldnames=list(fieldnames))
        batch: list[ParsedRow] = []
        # Refused rows wait for the outcomes of the batch's earlier rows, so the report lists
        # them in line order; a long run of them applies the batch early.
        waiting: list[tuple[int, str, dict[str, str]]] = []
        odd = _Years()
        notices = RowWarnings()  # in line order, merged with the odd years' at the end
        for line, row, unreadable in self._rows(fieldnames, reader, encoding):
            report.rows_read += 1
            if unreadable is not None:
                waiting.append((line, unreadable, row))
                continue
            try:
                parsed = rows.parse(line, row, source_name)
            except RowRefused as reject:
                waiting.append((line, str(reject), row))
                odd.count(rows.read_date(row.get(self.mapping.expiry)))
            else:
                self._warn_notice(parsed, notices)
                odd.keep(line, parsed.agreement.expiry)
                batch.append(parsed)
            if len(batch) >= self.batch_size or len(waiting) >= self.batch_size:
                self._apply(batch, report, waiting)
                batch = []
                reporter.tell(report.rows_read)
        self._apply(batch, report, waiting)
        reporter.tell(report.rows_read)
        for warning in heapq.merge(notices, self._odd_years(odd), key=lambda w: w.line):
            report.warnings.add(warning)
        reporter.finish()
        return report

    @staticmethod
    def _rows(
        fieldnames: list[str], reader: Any, encoding: str | None
    ) -> Iterator[tuple[int, dict[str, str], str | None]]:
        """Rows by column name with the file line each starts on, as ``csv.DictReader`` gives
        them (blank lines skipped, short rows padded with "", extra fields dropped), and why
        the line cannot be read, if it cannot. A row starts on the line after the one the
        previous row ended on, which counts line breaks quoted inside fields."""
        width = len(fieldnames)
        ended = reader.line_num
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                line, ended = ended + 1, reader.line_num
                yield line, {}, f"the line cannot be read as CSV: {error}"
                continue
            line, ended = ended + 1, reader.line_num
            if not row:
                continue
            if len(row) < width:
                row += [""] * (width - len(row))
            fields = dict(zip(fieldnames, row, strict=False))
            yield line, fields, _unreadable(row, encoding)

    # --------------------------------------------------------------- warnings

    @staticmethod
    def _warn_notice(parsed: ParsedRow, warnings: RowWarnings) -> None:
        expiry = parsed.agreement.expiry
        if parsed.notice is not None and expiry < parsed.notice:
            warnings.add(RowWarning(
                parsed.line, f"expiry {expiry} is before the notice date {parsed.notice}"))

    def _odd_years(self, odd: _Years) -> Iterator[RowWarning]:
        """Imported rows whose expiry is ``odd_expiry_years`` or more from the file's typical
        year (the median of every row's expiry), in line order."""
        median = odd.median()
        if median is None:
            return
        for line, expiry in odd.kept():
            if abs(expiry.year - median) >= self.odd_expiry_years:
                yield RowWarning(
                    line,
                    f"expiry {expiry} is {abs(expiry.year - median)} years from the file's "
                    f"typical year {median}")

    # --------------------------------------------------------------- batching

    def _apply(
        self,
        batch: list[ParsedRow],
        report: ImportReport,
        waiting: list[tuple[int, str, dict[str, str]]],
    ) -> None:
        """One transaction per batch. The Expiry Map (current after every save) says which
        units and agreements exist, so duplicates cost no aggregate load; units that get a new
        agreement are loaded and changed through their own rules.

        Units are kept for one batch only, so memory stays the same whatever the file's size;
        a unit met again in a later batch with a new expiry is loaded from the store.

        Rows refused since the last batch (``waiting``) join the batch's own refusals in the
        report, in line order."""
        if not batch:
            self._reject(report, waiting)
            return
        expiry_map = self.app.expiry_map
        expiry_map.catch_up()
        cache: dict[UUID, BargainingUnit | None] = {}
        uids, known = recorded_ids(batch, self.app.units.ids, expiry_map.known_agreements)
        changed: dict[UUID, BargainingUnit] = {}
        outcomes: list[tuple[ParsedRow, str]] = []
        for parsed, uid in zip(batch, uids, strict=True):
            expiries = known.get(uid)
            if uid not in cache and expiries is not None and parsed.agreement.expiry in expiries:
                outcomes.append((parsed, "unchanged"))
                continue
            unit = self._load(uid, cache, expiries is not None)
            if unit is None:
                # The profile was checked when the row was parsed, so a bad row was
                # refused before anything in its batch was recorded.
                unit = registered_unit(parsed.registration, self.actor, uid)
                cache[unit.id] = unit
                report.units_registered += 1
            if unit.has_agreement_expiring(parsed.agreement.expiry):
                outcomes.append((parsed, "unchanged"))
                continue
            try:
                unit.record_agreement(parsed.agreement, actor=self.actor)
            except BargainingError as error:
                outcomes.append((parsed, str(error)))
                continue
            changed[unit.id] = unit
            report.agreements_recorded += 1
            outcomes.append((parsed, "imported"))
        if changed:
            self.app.save(*changed.values())
        report.batches += 1
        for parsed, outcome in outcomes:
            if outcome == "imported":
                report.imported += 1
            elif outcome == "unchanged":
                report.unchanged += 1
            else:
                waiting.append((parsed.line, outcome, parsed.row))
        self._reject(report, waiting)

    @staticmethod
    def _reject(report: ImportReport, waiting: list[tuple[int, str, dict[str, str]]]) -> None:
        waiting.sort(key=lambda refused: refused[0])
        for line, reason, row in waiting:
            report.rejected.add(line, reason, row)
        waiting.clear()

    def _load(
        self, uid: UUID, cache: dict[UUID, BargainingUnit | None], registered: bool
    ) -> BargainingUnit | None:
        if uid in cache:
            return cache[uid]
        found: BargainingUnit | None = None
        if registered:
            try:
                found = self.app.units.get(uid)
            except UnitNotFound:
                found = None
        cache[uid] = found
        return found


class _Years:
    """The expiries an import has read, compactly: how many of each year (of every row whose
    expiry reads, for the file's typical year) and the line and day of each imported row (for
    the warnings about odd years), as two arrays of machine integers."""

    def __init__(self) -> None:
        self._years: Counter[int] = Counter()
        self._lines = array("L")
        self._days = array("L")

    def count(self, expiry: date | None) -> None:
        if expiry is not None:
            self._years[expiry.year] += 1

    def keep(self, line: int, expiry: date) -> None:
        self._years[expiry.year] += 1
        self._lines.append(line)
        self._days.append(expiry.toordinal())

    def median(self) -> int | None:
        """The median year (as ``int(statistics.median(years))``), ``None`` with no years."""
        total = sum(self._years.values())
        if not total:
            return None
        wanted, found, seen = {(total - 1) // 2, total // 2}, {}, 0
        for year in sorted(self._years):
            count = self._years[year]
            for index in wanted:
                if seen <= index < seen + count:
                    found[index] = year
            seen += count
        return int((found[(total - 1) // 2] + found[total // 2]) / 2)

    def kept(self) -> Iterator[tuple[int, date]]:
        for line, day in zip(self._lines, self._days, strict=True):
            yield line, date.fromordinal(day)


def _encoding(given: object, start: bytes) -> str:
    """The encoding to read a file in: the one given (checked), else its byte order mark's."""
    if given is not None:
        if not isinstance(given, str):
            raise InvalidInput.worded("the encoding is named by text, such as 'cp1252', not "
                                      "{given}", given=repr(given))
        try:
            name = codecs.lookup(given).name
        except LookupError:
            raise InvalidInput.worded("there is no encoding called '{given}'",
                                      given=given) from None
        if name == "utf-8" and start.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        return given
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8"


def _unreadable(row: list[str], encoding: str | None) -> str | None:
    """Why a line read with ``surrogateescape`` holds bytes its encoding could not read."""
    for value in row:
        if value.isascii():
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            char = error.object[error.start]
            if encoding is None:
                return "the line holds text that is not valid (an unpaired surrogate)"
            byte = ord(char) - 0xDC00
            shown = encoding.replace("-sig", "")
            return (f"the line is not {shown} text (byte 0x{byte:02x}): name the file's "
                    "encoding, such as encoding='cp1252'")
    return None
