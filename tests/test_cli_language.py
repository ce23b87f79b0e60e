"""``--language fr`` through the real ``bargaining`` entry point, in a subprocess, on SQLite
and PostgreSQL: the same history and readiness, in French."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import F7_SAMPLE
from tests.test_cli import _osbcu, bargaining, cli_store  # noqa: F401  (the stores)


def test_history_and_readiness_in_french(cli_store: str) -> None:  # noqa: F811
    ids = _osbcu(cli_store)
    english = bargaining("history", ids["campaign"], store=cli_store)
    french = bargaining("history", ids["campaign"], "--language", "fr", store=cli_store)
    assert english.returncode == french.returncode == 0, french.stderr
    assert "history: 4 entries" in english.stdout and "2022-06-20" in english.stdout
    assert "historique\xa0: 4 entrées" in french.stdout
    assert "Campagne «\xa0Education workers 2022\xa0» lancée le 6 juin 2022" in french.stdout
    assert "1\xa0200 sur 55\xa0000 ont participé (2,2\xa0%)" in french.stdout
    assert "1,200 of 55,000 took part (2.2%)" in english.stdout
    by_env = bargaining("history", ids["campaign"], store=cli_store,
                        env={"BARGAINING_LANGUAGE": "fr"})
    assert by_env.stdout == french.stdout
    lines = bargaining("history", ids["campaign"], "--lang", "fr", "--json", store=cli_store)
    summaries = [json.loads(line)["summary"] for line in lines.stdout.splitlines()]
    assert summaries[0].startswith("Campagne «\xa0Education workers 2022\xa0»")
    ready = bargaining("readiness", ids["campaign"], "--language", "fr", store=cli_store)
    assert ready.stdout.startswith(
        "«\xa0Education workers 2022\xa0» le 20 juin 2022 (active)\xa0: à l’échelon «\xa0assemblée "
        "d’organisation\xa0» (1\xa0%)\xa0; prochain «\xa0cartes d’adhésion\xa0» (10\xa0%)")
    assert "55\xa0000" in ready.stdout and "ont participé" in ready.stdout


def test_an_unknown_language_is_refused_in_words(cli_store: str) -> None:  # noqa: F811
    ids = _osbcu(cli_store)
    refused = bargaining("history", ids["campaign"], "--language", "de", store=cli_store)
    assert refused.returncode == 2
    assert refused.stderr == "error: the library writes in 'en', 'fr', not 'de'\n"


def test_the_expiry_map_in_french(cli_store: str) -> None:  # noqa: F811
    ids = _osbcu(cli_store)
    english = bargaining("map", "months", "2022-08-01", "2022-09-30", store=cli_store)
    french = bargaining("map", "months", "2022-08-01", "2022-09-30", "--language", "fr",
                        store=cli_store)
    assert english.returncode == french.returncode == 0, french.stderr
    assert "month" in english.stdout and "55,000" in english.stdout
    assert "mois" in french.stdout and "personnes salariées" in french.stdout
    assert "55\xa0000" in french.stdout and "55,000" not in french.stdout
    expiring = bargaining("map", "expiring", "2022-08-01", "2022-08-31", "--lang", "fr",
                          store=cli_store)
    assert expiring.returncode == 0, expiring.stderr
    assert "échéant du 2022-08-01 au 2022-08-31\xa0: 1 unités" in expiring.stdout
    assert ids["unit"] in expiring.stdout  # the id column is shown whole, to copy
    assert "identifiant de l’unité" in expiring.stdout
    scripted = bargaining("map", "months", "2022-08-01", "2022-09-30", "--json", "--lang", "fr",
                          store=cli_store)
    assert json.loads(scripted.stdout)[0] == {"month": "2022-08", "units": 1, "workers": 55000}


def test_an_import_reports_in_french(tmp_path: Path) -> None:
    sample = tmp_path / "f7.csv"
    lines = [*F7_SAMPLE.read_text(encoding="utf-8").splitlines()[:1201],
             "2003-09-30,not a date,X,Y - 1,Z,NY,J,1,0"]
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = str(tmp_path / "f7.sqlite")
    french = bargaining("import", str(sample), "--language", "fr", "--rejects",
                        str(tmp_path / "rejects.csv"), store=store)
    assert french.returncode == 0, french.stderr
    head = french.stdout.splitlines()[0]
    assert head.startswith("1\xa0201 lignes lues\xa0: "), head
    assert " rejetées\xa0; " in head and " conventions collectives consignées en " in head
    assert "\n  ligne " in french.stdout
    assert " lignes rejetées écrites dans " in french.stdout
    again = bargaining("import", str(sample), store=store)
    assert again.stdout.startswith("1201 rows read: 0 imported, "), again.stdout
