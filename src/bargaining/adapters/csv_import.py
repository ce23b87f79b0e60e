"""Import bargaining units and agreements from CSV files, such as FMCS F-7 notices.

Every good row is imported, every bad row is reported by line and reason, and nothing is
silently dropped: ``imported + unchanged + rejected == rows read``. Importing the same file
twice changes nothing the second time.

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
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any
from uuid import UUID

import attrs

from bargaining.app import BargainingApp
from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.shared.errors import BargainingError, InvalidInput, UnitNotFound
from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.domain.units.unit import BargainingUnit, UnitProfile, unit_id, unit_profile

Row = Mapping[str, str]


def split_union_and_local(value: str) -> tuple[str, str]:
    """F-7 files the union and local together: ``'IAM - 570 DISTRICT 166'`` is union
    ``IAM``, local ``570 DISTRICT 166``; ``'MANA -'`` is union ``MANA`` with no local."""
    text = value.strip()
    if text.startswith("-"):
        return "", text[1:].strip()  # a local with no union: the row will be refused
    union, sep, local = text.partition(" - ")
    if not sep:
        union, local = text.rstrip("-"), ""
    return union.strip(), local.strip()


def f7_unit_name(row: Row) -> str:
    """F-7 has no unit name: a unit is named by where it works, ``'TAMPA, FL'``, so one
    employer's units of one local in different cities stay apart."""
    city = " ".join((row.get("unit_city") or "").split())
    state = " ".join((row.get("unit_state") or "").split())
    return ", ".join(part for part in (city, state) if part) or "unnamed unit"


def _raw(row: Row, column: str | None) -> str:
    """A field as the file has it; ``unit_profile`` tidies its spacing."""
    return (row.get(column) or "") if column else ""


def _readable(date_format: str) -> str:
    """'%Y-%m-%d' as organizers write it: 'YYYY-MM-DD'."""
    for code, words in (("%Y", "YYYY"), ("%m", "MM"), ("%d", "DD"), ("%y", "YY")):
        date_format = date_format.replace(code, words)
    return date_format


@attrs.frozen
class ColumnMapping:
    """Which CSV column holds which field. ``None``: the file has no such column.

    ``local`` may be ``None`` when ``split_union`` takes the local out of the union column;
    ``unit_name`` may be ``None`` when ``name_unit`` builds the name from the row.
    """

    union: str
    employer: str
    expiry: str
    local: str | None = None
    unit_name: str | None = None
    effective: str | None = None
    settled: str | None = None
    notice_date: str | None = None
    sector: str | None = None
    region: str | None = None
    city: str | None = None
    headcount: str | None = None
    industry_code: str | None = None
    date_formats: tuple[str, ...] = ("%Y-%m-%d",)
    split_union: Callable[[str], tuple[str, str]] | None = None
    name_unit: Callable[[Row], str] | None = None
    source: str = "CSV import"

    def columns(self) -> list[str]:
        names = [
            self.union, self.employer, self.expiry, self.local, self.unit_name, self.effective,
            self.settled, self.notice_date, self.sector, self.region, self.city,
            self.headcount, self.industry_code,
        ]
        return [n for n in names if n is not None]


#: FMCS F-7 notices (``data/f7-notices-fy2004-sample.csv``). F-7 has no sector
#: column: its one-letter industry code stands in as the sector until a host re-sectors units.
F7_MAPPING = ColumnMapping(
    union="union",
    employer="employer",
    expiry="expiration_date",
    notice_date="notice_date",
    sector="industry_code",
    region="unit_state",
    city="unit_city",
    headcount="bargaining_unit_size",
    industry_code="industry_code",
    split_union=split_union_and_local,
    name_unit=f7_unit_name,
    source="FMCS F-7 notice",
)


@attrs.frozen
class RejectedRow:
    line: int
    reason: str
    row: dict[str, str]


@attrs.frozen
class RowWarning:
    line: int
    message: str


@attrs.define
class ImportReport:
    """What an import did, row by row. ``imported + unchanged + rejected == rows_read``."""

    rows_read: int = 0
    imported: int = 0
    unchanged: int = 0
    units_registered: int = 0
    agreements_recorded: int = 0
    batches: int = 0
    rejected: list[RejectedRow] = attrs.field(factory=list)
    warnings: list[RowWarning] = attrs.field(factory=list)
    fieldnames: list[str] = attrs.field(factory=list)

    @property
    def balanced(self) -> bool:
        return self.imported + self.unchanged + len(self.rejected) == self.rows_read

    def summary(self) -> str:
        return (
            f"{self.rows_read} rows read: {self.imported} imported, {self.unchanged} unchanged, "
            f"{len(self.rejected)} rejected; {len(self.warnings)} warnings; "
            f"{self.units_registered} units registered, {self.agreements_recorded} agreements "
            f"recorded in {self.batches} batches"
        )

    def write_rejects(self, path: str | os.PathLike[str]) -> int:
        """Write rejected rows (with line and reason first) to a CSV for correction."""
        columns = ["line", "reason", *self.fieldnames]
        with open(path, "w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            for rejected in self.rejected:
                writer.writerow({"line": rejected.line, "reason": rejected.reason, **rejected.row})
        return len(self.rejected)


@attrs.frozen
class _Parsed:
    line: int
    unit_id: UUID
    registration: UnitProfile
    agreement: CollectiveAgreement
    notice: date | None
    row: dict[str, str]


class _Reject(Exception):
    pass


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
        if batch_size < 1:
            raise InvalidInput("batch_size must be at least 1")
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
        report = ImportReport(fieldnames=list(fieldnames))
        batch: list[_Parsed] = []
        expiries: list[tuple[int, date | None]] = []
        for line, row in self._rows(fieldnames, reader):
            report.rows_read += 1
            try:
                parsed = self._parse(line, row, source_name)
            except _Reject as reject:
                report.rejected.append(RejectedRow(line, str(reject), dict(row)))
                if (expiry := self._date(row.get(self.mapping.expiry))) is not None:
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

    # ------------------------------------------------------------------- rows

    def _date(self, text: str | None) -> date | None:
        text = (text or "").strip()
        if not text:
            return None
        for fmt in self.mapping.date_formats:
            if fmt == "%Y-%m-%d" and len(text) == 10:
                try:
                    return date.fromisoformat(text)
                except ValueError:
                    continue
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        return None

    def _field(self, row: Row, column: str | None) -> str:
        return " ".join((row.get(column) or "").split()) if column else ""

    def _required_date(self, row: Row, column: str, what: str) -> date:
        text = self._field(row, column)
        if not text:
            raise _Reject(f"{what} is blank")
        parsed = self._date(text)
        if parsed is None:
            formats = " or ".join(_readable(f) for f in self.mapping.date_formats)
            raise _Reject(f"{what} '{text}' is not a date ({formats})")
        return parsed

    def _optional_date(self, row: Row, column: str | None, what: str) -> date | None:
        text = self._field(row, column)
        if not text:
            return None
        parsed = self._date(text)
        if parsed is None:
            raise _Reject(f"{what} '{text}' is not a date")
        return parsed

    def _parse(self, line: int, row: dict[str, str], source_name: str) -> _Parsed:
        m = self.mapping
        union_text = self._field(row, m.union)
        if m.split_union is not None:
            union, local = m.split_union(union_text)
        else:
            union, local = union_text, ""
        if m.local is not None:
            local = self._field(row, m.local)
        if not union:
            raise _Reject("union is missing")
        employer = self._field(row, m.employer)
        if not employer:
            raise _Reject("employer is missing")
        if m.unit_name is not None:
            unit_name = self._field(row, m.unit_name)
        elif m.name_unit is not None:
            unit_name = m.name_unit(row)
        else:
            unit_name = "whole unit"
        if not unit_name:
            raise _Reject("unit name is missing")
        expiry = self._required_date(row, m.expiry, "expiry date")
        effective = settled = None
        if m.effective is not None:
            effective = self._optional_date(row, m.effective, "effective date")
        if m.settled is not None:
            settled = self._optional_date(row, m.settled, "settlement date")
        try:
            notice = self._optional_date(row, m.notice_date, "notice date")
        except _Reject:
            notice = None
        headcount_text = self._field(row, m.headcount)
        try:
            headcount = int(headcount_text) if headcount_text else 0
        except ValueError:
            raise _Reject(f"unit size '{headcount_text}' is not a whole number") from None
        if headcount < 0:
            raise _Reject(f"unit size {headcount} is negative")
        try:
            agreement = CollectiveAgreement(
                expiry=expiry, effective=effective, settled=settled,
                source=f"{m.source}, {source_name} line {line}",
            )
        except BargainingError as error:
            raise _Reject(str(error)) from None
        try:
            registration = unit_profile(
                union=union, local=local, employer=employer, unit_name=unit_name,
                sector=_raw(row, m.sector), region=_raw(row, m.region),
                city=_raw(row, m.city), headcount=headcount,
                industry_code=_raw(row, m.industry_code),
            )
        except BargainingError as error:
            raise _Reject(str(error)) from None
        return _Parsed(line, unit_id(union, local, employer, unit_name), registration,
                       agreement, notice, row)

    @staticmethod
    def _warn_notice(parsed: _Parsed, report: ImportReport) -> None:
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

    def _apply(self, batch: list[_Parsed], report: ImportReport) -> None:
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
        outcomes: list[tuple[_Parsed, str]] = []
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
                # The registration was checked by ``unit_profile`` when the row was parsed:
                # ``register`` would check it again, and the checks were a tenth of an import.
                unit = BargainingUnit.from_profile(
                    parsed.registration, actor=self.actor, reason=None
                )
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
