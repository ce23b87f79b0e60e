"""Bargaining units: the workers one collective agreement covers. A unit bargains and ratifies."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.text import check_source
from bargaining.domain.units.agreement import CollectiveAgreement, agreement_on
from bargaining.domain.units.profile import (
    PROFILE_FIELDS,
    UnitProfile,
    clean_headcount,
    clean_text,
    unit_id,
    unit_label,
)


class BargainingUnit(Aggregate):
    """A bargaining unit and the history of its agreements and profile."""

    # Registered and AgreementRecorded are declared here (not only by the decorators below)
    # so that ``record_agreement`` can name them; their fields, topics and stored form are
    # exactly those the decorators gave them when they were released.

    class Registered(Aggregate.Created):
        union: str
        local: str
        employer: str
        unit_name: str
        sector: str
        region: str
        city: str
        headcount: int
        industry_code: str
        actor: Actor
        reason: str | None

    class AgreementRecorded(Aggregate.Event):
        agreement: CollectiveAgreement
        actor: Actor
        reason: str | None

    class HeadcountChanged(Aggregate.Event):
        """A new count of workers covered, and the day it was counted when known.

        Version 2 added ``counted_on``. Events stored as version 1 (released without it) are
        upcast on loading with ``counted_on=None``: the day they were counted is unknown.
        """

        class_version = 2

        headcount: int
        actor: Actor
        reason: str | None
        counted_on: date | None

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["counted_on"] = None

    @staticmethod
    def create_id(union: str, local: str, employer: str, unit_name: str, **_: Any) -> UUID:
        return unit_id(union, local, employer, unit_name)

    @classmethod
    def register(
        cls, profile: UnitProfile, *, actor: Actor, reason: str | None = None,
        unit_id: UUID | None = None,
    ) -> BargainingUnit:
        """The new unit with its ``Registered`` event pending. The profile was checked and
        tidied when it was made (an importer makes one per row and refuses bad rows early),
        so registering checks only who acts and why. ``unit_id`` is the id the store gives
        these names (:func:`~bargaining.domain.units.profile.unit_ids`, keyed on an
        encrypted store); without it, the public one (:func:`unit_id`)."""
        if not isinstance(profile, UnitProfile):
            raise InvalidInput.worded("a unit is registered from its UnitProfile (names and "
                                      "profile)")
        if unit_id is not None and not isinstance(unit_id, UUID):
            raise InvalidInput.worded("a unit's id is a UUID, not {name}",
                                      name=type(unit_id).__name__)
        fields = {name: getattr(profile, name) for name in PROFILE_FIELDS}
        return cls._create(cls.Registered, id=unit_id, **fields, actor=require_actor(actor),
                           reason=clean_reason(reason))

    @event(Registered)
    def __init__(
        self,
        *,
        union: str,
        local: str,
        employer: str,
        unit_name: str,
        sector: str,
        region: str,
        city: str,
        headcount: int,
        industry_code: str,
        actor: Actor,
        reason: str | None,
    ) -> None:
        self.union = union
        self.local = local
        self.employer = employer
        self.unit_name = unit_name
        self.sector = sector
        self.region = region
        self.city = city
        self.headcount = headcount
        self.industry_code = industry_code
        self.agreements: list[CollectiveAgreement] = []

    # ----------------------------------------------------------------- queries

    @property
    def label(self) -> str:
        """How organizers name the unit: 'CUPE 79, City of Toronto (inside workers)'."""
        return unit_label(self.union, self.local, self.employer, self.unit_name)

    @property
    def current_agreement(self) -> CollectiveAgreement | None:
        """The agreement with the latest expiry: expired ones carry over until a newer one."""
        if not self.agreements:
            return None
        return max(self.agreements, key=lambda a: a.expiry)

    def agreement_on(self, day: date) -> CollectiveAgreement | None:
        """The agreement the unit was working under on ``day``: the one in force (an unknown
        effective date counts as in force until its expiry), or else the latest that had
        expired, carried over until a newer one; ``None`` if none had begun by then."""
        return agreement_on(self.agreements, require_date(day,
                                                          term("day to find the agreement on")))

    def has_agreement_expiring(self, expiry: date) -> bool:
        return any(a.expiry == expiry for a in self.agreements)

    # ---------------------------------------------------------------- commands

    def record_agreement(
        self, agreement: CollectiveAgreement, *, actor: Actor, reason: str | None = None
    ) -> None:
        """Record a collective agreement; it may not overlap any agreement already recorded."""
        if not isinstance(agreement, CollectiveAgreement):
            raise InvalidInput.worded("record_agreement needs a CollectiveAgreement")
        actor = require_actor(actor)
        check_source(agreement.source, term("agreement's source"))
        for existing in self.agreements:
            if agreement.overlaps(existing):
                raise RuleViolation.worded("{label}: the {describe} overlaps the {describe2} "
                                           "already recorded",
                                           label=self.label, describe=agreement.describe(),
                                           describe2=existing.describe())
        # Triggered directly rather than through the decorated method below, whose call path
        # matches the arguments against its signature first: half the cost of recording an
        # agreement, paid once per row of an import.
        self.trigger_event(
            self.AgreementRecorded, agreement=agreement, actor=actor, reason=clean_reason(reason)
        )

    @event(AgreementRecorded)
    def _agreement_recorded(
        self, agreement: CollectiveAgreement, actor: Actor, reason: str | None
    ) -> None:
        self.agreements.append(agreement)

    def correct_agreement(
        self,
        expiry: date,
        corrected: CollectiveAgreement,
        *,
        actor: Actor,
        reason: str | None = None,
    ) -> None:
        """Correct the agreement recorded with ``expiry``; the correction is a new event."""
        actor = require_actor(actor)
        if not isinstance(corrected, CollectiveAgreement):
            raise InvalidInput.worded("correct_agreement needs the corrected CollectiveAgreement")
        check_source(corrected.source, term("agreement's source"))
        if not self.has_agreement_expiring(expiry):
            raise RuleViolation.worded("{label} has no agreement expiring {expiry} to correct",
                                       label=self.label, expiry=expiry)
        for existing in self.agreements:
            if existing.expiry != expiry and corrected.overlaps(existing):
                raise RuleViolation.worded("{label}: the corrected {describe} overlaps the "
                                           "{describe2} already recorded",
                                           label=self.label, describe=corrected.describe(),
                                           describe2=existing.describe())
        self._agreement_corrected(
            expiry=expiry, corrected=corrected, actor=actor, reason=clean_reason(reason)
        )

    @event("AgreementCorrected")
    def _agreement_corrected(
        self, expiry: date, corrected: CollectiveAgreement, actor: Actor, reason: str | None
    ) -> None:
        self.agreements = [corrected if a.expiry == expiry else a for a in self.agreements]

    def change_headcount(
        self,
        headcount: int,
        *,
        actor: Actor,
        reason: str | None = None,
        on: date | None = None,
    ) -> None:
        """Record a new count of workers covered; ``on`` is the day it was counted, when known
        (the event keeps it as ``counted_on``)."""
        actor = require_actor(actor)
        reason = clean_reason(reason)
        headcount = clean_headcount(headcount)
        if on is not None:
            require_date(on, term("day the workers were counted"))
        if headcount != self.headcount:
            self._headcount_changed(
                headcount=headcount, actor=actor, reason=reason, counted_on=on
            )

    @event(HeadcountChanged)
    def _headcount_changed(
        self, headcount: int, actor: Actor, reason: str | None, counted_on: date | None
    ) -> None:
        self.headcount = headcount

    def change_sector(self, sector: str, *, actor: Actor, reason: str | None = None) -> None:
        """Move the unit to another sector (municipal, long-term care, ...)."""
        actor = require_actor(actor)
        reason = clean_reason(reason)
        sector = clean_text(sector, term("sector"), required=False)
        if sector != self.sector:
            self._sector_changed(sector=sector, actor=actor, reason=reason)

    @event("SectorChanged")
    def _sector_changed(self, sector: str, actor: Actor, reason: str | None) -> None:
        self.sector = sector

    def change_region(self, region: str, *, actor: Actor, reason: str | None = None) -> None:
        """Record the province or state whose labour law governs the unit."""
        actor = require_actor(actor)
        reason = clean_reason(reason)
        region = clean_text(region, term("region"), required=False)
        if region != self.region:
            self._region_changed(region=region, actor=actor, reason=reason)

    @event("RegionChanged")
    def _region_changed(self, region: str, actor: Actor, reason: str | None) -> None:
        self.region = region

    def change_city(self, city: str, *, actor: Actor, reason: str | None = None) -> None:
        """Record the city where the unit works."""
        actor = require_actor(actor)
        reason = clean_reason(reason)
        city = clean_text(city, term("city"), required=False)
        if city != self.city:
            self._city_changed(city=city, actor=actor, reason=reason)

    @event("CityChanged")
    def _city_changed(self, city: str, actor: Actor, reason: str | None) -> None:
        self.city = city

    def change_industry_code(
        self, industry_code: str, *, actor: Actor, reason: str | None = None
    ) -> None:
        """Record the unit's industry classification code."""
        actor = require_actor(actor)
        reason = clean_reason(reason)
        industry_code = clean_text(industry_code, term("industry code"), required=False)
        if industry_code != self.industry_code:
            self._industry_code_changed(
                industry_code=industry_code, actor=actor, reason=reason
            )

    @event("IndustryCodeChanged")
    def _industry_code_changed(self, industry_code: str, actor: Actor, reason: str | None) -> None:
        self.industry_code = industry_code
