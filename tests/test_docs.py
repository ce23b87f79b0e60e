"""The README's code and the examples run as documented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S)


def test_readme_usage_block_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    exec(compile(python_blocks()[0], "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "overlaps the agreement 2022-01-01 to 2025-12-31" in out
    assert "2025-12-31" in out
    assert (tmp_path / "campaign.sqlite").exists()


def test_readme_open_period_block_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    blocks = python_blocks()
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], "README.md", "exec"), namespace)
    namespace["app"] = namespace["BargainingApp"]("campaign.sqlite")  # type: ignore[operator]
    block = next(b for b in blocks if "OpenPeriodCalendar.build" in b)
    exec(compile(block + "\nresult = app.expiry_map.in_open_period(date(2025, 11, 1), calendar)",
                 "README.md", "exec"), namespace)
    assert [e.unit.union for e in namespace["result"]] == ["CUPE"]  # type: ignore[attr-defined]


def test_expiry_map_example_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "expiry_map.py"), "--db",
         str(tmp_path / "example.sqlite")],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=True,
    )
    assert "rows read 6000 = imported 5373 + unchanged 5 + rejected 622" in result.stdout
    assert "Top cluster candidates" in result.stdout
    assert "Importing the same file again: 0 imported" in result.stdout
    assert (tmp_path / "f7-rejected-rows.csv").exists()


def test_coordinated_round_example_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "coordinated_round.py"), "--db",
         str(tmp_path / "round.sqlite")],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=True,
    )
    out = result.stdout
    assert "compound to 9.3% over 5 years; floor 16.4%: 7.1 points below floor" in out
    assert "ratification vote refused: this tentative agreement is below" in out
    assert "committee refused sign-off" in out and "committee approved sign-off" in out
    assert "Ontario care 2026: settled" in out
    assert "me-too owed: SEIU 2, Extendicare (Sudbury LTC) is owed" in out
    assert out.count("expires 2029-03-31") == 3


def test_readme_framework_block_runs(capsys: pytest.CaptureFixture[str]) -> None:
    block = next(b for b in python_blocks() if "Front commun 2023" in b)
    exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "compound to 9.3% over 5 years; floor 16.4%: 7.1 points below floor" in out
    assert out.strip().endswith("Verdict.BELOW_FLOOR")


def test_escalation_example_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "escalation.py"), "--db",
         str(tmp_path / "escalation.sqlite")],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=True,
    )
    out = result.stdout
    assert "Red Shirt Friday (wear the union colours), 2025-11-07: 2290 of 3950 took part" in out
    assert ("climb refused: the test of 'wear the union colours' has not passed: 2 of 3 units "
            "passed and 3 must; held back by CUPE 79, City of Toronto (LTC homes)") in out
    assert ("biggest worst: CUPE 79, City of Toronto (LTC homes) / nursing: 430 of 1000 (43%), "
            "170 short of 'wear the union colours'") in out
    assert "unit / work group" in out and "  nursing " in out
    assert "override by c-1 (cluster co-chair (CUPE)): Toronto is 20 short" in out
    assert "mandate: 41 yes, 9 no, 0 spoiled of 50 cast (50 eligible)" in out
    assert "held back by CUPE 79, City of Toronto (LTC homes) (a legal majority" in out
    assert "2026-02-17: climbed to 'strike'" in out
    assert "on strike: 1 of 3 units" in out and "on strike: 3 of 3 units" in out
    assert "CUPE 79, City of Toronto (LTC homes): on strike 2026-03-16 to 2026-03-30" in out
    assert "concluded (settled) on 2026-03-30: nothing more can be recorded" in out
    assert (tmp_path / "escalation.sqlite").exists()


def test_readme_campaign_block_runs(capsys: pytest.CaptureFixture[str]) -> None:
    block = next(b for b in python_blocks() if "campaigns.launch" in b)
    exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert ("Red Shirt Friday (wear the union colours), 2025-11-07: 156 of 300 took part (52%) "
            "against 60%: failed") in out
    assert "on 'strike vote' (85%)" in out and "unit / work group" in out
    assert "  nights" in out


def test_readme_time_travel_block_runs(capsys: pytest.CaptureFixture[str]) -> None:
    block = next(b for b in python_blocks() if "app.integrity.verify(receipt)" in b)
    exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["100", "100"]
    assert out[2].startswith("bargaining receipt: position 2, head ")
    assert out[3] == "intact up to position 2 (2 events checked)"
def test_readme_history_block_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    block = next(b for b in python_blocks() if "audit_log(" in b)
    namespace: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), namespace)
    out = capsys.readouterr().out
    assert ("CUPE 79, City of Toronto (Outside workers) admitted to cluster 'Toronto municipal "
            "2027' by the coordinating committee: expiry 2026-12-31 inside window") in out
    assert "2026-01-05 dues list of December" in out
    assert out.count("BargainingUnit") == 0 and out.count(" HeadcountChanged ") == 1
    assert len((tmp_path / "audit.csv").read_text().splitlines()) == 1 + 5
    assert len((tmp_path / "audit.jsonl").read_text().splitlines()) == 2
    assert len(namespace["page"].entries) == 5  # type: ignore[attr-defined]


def test_audit_example_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "audit.py"), "--db", str(tmp_path / "a.sqlite")],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=True,
    )
    out = result.stdout
    assert "(on 2026-11-16): CUPE 79, City of Toronto (Inside workers) now covers 1,130" in out
    assert "admitted to cluster 'Toronto municipal 2027' by the coordinating committee" in out
    then = next(line for line in out.splitlines() if line.startswith("  then:"))
    assert "CUPE 4400" not in then
    assert "verify: intact up to position 11 (11 events checked)" in out
    assert "verify: broken at position 4: changed" in out
