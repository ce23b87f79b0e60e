"""The facts the network's measures count, folded from the event log in the order recorded.

:class:`FactsBuilder` folds the area teams', workplaces', organizing plans', bodies' and the
training context's events into :class:`~bargaining.domain.organizing.network.NetworkFacts`,
one event at a time, so that a read model can keep folding where it stopped
(:mod:`bargaining.readmodels.network.view`). :func:`read_facts` reads the whole log at once:
the measures as they were first computed, kept as the read model's oracle in tests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from copy import deepcopy
from datetime import date
from types import MappingProxyType
from typing import Any
from uuid import UUID

import attrs

from bargaining.domain.democracy.body import GoverningBody
from bargaining.domain.democracy.roles import Rank
from bargaining.domain.organizing.network import (
    Act,
    LeaderFacts,
    NetworkFacts,
    Spell,
    TeamFacts,
)
from bargaining.domain.organizing.plans import OrganizingPlan
from bargaining.domain.organizing.team import AreaKind, AreaTeam, TeamRole
from bargaining.domain.organizing.workplace import Workplace
from bargaining.domain.training.call_teams import CallTeam
from bargaining.domain.training.participation import STEPPED_IN, Opening, opening, took_part
from bargaining.domain.training.plans import ActivistRole
from bargaining.domain.training.sessions import Mentoring, TrainingSession

#: Reads ``(position, event)`` pairs after a position, up to a limit, of these kinds of record
#: (the application's ``EventLog.read_log``).
ReadLog = Callable[[int, int, Sequence[Any]], list[tuple[int, Any]]]

PAGE = 1000
T: Any = AreaTeam
W: Any = Workplace
B: Any = GoverningBody
R: Any = ActivistRole
#: The training context's records whose events say who took part.
TRAINING = (TrainingSession, Mentoring, CallTeam, ActivistRole)


class FactsBuilder:
    """Folds events, in the order recorded, into :class:`NetworkFacts`."""

    def __init__(self) -> None:
        self.teams: dict[UUID, dict[str, Any]] = {}
        self.sectors: dict[UUID, str | None] = {}
        self.plans: dict[UUID, OrganizingPlan] = {}
        self.activity: dict[UUID, list[date]] = {}
        self.leaders: dict[tuple[UUID, str], dict[str, Any]] = {}
        self.acts: list[Act] = []
        self.officers: dict[str, list[Spell]] = {}
        self.terms: dict[tuple[UUID, str, str], int] = {}
        #: Each body's organization, read as the local its roles are in.
        self.bodies: dict[UUID, str] = {}
        #: What each training record's first event says that later ones leave out (its
        #: local, its person): never the event itself, whose free words a redaction seals.
        self.firsts: dict[UUID, Opening] = {}

    def team(self, e: Any) -> None:
        tid = e.originator_id
        if isinstance(e, T.Formed):
            self.teams[tid] = {"area": e.area, "sector": e.kind is AreaKind.SECTOR,
                               "locals": [], "workplaces": []}
        elif isinstance(e, T.MemberJoined) and e.role is TeamRole.VOLUNTEER:
            self.acts.append(Act(e.person, e.on, "joined an area team", team=tid))
        elif isinstance(e, T.LocalSupported):
            self.teams[tid]["locals"].append([e.local, e.on, None])
        elif isinstance(e, T.LocalSupportEnded):
            _close(self.teams[tid]["locals"], e.local, e.on)
        elif isinstance(e, T.WorkplaceSupported):
            self.teams[tid]["workplaces"].append([e.workplace, e.on, None])
        elif isinstance(e, T.WorkplaceSupportEnded):
            _close(self.teams[tid]["workplaces"], e.workplace, e.on)

    def workplace(self, e: Any) -> None:
        wid = e.originator_id
        if isinstance(e, W.Registered):
            self.sectors[wid] = e.sector
        elif isinstance(e, W.MapRecorded):
            self.activity.setdefault(wid, []).append(e.on)
        elif isinstance(e, W.LeaderIdentified):
            self.leaders[(wid, e.person)] = {"proven": None, "days": [], "left": None}
            self.activity.setdefault(wid, []).append(e.on)
            self.acts.append(Act(e.person, e.on, "identified as a leader", workplace=wid))
        elif isinstance(e, W.TestHeld):
            test = e.test
            self.activity.setdefault(wid, []).append(test.on)
            if test.leader is not None:
                leader = self.leaders[(wid, test.leader)]
                leader["days"].append(test.on)
                if test.passed and (leader["proven"] is None or test.on < leader["proven"]):
                    leader["proven"] = test.on
                self.acts.append(Act(test.leader, test.on, "led a test", workplace=wid))
        elif isinstance(e, W.LeadersTookPart):
            self.activity.setdefault(wid, []).append(e.on)
            for person in e.people:
                self.leaders[(wid, person)]["days"].append(e.on)
                self.acts.append(Act(person, e.on, "took part in an action", workplace=wid))
        elif isinstance(e, W.LeaderLeft):
            self.leaders[(wid, e.person)]["left"] = e.on

    def body(self, e: Any) -> None:
        if isinstance(e, B.Formed):
            self.bodies[e.originator_id] = e.organization
        elif isinstance(e, B.RoleFilled):
            self.acts.append(Act(e.person, e.starts, "took a role in a body",
                                 local=self.bodies.get(e.originator_id)))
            if e.rank is Rank.ELECTED_OFFICER:
                self._term(e.originator_id, e.role, e.person, e.starts, e.ends)
        elif isinstance(e, B.TermEnded):
            self._ended(e.originator_id, e.role, e.person, e.on)

    def training(self, e: Any) -> None:
        first = self.firsts.get(e.originator_id)
        if first is None:
            first = self.firsts[e.originator_id] = opening(e, detail=False)
        for row in took_part(e, first):
            self.acts.append(Act(row.person, row.on, row.what, local=row.local))
            if row.what == STEPPED_IN and row.rank is Rank.ELECTED_OFFICER:
                self._term(e.originator_id, "", row.person, row.on, None)
        if isinstance(e, R.SteppedOut):
            self._ended(e.originator_id, "", first.person or "", e.on)

    def _term(self, record: UUID, role: str, person: str, starts: date,
              ends: date | None) -> None:
        terms = self.officers.setdefault(person, [])
        self.terms[(record, role, person)] = len(terms)
        terms.append(Spell(starts, ends))

    def _ended(self, record: UUID, role: str, person: str, on: date) -> None:
        index = self.terms.get((record, role, person))
        if index is not None:
            terms = self.officers[person]
            terms[index] = Spell(terms[index].began, on)

    def facts(self) -> NetworkFacts:
        """The facts folded so far, in read-only mappings and tuples (the plans are the
        builder's: :func:`handed_out` copies them)."""
        return NetworkFacts(
            teams=MappingProxyType({tid: TeamFacts(
                area=t["area"], sector=t["sector"],
                locals=tuple((n, Spell(b, e)) for n, b, e in t["locals"]),
                workplaces=tuple((w, Spell(b, e)) for w, b, e in t["workplaces"]))
                for tid, t in self.teams.items()}),
            sectors=MappingProxyType(dict(self.sectors)), plans=tuple(self.plans.values()),
            activity=MappingProxyType({w: tuple(days) for w, days in self.activity.items()}),
            leaders=tuple(LeaderFacts(person, wid, x["proven"], tuple(x["days"]), x["left"])
                          for (wid, person), x in self.leaders.items()),
            acts=tuple(self.acts),
            officers=MappingProxyType({p: tuple(t) for p, t in self.officers.items()}))


def handed_out(facts: NetworkFacts) -> NetworkFacts:
    """The facts as a host is handed them: the plans copied (an organizing plan is a record
    its commands change in place: ending the copy a host holds changes nothing the read
    model counts, and records nothing), the rest read-only already."""
    return attrs.evolve(facts, plans=tuple(deepcopy(plan) for plan in facts.plans))


def _close(spells: list[list[Any]], who: object, on: date) -> None:
    for spell in reversed(spells):
        if spell[0] == who and spell[2] is None:
            spell[2] = on
            return


#: The kinds of record whose events the measures count.
KINDS: tuple[Any, ...] = (AreaTeam, Workplace, OrganizingPlan, GoverningBody, *TRAINING)


def fold(built: FactsBuilder, e: Any) -> None:
    """Fold one event of :data:`KINDS` into ``built``."""
    kind = type(e).__qualname__.split(".")[0]
    if kind == "AreaTeam":
        built.team(e)
    elif kind == "Workplace":
        built.workplace(e)
    elif kind == "OrganizingPlan":
        # A copy is changed, so that facts handed out before keep the plan as it stood.
        plan = built.plans.get(e.originator_id)
        built.plans[e.originator_id] = e.mutate(None if plan is None else deepcopy(plan))
    elif kind == "GoverningBody":
        built.body(e)
    else:
        built.training(e)


def read_facts(read_log: ReadLog) -> NetworkFacts:
    """Every fact the measures count, read from the whole log now (the oracle)."""
    built = FactsBuilder()
    after = 0
    while True:
        page = read_log(after, PAGE, KINDS)
        for position, e in page:
            after = position
            fold(built, e)
        if len(page) < PAGE:
            return built.facts()
