"""Étapes de front_commun.fr.feature : le Front commun de 2023, lu en français.

The steps speak French as the feature does; what they check is the history the library
writes in French. Numbers in the feature are written with plain spaces where the library
writes no-break spaces (as Quebec typography does): the steps compare them as spaces.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

import pytest
from pytest_bdd import given, parsers, then, when

from bargaining import (
    Actor,
    BargainingApp,
    Category,
    CompoundIncrease,
    Demand,
    Increases,
    PlannedUnit,
    TableKind,
    Tally,
    Terms,
    Turnout,
    Vote,
)

COMITE = Actor("fc-1", "le comité de coordination du Front commun")
POUR = Tally(eligible=100, cast=90, yes=80, no=10)


@dataclass
class FrontCommun:
    app: BargainingApp
    regroupement: UUID | None = None
    unites: dict[str, UUID] = field(default_factory=dict)
    table: UUID | None = None
    campagne: UUID | None = None
    lu: str = ""


@pytest.fixture
def front() -> Iterator[FrontCommun]:
    app = BargainingApp("memory")
    yield FrontCommun(app)
    app.close()


def _jour(texte: str) -> date:
    return date.fromisoformat(texte.strip())


def _nombre(texte: str) -> int:
    return int(texte.replace(" ", "").replace("\xa0", ""))


def _espaces(texte: str) -> str:
    return texte.replace("\xa0", " ").replace("\u202f", " ")


@given(parsers.parse("le regroupement « {nom} » formé le {le}, avec un plancher salarial de "
                     "16,4 % sur la durée de la convention"))
def regroupement(front: FrontCommun, nom: str, le: str) -> None:
    app = front.app
    cahier = app.frameworks.draft(
        name=nom, sectors=["secteur public"], actor=COMITE,
        demands=[Demand("wages", Category.WAGES, CompoundIncrease(floor=16.4, target=21.5))])
    app.frameworks.record_vote(cahier, 1, Vote(date(2022, 10, 1), POUR), actor=COMITE)
    front.regroupement = app.clusters.form(
        name=nom, sectors=["secteur public"], committee=[COMITE], window_start=date(2023, 3, 1),
        window_end=date(2023, 4, 30), target_alignment=date(2028, 3, 31), actor=COMITE,
        on=_jour(le))
    app.clusters.adopt_framework(front.regroupement, cahier, 1, actor=COMITE,
                                 on=date(2022, 10, 1))


@given(parsers.parse("ces unités de négociation du Front commun, chacune avec une convention "
                     "collective du {debut} au {fin} :"))
def unites(front: FrontCommun, debut: str, fin: str, datatable: list[list[str]]) -> None:
    assert front.regroupement is not None
    for nom, syndicat, secteur in (row for row in datatable[1:]):
        uid = front.app.units.register(union=syndicat, local="",
                                       employer="Gouvernement du Québec", unit_name=nom,
                                       sector=secteur, region="QC", headcount=1000,
                                       actor=COMITE)
        front.app.units.record_agreement(uid, effective=_jour(debut), expiry=_jour(fin),
                                         actor=COMITE)
        front.app.clusters.admit(front.regroupement, uid, actor=COMITE, on=date(2022, 9, 15))
        front.unites[nom] = uid


@given(parsers.parse("une table centrale « {nom} » ouverte le {le} pour toutes ces unités"))
def table_centrale(front: FrontCommun, nom: str, le: str) -> None:
    front.table = front.app.rounds.open_table(
        units=list(front.unites.values()), kind=TableKind.CENTRAL,
        matters=[Category.WAGES, Category.PENSIONS, Category.BENEFITS, Category.TERM],
        name=nom, on=_jour(le), cluster=front.regroupement, actor=COMITE)


@when(parsers.parse("l’entente de principe est conclue à la table centrale le {le} : des "
                    "hausses de {hausses} du {debut} au {fin}"))
def entente_de_principe(front: FrontCommun, le: str, hausses: str, debut: str,
                        fin: str) -> None:
    assert front.table is not None
    annuelles = [h.strip().rstrip("%").strip().replace(",", ".")
                 for h in hausses.replace(" et ", ", ").split(", ")]
    front.app.rounds.reach_tentative_agreement(
        front.table, Terms.of(wages=Increases(annuelles)), on=_jour(le),
        effective=_jour(debut), expiry=_jour(fin), actor=COMITE)


@when(parsers.parse("le gouvernement dépose le {le} à la table centrale une offre de hausses "
                    "de {hausses}"))
def offre(front: FrontCommun, le: str, hausses: str) -> None:
    assert front.table is not None
    annuelles = [h.strip().rstrip("%").strip().replace(",", ".")
                 for h in hausses.replace(" et ", ", ").split(", ")]
    front.app.rounds.record_offer(front.table, Terms.of(wages=Increases(annuelles)),
                                  on=_jour(le), actor=COMITE)


@then(parsers.parse("l’évaluation de l’offre en {langue} dit « {texte} »"))
def evaluation_dit(front: FrontCommun, langue: str, texte: str) -> None:
    assert front.table is not None
    evaluation = front.app.rounds.get(front.table).offers[-1].evaluation
    assert evaluation is not None
    with front.app.reading({"français": "fr", "anglais": "en"}[langue]):
        front.lu = _espaces(evaluation.explain())
    assert texte in front.lu, front.lu


@then(parsers.parse("elle dit « {texte} »"))
def elle_dit(front: FrontCommun, texte: str) -> None:
    assert texte in front.lu, front.lu


@when("les assemblées entérinent l’entente de principe :")
def assemblees(front: FrontCommun, datatable: list[list[str]]) -> None:
    assert front.table is not None
    for unite, tenue, pour, contre in datatable[1:]:
        oui, non = _nombre(pour), _nombre(contre)
        vote = Vote(_jour(tenue), Tally(eligible=oui + non + 1_000, cast=oui + non, yes=oui,
                                        no=non))
        front.app.rounds.record_return(front.table, front.unites[unite.strip()], vote,
                                       actor=COMITE)


@when(parsers.parse("les résultats sont compilés le {le}"))
def compiles(front: FrontCommun, le: str) -> None:
    assert front.table is not None
    front.app.rounds.count_returns(front.table, on=_jour(le), actor=COMITE)


@given(parsers.parse("une campagne « {nom} » du regroupement lancée le {le}"))
def campagne(front: FrontCommun, nom: str, le: str) -> None:
    front.campagne = front.app.campaigns.launch(name=nom, cluster=front.regroupement,
                                                on=_jour(le), actor=COMITE)


@when(parsers.parse("« {unite} » vote un mandat de grève « {portee} » le {le} : {pour} pour, "
                    "{contre} contre sur {exprimes} votes exprimés, {inscrites} personnes "
                    "inscrites"))
def mandat(front: FrontCommun, unite: str, portee: str, le: str, pour: str, contre: str,
           exprimes: str, inscrites: str) -> None:
    assert front.campagne is not None
    oui, non, cast = _nombre(pour), _nombre(contre), _nombre(exprimes)
    vote = Vote(_jour(le), Tally(eligible=_nombre(inscrites), cast=cast, yes=oui, no=non,
                                 spoiled=cast - oui - non))
    front.app.campaigns.record_mandate(front.campagne, vote, actor=COMITE, scope=portee,
                                       unit=front.unites[unite])


@when(parsers.parse("une assemblée d’organisation tenue le {le} réunit {presents} des "
                    "{inscrites} personnes salariées de « {unite} »"))
def assemblee(front: FrontCommun, le: str, presents: str, inscrites: str, unite: str) -> None:
    assert front.campagne is not None
    uid = front.unites[unite]
    numero = front.app.campaigns.plan_action(
        front.campagne, name="assemblée générale", rung="organizing meeting", on=_jour(le),
        units=[PlannedUnit(uid)], actor=COMITE)
    front.app.campaigns.hold_action(front.campagne, numero,
                                    [Turnout(uid, _nombre(inscrites), _nombre(presents))],
                                    actor=COMITE)


def _historique(front: FrontCommun, dossier: str, langue: str) -> str:
    quel = front.table if dossier == "table centrale" else front.campagne
    assert quel is not None
    return "\n".join(e.summary for e in front.app.history.of(quel, language=langue))


@then(parsers.parse("l’historique en {langue} de la {dossier} dit « {texte} »"))
def historique_dit(front: FrontCommun, langue: str, dossier: str, texte: str) -> None:
    code = {"français": "fr", "anglais": "en"}[langue]
    front.lu = _espaces(_historique(front, dossier, code))
    assert texte in front.lu, front.lu


@then(parsers.parse("il dit « {texte} »"))
def il_dit(front: FrontCommun, texte: str) -> None:
    assert texte in front.lu, front.lu
