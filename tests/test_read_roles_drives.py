"""A drive's counts read by a member (issue 15, second review): no two readings of a drive a
member may make differ by a few cards, a few eligible workers, or a few workers who did not
sign, whichever days or moments the two readings are of. Store-dependent tests run on memory,
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from itertools import combinations
from uuid import UUID

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bargaining import BargainingApp, NotAllowedToRead, Reader, RuleViolation
from bargaining.domain.people.small_groups import small
from tests.test_read_roles import MEMBER, ORGANIZER

STEWARD = Reader("s-1", "steward")
REFUSED = "single out fewer than 5 workers"
START = date(2024, 1, 8)


def drive_of(app: BargainingApp, eligible: int) -> UUID:
    return app.drives.start(workplace="Depot", employer="Parcel Co.", jurisdiction="ON",
                            union="CSN", eligible=eligible, on=START, actor=ORGANIZER)


def refused_on_every_day(app: BargainingApp, drive: UUID, days: list[date]) -> None:
    for on in (None, *days):
        with pytest.raises(NotAllowedToRead, match=REFUSED):
            app.drives.get(drive, on=on, reader=MEMBER)
        with pytest.raises(NotAllowedToRead, match=REFUSED):
            app.drives.route(drive, on=on, reader=MEMBER)


def test_a_member_cannot_subtract_the_first_card_count_from_the_third(
        app: BargainingApp) -> None:
    """150, 157, then 152 cards: no two successive counts are close, but a member reading the
    first day and the third gets 150 and 152, and the two who signed in between."""
    drive = drive_of(app, 300)
    days = [date(2024, 2, 1), date(2024, 2, 8), date(2024, 2, 15)]
    for day, signed in zip(days, (150, 157, 152), strict=True):
        app.drives.count_cards(drive, signed=signed, on=day, actor=ORGANIZER)
    refused_on_every_day(app, drive, days)
    assert app.drives.get(drive, reader=STEWARD).cards == 152


def test_a_member_cannot_tell_who_became_eligible_and_did_not_sign(app: BargainingApp) -> None:
    """100 eligible and 60 cards, then 102 eligible and still 60 cards: the two newly eligible
    did not sign."""
    drive = drive_of(app, 100)
    app.drives.count_cards(drive, signed=60, on=date(2024, 2, 1), actor=ORGANIZER)
    app.drives.count_eligible(drive, eligible=102, on=date(2024, 2, 10), actor=ORGANIZER)
    refused_on_every_day(app, drive, [date(2024, 2, 5), date(2024, 2, 12)])
    assert app.drives.get(drive, reader=STEWARD).eligible == 102


def test_a_member_cannot_tell_how_many_newcomers_did_not_sign(app: BargainingApp) -> None:
    """100 eligible and 60 cards, then 300 eligible and 257 cards: cards and eligible workers
    both moved by many, but the workers who did not sign went from 40 to 43: three of the
    newcomers did not sign."""
    drive = drive_of(app, 100)
    app.drives.count_cards(drive, signed=60, on=date(2024, 2, 1), actor=ORGANIZER)
    app.drives.count_eligible(drive, eligible=300, on=date(2024, 2, 10), actor=ORGANIZER)
    app.drives.count_cards(drive, signed=257, on=date(2024, 2, 10), actor=ORGANIZER)
    refused_on_every_day(app, drive, [date(2024, 2, 5), date(2024, 2, 12)])


def test_a_member_reads_a_drive_whose_readings_are_all_far_apart(app: BargainingApp) -> None:
    """Counts that differ by five or more, cards, eligible workers and those who did not sign
    alike, single nobody out: the member reads them."""
    drive = drive_of(app, 300)
    app.drives.count_cards(drive, signed=150, on=date(2024, 2, 1), actor=ORGANIZER)
    app.drives.count_cards(drive, signed=160, on=date(2024, 2, 8), actor=ORGANIZER)
    app.drives.count_eligible(drive, eligible=320, on=date(2024, 2, 10), actor=ORGANIZER)
    app.drives.count_cards(drive, signed=170, on=date(2024, 2, 15), actor=ORGANIZER)
    read = app.drives.get(drive, on=date(2024, 2, 1), reader=MEMBER)
    assert (read.cards, read.eligible) == (150, 300)
    read = app.drives.get(drive, reader=MEMBER)
    assert (read.cards, read.eligible) == (170, 320)


DAYS = [date(2024, 2, d) for d in range(1, 8)]
steps = st.lists(st.tuples(st.sampled_from(DAYS), st.booleans(), st.integers(0, 60)),
                 min_size=1, max_size=5)


@settings(max_examples=120, deadline=None)
@given(steps)
def test_no_two_readings_a_member_may_make_single_anyone_out(
        counted: list[tuple[date, bool, int]]) -> None:
    """Whatever eligible and card counts are recorded, on whichever days: if a member may
    read the drive at all, then no two of its readings, on any days or at any version, differ
    by a few cards, a few eligible workers or a few who did not sign."""
    with BargainingApp("memory") as app:
        drive = drive_of(app, 40)
        for day, eligible, n in counted:
            try:
                if eligible:
                    app.drives.count_eligible(drive, eligible=n, on=day, actor=ORGANIZER)
                else:
                    app.drives.count_cards(drive, signed=n, on=day, actor=ORGANIZER)
            except RuleViolation:
                pass
        try:
            app.drives.get(drive, reader=MEMBER)
        except NotAllowedToRead:
            return
        latest = app.drives.get(drive)
        readings = [app.drives.get(drive, on=d) for d in [START, *DAYS]]
        readings += [app.drives.get(drive, version=v) for v in range(1, latest.version + 1)]
        seen = {(r.eligible, r.cards) for r in readings}
        for (e1, c1), (e2, c2) in combinations(seen, 2):
            assert not small(abs(c1 - c2), 5), seen
            assert not small(abs(e1 - e2), 5), seen
            assert not small(abs((e1 - c1) - (e2 - c2)), 5), seen
