"""The Expiry Map's tables: their schema, and the write path that keeps them.

Each batch of unit changes is written with the tracking position moved from where the batch
started to where it ended, in one transaction; the move is a compare-and-set (``position =
start``), so when two instances read the same events only the first writes them and the other
resumes from the new position. The position only ever moves forwards: a batch that ends at
or before it is not written.

Why not ``eventsourcing.projection``: a ``Projection`` is handed one domain event at a time,
with its ``Tracking``, to record both in a transaction of its own. Written one per transaction,
the same events apply many times slower (``benchmarks/foundation.py`` measures both), and
decoding each into a domain event was most of a rebuild (see ``unit_event_feed``). Only a
``ProjectionRunner`` feeds a ``Projection``: from a recorder's ``subscribe``, which the SQLite
recorder lacks, in a thread and with an application of its own, so it cannot apply a save's
events before the save returns, as ``follow`` does. A ``TrackingRecorder`` alone would bring
two methods and tracking rows per application, where each map (the live one, one as of a
moment, a copy) keeps a position of its own under its own name, moved by compare-and-set:
``eventsourcing`` moves a position to any greater one, so two instances that read batches of
different lengths would both apply the events of the shorter one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from eventsourcing.persistence import PersistenceError

from bargaining.domain.units.profile import MAX_TEXT, normalise_name
from bargaining.infrastructure.errors import MapBehind
from bargaining.infrastructure.sealing import NameSealer
from bargaining.infrastructure.viewstore import ViewStore
from bargaining.readmodels.expiry_map.ports import UnitChange

_log = logging.getLogger(__name__)

#: The columns of a units row as the map inserts it, with their SQL types.
_UNIT_COLUMNS = tuple(
    (name, "int8" if name == "headcount" else "text")
    for name in (
        "unit_id", "union_name", "local_name", "employer", "unit_name", "union_key",
        "employer_key", "sector", "sector_key", "region", "region_key", "city", "headcount",
        "industry_code", "current_expiry", "current_effective",
    )
)
_AGREEMENT_COLUMNS = (("unit_id", "text"), ("expiry", "text"), ("effective", "text"))
#: Columns (name, SQL type) a write sets.
_Columns = tuple[tuple[str, str], ...]
#: Rows inserted (units and agreements) before the planner's statistics are refreshed.
ANALYZE_AFTER = 1000
# Slots of a units row in ``_UNIT_COLUMNS``.
_SECTOR, _REGION, _CITY, _HEADCOUNT, _INDUSTRY, _EXPIRY = 7, 9, 11, 12, 13, 14


class MapTableNames(NamedTuple):
    """The tables of the map of one name, as SQL names them (in PostgreSQL, in the events'
    schema)."""

    name: str
    units: str
    agreements: str
    tracking: str


def table_names(store: ViewStore, name: str) -> MapTableNames:
    return MapTableNames(
        name, store.table(f"{name}_units"), store.table(f"{name}_agreements"),
        store.table(f"{name}_tracking"),
    )


class _Batch:
    """What one transaction writes. Units registered in the batch are inserted once with their
    later changes already in the row, so most events cost no UPDATE of their own."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self.new: dict[str, list[Any]] = {}
        self.agreements: list[tuple[str, tuple[Any, ...]]] = []
        #: Units whose agreements are replaced (a map on a day), cleared before any insert.
        self.cleared: list[tuple[str, tuple[Any, ...]]] = []
        #: Each a statement (or profile columns to set) and its parameters.
        self.updates: list[tuple[str | _Columns, tuple[Any, ...]]] = []
        self.touched: set[str] = set()


class ExpiryMapTables:
    """The tables of the map of one name, made if they are not there yet, and its writes."""

    def __init__(self, store: ViewStore, sealer: NameSealer, name: str) -> None:
        self.store = store
        self.sealer = sealer
        self.tables = t = table_names(store, name)
        self._insert_agreement = (
            f"INSERT INTO {t.agreements} (unit_id, expiry, effective) VALUES (?,?,?)"
        )
        self._delete_agreement = f"DELETE FROM {t.agreements} WHERE unit_id = ? AND expiry = ?"
        self._delete_agreements = f"DELETE FROM {t.agreements} WHERE unit_id = ?"
        self._raise_expiry = (
            f"UPDATE {t.units} SET current_expiry = ?, current_effective = ?"
            " WHERE unit_id = ? AND (current_expiry IS NULL OR current_expiry < ?)"
        )
        seal = sealer.seal
        # Profile events: the row slots they set, the columns to update for a unit already
        # in the table, and the stored values.
        self._profile_changes: dict[
            str, tuple[tuple[int, ...], _Columns, Callable[[Any], tuple[Any, ...]]]
        ] = {
            "HeadcountChanged": ((_HEADCOUNT,), self._update("headcount"), lambda v: (v,)),
            "SectorChanged": (
                (_SECTOR, _SECTOR + 1), self._update("sector", "sector_key"), _indexed,
            ),
            "RegionChanged": (
                (_REGION, _REGION + 1), self._update("region", "region_key"), _indexed,
            ),
            "CityChanged": ((_CITY,), self._update("city"), lambda v: (seal(v),)),
            "IndustryCodeChanged": (
                (_INDUSTRY,), self._update("industry_code"), lambda v: (v,)
            ),
        }
        #: Rows the database's planner counted when its statistics were last refreshed here,
        #: and rows this instance inserted since (see ``_grew``).
        self._planned_rows = 0
        self._inserted = 0
        self.create()

    def create(self) -> None:
        t = self.tables
        bigint = "BIGINT" if self.store.dialect == "postgres" else "INTEGER"
        clustered = "" if self.store.dialect == "postgres" else " WITHOUT ROWID"
        statements = [
            f"CREATE TABLE IF NOT EXISTS {t.units} ("
            " unit_id TEXT PRIMARY KEY, union_name TEXT NOT NULL, local_name TEXT NOT NULL,"
            " employer TEXT NOT NULL, unit_name TEXT NOT NULL, union_key TEXT NOT NULL,"
            " employer_key TEXT NOT NULL, sector TEXT NOT NULL, sector_key TEXT NOT NULL,"
            " region TEXT NOT NULL, region_key TEXT NOT NULL, city TEXT NOT NULL,"
            f" headcount {bigint} NOT NULL, industry_code TEXT NOT NULL,"
            f" current_expiry TEXT, current_effective TEXT){self._units_options}",
            *self._expiry_index(),
            f"CREATE INDEX IF NOT EXISTS {t.name}_units_sector ON {t.units}"
            " (sector_key, current_expiry)",
            # In SQLite, stored in its key's order only (no rowid and separate key index):
            # each insert costs less. Tables made before keep their rowid; both answer the
            # same.
            f"CREATE TABLE IF NOT EXISTS {t.agreements} ("
            " unit_id TEXT NOT NULL, expiry TEXT NOT NULL, effective TEXT,"
            f" PRIMARY KEY (unit_id, expiry)){clustered}",
            f"CREATE TABLE IF NOT EXISTS {t.tracking} ("
            f" name TEXT PRIMARY KEY, position {bigint} NOT NULL)",
            f"INSERT INTO {t.tracking} (name, position) VALUES (?, 0)"
            " ON CONFLICT (name) DO NOTHING",
        ]
        with self.store.transaction(commit=True) as cursor:
            # One opener at a time: in PostgreSQL, two sessions making the same tables at
            # once can deadlock or fail; in SQLite the transaction holds the write lock.
            self.store.lock_schema(cursor)
            for statement in statements:
                params = (t.name,) if "?" in statement else ()
                cursor.execute(self.store.sql(statement), params)

    @property
    def _units_options(self) -> str:
        """PostgreSQL: room in each page for a row's next version, so that a unit's new
        headcount is written beside the old one (a "HOT" update: no index touched, the old
        version pruned as the page is next read) and the table stays the size of its units
        however many headcounts are recorded, with or without autovacuum."""
        return " WITH (fillfactor = 80)" if self.store.dialect == "postgres" else ""

    def _expiry_index(self) -> list[str]:
        """The units in expiry order. In SQLite it covers the month table and cluster
        candidates without the rows; open periods read only the rows of their jurisdictions
        (``region_key``); a copy of every column measured no faster once long answers filled
        the page cache. In PostgreSQL it leaves out the headcount, which changes monthly in
        a large union: an indexed column changed makes every update a new entry in every
        index, and tables and indexes grew with the history, not the units
        (``benchmarks/scale.py``). Maps made before get the new index in place of the old."""
        t = self.tables
        if self.store.dialect != "postgres":
            return [
                f"CREATE INDEX IF NOT EXISTS {t.name}_units_by_expiry ON {t.units}"
                " (current_expiry, unit_id, sector, region, headcount, region_key)"
            ]
        return [
            f"CREATE INDEX IF NOT EXISTS {t.name}_units_in_expiry_order ON {t.units}"
            " (current_expiry, unit_id, sector, region, region_key)",
            f"DROP INDEX IF EXISTS {self.store.table(t.name + '_units_by_expiry')}",
            f"ALTER TABLE {t.units} SET (fillfactor = 80)",
        ]

    @property
    def position(self) -> int:
        """The last notification id the tables have applied."""
        rows = self.store.query(
            f"SELECT position FROM {self.tables.tracking} WHERE name = ?", (self.tables.name,)
        )
        return int(rows[0]["position"]) if rows else 0

    def write(self, start: int, end: int, changes: Sequence[UnitChange]) -> bool:
        """Apply the changes and move the position from ``start`` to ``end`` in one
        transaction; ``False`` (nothing written) if another instance moved it first."""
        batch = self._batch(changes)
        try:
            written = self._write(start, end, batch)
        except PersistenceError as error:
            # The database's own message may quote a row, names included: only its kind is
            # passed on.
            raise MapBehind.worded("the Expiry Map could not apply events {value} to {end} of "
                                   "the event log: the database refused the write ({name}). "
                                   "Those events are recorded and safe; the map tries them again "
                                   "at each query and save, and is current again once its "
                                   "database accepts the write",
                                   value=start + 1, end=end, name=type(error).__name__) from None
        if written:
            self._grew(len(batch.rows) + len(batch.agreements))
        return written

    def clear(self) -> None:
        """Forget every unit and go back to the start of the log (for a rebuild)."""
        t = self.tables
        with self.store.transaction(commit=True) as cursor:
            cursor.execute(f"DELETE FROM {t.agreements}")
            cursor.execute(f"DELETE FROM {t.units}")
            cursor.execute(
                self.store.sql(f"UPDATE {t.tracking} SET position = 0 WHERE name = ?"),
                (t.name,),
            )

    def drop(self) -> None:
        """Remove the tables (of a temporary map built as of a past moment, say)."""
        with self.store.transaction(commit=True) as cursor:
            for table in (self.tables.agreements, self.tables.units, self.tables.tracking):
                cursor.execute(f"DROP TABLE IF EXISTS {table}")

    def _batch(self, changes: Sequence[UnitChange]) -> _Batch:
        batch = _Batch()
        for kind, unit, _, values in changes:
            if kind == "Registered":
                self._registered(batch, unit, values)
            elif kind == "AgreementRecorded":
                self._agreement_recorded(batch, unit, values[0], values[1])
            elif kind == "AgreementCorrected":
                old, expiry, effective = values[:3]
                batch.agreements.append((self._delete_agreement, (unit, old)))
                batch.agreements.append((self._insert_agreement, (unit, expiry, effective)))
                batch.touched.add(unit)
            elif kind == "AgreementsOnDay":
                batch.cleared.append((self._delete_agreements, (unit,)))
                for expiry, effective in values:
                    batch.agreements.append(
                        (self._insert_agreement, (unit, expiry, effective)))
                batch.touched.add(unit)
            else:
                slots, statement, stored = self._profile_changes[kind]
                new = stored(values[0])
                row = batch.new.get(unit)
                if row is None:
                    batch.updates.append((statement, (*new, unit)))
                else:
                    for slot, value in zip(slots, new, strict=True):
                        row[slot] = value
        return batch

    def _registered(self, batch: _Batch, unit: str, values: tuple[Any, ...]) -> None:
        union, local, employer, unit_name, sector, region, city, headcount, industry = values
        s = self.sealer
        if s.sealed:
            union_name, local, employer_name, unit_name, city = map(
                s.seal, (union, local, employer, unit_name, city))
        else:
            union_name, employer_name = union, employer
        row = [
            unit, union_name, local, employer_name, unit_name, s.key(union), s.key(employer),
            *_indexed(sector), *_indexed(region), city, headcount, industry, None, None,
        ]
        batch.rows.append(row)
        batch.new[unit] = row

    def _agreement_recorded(
        self, batch: _Batch, unit: str, expiry: str, effective: str | None
    ) -> None:
        batch.agreements.append((self._insert_agreement, (unit, expiry, effective)))
        row = batch.new.get(unit)
        if row is None:
            batch.updates.append((self._raise_expiry, (expiry, effective, unit, expiry)))
        elif row[_EXPIRY] is None or row[_EXPIRY] < expiry:
            row[_EXPIRY], row[_EXPIRY + 1] = expiry, effective

    def _write(self, start: int, end: int, batch: _Batch) -> bool:
        sql = self.store.sql
        t = self.tables
        with self.store.transaction(commit=True, derived=True) as cursor:
            self.store.lock_schema(cursor, shared=True)
            # Only forwards, and only from where this batch began: the position never moves
            # back, and events are never applied twice.
            cursor.execute(
                sql(f"UPDATE {t.tracking} SET position = ?"
                    " WHERE name = ? AND position = ? AND position < ?"),
                (end, t.name, start, end),
            )
            if cursor.rowcount != 1:
                return False
            self.store.insert_many(cursor, t.units, _UNIT_COLUMNS, batch.rows)
            # Agreements (those replaced cleared first), then updates; each kind keeps its
            # order, so runs of one statement go to the database together.
            ops: list[tuple[str | _Columns, tuple[Any, ...]]] = [
                *batch.cleared, *batch.agreements, *batch.updates]
            i = 0
            while i < len(ops):
                statement = ops[i][0]
                j = i
                while j < len(ops) and ops[j][0] == statement:
                    j += 1
                run = [params for _, params in ops[i:j]]
                if isinstance(statement, tuple):
                    self.store.update_many(cursor, t.units, "unit_id", statement, run)
                elif statement == self._insert_agreement:
                    self.store.insert_many(cursor, t.agreements, _AGREEMENT_COLUMNS, run)
                else:
                    cursor.executemany(sql(statement), run)
                i = j
            ids = sorted(batch.touched)
            for k in range(0, len(ids), 500):
                chunk = ids[k : k + 500]
                marks = ",".join("?" * len(chunk))
                cursor.execute(
                    sql(
                        f"UPDATE {t.units} SET"
                        f" current_expiry = (SELECT MAX(a.expiry) FROM {t.agreements} a"
                        f"  WHERE a.unit_id = {t.units}.unit_id),"
                        f" current_effective = (SELECT a.effective FROM {t.agreements} a"
                        f"  WHERE a.unit_id = {t.units}.unit_id"
                        "  ORDER BY a.expiry DESC LIMIT 1)"
                        f" WHERE unit_id IN ({marks})"
                    ),
                    tuple(chunk),
                )
        return True

    def _grew(self, inserted: int) -> None:
        """Refresh the planner's statistics of the tables once they have grown by a tenth
        since it last counted them (and by at least ``ANALYZE_AFTER`` rows): queries planned
        for tables it thinks empty read every row of a range."""
        self._inserted += inserted
        if self._inserted >= max(ANALYZE_AFTER, self._planned_rows // 10):
            self._inserted = 0
            try:
                self._planned_rows = self.store.analyze(
                    self.tables.units, self.tables.agreements)
            except PersistenceError as error:
                # The rows are written; only the planner's figures are older than they
                # could be. Its message may quote a row: only its kind is logged.
                _log.warning("the Expiry Map's tables were written but their statistics "
                             "were not refreshed (%s)", type(error).__name__)

    @staticmethod
    def _update(*columns: str) -> _Columns:
        """Profile columns a change sets in a unit's row, with their SQL types."""
        return tuple((column, dict(_UNIT_COLUMNS)[column]) for column in columns)


def _indexed(text: str) -> tuple[str, str]:
    """A sector or region and its match key, as the map stores and indexes them: at most
    ``MAX_TEXT`` characters. Events recorded since that limit never exceed it; an older event
    with a longer value is shown clipped rather than stopping the map, since PostgreSQL
    refuses index entries over 2,704 bytes."""
    clipped = text[:MAX_TEXT]
    return clipped, normalise_name(clipped)
