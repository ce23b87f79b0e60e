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
from bargaining.domain.shared.shares import show_percent
from bargaining.presentation.wording import Names, SummaryTable, by, count_of, vote_text

E: Any = Election
K: Any = Caucus

#: The summaries and dates this module registers; ``summaries`` joins them with the others.
TABLE = SummaryTable()
_summary = TABLE.summary
_dated = TABLE.dated


def display_name(first_event: Any, names: Names) -> str | None:
    """An election's display name, from its first event."""
    if isinstance(first_event, E.Opened):
        runoff = " (runoff)" if first_event.runoff_of is not None else ""
        return f"election for {first_event.office}{runoff}"
    return None


def _stood(e: Any) -> str:
    return ElectionCount(dict(e.standing), e.challenged_left).describe()


@_summary(E.Opened)
def _opened(e: Any, names: Names) -> str:
    needed = ("the most votes" if e.majority is None
              else f"more than {show_percent(e.majority)} of valid votes")
    line = (f"Election for {e.office} opened {by(e.actor)}: a vote of the "
            f"{e.body.describe()}, a candidate needs {needed}")
    if e.runoff:
        line += ", a runoff if no one gets it"
    if e.runoff_of is not None:
        line += f"; the runoff of '{names(e.runoff_of)}'"
    return line


@_summary(E.CandidateNominated)
def _nominated(e: Any, names: Names) -> str:
    slate = f"on the {e.slate} slate" if e.slate else "on no slate"
    line = f"Candidate {e.candidate} nominated {slate} {by(e.actor)}"
    if e.backed_by:
        line += ", backed by " + ", ".join(f"'{names(c)}'" for c in e.backed_by)
    return line


@_summary(E.ReturnRecorded)
def _returned(e: Any, names: Names) -> str:
    return (f"Return from {e.box} counted on {e.on}, recorded {by(e.actor)}: "
            f"{count_of(e.ballots, 'ballot')}, {e.challenged:,} challenged, {e.spoiled:,} "
            f"spoiled; the count stands at {_stood(e)}")


@_summary(E.ChallengesResolved)
def _resolved(e: Any, names: Names) -> str:
    counted = sum(e.counted.values())
    return (f"{count_of(counted + e.rejected, 'challenged ballot')} resolved on {e.on} "
            f"({counted:,} counted, {e.rejected:,} rejected), recorded {by(e.actor)}; the "
            f"count stands at {_stood(e)}")


@_summary(E.Declared)
def _declared(e: Any, names: Names) -> str:
    return (f"Candidate {e.candidate} declared elected on {e.on} {by(e.actor)}, with a lead "
            f"of {e.lead:,} over {e.challenged_left:,} challenged ballots left")


@_summary(E.RunoffCalled)
def _runoff(e: Any, names: Names) -> str:
    first, second = e.candidates
    return (f"Runoff between candidates {first} and {second} called on {e.on} "
            f"{by(e.actor)}: '{names(e.runoff)}'")


for _cls in (E.ReturnRecorded, E.ChallengesResolved, E.Declared, E.RunoffCalled):
    _dated(_cls, lambda e: e.on)


# ----------------------------------------------------------------- caucuses


@_summary(K.Formed)
def _formed(e: Any, names: Names) -> str:
    line = f"Caucus '{e.name}' formed on {e.on} {by(e.actor)}, across {', '.join(e.unions)}"
    if e.origin:
        line += f", out of {e.origin}"
    return line


@_summary(K.LocalJoined)
def _joined(e: Any, names: Names) -> str:
    return (f"{e.local} joined '{names(e.originator_id)}' on {e.on} with "
            f"{count_of(e.members, 'member')}, recorded {by(e.actor)}")


@_summary(K.LocalLeft)
def _left(e: Any, names: Names) -> str:
    return f"{e.local} left '{names(e.originator_id)}' on {e.on}, recorded {by(e.actor)}"


@_summary(K.MembersCounted)
def _counted(e: Any, names: Names) -> str:
    return (f"{e.local} of '{names(e.originator_id)}' counted {count_of(e.members, 'member')} "
            f"on {e.on}, recorded {by(e.actor)}")


@_summary(K.MemberJoined)
def _member_joined(e: Any, names: Names) -> str:
    return (f"a member ({e.person}) joined '{names(e.originator_id)}' on {e.on}, "
            f"recorded {by(e.actor)}")


@_summary(K.MemberLeft)
def _member_left(e: Any, names: Names) -> str:
    return (f"a member ({e.person}) left '{names(e.originator_id)}' on {e.on}, "
            f"recorded {by(e.actor)}")


@_summary(K.PositionAdopted)
def _position(e: Any, names: Names) -> str:
    line = (f"'{names(e.originator_id)}' adopted the position '{e.title}' on {e.on}, "
            f"recorded {by(e.actor)}")
    if e.vote is not None:
        line += f": {vote_text(e.vote)}"
    return line


@_summary(K.SlateRun)
def _slate(e: Any, names: Names) -> str:
    return (f"'{names(e.originator_id)}' runs the {e.slate} slate in the "
            f"{names(e.election)} from {e.on}, recorded {by(e.actor)}")


@_summary(K.CampaignSupported)
def _supported(e: Any, names: Names) -> str:
    return (f"'{names(e.originator_id)}' supports the campaign '{names(e.campaign)}' from "
            f"{e.on}, recorded {by(e.actor)}")


for _cls in (K.Formed, K.LocalJoined, K.LocalLeft, K.MembersCounted, K.PositionAdopted,
             K.SlateRun, K.CampaignSupported, K.MemberJoined, K.MemberLeft):
    _dated(_cls, lambda e: e.on)
