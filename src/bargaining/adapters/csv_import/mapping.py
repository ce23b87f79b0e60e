"""Which CSV column holds which field, and the mapping of FMCS F-7 notices.

A host describes its spreadsheet with a :class:`ColumnMapping`; F-7 files need two helpers of
their own (:func:`split_union_and_local`, :func:`f7_unit_name`) because they file the union and
local in one column and have no unit name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import attrs

from bargaining.domain.shared.errors import InvalidInput

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


def _date_formats(value: object) -> tuple[str, ...]:
    """The formats dates are read in, tried in order; one format may be given as a string.
    Each must hold a ``strptime`` directive (``%d/%m/%Y``), or no date would ever be read and
    every row refused."""
    found: tuple[object, ...] = ()
    if isinstance(value, str):
        found = (value,)
    elif isinstance(value, Iterable):
        found = tuple(value)
    if not found or not all(isinstance(f, str) and "%" in f for f in found):
        raise InvalidInput.worded("date_formats are strptime formats such as '%Y-%m-%d' or "
                                  "('%Y-%m-%d', '%d/%m/%Y'), not {value}", value=repr(value))
    return tuple(str(f) for f in found)


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
    date_formats: tuple[str, ...] = attrs.field(default=("%Y-%m-%d",), converter=_date_formats)
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
