"""One CSV row read through a column mapping: the unit it names (its profile and id) and the
agreement it records, or the reason it is refused, in words an organizer can act on.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from uuid import UUID

import attrs

from bargaining.adapters.csv_import.mapping import ColumnMapping, Row
from bargaining.domain.shared.errors import BargainingError
from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.domain.units.profile import UnitProfile, release_0_1_unit_id
from bargaining.presentation.spreadsheet import unquoted

#: A unit size: ASCII digits, optionally grouped in thousands by commas ("1,250").
_COUNT = re.compile(r"-?(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+)")


def _raw(row: Row, column: str | None) -> str:
    """A field as the file has it (less a quote a rejects file put before a formula);
    ``UnitProfile`` tidies its spacing."""
    return unquoted((row.get(column) or "").lstrip()) if column else ""


def _readable(date_format: str) -> str:
    """'%Y-%m-%d' as organizers write it: 'YYYY-MM-DD'."""
    for code, words in (("%Y", "YYYY"), ("%m", "MM"), ("%d", "DD"), ("%y", "YY")):
        date_format = date_format.replace(code, words)
    return date_format


@attrs.frozen
class ParsedRow:
    """A good row: the unit it names and the agreement it records, with its file line."""

    line: int
    unit_id: UUID
    registration: UnitProfile
    agreement: CollectiveAgreement
    notice: date | None
    row: dict[str, str]
    #: The id release 0.1 gave the names as typed, where it differs (see
    #: :func:`~bargaining.domain.units.profile.release_0_1_unit_id`).
    release_0_1_id: UUID | None = None


class RowRefused(Exception):
    """A row that cannot be imported; the message is the reason the report gives."""


class RowParser:
    """Reads rows through a column mapping (its date formats included)."""

    def __init__(self, mapping: ColumnMapping) -> None:
        self.mapping = mapping

    def read_date(self, text: str | None) -> date | None:
        """The date a field holds in one of the mapping's formats; ``None`` when it is blank or
        not a date."""
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
        return unquoted(" ".join((row.get(column) or "").split())) if column else ""

    def _required_date(self, row: Row, column: str, what: str) -> date:
        text = self._field(row, column)
        if not text:
            raise RowRefused(f"{what} is blank")
        parsed = self.read_date(text)
        if parsed is None:
            formats = " or ".join(_readable(f) for f in self.mapping.date_formats)
            raise RowRefused(f"{what} '{text}' is not a date ({formats})")
        return parsed

    def _optional_date(self, row: Row, column: str | None, what: str) -> date | None:
        text = self._field(row, column)
        if not text:
            return None
        parsed = self.read_date(text)
        if parsed is None:
            raise RowRefused(f"{what} '{text}' is not a date")
        return parsed

    def parse(self, line: int, row: dict[str, str], source_name: str) -> ParsedRow:
        """The row on file line ``line`` of ``source_name``, or :class:`RowRefused` saying why
        it cannot be imported."""
        m = self.mapping
        union_text = self._field(row, m.union)
        if m.split_union is not None:
            union, local = m.split_union(union_text)
        else:
            union, local = union_text, ""
        if m.local is not None:
            local = self._field(row, m.local)
        if not union:
            raise RowRefused("union is missing")
        employer = self._field(row, m.employer)
        if not employer:
            raise RowRefused("employer is missing")
        if m.unit_name is not None:
            unit_name = self._field(row, m.unit_name)
        elif m.name_unit is not None:
            unit_name = m.name_unit(row)
        else:
            unit_name = "whole unit"
        if not unit_name:
            raise RowRefused("unit name is missing")
        expiry = self._required_date(row, m.expiry, "expiry date")
        effective = settled = None
        if m.effective is not None:
            effective = self._optional_date(row, m.effective, "effective date")
        if m.settled is not None:
            settled = self._optional_date(row, m.settled, "settlement date")
        try:
            notice = self._optional_date(row, m.notice_date, "notice date")
        except RowRefused:
            notice = None
        headcount_text = self._field(row, m.headcount)
        if headcount_text and not _COUNT.fullmatch(headcount_text):
            raise RowRefused(f"unit size '{headcount_text}' is not a whole number")
        headcount = int(headcount_text.replace(",", "")) if headcount_text else 0
        if headcount < 0:
            raise RowRefused(f"unit size {headcount} is negative")
        try:
            agreement = CollectiveAgreement(
                expiry=expiry, effective=effective, settled=settled,
                source=f"{m.source}, {source_name} line {line}",
            )
        except BargainingError as error:
            raise RowRefused(str(error)) from None
        try:
            registration = UnitProfile(
                union=union, local=local, employer=employer, unit_name=unit_name,
                sector=_raw(row, m.sector), region=_raw(row, m.region),
                city=_raw(row, m.city), headcount=headcount,
                industry_code=_raw(row, m.industry_code),
            )
        except BargainingError as error:
            raise RowRefused(str(error)) from None
        return ParsedRow(line, registration.unit_id, registration, agreement, notice, row,
                         release_0_1_unit_id(union, local, employer, unit_name))
