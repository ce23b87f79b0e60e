"""Stories the chart tests draw, recorded through the public API on any store.

The Front commun 2023 and UAW 2023 figures are the design guide's where it gives them (about
420,000 Front commun workers, agreements expiring 2023-03-31 and new ones to 2028-03-31; the Big
Three agreements expiring 2023-09-14; plants added to the strike week by week); how the workers
split between unions and plants is illustrative.
"""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID

from bargaining import Actor, BargainingApp, Outcome, RungKind, Tally, Turnout, Vote

CHAIR = Actor("c-1", "committee co-chair")
ORGANIZER = Actor("o-1", "organizer")

#: (union, local, employer, unit name, sector, workers, expiry): workers illustrative.
FRONT_COMMUN = [
    ("CSN", "FSSS", "Gouvernement du Québec", "health", "health", 160_000, date(2023, 3, 31)),
    ("CSQ", "FSE", "Gouvernement du Québec", "education", "education", 125_000,
     date(2023, 3, 31)),
    ("FTQ", "SCFP", "Gouvernement du Québec", "public sector", "Health ", 75_000,
     date(2023, 3, 31)),
    ("APTS", "", "Gouvernement du Québec", "professionals", "health", 60_000, date(2023, 3, 31)),
]
BIG_THREE = [
    ("UAW", "", "Ford", "master agreement", "auto", 57_000, date(2023, 9, 14)),
    ("UAW", "", "General Motors", "master agreement", "auto", 46_000, date(2023, 9, 14)),
    ("UAW", "", "Stellantis", "master agreement", "auto", 43_000, date(2023, 9, 14)),
]
#: OSBCU's agreement expired before 2023: outside a 2023 timeline.
OSBCU = ("CUPE", "OSBCU", "Ontario school boards", "education workers", "education", 55_000,
         date(2022, 8, 31))


def register(app: BargainingApp, rows: list[tuple[str, str, str, str, str, int, date]]
             ) -> dict[str, UUID]:
    """Register units with their agreements; returns their ids by union."""
    ids = {}
    for union, local, employer, name, sector, workers, expiry in rows:
        uid = app.units.register(union=union, local=local, employer=employer, unit_name=name,
                                 sector=sector, headcount=workers, actor=CHAIR)
        app.units.record_agreement(uid, expiry=expiry, actor=CHAIR)
        ids[union if union != "UAW" else employer] = uid
    return ids


def front_commun_cluster(app: BargainingApp, units: dict[str, UUID]) -> UUID:
    cluster = app.clusters.form(
        name="Front commun 2023", sectors=["health", "education", "public sector"],
        committee=[CHAIR], window_start=date(2023, 3, 1), window_end=date(2023, 4, 30),
        target_alignment=date(2028, 3, 31), actor=CHAIR, on=date(2022, 10, 1))
    for name in ("CSN", "CSQ", "FTQ", "APTS"):
        app.clusters.admit(cluster, units[name], actor=CHAIR, on=date(2022, 10, 1))
    return cluster


#: The Stand Up Strike's plants as the escalation feature tells it (headcounts illustrative).
PLANTS = [("Wentzville", "GM", 3_600, date(2023, 9, 15)),
          ("Toledo", "Stellantis", 5_800, date(2023, 9, 22)),
          ("Chicago", "Ford", 4_600, date(2023, 9, 29))]


def stand_up_strike(app: BargainingApp) -> tuple[UUID, dict[str, UUID]]:
    """Three plants walk out a week apart; Wentzville returns on 2023-10-30 and the campaign
    concludes on 2023-11-06 (the others back that day)."""
    plants = {}
    for name, company, workers, _ in PLANTS:
        plants[name] = app.units.register(union="UAW", local="", employer=company,
                                          unit_name=name, headcount=workers, actor=CHAIR)
    campaign = app.campaigns.launch(name="Stand Up Strike", units=list(plants.values()),
                                    on=date(2023, 7, 13), actor=CHAIR)
    climb_to_strike(app, campaign, list(plants.values()), date(2023, 7, 13))
    for name, _, _, walked_out in PLANTS:
        app.campaigns.enter_strike(campaign, plants[name], on=walked_out, actor=CHAIR)
    app.campaigns.return_from_strike(campaign, plants["Wentzville"], on=date(2023, 10, 30),
                                     actor=CHAIR)
    app.campaigns.conclude(campaign, Outcome.WON, on=date(2023, 11, 6), actor=CHAIR,
                           reason="record agreements ratified")
    return campaign, plants


def climb_to_strike(app: BargainingApp, campaign: UUID, units: list[UUID], on: date) -> date:
    """Climb the default ladder a rung a day on 95% everywhere, with a 95% strike vote."""
    found = app.campaigns.get(campaign)
    while found.next_rung is not None:
        on += timedelta(days=1)
        if found.rung.kind is RungKind.STRIKE_VOTE:
            app.campaigns.record_mandate(
                campaign, Vote(on, Tally(eligible=100, cast=100, yes=95, no=5)), actor=CHAIR,
                scope="a strike")
        else:
            number = app.campaigns.plan_action(campaign, name=found.rung.name,
                                               rung=found.rung.name, on=on, actor=ORGANIZER)
            app.campaigns.hold_action(campaign, number, [Turnout(u, 100, 95) for u in units],
                                      actor=ORGANIZER)
        app.campaigns.escalate(campaign, on=on, actor=CHAIR)
        found = app.campaigns.get(campaign)
    return on


def climb_on(app: BargainingApp, campaign: UUID, units: list[UUID], days: list[date]) -> None:
    """On each day, hold a test of the current rung at 95 of 100 in every unit, and climb."""
    for on in days:
        rung = app.campaigns.get(campaign).rung.name
        number = app.campaigns.plan_action(campaign, name=rung, rung=rung, on=on,
                                           actor=ORGANIZER)
        app.campaigns.hold_action(campaign, number, [Turnout(u, 100, 95) for u in units],
                                  actor=ORGANIZER)
        app.campaigns.escalate(campaign, on=on, actor=CHAIR)


#: budgets.feature's goals, by rank once ratified (the figures there are illustrative, in CAD).
GOALS = ("Win safe staffing ratios", "Organize the unorganized in long-term care",
         "Stop the privatization of home care")
#: budgets.feature's 2025 budget: (line, category, goals by rank, allocated, spent, spent on).
BUDGET_2025 = [
    ("Worksite organizers", "organizing capacity", (1,), "200000", "215000", date(2025, 11, 28)),
    ("Local bargaining support", "local support", (0,), "70000", "95000", date(2025, 10, 3)),
    ("Convention and elections", "governance and internal politics", (0, 1, 2), "180000",
     "120000", date(2025, 5, 24)),
    ("Communications", "communications", (2,), "240000", "240000", date(2025, 9, 12)),
    ("Administration", "administration", (0, 1, 2), "330000", "330000", date(2025, 12, 15)),
]


def budget_2025(app: BargainingApp) -> UUID:
    """budgets.feature's 2025 budget: goals ratified on 2024-10-19, allocations approved by
    the delegates on 2024-11-30, 30,000.00 moved to local bargaining support on 2025-06-14,
    and the year's spending (one line overspent). Returns the budget's id."""
    from bargaining import Body, Money

    treasurer = Actor("t-1", "secretary-treasurer")
    goals = app.budgets.open_goals(name="Caucus goals", actor=treasurer)
    ids = [app.budgets.propose_goal(goals, title=title, on=date(2024, 9, 14), actor=treasurer)
           for title in GOALS]
    app.budgets.ratify_goals(goals, ranking=ids, actor=treasurer, vote=Vote(
        date(2024, 10, 19), Tally(eligible=4_000, cast=2_200, yes=1_800, no=380, spoiled=20)))
    budget = app.budgets.open_budget(name="2025 budget", goals=goals, body=Body.delegates(),
                                     currency="CAD", starts=date(2025, 1, 1),
                                     ends=date(2025, 12, 31), actor=treasurer)

    def delegates(on: date) -> Vote:
        return Vote(on, Tally(eligible=300, cast=280, yes=230, no=50), body=Body.delegates())

    for line, category, served, _, _, _ in BUDGET_2025:
        app.budgets.add_line(budget, name=line, category=category,
                             goals=[ids[g] for g in served], actor=treasurer)
    app.budgets.approve_allocations(
        budget, {line: Money(allocated, "CAD") for line, _, _, allocated, _, _ in BUDGET_2025},
        vote=delegates(date(2024, 11, 30)), actor=treasurer)
    app.budgets.reallocate(budget, from_line="Convention and elections",
                           to_line="Local bargaining support", amount=Money("30000", "CAD"),
                           vote=delegates(date(2025, 6, 14)), actor=treasurer)
    for line, _, _, _, spent, on in BUDGET_2025:
        app.budgets.record_spending(budget, line=line, amount=Money(spent, "CAD"), on=on,
                                    payee="staff", source=f"ledger {on}", actor=treasurer)
    return budget
