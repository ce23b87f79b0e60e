"""The counts readiness reads on or after a campaign's last held day, kept beside the history.

Readiness of a day asks, of each unit, its latest count on each rung, its work groups' latest
and first counts (``domain.campaigns.counts.standings``): read from every count held up to the
day, that is every count of every action, half a million rows for 4,000 units after 100
actions. ``campaign_kept_counts`` names, by (campaign, action, seq), only the counts
:func:`~bargaining.domain.campaigns.counts.kept` says give the same answer as all of them on
any rung, a few a unit however many actions were held. It is updated in the same transaction
that writes a batch of the history (so it moves with the history's position, and only one of
concurrent writers applies a batch); a count held on an earlier day than the kept one does not
displace it. The kept rows hold no names: group names stay sealed in ``campaign_counts``.

A store whose history was written before this table existed gets it filled from its counts
when it is first opened (under the schema lock), once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from bargaining.domain.campaigns.counts import Counted, kept
from bargaining.infrastructure.sealing import NameSealer
from bargaining.infrastructure.viewstore import ViewStore
from bargaining.readmodels.participation.ports import Change

#: The tracking row that says the kept counts were filled from the counts already there.
FILLED = "campaign_kept_counts"

#: A kept count's row of the counts. The joins are written ``CROSS JOIN``, which SQLite reads
#: as "the kept counts first" (else it may walk every count of the campaign and look each up
#: among the kept ones); PostgreSQL plans them as any join.
_JOINED = "c.campaign_id = k.campaign_id AND c.action = k.action AND c.seq = k.seq"

#: (unit id hex, held on ISO, action, seq, work group in clear or None, rung)
_Row = tuple[str, str, int, int, "str | None", str]


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
            " action INTEGER NOT NULL, seq INTEGER NOT NULL,"
            " PRIMARY KEY (campaign_id, action, seq))")
        cursor.execute(sql(f"INSERT INTO {self.tracking} (name, position) VALUES (?, 0)"
                           " ON CONFLICT (name) DO NOTHING"), (FILLED,))
        if cursor.rowcount == 1:
            cursor.execute(f"SELECT DISTINCT campaign_id FROM {self.tests}")
            for (campaign,) in _tuples(cursor):
                self._replace(cursor, campaign, [], self._all(cursor, campaign))

    def update(self, cursor: Any, changes: Sequence[Change]) -> None:
        """Keep, for each campaign the changes hold actions of, what ``kept`` keeps of the
        counts kept so far and the new ones."""
        new: dict[str, list[_Row]] = {}
        for change in changes:
            if change[0] == "held":
                _, c, n, _, rung, _, held_on, _, _, _, counts = change
                new.setdefault(c, []).extend(
                    (unit, held_on, n, seq, group, rung)
                    for seq, (unit, group, _, _) in enumerate(counts))
        for campaign, rows in new.items():
            old = self._kept(cursor, campaign)
            self._replace(cursor, campaign, old, old + rows)

    def clear(self, cursor: Any) -> None:
        cursor.execute(f"DELETE FROM {self.table}")

    def _kept(self, cursor: Any, campaign: str) -> list[_Row]:
        return self._read(cursor, f"FROM {self.table} k CROSS JOIN {self.counts} c CROSS JOIN",
                          f"{_JOINED} AND k.campaign_id", campaign)

    def _all(self, cursor: Any, campaign: str) -> list[_Row]:
        return self._read(cursor, f"FROM {self.counts} c CROSS JOIN", "c.campaign_id",
                          campaign)

    def _read(self, cursor: Any, source: str, by: str, campaign: str) -> list[_Row]:
        unseal = self.sealer.unseal
        cursor.execute(self.store.sql(
            f"SELECT c.unit_id, c.held_on, c.action, c.seq, c.work_group, t.rung {source}"
            f" {self.tests} t WHERE t.campaign_id = c.campaign_id AND t.action = c.action"
            f" AND {by} = ?"), (campaign,))
        return [(unit, held_on, action, seq, None if group is None else unseal(group), rung)
                for unit, held_on, action, seq, group, rung in _tuples(cursor)]

    def _replace(self, cursor: Any, campaign: str, old: list[_Row], rows: list[_Row]) -> None:
        rows.sort(key=lambda r: (r[1], r[2], r[3]))
        ids = {unit: UUID(unit) for unit in {r[0] for r in rows}}
        counted = [Counted(action, "", rung, date.fromisoformat(held_on), ids[unit], group, 0, 0)
                   for unit, held_on, action, _, group, rung in rows]
        keep = {(rows[place][2], rows[place][3]) for place in kept(counted)}
        had = {(action, seq) for _, _, action, seq, _, _ in old}
        sql = self.store.sql
        if had - keep:
            cursor.executemany(sql(
                f"DELETE FROM {self.table} WHERE campaign_id = ? AND action = ? AND seq = ?"),
                [(campaign, *key) for key in sorted(had - keep)])
        if keep - had:
            cursor.executemany(sql(
                f"INSERT INTO {self.table} (campaign_id, action, seq) VALUES (?,?,?)"),
                [(campaign, *key) for key in sorted(keep - had)])

    def rows(self, campaign: UUID, on: date) -> Iterator[tuple[Any, ...]]:
        """The kept counts held on or before ``on``, as (action, unit id, sealed work group,
        eligible, participants), in (held on, action, seq) order."""
        yield from self.store.rows(
            f"SELECT c.action, c.unit_id, c.work_group, c.eligible, c.participants"
            f" FROM {self.table} k CROSS JOIN {self.counts} c WHERE {_JOINED} AND"
            " k.campaign_id = ? AND c.held_on <= ? ORDER BY c.held_on, c.action, c.seq",
            (campaign.hex, on.isoformat()))


def _tuples(cursor: Any) -> list[tuple[Any, ...]]:
    """The rows fetched, as tuples (PostgreSQL's cursors here give dicts, in column order)."""
    return [tuple(row.values()) if isinstance(row, dict) else tuple(row)
            for row in cursor.fetchall()]
