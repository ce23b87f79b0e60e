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

import csv
import io
import os
import statistics
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any
from uuid import UUID

from bargaining.adapters.csv_import.mapping import ColumnMapping
from bargaining.adapters.csv_import.report import ImportReport, RejectedRow, RowWarning
from bargaining.adapters.csv_import.rows import ParsedRow, RowParser, RowRefused
from bargaining.app import BargainingApp
from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.shared.errors import BargainingError, InvalidInput, UnitNotFound
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
            raise InvalidInput(
                f"the importer needs a ColumnMapping (such as F7_MAPPING), not "
                f"{type(mapping).__name__}"
            )
        for value, what in ((batch_size, "batch_size"), (odd_expiry_years, "odd_expiry_years")):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise InvalidInput(f"{what} must be a whole number from 1, not {value!r}")
        self.app = app
        self.mapping = mapping
        self.actor = require_actor(actor)
        self.batch_size = batch_size
        self.odd_expiry_years = odd_expiry_years

    def import_file(
        self, path: str | os.PathLike[str], *, encoding: str = "utf-8-sig"
    ) -> ImportReport:
        """Import a CSV file; returns the report (nothing is raised for bad rows)."""
        file = Path(path)
        if not file.is_file():
            raise InvalidInput(f"no CSV file at {file}")
        with file.open(newline="", encoding=encoding) as handle:
            return self._import(handle, source_name=file.name)

    def import_text(self, text: str, *, source_name: str = "CSV text") -> ImportReport:
        """Import CSV given as text (for uploads and tests)."""
        return self._import(io.StringIO(text), source_name=source_name)

    # ----------------------------------------------------------------- passes

    def _reader(self, handle: IO[str]) -> tuple[list[str], Any]:
        """The header and a reader of the rows after it (plain ``csv.reader``: lighter than a
        ``DictReader``, whose rows ``_rows`` builds the same way)."""
        reader = csv.reader(handle)
        fieldnames: list[str] = next(reader, [])
        missing = [c for c in self.mapping.columns() if c not in fieldnames]
        if missing:
            raise InvalidInput(
                f"the file has no column {', '.join(repr(m) for m in missing)} "
                f"that the column mapping names (its columns: {', '.join(fieldnames)})"
            )
        return fieldnames, reader

    def _import(self, handle: IO[str], *, source_name: str) -> ImportReport:
        """One pass over the rows. Expiries far from the file's typical year are listed once
        the whole file is read, since the typical year is the median of every row's expiry."""
        fieldnames, reader = self._reader(handle)
        rows = RowParser(self.mapping)
        report = ImportReport(fieldnames=list(fieldnames))
        batch: list[ParsedRow] = []
        expiries: list[tuple[int, date | None]] = []
        for line, row in self._rows(fieldnames, reader):
            report.rows_read += 1
            try:
                parsed = rows.parse(line, row, source_name)
            except RowRefused as reject:
                report.rejected.append(RejectedRow(line, str(reject), dict(row)))
                if (expiry := rows.read_date(row.get(self.mapping.expiry))) is not None:
                    expiries.append((0, expiry))
                continue
            self._warn_notice(parsed, report)
            expiries.append((line, parsed.agreement.expiry))
            batch.append(parsed)
            if len(batch) >= self.batch_size:
                self._apply(batch, report)
                batch = []
        if batch:
            self._apply(batch, report)
        self._warn_odd_years(expiries, report)
        report.rejected.sort(key=lambda rejected: rejected.line)
        return report

    @staticmethod
    def _rows(fieldnames: list[str], reader: Any) -> Iterator[tuple[int, dict[str, str]]]:
        """Rows by column name with the file line each starts on, as ``csv.DictReader`` gives
        them (blank lines skipped, short rows padded with "", extra fields dropped). A row
        starts on the line after the one the previous row ended on, which counts line breaks
        quoted inside fields."""
        width = len(fieldnames)
        ended = reader.line_num
        for row in reader:
            line, ended = ended + 1, reader.line_num
            if not row:
                continue
            if len(row) < width:
                row += [""] * (width - len(row))
            yield line, dict(zip(fieldnames, row, strict=False))

    # --------------------------------------------------------------- warnings

    @staticmethod
    def _warn_notice(parsed: ParsedRow, report: ImportReport) -> None:
        expiry = parsed.agreement.expiry
        if parsed.notice is not None and expiry < parsed.notice:
            report.warnings.append(RowWarning(
                parsed.line, f"expiry {expiry} is before the notice date {parsed.notice}"))

    def _warn_odd_years(
        self, expiries: list[tuple[int, date | None]], report: ImportReport
    ) -> None:
        """``expiries`` holds (line, expiry) of imported rows, and (0, expiry) of refused rows
        whose expiry parses: those count towards the typical year but get no warning."""
        years = [expiry.year for _, expiry in expiries if expiry is not None]
        if not years:
            return
        median = int(statistics.median(years))
        for line, expiry in expiries:
            if line and expiry is not None and abs(expiry.year - median) >= self.odd_expiry_years:
                report.warnings.append(RowWarning(
                    line,
                    f"expiry {expiry} is {abs(expiry.year - median)} years from the file's "
                    f"typical year {median}"))
        report.warnings.sort(key=lambda warning: warning.line)

    # --------------------------------------------------------------- batching

    def _apply(self, batch: list[ParsedRow], report: ImportReport) -> None:
        """One transaction per batch. The Expiry Map (current after every save) says which
        units and agreements exist, so duplicates cost no aggregate load; units that get a new
        agreement are loaded and changed through their own rules.

        Units are kept for one batch only, so memory stays the same whatever the file's size;
        a unit met again in a later batch with a new expiry is loaded from the store."""
        expiry_map = self.app.expiry_map
        expiry_map.catch_up()
        cache: dict[UUID, BargainingUnit | None] = {}
        known = expiry_map.known_agreements([p.unit_id for p in batch])
        changed: dict[UUID, BargainingUnit] = {}
        outcomes: list[tuple[ParsedRow, str]] = []
        for parsed in batch:
            expiries = known.get(parsed.unit_id)
            if (
                parsed.unit_id not in cache
                and expiries is not None
                and parsed.agreement.expiry in expiries
            ):
                outcomes.append((parsed, "unchanged"))
                continue
            unit = self._load(parsed.unit_id, cache, expiries is not None)
            if unit is None:
                # The profile was checked when the row was parsed, so a bad row was
                # refused before anything in its batch was recorded.
                unit = registered_unit(parsed.registration, self.actor)
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
                report.rejected.append(RejectedRow(parsed.line, outcome, parsed.row))

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
