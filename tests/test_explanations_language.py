"""An offer's evaluation, recorded with the offer, reads in the reader's language: kept as a
phrase (its figures and their kinds), worded when read; verdicts stored before phrases are
reworded from the figures their English sentence holds, or read as stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bargaining import (
    Actor,
    Amount,
    BargainingApp,
    Category,
    CompoundIncrease,
    Demand,
    Increases,
    Quantity,
    TableKind,
    Tally,
    Terms,
    Vote,
    Years,
)
from bargaining.domain.frameworks.evaluation import DemandVerdict, Evaluation, evaluate
from bargaining.domain.frameworks.measures import Binds, TermLength
from bargaining.domain.frameworks.rewording import reworded
from bargaining.domain.shared.language import reading_in
from bargaining.domain.shared.phrases import Phrase

COMMITTEE = Actor("fc-1", "coordinating committee")
NBSP = "\N{NO-BREAK SPACE}"
#: The Front commun's wage floor (16.4% projected inflation) and the government's first
#: offer: 9% over five years (illustrative yearly steps).
DEMANDS = [Demand("wages", Category.WAGES, CompoundIncrease(floor=16.4, target=21.5)),
           Demand("class size", Category.STAFFING,
                  Quantity("students", 22, 20, more_is_better=False)),
           Demand("term", Category.TERM, TermLength(3, 3))]
OFFER = Terms.of(wages=Increases([1.5, 1.5, 2, 2, 2]), **{"class size": Amount(24)},
                 term=Years(5))
ENGLISH_WAGES = ("increases 1.5%, 1.5%, 2%, 2%, 2% compound to 9.3% over 5 years; floor 16.4%: "
                 "7.1 points below floor; that is 1.8% a year")


def _french(text: str) -> str:
    return text.replace(NBSP, " ")


def test_an_evaluation_reads_in_english_as_it_always_did_and_in_french() -> None:
    evaluation = evaluate("Front commun 2023", 1, DEMANDS, OFFER)
    wages = evaluation.verdict_for("wages")
    assert wages.explanation == ENGLISH_WAGES
    assert wages.explained == ENGLISH_WAGES
    with reading_in("fr"):
        french = _french(evaluation.explain())
    assert ("salaires (salaires) : sous le plancher : hausses de 1,5 %, 1,5 %, 2 %, 2 %, 2 %, "
            "soit 9,3 % composé sur 5 ans ; plancher de 16,4 % : 7,1 points sous le plancher ; "
            "soit 1,8 % par année") in french
    assert "une convention de 5 ans ; plancher de 3 ans : 2 ans au-delà du plancher" in french
    assert french.startswith("Front commun 2023 v1 : sous le plancher")
    assert "floor" not in french and "increases" not in french


def test_an_offer_recorded_with_its_evaluation_reads_in_french_after_the_store_reopens(
    open_app: Callable[..., BargainingApp], store_url: str,
) -> None:
    app = open_app()
    framework = app.frameworks.draft(name="Front commun 2023", sectors=["public"],
                                     demands=DEMANDS, actor=COMMITTEE)
    app.frameworks.record_vote(framework, 1, Vote(date(2022, 10, 1), Tally(
        eligible=100, cast=90, yes=80, no=10)), actor=COMMITTEE)
    cluster = app.clusters.form(name="Front commun 2023", sectors=["public"],
                                committee=[COMMITTEE], window_start=date(2023, 3, 1),
                                window_end=date(2023, 4, 30), target_alignment=date(2028, 3, 31),
                                actor=COMMITTEE, on=date(2022, 9, 15))
    app.clusters.adopt_framework(cluster, framework, 1, actor=COMMITTEE, on=date(2022, 10, 1))
    unit = app.units.register(union="CSN", local="", employer="Gouvernement du Québec",
                              unit_name="santé", sector="health", region="QC", headcount=1000,
                              actor=COMMITTEE)
    app.units.record_agreement(unit, effective=date(2020, 4, 1), expiry=date(2023, 3, 31),
                               actor=COMMITTEE)
    app.clusters.admit(cluster, unit, actor=COMMITTEE, on=date(2022, 9, 15))
    table = app.rounds.open_table(units=[unit], kind=TableKind.CENTRAL, name="Front commun",
                                  on=date(2022, 10, 28), cluster=cluster, actor=COMMITTEE)
    app.rounds.record_offer(table, OFFER, on=date(2022, 12, 15), actor=COMMITTEE)
    # a memory store lives in its application: there the same one reads it back
    reopened = app if store_url == "memory" else open_app(language="fr")
    stored = reopened.rounds.get(table).offers[-1].evaluation
    assert stored is not None and stored.verdict_for("wages").wording is not None
    with reopened.reading("fr"):
        assert "plancher de 16,4 % : 7,1 points sous le plancher" in _french(stored.explain())
    with reopened.reading("en"):
        assert ENGLISH_WAGES in stored.explain()


#: Explanations as release 0.1 stored them (tests/release_stores/v0.1), and today's forms.
STORED_BEFORE = {
    "increases 2%, 2%, 2% compound to 6.1% over 3 years; floor 10%: 3.9 points below floor":
        "hausses de 2 %, 2 %, 2 %, soit 6,1 % composé sur 3 ans ; plancher de 10 % : 3,9 points "
        "sous le plancher",
    "increases 4%, 4%, 4% compound to 12.5% over 3 years; floor 10%, target 15%: meets floor, "
    "short of target":
        "hausses de 4 %, 4 %, 4 %, soit 12,5 % composé sur 3 ans ; plancher de 10 %, cible de "
        "15 % : atteint le plancher, sans atteindre la cible",
    "the clause 'no two-tier' is missing from the terms":
        "la clause « aucune disparité de traitement » est absente des conditions",
    ENGLISH_WAGES:
        "hausses de 1,5 %, 1,5 %, 2 %, 2 %, 2 %, soit 9,3 % composé sur 5 ans ; plancher de "
        "16,4 % : 7,1 points sous le plancher ; soit 1,8 % par année",
}


@pytest.mark.parametrize("english", list(STORED_BEFORE))
def test_an_explanation_stored_before_phrases_is_reworded_from_its_figures(english: str) -> None:
    verdict = DemandVerdict("wages", Category.WAGES, _any_verdict(), english)
    with reading_in("fr"):
        assert _french(verdict.explained) == STORED_BEFORE[english]
    assert verdict.explained == english


def test_an_explanation_no_pattern_reads_stays_in_english_as_stored() -> None:
    odd = "increases 2%, 2% compound to 4% over 2 years; floor 10%: 6 points below the floor"
    with reading_in("fr"):
        assert reworded(odd) == odd


def test_a_release_0_1_evaluation_reads_reworded_in_french(tmp_path: object) -> None:
    import shutil
    from pathlib import Path
    from uuid import UUID

    from tests.test_release_stores import EXPECTED, V0_1

    copy = Path(str(tmp_path)) / "plain.sqlite"
    shutil.copy(V0_1 / "plain.sqlite", copy)
    app = BargainingApp(str(copy), language="fr")
    try:
        read = []
        for rid in EXPECTED["plain"]["records"]["rounds"].values():
            found = app.rounds.get(UUID(rid))
            evaluations: list[Evaluation | None] = [o.evaluation for o in found.offers]
            if found.tentative is not None:
                evaluations.append(found.tentative.evaluation)
            with app.reading():
                read += [_french(e.explain()) for e in evaluations if e is not None]
        assert read, "release 0.1's store holds evaluations"
        assert any("plancher de 10 %" in text for text in read), read
        assert not any("floor" in text for text in read), read
    finally:
        app.close()


def _any_verdict() -> object:
    from bargaining.domain.frameworks.evaluation import Verdict

    return Verdict.BELOW_FLOOR


@given(yearly=st.lists(st.decimals(min_value=Decimal("-5"), max_value=Decimal("12"), places=1),
                       min_size=1, max_size=6),
       floor=st.decimals(min_value=Decimal("0"), max_value=Decimal("30"), places=1),
       more=st.decimals(min_value=Decimal("0"), max_value=Decimal("10"), places=1),
       binds=st.sampled_from([Binds.TERM, Binds.YEARLY]))
def test_a_phrase_writes_the_english_sentence_and_rewords_back_alike(
    yearly: list[Decimal], floor: Decimal, more: Decimal, binds: Binds,
) -> None:
    demand = Demand("wages", Category.WAGES,
                    CompoundIncrease(floor=floor, target=floor + more, binds=binds))
    verdict = evaluate("f", 1, [demand], Terms.of(wages=Increases(yearly))).verdicts[0]
    assert isinstance(verdict.wording, Phrase)
    assert verdict.wording.english() == verdict.explanation
    with reading_in("fr"):
        french = verdict.explained
        assert reworded(verdict.explanation) == french
    assert "%" in french and "floor" not in french


def test_french_is_set_with_no_break_spaces_and_a_hosts_words_are_left_as_written() -> None:
    from bargaining.domain.shared.language import translate

    with reading_in("fr"):
        line = translate("{name}: not settled", name="Table « A » : B ; C")
        assert line == f"Table « A » : B ; C{NBSP}: non réglé"
        assert translate("{table} '{name}'", table="la table", name="X") == (
            f"la table «{NBSP}X{NBSP}»")
    assert translate("{name}: not settled", name="A") == "A: not settled"
