"""The documentation runs as written.

Every ```python block of ``README.md`` and ``docs/**/*.md`` is run: a page's blocks in order,
in one namespace (a page reads as a tutorial, so a later block uses what an earlier one made),
in a fresh temporary working directory, with what they print captured. A block that fails
fails its page's test, with the page and line in the traceback. A block that is deliberately
not runnable is fenced as ```text (or ```sh, ```sql ...): any other language, or none, fails
``test_every_fence_names_a_known_language``, so a typo cannot take a block out of the run.

Some tests below pin documented output: what a page shows in its comments is what its code
prints. The examples in ``examples/`` are run too, and their output checked.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
#: The guides for developers embedding the library, a page per context.
HOST_PAGES = [
    "docs/hosts/languages.md",
    "docs/hosts/units-and-agreements.md",
    "docs/hosts/expiry-map.md",
    "docs/hosts/frameworks.md",
    "docs/hosts/clusters-and-rounds.md",
    "docs/hosts/campaigns.md",
    "docs/hosts/disputes.md",
    "docs/hosts/history-and-audit.md",
    "docs/hosts/integrity.md",
]
#: The languages a fence may name: ``python`` is run, the others are shown only.
LANGUAGES = {"python", "text", "sh", "console", "sql", "gherkin", "toml"}

_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")


@dataclass(frozen=True)
class Block:
    """A fenced code block: its page, the file line of its first line of code, its language."""

    page: Path
    line: int
    language: str
    code: str

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def fenced_blocks(page: Path) -> list[Block]:
    """Every fenced block of a page, in order (CommonMark fences: ``` or ~~~, closed by the
    same character at least as long, with nothing after it)."""
    blocks: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    opened: tuple[str, str, int] | None = None
    code: list[str] = []
    for number, text in enumerate(lines, start=1):
        found = _FENCE.match(text)
        if opened is None:
            if found:
                info = found["info"].split()
                opened = (found["fence"], info[0] if info else "", number + 1)
                code = []
            continue
        fence, language, first = opened
        closes = found is not None and not found["info"].strip() and (
            found["fence"][0] == fence[0] and len(found["fence"]) >= len(fence))
        if closes:
            blocks.append(Block(page, first, language, "\n".join(code) + "\n"))
            opened = None
        else:
            code.append(text)
    if opened is not None:
        raise AssertionError(f"{page.relative_to(ROOT)}:{opened[2] - 1}: a fence is never closed")
    return blocks


def python_blocks(page: Path) -> list[Block]:
    return [block for block in fenced_blocks(page) if block.language == "python"]


@dataclass
class Ran:
    """A page run: what its blocks printed, the names they left, and where they ran."""

    output: str
    namespace: dict[str, Any]
    workdir: Path


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    """Run in ``path``; the environment a page sets (``BARGAINING_STORE`` ...) is undone."""
    before, environment = Path.cwd(), dict(os.environ)
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)
        os.environ.clear()
        os.environ.update(environment)


def run_page(page: Path, workdir: Path) -> Ran:
    """Run a page's python blocks in order, in one namespace, in ``workdir``."""
    namespace: dict[str, Any] = {"__name__": f"docs_{page.stem.replace('-', '_')}"}
    printed = io.StringIO()
    with working_directory(workdir), contextlib.redirect_stdout(printed):
        for block in python_blocks(page):
            # Blank lines before the code, so a traceback names the page's own line.
            source = "\n" * (block.line - 1) + block.code
            try:
                exec(compile(source, str(page), "exec"), namespace)
            except Exception as error:
                raise AssertionError(
                    f"the block at {block.where} failed; the page had printed:\n"
                    f"{printed.getvalue()}"
                ) from error
    return Ran(printed.getvalue(), namespace, workdir)


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Ran]:
    """Each page run once per module, in a working directory of its own."""
    runs: dict[str, Ran] = {}

    def run(name: str) -> Ran:
        if name not in runs:
            workdir = tmp_path_factory.mktemp(Path(name).stem)
            runs[name] = run_page(ROOT / name, workdir)
        return runs[name]

    return run


def page_name(page: Path) -> str:
    return str(page.relative_to(ROOT))


# ------------------------------------------------------------------ every page


@pytest.mark.parametrize("page", [page_name(p) for p in PAGES])
def test_every_python_block_runs(page: str, ran: Callable[[str], Ran]) -> None:
    ran(page)


def test_every_guide_has_code_to_run() -> None:
    assert all(python_blocks(ROOT / name) for name in ("README.md", *HOST_PAGES))
    assert all(python_blocks(page) for page in (ROOT / "docs" / "operations").glob("s*.md"))


@pytest.mark.parametrize("page", [page_name(p) for p in PAGES])
def test_every_fence_names_a_known_language(page: str) -> None:
    unknown = [f"{b.where}: '{b.language}'" for b in fenced_blocks(ROOT / page)
               if b.language not in LANGUAGES]
    assert not unknown, (
        "fence these blocks as ```python (run by the tests) or one of "
        f"{sorted(LANGUAGES - {'python'})} (shown only): {unknown}"
    )


_INDENTED_CODE = re.compile(r"^ {4,}(from |import |app\.|with |print\()")


@pytest.mark.parametrize("page", [page_name(p) for p in PAGES])
def test_no_code_hides_in_an_indented_block(page: str) -> None:
    """Python indented four spaces outside a fence would be shown but never run."""
    text = (ROOT / page).read_text(encoding="utf-8").splitlines()
    inside: set[int] = set()
    for block in fenced_blocks(ROOT / page):
        inside.update(range(block.line - 1, block.line + block.code.count("\n") + 1))
    hidden = [f"{page}:{n}" for n, line in enumerate(text, start=1)
              if n not in inside and _INDENTED_CODE.match(line)]
    assert not hidden, f"put this code in a fenced block: {hidden}"


_LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")


def anchors(page: Path) -> set[str]:
    """The anchors of a page's headings, as GitHub makes them."""
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.M)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


@pytest.mark.parametrize("page", [page_name(p) for p in PAGES])
def test_every_relative_link_leads_to_a_file_and_heading(page: str) -> None:
    path = ROOT / page
    broken = []
    for target in _LINK.findall(path.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        linked = (path.parent / file) if file else path
        if not linked.exists() or (anchor and linked.suffix == ".md"
                                   and anchor not in anchors(linked)):
            broken.append(target)
    assert not broken, f"{page} links to files or headings that do not exist: {broken}"


def test_every_docs_page_is_linked_from_the_readme_or_the_docs_index() -> None:
    linked: set[Path] = set()
    for index in (ROOT / "README.md", ROOT / "docs" / "README.md"):
        for target in _LINK.findall(index.read_text(encoding="utf-8")):
            linked.add((index.parent / target.split("#")[0]).resolve())
    orphans = [page_name(p) for p in PAGES[1:] if p.resolve() not in linked]
    assert not orphans, f"no index links to {orphans}"


@pytest.mark.parametrize("page", [page_name(p) for p in PAGES[1:]])
def test_every_docs_page_opens_with_who_it_is_for(page: str) -> None:
    lines = [line for line in (ROOT / page).read_text(encoding="utf-8").splitlines() if line]
    assert lines[0].startswith("# ") and lines[1].startswith("For "), (
        f"{page}: after its title, a page says who it is for ('For ...')"
    )


def test_ci_runs_the_readmes_test_command_verbatim() -> None:
    commands = [b.code.strip() for b in fenced_blocks(ROOT / "README.md") if b.language == "sh"]
    test_command = next(c for c in commands if c.endswith("-m pytest"))
    assert test_command in (ROOT / ".ci" / "run").read_text().splitlines()
    assert any(c.endswith("examples/expiry_map.py") for c in commands)


def test_the_readme_stays_a_front_door() -> None:
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) <= 150


# ------------------------------------------------------------ documented output

def test_the_readme_example_prints_what_it_shows(ran: Callable[[str], Ran]) -> None:
    page = ran("README.md")
    assert "overlaps the agreement 2022-01-01 to 2025-12-31" in page.output
    assert "CUPE 79, City of Toronto (Inside workers) 2025-12-31" in page.output
    assert (page.workdir / "campaign.sqlite").exists()


def test_units_page_prints_what_it_shows(ran: Callable[[str], Ran]) -> None:
    out = ran("docs/hosts/units-and-agreements.md").output
    assert "CUPE 79, City of Toronto (Inside workers) is already registered" in out
    assert ("the agreement 2023-01-01 to 2026-12-31 overlaps the agreement 2022-01-01 to "
            "2025-12-31 already recorded") in out
    assert "20000 20500" in out
    assert ("8 rows read: 5 imported, 1 unchanged, 2 rejected; 4 warnings; 5 units registered, "
            "5 agreements recorded in 1 batches") in out
    assert "line 6: expiry date '00:00:00' is not a date (YYYY-MM-DD)" in out
    assert "line 8: expiry 1983-07-18 is 20 years from the file's typical year 2003" in out
    assert ("drops the contracting-out clause of the agreement in force: a concession" in out
            and "['contracting-out', 'staffing ratio']" in out)
    assert "['no-layoffs', 'progression', 'wages']" in out
    assert ("['progression', 'no-layoffs']\nweakens progression from 3 to 8 years to the top "
            "rate") in out


def test_expiry_map_page_prints_what_it_shows(ran: Callable[[str], Ran]) -> None:
    page = ran("docs/hosts/expiry-map.md")
    out = page.output
    assert "2004-02      5    11,981" in out
    assert "the month table has a row for every month: its filter takes no limit or offset" in out
    assert "E MI 2004-02-01 2004-02-26 5 units 11,981 workers" in out
    assert [e.unit.union for e in page.namespace["in_period"]] == ["USA", "CUPE"]
    assert "19\nTrue\n" in out


def test_frameworks_page_prints_what_it_shows(ran: Callable[[str], Ran]) -> None:
    out = ran("docs/hosts/frameworks.md").output
    assert "compound to 9.3% over 5 years; floor 16.4%: 7.1 points below floor" in out
    assert "17.2% over 10 years, 1.6% a year; floor 3.3% a year: 1.7 points a year below" in out
    assert "against 16.4% projected inflation: real wages fall 6% (1.2% a year)" in out
    assert "Verdict.MEETS_FLOOR\nVerdict.MEETS_TARGET\nthe inflation series has a gap" in out
    assert "two-tier by benefit plan: members hired after 2007" in out
    assert "Verdict.BELOW_FLOOR" in out
    assert ("Verdict.MEETS_FLOOR\nweakens care hours from 4.1 to 4 hours of care per resident "
            "day\n['care hours']") in out


def test_clusters_page_prints_what_it_shows(ran: Callable[[str], Ran]) -> None:
    out = ran("docs/hosts/clusters-and-rounds.md").output
    assert ("the tentative agreement 2023-01-01 to 2027-12-31 overlaps the agreement 2020-04-01 "
            "to 2023-03-31 already recorded") in out
    assert "CSN FSSS, Gouvernement du Québec (Health and social services): awaiting sign-off" in out
    assert "(Education workers): ratified (final) [flagged: 1]" in out
    assert ("breach of the pact: CUPE OSBCU, Ontario school boards (Education workers): "
            "tentative agreement 1, below the framework's floor on wages, went to the members' "
            "vote of 2022-12-05 without the committee's sign-off the pact requires; the vote "
            "carried") in out
    assert "29,930 yes, 11,070 no of 41,000 cast (55,000 eligible), carried; flagged: " in out
    assert ("the committee approved it on 2022-12-10, after the members' vote\n1\n"
            "() ()\n1\n1\n") in out
    assert "Front commun 2023: settled" in out
    assert ("1 of 3 units carried; by a majority of units: failed\n"
            "not returned: UAW, GM (Assembly B), UAW, GM (Assembly C)\n") in out
    assert ("me-too owed since 2024-02-01: CSN FSSS, Gouvernement du Québec (Health and social "
            "services) is owed") in out
    assert "\nclaimed since 2024-03-01: CSN FSSS" in out and "[False, True, False]" in out
    assert ("UAW, GM (master): expires 2023-09-14, not on the target 2028-04-30; its tentative "
            "agreement expires 2028-04-30 and lands on it") in out
    assert "a term of 2 years and 1 month, from 2026-04-01 to 2028-04-30" in out
    assert ("19,683 yes, 16,274 no of 35,957 cast from 14 of 14 units (54.7% yes of valid "
            "ballots); 7 of 14 units carried; by all ballots together: carried\nvoted no: "
            "Assembly A, Assembly B, Assembly C, Assembly D, Assembly E, Assembly F, Assembly G"
            "\nFalse\n{datetime.date(2028, 4, 30)}\nReturns counted on 2023-11-17 in the "
            "master table 'UAW-GM'") in out


def test_campaigns_page_prints_what_it_shows(ran: Callable[[str], Ran]) -> None:
    out = ran("docs/hosts/campaigns.md").output
    assert ("Red Shirt Friday (wear the union colours), 2025-11-07: 156 of 300 took part (52%) "
            "against 60%: failed") in out
    assert "next 'strike vote' (85%)" in out and "unit / work group" in out
    assert "  nights" in out
    assert "(Sudbury LTC) has not voted on a strike yet" in out
    assert "43,821 yes of 55,000 eligible (79.7%), 2,929 short of 'strike vote'" in out
    assert "flagged: struck before the campaign reached its strike rung" in out


def test_history_page_prints_what_it_shows(ran: Callable[[str], Ran]) -> None:
    page = ran("docs/hosts/history-and-audit.md")
    out = page.output
    assert ("CUPE 79, City of Toronto (Outside workers) admitted to cluster 'Toronto municipal "
            "2027' by the coordinating committee: expiry 2026-12-31 inside window") in out
    assert "2026-01-05 dues list of December" in out
    assert out.count("BargainingUnit") == 0 and out.count(" HeadcountChanged ") == 1
    assert len((page.workdir / "audit.csv").read_text().splitlines()) == 1 + 5
    assert len((page.workdir / "audit.jsonl").read_text().splitlines()) == 2
    assert len(page.namespace["page"].entries) == 5
    assert "0\n5200\n5350\n" in out  # as of version 1, as of a moment, now


def test_integrity_page_prints_what_it_shows(ran: Callable[[str], Ran]) -> None:
    out = ran("docs/hosts/integrity.md").output.splitlines()
    assert any(line.startswith("bargaining receipt: position 2, head ") for line in out)
    assert "intact up to position 2 (2 events checked)" in out
    assert any(line.startswith("broken at position 1: changed") for line in out)


def test_stores_page_prints_what_it_shows(ran: Callable[[str], Ran]) -> None:
    out = ran("docs/operations/stores-and-encryption.md").output
    assert ("['campaign_counts', 'campaign_history_tracking', 'campaign_kept_counts', "
            "'campaign_spells', "
            "'campaign_tests', 'expiry_map_agreements', 'expiry_map_tracking', "
            "'expiry_map_units', 'stored_events', 'stored_events_chain', "
            "'stored_events_person_keys', 'stored_events_person_keys_erased', "
            "'stored_snapshots']") in out
    assert "False False ['municipal', 'ON', 20000]" in out
    assert "the encryption key is wrong or missing" in out


def test_errors_page_prints_what_it_shows(ran: Callable[[str], Ran]) -> None:
    out = ran("docs/operations/errors-and-recovery.md").output
    assert ("CUPE 79, City of Toronto (Inside workers) was changed by someone else at the same "
            "time; nothing of this change was recorded: reload and try again") in out
    assert ("the store is busy: another writer held it longer than this application waits "
            "(busy_timeout=0.2); nothing of this change was recorded: try again") in out
    assert out.endswith("21000\nTrue\n")


def test_changing_events_page_prints_what_it_shows(ran: Callable[[str], Ran]) -> None:
    out = ran("docs/contributing/changing-events.md").output
    assert out.startswith("2 20500 None\nCUPE 79, City of Toronto (Inside workers) now covers "
                          "20,500 workers, recorded by the bargaining team chair\nTrue\n")
    assert "'bargaining.domain.unit:BargainingUnit.HeadcountChanged')" in out


# --------------------------------------------------------------------- examples


def run_example(name: str, tmp_path: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name), *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=True,
    )
    return result.stdout


def test_expiry_map_example_runs(tmp_path: Path) -> None:
    out = run_example("expiry_map.py", tmp_path, "--db", str(tmp_path / "example.sqlite"))
    assert "rows read 6000 = imported 5373 + unchanged 5 + rejected 622" in out
    assert "Top cluster candidates" in out
    assert "Importing the same file again: 0 imported" in out
    assert (tmp_path / "f7-rejected-rows.csv").exists()


def test_coordinated_round_example_runs(tmp_path: Path) -> None:
    out = run_example("coordinated_round.py", tmp_path, "--db", str(tmp_path / "round.sqlite"))
    assert "compound to 9.3% over 5 years; floor 16.4%: 7.1 points below floor" in out
    assert "the table at SEIU 2, Extendicare (Sudbury LTC): awaiting sign-off" in out
    assert "committee refused sign-off" in out and "committee approved sign-off" in out
    assert "Ontario care 2026: settled" in out
    assert "me-too owed since 2026-04-28: SEIU 2, Extendicare (Sudbury LTC) is owed" in out
    assert "better wages: 4.7% a year (increases 5%, 5%, 4.5%, 4.5% compound" in out
    assert "(LTC homes): expires 2029-03-31, on the target 2029-03-31" in out
    assert "a term of 3 years, from 2026-04-01 to 2029-03-31, lands on the target" in out
    assert out.count("expires 2029-03-31\n") == 3


def test_escalation_example_runs(tmp_path: Path) -> None:
    out = run_example("escalation.py", tmp_path, "--db", str(tmp_path / "escalation.sqlite"))
    assert "Red Shirt Friday (wear the union colours), 2025-11-07: 2,290 of 3,950 took part" in out
    assert ("climb refused: the test of 'wear the union colours' has not passed: 2 of 3 units "
            "passed and 3 must; held back by CUPE 79, City of Toronto (LTC homes)") in out
    assert ("biggest worst: CUPE 79, City of Toronto (LTC homes) / nursing: 430 of 1,000 (43%), "
            "170 short of 'wear the union colours'") in out
    assert "unit / work group" in out and "  nursing " in out
    assert "override by c-1 (cluster co-chair (CUPE)): Toronto is 20 short" in out
    assert "mandate: 41 yes, 9 no, 0 spoiled of 50 cast (50 eligible, members)" in out
    assert "held back by CUPE 79, City of Toronto (LTC homes) (a legal majority" in out
    assert "2026-02-17: climbed to 'strike'" in out
    assert "on strike: 1 of 3 units" in out and "on strike: 3 of 3 units" in out
    # the homes walk out after their common expiry: no walkout breaks an agreement in force
    assert "walked out on 2026-03-02, still out\n" in out
    assert "struck while an agreement was in force" not in out
    assert "CUPE 79, City of Toronto (LTC homes): on strike 2026-03-16 to 2026-03-30" in out
    assert "concluded (settled) on 2026-03-30: nothing more can be recorded" in out
    assert (tmp_path / "escalation.sqlite").exists()


def test_audit_example_runs(tmp_path: Path) -> None:
    out = run_example("audit.py", tmp_path, "--db", str(tmp_path / "a.sqlite"))
    assert "(on 2026-11-16): CUPE 79, City of Toronto (Inside workers) now covers 1,130" in out
    assert "admitted to cluster 'Toronto municipal 2027' by the coordinating committee" in out
    then = next(line for line in out.splitlines() if line.startswith("  then:"))
    assert "CUPE 4400" not in then
    assert "verify: intact up to position 11 (11 events checked)" in out
    assert "verify: broken at position 4: changed" in out
