"""Plain-language summaries of bargaining rounds (tables): opened, offers, proposals,
tentative agreements, ratification votes and returns (one line per event kind).
"""

from __future__ import annotations

from typing import Any

from bargaining.domain.coordination.tables import TableKind
from bargaining.domain.frameworks.evaluation import Evaluation
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    gettext,
    mark,
    translate,
)
from bargaining.presentation.bargaining_summaries import vote_result
from bargaining.presentation.wording import (
    Names,
    R,
    Summary,
    SummaryTable,
    by,
    count_of,
    known_word,
    listing,
    table_name,
    vote_text,
    word,
)

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def _evaluated(evaluation: Evaluation | None) -> str:
    if evaluation is None:
        return gettext("not evaluated against a framework")
    return translate("{verdict} against {framework} v{version}",
                     verdict=word(evaluation.overall.value), framework=evaluation.framework,
                     version=evaluation.version)


# ------------------------------------------------------------------ rounds


@_summary(R.Opened)
def _opened(e: Any, names: Names) -> str:
    inside = (translate(" in cluster '{cluster}'", cluster=names(e.cluster_id))
              if e.cluster_id is not None else "")
    served = format_day(e.notice_served)
    if len(e.unit_ids) == 1 and e.kind is TableKind.LOCAL and not e.matters:
        return translate("Bargaining opened at {unit}{inside} {by}: notice to bargain served "
                         "{served}", unit=names(e.unit_ids[0]), inside=inside, by=by(e.actor),
                         served=served)
    matters = (listing([word(m.value) for m in e.matters]) if e.matters
               else gettext("every matter"))
    title = table_name(e.kind, e.name)
    return translate(
        "{table} opened{inside} {by} for {units} ({names}): bargains {matters}; returns combine "
        "by {rule}; notice to bargain served {served}", table=f"{title[0].upper()}{title[1:]}",
        inside=inside, by=by(e.actor), units=count_of(len(e.unit_ids), "unit"),
        names=listing([names(u) for u in e.unit_ids]), matters=matters,
        rule=word(e.returns_rule.value), served=served)


_dated(R.Opened, lambda e: e.notice_served)


@_summary(R.OfferReceived)
def _offer(e: Any, names: Names) -> str:
    return translate("Employer offer received on {on} in {table}, recorded {by}: {evaluated}",
                     on=format_day(e.offer.received_on), table=names(e.originator_id),
                     by=by(e.actor), evaluated=_evaluated(e.offer.evaluation))


_dated(R.OfferReceived, lambda e: e.offer.received_on)


@_summary(R.ProposalTabled)
def _proposal(e: Any, names: Names) -> str:
    keys = list(e.terms.items)
    return translate("Union proposal tabled on {on} in {table} {by}: {terms} ({keys})",
                     on=format_day(e.tabled_on), table=names(e.originator_id), by=by(e.actor),
                     terms=count_of(len(keys), "term"), keys=listing(known_word(k) for k in keys))


_dated(R.ProposalTabled, lambda e: e.tabled_on)


@_summary(R.TentativeAgreementReached)
def _tentative(e: Any, names: Names) -> str:
    a = e.agreement
    return translate("Tentative agreement reached on {on} in {table} {by}: {start} to {end}, "
                     "{evaluated}", on=format_day(a.reached_on), table=names(e.originator_id),
                     by=by(e.actor), start=format_day(a.effective), end=format_day(a.expiry),
                     evaluated=_evaluated(a.evaluation))


_dated(R.TentativeAgreementReached, lambda e: e.agreement.reached_on)


def _flagged(summary: Summary) -> Summary:
    """A summary followed by the flags its event carries (the rules the fact broke)."""

    def flagged(e: Any, names: Names) -> str:
        flags = getattr(e, "flags", None) or ()
        return summary(e, names) + "".join(translate("; flagged: {why}", why=f.reads)
                                           for f in flags)

    return flagged


_summary(R.Ratified)(
    _flagged(vote_result(mark("Members ratified the tentative agreement in {record}"))))
_summary(R.RatificationFailed)(
    _flagged(vote_result(mark("Members rejected the tentative agreement in {record}"))))


@_summary(R.ReturnRecorded)
def _return(e: Any, names: Names) -> str:
    place = f" ({e.place})" if e.place else ""
    return translate("Ratification return from {unit}{place} in {table}, recorded {by}: {vote}",
                     unit=names(e.unit_id), place=place, table=names(e.originator_id),
                     by=by(e.actor), vote=vote_text(e.vote))


_dated(R.ReturnRecorded, lambda e: e.vote.held_on)


@_summary(R.ReturnsCounted)
def _counted(e: Any, names: Names) -> str:
    t = e.tally
    verdict = gettext("ratified") if e.carried else gettext("rejected")
    against = (translate("; voted no: {units}", units=listing([names(u) for u in e.against]))
               if e.against else "")
    missing = (translate("; not returned: {units}", units=listing([names(u) for u in e.missing]))
               if e.missing else "")
    text = translate(
        "Returns counted on {on} in {table}, recorded {by}: {yes} yes, {no} no of {cast} cast; "
        "{carried} of {units} carried; {verdict} by {rule}{against}{missing}",
        on=format_day(e.on), table=names(e.originator_id), by=by(e.actor),
        yes=format_number(t.yes), no=format_number(t.no), cast=format_number(t.cast),
        carried=format_number(e.units_carried),
        units=count_of(e.units_returned + len(e.missing), "unit"), verdict=verdict,
        rule=word(e.rule.value), against=against, missing=missing)
    return text + "".join(translate("; flagged: {why}", why=f.reads) for f in e.flags)


_dated(R.ReturnsCounted, lambda e: e.on)


@_summary(R.OtherBodyVoted)
def _other_body_voted(e: Any, names: Names) -> str:
    body = e.vote.body.describe() if e.vote.body is not None else gettext("another body")
    return translate("The {body} voted on the tentative agreement in {table} (only members "
                     "ratify), recorded {by}: {vote}", body=body,
                     table=names(e.originator_id), by=by(e.actor), vote=vote_text(e.vote))


for _cls in (R.Ratified, R.RatificationFailed, R.OtherBodyVoted):
    _dated(_cls, lambda e: e.vote.held_on)
