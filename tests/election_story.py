"""An elections story that records every kind of event of elections and caucuses (and, later
in the file, of pacts), through the application's commands: for the history, audit log and
snapshot tests."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from bargaining import PICKET_LINE, STRIKE_FUND, Actor, BargainingApp, Body, Money, Tally, Vote

MONITOR = Actor("mon-1", "election monitor")
ORGANIZER = Actor("org-7", "caucus organizer")


def record_election_story(app: BargainingApp) -> UUID:
    """A caucus through its life (joined, counted, left, a position by vote, a slate); an
    election that goes to a runoff, and the runoff declared. Returns the caucus's id (the
    history story has it support a campaign once the campaign is recorded)."""
    caucus = app.caucuses.form(name="Rank and file", unions=["UAW", "CUPE"],
                               on=date(2022, 1, 8), origin="the 2021 strike wave",
                               actor=ORGANIZER)
    app.caucuses.join(caucus, local="Local 600", members=300, on=date(2022, 2, 1),
                      actor=ORGANIZER)
    app.caucuses.join(caucus, local="Local 79", members=120, on=date(2022, 2, 1),
                      actor=ORGANIZER)
    app.caucuses.count_members(caucus, local="Local 600", members=340, on=date(2022, 6, 1),
                               actor=ORGANIZER)
    app.caucuses.enrol(caucus, person="m-5001", on=date(2022, 3, 1), actor=ORGANIZER)
    app.caucuses.withdraw(caucus, person="m-5001", on=date(2022, 8, 1), actor=ORGANIZER,
                          reason="left the plant")
    app.caucuses.leave(caucus, local="Local 79", on=date(2022, 9, 1), actor=ORGANIZER,
                       reason="its members voted to leave")
    app.caucuses.adopt_position(
        caucus, title="One member, one vote", on=date(2022, 3, 5), actor=ORGANIZER,
        vote=Vote(date(2022, 3, 5), Tally(eligible=60, cast=50, yes=45, no=5),
                  body=Body.named("caucus assembly")))

    first = app.elections.open(office="Regional director", body=Body.delegates(),
                               actor=MONITOR)
    app.caucuses.run_slate(caucus, slate="Members First", election=first,
                           on=date(2022, 10, 1), actor=ORGANIZER)
    for candidate, slate in (("c-1", "Members First"), ("c-2", "Incumbents"), ("c-3", None)):
        app.elections.nominate(first, candidate=candidate, slate=slate,
                               backed_by=[caucus] if candidate == "c-1" else [],
                               actor=MONITOR)
    app.elections.record_return(first, box="Delegates' hall", ballots=100,
                                votes={"c-1": 40, "c-2": 35, "c-3": 20}, challenged=3,
                                spoiled=2, on=date(2022, 12, 1), actor=MONITOR)
    app.elections.resolve_challenges(first, counted={"c-3": 2}, rejected=1,
                                     on=date(2022, 12, 2), actor=MONITOR)
    runoff = app.elections.call_runoff(first, on=date(2022, 12, 3), actor=MONITOR,
                                       reason="no one has a majority")
    app.elections.record_return(runoff, box="Delegates' hall", ballots=100,
                                votes={"c-1": 60, "c-2": 40}, on=date(2023, 1, 10),
                                actor=MONITOR)
    app.elections.declare(runoff, candidate="c-1", on=date(2023, 1, 10), actor=MONITOR)
    return caucus


def record_pact_story(app: BargainingApp) -> UUID:
    """A non-raiding pact signed and joined, a raid flagged as a breach, a picket line joined
    and a strike fund transfer. Returns the pact's id."""
    pact = app.solidarity.sign(name="Front commun 2023",
                               signatories={"CSN": ["no raids"], "CSQ": ["no raids"]},
                               on=date(2022, 5, 5), non_raiding=True, jurisdiction="QC",
                               actor=ORGANIZER)
    app.solidarity.join(pact, signatory="FTQ", commits=["no raids", "a common table"],
                        on=date(2022, 5, 10), actor=ORGANIZER)
    app.solidarity.record_raid(pact, by="FTQ", against="CSN", unit="Cleaners, CHUM",
                               kind="membership drive", on=date(2022, 6, 1),
                               expiry=date(2023, 3, 31), source="leaflet", actor=ORGANIZER)
    app.solidarity.record_action(pact, by="CSQ local 12", supporting="CSN", kind=PICKET_LINE,
                                 on=date(2023, 11, 21), people=40, actor=ORGANIZER)
    app.solidarity.record_action(pact, by="FTQ", supporting="CSN", kind=STRIKE_FUND,
                                 on=date(2023, 12, 1), amount=Money("25000", "CAD"),
                                 actor=ORGANIZER)
    return pact
