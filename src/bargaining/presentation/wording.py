"""What every summary module shares: the table each fills with its summaries, the aggregates'
event classes read as ``Any``, and the phrasings summaries have in common (who acted, counts,
lists, votes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any
from uuid import UUID

from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.coordination.cluster import BargainingCluster
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.coordination.tables import TableKind
from bargaining.domain.frameworks.framework import DemandFramework
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.language import (
    Language,
    current_language,
    format_day,
    format_number,
    gettext,
    gettext_if_known,
    mark,
    mark_plural,
    plural,
    translate,
)
from bargaining.domain.shared.text import RedactedText
from bargaining.domain.shared.vote import Vote
from bargaining.domain.units.unit import BargainingUnit

#: Resolves another record's id to its display name (a unit's label, a cluster's name ...).
Names = Callable[[UUID], str]
Summary = Callable[[Any, Names], str]
#: Reads the real-world date of an event's fact.
DateOf = Callable[[Any], date | None]

# Event classes are made at run time by eventsourcing's @event, so type checkers cannot see
# them as attributes: these aliases read them as Any.
U: Any = BargainingUnit
F: Any = DemandFramework
C: Any = BargainingCluster
R: Any = BargainingRound
K: Any = Campaign


class SummaryTable:
    """Summaries and real-world dates by event class, as one module registers them.

    Each summary module fills a table of its own as it is defined, and the public module
    ``summaries`` joins the tables: what is registered never depends on which module was
    imported first, and an event class summarized in two modules is refused."""

    def __init__(self) -> None:
        self.summaries: dict[type[Any], Summary] = {}
        self.dates: dict[type[Any], DateOf] = {}

    def summary(self, *classes: type[Any]) -> Callable[[Summary], Summary]:
        """Register the decorated function as the summary of events of these classes."""

        def register(how: Summary) -> Summary:
            for cls in classes:
                self.summaries[cls] = how
            return how

        return register

    def dated(self, cls: type[Any], when: DateOf) -> None:
        """Events of this class carry the real-world date of their fact: ``when`` reads it."""
        self.dates[cls] = when

    @classmethod
    def joined(cls, *tables: SummaryTable) -> SummaryTable:
        """One table holding all of several."""
        whole = cls()
        for table in tables:
            twice = (whole.summaries.keys() & table.summaries.keys()) | (
                whole.dates.keys() & table.dates.keys())
            if twice:
                names = ", ".join(sorted(c.__qualname__ for c in twice))
                raise ValueError(f"event classes summarized twice: {names}")
            whole.summaries.update(table.summaries)
            whole.dates.update(table.dates)
        return whole


def by(actor: Actor | None) -> str:
    """'by the data steward': the actor's role, which is what organizers recognise. A role is
    the host's own words, so it is not translated: French quotes it (``par « data steward »``)
    unless the host wrote it with a French article (``par le comité``)."""
    if actor is None:
        return ""
    role = actor.role
    if current_language() is Language.FRENCH:
        if role.casefold().startswith(("le ", "la ", "les ", "l'", "l\u2019", "un ", "une ")):
            return f"par {role}"
        bare = role.removeprefix("the ").removeprefix("The ")
        return f"par «\u00a0{bare}\u00a0»"  # French guillemets hold no-break spaces
    if role.casefold().startswith(("the ", "a ", "an ")):
        return f"by {role}"
    return f"by the {role}"


def listing(items: Iterable[str]) -> str:
    """Items in one line, separated by commas."""
    return ", ".join(items)


def word(value: str) -> str:
    """One of the domain's words kept as an English value (an enum's value, a verdict, a
    rule), in the reader's language: the catalog holds each."""
    return gettext(value)


def free_text(value: str) -> str:
    """Free text as written, or the redaction mark in the reader's language once a decision
    (or the erasure of the person it was bound to) made it unreadable."""
    return gettext(value) if isinstance(value, RedactedText) else value


def known_word(value: str) -> str:
    """A host's own key (a demand's key: ``wages``, ``workload``) in the reader's language
    when the catalog knows it as one of the domain's words; else as the host wrote it."""
    return gettext_if_known(value)


#: The singular and plural of every noun :func:`count_of` counts, as catalog messages.
NOUNS: dict[str, tuple[str, str]] = {
    "worker": mark_plural("{count} worker", "{count} workers"),
    "term": mark_plural("{count} term", "{count} terms"),
    "clause": mark_plural("{count} clause", "{count} clauses"),
    "demand": mark_plural("{count} demand", "{count} demands"),
    "unit": mark_plural("{count} unit", "{count} units"),
    "rung": mark_plural("{count} rung", "{count} rungs"),
    "named unit": mark_plural("{count} named unit", "{count} named units"),
    "action": mark_plural("{count} action", "{count} actions"),
    "message": mark_plural("{count} message", "{count} messages"),
    "role": mark_plural("{count} role", "{count} roles"),
    "person": mark_plural("{count} person", "{count} persons"),
    "goal": mark_plural("{count} goal", "{count} goals"),
    "line": mark_plural("{count} line", "{count} lines"),
    "commitment": mark_plural("{count} commitment", "{count} commitments"),
    "ballot": mark_plural("{count} ballot", "{count} ballots"),
    "challenged ballot": mark_plural("{count} challenged ballot", "{count} challenged ballots"),
    "member": mark_plural("{count} member", "{count} members"),
    "contact": mark_plural("{count} contact", "{count} contacts"),
    "leader": mark_plural("{count} leader", "{count} leaders"),
    "decision": mark_plural("{count} decision", "{count} decisions"),
    "report": mark_plural("{count} report", "{count} reports"),
    "new activist": mark_plural("{count} new activist", "{count} new activists"),
    "holder": mark_plural("{count} holder", "{count} holders"),
    "work plan": mark_plural("{count} work plan", "{count} work plans"),
    "call": mark_plural("{count} call", "{count} calls"),
    "step": mark_plural("{count} step", "{count} steps"),
}

#: The domain's words that records keep as English values (verdicts, rules, outcomes,
#: demand categories, the default ladder's rungs), marked so the catalog translates each:
#: history writes them with :func:`word` (or :func:`known_word` where a host may use its own).
DOMAIN_WORDS: tuple[str, ...] = (
    # what people's data was read through
    mark("history"), mark("audit log"), mark("report"),
    # why free text was redacted
    mark("it was about a person"), mark("the person it concerned asked"),
    mark("it could harm someone if read"), mark("it was recorded by mistake"),
    # verdicts of an evaluation
    mark("meets target"), mark("meets floor"), mark("missing"), mark("below floor"),
    # how returns combine
    mark("all ballots together"), mark("a majority of units"),
    mark("all ballots together and a majority of units"),
    # a pact's rules
    mark("sign-off below a floor"), mark("no deal until every table settles"),
    mark("me-too"), mark("non-raiding"), mark("me-too within the same employer"),
    # what an evaluation's explanation names: the no two-tier clause, what divides a tiered
    # term's workers, what a wage is paid per
    mark("no two-tier"), mark("hire date"), mark("employment status"), mark("benefit plan"),
    mark("hour"), mark("week"), mark("year"),
    # where a bargaining table stands, and a me-too claim
    mark("open"), mark("at tentative agreement"), mark("awaiting sign-off"),
    mark("owed"), mark("claimed"), mark("waived"),
    # where a campaign stands, and how it ends
    mark("active"), mark("paused"), mark("concluded"),
    mark("won"), mark("settled"), mark("defeated"), mark("withdrawn"),
    # demand categories and the matters a table bargains
    mark("wages"), mark("staffing"), mark("workload"), mark("contracting-out"),
    mark("benefits"), mark("pensions"), mark("job security"), mark("term"),
    # the default escalation ladder
    mark("organizing meeting"), mark("union cards / sign-up"), mark("majority petition"),
    mark("wear the union colours"), mark("rally or march on the boss"),
    mark("overtime ban / work-to-rule"), mark("strike vote"), mark("strike"),
    # what a budget line's money is for, and a goal's standing
    mark("organizing capacity"), mark("local support"), mark("training"),
    mark("rapid response"), mark("communications"), mark("governance and internal politics"),
    mark("administration"), mark("proposed"), mark("ratified"),
    # a strike mandate's usual scope
    mark("up to and including an unlimited general strike"),
    # who votes, and the bodies of a union's democracy
    mark("members"), mark("delegates"), mark("general assembly"), mark("executive"),
    mark("coordinating committee"), mark("named body"), mark("executive board"),
    mark("bargaining team"), mark("assembly"), mark("congress"),
    # how a role is filled, and by whom
    mark("election"), mark("appointment"), mark("acclamation"),
    mark("rank-and-file member"), mark("elected officer"),
    # documents, and reports due
    mark("platform"), mark("strategy paper"), mark("budget"), mark("policy"), mark("other"),
    mark("filed on time"), mark("filed late"), mark("overdue"), mark("not yet due"),
    # area teams
    mark("region"), mark("sector"), mark("organizer"), mark("volunteer"),
    # threats to public services, and what answers them
    mark("privatization"), mark("contracting out"), mark("cuts"), mark("closure"),
    mark("legislation"), mark("implemented"),
    mark("referendum"), mark("petition"), mark("town hall"), mark("demonstration"),
    mark("boycott call"), mark("legal complaint"),
    mark("service hours lost"), mark("beds"), mark("days of waiting"), mark("jobs"),
    # who is paid
    mark("staff"), mark("vendor"), mark("member reimbursement"), mark("grant to a local"),
    # the state's and the employer's moves, and what laws do
    mark("strike notice served"), mark("conciliation requested"),
    mark("'no board' report issued"), mark("lockout declared"), mark("lockout ended"),
    mark("mediation-arbitration imposed"), mark("forced vote on the employer's last offer"),
    mark("bans strikes"), mark("imposes a contract"), mark("orders a return to work"),
    mark("imposes mediation-arbitration"),
    # raids, and the solidarity actions the library names
    mark("certification application"), mark("membership drive"),
    mark("joined a picket line"), mark("strike fund transfer"),
    # the rules a fact is flagged under
    mark("struck without a valid strike mandate"),
    mark("struck before the campaign reached its strike rung"),
    mark("struck while an agreement was in force"),
    mark("struck while a law banning strikes or imposing a contract was in force"),
    mark("struck before the legal strike position"),
    mark("struck while the campaign was paused"),
    mark("dated out of order in its threat's life"),
    mark("spent past the budget line's allocation"), mark("spent outside the budget's period"),
    mark("met with less notice than the body's rules require"),
    mark("met without the body's quorum"), mark("a report not filed when it was due"),
    mark("a raid on a unit another signatory represents, breaching their pact"),
    mark("put to the members' vote below the framework's floor without the cluster's "
         "sign-off"),
    mark("certified short of the jurisdiction's threshold as the host configured it"),
    # how a union is certified
    mark("card check"), mark("certification vote"),
)


def body_words(body: Any) -> str:
    """A voting body in words: its name as the host gave it, or its kind in the reader's
    language."""
    return body.name or word(body.kind.value)


def flagged(flags: Iterable[Any]) -> str:
    """'; flagged: ' and the rules a fact was flagged under, or nothing when none were."""
    rules = [known_word(flag.rule.value) for flag in flags]
    return translate("; flagged: {why}", why="; ".join(rules)) if rules else ""


def count_of(number: int, what: str) -> str:
    """A count with its noun, plural unless the count is one, thousands separated. A noun of
    :data:`NOUNS` is written in the reader's language; another stays English (add it there)."""
    forms = NOUNS.get(what)
    if forms is None:
        return f"{format_number(number)} {what}{'' if number == 1 else 's'}"
    return plural(*forms, number)


def table_name(kind: TableKind, name: str | None) -> str:
    """How organizers name a table: "the central table 'Front commun'", "la table
    centrale « Front commun »"."""
    titles = {
        TableKind.LOCAL: gettext("the local table"),
        TableKind.SECTORAL: gettext("the sectoral table"),
        TableKind.CENTRAL: gettext("the central table"),
        TableKind.MASTER: gettext("the master table"),
    }
    title = titles[kind]
    if not name:
        return title
    return translate("{table} '{name}'", table=title, name=name)


def vote_text(vote: Vote) -> str:
    """A vote in one phrase: the day it was held, its tally, and whether it carried."""
    t = vote.tally
    return translate(
        "vote held {held_on}: {yes} yes, {no} no of {cast} cast ({eligible} eligible), "
        "{outcome}",
        held_on=format_day(vote.held_on), yes=format_number(t.yes), no=format_number(t.no),
        cast=format_number(t.cast), eligible=format_number(t.eligible),
        outcome=gettext("carried") if vote.passed else gettext("failed"))
