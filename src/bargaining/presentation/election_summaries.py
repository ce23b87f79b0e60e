"""Plain-language summaries of elections and caucuses. Elections: opened under their rules,
candidates nominated (by their opaque ids and slates, never names), returns and resolved
challenges with the count as it then stood, the result declared with its lead, a runoff
called. Caucuses: formed, locals joining and leaving with their members counted, positions
adopted, slates run, campaigns supported.
"""

from __future__ import annotations

from typing import Any

from bargaining.domain.elections.caucus import Caucus
from bargaining.domain.elections.count import ElectionCount
from bargaining.domain.elections.election import Election
from bargaining.domain.shared.language import (
    format_day,
    format_number,
    format_percent,
    gettext,
    translate,
)
from bargaining.presentation.wording import (
    Names,
    SummaryTable,
    body_words,
    by,
    count_of,
    vote_text,
)

E: Any = Election
K: Any = Caucus

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def display_name(first_event: Any, names: Names) -> str | None:
    """An election's display name, from its first event."""
    if isinstance(first_event, E.Opened):
        if first_event.runoff_of is not None:
            return translate("election for {office} (runoff)", office=first_event.office)
        return translate("election for {office}", office=first_event.office)
    return None


def _stood(e: Any) -> str:
    """'A 50.2%, B 49.8%; lead 645; 1,608 challenged left', in the reader's language."""
    count = ElectionCount(dict(e.standing), e.challenged_left)
    shares = ", ".join(f"{c} {format_number(v)} ({format_percent(count.share(c))})"
                       for c, v in count.ranked())
    return translate("{shares}; lead {lead}; {challenged} challenged left", shares=shares,
                     lead=format_number(count.lead), challenged=format_number(count.challenged))


@_summary(E.Opened)
def _opened(e: Any, names: Names) -> str:
    needed = (gettext("the most votes") if e.majority is None
              else translate("more than {share} of valid votes",
                             share=format_percent(e.majority)))
    line = translate("Election for {office} opened {by}: a vote of the {body}, a candidate "
                     "needs {needed}", office=e.office, by=by(e.actor),
                     body=body_words(e.body), needed=needed)
    if e.runoff:
        line += gettext(", a runoff if no one gets it")
    if e.runoff_of is not None:
        line += translate("; the runoff of '{election}'", election=names(e.runoff_of))
    return line


@_summary(E.CandidateNominated)
def _nominated(e: Any, names: Names) -> str:
    if e.slate:
        line = translate("Candidate {candidate} nominated on the {slate} slate {by}",
                         candidate=e.candidate, slate=e.slate, by=by(e.actor))
    else:
        line = translate("Candidate {candidate} nominated on no slate {by}",
                         candidate=e.candidate, by=by(e.actor))
    if e.backed_by:
        line += translate(", backed by {caucuses}",
                          caucuses=", ".join(f"'{names(c)}'" for c in e.backed_by))
    return line


@_summary(E.ReturnRecorded)
def _returned(e: Any, names: Names) -> str:
    return translate("Return from {box} counted on {on}, recorded {by}: {ballots}, "
                     "{challenged} challenged, {spoiled} spoiled; the count stands at "
                     "{standing}", box=e.box, on=format_day(e.on), by=by(e.actor),
                     ballots=count_of(e.ballots, "ballot"),
                     challenged=format_number(e.challenged), spoiled=format_number(e.spoiled),
                     standing=_stood(e))


@_summary(E.ChallengesResolved)
def _resolved(e: Any, names: Names) -> str:
    counted = sum(e.counted.values())
    return translate("{ballots} resolved on {on} ({counted} counted, {rejected} rejected), "
                     "recorded {by}; the count stands at {standing}",
                     ballots=count_of(counted + e.rejected, "challenged ballot"),
                     on=format_day(e.on), counted=format_number(counted),
                     rejected=format_number(e.rejected), by=by(e.actor), standing=_stood(e))


@_summary(E.Declared)
def _declared(e: Any, names: Names) -> str:
    return translate("Candidate {candidate} declared elected on {on} {by}, with a lead of "
                     "{lead} over {left} challenged ballots left", candidate=e.candidate,
                     on=format_day(e.on), by=by(e.actor), lead=format_number(e.lead),
                     left=format_number(e.challenged_left))


@_summary(E.RunoffCalled)
def _runoff(e: Any, names: Names) -> str:
    first, second = e.candidates
    return translate("Runoff between candidates {first} and {second} called on {on} {by}: "
                     "'{runoff}'", first=first, second=second, on=format_day(e.on),
                     by=by(e.actor), runoff=names(e.runoff))


for _cls in (E.ReturnRecorded, E.ChallengesResolved, E.Declared, E.RunoffCalled):
    _dated(_cls, lambda e: e.on)


# ----------------------------------------------------------------- caucuses


@_summary(K.Formed)
def _formed(e: Any, names: Names) -> str:
    line = translate("Caucus '{name}' formed on {on} {by}, across {unions}", name=e.name,
                     on=format_day(e.on), by=by(e.actor), unions=", ".join(e.unions))
    if e.origin:
        line += translate(", out of {origin}", origin=e.origin)
    return line


@_summary(K.LocalJoined)
def _joined(e: Any, names: Names) -> str:
    return translate("{local} joined '{caucus}' on {on} with {members}, recorded {by}",
                     local=e.local, caucus=names(e.originator_id), on=format_day(e.on),
                     members=count_of(e.members, "member"), by=by(e.actor))


@_summary(K.LocalLeft)
def _left(e: Any, names: Names) -> str:
    return translate("{local} left '{caucus}' on {on}, recorded {by}", local=e.local,
                     caucus=names(e.originator_id), on=format_day(e.on), by=by(e.actor))


@_summary(K.MembersCounted)
def _counted(e: Any, names: Names) -> str:
    return translate("{local} of '{caucus}' counted {members} on {on}, recorded {by}",
                     local=e.local, caucus=names(e.originator_id),
                     members=count_of(e.members, "member"), on=format_day(e.on),
                     by=by(e.actor))


@_summary(K.MemberJoined)
def _member_joined(e: Any, names: Names) -> str:
    return translate("a member ({person}) joined '{caucus}' on {on}, recorded {by}",
                     person=e.person, caucus=names(e.originator_id), on=format_day(e.on),
                     by=by(e.actor))


@_summary(K.MemberLeft)
def _member_left(e: Any, names: Names) -> str:
    return translate("a member ({person}) left '{caucus}' on {on}, recorded {by}",
                     person=e.person, caucus=names(e.originator_id), on=format_day(e.on),
                     by=by(e.actor))


@_summary(K.PositionAdopted)
def _position(e: Any, names: Names) -> str:
    line = translate("'{caucus}' adopted the position '{title}' on {on}, recorded {by}",
                     caucus=names(e.originator_id), title=e.title, on=format_day(e.on),
                     by=by(e.actor))
    if e.vote is not None:
        line += translate(": {vote}", vote=vote_text(e.vote))
    return line


@_summary(K.SlateRun)
def _slate(e: Any, names: Names) -> str:
    return translate("'{caucus}' runs the {slate} slate in the {election} from {on}, "
                     "recorded {by}", caucus=names(e.originator_id), slate=e.slate,
                     election=names(e.election), on=format_day(e.on), by=by(e.actor))


@_summary(K.CampaignSupported)
def _supported(e: Any, names: Names) -> str:
    return translate("'{caucus}' supports the campaign '{campaign}' from {on}, recorded {by}",
                     caucus=names(e.originator_id), campaign=names(e.campaign),
                     on=format_day(e.on), by=by(e.actor))


for _cls in (K.Formed, K.LocalJoined, K.LocalLeft, K.MembersCounted, K.PositionAdopted,
             K.SlateRun, K.CampaignSupported, K.MemberJoined, K.MemberLeft):
    _dated(_cls, lambda e: e.on)
