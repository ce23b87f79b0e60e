"""The campaigns' participation history in SQL tables beside the events: every held action's
test and counts, every strike spell, and the tracking position of the log they were read to.

Each batch of changes is written with the position moved from where the batch started to where
it ended, in one transaction, by compare-and-set as the Expiry Map's tables do
(``expiry_map_tables``): the position only ever moves forwards and no event applies twice,
however many applications follow the same log. With encryption on, action and work group
names and a spell's flags are sealed with the application's cipher (``sealing``); counts,
days and ids are not (they say nothing of a person).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from fractions import Fraction
from typing import Any
from uuid import UUID

from eventsourcing.persistence import PersistenceError

from bargaining.domain.campaigns.counts import Counted, HeldTest, RecordedSpell
from bargaining.domain.shared.flags import Flag
from bargaining.infrastructure.campaign_history_kept import KeptCounts
from bargaining.infrastructure.errors import StoreError
from bargaining.infrastructure.sealing import NameSealer
from bargaining.infrastructure.viewstore import ViewStore
from bargaining.readmodels.participation.ports import Change

NAME = "campaign_history"
#: A row in the tracking table saying the spells' flags keep their phrases: tables made
#: before it kept why in English only, and are rebuilt from the log once when first opened.
WORDED = "campaign_spells_worded"


class CampaignHistoryTables:
    """The tables, made if they are not there yet; their writes and their reads."""

    def __init__(self, store: ViewStore, sealer: NameSealer) -> None:
        self.store = store
        self.sealer = sealer
        table = store.table
        self.tests, self.counts = table("campaign_tests"), table("campaign_counts")
        self.spells, self.tracking = table("campaign_spells"), table("campaign_history_tracking")
        self.kept = KeptCounts(store, sealer, self.tests, self.counts, self.tracking)
        self.create()

    def create(self) -> None:
        bigint = "BIGINT" if self.store.dialect == "postgres" else "INTEGER"
        statements = [
            f"CREATE TABLE IF NOT EXISTS {self.tests} (campaign_id TEXT NOT NULL,"
            " action INTEGER NOT NULL, name TEXT NOT NULL, rung TEXT NOT NULL,"
            " threshold TEXT NOT NULL, held_on TEXT NOT NULL, eligible BIGINT NOT NULL,"
            " participants BIGINT NOT NULL, passed INTEGER NOT NULL,"
            " PRIMARY KEY (campaign_id, action))",
            f"CREATE TABLE IF NOT EXISTS {self.counts} (campaign_id TEXT NOT NULL,"
            " action INTEGER NOT NULL, seq INTEGER NOT NULL, unit_id TEXT NOT NULL,"
            " held_on TEXT NOT NULL, work_group TEXT, eligible BIGINT NOT NULL,"
            " participants BIGINT NOT NULL, PRIMARY KEY (campaign_id, action, seq))",
            # Readiness reads a campaign's counts up to a day in date order; a unit's series
            # reads one unit's.
            f"CREATE INDEX IF NOT EXISTS campaign_counts_by_day ON {self.counts}"
            " (campaign_id, held_on, action, seq)",
            f"CREATE INDEX IF NOT EXISTS campaign_counts_by_unit ON {self.counts}"
            " (campaign_id, unit_id, held_on, action, seq)",
            f"CREATE TABLE IF NOT EXISTS {self.spells} (campaign_id TEXT NOT NULL,"
            " unit_id TEXT NOT NULL, start TEXT NOT NULL, back_on TEXT, part_day INTEGER NOT"
            " NULL, hours TEXT, flags TEXT NOT NULL, PRIMARY KEY (campaign_id, unit_id, start))",
            f"CREATE TABLE IF NOT EXISTS {self.tracking} ("
            f" name TEXT PRIMARY KEY, position {bigint} NOT NULL)",
            f"INSERT INTO {self.tracking} (name, position) VALUES (?, 0)"
            " ON CONFLICT (name) DO NOTHING",
        ]
        with self.store.transaction(commit=True) as cursor:
            self.store.lock_schema(cursor)
            for statement in statements:
                cursor.execute(self.store.sql(statement), (NAME,) if "?" in statement else ())
            self.kept.create(cursor)
            cursor.execute(self.store.sql(f"INSERT INTO {self.tracking} (name, position)"
                                          " VALUES (?, 1) ON CONFLICT (name) DO NOTHING"),
                           (WORDED,))
            if cursor.rowcount == 1:
                cursor.execute(f"SELECT 1 FROM {self.spells} LIMIT 1")
                if cursor.fetchall():
                    self._forget(cursor)

    def _forget(self, cursor: Any) -> None:
        for table in (self.tests, self.counts, self.spells):
            cursor.execute(f"DELETE FROM {table}")
        self.kept.clear(cursor)
        cursor.execute(self.store.sql(
            f"UPDATE {self.tracking} SET position = 0 WHERE name = ?"), (NAME,))

    # ------------------------------------------------------------------ writing

    @property
    def position(self) -> int:
        """The last notification id the tables have applied."""
        rows = self.store.rows(f"SELECT position FROM {self.tracking} WHERE name = ?", (NAME,))
        return int(rows[0][0]) if rows else 0

    def write(self, start: int, end: int, changes: Sequence[Change]) -> bool:
        """Apply the changes and move the position from ``start`` to ``end`` at once; ``False``
        (nothing written) if the position was no longer ``start``."""
        try:
            return self._write(start, end, changes)
        except PersistenceError as error:  # its text may quote a row: only its kind
            raise StoreError.worded("the campaigns' participation history could not apply events "
                                    "{value} to {end} of the event log: the database refused the "
                                    "write ({name}). Those events are recorded and safe; the "
                                    "history tries them again at each query and save",
                                    value=start + 1, end=end, name=type(error).__name__) from None

    def _write(self, start: int, end: int, changes: Sequence[Change]) -> bool:
        sql, seal = self.store.sql, self.sealer.seal
        with self.store.transaction(commit=True, derived=True) as cursor:
            self.store.lock_schema(cursor, shared=True)
            cursor.execute(sql(f"UPDATE {self.tracking} SET position = ?"
                               " WHERE name = ? AND position = ? AND position < ?"),
                           (end, NAME, start, end))
            if cursor.rowcount != 1:
                return False
            for change in changes:
                if change[0] == "held":
                    _, c, n, name, rung, threshold, held_on, e, p, passed, counts = change
                    cursor.execute(sql(
                        f"INSERT INTO {self.tests} (campaign_id, action, name, rung, threshold,"
                        " held_on, eligible, participants, passed) VALUES (?,?,?,?,?,?,?,?,?)"),
                        (c, n, seal(name), rung, threshold, held_on, e, p, int(passed)))
                    cursor.executemany(sql(
                        f"INSERT INTO {self.counts} (campaign_id, action, seq, unit_id, held_on,"
                        " work_group, eligible, participants) VALUES (?,?,?,?,?,?,?,?)"),
                        [(c, n, seq, unit, held_on, None if group is None else seal(group),
                          ce, cp) for seq, (unit, group, ce, cp) in enumerate(counts)])
                elif change[0] == "out":
                    _, c, unit, begin, back, part_day, hours, flags = change
                    cursor.execute(sql(
                        f"INSERT INTO {self.spells} (campaign_id, unit_id, start, back_on,"
                        " part_day, hours, flags) VALUES (?,?,?,?,?,?,?)"),
                        (c, unit, begin, back, int(part_day), hours, seal(json.dumps(flags))))
                else:
                    _, c, unit, back = change
                    cursor.execute(sql(
                        f"UPDATE {self.spells} SET back_on = ? WHERE campaign_id = ? AND"
                        " unit_id = ? AND back_on IS NULL"), (back, c, unit))
            self.kept.update(cursor, changes)
            return True

    def clear(self) -> None:
        """Forget everything and go back to the start of the log (for a rebuild)."""
        with self.store.transaction(commit=True) as cursor:
            self.store.lock_schema(cursor, shared=True)
            self._forget(cursor)

    # ------------------------------------------------------------------ reading

    def tests_of(self, campaign: UUID) -> list[HeldTest]:
        unseal = self.sealer.unseal
        return [HeldTest(r[0], unseal(r[1]), r[2], Fraction(r[3]), date.fromisoformat(r[4]),
                         r[5], r[6], bool(r[7])) for r in self.store.rows(
            f"SELECT action, name, rung, threshold, held_on, eligible, participants, passed"
            f" FROM {self.tests} WHERE campaign_id = ? ORDER BY held_on, action",
            (campaign.hex,))]

    def counted(self, campaign: UUID, on: date | None, unit: UUID | None) -> Iterator[Counted]:
        """A campaign's counts up to a day (or every one), of one unit (or all), in (held on,
        action) order."""
        where, params = "campaign_id = ?", [campaign.hex]
        if on is not None:
            where, params = where + " AND held_on <= ?", [*params, on.isoformat()]
        if unit is not None:
            where, params = where + " AND unit_id = ?", [*params, unit.hex]
        yield from self._counted(campaign, self.store.rows(
            f"SELECT action, unit_id, work_group, eligible, participants FROM {self.counts}"
            f" WHERE {where} ORDER BY held_on, action, seq", params))

    def kept_counted(self, campaign: UUID, on: date) -> Iterator[Counted]:
        """The counts held on or before ``on`` that give a campaign's standings as all of
        them do, when ``on`` is on or after its last held day (``campaign_history_kept``)."""
        return self._counted(campaign, self.kept.rows(campaign, on))

    def _counted(self, campaign: UUID, rows: Iterable[tuple[Any, ...]]) -> Iterator[Counted]:
        tests = {t.action: t for t in self.tests_of(campaign)}
        unseal, ids = self.sealer.unseal, _Ids()
        for action, unit_id, group, eligible, participants in rows:
            test = tests[action]
            yield Counted(action, test.name, test.rung, test.held_on, ids(unit_id),
                          None if group is None else unseal(group), eligible, participants)

    def last_held(self, campaign: UUID) -> date | None:
        rows = self.store.rows(f"SELECT MAX(held_on) FROM {self.tests} WHERE campaign_id = ?",
                               (campaign.hex,))
        return date.fromisoformat(rows[0][0]) if rows and rows[0][0] else None

    def spells_of(self, campaign: UUID) -> list[RecordedSpell]:
        unseal = self.sealer.unseal
        return [RecordedSpell(
            UUID(unit), date.fromisoformat(start), None if back is None else
            date.fromisoformat(back), bool(part_day), None if hours is None else Fraction(hours),
            tuple(Flag.from_plain(f) for f in json.loads(unseal(flags))),
        ) for unit, start, back, part_day, hours, flags in self.store.rows(
            f"SELECT unit_id, start, back_on, part_day, hours, flags FROM {self.spells}"
            " WHERE campaign_id = ? ORDER BY unit_id, start", (campaign.hex,))]


class _Ids:
    """Unit ids read once per answer (a campaign's counts repeat the same few)."""

    def __init__(self) -> None:
        self._seen: dict[str, UUID] = {}

    def __call__(self, text: str) -> UUID:
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = UUID(text)
        return found
