"""The counts readiness reads on or after a campaign's last held day, kept beside the history.

Readiness of a day asks, of each unit, its latest count on each rung, its work groups' latest
and first counts (``domain.campaigns.counts.standings``): read from every count held up to the
day, that is every count of every action, half a million rows for 4,000 units after 100
actions. ``campaign_kept_counts`` holds a copy of only the counts
:func:`~bargaining.domain.campaigns.counts.kept` says give the same answer as all of them on
any rung, a few a unit however many actions were held, so readiness reads them without a join
(a join with every count is planned, by both databases at times, as a scan of every count).
It is updated in the same transaction that writes a batch of the history (so it moves with
the history's position, and only one of concurrent writers applies a batch); a count held on
an earlier day than the kept one does not displace it. Work group names are sealed as in
``campaign_counts``.

A store whose history was written before this table existed gets it filled from its counts
when it is first opened (under the schema lock), once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from uuid import UUID

from bargaining.domain.campaigns.counts import Counted, kept
from bargaining.infrastructure.sealing import NameSealer
from bargaining.infrastructure.viewstore import ViewStore
from bargaining.readmodels.participation.ports import Change

#: The tracking row that says the kept counts were filled from the counts already there.
FILLED = "campaign_kept_counts"

#: The columns a kept count has, beside its campaign, as ``campaign_counts`` has them.
_COLUMNS = "action, seq, unit_id, held_on, work_group, eligible, participants"

#: A count as kept: (action, seq, unit id hex, held on ISO, work group sealed or None,
#: eligible, participants), then its work group in clear (or None) and its rung.
_Row = tuple[Any, ...]


class KeptCounts:
    """The kept counts' table: made and filled on open, updated with each batch, read."""

    def __init__(self, store: ViewStore, sealer: NameSealer, tests: str, counts: str,
                 tracking: str) -> None:
        self.store, self.sealer = store, sealer
        self.table, self.tests, self.counts = store.table("campaign_kept_counts"), tests, counts
        self.tracking = tracking

    def create(self, cursor: Any) -> None:
        """Make the table if it is not there, and fill it once from the counts there are."""
        sql = self.store.sql
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {self.table} (campaign_id TEXT NOT NULL,"
            " action INTEGER NOT NULL, seq INTEGER NOT NULL, unit_id TEXT NOT NULL,"
            " held_on TEXT NOT NULL, work_group TEXT, eligible BIGINT NOT NULL,"
            " participants BIGINT NOT NULL, PRIMARY KEY (campaign_id, action, seq))")
        cursor.execute(sql(f"INSERT INTO {self.tracking} (name, position) VALUES (?, 0)"
                           " ON CONFLICT (name) DO NOTHING"), (FILLED,))
        if cursor.rowcount == 1:
            cursor.execute(f"SELECT DISTINCT campaign_id FROM {self.tests}")
            for (campaign,) in _tuples(cursor):
                self._replace(cursor, campaign, [], self._read(cursor, self.counts, campaign))

    def update(self, cursor: Any, changes: Sequence[Change]) -> None:
        """Keep, for each campaign the changes hold actions of, what ``kept`` keeps of the
        counts kept so far and the new ones."""
        seal = self.sealer.seal
        new: dict[str, list[_Row]] = {}
        for change in changes:
            if change[0] == "held":
                _, c, n, _, rung, _, held_on, _, _, _, counts = change
                new.setdefault(c, []).extend(
                    (n, seq, unit, held_on, None if group is None else seal(group), e, p,
                     group, rung) for seq, (unit, group, e, p) in enumerate(counts))
        for campaign, rows in new.items():
            old = self._read(cursor, self.table, campaign)
            self._replace(cursor, campaign, old, old + rows)

    def clear(self, cursor: Any) -> None:
        cursor.execute(f"DELETE FROM {self.table}")

    def _read(self, cursor: Any, table: str, campaign: str) -> list[_Row]:
        """A campaign's counts (every one, or the kept ones), each with its rung."""
        unseal = self.sealer.unseal
        columns = ", ".join(f"c.{name}" for name in _COLUMNS.split(", "))
        cursor.execute(self.store.sql(
            f"SELECT {columns}, t.rung FROM {table} c CROSS JOIN {self.tests} t"
            " WHERE t.campaign_id = c.campaign_id AND t.action = c.action AND"
            " c.campaign_id = ?"), (campaign,))
        return [(*row[:7], None if row[4] is None else unseal(row[4]), row[7])
                for row in _tuples(cursor)]

    def _replace(self, cursor: Any, campaign: str, old: list[_Row], rows: list[_Row]) -> None:
        rows.sort(key=lambda r: (r[3], r[0], r[1]))
        ids = {unit: UUID(unit) for unit in {r[2] for r in rows}}
        counted = [Counted(r[0], "", r[8], date.fromisoformat(r[3]), ids[r[2]], r[7], 0, 0)
                   for r in rows]
        keep = {(rows[place][0], rows[place][1]): rows[place] for place in kept(counted)}
        had = {(r[0], r[1]) for r in old}
        sql = self.store.sql
        if had - keep.keys():
            cursor.executemany(sql(
                f"DELETE FROM {self.table} WHERE campaign_id = ? AND action = ? AND seq = ?"),
                [(campaign, *key) for key in sorted(had - keep.keys())])
        if keep.keys() - had:
            cursor.executemany(sql(
                f"INSERT INTO {self.table} (campaign_id, {_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)"),
                [(campaign, *keep[key][:7]) for key in sorted(keep.keys() - had)])

    def rows(self, campaign: UUID, on: date) -> list[tuple[Any, ...]]:
        """The kept counts held on or before ``on``, as (action, unit id, sealed work group,
        eligible, participants), in (held on, action, seq) order."""
        return self.store.rows(
            f"SELECT action, unit_id, work_group, eligible, participants FROM {self.table}"
            " WHERE campaign_id = ? AND held_on <= ? ORDER BY held_on, action, seq",
            (campaign.hex, on.isoformat()))


def _tuples(cursor: Any) -> list[tuple[Any, ...]]:
    """The rows fetched, as tuples (PostgreSQL's cursors here give dicts, in column order)."""
    return [tuple(row.values()) if isinstance(row, dict) else tuple(row)
            for row in cursor.fetchall()]
