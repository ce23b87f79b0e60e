"""What is read of campaigns: a campaign as recorded (now, on a date, at a moment), its job
actions with their flags, its readiness report and its participation growth. The commands
that record campaigns (:class:`~bargaining.application.campaigns.Campaigns`) build on it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from uuid import UUID

import attrs

from bargaining.application.ports import (
    CampaignDisputes,
    CampaignHistories,
    NoStrikeConditions,
    Records,
    StrikeConditions,
    strike_flags_by_unit,
)
from bargaining.application.time_travel import load_as_of, load_reading
from bargaining.application.units import load_unit
from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.campaigns.counts import RecordedSpell
from bargaining.domain.campaigns.job_actions import (
    JobAction,
    agreement_flags,
    job_actions,
    spell_days,
)
from bargaining.domain.campaigns.member_view import members_readiness, members_series
from bargaining.domain.campaigns.readiness import (
    Readiness,
    SeriesPoint,
    participation_series,
    readiness,
    record_end,
)
from bargaining.domain.people.reading import Reader, ReadPolicy
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import RecordNotFound, term
from bargaining.domain.shared.flags import Flag
from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.domain.units.unit import BargainingUnit


class CampaignReports:
    """The questions asked of campaigns, apart from the commands that record them: each
    answer is read from the campaign, its participation history (``history``), the units'
    agreements and the outside conditions (``conditions``) as known at a moment, and the
    facts of its dispute recorded outside it (``disputes``)."""

    def __init__(
        self, records: Records, conditions: StrikeConditions | None = None,
        disputes: CampaignDisputes | None = None, *, history: CampaignHistories,
        policy: ReadPolicy | None = None,
    ) -> None:
        self._records = records
        #: The read policy member-facing reports follow (small groups' counts hidden).
        self.policy = ReadPolicy() if policy is None else policy
        self._conditions: StrikeConditions = conditions or NoStrikeConditions()
        self._disputes = disputes
        self._history = history

    def get(
        self, campaign_id: UUID, *, on: date | None = None, at: datetime | None = None,
        version: int | None = None,
    ) -> Campaign:
        """A campaign as recorded; or as it was on a real-world date (``on``), as it was known
        at a moment of recording (``at``, timezone-aware), or at a ``version``: one at most."""
        return load_reading(self._records, campaign_id, Campaign, term("campaign"), on=on, at=at,
                            version=version)

    def job_actions(
        self, campaign_id: UUID, *, at: datetime | None = None
    ) -> list[JobAction]:
        """Every unit's strike spells (walked out, back on, part day) with their flags as
        known at a moment (default: now): the campaign's own rules from the campaign as it
        stood then, the unit's agreement as recorded then, and the outside conditions as known
        then. Each also keeps the flags recorded with it (``recorded_flags``), which a later
        repeal does not change."""
        campaign = (self.get(campaign_id) if at is None else
                    load_as_of(self._records, campaign_id, Campaign, term("campaign"), at))
        spells = self._history.of(
            campaign_id, version=None if at is None else campaign.version).spells()
        return self._job_actions(campaign, spells, at)

    def _job_actions(
        self, campaign: Campaign, spells: Sequence[RecordedSpell], at: datetime | None
    ) -> list[JobAction]:
        until = (at or datetime.now(UTC)).astimezone(UTC).date()
        # What each striking unit needs is read once, for all its strike days.
        agreements: dict[UUID, Sequence[CollectiveAgreement] | None] = {}
        days: dict[UUID, set[date]] = {}
        for spell in spells:
            days.setdefault(spell.unit_id, set()).update(spell_days(spell.start, spell.end,
                                                                    until))
        for uid in days:
            agreements[uid] = self._agreements(uid, at)
        by_day = strike_flags_by_unit(self._conditions, {
            uid: sorted(found) for uid, found in days.items()
            if agreements[uid] is not None}, at)

        def outside(unit_id: UUID, on: date) -> list[Flag]:
            known = agreements.get(unit_id)
            if known is None:  # no unit recorded under this id: nothing known of it
                return []
            return [*agreement_flags(known, on), *by_day.get(unit_id, {}).get(on, [])]

        return job_actions(campaign, spells, outside, until)

    def _agreements(
        self, unit_id: UUID, at: datetime | None
    ) -> Sequence[CollectiveAgreement] | None:
        """The unit's agreements as known at a moment (now by default); ``None`` when no unit
        was recorded under this id (yet)."""
        try:
            unit = (load_unit(self._records, unit_id) if at is None else load_as_of(
                self._records, unit_id, BargainingUnit, term("bargaining unit"), at))
        except RecordNotFound:
            return None
        return unit.agreements

    def readiness(self, campaign_id: UUID, *, on: date | None = None,
                  reader: Reader | None = None) -> Readiness:
        """The readiness report on a date (default: the last date the record speaks of),
        with the units on strike that day and their flags as known now, and the facts of the
        campaign's dispute recorded outside it by that day (laws' acts, interventions). A
        member-facing ``reader`` sees no counts of small groups (:mod:`.member_view`)."""
        checked = self.policy.check_reader(reader)
        campaign = self.get(campaign_id)
        history = self._history.of(campaign_id)
        day = record_end(campaign, history) if on is None else require_date(on,
                                                                            term("report's date"))
        out = [s for s in history.spells() if s.start <= day and (s.end is None or day < s.end)]
        report = readiness(campaign, history, day, self._job_actions(campaign, out, None))
        if self._disputes is not None:
            notes = tuple(n for n in self._disputes.facts_of(campaign_id) if n.on <= report.on)
            report = attrs.evolve(report, disputes=notes)
        member = self.policy.member_facing(checked)
        return members_readiness(report, self.policy.smallest_group) if member else report

    def participation_series(
        self, campaign_id: UUID, *, unit: UUID | None = None, work_group: str | None = None,
        reader: Reader | None = None,
    ) -> tuple[SeriesPoint, ...]:
        """Structure-test results by date for the campaign, a unit, or a unit's work group;
        to a member-facing ``reader``, without the points whose counts are hidden."""
        checked = self.policy.check_reader(reader)
        history = self._history.of(campaign_id)
        points = participation_series(self.get(campaign_id), history, unit, work_group)
        if not self.policy.member_facing(checked):
            return points
        return members_series(points, history.counted(date.max), self.policy.smallest_group,
                              unit, work_group)
