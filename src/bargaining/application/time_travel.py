"""Records as they stood before, on either timeline.

- "As known at T" (``at=``, a moment of recording): the state after the last event recorded at
  or before it; the events' own timestamps (UTC, set when the command ran) decide.
- "As it was on D" (``on=``, a real-world date): the events whose real-world day is on or
  before D, replayed in the order they were recorded. An event's real-world day is the date of
  its fact, the one history shows as ``occurred_on`` (a vote held, a count taken, a cluster
  formed); an event without one counts from the day it was recorded (UTC). A record's
  creation without a date of its own (a unit registered, a framework drafted) counts on every
  day: registering a unit in 2026 records that it exists, not when it began. A unit's
  agreement counts by its dates as corrected (settled, else effective, else the day it was
  first recorded), with every correction recorded of it: a correction fixes a mistake, and is
  no fact of its own day.

The two differ for history back-filled later (a 2022 admission recorded in 2026 is in the
cluster on 2022-06-01, but was not known at the start of 2026) and for acts dated before they
were recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date
from typing import Any, TypeVar
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.domain.shared.dates import require_date, require_moment
from bargaining.domain.shared.errors import InvalidInput, RecordNotFound
from bargaining.domain.units.corrected import CorrectedAgreements
from bargaining.domain.units.unit import BargainingUnit
from bargaining.presentation.summaries import occurred_on

A = TypeVar("A")


def load_as_of(records: Records, record_id: object, kind: type[A], what: str, at: object) -> A:
    """A record of this kind as it stood at a moment, or a refusal in words."""
    moment = require_moment(at)
    if not isinstance(record_id, UUID):
        raise InvalidInput.worded("a {what} is named by its id (a UUID), not {record_id}",
                                  what=what, record_id=repr(record_id))
    versions = records.version_at(record_id, moment)
    if versions is None:
        raise RecordNotFound.worded("no {what} is recorded with id {record_id}",
                                    what=what, record_id=record_id)
    if versions == 0:
        raise RecordNotFound.worded("the {what} {record_id} did not exist yet at {moment}",
                                    what=what, record_id=record_id, moment=moment.isoformat())
    return records.load(record_id, kind, what, version=versions)


def real_day(event: Any) -> date:
    """The real-world day an event counts from: the date of its fact, or, when it has none,
    the day it was recorded (UTC)."""
    day = occurred_on(event)
    if day is None:
        recorded: date = event.timestamp.astimezone(UTC).date()
        return recorded
    return day


def counts_on(event: Any, day: date) -> bool:
    """Whether an event is part of its record "as it was on ``day``", by its own day (an
    agreement's events are decided by :func:`events_on`, on its corrected dates)."""
    if event.originator_version == 1 and occurred_on(event) is None:
        return True  # a creation without a date of its own: the record exists on every day
    return real_day(event) <= day


def days_counted(events: Sequence[Any]) -> dict[int, date | None]:
    """Each event's day "as it was on" counts it from, by version (``None``: every day). An
    event without a day of its own counts from the day it was recorded, or from the day of a
    later fact of the record if that is earlier: what a later fact builds on (a unit admitted
    before release 0.1 kept days, then its signing of the pact dated the year before) had
    happened by then."""
    days: dict[int, date | None] = {}
    later: date | None = None
    for event in reversed(events):
        version = event.originator_version
        own = occurred_on(event)
        if own is not None:
            days[version] = own
            later = own if later is None else min(later, own)
            continue
        if version == 1:
            days[version] = None
            continue
        recorded = real_day(event)
        days[version] = recorded if later is None else min(recorded, later)
        later = days[version]
    return days


_RECORDED = BargainingUnit.AgreementRecorded
_CORRECTED: type[Any] = getattr(BargainingUnit, "AgreementCorrected")  # noqa: B009


def events_on(events: Sequence[Any], day: date) -> list[Any]:
    """The events of a record that make it "as it was on ``day``", in recorded order. A
    unit's agreement counts by its dates as every correction recorded left them (a correction
    fixes a mistake; it is not a fact of its own day), so its recording and corrections are
    kept or left out together; every other event counts by its own day."""
    agreements = CorrectedAgreements()
    numbers: dict[int, int | None] = {}  # an agreement event's version -> its agreement
    for event in events:
        if isinstance(event, _RECORDED):
            numbers[event.originator_version] = agreements.recorded(
                event.agreement, event.timestamp.astimezone(UTC).date())
        elif isinstance(event, _CORRECTED):
            numbers[event.originator_version] = agreements.corrected(
                event.expiry, event.corrected)
    others = days_counted([e for e in events if e.originator_version not in numbers])
    kept = []
    for event in events:
        version = event.originator_version
        if version in numbers:
            number = numbers[version]
            if number is not None and agreements.counts_on(number, day):
                kept.append(event)
        elif (counted := others[version]) is None or counted <= day:
            kept.append(event)
    return kept


def load_on(records: Records, record_id: object, kind: type[A], what: str, on: object) -> A:
    """A record of this kind as it was on a real-world date, or a refusal in words."""
    day = require_date(on, f"day to read the {what} on")
    if not isinstance(record_id, UUID):
        raise InvalidInput.worded("a {what} is named by its id (a UUID), not {record_id}",
                                  what=what, record_id=repr(record_id))
    found = records.load_where(record_id, kind, what, lambda events: events_on(events, day))
    if found is None:
        raise RecordNotFound.worded("the {what} {record_id} did not exist yet on {day}",
                                    what=what, record_id=record_id, day=day.isoformat())
    return found


def load_reading(
    records: Records, record_id: object, kind: type[A], what: str, *,
    on: object = None, at: object = None, version: int | None = None,
) -> A:
    """A record as recorded, or read one way: as it was on a real-world date (``on``), as it
    was known at a moment of recording (``at``), or at a ``version``; one of them at most."""
    if sum(x is not None for x in (on, at, version)) > 1:
        raise InvalidInput.worded("read a {what} on a date, at a moment or at a version: one",
                                  what=what)
    if on is not None:
        return load_on(records, record_id, kind, what, on)
    if at is not None:
        return load_as_of(records, record_id, kind, what, at)
    return load_version(records, record_id, kind, what, version)


def load_version(
    records: Records, record_id: object, kind: type[A], what: str, version: object
) -> A:
    """A record as it is now (``version`` ``None``) or at a version, a whole number from 1; a
    version past its last is refused, not answered with the last."""
    if version is None:
        return records.load(record_id, kind, what)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise InvalidInput.worded("a version is a whole number from 1, not {version}",
                                  version=repr(version))
    found = records.load(record_id, kind, what, version=version)
    last = getattr(found, "version", version)
    if last < version:
        plural = "version" if last == 1 else "versions"
        raise InvalidInput.worded("the {what} {record_id} has only {last} {plural}, not {version}",
                                  what=what, record_id=record_id, last=last, plural=plural,
                                  version=version)
    return found
