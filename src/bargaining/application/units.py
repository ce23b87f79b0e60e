"""Use cases on bargaining units: register them, record their agreements, keep their profile.

``app.units`` is a :class:`Units`. Each command loads the unit, asks it to change (the unit
applies the domain's rules), and saves it; a refused command records nothing.
"""

from __future__ import annotations

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
    term,
)
from bargaining.domain.shared.record_ids import PUBLIC_IDS, RecordIds
from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.domain.units.profile import UnitProfile, release_0_1_unit_id, unit_ids
from bargaining.domain.units.unit import BargainingUnit


def load_unit(
    records: Records, unit: UUID | BargainingUnit, *, version: int | None = None
) -> BargainingUnit:
    """A unit by id (or the unit itself, reloaded), or :class:`UnitNotFound`."""
    uid = unit.id if isinstance(unit, BargainingUnit) else unit
    try:
        return load_version(records, uid, BargainingUnit, term("bargaining unit"), version)
    except RecordNotFound as missing:
        raise UnitNotFound.carrying(missing) from None


class Units:
    """Bargaining units and their collective agreements."""

    def __init__(self, records: Records, ids: RecordIds = PUBLIC_IDS) -> None:
        self._records = records
        #: How units are given ids from their names: keyed on an encrypted store.
        self.ids = ids

    def ids_of(self, union: str, local: str, employer: str, unit_name: str) -> tuple[UUID, ...]:
        """The ids a unit of these names may be recorded under in this store: the one a new
        unit is given first, then those earlier versions gave (see
        :func:`~bargaining.domain.units.profile.unit_ids`)."""
        return unit_ids(self.ids, union, local, employer, unit_name)

    def _recorded(self, candidates: Sequence[UUID]) -> UUID | None:
        """The first of these ids a record is stored under."""
        return next((uid for uid in candidates if self._records.contains(uid)), None)

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
        # The id comes from the names as the record keeps them; release 0.1's from the
        # names as typed.
        candidates = self.ids_of(profile.union, profile.local, profile.employer,
                                 profile.unit_name)
        legacy = release_0_1_unit_id(union, local, employer, unit_name)
        if legacy is not None and legacy not in candidates:
            candidates += (legacy,)
        unit = BargainingUnit.register(profile, actor=actor, reason=reason,
                                       unit_id=candidates[0])
        recorded = self._recorded(candidates)
        if recorded is not None:
            raise UnitAlreadyRegistered.worded("{label} is already registered",
                                               label=self.get(recorded).label)
        try:
            self._records.save(unit)
        except ConcurrentChange:
            raise UnitAlreadyRegistered.worded("{label} was registered by someone else at the "
                                               "same time", label=unit.label) from None
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
            raise InvalidInput.worded("read a unit on a date, at a moment or at a version: one")
        uid = unit.id if isinstance(unit, BargainingUnit) else unit
        try:
            if on is not None:
                return load_on(self._records, uid, BargainingUnit, term("bargaining unit"), on)
            if at is not None:
                return load_as_of(self._records, uid, BargainingUnit, term("bargaining unit"), at)
        except RecordNotFound as missing:
            raise UnitNotFound.carrying(missing) from None
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
                raise InvalidInput.worded("the {what} must be text, not {name}",
                                          what=what, name=type(value).__name__)
        # Names are kept composed (NFC): an accent typed as two characters finds the unit.
        candidates = self.ids_of(union, local, employer, unit_name)
        uid = self._recorded(candidates) or candidates[0]
        try:
            return self.get(uid)
        except UnitNotFound:
            names = " ".join(f"{union} {local}".split()), " ".join(employer.split())
            raise UnitNotFound.worded("no bargaining unit is registered for {names}, {names2} "
                                      "({split})", names=names[0], names2=names[1],
                                      split=' '.join(unit_name.split())) from None
