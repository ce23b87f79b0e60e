"""Plain-language history: one line per recorded event, and the real-world date of its fact.

Organizers read history, not event payloads, so every event kind of every aggregate has a
one-line summary here (a test fails when one is missing). A summary names who acted by role, and
the key numbers and dates; the reason is not repeated (history shows it in a field of its own).
Other records (units, clusters, frameworks, campaigns, rounds) are named through ``names``,
which the application backs with the store; this module stays free of infrastructure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from fractions import Fraction
from typing import Any
from uuid import UUID

from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.campaigns.ladder import show_percent
from bargaining.domain.campaigns.timeline import MandateKind
from bargaining.domain.coordination.cluster import BargainingCluster, PactRule
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.frameworks.evaluation import Evaluation
from bargaining.domain.frameworks.framework import DemandFramework
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.vote import Vote
from bargaining.domain.units.unit import BargainingUnit, unit_label

#: Resolves another record's id to its display name (a unit's label, a cluster's name ...).
Names = Callable[[UUID], str]
Summary = Callable[[Any, Names], str]

#: The aggregates whose events history reads, by the name history gives their kind.
AGGREGATES: dict[str, type[Any]] = {
    cls.__name__: cls
    for cls in (BargainingUnit, DemandFramework, BargainingCluster, BargainingRound, Campaign)
}

# Event classes are made at run time by eventsourcing's @event, so type checkers cannot see
# them as attributes: these aliases read them as Any.
U: Any = BargainingUnit
F: Any = DemandFramework
C: Any = BargainingCluster
R: Any = BargainingRound
K: Any = Campaign

_SUMMARIES: dict[type[Any], Summary] = {}
_DATES: dict[type[Any], Callable[[Any], date | None]] = {}


def summarize(event: Any, names: Names) -> str:
    """One line in plain language saying what the event records, who did it (by role) and the
    key numbers and dates. Events of unknown kinds get a generic line rather than an error."""
    how = _SUMMARIES.get(type(event))
    if how is None:
        return f"{type(event).__name__} recorded {by(actor_of(event))}".rstrip()
    return how(event, names)


def has_summary(event_class: type[Any]) -> bool:
    """Whether an event class has its own plain-language summary."""
    return event_class in _SUMMARIES


def occurred_on(event: Any) -> date | None:
    """The real-world date of the event's fact (a vote held, an agreement settled, a count
    taken), when the event carries one; ``None`` when the fact is the recording itself."""
    when = _DATES.get(type(event))
    return when(event) if when is not None else None


def actor_of(event: Any) -> Actor | None:
    """Who made the change: the event's actor (a sign-off names its deciding member)."""
    actor = getattr(event, "actor", None)
    if actor is None and isinstance(event, C.SignOffDecided):
        actor = event.decision.decided_by
    return actor if isinstance(actor, Actor) else None


def reason_of(event: Any) -> str | None:
    """Why, where one was given: the reason, an admission's override reason, or a sign-off's."""
    reason = getattr(event, "reason", None)
    if reason is None and isinstance(event, C.UnitAdmitted):
        reason = event.override_reason
    if reason is None and isinstance(event, C.SignOffDecided):
        reason = event.decision.reason
    return reason if isinstance(reason, str) else None


def display_name(first_event: Any, names: Names) -> str | None:
    """A record's display name from its first event (names never change after creation)."""
    if isinstance(first_event, U.Registered):
        e = first_event
        return unit_label(e.union, e.local, e.employer, e.unit_name)
    if isinstance(first_event, R.Opened):
        return f"the round at {names(first_event.unit_id)}"
    name = getattr(first_event, "name", None)
    return name if isinstance(name, str) else None


def by(actor: Actor | None) -> str:
    """'by the data steward': the actor's role, which is what organizers recognise."""
    if actor is None:
        return ""
    role = actor.role
    if role.casefold().startswith(("the ", "a ", "an ")):
        return f"by {role}"
    return f"by the {role}"


def _summary(*classes: type[Any]) -> Callable[[Summary], Summary]:
    def register(how: Summary) -> Summary:
        for cls in classes:
            _SUMMARIES[cls] = how
        return how

    return register


def _dated(cls: type[Any], when: Callable[[Any], date | None]) -> None:
    _DATES[cls] = when


def _list(items: Iterable[str]) -> str:
    return ", ".join(items)


def _count(number: int, what: str) -> str:
    return f"{number:,} {what}{'' if number == 1 else 's'}"


def _vote(vote: Vote) -> str:
    t = vote.tally
    outcome = "carried" if vote.passed else "failed"
    return (f"vote held {vote.held_on}: {t.yes:,} yes, {t.no:,} no of {t.cast:,} cast "
            f"({t.eligible:,} eligible), {outcome}")


def _evaluated(evaluation: Evaluation | None) -> str:
    if evaluation is None:
        return "not evaluated against a framework"
    return f"{evaluation.overall.value} against {evaluation.framework} v{evaluation.version}"


# ------------------------------------------------------------ bargaining units


@_summary(U.Registered)
def _registered(e: Any, names: Names) -> str:
    label = unit_label(e.union, e.local, e.employer, e.unit_name)
    facts = [f for f in (e.sector, e.region, e.city) if f] + [_count(e.headcount, "worker")]
    return f"{label} registered {by(e.actor)}: {_list(facts)}"


@_summary(U.AgreementRecorded)
def _agreement_recorded(e: Any, names: Names) -> str:
    return (f"Agreement {_period(e.agreement)} recorded for {names(e.originator_id)} "
            f"{by(e.actor)}{_agreement_facts(e.agreement)}")


@_summary(U.AgreementCorrected)
def _agreement_corrected(e: Any, names: Names) -> str:
    return (f"Agreement expiring {e.expiry} of {names(e.originator_id)} corrected {by(e.actor)}: "
            f"now {_period(e.corrected)}{_agreement_facts(e.corrected, ', ')}")


def _period(agreement: Any) -> str:
    start = agreement.effective or "unknown effective date"
    return f"{start} to {agreement.expiry}"


def _agreement_facts(agreement: Any, lead: str = ": ") -> str:
    facts = []
    if agreement.settled is not None:
        facts.append(f"settled {agreement.settled}")
    if agreement.source:
        facts.append(f"source {agreement.source}")
    return f"{lead}{_list(facts)}" if facts else ""


def _agreement_date(e: Any) -> date | None:
    agreement = getattr(e, "agreement", None) or e.corrected
    settled: date | None = agreement.settled or agreement.effective
    return settled


_dated(U.AgreementRecorded, _agreement_date)
_dated(U.AgreementCorrected, _agreement_date)


@_summary(U.HeadcountChanged)
def _headcount_changed(e: Any, names: Names) -> str:
    counted = f", counted {e.counted_on}" if e.counted_on is not None else ""
    return (f"{names(e.originator_id)} now covers {_count(e.headcount, 'worker')}{counted}, "
            f"recorded {by(e.actor)}")


_dated(U.HeadcountChanged, lambda e: e.counted_on)


def _profile_change(what: str, field: str) -> Summary:
    def summary(e: Any, names: Names) -> str:
        value = getattr(e, field)
        change = f"{what} set to '{value}'" if value else f"{what} cleared"
        return f"{names(e.originator_id)}: {change} {by(e.actor)}"

    return summary


_summary(U.SectorChanged)(_profile_change("sector", "sector"))
_summary(U.RegionChanged)(_profile_change("region", "region"))
_summary(U.CityChanged)(_profile_change("city", "city"))
_summary(U.IndustryCodeChanged)(_profile_change("industry code", "industry_code"))


# ------------------------------------------------------------- frameworks


def _demands(demands: Iterable[Any]) -> str:
    keys = [d.key for d in demands]
    return f"{_count(len(keys), 'demand')} ({_list(keys)})"


@_summary(F.Drafted)
def _drafted(e: Any, names: Names) -> str:
    return (f"Framework '{e.name}' drafted {by(e.actor)}: {_demands(e.demands)} for "
            f"{_list(e.sectors)}")


@_summary(F.AmendmentDrafted)
def _amendment_drafted(e: Any, names: Names) -> str:
    return (f"Framework '{names(e.originator_id)}' amended {by(e.actor)}: a new draft version "
            f"with {_demands(e.demands)}")


def _vote_result(what: str) -> Summary:
    """A members' vote on a record: ``what`` names it with ``{record}`` (and ``{number}``)."""

    def summary(e: Any, names: Names) -> str:
        text = what.format(record=names(e.originator_id), number=getattr(e, "number", ""))
        return f"{text}, recorded {by(e.actor)}: {_vote(e.vote)}"

    return summary


_summary(F.Ratified)(_vote_result("Version {number} of framework '{record}' ratified by members"))
_summary(F.RatificationFailed)(
    _vote_result("Version {number} of framework '{record}' rejected by members"))


# --------------------------------------------------------------- clusters

PACT_WORDS = {
    PactRule.SIGN_OFF: "sign-off below a floor",
    PactRule.NO_DEAL_UNTIL_ALL_SETTLE: "no deal until every table settles",
    PactRule.ME_TOO: "me-too",
    PactRule.NON_RAIDING: "non-raiding",
}


@_summary(C.Formed)
def _formed(e: Any, names: Names) -> str:
    return (f"Cluster '{e.name}' formed {by(e.actor)}: {_list(e.sectors)}; expiries "
            f"{e.window_start} to {e.window_end}; target alignment {e.target_alignment}; "
            f"committee of {len(e.committee)}")


@_summary(C.UnitAdmitted)
def _admitted(e: Any, names: Names) -> str:
    where = f"expiry {e.expiry}" if e.expiry is not None else "no recorded agreement"
    how = "outside the window, by override" if e.override_reason else "inside window"
    return f"{e.label} admitted to cluster '{names(e.originator_id)}' {by(e.actor)}: {where} {how}"


@_summary(C.UnitWithdrew)
def _withdrew(e: Any, names: Names) -> str:
    return (f"{names(e.unit_id)} withdrew from cluster '{names(e.originator_id)}', recorded "
            f"{by(e.actor)}")


@_summary(C.FrameworkAdopted)
def _framework_adopted(e: Any, names: Names) -> str:
    f = e.framework
    return (f"Cluster '{names(e.originator_id)}' adopted version {f.version} of framework "
            f"'{f.name}', recorded {by(e.actor)}")


@_summary(C.PactAdopted)
def _pact_adopted(e: Any, names: Names) -> str:
    rules = [PACT_WORDS.get(r, str(r)) for r in e.rules]
    if e.me_too_demands:
        rules = [f"me-too on {_list(e.me_too_demands)}" if r == "me-too" else r for r in rules]
    return f"Cluster '{names(e.originator_id)}' adopted its pact {by(e.actor)}: {_list(rules)}"


@_summary(C.PactSigned)
def _pact_signed(e: Any, names: Names) -> str:
    return (f"{names(e.unit_id)} signed the pact of cluster '{names(e.originator_id)}' on "
            f"{e.signed_on}, recorded {by(e.actor)}")


_dated(C.PactSigned, lambda e: e.signed_on)


@_summary(C.SignOffDecided)
def _sign_off(e: Any, names: Names) -> str:
    d = e.decision
    verdict = "approved" if d.approved else "refused"
    below = f" below floor on {_list(d.failing_demands)}" if d.failing_demands else ""
    return (f"Sign-off {verdict} in cluster '{names(e.originator_id)}' {by(d.decided_by)} for "
            f"tentative agreement {d.tentative_number} of {names(d.unit_id)}{below}: "
            f"{_vote(d.vote)}")


_dated(C.SignOffDecided, lambda e: e.decision.vote.held_on)


@_summary(C.TableOpened)
def _table_opened(e: Any, names: Names) -> str:
    return (f"{names(e.unit_id)} opened its bargaining table in cluster "
            f"'{names(e.originator_id)}', recorded {by(e.actor)}")


@_summary(C.MeTooEntitlementRecorded)
def _me_too(e: Any, names: Names) -> str:
    m = e.entitlement
    return (f"{names(m.unit_id)} is owed me-too on {m.demand} from the settlement of "
            f"{names(m.from_unit_id)} in cluster '{names(e.originator_id)}', recorded "
            f"{by(e.actor)}")


# ------------------------------------------------------------------ rounds


@_summary(R.Opened)
def _opened(e: Any, names: Names) -> str:
    inside = f" in cluster '{names(e.cluster_id)}'" if e.cluster_id is not None else ""
    return (f"Bargaining opened at {names(e.unit_id)}{inside} {by(e.actor)}: notice to bargain "
            f"served {e.notice_served}")


_dated(R.Opened, lambda e: e.notice_served)


@_summary(R.OfferReceived)
def _offer(e: Any, names: Names) -> str:
    return (f"Employer offer received on {e.offer.received_on} in {names(e.originator_id)}, "
            f"recorded {by(e.actor)}: {_evaluated(e.offer.evaluation)}")


_dated(R.OfferReceived, lambda e: e.offer.received_on)


@_summary(R.ProposalTabled)
def _proposal(e: Any, names: Names) -> str:
    keys = list(e.terms.items)
    return (f"Union proposal tabled on {e.tabled_on} in {names(e.originator_id)} {by(e.actor)}: "
            f"{_count(len(keys), 'term')} ({_list(keys)})")


_dated(R.ProposalTabled, lambda e: e.tabled_on)


@_summary(R.TentativeAgreementReached)
def _tentative(e: Any, names: Names) -> str:
    a = e.agreement
    return (f"Tentative agreement reached on {a.reached_on} in {names(e.originator_id)} "
            f"{by(e.actor)}: {a.effective} to {a.expiry}, {_evaluated(a.evaluation)}")


_dated(R.TentativeAgreementReached, lambda e: e.agreement.reached_on)


_summary(R.Ratified)(_vote_result("Members ratified the tentative agreement in {record}"))
_summary(R.RatificationFailed)(
    _vote_result("Members rejected the tentative agreement in {record}"))
for _cls in (F.Ratified, F.RatificationFailed, R.Ratified, R.RatificationFailed):
    _dated(_cls, lambda e: e.vote.held_on)


# --------------------------------------------------------------- campaigns


def _campaign(e: Any, names: Names, word: str = "campaign") -> str:
    return f"{word} '{names(e.originator_id)}'"


def _on(e: Any) -> date:
    on: date = e.on
    return on


@_summary(K.Launched)
def _launched(e: Any, names: Names) -> str:
    of = f" for cluster '{names(e.cluster_id)}'" if e.cluster_id is not None else ""
    first = e.ladder.rungs[0]
    return (f"Campaign '{e.name}'{of} launched on {e.launched_on} {by(e.actor)}: on "
            f"'{first.name}', a ladder of {len(e.ladder)} rungs")


_dated(K.Launched, lambda e: e.launched_on)


@_summary(K.UnitJoined)
def _joined(e: Any, names: Names) -> str:
    return f"{e.label} joined {_campaign(e, names)} on {e.on}, recorded {by(e.actor)}"


@_summary(K.UnitLeft)
def _left(e: Any, names: Names) -> str:
    return f"{names(e.unit_id)} left {_campaign(e, names)} on {e.on}, recorded {by(e.actor)}"


@_summary(K.LadderChanged)
def _ladder(e: Any, names: Names) -> str:
    return (f"{_campaign(e, names, 'Campaign')} changed its ladder on {e.on} {by(e.actor)}: "
            f"{e.ladder.describe()}")


@_summary(K.ClimbShareChanged)
def _climb_share(e: Any, names: Names) -> str:
    share = e.share
    needed = "every unit" if share == 1 else f"{show_percent(Fraction(share) * 100)} of units"
    return (f"{_campaign(e, names, 'Campaign')} climbs jointly when {needed} pass, from {e.on}, "
            f"{by(e.actor)}")


@_summary(K.ActionPlanned)
def _planned(e: Any, names: Names) -> str:
    return (f"Action {e.number} '{e.name}' ({e.rung}) planned in {_campaign(e, names)} for "
            f"{e.on} {by(e.actor)}: {_count(len(e.units), 'unit')} taking part")


@_summary(K.ActionCancelled)
def _cancelled(e: Any, names: Names) -> str:
    return f"Action {e.number} of {_campaign(e, names)} cancelled {by(e.actor)}"


@_summary(K.ActionHeld)
def _held(e: Any, names: Names) -> str:
    return (f"Action {e.number} of {_campaign(e, names)} held, recorded {by(e.actor)}: "
            f"{e.test.explain()}")


_dated(K.ActionHeld, lambda e: e.test.held_on)


@_summary(K.Escalated)
def _escalated(e: Any, names: Names) -> str:
    text = f"{_campaign(e, names, 'Campaign')} escalated to '{e.rung}' on {e.on} {by(e.actor)}"
    if e.override is not None:
        text += f": an override backed by a {_vote(e.override.mandate)}"
    if e.held_back:
        text += f"; {_count(len(e.held_back), 'unit')} had not passed"
    return text


@_summary(K.DeEscalated)
def _de_escalated(e: Any, names: Names) -> str:
    return (f"{_campaign(e, names, 'Campaign')} stepped down to '{e.rung}' on {e.on} "
            f"{by(e.actor)}")


def _status_change(verb: str) -> Summary:
    def summary(e: Any, names: Names) -> str:
        return f"{_campaign(e, names, 'Campaign')} {verb} on {e.on} {by(e.actor)}"

    return summary


_summary(K.Paused)(_status_change("paused"))
_summary(K.Resumed)(_status_change("resumed"))


@_summary(K.Concluded)
def _concluded(e: Any, names: Names) -> str:
    return (f"{_campaign(e, names, 'Campaign')} concluded ({e.outcome.value}) on {e.on} "
            f"{by(e.actor)}")


@_summary(K.MandateRecorded)
def _mandate(e: Any, names: Names) -> str:
    m = e.mandate
    kind = "Strike vote" if m.kind is MandateKind.STRIKE_VOTE else "Authorizing vote"
    who = names(m.unit_id) if m.unit_id is not None else "the whole campaign"
    scope = f" for {m.scope}" if m.scope else ""
    return (f"{kind} {m.number} of {who}{scope} recorded in {_campaign(e, names)} "
            f"{by(e.actor)}: {_vote(m.vote)}")


_dated(K.MandateRecorded, lambda e: e.mandate.vote.held_on)


def _strike_day(verb: str) -> Summary:
    def summary(e: Any, names: Names) -> str:
        return (f"{names(e.unit_id)} {verb} on {e.on} ({_campaign(e, names)}), recorded "
                f"{by(e.actor)}")

    return summary


_summary(K.StrikeEntered)(_strike_day("walked out"))
_summary(K.ReturnedFromStrike)(_strike_day("returned from strike"))
for _cls in (K.UnitJoined, K.UnitLeft, K.LadderChanged, K.ClimbShareChanged, K.Escalated,
             K.DeEscalated, K.Paused, K.Resumed, K.Concluded, K.StrikeEntered,
             K.ReturnedFromStrike):
    _dated(_cls, _on)
