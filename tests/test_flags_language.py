"""Votes and the flags raised at every raise site read in the reader's language: a vote's
result, a meeting without quorum or notice, an overdue report, a threat's acts out of order,
a strike without a mandate or a legal position, a raid breaching a pact, an overspent budget
line and a ratification without sign-off. Their English reads exactly as the library wrote it
before phrases; flags stored before phrases read as stored and keep their stored form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from uuid import UUID, uuid4

import attrs
import pytest

from bargaining import (
    Actor,
    BargainingApp,
    Body,
    Flag,
    FlagRule,
    Ladder,
    Quorum,
    Rung,
    RungKind,
    Tally,
    Threshold,
    Vote,
)
from bargaining.domain.coordination.ratification import sign_off_breach
from bargaining.domain.disputes.conditions import position_flags
from bargaining.domain.disputes.intervention import InterventionKind
from bargaining.domain.disputes.strike_position import StrikePositionRule
from bargaining.domain.shared.language import reading_in
from bargaining.domain.shared.phrases import Phrase, amount

NBSP = "\N{NO-BREAK SPACE}"
CHAIR = Actor("o-1", "OSBCU president")


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def _french(phrase: Phrase | Flag) -> str:
    with reading_in("fr"):
        return _plain(phrase.reads if isinstance(phrase, Flag) else phrase.read())


# ------------------------------------------------------------------------------ votes


def test_a_vote_reads_in_french_and_its_english_is_as_released() -> None:
    tally = Tally(eligible=62000, cast=61500, yes=52400, no=9000, spoiled=100)
    vote = Vote(date(2024, 1, 25), tally, quorum=Quorum.share(50))
    assert vote.explain() == (  # the f-string of the release, character for character
        "52400 yes, 9000 no, 100 spoiled of 61500 cast (62000 eligible, members): 85.3% yes "
        "of valid ballots; needs a majority of valid ballots with a quorum of 50% of eligible "
        "voters (turnout 99.2%): carried")
    assert _french(vote.phrase()) == (
        "52 400 pour, 9 000 contre, 100 annulés sur 61 500 votes exprimés (62 000 inscrits, "
        "membres) : 85,3 % de pour parmi les bulletins valides ; exige la majorité des "
        "bulletins valides avec un quorum de 50 % des personnes inscrites (participation de "
        "99,2 %) : adopté")


def test_a_named_bodys_vote_by_two_thirds_with_people_present_reads_in_both() -> None:
    tally = Tally(eligible=120, cast=90, yes=50, no=40, present=95)
    vote = Vote(date(2024, 3, 9), tally, Threshold.two_thirds_of_cast(),
                Quorum.present(100), body=Body.named("Conseil général"))
    assert vote.explain() == (
        "50 yes, 40 no, 0 spoiled of 90 cast (120 eligible, Conseil général): 55.6% yes of "
        "ballots cast; needs two thirds of ballots cast with a quorum of 100 present (95 "
        "present): failed")
    assert _french(vote.phrase()) == (
        "50 pour, 40 contre, 0 annulés sur 90 votes exprimés (120 inscrits, Conseil général) "
        ": 55,6 % de pour parmi les votes exprimés ; exige les deux tiers des votes exprimés "
        "avec un quorum de 100 personnes présentes (95 présentes) : rejeté")
    assert Threshold(60, "eligible", strictly_more=True).describe() == (
        "more than 60% of eligible members")
    with reading_in("fr"):
        assert _plain(Threshold.share_of_eligible(85).phrase().read()) == (
            "au moins 85 % des membres inscrits")


# ------------------------------------------------------------------------------ meetings


def test_a_meeting_without_quorum_reads_in_french_after_the_store_reopens(
    open_app: Callable[..., BargainingApp], store_url: str,
) -> None:
    app = open_app()
    d = app.democracy
    team = d.form_body(organization="Local 79", name="Bargaining team", kind="bargaining team",
                       quorum=Quorum.share(50), actor=CHAIR)
    meeting = d.hold_meeting(team, on=date(2024, 5, 1), notice_days=0, present=2, eligible=6,
                             actor=CHAIR)
    reopened = app if store_url == "memory" else open_app(language="fr")
    [flag] = reopened.democracy.meeting(meeting).flags
    assert flag.rule is FlagRule.NO_QUORUM
    assert flag.why == ("2 of 6 voting members were present (33.3%); the Bargaining team's "
                        "quorum is 50%")
    assert _french(flag) == ("2 des 6 membres votants étaient présents (33,3 %) ; le quorum "
                             "de l’instance Bargaining team est de 50 %")
    assert flag.reads == flag.why  # in English unless asked


# ------------------------------------------------------------------------------ strikes


def test_a_walkout_without_a_mandate_is_flagged_in_french_in_its_history(
    app: BargainingApp,
) -> None:
    osbcu = app.units.register(union="CUPE", local="OSBCU", employer="Ontario school boards",
                               unit_name="Education workers", headcount=55000, actor=CHAIR)
    ladder = Ladder([Rung("strike vote", 85, RungKind.STRIKE_VOTE),
                     Rung("strike", 90, RungKind.STRIKE)])
    campaign = app.campaigns.launch(name="Stand Up", units=osbcu, ladder=ladder,
                                    on=date(2023, 9, 1), actor=CHAIR)
    app.campaigns.enter_strike(campaign, osbcu, on=date(2023, 9, 15), actor=CHAIR)
    [english] = [e.summary for e in app.history.of(campaign) if "walked out" in e.summary]
    assert "no strike vote covering it was recorded by 2023-09-15" in english
    [french] = [_plain(e.summary) for e in app.history.of(campaign, language="fr")
                if e.event != "Launched" and "15 septembre 2023" in e.summary]
    assert "aucun vote de grève la couvrant n’était consigné au 15 septembre 2023" in french
    assert "strike vote covering" not in french


@attrs.frozen
class _Fact:
    kind: InterventionKind
    on: date

    def covers(self, unit_id: UUID) -> bool:
        return True


def test_a_strike_before_the_legal_strike_position_reads_in_french() -> None:
    unit = uuid4()
    rule = StrikePositionRule("Ontario", 17, notice_days=5)
    report = _Fact(InterventionKind.NO_BOARD_REPORT, date(2022, 10, 1))
    [none] = position_flags(unit, date(2022, 10, 20), rule, [report])
    assert none.why == ("struck on 2022-10-20: the 'no board' report of 2022-10-01 gives a "
                        "legal strike position on 2022-10-18, and no strike notice was served "
                        "since (Ontario)")
    assert _french(none) == (
        "en grève le 20 octobre 2022 : l’intervention (avis de non-constitution d’une "
        "commission (« no board »)) du 1er octobre 2022 fait acquérir le droit de grève le "
        "18 octobre 2022, et aucun avis de grève n’a été signifié depuis (Ontario)")
    notice = _Fact(InterventionKind.STRIKE_NOTICE, date(2022, 10, 16))
    [late] = position_flags(unit, date(2022, 10, 20), rule, [report, notice])
    assert late.why == ("struck on 2022-10-20: the strike notice of 2022-10-16 gives a legal "
                        "strike position on 2022-10-21 (5 days' notice) (Ontario)")
    assert _french(late) == ("en grève le 20 octobre 2022 : l’avis de grève du 16 octobre 2022 "
                             "fait acquérir le droit de grève le 21 octobre 2022 (préavis de 5 "
                             "jours) (Ontario)")


# ------------------------------------------------------------------------------ sign-off


def test_a_ratification_without_sign_off_reads_in_french() -> None:
    vote = Vote(date(2026, 4, 20), Tally(eligible=100, cast=80, yes=60, no=20))
    flag = sign_off_breach(vote, failing=["wages"], tentative_number=1,
                           sign_off_required=True, signed_off=False,
                           approved_later_on=date(2026, 4, 22))
    assert flag is not None and flag.why == (
        "tentative agreement 1, below the framework's floor on wages, went to the members' vote "
        "of 2026-04-20 without the committee's sign-off the pact requires; the vote carried; the "
        "committee approved it on 2026-04-22, after the members' vote")
    assert _french(flag) == (
        "l’entente de principe 1, sous le plancher du cahier de revendications pour salaires, a "
        "été soumise au vote des membres du 20 avril 2026 sans l’aval du comité qu’exige le "
        "pacte ; le vote a été adopté ; le comité l’a approuvée le 22 avril 2026, après le vote "
        "des membres")


# ------------------------------------------------------------------------------ budgets


def test_an_amount_in_a_budgets_currency_reads_as_each_language_writes_it() -> None:
    phrase = Phrase.of("{sum}", sum=amount(Decimal("1250000"), "CAD", 2))
    assert phrase.english() == "1,250,000.00 CAD"
    assert _french(phrase) == "1 250 000,00 CAD"
    assert Phrase.of("{sum}", sum=amount(Decimal("1500"), "JPY", 0)).english() == "1,500 JPY"


# ------------------------------------------------------------------------------ stored before


@pytest.mark.parametrize(("rule", "why"), [
    ("met without the body's quorum",
     "2 of 6 voting members were present (33.3%); the Bargaining team's quorum is 50%"),
    ("spent past the budget line's allocation",
     "the line 'Convention' had 40,000.00 CAD allocated; with this, 50,000.00 CAD is spent "
     "from it, 10,000.00 CAD over"),
    ("struck without a valid strike mandate",
     "no strike vote covering it was recorded by 2023-09-15"),
    ("a raid on a unit another signatory represents, breaching their pact",
     "CSN's certification application on 2024-06-01 for a unit FTQ represents, while the "
     "non-raiding pact 'Front commun' was in force (the unit's raiding period is not known)"),
])
def test_a_flag_stored_before_phrases_reads_as_stored_in_french_and_keeps_its_form(
    app: BargainingApp, rule: str, why: str,
) -> None:
    transcoder = app.eventsourcing.mapper.transcoder
    stored = ('{"_type_":"flag","_data_":{"rule":{"_type_":"flag_rule","_data_":'
              + _json(rule) + '},"why":' + _json(why) + "}}").encode()
    flag = transcoder.decode(stored)
    assert isinstance(flag, Flag) and flag.wording is None and flag.rule.value == rule
    with app.reading("fr"):
        assert flag.reads == why
    assert transcoder.encode(flag) == stored


def _json(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False, separators=(",", ":"))


def test_an_overspent_line_and_an_overdue_report_read_in_french(memory_app: BargainingApp) -> None:
    from tests.budget_story import record_budget_story
    from tests.democracy_story import record_democracy_story

    story = record_budget_story(memory_app)
    [flag] = memory_app.budgets.report(story.budget).line("Worksite organizers").flags
    assert flag.why.startswith("the line 'Worksite organizers' has ")
    assert flag.why.endswith(" spent, 10,000.00 CAD over")
    french = _french(flag)
    assert french.startswith("la ligne « Worksite organizers » a ")
    assert french.endswith("soit un dépassement de 10 000,00 CAD")
    body = record_democracy_story(memory_app).body
    [late] = [s.flag for s in memory_app.democracy.reports(body, on=date(2024, 7, 31))
              if s.flag is not None]
    assert " was due on " in late.why and "2024-" in late.why
    assert " était dû le " in _french(late) and "2024-" not in _french(late)


# ------------------------------------------------------------------------------ me-too


def test_a_me_too_entitlement_reads_in_french_and_keeps_its_english() -> None:
    from tests.test_me_too import BIGGER, SMALLER, cluster, owed, table

    found = cluster("Extendicare", "Sienna")
    first = table(found, "Extendicare", SMALLER)
    later = table(found, "Sienna", BIGGER)
    wages = owed(found, later, first)[0]
    assert wages.explanation == (
        "Extendicare is owed Sienna's better wages: 5% a year (increases 5%, 5%, 5%, 5% "
        "compound to 21.6% over 4 years) against 4.2% a year (increases 4%, 4%, 4.5%, 4.5% "
        "compound to 18.1% over 4 years)")
    assert wages.reads == wages.explanation
    with reading_in("fr"):
        french = _plain(wages.reads)
    assert french.startswith("Extendicare a droit à la clause remorque sur salaires, meilleure "
                             "chez Sienna : 5 % par année (")
    assert "4,2 % par année" in french and "a year" not in french
    found.record_me_too(wages, actor=CHAIR, on=date(2026, 3, 1))
    claim = found.me_too_claim(first.unit_id, "wages")
    assert claim is not None
    with reading_in("fr"):
        assert "par année" in claim.explain()


def test_a_me_too_entitlement_stored_before_phrases_reads_as_stored(app: BargainingApp) -> None:
    transcoder = app.eventsourcing.mapper.transcoder
    unit, other = uuid4(), uuid4()
    stored = ('{"_type_":"me_too_entitlement","_data_":{"unit_id":{"_type_":"uuid_hex",'
              f'"_data_":"{unit.hex}"}},"demand":"wages","from_unit_id":{{"_type_":"uuid_hex",'
              f'"_data_":"{other.hex}"}},"explanation":"Extendicare is owed Sienna\'s better '
              'wages: 5% a year"}}').encode()
    found = transcoder.decode(stored)
    assert found.wording is None and found.unit_id == unit
    with app.reading("fr"):
        assert found.reads == "Extendicare is owed Sienna's better wages: 5% a year"
    assert transcoder.encode(found) == stored


# ------------------------------------------------------------------------------ defense


def test_a_threats_flags_and_reach_read_in_french(app: BargainingApp) -> None:
    from bargaining import ThreatOutcome
    from tests.test_defense import ORG, hospitals, threat

    hospitals(app)
    tid = threat(app)
    app.defense.record_outcome(tid, ThreatOutcome.PASSED, on=date(2023, 5, 18),
                               source="royal assent", actor=ORG)
    [flag] = app.defense.record_outcome(tid, "implemented", on=date(2023, 5, 1),
                                        source="first clinic licensed", actor=ORG)
    assert flag.why == "implemented on 2023-05-01, before it was passed on 2023-05-18"
    assert _french(flag) == "mise en œuvre le 1er mai 2023, avant d’avoir été réussi le 18 mai 2023"
    reach = app.defense.reach(tid)
    english = reach.explain()
    assert english.splitlines()[0] == ("Bill 60 (privatization, 2023-02-21, implemented "
                                       "2023-05-01): 3 units, 2,300 workers")
    assert "  OPSEU 5110, Niagara Health (Nurses): 800 workers, expires 2024-03-31" in english
    with app.reading("fr"):
        french = _plain(reach.explain())
    assert french.splitlines()[0] == ("Bill 60 (privatisation, 21 février 2023, mise en œuvre le "
                                      "1er mai 2023) : 3 unités, 2 300 personnes salariées")
    assert ("  OPSEU 5110, Niagara Health (Nurses) : 800 personnes salariées, échéance le 31 "
            "mars 2024") in french


# ------------------------------------------------------------------------------ baseline


def test_a_judgement_against_the_agreement_in_force_reads_in_french(
    memory_app: BargainingApp,
) -> None:
    from bargaining import Clause, Increases, Terms
    from tests.test_baseline import CONTRACTING_OUT, STEWARD

    app = memory_app
    unit = app.units.register(union="SEIU", local="2", employer="Chartwell", unit_name="Home",
                              actor=STEWARD)
    app.units.record_agreement(unit, effective=date(2022, 4, 1), expiry=date(2025, 3, 31),
                               clauses=[CONTRACTING_OUT], terms=Terms.of(wages=Increases([3, 3])),
                               actor=STEWARD)
    offer = Terms.of(**{"contracting-out": Clause(False)}, wages=Increases([2, 2]))
    judged = app.units.judge_against_agreement(unit, offer)
    english = judged.explain()
    assert english.splitlines()[0] == "against the agreement 2022-04-01 to 2025-03-31: 1 concession"
    assert ("  contracting-out (contracting-out): drops the contracting-out clause of the "
            "agreement in force: a concession") in english
    assert ("raises wages by less than the agreement in force: 2% a year against 3% a "
            "year") in english
    with app.reading("fr"):
        french = _plain(judged.explain())
    assert french.splitlines()[0] == ("par rapport à la convention collective du 1er avril 2022 "
                                      "au 31 mars 2025 : 1 concession")
    assert ("  sous-traitance (sous-traitance) : retire la clause sous-traitance de la convention "
            "en vigueur : une concession") in french
    assert ("augmente salaires moins que la convention en vigueur : 2 % par année contre 3 % par "
            "année") in french
