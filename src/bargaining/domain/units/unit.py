"""Bargaining units: the workers one collective agreement covers. A unit bargains and ratifies."""

from __future__ import annotations

import functools
import re
import uuid
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.dates import require_date
from bargaining.domain.shared.errors import InvalidInput, RuleViolation
from bargaining.domain.units.agreement import CollectiveAgreement

#: No bargaining unit covers more workers than this; larger counts are typing errors.
MAX_HEADCOUNT = 10_000_000
#: A unit's names and profile fields are at most this many characters. Real names are far
#: shorter (the longest in the F-7 sample has 52); the Expiry Map indexes sector and region,
#: and PostgreSQL refuses index entries over 2,704 bytes.
MAX_TEXT = 200
UNIT_NAMESPACE = uuid.UUID("6b0d4c36-8f5e-4c59-9d55-8b1f0f3c2a71")
#: Unicode's control characters (category Cc): C0, DEL and C1.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def normalise_name(value: str) -> str:
    """Names match whatever their case and spacing: 'CUPE  79' is 'cupe 79'."""
    return " ".join(value.split()).casefold()


@functools.lru_cache(maxsize=65536)
def unit_id(union: str, local: str, employer: str, unit_name: str) -> UUID:
    """The identity of a unit, derived from its union, local, employer and unit name."""
    key = "|".join(normalise_name(v) for v in (union, local, employer, unit_name))
    return uuid.uuid5(UNIT_NAMESPACE, key)


def unit_label(union: str, local: str, employer: str, unit_name: str) -> str:
    """How organizers name a unit: 'CUPE 79, City of Toronto (inside workers)'."""
    union_local = f"{union} {local}".strip()
    return f"{union_local}, {employer} ({unit_name})"


def _text(value: object, what: str, *, required: bool = True) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(f"the {what} must be text, not {type(value).__name__}")
    cleaned = " ".join(value.split())
    if len(cleaned) > MAX_TEXT:
        raise InvalidInput(
            f"the {what} is {len(cleaned):,} characters long; a unit's names and profile "
            f"fields are at most {MAX_TEXT}"
        )
    # Control characters are never printable: the regex runs only on the rare rest.
    if not cleaned.isprintable() and _CONTROL.search(cleaned):
        raise InvalidInput(f"the {what} contains a control character; names are plain text")
    if required and not cleaned:
        article = "an" if what[0] in "aeio" else "a"
        raise InvalidInput(f"a bargaining unit needs {article} {what}")
    return cleaned


def _headcount(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"headcount must be a whole number of workers, not {value!r}")
    if value < 0:
        raise RuleViolation(f"headcount cannot be negative ({value})")
    if value > MAX_HEADCOUNT:
        raise InvalidInput(
            f"headcount {value:,} is beyond any bargaining unit (at most {MAX_HEADCOUNT:,})"
        )
    return value


class UnitProfile(dict[str, Any]):
    """A registration's fields as ``unit_profile`` returned them: checked and tidied."""


def unit_profile(
    *,
    union: str,
    local: str,
    employer: str,
    unit_name: str,
    sector: str = "",
    region: str = "",
    city: str = "",
    headcount: int = 0,
    industry_code: str = "",
) -> UnitProfile:
    """A registration's fields, checked and tidied (so importers can refuse a row early)."""
    return UnitProfile({
        "union": _text(union, "union"),
        "local": _text(local, "local", required=False),
        "employer": _text(employer, "employer"),
        "unit_name": _text(unit_name, "unit name"),
        "sector": _text(sector, "sector", required=False),
        "region": _text(region, "region", required=False),
        "city": _text(city, "city", required=False),
        "headcount": _headcount(headcount),
        "industry_code": _text(industry_code, "industry code", required=False),
    })


class BargainingUnit(Aggregate):
    """A bargaining unit and the history of its agreements and profile."""

    # Registered and AgreementRecorded are declared here (not only by the decorators below)
    # so that ``from_profile`` and ``record_agreement`` can name them; their fields, topics
    # and stored form are exactly those the decorators gave them when they were released.

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
        cls,
        *,
        union: str,
        local: str,
        employer: str,
        unit_name: str,
        actor: Actor,
        sector: str = "",
        region: str = "",
        city: str = "",
        headcount: int = 0,
        industry_code: str = "",
        reason: str | None = None,
    ) -> BargainingUnit:
        """Validate a registration and return the new unit with its ``Registered`` event pending."""
        profile = unit_profile(
            union=union, local=local, employer=employer, unit_name=unit_name, sector=sector,
            region=region, city=city, headcount=headcount, industry_code=industry_code,
        )
        return cls.from_profile(profile, actor=actor, reason=reason)

    @classmethod
    def from_profile(
        cls, profile: UnitProfile, *, actor: Actor, reason: str | None = None
    ) -> BargainingUnit:
        """The new unit for a profile that ``unit_profile`` has checked: an importer checks
        each row once, when it reads it, and does not pay for the checks again here.

        It creates through eventsourcing's ``_create``, which skips matching the arguments
        against ``__init__``'s signature again, a large share of a registration's cost."""
        if not isinstance(profile, UnitProfile):
            raise InvalidInput("a unit is made from a profile that unit_profile has checked")
        return cls._create(
            cls.Registered, **profile, actor=require_actor(actor), reason=clean_reason(reason)
        )

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

    def has_agreement_expiring(self, expiry: date) -> bool:
        return any(a.expiry == expiry for a in self.agreements)

    # ---------------------------------------------------------------- commands

    def record_agreement(
        self, agreement: CollectiveAgreement, *, actor: Actor, reason: str | None = None
    ) -> None:
        """Record a collective agreement; it may not overlap any agreement already recorded."""
        if not isinstance(agreement, CollectiveAgreement):
            raise InvalidInput("record_agreement needs a CollectiveAgreement")
        actor = require_actor(actor)
        for existing in self.agreements:
            if agreement.overlaps(existing):
                raise RuleViolation(
                    f"{self.label}: the {agreement.describe()} overlaps the "
                    f"{existing.describe()} already recorded"
                )
        # Triggered directly rather than through the decorated method below, whose call path
        # matches the arguments against its signature first: much of the cost of recording an
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
            raise InvalidInput("correct_agreement needs the corrected CollectiveAgreement")
        if not self.has_agreement_expiring(expiry):
            raise RuleViolation(f"{self.label} has no agreement expiring {expiry} to correct")
        for existing in self.agreements:
            if existing.expiry != expiry and corrected.overlaps(existing):
                raise RuleViolation(
                    f"{self.label}: the corrected {corrected.describe()} overlaps the "
                    f"{existing.describe()} already recorded"
                )
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
        headcount = _headcount(headcount)
        if on is not None:
            require_date(on, "day the workers were counted")
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
        sector = _text(sector, "sector", required=False)
        if sector != self.sector:
            self._sector_changed(sector=sector, actor=actor, reason=reason)

    @event("SectorChanged")
    def _sector_changed(self, sector: str, actor: Actor, reason: str | None) -> None:
        self.sector = sector

    def change_region(self, region: str, *, actor: Actor, reason: str | None = None) -> None:
        """Record the province or state whose labour law governs the unit."""
        actor = require_actor(actor)
        reason = clean_reason(reason)
        region = _text(region, "region", required=False)
        if region != self.region:
            self._region_changed(region=region, actor=actor, reason=reason)

    @event("RegionChanged")
    def _region_changed(self, region: str, actor: Actor, reason: str | None) -> None:
        self.region = region

    def change_city(self, city: str, *, actor: Actor, reason: str | None = None) -> None:
        """Record the city where the unit works."""
        actor = require_actor(actor)
        reason = clean_reason(reason)
        city = _text(city, "city", required=False)
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
        industry_code = _text(industry_code, "industry code", required=False)
        if industry_code != self.industry_code:
            self._industry_code_changed(
                industry_code=industry_code, actor=actor, reason=reason
            )

    @event("IndustryCodeChanged")
    def _industry_code_changed(self, industry_code: str, actor: Actor, reason: str | None) -> None:
        self.industry_code = industry_code
