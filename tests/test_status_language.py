"""A cluster's status and the ``bargaining status`` command read in French and English: the
tables, their states, alignment and the pact's breaches; in French with dates written out
and figures as Quebec writes them."""

from __future__ import annotations

import json
from datetime import date
from uuid import UUID

from bargaining import BargainingApp, TableKind, Tally, Vote
from tests.test_cli import _osbcu, bargaining, cli_store  # noqa: F401  (the stores)
from tests.test_explanations_language import COMMITTEE, DEMANDS, OFFER

NBSP = "\N{NO-BREAK SPACE}"


def front_commun(app: BargainingApp) -> UUID:
    """The Front commun's cluster, two of its units at a central table, and an offer."""
    framework = app.frameworks.draft(name="Front commun 2023", sectors=["public"],
                                     demands=DEMANDS, actor=COMMITTEE)
    app.frameworks.record_vote(framework, 1, Vote(date(2022, 10, 1), Tally(
        eligible=100, cast=90, yes=80, no=10)), actor=COMMITTEE)
    cluster = app.clusters.form(name="Front commun 2023", sectors=["public"],
                                committee=[COMMITTEE], window_start=date(2023, 3, 1),
                                window_end=date(2023, 4, 30), target_alignment=date(2028, 3, 31),
                                actor=COMMITTEE, on=date(2022, 9, 15))
    app.clusters.adopt_framework(cluster, framework, 1, actor=COMMITTEE, on=date(2022, 10, 1))
    units = []
    for name in ("CSN santé", "CSQ éducation"):
        unit = app.units.register(union=name.split()[0], local="",
                                  employer="Gouvernement du Québec", unit_name=name,
                                  sector="public", region="QC", headcount=1000, actor=COMMITTEE)
        app.units.record_agreement(unit, effective=date(2020, 4, 1), expiry=date(2023, 3, 31),
                                   actor=COMMITTEE)
        app.clusters.admit(cluster, unit, actor=COMMITTEE, on=date(2022, 9, 15))
        units.append(unit)
    table = app.rounds.open_table(units=units, kind=TableKind.CENTRAL, name="Front commun",
                                  on=date(2022, 10, 28), cluster=cluster, actor=COMMITTEE)
    app.rounds.record_offer(table, OFFER, on=date(2022, 12, 15), actor=COMMITTEE)
    return cluster


def test_a_cluster_status_reads_in_french_and_in_english(app: BargainingApp) -> None:
    cluster = front_commun(app)
    english = app.clusters.status(cluster).explain()
    assert english.splitlines()[:3] == [
        "Front commun 2023: not settled, formed 2022-09-15",
        "  CSN, Gouvernement du Québec (CSN santé): open",
        "    at the central table 'Front commun': open"]
    assert ("  alignment: CSN, Gouvernement du Québec (CSN santé): expires 2023-03-31, not on "
            "the target 2028-03-31; a term of 5 years, from 2023-04-01 to 2028-03-31, lands on "
            "the target") in english
    with app.reading("fr"):
        french = app.clusters.status(cluster).explain().replace(NBSP, " ")
    assert french.splitlines()[:3] == [
        "Front commun 2023 : non réglé, formé le 15 septembre 2022",
        "  CSN, Gouvernement du Québec (CSN santé) : ouverte",
        "    à la table centrale « Front commun » : ouverte"]
    assert ("  arrimage : CSN, Gouvernement du Québec (CSN santé) : échoit le 31 mars 2023, hors "
            "de la date cible du 31 mars 2028 ; une convention de 5 ans, du 1er avril 2023 au "
            "31 mars 2028, qui arrive à la date cible") in french
    assert "the target" not in french and "open" not in french


def test_the_status_command_speaks_french(cli_store: str) -> None:  # noqa: F811
    ids = _osbcu(cli_store)
    english = bargaining("status", ids["cluster"], store=cli_store)
    french = bargaining("status", ids["cluster"], "--language", "fr", store=cli_store)
    assert english.returncode == french.returncode == 0, french.stderr
    assert english.stdout.startswith("Ontario education 2022: not settled, formed 2022-05-02")
    assert french.stdout.startswith("Ontario education 2022\xa0: non réglé, formé le 2 mai 2022")
    assert "CUPE OSBCU, Ontario school boards (Education workers)\xa0: ouverte" in french.stdout
    by_env = bargaining("status", ids["cluster"], store=cli_store,
                        env={"BARGAINING_LANGUAGE": "fr"})
    assert by_env.stdout == french.stdout
    table = bargaining("status", ids["table"], "--lang", "fr", store=cli_store)
    assert table.returncode == 0, table.stderr
    assert table.stdout.startswith("table de CUPE OSBCU, Ontario school boards (Education "
                                   "workers)\xa0: ouverte"), table.stdout
    scripted = json.loads(bargaining("status", ids["table"], "--json", "--lang", "fr",
                                     store=cli_store).stdout)
    assert scripted["status"] == "open"  # scripts read the stable English values


def test_a_central_tables_returns_read_in_french_and_in_english(app: BargainingApp) -> None:
    from bargaining import Increases, Terms

    cluster = front_commun(app)
    [table] = [t.round_id for t in app.clusters.status(cluster).tables[0].seats]
    units = app.rounds.get(table).unit_ids
    app.rounds.reach_tentative_agreement(
        table, Terms.of(wages=Increases([6, 2.8, 2.5, 2.5, 2.5])), on=date(2023, 12, 28),
        effective=date(2023, 4, 1), expiry=date(2028, 3, 31), actor=COMMITTEE)
    app.rounds.record_return(table, units[0], Vote(date(2024, 1, 25), Tally(
        eligible=62000, cast=61500, yes=52400, no=9100)), actor=COMMITTEE)
    english = app.rounds.returns(table).explain()
    assert english.startswith("52,400 yes, 9,100 no of 61,500 cast from 1 of 2 units (85.2% "
                              "yes of valid ballots); 1 of 2 units carried; by all ballots "
                              "together: carried")
    assert "not returned: CSQ, Gouvernement du Québec (CSQ éducation)" in english
    with app.reading("fr"):
        french = app.rounds.returns(table).explain().replace(NBSP, " ")
    assert french.startswith("52 400 pour, 9 100 contre sur 61 500 votes exprimés, de 1 des 2 "
                             "unités (85,2 % de pour parmi les bulletins valides) ; 1 sur 2 "
                             "unités favorables ; selon l’ensemble des bulletins : adopté")
    assert "résultats non reçus : CSQ, Gouvernement du Québec (CSQ éducation)" in french
