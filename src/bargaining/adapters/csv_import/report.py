"""What an import did, row by row: counts, the rows refused with their reasons, the warnings,
and a corrections file of the refused rows."""

from __future__ import annotations

import csv
import os

import attrs


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
