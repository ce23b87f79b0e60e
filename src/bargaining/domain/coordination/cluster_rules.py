"""What a cluster's commands check before anything is recorded: a cluster's formation (its
name, sectors, committee and window of expiries), a day that cannot come before the record it
belongs to began, a pact's rules, and a committee's sign-off decision. Pure functions: each
returns what is recorded or refuses in words, recording nothing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from bargaining.domain.coordination.pact import PactRule
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.text import clean_name
from bargaining.domain.shared.vote import Vote


def formation(
    *, name: str, sectors: Sequence[str], committee: Sequence[Actor], window_start: date,
    window_end: date, target_alignment: date, actor: Actor, on: date, reason: str | None,
) -> dict[str, Any]:
    """What a cluster's ``Formed`` event records, checked and cleaned: a name, one or more
    sectors, a coordinating committee, a window of expiries that ends after it starts."""
    if not isinstance(name, str) or not name.strip():
        raise InvalidInput.worded("a cluster needs a name")
    if isinstance(sectors, str) or not sectors or not all(
        isinstance(s, str) and s.strip() for s in sectors
    ):
        raise InvalidInput.worded("a cluster needs one or more sectors")
    if isinstance(committee, Actor) or not committee:
        raise InvalidInput.worded("a cluster needs a coordinating committee (a list of "
                                  "actors)")
    members = [require_actor(a) for a in committee]
    start = require_date(window_start, term("window's first expiry date"))
    end = require_date(window_end, term("window's last expiry date"))
    if end < start:
        raise InvalidInput.worded("the expiry window ends ({end}) before it starts ({start})",
                                  end=end, start=start)
    return {
        "name": clean_name(name, term("cluster's name")),
        "sectors": [clean_name(s, term("sector")) for s in sectors],
        "committee": members,
        "window_start": start,
        "window_end": end,
        "target_alignment": require_date(target_alignment, term("target alignment date")),
        "actor": require_actor(actor),
        "reason": clean_reason(reason),
        "on": require_date(on, term("day the cluster was formed")),
    }


def not_before(on: object, what: str, began: date | None, since: str) -> date:
    """A day that cannot be true is refused: one before the record it belongs to began."""
    day = require_date(on, what)
    if began is not None and day < began:
        raise InvalidInput.worded("the {what} ({day}) is before {since} ({began})",
                                  what=what, day=day, since=since, began=began)
    return day


def check_pact(rules: Sequence[PactRule], me_too_demands: Sequence[str]) -> None:
    """A pact has one or more rules; me-too names the demands it covers, and is limited to
    the same employer only where there is me-too at all."""
    if not rules or not all(isinstance(r, PactRule) for r in rules):
        raise InvalidInput.worded("a pact needs one or more PactRule values")
    if PactRule.ME_TOO in rules and not me_too_demands:
        raise InvalidInput.worded("a me-too rule must name the demands it covers")
    if PactRule.ME_TOO_SAME_EMPLOYER in rules and PactRule.ME_TOO not in rules:
        raise InvalidInput.worded("limiting me-too to the same employer needs the me-too rule")


def check_sign_off(vote: object, approved: object, on: object | None) -> None:
    """The committee decides a sign-off by its vote: its day is the vote's, and an approval
    needs a vote that carried."""
    if not isinstance(vote, Vote):
        raise InvalidInput.worded("a sign-off decision needs the committee's Vote")
    if on is not None and require_date(on, term("day of the decision")) != vote.held_on:
        raise InvalidInput.worded("the committee decided by its vote held on {held_on}, not "
                                  "on {on}", held_on=vote.held_on, on=on)
    if not isinstance(approved, bool):
        raise InvalidInput.worded("a sign-off decision approves (True) or refuses (False)")
    if approved and not vote.passed:
        raise RuleViolation.worded("the committee's vote did not carry ({explain})",
                                   explain=vote.phrase())
