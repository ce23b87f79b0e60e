"""Plain-language summaries of the bargaining itself: units and their agreements, demand
frameworks, clusters and their pacts (one line per event kind); bargaining rounds are in
:mod:`~bargaining.presentation.round_summaries`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from bargaining.domain.coordination.cluster import PactRule
from bargaining.domain.coordination.me_too_ledger import MeTooLedger as L
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    gettext,
    mark,
    translate,
)
from bargaining.domain.units.profile import unit_label
from bargaining.presentation.wording import (
    C,
    F,
    Names,
    Summary,
    SummaryTable,
    U,
    by,
    count_of,
    known_word,
    listing,
    vote_text,
    word,
)

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


# ------------------------------------------------------------ bargaining units


@_summary(U.Registered)
def _registered(e: Any, names: Names) -> str:
    label = unit_label(e.union, e.local, e.employer, e.unit_name)
    facts = [f for f in (e.sector, e.region, e.city) if f] + [count_of(e.headcount, "worker")]
    return translate("{unit} registered {by}: {facts}", unit=label, by=by(e.actor),
                     facts=listing(facts))


@_summary(U.AgreementRecorded)
def _agreement_recorded(e: Any, names: Names) -> str:
    return translate("Agreement {period} recorded for {unit} {by}{facts}",
                     period=_period(e.agreement), unit=names(e.originator_id), by=by(e.actor),
                     facts=_agreement_facts(e.agreement))


@_summary(U.AgreementCorrected)
def _agreement_corrected(e: Any, names: Names) -> str:
    return translate("Agreement expiring {expiry} of {unit} corrected {by}: now {period}{facts}",
                     expiry=format_day(e.expiry), unit=names(e.originator_id), by=by(e.actor),
                     period=_period(e.corrected), facts=_agreement_facts(e.corrected, ", "))


def _period(agreement: Any) -> str:
    start = (format_day(agreement.effective) if agreement.effective
             else gettext("unknown effective date"))
    return translate("{start} to {end}", start=start, end=format_day(agreement.expiry))


def _agreement_facts(agreement: Any, lead: str = ": ") -> str:
    facts = []
    if agreement.settled is not None:
        facts.append(translate("settled {on}", on=format_day(agreement.settled)))
    if agreement.source:
        facts.append(translate("source {source}", source=agreement.source))
    if agreement.terms is not None and agreement.terms.items:
        facts.append(count_of(len(agreement.terms.items), "term"))
    if agreement.clauses:
        facts.append(count_of(len(agreement.clauses), "clause"))
    if lead == ": ":
        lead = gettext(": ")
    return f"{lead}{listing(facts)}" if facts else ""


def _agreement_date(e: Any) -> date | None:
    agreement = getattr(e, "agreement", None) or e.corrected
    settled: date | None = agreement.settled or agreement.effective
    return settled


_dated(U.AgreementRecorded, _agreement_date)
_dated(U.AgreementCorrected, _agreement_date)


@_summary(U.HeadcountChanged)
def _headcount_changed(e: Any, names: Names) -> str:
    counted = (translate(", counted {on}", on=format_day(e.counted_on))
               if e.counted_on is not None else "")
    return translate("{unit} now covers {workers}{counted}, recorded {by}",
                     unit=names(e.originator_id), workers=count_of(e.headcount, "worker"),
                     counted=counted, by=by(e.actor))


_dated(U.HeadcountChanged, lambda e: e.counted_on)


def _profile_change(set_to: str, cleared: str, field: str) -> Summary:
    def summary(e: Any, names: Names) -> str:
        value = getattr(e, field)
        change = translate(set_to, value=value) if value else gettext(cleared)
        return translate("{unit}: {change} {by}", unit=names(e.originator_id), change=change,
                         by=by(e.actor))

    return summary


_summary(U.SectorChanged)(_profile_change(
    mark("sector set to '{value}'"), mark("sector cleared"), "sector"))
_summary(U.RegionChanged)(_profile_change(
    mark("region set to '{value}'"), mark("region cleared"), "region"))
_summary(U.CityChanged)(_profile_change(
    mark("city set to '{value}'"), mark("city cleared"), "city"))
_summary(U.IndustryCodeChanged)(_profile_change(
    mark("industry code set to '{value}'"), mark("industry code cleared"), "industry_code"))


# ------------------------------------------------------------- frameworks


def _demands(demands: Iterable[Any]) -> str:
    keys = [d.key for d in demands]
    return f"{count_of(len(keys), 'demand')} ({listing(known_word(k) for k in keys)})"


@_summary(F.Drafted)
def _drafted(e: Any, names: Names) -> str:
    return translate("Framework '{name}' drafted {by}: {demands} for {sectors}", name=e.name,
                     by=by(e.actor), demands=_demands(e.demands), sectors=listing(e.sectors))


@_summary(F.AmendmentDrafted)
def _amendment_drafted(e: Any, names: Names) -> str:
    return translate("Framework '{name}' amended {by}: a new draft version with {demands}",
                     name=names(e.originator_id), by=by(e.actor), demands=_demands(e.demands))


def vote_result(what: str) -> Summary:
    """A members' vote on a record: ``what`` names it with ``{record}`` (and ``{number}``)."""

    def summary(e: Any, names: Names) -> str:
        text = translate(what, record=names(e.originator_id), number=getattr(e, "number", ""))
        return translate("{text}, recorded {by}: {vote}", text=text, by=by(e.actor),
                         vote=vote_text(e.vote))

    return summary


_summary(F.Ratified)(vote_result(
    mark("Version {number} of framework '{record}' ratified by members")))
_summary(F.RatificationFailed)(
    vote_result(mark("Version {number} of framework '{record}' rejected by members")))


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
    return translate(
        "Cluster '{name}' formed {by}: {sectors}; expiries {start} to {end}; target alignment "
        "{target}; committee of {committee}", name=e.name, by=by(e.actor),
        sectors=listing(e.sectors), start=format_day(e.window_start),
        end=format_day(e.window_end), target=format_day(e.target_alignment),
        committee=format_number(len(e.committee)))


@_summary(C.UnitAdmitted)
def _admitted(e: Any, names: Names) -> str:
    where = (translate("expiry {on}", on=format_day(e.expiry)) if e.expiry is not None
             else gettext("no recorded agreement"))
    how = (gettext("outside the window, by override") if e.override_reason
           else gettext("inside window"))
    return translate("{unit} admitted to cluster '{cluster}' {by}: {where} {how}", unit=e.label,
                     cluster=names(e.originator_id), by=by(e.actor), where=where, how=how)


@_summary(C.UnitWithdrew)
def _withdrew(e: Any, names: Names) -> str:
    return translate("{unit} withdrew from cluster '{cluster}', recorded {by}",
                     unit=names(e.unit_id), cluster=names(e.originator_id), by=by(e.actor))


@_summary(C.FrameworkAdopted)
def _framework_adopted(e: Any, names: Names) -> str:
    f = e.framework
    return translate("Cluster '{cluster}' adopted version {version} of framework '{name}', "
                     "recorded {by}", cluster=names(e.originator_id), version=f.version,
                     name=f.name, by=by(e.actor))


@_summary(C.PactAdopted)
def _pact_adopted(e: Any, names: Names) -> str:
    rules = [PACT_WORDS.get(r, str(r)) for r in e.rules]
    words = [word(r) for r in rules]
    if e.me_too_demands:
        on = translate("me-too on {demands}", demands=listing(e.me_too_demands))
        words = [on if r == "me-too" else w for r, w in zip(rules, words, strict=True)]
    return translate("Cluster '{cluster}' adopted its pact {by}: {rules}",
                     cluster=names(e.originator_id), by=by(e.actor), rules=listing(words))


@_summary(C.PactSigned)
def _pact_signed(e: Any, names: Names) -> str:
    return translate("{unit} signed the pact of cluster '{cluster}' on {on}, recorded {by}",
                     unit=names(e.unit_id), cluster=names(e.originator_id),
                     on=format_day(e.signed_on), by=by(e.actor))


_dated(C.PactSigned, lambda e: e.signed_on)


@_summary(C.SignOffDecided)
def _sign_off(e: Any, names: Names) -> str:
    d = e.decision
    verdict = gettext("approved") if d.approved else gettext("refused")
    below = (translate(" below floor on {demands}",
                       demands=listing(known_word(k) for k in d.failing_demands))
             if d.failing_demands else "")
    return translate("Sign-off {verdict} in cluster '{cluster}' {by} for tentative agreement "
                     "{number} of {table}{below}: {vote}", verdict=verdict,
                     cluster=names(e.originator_id), by=by(d.decided_by),
                     number=d.tentative_number, table=names(d.round_id), below=below,
                     vote=vote_text(d.vote))


_dated(C.SignOffDecided, lambda e: e.decision.vote.held_on)


@_summary(C.TableOpened)
def _table_opened(e: Any, names: Names) -> str:
    return translate("{unit} opened its bargaining table in cluster '{cluster}', recorded {by}",
                     unit=names(e.unit_id), cluster=names(e.originator_id), by=by(e.actor))


@_summary(C.MeTooEntitlementRecorded)
def _me_too(e: Any, names: Names) -> str:
    m = e.entitlement
    return translate("{unit} is owed me-too on {demand} from the settlement of {other} in "
                     "cluster '{cluster}', recorded {by}", unit=names(m.unit_id),
                     demand=known_word(m.demand), other=names(m.from_unit_id),
                     cluster=names(e.originator_id), by=by(e.actor))


@_summary(L.MeTooEntitlementRaised)
def _me_too_raised(e: Any, names: Names) -> str:
    m = e.entitlement
    return translate("{unit}'s me-too on {demand} in cluster '{cluster}' now follows the better "
                     "settlement of {other}, recorded {by}", unit=names(m.unit_id),
                     demand=known_word(m.demand), cluster=names(e.originator_id),
                     other=names(m.from_unit_id), by=by(e.actor))


def _me_too_step(message: str) -> Summary:
    def line(e: Any, names: Names) -> str:  # the reason shows beside it, in the history
        return translate(message, unit=names(e.unit_id), demand=known_word(e.demand),
                         cluster=names(e.originator_id), on=format_day(e.on), by=by(e.actor))
    return line


_summary(L.MeTooClaimed)(_me_too_step(mark(
    "{unit}'s me-too on {demand} in cluster '{cluster}' claimed on {on}, recorded {by}")))
_summary(L.MeTooSettled)(_me_too_step(mark(
    "{unit}'s me-too on {demand} in cluster '{cluster}' settled on {on}, recorded {by}")))
_summary(L.MeTooWaived)(_me_too_step(mark(
    "{unit}'s me-too on {demand} in cluster '{cluster}' waived on {on}, recorded {by}")))
for _cls in (L.MeTooEntitlementRaised, L.MeTooClaimed, L.MeTooSettled, L.MeTooWaived):
    _dated(_cls, lambda e: e.on)


# Cluster events record their real-world day as ``on`` (``None`` in events stored by
# release 0.1, which did not record it).
for _cls in (C.Formed, C.UnitAdmitted, C.UnitWithdrew, C.FrameworkAdopted, C.PactAdopted,
             C.TableOpened, C.MeTooEntitlementRecorded):
    _dated(_cls, lambda e: e.on)


for _cls in (F.Ratified, F.RatificationFailed):
    _dated(_cls, lambda e: e.vote.held_on)
