"""Real-world dates given to commands: a date, never a date-time or a string."""

from __future__ import annotations

from datetime import date, datetime

from bargaining.domain.shared.errors import InvalidInput


def require_date(value: object, what: str) -> date:
    """Refuse anything but a calendar date, naming which date was wrong."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InvalidInput(f"the {what} must be a date (YYYY-MM-DD), not {value!r}")
    return value
