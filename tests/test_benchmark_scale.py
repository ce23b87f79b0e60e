"""The scale benchmark's generator reports progress as the library's long work does: events
saved, of a total known up front, counts that never go back and end at the total, on every
store; and it shows a bar on a terminal, plain lines elsewhere."""

from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from bargaining import BargainingApp, InvalidInput
from tests.test_progress import Calls

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def scale(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """benchmarks/scale.py, imported as the benchmark runs it (its folder on the path)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("benchmark_scale", BENCHMARKS / "scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)   # its dataclasses look it up there
    spec.loader.exec_module(module)
    return module


def small(scale: ModuleType) -> object:
    """A union of 40 units in 8 locals, with two clusters."""
    return scale.Shape(locals=8, units_per_local=5, members=2_000, clusters=2)


def test_the_generator_reports_events_saved_up_to_the_last_size(
    scale: ModuleType, app: BargainingApp
) -> None:
    calls = Calls()
    reached = []
    for growth in scale.generate(app, [300, 520], shape=small(scale), batch=16,
                                 rng=random.Random(7), progress=calls):
        reached.append(scale.events_in(app))
        assert growth.events > 0 and growth.months and len(growth.union.units) == 40
        assert len(growth.union.campaigns) == 1   # one of the two clusters found units
    assert reached == [300, 520]          # each size exactly: the last month stops at it
    calls.check(520)
    assert all(total == 520 for _, total in calls)   # the total is known before any event
    dones = [done for done, _ in calls]
    assert dones[0] < 80 < dones[-1]      # founding (two events a unit) was reported on the way
    assert len(calls) > 20                # after each batch, not only at the end


def test_the_generator_refuses_sizes_it_cannot_reach(scale: ModuleType) -> None:
    with BargainingApp("memory") as app:
        with pytest.raises(ValueError, match="less than the union's founding"):
            next(scale.generate(app, [60], shape=small(scale)))
        with pytest.raises(ValueError, match="sizes grow"):
            next(scale.generate(app, [500, 300], shape=small(scale)))
        with pytest.raises(InvalidInput, match="progress must be a callable"):
            next(scale.generate(app, [300], shape=small(scale), progress=3))


def test_off_a_terminal_progress_is_plain_lines_at_each_tenth(
    scale: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    with scale.watching("growing", 1_000) as shown:
        for done in range(0, 1_001, 50):
            shown(done, 1_000)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "  .. 0 of 1,000 events"
    assert lines[-1] == "  .. 1,000 of 1,000 events"
    assert len(lines) == 11               # 0, 100, ..., 1,000: no line per call


def test_on_a_terminal_the_generator_shows_a_rich_bar(tmp_path: Path) -> None:
    code = (
        "import random, sys\n"
        f"sys.path.insert(0, {str(BENCHMARKS)!r})\n"
        "import scale\n"
        "from bargaining import BargainingApp\n"
        "shape = scale.Shape(locals=4, units_per_local=5, members=500, clusters=1)\n"
        "with BargainingApp('memory') as app, scale.watching('growing', 200) as shown:\n"
        "    for _ in scale.generate(app, [200], shape=shape, rng=random.Random(1),\n"
        "                            progress=shown):\n"
        "        pass\n"
    )
    environment = {k: v for k, v in os.environ.items() if k != "BARGAINING_NO_PROGRESS"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**environment, "FORCE_COLOR": "1", "COLUMNS": "120"},
                          cwd=tmp_path, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "growing" in done.stderr
    assert "200/200" in done.stderr       # the bar's count, done of the total
    assert "of 200 events" not in done.stderr   # no plain lines beside the bar
