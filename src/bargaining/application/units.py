"""Use cases on bargaining units: register them, record their agreements, keep their profile.

``app.units`` is a :class:`Units`. Each command loads the unit, asks it to change (the unit
applies the domain's rules), and saves it; a refused command records nothing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from uuid import UUID

from bargaining.application.ports import Records
from bargaining.application.time_travel import load_as_of, load_on, load_version
from bargaining.domain.frameworks.baseline import BaselineJudgement, judge_against_agreement
from bargaining.domain.frameworks.clauses import ContractClause
from bargaining.domain.frameworks.framework import Demand
from bargaining.domain.frameworks.inflation import Inflation
from bargaining.domain.frameworks.terms import Terms
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import (
    ConcurrentChange,
    InvalidInput,
    RecordNotFound,
    UnitAlreadyRegistered,
    UnitNotFound,
)
from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.domain.units.profile import UnitProfile, release_0_1_unit_id, unit_id
from bargaining.domain.units.unit import BargainingUnit


def load_unit(
    records: Records, unit: UUID | BargainingUnit, *, version: int | None = None
) -> BargainingUnit:
    """A unit by id (or the unit itself, reloaded), or :class:`UnitNotFound`."""
    uid = unit.id if isinstance(unit, BargainingUnit) else unit
    try:
        return load_version(records, uid, BargainingUnit, "bargaining unit", version)
    except RecordNotFound as missing:
        raise UnitNotFound(str(missing)) from None


class Units:
    """Bargaining units and their collective agreements."""

    def __init__(self, records: Records) -> None:
        self._records = records

    def register(
        self,
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
    ) -> UUID:
        """Register a bargaining unit; its id is derived from union, local, employer and unit
        name, so the same unit registered twice is refused (:class:`UnitAlreadyRegistered`)."""
        profile = UnitProfile(
            union=union, local=local, employer=employer, unit_name=unit_name, sector=sector,
            region=region, city=city, headcount=headcount, industry_code=industry_code,
        )
        unit = BargainingUnit.register(profile, actor=actor, reason=reason)
        if self._records.contains(unit.id):
            raise UnitAlreadyRegistered(f"{self.get(unit.id).label} is already registered")
        legacy = release_0_1_unit_id(union, local, employer, unit_name)
        if legacy is not None and self._records.contains(legacy):
            raise UnitAlreadyRegistered(f"{self.get(legacy).label} is already registered")
        try:
            self._records.save(unit)
        except ConcurrentChange:
            raise UnitAlreadyRegistered(
                f"{unit.label} was registered by someone else at the same time"
            ) from None
        return unit.id

    def record_agreement(
        self,
        unit: UUID,
        *,
        expiry: date,
        actor: Actor,
        effective: date | None = None,
        settled: date | None = None,
        source: str | None = None,
        reason: str | None = None,
        terms: Terms | None = None,
        clauses: Sequence[ContractClause] = (),
    ) -> None:
        """Record a collective agreement on a unit. Agreements of one unit never overlap.
        Its ``terms`` and ``clauses``, where known, are what offers to replace it are judged
        against (:meth:`judge_against_agreement`)."""
        agreement = CollectiveAgreement(
            expiry=expiry, effective=effective, settled=settled, source=source, terms=terms,
            clauses=clauses,
        )
        found = load_unit(self._records, unit)
        found.record_agreement(agreement, actor=actor, reason=reason)
        self._records.save(found)

    def correct_agreement(
        self,
        unit: UUID,
        *,
        expiry: date,
        corrected: CollectiveAgreement,
        actor: Actor,
        reason: str | None = None,
    ) -> None:
        """Correct the agreement recorded with ``expiry`` (the original stays in history);
        ``corrected`` may add the terms and clauses it was first recorded without."""
        found = load_unit(self._records, unit)
        found.correct_agreement(expiry, corrected, actor=actor, reason=reason)
        self._records.save(found)

    def change_headcount(
        self,
        unit: UUID,
        headcount: int,
        *,
        actor: Actor,
        on: date | None = None,
        reason: str | None = None,
    ) -> None:
        """Record a new count of workers; ``on`` is the day they were counted, when known."""
        found = load_unit(self._records, unit)
        found.change_headcount(headcount, actor=actor, reason=reason, on=on)
        self._records.save(found)

    def change_sector(
        self, unit: UUID, sector: str, *, actor: Actor, reason: str | None = None
    ) -> None:
        """Move the unit to another sector (municipal, long-term care …)."""
        found = load_unit(self._records, unit)
        found.change_sector(sector, actor=actor, reason=reason)
        self._records.save(found)

    def change_region(
        self, unit: UUID, region: str, *, actor: Actor, reason: str | None = None
    ) -> None:
        """Record the province or state whose labour law governs the unit."""
        found = load_unit(self._records, unit)
        found.change_region(region, actor=actor, reason=reason)
        self._records.save(found)

    def change_city(
        self, unit: UUID, city: str, *, actor: Actor, reason: str | None = None
    ) -> None:
        """Record the city where the unit works."""
        found = load_unit(self._records, unit)
        found.change_city(city, actor=actor, reason=reason)
        self._records.save(found)

    def change_industry_code(
        self, unit: UUID, industry_code: str, *, actor: Actor, reason: str | None = None
    ) -> None:
        """Record the unit's industry classification code."""
        found = load_unit(self._records, unit)
        found.change_industry_code(industry_code, actor=actor, reason=reason)
        self._records.save(found)

    # ----------------------------------------------------------------- queries

    def get(
        self, unit: UUID, *, on: date | None = None, at: datetime | None = None,
        version: int | None = None,
    ) -> BargainingUnit:
        """A unit as recorded; or as it was on a real-world date (``on``: the agreements
        settled or in effect by then), as it was known at a moment of recording (``at``,
        timezone-aware), or at a ``version``: one of them at most."""
        if sum(x is not None for x in (on, at, version)) > 1:
            raise InvalidInput("read a unit on a date, at a moment or at a version: one")
        uid = unit.id if isinstance(unit, BargainingUnit) else unit
        try:
            if on is not None:
                return load_on(self._records, uid, BargainingUnit, "bargaining unit", on)
            if at is not None:
                return load_as_of(self._records, uid, BargainingUnit, "bargaining unit", at)
        except RecordNotFound as missing:
            raise UnitNotFound(str(missing)) from None
        return load_unit(self._records, unit, version=version)

    def judge_against_agreement(
        self,
        unit: UUID,
        terms: Terms,
        *,
        on: date | None = None,
        demands: Iterable[Demand] = (),
        inflation: Inflation | None = None,
    ) -> BaselineJudgement:
        """Judge an offer's or tentative agreement's ``terms`` against the agreement it would
        replace: the one the unit worked under ``on`` that day, as known then (by default its
        current agreement). A term or clause the terms weaken or drop is a concession,
        whatever the framework says; ``demands`` (a framework version's) say which way is
        better for amounts and what wage floors bind. With no agreement, nothing is judged.
        Records nothing."""
        if on is None:
            agreement = load_unit(self._records, unit).current_agreement
        else:
            agreement = self.get(unit, on=on).agreement_on(on)
        return judge_against_agreement(terms, agreement, demands=demands, inflation=inflation)

    def find(self, *, union: str, local: str, employer: str, unit_name: str) -> BargainingUnit:
        """Find a unit by the names it was registered with (case and spacing do not matter)."""
        for value, what in ((union, "union"), (local, "local"), (employer, "employer"),
                            (unit_name, "unit name")):
            if not isinstance(value, str):
                raise InvalidInput(f"the {what} must be text, not {type(value).__name__}")
        # Names are kept composed (NFC): an accent typed as two characters finds the unit.
        uid = unit_id(*(unicodedata.normalize("NFC", v)
                        for v in (union, local, employer, unit_name)))
        legacy = release_0_1_unit_id(union, local, employer, unit_name)
        if legacy is not None and not self._records.contains(uid) and self._records.contains(
                legacy):
            uid = legacy
        try:
            return self.get(uid)
        except UnitNotFound:
            names = " ".join(f"{union} {local}".split()), " ".join(employer.split())
            raise UnitNotFound(
                f"no bargaining unit is registered for {names[0]}, {names[1]} "
                f"({' '.join(unit_name.split())})"
            ) from None
