"""What an import did, row by row: counts, the rows refused with their reasons, the warnings,
and a corrections file of the refused rows."""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from abc import abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, TypeVar, overload

import attrs

from bargaining.presentation.spreadsheet import safe_cell

#: Rejected rows are kept in memory up to this many bytes, then in a temporary file.
SPOOL_BYTES = 1 << 20
_UNREADABLE = re.compile("[\ud800-\udfff]")
T = TypeVar("T")


@attrs.frozen
class RejectedRow:
    """A row the import refused: its file line, the reason, and the row as read (for the
    corrections file)."""

    line: int
    reason: str
    row: dict[str, str]


@attrs.frozen
class RowWarning:
    """A row imported with something an organizer should check, such as an odd expiry."""

    line: int
    message: str


class _Spooled(Sequence[T]):
    """Rows kept in a temporary file (in memory up to :data:`SPOOL_BYTES`, then on disk)
    rather than as objects, so an import's memory does not grow with them. Read it like a
    list once the import has returned."""

    def __init__(self) -> None:
        self._file = tempfile.SpooledTemporaryFile(  # noqa: SIM115 (kept open with the report)
            max_size=SPOOL_BYTES, mode="w+", newline="", encoding="utf-8"
        )
        self._writer = csv.writer(self._file)
        self._count = 0

    def _write(self, values: Sequence[object]) -> None:
        self._file.seek(0, os.SEEK_END)
        self._writer.writerow(values)
        self._count += 1

    @abstractmethod
    def _read(self, values: list[str]) -> T:
        """A kept row, read back from its stored values (each kind of row its own way)."""

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[T]:
        self._file.seek(0)
        for values in csv.reader(self._file):
            yield self._read(values)

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: int | slice) -> T | list[T]:
        rows = list(self)
        return rows[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._count} rows)"


class RejectedRows(_Spooled[RejectedRow]):
    """The rows an import refused, in line order (see :class:`_Spooled`)."""

    def add(self, line: int, reason: str, row: Mapping[str, str]) -> None:
        """Keep a refused row (bytes no encoding could read are kept as U+FFFD)."""
        values = json.dumps(row, ensure_ascii=False)
        if _UNREADABLE.search(values):
            values = _UNREADABLE.sub("\ufffd", values)
        self._write((line, reason, values))

    def _read(self, values: list[str]) -> RejectedRow:
        line, reason, row = values
        return RejectedRow(int(line), reason, json.loads(row))


class RowWarnings(_Spooled[RowWarning]):
    """The warnings of an import, in line order (see :class:`_Spooled`)."""

    def add(self, warning: RowWarning) -> None:
        self._write((warning.line, warning.message))

    def _read(self, values: list[str]) -> RowWarning:
        return RowWarning(int(values[0]), values[1])


@attrs.define
class ImportReport:
    """What an import did, row by row. ``imported + unchanged + rejected == rows_read``.

    ``rejected`` and ``warnings`` read like lists of :class:`RejectedRow` and
    :class:`RowWarning` in line order; they are kept in temporary files, so a file of many bad
    or odd rows costs no memory (see :class:`RejectedRows`)."""

    rows_read: int = 0
    imported: int = 0
    unchanged: int = 0
    units_registered: int = 0
    agreements_recorded: int = 0
    batches: int = 0
    rejected: RejectedRows = attrs.field(factory=RejectedRows, eq=False)
    warnings: RowWarnings = attrs.field(factory=RowWarnings, eq=False)
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
        """Write rejected rows (with line and reason first) to a CSV for correction. A cell a
        spreadsheet would run as a formula is written with a single quote before it
        (:mod:`bargaining.presentation.spreadsheet`); the importer takes it off again."""
        columns = ["line", "reason", *self.fieldnames]
        with open(path, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow([safe_cell(c) for c in columns])
            for rejected in self.rejected:
                row: dict[str, Any] = rejected.row
                writer.writerow([rejected.line, safe_cell(rejected.reason),
                                 *(safe_cell(row.get(c, "")) for c in self.fieldnames)])
        return len(self.rejected)
