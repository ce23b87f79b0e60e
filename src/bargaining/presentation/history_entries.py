"""History entries as a person reads them and exports keep them: one event, one line.

An entry gives the event's name, a one-line summary in plain language, who acted (id and role),
the reason, when it was recorded and, where the fact has one, the real-world date it happened,
with the event's data in JSON-safe values. Exports (:mod:`bargaining.adapters.audit_export`)
write entries with the stable :data:`COLUMNS` and read them back with
:meth:`HistoryEntry.from_record`.
"""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any
from uuid import UUID

import attrs

from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.shared.language import gettext
from bargaining.domain.shared.personal import HIDDEN, PersonalData
from bargaining.domain.shared.text import RedactedText
from bargaining.presentation.spreadsheet import unquoted

#: The columns of an exported entry, in order. Stable: a new column is only ever appended.
COLUMNS = (
    "position", "recorded_at", "occurred_on", "aggregate_kind", "aggregate_id", "version",
    "event", "actor_id", "actor_role", "reason", "summary", "data",
)
#: Event fields shown in their own columns, so not repeated inside ``data``.
_OWN_COLUMNS = frozenset(
    {"originator_id", "originator_version", "originator_topic", "timestamp", "actor", "reason"}
)


@attrs.frozen
class HistoryEntry:
    """One recorded event as a person reads it.

    ``position`` is the event's place in the application's log when known (the audit log knows
    it; a single record's history does not). ``recorded_at`` is when it was recorded (UTC);
    ``occurred_on`` is the real-world date of the fact, when it differs (a vote held last
    Tuesday, an agreement settled in June).
    """

    position: int | None
    recorded_at: datetime
    occurred_on: date | None
    aggregate_kind: str
    aggregate_id: UUID
    version: int
    event: str
    actor_id: str | None
    actor_role: str | None
    reason: str | None
    summary: str
    data: dict[str, Any]

    def as_record(self) -> dict[str, Any]:
        """The entry as JSON-safe values keyed by :data:`COLUMNS`, in that order."""
        return {
            "position": self.position,
            "recorded_at": self.recorded_at.isoformat(),
            "occurred_on": self.occurred_on.isoformat() if self.occurred_on else None,
            "aggregate_kind": self.aggregate_kind,
            "aggregate_id": str(self.aggregate_id),
            "version": self.version,
            "event": self.event,
            "actor_id": self.actor_id,
            "actor_role": self.actor_role,
            "reason": self.reason,
            "summary": self.summary,
            "data": self.data,
        }

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> HistoryEntry:
        """An entry read back from an export: a JSON Lines object or a CSV row (where every
        value is text, empty meaning none, and ``data`` is JSON text)."""
        data = record.get("data") or {}
        # A CSV row (its data is JSON text) has a quote before cells a spreadsheet would run.
        from_csv = isinstance(data, str)

        def text(name: str) -> str | None:
            value = record.get(name)
            if value in (None, ""):
                return None
            return unquoted(str(value)) if from_csv else str(value)

        position = text("position")
        occurred = text("occurred_on")
        return cls(
            position=int(position) if position is not None else None,
            recorded_at=datetime.fromisoformat(str(record["recorded_at"])),
            occurred_on=date.fromisoformat(occurred) if occurred else None,
            aggregate_kind=str(record["aggregate_kind"]),
            aggregate_id=UUID(str(record["aggregate_id"])),
            version=int(record["version"]),
            event=str(record["event"]),
            actor_id=text("actor_id"),
            actor_role=text("actor_role"),
            reason=text("reason"),
            summary=unquoted(str(record["summary"])) if from_csv else str(record["summary"]),
            data=json.loads(data) if isinstance(data, str) else dict(data),
        )


@attrs.frozen
class AuditPage:
    """One page of the audit log; pass ``next_after`` back as ``after`` for the next page
    (``None``: this was the last)."""

    entries: tuple[HistoryEntry, ...]
    next_after: int | None


#: Whether the reader sees a person's data (asked only of data not erased).
Sees = Callable[[PersonalData], bool]


def _nobody(value: PersonalData) -> bool:
    return False


def plain(value: Any, sees: Sees = _nobody) -> Any:
    """A value as JSON can hold it: dates and ids as ISO text, exact numbers as text, value
    objects as dicts, enums as their value; a person's data only where ``sees`` says the
    reader may see it (by default nobody: "a person")."""
    if isinstance(value, RedactedText):
        return gettext(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date):  # datetimes too
        return value.isoformat()
    if isinstance(value, UUID | Fraction | Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, PersonalData):
        return _personal(value, sees)
    if attrs.has(type(value)):  # a phrase is the English beside it, worded for the summary
        return {f.name: plain(getattr(value, f.name), sees)
                for f in attrs.fields(type(value)) if f.name != "wording"}
    if isinstance(value, Mapping):
        return {str(plain(k)): plain(v, sees) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v, sees) for v in value]
    return str(value)


#: Event fields that keep a share of people as released, a share of one: shown in percent,
#: as the library speaks of shares everywhere else.
_SHARES_OF_ONE: dict[str, str] = {"Launched": "climb_share", "ClimbShareChanged": "share"}


def _personal(value: PersonalData, sees: Sees) -> dict[str, Any]:
    """A person's data as history shows it: "erased person" where an erased person's name
    was, "a person" to a reader who may not see it (the person's id, opaque, stays)."""
    if not value.erased and not sees(value):
        return {"person": value.person, "name": HIDDEN, "contact": None, "assessment": None,
                "notes": None, "erased": False}
    return {"person": value.person, "name": value.shown() if value.erased else value.name,
            "contact": value.contact, "assessment": value.assessment, "notes": value.notes,
            "erased": value.erased}


def event_data(event: Any, sees: Sees = _nobody) -> dict[str, Any]:
    """The event's own data (without what the entry shows in columns), JSON-safe, in the
    library's words of today: shares of people in percent; a person's data only where
    ``sees`` allows."""
    data = {k: plain(v, sees) for k, v in vars(event).items() if k not in _OWN_COLUMNS}
    share = _SHARES_OF_ONE.get(type(event).__name__)
    if share is not None and isinstance(event, Campaign.Event) and share in data:
        data[share] = plain(Fraction(getattr(event, share)) * 100)
    return data


def aggregate_kind(event_class: type[Any]) -> str:
    """The kind of record an event class belongs to: the class that declares it, or the
    aggregate a base class declares it for (its ``record_kind``: the cluster's me-too ledger
    declares events of ``BargainingCluster``)."""
    root = event_class.__qualname__.split(".")[0]
    owner = getattr(sys.modules.get(event_class.__module__), root, None)
    return str(getattr(owner, "record_kind", root))
