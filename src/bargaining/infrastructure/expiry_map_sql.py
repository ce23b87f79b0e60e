"""The Expiry Map's questions in SQL, over the tables ``expiry_map_tables`` keeps.

Names are matched by key (sector and region normalised; union and employer by the sealer's
key, a keyed digest when names are sealed), and shown unsealed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast
from uuid import UUID

from bargaining.domain.units.profile import normalise_name
from bargaining.infrastructure.expiry_map_tables import table_names
from bargaining.infrastructure.sealing import NameSealer
from bargaining.infrastructure.viewstore import ViewStore
from bargaining.readmodels.expiry_map.filters import MapFilter
from bargaining.readmodels.expiry_map.ports import ClusterRow, IndexRow
from bargaining.readmodels.expiry_map.results import MapUnit

_UNIT_COLUMNS = (
    "unit_id, union_name, local_name, employer, unit_name, sector, region, city, headcount,"
    " industry_code, current_expiry, current_effective"
)
_IN_RANGE = ["current_expiry >= ?", "current_expiry <= ?"]


class ExpiryMapSql:
    """The queries of the map of one name."""

    def __init__(self, store: ViewStore, sealer: NameSealer, name: str) -> None:
        self.store = store
        self.sealer = sealer
        self.tables = table_names(store, name)
        self._ids: dict[str, UUID] = {}

    def unit(self, unit_id: UUID) -> MapUnit | None:
        units = self._units(["unit_id = ?"], [str(unit_id)])
        return units[0] if units else None

    def all_units(self) -> list[MapUnit]:
        return self._units([], [], order="current_expiry IS NULL, current_expiry, unit_id")

    def expiring(
        self, start: date, end: date, where: MapFilter, *, besides: UUID | None = None
    ) -> list[MapUnit]:
        conditions, params = list(_IN_RANGE), [start.isoformat(), end.isoformat()]
        if besides is not None:
            conditions.append("unit_id <> ?")
            params.append(str(besides))
        return self._units(conditions, params, where)

    def expired_before(self, on: date, where: MapFilter) -> list[MapUnit]:
        return self._units(["current_expiry < ?"], [on.isoformat()], where)

    def months(self, start: date, end: date, where: MapFilter) -> list[tuple[str, int, int]]:
        return self._rows(
            list(_IN_RANGE), [start.isoformat(), end.isoformat()], where,
            columns="substr(current_expiry, 1, 7) AS month, COUNT(*), SUM(headcount)",
            order="month", group="month",
        )

    def cluster_rows(
        self, start: date, end: date, where: MapFilter, *, by_region: bool
    ) -> list[ClusterRow]:
        return self._rows(
            list(_IN_RANGE), [start.isoformat(), end.isoformat()], where,
            columns=f"unit_id, sector, {'region' if by_region else 'NULL'}, current_expiry,"
            " headcount",
        )

    def in_periods(
        self, periods: Sequence[tuple[date, date, MapFilter, Sequence[str]]]
    ) -> list[tuple[int, MapUnit]]:
        # One SELECT per period with its own expiry bounds, run together.
        selects: list[str] = []
        params: list[Any] = []
        for n, (lo, hi, where, outside) in enumerate(periods):
            conditions = list(_IN_RANGE)
            params += [lo.isoformat(), hi.isoformat()]
            if outside:
                conditions.append(f"region_key NOT IN ({','.join('?' * len(outside))})")
                params.extend(normalise_name(j) for j in outside)
            self._filter(conditions, params, where)
            selects.append(
                f"SELECT {n} AS period, {_UNIT_COLUMNS} FROM {self.tables.units}"
                f" WHERE {' AND '.join(conditions)}"
            )
        rows = self.store.rows(
            " UNION ALL ".join(selects) + " ORDER BY period, current_expiry, unit_id", params
        )
        return list(zip([row[0] for row in rows], self._map_units([row[1:] for row in rows]),
                        strict=True))

    def units_by_id(self, unit_ids: Sequence[str]) -> dict[str, MapUnit]:
        units: dict[str, MapUnit] = {}
        for k in range(0, len(unit_ids), 500):
            chunk = list(unit_ids[k : k + 500])
            found = self._units([f"unit_id IN ({','.join('?' * len(chunk))})"], chunk)
            units.update((str(u.unit_id), u) for u in found)
        return units

    def index_rows(self) -> list[IndexRow]:
        t = self.tables
        return cast(list[IndexRow], self.store.rows(
            f"SELECT (SELECT position FROM {t.tracking} WHERE name = ?), unit_id,"
            f" sector, region, current_expiry, headcount FROM {t.units}"
            " WHERE current_expiry IS NOT NULL ORDER BY current_expiry, unit_id",
            (t.name,),
        ))

    def units_at(self, unit_ids: Sequence[str], position: int) -> dict[str, MapUnit] | None:
        """These units, each read with the tables' position in one statement: ``None`` if
        the position is no longer ``position`` or a unit is missing."""
        t = self.tables
        read: dict[str, MapUnit] = {}
        for k in range(0, len(unit_ids), 500):
            chunk = unit_ids[k : k + 500]
            rows = self.store.rows(
                f"SELECT (SELECT position FROM {t.tracking} WHERE name = ?),"
                f" {_UNIT_COLUMNS} FROM {t.units}"
                f" WHERE unit_id IN ({','.join('?' * len(chunk))})",
                [t.name, *chunk],
            )
            if len(rows) != len(chunk) or rows[0][0] != position:
                return None
            read.update(zip([row[1] for row in rows],
                            self._map_units([row[1:] for row in rows]), strict=True))
        return read

    def known_agreements(self, unit_ids: Sequence[UUID]) -> dict[UUID, set[date]]:
        t = self.tables
        found: dict[UUID, set[date]] = {}
        ids = sorted({str(u) for u in unit_ids})
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.store.query(
                f"SELECT u.unit_id, a.expiry FROM {t.units} u LEFT JOIN"
                f" {t.agreements} a ON a.unit_id = u.unit_id"
                f" WHERE u.unit_id IN ({marks})",
                chunk,
            ):
                expiries = found.setdefault(UUID(row["unit_id"]), set())
                if row["expiry"]:
                    expiries.add(date.fromisoformat(row["expiry"]))
        return found

    # ------------------------------------------------------------------ reading

    def _units(
        self,
        conditions: list[str],
        params: list[Any],
        where: MapFilter | None = None,
        *,
        order: str = "current_expiry, unit_id",
    ) -> list[MapUnit]:
        """Units matching the conditions and the filter, a page of them as it says."""
        page = ""
        if where is not None and (where.limit is not None or where.offset):
            limit, offset = where.limit, where.offset
            page = f" LIMIT {-1 if limit is None else int(limit)} OFFSET {int(offset)}"
            if self.store.dialect == "postgres" and limit is None:
                page = f" OFFSET {int(offset)}"
        return self._map_units(self._rows(conditions, params, where, order=order, page=page))

    def _rows(
        self,
        conditions: list[str],
        params: list[Any],
        where: MapFilter | None = None,
        *,
        columns: str = _UNIT_COLUMNS,
        order: str = "current_expiry, unit_id",
        group: str = "",
        page: str = "",
    ) -> list[Any]:
        """Rows of the units table matching the conditions and the filter's names."""
        if where is not None:
            self._filter(conditions, params, where)
        clause = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        if group:
            clause += f" GROUP BY {group}"
        return self.store.rows(
            f"SELECT {columns} FROM {self.tables.units}{clause} ORDER BY {order}{page}", params
        )

    def _filter(self, conditions: list[str], params: list[Any], where: MapFilter) -> None:
        """Add the filter's names (sector, region, union, employer), matched by key."""
        for part, keyed in (
            ("sector", normalise_name),
            ("region", normalise_name),
            ("union", self.sealer.key),
            ("employer", self.sealer.key),
        ):
            names: tuple[str, ...] | None = getattr(where, part)
            if names is not None:
                conditions.append(f"{part}_key IN ({','.join('?' * len(names))})")
                params.extend(keyed(v) for v in names)

    def _map_units(self, rows: Sequence[Sequence[Any]]) -> list[MapUnit]:
        """Rows of ``_UNIT_COLUMNS`` as units. Ids are parsed once per process: parsing them
        was a large share of a long answer."""
        ids = self._ids
        if len(ids) > 200_000:
            ids.clear()
        uid = ids.get

        def parsed(text: str) -> UUID:
            return ids.setdefault(text, UUID(text))

        if self.sealer.sealed:
            u = self.sealer.unseal
            return [
                MapUnit(uid(r[0]) or parsed(r[0]), u(r[1]), u(r[2]), u(r[3]), u(r[4]), r[5],
                        r[6], u(r[7]), r[8], r[9], _date(r[10]), _date(r[11]))
                for r in rows
            ]
        iso = date.fromisoformat
        return [
            MapUnit(uid(r[0]) or parsed(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8],
                    r[9], iso(r[10]) if r[10] else None, iso(r[11]) if r[11] else None)
            for r in rows
        ]


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None
