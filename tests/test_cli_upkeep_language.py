"""``rebuild``, ``verify`` and ``chart`` take ``--language`` (and ``BARGAINING_LANGUAGE``) like
the other commands, through the real ``bargaining`` entry point in a subprocess, on SQLite and
PostgreSQL; a broken chain's report reads in French too. Their ``--json`` keys stay as
released."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from tests.test_cli import _osbcu, bargaining, cli_store  # noqa: F401  (the stores)

NBSP = "\N{NO-BREAK SPACE}"


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def test_rebuild_speaks_french(cli_store: str) -> None:  # noqa: F811
    _osbcu(cli_store)
    english = bargaining("rebuild", store=cli_store)
    french = bargaining("rebuild", "--language", "fr", store=cli_store)
    assert english.returncode == french.returncode == 0, french.stderr
    assert re.match(r"the Expiry Map was rebuilt: \d+ unit events applied, up to position \d+ "
                    r"of the log\n", english.stdout), english.stdout
    lines = _plain(french.stdout).splitlines()
    assert re.fullmatch(r"la carte des échéances a été reconstruite : \d+ événements d’unités "
                        r"appliqués, jusqu’à la position \d+ du journal", lines[0]), lines
    assert lines[1].startswith("l’historique de la participation a été reconstruit : ")
    assert lines[2].startswith("les mesures du réseau ont été reconstruites : ")
    by_env = bargaining("rebuild", store=cli_store, env={"BARGAINING_LANGUAGE": "fr"})
    assert by_env.stdout == french.stdout
    scripted = json.loads(bargaining("rebuild", "--json", "--lang", "fr", store=cli_store).stdout)
    assert set(scripted) == {"applied", "position", "participation_applied", "network_applied"}


def test_verify_speaks_french(cli_store: str) -> None:  # noqa: F811
    _osbcu(cli_store)
    english = bargaining("verify", store=cli_store)
    french = bargaining("verify", "--language", "fr", store=cli_store)
    assert english.returncode == french.returncode == 0, french.stderr
    assert re.fullmatch(r"intact up to position (\d+) \(\1 events checked\)\n", english.stdout)
    assert re.fullmatch(r"intact jusqu’à la position (\d+) \(\1 événements vérifiés\)\n",
                        _plain(french.stdout)), french.stdout
    by_env = bargaining("verify", store=cli_store, env={"BARGAINING_LANGUAGE": "fr"})
    assert by_env.stdout == french.stdout
    scripted = json.loads(bargaining("verify", "--json", "--lang", "fr", store=cli_store).stdout)
    assert scripted["intact"] is True and scripted["kind"] is None
    assert scripted["message"] == english.stdout.rstrip("\n")  # a script's JSON stays English


def test_a_broken_chain_is_reported_in_french(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    _osbcu(str(path))
    with sqlite3.connect(path) as database:
        database.execute("DELETE FROM stored_events WHERE rowid = 3")
    english = bargaining("verify", store=str(path))
    french = bargaining("verify", "--language", "fr", store=str(path))
    assert english.returncode == french.returncode == 1
    assert english.stdout == ("broken at position 3: missing: the chain records an event here "
                              "that is no longer stored (removed) (intact up to position 2)\n")
    assert _plain(french.stdout) == (
        "rompu à la position 3 : absente : la chaîne consigne ici un événement qui n’est plus "
        "conservé (supprimé) (intact jusqu’à la position 2)\n")
    scripted = json.loads(bargaining("verify", "--json", "--lang", "fr", store=str(path)).stdout)
    assert (scripted["kind"], scripted["broken_at"]) == ("missing", 3)  # stable values
    assert scripted["message"] == english.stdout.rstrip("\n")


def test_chart_speaks_french(cli_store: str, tmp_path: Path) -> None:  # noqa: F811
    ids = _osbcu(cli_store)
    svg = tmp_path / "expiries.svg"
    french = bargaining("chart", "timeline", str(svg), "--start", "2022-01-01", "--end",
                        "2022-12-31", "--language", "fr", store=cli_store)
    assert french.returncode == 0, french.stderr
    assert _plain(french.stdout) == f"fichier écrit : le calendrier des échéances, dans {svg}\n"
    png = tmp_path / "wall.png"
    by_env = bargaining("chart", "wall", ids["campaign"], str(png), store=cli_store,
                        env={"BARGAINING_LANGUAGE": "fr"})
    assert _plain(by_env.stdout) == (
        f"fichier écrit : le tableau mural de la mobilisation, dans {png}\n")
    english = bargaining("chart", "wall", ids["campaign"], str(png), store=cli_store)
    assert english.stdout == f"the readiness wall chart written to {png}\n"
    scripted = json.loads(bargaining("chart", "strike", ids["campaign"],
                                     str(tmp_path / "s.svg"), "--json", "--lang", "fr",
                                     store=cli_store).stdout)
    assert scripted == {"chart": "the strike chart", "file": str(tmp_path / "s.svg")}


def test_a_tampered_snapshot_is_named_in_french(tmp_path: Path) -> None:
    from bargaining import Actor, BargainingApp
    from bargaining.infrastructure.snapshots import HEADER

    path = tmp_path / "snapshot.sqlite"
    with BargainingApp(str(path)) as app:
        unit = app.units.register(union="CUPE", local="79", employer="City of Toronto",
                                  unit_name="Inside workers", headcount=100,
                                  actor=Actor("s-1", "steward"))
        for headcount in (101, 102):
            app.units.change_headcount(unit, headcount, actor=Actor("s-1", "steward"))
        app.eventsourcing.take_snapshot(unit)
    with sqlite3.connect(path) as database:  # one byte of the snapshot's own bytes flipped
        [(state,)] = database.execute("SELECT state FROM stored_snapshots").fetchall()
        flipped = bytes(state[:HEADER + 1]) + bytes([state[HEADER + 1] ^ 1]) + state[HEADER + 2:]
        database.execute("UPDATE stored_snapshots SET state = ?", (flipped,))
    english = bargaining("verify", store=str(path))
    french = bargaining("verify", "--lang", "fr", store=str(path))
    assert english.returncode == french.returncode == 1, french.stderr
    assert english.stdout == (
        f"tampered snapshot: 1 snapshot(s) tampered with: the snapshot of record {unit} at "
        f"version 3: its seal does not match this record at this version: it was copied from "
        f"another record or version, or its bytes were changed; their records load from their "
        f"events (the events are intact up to position 3, 3 events checked)\n")
    assert _plain(french.stdout) == (
        f"instantané altéré : 1 instantané(s) altéré(s) : l’instantané du dossier {unit} à la "
        f"version 3 : son sceau ne correspond pas à ce dossier à cette version : il a été copié "
        f"d’un autre dossier ou d’une autre version, ou ses octets ont été modifiés ; leurs "
        f"dossiers se chargent à partir de leurs événements (les événements sont intacts "
        f"jusqu’à la position 3, 3 événements vérifiés)\n")
    scripted = json.loads(bargaining("verify", "--json", "--lang", "fr", store=str(path)).stdout)
    assert scripted["message"] == english.stdout.rstrip("\n")  # a script's JSON stays English
    assert scripted["tampered_snapshots"] == [
        f"the snapshot of record {unit} at version 3: its seal does not match this record at "
        f"this version: it was copied from another record or version, or its bytes were changed"]
