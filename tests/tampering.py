"""Tampering with a store behind the library's back: plain SQL on SQLite and PostgreSQL, list
surgery on the in-memory store. Tests use it to prove that ``verify`` notices."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from eventsourcing.persistence import StoredEvent

from bargaining import BargainingApp

FIELDS = ("originator_id", "originator_version", "topic", "state")


class Tamperer:
    """Changes one store directly, as someone with access to the database could."""

    def __init__(self, app: BargainingApp):
        self.app = app
        self.kind = app.store.kind
        settings = app.store.settings
        if self.kind == "postgres":
            schema = settings["POSTGRES_SCHEMA"] or "public"
            self.events = f'"{schema}"."bargainingapp_events"'
            self.chain = f'"{schema}"."bargainingapp_events_chain"'
            self.position = "notification_id"
            self.url = (
                f"postgresql://{settings['POSTGRES_USER']}@{settings['POSTGRES_HOST']}:"
                f"{settings['POSTGRES_PORT']}/{settings['POSTGRES_DBNAME']}"
            )
        else:
            self.events, self.chain, self.position = "stored_events", "stored_events_chain", "rowid"
        self.mark = "?" if self.kind != "postgres" else "%s"

    @contextmanager
    def _sql(self) -> Iterator[Any]:
        if self.kind == "sqlite":
            conn = sqlite3.connect(self.app.store.location)
            try:
                yield conn
                conn.commit()
            finally:
                conn.close()
        else:
            import psycopg

            with psycopg.connect(self.url) as conn:
                yield conn

    def _run(self, statement: str, *params: Any) -> None:
        with self._sql() as conn:
            conn.execute(statement.replace("?", self.mark), params)

    def _memory(self) -> list[StoredEvent]:
        events: list[StoredEvent] = self.app.eventsourcing.recorder._stored_events  # type: ignore[attr-defined]
        return events

    def stored(self, position: int) -> tuple[Any, ...]:
        """The stored row at a position: originator id, version, topic, bytes."""
        if self.kind == "memory":
            s = self._memory()[position - 1]
            return (s.originator_id, s.originator_version, s.topic, s.state)
        with self._sql() as conn:
            row = conn.execute(
                f"SELECT {', '.join(FIELDS)} FROM {self.events}"
                f" WHERE {self.position} = {self.mark}",
                (position,),
            ).fetchone()
        return tuple(row)

    def replace(self, position: int, field: str, value: Any) -> None:
        """Overwrite one column of one stored event."""
        if self.kind == "memory":
            events = self._memory()
            values = dict(zip(FIELDS, self.stored(position), strict=True))
            values[field] = value
            events[position - 1] = StoredEvent(**values)
            return
        self._run(
            f"UPDATE {self.events} SET {field} = ? WHERE {self.position} = ?", value, position
        )

    def flip_byte(self, position: int, offset: int = 0) -> None:
        """Change one bit of one byte of one stored event's bytes."""
        raw = bytearray(self.stored(position)[3])
        raw[offset % len(raw)] ^= 0x01
        self.replace(position, "state", bytes(raw))

    def delete(self, position: int, *, with_chain: bool = False) -> None:
        """Remove one stored event (and, to hide it better, its chain record)."""
        if self.kind == "memory":
            raise NotImplementedError("the in-memory store numbers events by list index")
        self._run(f"DELETE FROM {self.events} WHERE {self.position} = ?", position)
        if with_chain:
            self._run(f"DELETE FROM {self.chain} WHERE position = ?", position)

    def swap(self, first: int, second: int) -> None:
        """Exchange the positions of two stored events."""
        if self.kind == "memory":
            events = self._memory()
            events[first - 1], events[second - 1] = events[second - 1], events[first - 1]
            return
        column = self.position
        with self._sql() as conn:
            update = f"UPDATE {self.events} SET {column} = {self.mark} WHERE {column} = {self.mark}"
            conn.execute(update, (-1, first))
            conn.execute(update, (first, second))
            conn.execute(update, (second, -1))

    def drop_tail(self, after: int) -> None:
        """Remove every event after a position, and their chain records."""
        self._run(f"DELETE FROM {self.events} WHERE {self.position} > ?", after)
        self._run(f"DELETE FROM {self.chain} WHERE position > ?", after)

    def rechain(self) -> None:
        """Recompute the whole chain from the stored events, as a careful forger would."""
        from bargaining.infrastructure.chained_recorders import chain_records

        rows = []
        after = 0
        recorder: Any = self.app.eventsourcing.recorder
        while page := recorder.select_stored(after, 1000):
            rows.extend(page)
            after = page[-1][0]
        records = chain_records(
            None, [r[0] for r in rows], [StoredEvent(r[1], r[2], r[3], r[4]) for r in rows]
        )
        self._run(f"DELETE FROM {self.chain}")
        with self._sql() as conn:
            statement = f"INSERT INTO {self.chain} VALUES ({', '.join([self.mark] * 4)})"
            if self.kind == "sqlite":
                conn.executemany(statement, records)
            else:
                conn.cursor().executemany(statement, records)

