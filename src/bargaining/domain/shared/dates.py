"""Dates and moments given to commands and queries.

A real-world date (``on=``) is a calendar date, never a date-time or a string; a moment of
recording (``at=``) is a date-time that says its time zone.
"""

from __future__ import annotations

from datetime import date, datetime

from bargaining.domain.shared.errors import InvalidInput


def require_date(value: object, what: str) -> date:
    """Refuse anything but a calendar date, naming which date was wrong."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidInput(f"the {what} must be a date (YYYY-MM-DD), not {value!r}")
    return value


def require_moment(at: object, what: str = "moment") -> datetime:
    """A moment must say its time zone, or 'as of 9 o'clock' means different things."""
    if not isinstance(at, datetime):
        raise InvalidInput(f"the {what} must be a date-time, not {at!r}")
    if at.tzinfo is None or at.utcoffset() is None:
        raise InvalidInput(
            f"the {what} {at.isoformat()} has no time zone: give one (e.g. datetime.now(UTC))"
        )
    return at
