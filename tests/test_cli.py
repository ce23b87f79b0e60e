"""The ``bargaining`` command through its real entry point, in a subprocess, on SQLite and
PostgreSQL: import the F-7 sample, read the map, verify, a broken store, errors in words."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bargaining import BargainingApp

from .conftest import F7_SAMPLE

SCRIPT = shutil.which("bargaining", path=str(Path(sys.executable).parent))


def bargaining(*args: str, store: str | None = None, cwd: Path | None = None,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``bargaining`` script; the store through ``BARGAINING_STORE``."""
    assert SCRIPT is not None, "the bargaining script is not installed (pip install -e .)"
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("BARGAINING_STORE", "BARGAINING_CIPHER_KEY", "FORCE_COLOR")}
    environment.update({"COLUMNS": "200", "BARGAINING_ACTOR": "f7-import"})
    if store is not None:
        environment["BARGAINING_STORE"] = store
    environment.update(env or {})
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, cwd=cwd,
                          env=environment, timeout=300, check=False)


@pytest.fixture(params=["sqlite", "postgres"])
def cli_store(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "f7.sqlite")
    from .conftest import POSTGRES_URL

    return f"{POSTGRES_URL}?schema={request.getfixturevalue('pg_schema')}"


@pytest.fixture
def imported(cli_store: str, tmp_path: Path) -> str:
    done = bargaining("import", str(F7_SAMPLE), "--rejects", str(tmp_path / "rejects.csv"),
                      store=cli_store)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("6000 rows read: 5373 imported, 5 unchanged, 622 rejected")
    assert "622 rejected rows written to" in done.stdout
    assert (tmp_path / "rejects.csv").read_text(encoding="utf-8").startswith("line,reason,")
    return cli_store


def test_import_map_months_verify_and_json_answers(imported: str, tmp_path: Path) -> None:
    months = bargaining("map", "months", "2004-01-01", "2004-04-30", "--region", "MI",
                        "--json", store=imported)
    assert months.returncode == 0, months.stderr
    assert json.loads(months.stdout)[1] == {"month": "2004-02", "units": 24, "workers": 12700}
    table = bargaining("map", "months", "2004-01-01", "2004-04-30", "--region", "MI",
                       store=imported)
    assert "2004-02" in table.stdout and "12,700" in table.stdout
    verified = bargaining("verify", store=imported)
    assert verified.returncode == 0
    assert verified.stdout.strip() == "intact up to position 10736 (10736 events checked)"
    again = bargaining("import", str(F7_SAMPLE), "--json", store=imported)
    assert json.loads(again.stdout)["imported"] == 0           # a re-import changes nothing
    _json_answers_parse_and_name_units_by_id(imported, tmp_path)


def _json_answers_parse_and_name_units_by_id(imported: str, tmp_path: Path) -> None:
    found = bargaining("map", "expiring", "2004-02-01", "2004-02-29", "--union", "uaw",
                       "--limit", "2", "--json", store=imported)
    units = json.loads(found.stdout)
    assert units[0]["label"] == (
        "UAW 138, HASTINGS MANUFACTURING COMPANY (PROD/MAINT) (HASTINGS, MI)")
    unit = units[0]["unit_id"]
    near = json.loads(bargaining("map", "alongside", unit, "10", "--json",
                                 store=imported).stdout)
    assert near and all(u["unit_id"] != unit for u in near)
    history = bargaining("history", unit, "--json", store=imported).stdout.splitlines()
    assert [json.loads(line)["event"] for line in history] == ["Registered",
                                                               "AgreementRecorded"]
    assert json.loads(history[0])["actor_id"] == "f7-import"
    shown = bargaining("history", unit, store=imported).stdout
    assert shown.startswith("history: 2 entries") and "AgreementRecorded" in shown
    assert "│       1 │" in shown                       # numbered by version within the record
    receipt = json.loads(bargaining("receipt", "--json", store=imported).stdout)
    assert receipt["position"] == 10736
    rebuilt = json.loads(bargaining("rebuild", "--json", store=imported).stdout)
    assert rebuilt == {"applied": 10736, "position": 10736, "participation_applied": 0,
                       "network_applied": 0}
    for args in (("map", "carried-over", "2004-03-01"), ("map", "clusters", "2004-01-01",
                 "2004-06-30", "30", "--limit", "2"), ("map", "open-periods", "2004-01-15")):
        answer = bargaining(*args, "--json", store=imported)
        assert answer.returncode == 0 and isinstance(json.loads(answer.stdout), list), args
    exported = bargaining("audit", "--kind", "BargainingUnit", "--output",
                          str(tmp_path / "audit.jsonl"), store=imported)
    assert exported.stdout.strip() == (
        f"10,736 entries written to {tmp_path / 'audit.jsonl'} (jsonl)")


def test_a_broken_store_exits_1_with_the_break(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite"
    imported = bargaining("import", str(F7_SAMPLE), store=str(path))
    assert imported.returncode == 0
    receipt = bargaining("receipt", store=str(path)).stdout.strip()
    with sqlite3.connect(path) as database:
        database.execute("DELETE FROM stored_events WHERE rowid = 7")
    broken = bargaining("verify", "--receipt", receipt, store=str(path))
    assert broken.returncode == 1
    assert broken.stdout.startswith("broken at position 7: missing")
    answer = json.loads(bargaining("verify", "--json", store=str(path)).stdout)
    assert answer["intact"] is False and answer["broken_at"] == 7


@pytest.mark.parametrize("args, words", [
    (("map", "months", "2004-13-01", "2004-04-30"),
     "error: the start must be a date written YYYY-MM-DD, not '2004-13-01'"),
    (("map", "expiring", "2004-01-01", "2004-04-30", "--sector", " "), "error: "),
    (("history", "not-an-id"), "error: the record is named by its id"),
    (("history", "6f1c0a4e-8d3b-5a7e-9c2d-1b4e6f8a0c3d"),
     "error: no record is kept with id 6f1c0a4e-8d3b-5a7e-9c2d-1b4e6f8a0c3d"),
    (("import", "missing.csv"), "error: no CSV file at missing.csv"),
    (("audit", "--since", "2026-01-01T09:00"), "has no time zone"),
    (("import", str(F7_SAMPLE), "--mapping", "m.toml"), "error: the mapping file names"),
    (("map", "months", "2004-01-01", "2004-04-30", "--store", "typo.sqlite"),
     "error: there is no SQLite store at typo.sqlite: import into it first"),
    (("receipt", "--store", "memory"), "error: a store in memory ends with the command"),
])
def test_errors_speak_domain_words_without_a_traceback(
    tmp_path: Path, args: tuple[str, ...], words: str
) -> None:
    (tmp_path / "m.toml").write_text('union = "union"\nemployer = "employer"\n'
                                     'expiry = "expiration_date"\nsize = "x"\n')
    store = str(tmp_path / "s.sqlite")
    BargainingApp(store).close()
    before = sqlite3.connect(store).execute("SELECT COUNT(*) FROM stored_events").fetchone()
    answer = bargaining(*args, store=store, cwd=tmp_path)
    assert answer.returncode == 2
    assert words in answer.stderr
    assert "Traceback" not in answer.stderr + answer.stdout
    after = sqlite3.connect(store).execute("SELECT COUNT(*) FROM stored_events").fetchone()
    assert before == after == (0,)
    assert not (tmp_path / "typo.sqlite").exists()


def test_an_import_with_a_mapping_file(tmp_path: Path) -> None:
    (tmp_path / "sheet.csv").write_text(
        "Union,Local,Employer,Unit,Expiry,Members\n"
        "CUPE,416,City of Toronto,Outside workers,31/12/2025,5400\n"
        "CUPE,79,City of Toronto,Inside workers,2025-13-01,20000\n", encoding="utf-8")
    (tmp_path / "sheet.toml").write_text(
        'union = "Union"\nlocal = "Local"\nemployer = "Employer"\nunit_name = "Unit"\n'
        'expiry = "Expiry"\nheadcount = "Members"\ndate_formats = ["%d/%m/%Y"]\n'
        'source = "coalition sheet"\n', encoding="utf-8")
    answer = bargaining("import", "sheet.csv", "--mapping", "sheet.toml", "--actor", "d-1",
                        store="s.sqlite", cwd=tmp_path)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.splitlines() == [
        "2 rows read: 1 imported, 0 unchanged, 1 rejected; 0 warnings; 1 units registered, "
        "1 agreements recorded in 1 batches",
        "  line 3: expiry date '2025-13-01' is not a date (DD/MM/YYYY)",
    ]


def test_every_command_has_help_with_an_example() -> None:
    commands = [("import",), ("map",), ("map", "months"), ("map", "expiring"),
                ("map", "alongside"), ("map", "carried-over"), ("map", "clusters"),
                ("map", "open-periods"), ("rebuild",), ("history",), ("audit",),
                ("status",), ("readiness",), ("receipt",), ("verify",), ("chart",),
                ("chart", "timeline"), ("chart", "growth"), ("chart", "strike"),
                ("chart", "wall")]
    for command in commands:
        answer = bargaining(*command, "--help")
        assert answer.returncode == 0, command
        assert "Example: bargaining " in answer.stdout, command


def test_a_progress_bar_shows_on_a_terminal(tmp_path: Path) -> None:
    answer = bargaining("import", str(F7_SAMPLE), store=str(tmp_path / "s.sqlite"),
                        env={"FORCE_COLOR": "1"})
    assert answer.returncode == 0
    assert "importing f7-notices-fy2004-sample.csv" in answer.stderr


def _osbcu(store: str) -> dict[str, str]:
    """CUPE's Ontario school board workers (OSBCU) in 2022: a cluster, their table and a
    campaign with an organizing meeting (its turnout illustrative)."""
    from datetime import date

    from bargaining import Actor, Turnout

    steward, committee = Actor("d-1", "data steward"), Actor("c-1", "coordinating committee")
    with BargainingApp(store) as app:
        unit = app.units.register(union="CUPE", local="OSBCU", employer="Ontario school boards",
                                  unit_name="Education workers", sector="education",
                                  region="ON", headcount=55000, actor=steward)
        app.units.record_agreement(unit, effective=date(2019, 9, 1), expiry=date(2022, 8, 31),
                                   actor=steward)
        cluster = app.clusters.form(name="Ontario education 2022", sectors=["education"],
                                    committee=[committee], window_start=date(2022, 6, 1),
                                    window_end=date(2022, 12, 31),
                                    target_alignment=date(2026, 8, 31), actor=committee,
                                    on=date(2022, 5, 2))
        app.clusters.admit(cluster, unit, actor=committee, on=date(2022, 5, 2))
        table = app.rounds.open(unit, on=date(2022, 6, 1), actor=steward, cluster=cluster)
        campaign = app.campaigns.launch(name="Education workers 2022", units=[unit],
                                        on=date(2022, 6, 6), actor=committee)
        number = app.campaigns.plan_action(campaign, name="Organizing meetings",
                                           rung="organizing meeting", on=date(2022, 6, 20),
                                           actor=committee)
        app.campaigns.hold_action(campaign, number, [Turnout(unit, 55000, 1200)],
                                  actor=committee)
    return {"unit": str(unit), "cluster": str(cluster), "table": str(table),
            "campaign": str(campaign)}


def test_status_and_readiness(cli_store: str) -> None:
    ids = _osbcu(cli_store)
    cluster = bargaining("status", ids["cluster"], "--json", store=cli_store)
    assert cluster.returncode == 0, cluster.stderr
    found = json.loads(cluster.stdout)
    assert found["cluster"] == "Ontario education 2022" and found["settled"] is False
    assert [t["label"] for t in found["tables"]] == [
        "CUPE OSBCU, Ontario school boards (Education workers)"]
    shown = bargaining("status", ids["cluster"], store=cli_store).stdout
    assert shown.startswith("Ontario education 2022: not settled, formed 2022-05-02")
    table = json.loads(bargaining("status", ids["table"], "--json", store=cli_store).stdout)
    assert table["status"] == "open" and table["cluster_id"] == ids["cluster"]
    rebuilt = json.loads(bargaining("rebuild", "--json", store=cli_store).stdout)
    assert rebuilt["participation_applied"] > 0  # the campaign's events, applied again
    ready = json.loads(bargaining("readiness", ids["campaign"], "--json", store=cli_store).stdout)
    assert ready["rung"] == "organizing meeting" and ready["can_climb"] is True
    assert ready["units"][0]["latest"]["participants"] == 1200
    assert ready["units"][0]["latest"]["percent"] == 2.2
    words = bargaining("readiness", ids["campaign"], store=cli_store).stdout
    assert words.startswith("'Education workers 2022' on 2022-06-20 (active): on 'organizing "
                            "meeting' (1%); next 'union cards / sign-up' (10%)")
    assert "Organizing meetings, 2022-06-20" in words and "2.2%" in words
    refused = bargaining("status", ids["unit"], store=cli_store)
    assert refused.returncode == 2
    assert "status shows a bargaining cluster or a bargaining table" in refused.stderr


def test_the_key_comes_from_the_environment_only(tmp_path: Path) -> None:
    store = str(tmp_path / "sealed.sqlite")
    key = BargainingApp.create_cipher_key()
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "notice_date,expiration_date,employer,union,unit_city,unit_state,industry_code,"
        "bargaining_unit_size,establishment_size\n"
        "2003-12-08,2004-02-01,HASTINGS MANUFACTURING COMPANY (PROD/MAINT),UAW - 138,"
        "HASTINGS,MI,E,300,500\n", encoding="utf-8")
    sealed = {"BARGAINING_CIPHER_KEY": key}
    assert bargaining("import", str(sheet), store=store, env=sealed).returncode == 0
    months = bargaining("map", "months", "2004-02-01", "2004-02-29", "--json", store=store,
                        env=sealed)
    assert json.loads(months.stdout) == [{"month": "2004-02", "units": 1, "workers": 300}]
    assert b"HASTINGS" not in Path(store).read_bytes()          # encrypted at rest
    wrong = bargaining("history", "76d5091e-78bd-592e-9dfc-76985868e425", store=store,
                       env={"BARGAINING_CIPHER_KEY": BargainingApp.create_cipher_key()})
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr
    assert wrong.stderr.startswith("error: ")
    assert bargaining("verify", store=store).returncode == 0    # a scrutineer needs no key
    no_option = bargaining("import", str(sheet), "--cipher-key", key, store=store, env=sealed)
    assert no_option.returncode == 2 and "No such option: --cipher-key" in no_option.stderr


def test_charts_are_drawn_to_files(cli_store: str, tmp_path: Path) -> None:
    from xml.etree import ElementTree

    ids = _osbcu(cli_store)
    timeline = tmp_path / "expiries.svg"
    drawn = bargaining("chart", "timeline", str(timeline), "--start", "2022-01-01",
                       "--end", "2022-12-31", "--cluster", ids["cluster"], "--json",
                       store=cli_store)
    assert drawn.returncode == 0, drawn.stderr
    assert json.loads(drawn.stdout) == {"chart": "the expiry timeline", "file": str(timeline)}
    assert ElementTree.parse(timeline).getroot().tag.endswith("svg")
    for kind, name in (("growth", "growth.png"), ("wall", "wall.png"),
                       ("strike", "strike.png")):
        drawn = bargaining("chart", kind, ids["campaign"], str(tmp_path / name),
                           store=cli_store)
        assert drawn.returncode == 0, (kind, drawn.stderr)
        assert drawn.stdout.endswith(f"written to {tmp_path / name}\n")
        assert (tmp_path / name).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    refused = bargaining("chart", "wall", ids["campaign"], str(tmp_path / "wall.gif"),
                         store=cli_store)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert not (tmp_path / "wall.gif").exists()
