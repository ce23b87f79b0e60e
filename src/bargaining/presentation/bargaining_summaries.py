"""Plain-language summaries of the bargaining itself: units and their agreements, demand
frameworks, clusters and their pacts, and bargaining rounds (one line per event kind).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from bargaining.domain.coordination.cluster import PactRule
from bargaining.domain.coordination.me_too_ledger import MeTooLedger as L
from bargaining.domain.coordination.tables import TableKind, table_title
from bargaining.domain.frameworks.evaluation import Evaluation
from bargaining.domain.units.profile import unit_label
from bargaining.presentation.wording import (
    C,
    F,
    Names,
    R,
    Summary,
    SummaryTable,
    U,
    by,
    count_of,
    listing,
    vote_text,
)

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def _evaluated(evaluation: Evaluation | None) -> str:
    if evaluation is None:
        return "not evaluated against a framework"
    return f"{evaluation.overall.value} against {evaluation.framework} v{evaluation.version}"


# ------------------------------------------------------------ bargaining units


@_summary(U.Registered)
def _registered(e: Any, names: Names) -> str:
    label = unit_label(e.union, e.local, e.employer, e.unit_name)
    facts = [f for f in (e.sector, e.region, e.city) if f] + [count_of(e.headcount, "worker")]
    return f"{label} registered {by(e.actor)}: {listing(facts)}"


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
    if agreement.terms is not None and agreement.terms.items:
        facts.append(count_of(len(agreement.terms.items), "term"))
    if agreement.clauses:
        facts.append(count_of(len(agreement.clauses), "clause"))
    return f"{lead}{listing(facts)}" if facts else ""


def _agreement_date(e: Any) -> date | None:
    agreement = getattr(e, "agreement", None) or e.corrected
    settled: date | None = agreement.settled or agreement.effective
    return settled


_dated(U.AgreementRecorded, _agreement_date)
_dated(U.AgreementCorrected, _agreement_date)


@_summary(U.HeadcountChanged)
def _headcount_changed(e: Any, names: Names) -> str:
    counted = f", counted {e.counted_on}" if e.counted_on is not None else ""
    return (f"{names(e.originator_id)} now covers {count_of(e.headcount, 'worker')}{counted}, "
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
    return f"{count_of(len(keys), 'demand')} ({listing(keys)})"


@_summary(F.Drafted)
def _drafted(e: Any, names: Names) -> str:
    return (f"Framework '{e.name}' drafted {by(e.actor)}: {_demands(e.demands)} for "
            f"{listing(e.sectors)}")


@_summary(F.AmendmentDrafted)
def _amendment_drafted(e: Any, names: Names) -> str:
    return (f"Framework '{names(e.originator_id)}' amended {by(e.actor)}: a new draft version "
            f"with {_demands(e.demands)}")


def _vote_result(what: str) -> Summary:
    """A members' vote on a record: ``what`` names it with ``{record}`` (and ``{number}``)."""

    def summary(e: Any, names: Names) -> str:
        text = what.format(record=names(e.originator_id), number=getattr(e, "number", ""))
        return f"{text}, recorded {by(e.actor)}: {vote_text(e.vote)}"

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
    PactRule.ME_TOO_SAME_EMPLOYER: "me-too within the same employer",
}


@_summary(C.Formed)
def _formed(e: Any, names: Names) -> str:
    return (f"Cluster '{e.name}' formed {by(e.actor)}: {listing(e.sectors)}; expiries "
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
        rules = [f"me-too on {listing(e.me_too_demands)}" if r == "me-too" else r for r in rules]
    return f"Cluster '{names(e.originator_id)}' adopted its pact {by(e.actor)}: {listing(rules)}"


@_summary(C.PactSigned)
def _pact_signed(e: Any, names: Names) -> str:
    return (f"{names(e.unit_id)} signed the pact of cluster '{names(e.originator_id)}' on "
            f"{e.signed_on}, recorded {by(e.actor)}")


_dated(C.PactSigned, lambda e: e.signed_on)


@_summary(C.SignOffDecided)
def _sign_off(e: Any, names: Names) -> str:
    d = e.decision
    verdict = "approved" if d.approved else "refused"
    below = f" below floor on {listing(d.failing_demands)}" if d.failing_demands else ""
    return (f"Sign-off {verdict} in cluster '{names(e.originator_id)}' {by(d.decided_by)} for "
            f"tentative agreement {d.tentative_number} of {names(d.round_id)}{below}: "
            f"{vote_text(d.vote)}")


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


@_summary(L.MeTooEntitlementRaised)
def _me_too_raised(e: Any, names: Names) -> str:
    m = e.entitlement
    return (f"{names(m.unit_id)}'s me-too on {m.demand} in cluster '{names(e.originator_id)}' "
            f"now follows the better settlement of {names(m.from_unit_id)}, recorded "
            f"{by(e.actor)}")


def _me_too_step(verb: str) -> Summary:
    def line(e: Any, names: Names) -> str:  # the reason shows beside it, in the history
        return (f"{names(e.unit_id)}'s me-too on {e.demand} in cluster "
                f"'{names(e.originator_id)}' {verb} on {e.on}, recorded {by(e.actor)}")
    return line


_summary(L.MeTooClaimed)(_me_too_step("claimed"))
_summary(L.MeTooSettled)(_me_too_step("settled"))
_summary(L.MeTooWaived)(_me_too_step("waived"))
for _cls in (L.MeTooEntitlementRaised, L.MeTooClaimed, L.MeTooSettled, L.MeTooWaived):
    _dated(_cls, lambda e: e.on)


# Cluster events record their real-world day as ``on`` (``None`` in events stored by
# release 0.1, which did not record it).
for _cls in (C.Formed, C.UnitAdmitted, C.UnitWithdrew, C.FrameworkAdopted, C.PactAdopted,
             C.TableOpened, C.MeTooEntitlementRecorded):
    _dated(_cls, lambda e: e.on)


# ------------------------------------------------------------------ rounds


@_summary(R.Opened)
def _opened(e: Any, names: Names) -> str:
    inside = f" in cluster '{names(e.cluster_id)}'" if e.cluster_id is not None else ""
    if len(e.unit_ids) == 1 and e.kind is TableKind.LOCAL and not e.matters:
        return (f"Bargaining opened at {names(e.unit_ids[0])}{inside} {by(e.actor)}: notice "
                f"to bargain served {e.notice_served}")
    matters = listing([m.value for m in e.matters]) if e.matters else "every matter"
    title = table_title(e.kind, e.name)
    return (f"{title[0].upper()}{title[1:]} opened{inside} {by(e.actor)} for "
            f"{count_of(len(e.unit_ids), 'unit')} ({listing([names(u) for u in e.unit_ids])}): "
            f"bargains {matters}; returns combine by {e.returns_rule.value}; notice to bargain "
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
            f"{count_of(len(keys), 'term')} ({listing(keys)})")


_dated(R.ProposalTabled, lambda e: e.tabled_on)


@_summary(R.TentativeAgreementReached)
def _tentative(e: Any, names: Names) -> str:
    a = e.agreement
    return (f"Tentative agreement reached on {a.reached_on} in {names(e.originator_id)} "
            f"{by(e.actor)}: {a.effective} to {a.expiry}, {_evaluated(a.evaluation)}")


_dated(R.TentativeAgreementReached, lambda e: e.agreement.reached_on)


def _flagged(summary: Summary) -> Summary:
    """A summary followed by the flags its event carries (the rules the fact broke)."""

    def flagged(e: Any, names: Names) -> str:
        flags = getattr(e, "flags", None) or ()
        return summary(e, names) + "".join(f"; flagged: {f.why}" for f in flags)

    return flagged


_summary(R.Ratified)(
    _flagged(_vote_result("Members ratified the tentative agreement in {record}")))
_summary(R.RatificationFailed)(
    _flagged(_vote_result("Members rejected the tentative agreement in {record}")))


@_summary(R.ReturnRecorded)
def _return(e: Any, names: Names) -> str:
    place = f" ({e.place})" if e.place else ""
    return (f"Ratification return from {names(e.unit_id)}{place} in {names(e.originator_id)}, "
            f"recorded {by(e.actor)}: {vote_text(e.vote)}")


_dated(R.ReturnRecorded, lambda e: e.vote.held_on)


@_summary(R.ReturnsCounted)
def _counted(e: Any, names: Names) -> str:
    t = e.tally
    verdict = "ratified" if e.carried else "rejected"
    against = (f"; voted no: {listing([names(u) for u in e.against])}" if e.against else "")
    missing = (f"; not returned: {listing([names(u) for u in e.missing])}" if e.missing
               else "")
    text = (f"Returns counted on {e.on} in {names(e.originator_id)}, recorded {by(e.actor)}: "
            f"{t.yes:,} yes, {t.no:,} no of {t.cast:,} cast; {e.units_carried} of "
            f"{count_of(e.units_returned + len(e.missing), 'unit')} carried; {verdict} by "
            f"{e.rule.value}{against}{missing}")
    return text + "".join(f"; flagged: {f.why}" for f in e.flags)


_dated(R.ReturnsCounted, lambda e: e.on)


@_summary(R.OtherBodyVoted)
def _other_body_voted(e: Any, names: Names) -> str:
    body = e.vote.body.describe() if e.vote.body is not None else "another body"
    return (f"The {body} voted on the tentative agreement in {names(e.originator_id)} (only "
            f"members ratify), recorded {by(e.actor)}: {vote_text(e.vote)}")


for _cls in (F.Ratified, F.RatificationFailed, R.Ratified, R.RatificationFailed,
             R.OtherBodyVoted):
    _dated(_cls, lambda e: e.vote.held_on)
