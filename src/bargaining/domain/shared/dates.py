"""Dates and moments given to commands and queries.

A real-world date (``on=``) is a calendar date, never a date-time or a string; a moment of
recording (``at=``) is a date-time that says its time zone.
"""

from __future__ import annotations

from datetime import date, datetime

from bargaining.domain.shared.errors import InvalidInput


def is_date(value: object) -> bool:
    """A calendar date, and not a date-time: ``datetime`` is a subclass of ``date``, and one
    compared with dates (or as text, in SQL) misses the day it falls on."""
    return isinstance(value, date) and not isinstance(value, datetime)


def require_date(value: object, what: str) -> date:
    """Refuse anything but a calendar date, naming which date was wrong; a date-time is
    refused rather than cut to its day, so no query silently means another day."""
    if isinstance(value, datetime):
        raise InvalidInput.worded("the {what} must be a date, not a date and time ({value}): "
                                  "give {date}",
                                  what=what, value=value.isoformat(), date=repr(value.date()))
    if not isinstance(value, date):
        raise InvalidInput.worded("the {what} must be a date (YYYY-MM-DD), not {value}",
                                  what=what, value=repr(value))
    return value


def require_moment(at: object, what: str = "moment") -> datetime:
    """A moment must say its time zone, or 'as of 9 o'clock' means different things."""
    if not isinstance(at, datetime):
        raise InvalidInput.worded("the {what} must be a date-time, not {at}",
                                  what=what, at=repr(at))
    if at.tzinfo is None or at.utcoffset() is None:
        raise InvalidInput.worded("the {what} {at} has no time zone: give one (e.g. "
                                  "datetime.now(UTC))", what=what, at=at.isoformat())
    return at
