"""What a threat reaches: the units it hits with their workers and bargaining calendar, and the
clusters whose agreements are open when it lands (a lever); the connected fight, threats
linked by what drives them across sectors.

The units come from the Expiry Map (sector, region, employer, and the units a threat names);
the open periods from the host's calendar of open periods, read on the threat's day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol
from uuid import UUID

import attrs

from bargaining.domain.coordination.cluster import BargainingCluster
from bargaining.domain.defense.threat import Threat
from bargaining.domain.defense.words import key
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    gettext,
    gettext_if_known,
    translate,
)
from bargaining.domain.units.open_period import OpenPeriodCalendar
from bargaining.readmodels.expiry_map.results import MapUnit, OpenPeriodEntry


class UnitsMap(Protocol):
    """What reach asks of the Expiry Map."""

    def all_units(self) -> list[MapUnit]: ...

    def in_open_period(self, on: date, calendar: OpenPeriodCalendar) -> list[OpenPeriodEntry]:
        ...


def local_of(unit: MapUnit) -> str:
    """The local a unit belongs to ('CUPE 79'); a unit filed without a local is its own."""
    return f"{unit.union} {unit.local}".strip() if unit.local.strip() else unit.label


@attrs.frozen
class AffectedUnit:
    """A unit a threat hits: its local, workers, expiry, and the open period it was in on the
    threat's day (``None``: not open)."""

    unit: MapUnit
    local: str
    open_period: OpenPeriodEntry | None

    @property
    def label(self) -> str:
        return self.unit.label

    @property
    def workers(self) -> int:
        return self.unit.headcount

    def explain(self) -> str:
        """The unit, its workers, its expiry and its open period, in the reader's language."""
        expiry = (translate("expires {day}", day=format_day(self.unit.expiry))
                  if self.unit.expiry else gettext("no agreement yet"))
        line = translate("{label}: {workers} workers, {expiry}", label=self.label,
                         workers=format_number(self.workers), expiry=expiry)
        if self.open_period is not None:
            p = self.open_period
            line += translate("; open ({period}, {opens} to {closes})", period=p.period,
                              opens=format_day(p.opens), closes=format_day(p.closes))
        return line


@attrs.frozen
class OpenCluster:
    """A bargaining cluster whose members' agreements are open when the threat lands: its
    members the threat hits, those in an open period, and their workers."""

    cluster_id: UUID
    name: str
    hit: tuple[str, ...]
    open: tuple[str, ...]
    workers: int

    def explain(self) -> str:
        """The cluster's members the threat hits that are open, in the reader's language."""
        return translate("{name}: {open} of {hit} members hit are open ({workers} workers): "
                         "{names}", name=self.name, open=format_number(len(self.open)),
                         hit=format_number(len(self.hit)),
                         workers=format_number(self.workers), names=", ".join(self.open))


@attrs.frozen
class ThreatReach:
    """Who a threat hits and when they bargain."""

    threat: Threat
    units: tuple[AffectedUnit, ...]
    open_clusters: tuple[OpenCluster, ...]

    @property
    def workers(self) -> int:
        return sum(u.workers for u in self.units)

    @property
    def locals(self) -> dict[str, tuple[AffectedUnit, ...]]:
        """The units hit, by local, in the order first met."""
        found: dict[str, list[AffectedUnit]] = {}
        for unit in self.units:
            found.setdefault(unit.local, []).append(unit)
        return {local: tuple(units) for local, units in found.items()}

    @property
    def open_units(self) -> tuple[AffectedUnit, ...]:
        return tuple(u for u in self.units if u.open_period is not None)

    def explain(self) -> str:
        """The threat, the units it hits and the levers, in the reader's language."""
        t = self.threat
        lines = [translate("{name} ({kind}, {on}, {status}): {units} units, {workers} workers",
                           name=t.name, kind=gettext_if_known(t.kind.value),
                           on=format_day(t.on), status=threat_status(t),
                           units=format_number(len(self.units)),
                           workers=format_number(self.workers))]
        lines += [f"  {u.explain()}" for u in self.units]
        lines += [translate("  lever: {cluster}", cluster=c.explain())
                  for c in self.open_clusters]
        return "\n".join(lines)


def threat_status(threat: Threat) -> str:
    """A threat's status (:attr:`Threat.status`) in the reader's language: 'open', or its
    latest act and day."""
    if not threat.acts:
        return gettext("open")
    outcome, day, _, _ = threat.acts[-1]
    return translate("{outcome} {day}", outcome=gettext_if_known(outcome.value),
                     day=format_day(day))


def hits(threat: Threat, unit: MapUnit) -> bool:
    """Whether the threat hits the unit: named by it, or matching every dimension it gives
    (sector, region, employer; case and spacing aside)."""
    if unit.unit_id in threat.units:
        return True
    given = [(threat.sectors, unit.sector), (threat.regions, unit.region),
             (threat.employers, unit.employer)]
    given = [(names, value) for names, value in given if names]
    return bool(given) and all(key(value) in {key(n) for n in names} for names, value in given)


def reach(
    threat: Threat, units_map: UnitsMap, calendar: OpenPeriodCalendar,
    clusters: Iterable[BargainingCluster],
) -> ThreatReach:
    """The units the threat hits, each with its open period on the threat's day, and the
    clusters of those units that are open then."""
    affected = [u for u in units_map.all_units() if hits(threat, u)]
    ids = {u.unit_id for u in affected}
    open_by_id = {e.unit.unit_id: e for e in units_map.in_open_period(threat.on, calendar)
                  if e.unit.unit_id in ids}
    shown = tuple(AffectedUnit(u, local_of(u), open_by_id.get(u.unit_id)) for u in affected)
    by_id = {u.unit.unit_id: u for u in shown}
    levers = []
    for cluster in clusters:
        members = [by_id[m.unit_id] for m in cluster.active_members if m.unit_id in by_id]
        opened = [m for m in members if m.open_period is not None]
        if opened:
            levers.append(OpenCluster(cluster.id, cluster.name,
                                      tuple(m.label for m in members),
                                      tuple(m.label for m in opened),
                                      sum(m.workers for m in opened)))
    return ThreatReach(threat, shown, tuple(levers))


@attrs.frozen
class Front:
    """One driver's playbook: the threats it drives, the sectors they hit, the responses."""

    driver: str
    threats: tuple[Threat, ...]
    responses: int
    launched: int

    @property
    def sectors(self) -> tuple[str, ...]:
        seen: dict[str, str] = {}
        for t in self.threats:
            for s in t.sectors:
                seen.setdefault(key(s), s)
        return tuple(seen.values())

    def explain(self) -> str:
        """The connected fight and its threats, in the reader's language."""
        lines = [translate("{driver}: {threats} threats across {sectors}; {responses} "
                           "responses, {launched} launched", driver=self.driver,
                           threats=format_number(len(self.threats)),
                           sectors=", ".join(self.sectors) or gettext("no named sector"),
                           responses=format_number(self.responses),
                           launched=format_number(self.launched))]
        lines += [translate("  {name} ({kind}, {on}, {status})", name=t.name,
                            kind=gettext_if_known(t.kind.value), on=format_day(t.on),
                            status=threat_status(t)) for t in self.threats]
        return "\n".join(lines)


def fronts(threats: Sequence[Threat], responses: dict[UUID, tuple[int, int]]) -> list[Front]:
    """Threats linked by a shared driver, the drivers hitting most sectors first.
    ``responses`` counts each threat's responses (proposed, launched)."""
    grouped: dict[str, tuple[str, list[Threat]]] = {}
    for threat in threats:
        for driver in threat.behind:
            grouped.setdefault(key(driver), (driver, []))[1].append(threat)
    found = [Front(name, tuple(ts), sum(responses.get(t.id, (0, 0))[0] for t in ts),
                   sum(responses.get(t.id, (0, 0))[1] for t in ts))
             for name, ts in grouped.values()]
    found.sort(key=lambda f: (-len(f.sectors), -len(f.threats), key(f.driver)))
    return found
