"""The testing kit hosts use: given/when/then, and the pytest plugin's fixtures on every store."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from bargaining import Actor, BargainingApp, RuleViolation, UnitNotFound, unit_id
from bargaining.domain.units.profile import UnitProfile
from bargaining.infrastructure.unit_batches import registered_unit
from bargaining.testing import Scenario

STEWARD = Actor("d-1", "data steward")
_ID = unit_id("CUPE", "79", "City of Toronto", "Inside workers")


def _register(app: BargainingApp) -> object:
    return app.units.register(union="CUPE", local="79", employer="City of Toronto",
                              unit_name="Inside workers", actor=STEWARD)


def _agreement(unit: object, effective: date, expiry: date):  # type: ignore[no-untyped-def]
    return lambda app: app.units.record_agreement(unit, effective=effective, expiry=expiry,
                                                  actor=STEWARD)


@pytest.mark.parametrize("bargaining_store_kind", ["memory", "sqlite", "postgresql"])
def test_then_names_the_new_events_in_order(bargaining_scenario: Scenario) -> None:
    unit = bargaining_scenario.given(_register)
    outcome = bargaining_scenario.when(_agreement(unit, date(2022, 1, 1), date(2025, 12, 31)))
    (entry,) = outcome.then("AgreementRecorded")
    assert entry.aggregate_id == unit and entry.data["agreement"]["expiry"] == "2025-12-31"
    with pytest.raises(AssertionError, match="expected Registered, but it recorded "
                                             "AgreementRecorded"):
        outcome.then("Registered")
    with pytest.raises(AssertionError, match=r"expected a refusal \(BargainingError\)"):
        outcome.then_refused()


@pytest.mark.parametrize("bargaining_store_kind", ["memory", "sqlite", "postgresql"])
def test_then_refused_checks_the_error_and_that_nothing_was_recorded(
    bargaining_scenario: Scenario,
) -> None:
    unit = bargaining_scenario.given(_register,
                                     _agreement(_ID, date(2022, 1, 1), date(2025, 12, 31)))[0]
    outcome = bargaining_scenario.when(_agreement(unit, date(2023, 1, 1), date(2026, 12, 31)))
    refused = outcome.then_refused(RuleViolation, match="overlaps")
    assert "already recorded" in str(refused)
    with pytest.raises(AssertionError, match="expected UnitNotFound, but it was refused with "
                                             "RuleViolation"):
        outcome.then_refused(UnitNotFound)
    with pytest.raises(AssertionError, match="but it was refused: RuleViolation"):
        outcome.then("AgreementRecorded")


def test_a_refusal_that_recorded_something_fails_the_test(bargaining_app: BargainingApp) -> None:
    def records_then_refuses(app: BargainingApp) -> None:   # a host's bug
        _register(app)
        app.units.change_headcount(_ID, -5, actor=STEWARD)

    outcome = Scenario(bargaining_app).when(records_then_refuses)
    with pytest.raises(AssertionError, match="a refusal records nothing"):
        outcome.then_refused()


def test_given_takes_records_made_outside_the_commands(bargaining_app: BargainingApp) -> None:
    unit = registered_unit(UnitProfile(union="CUPE", local="79", employer="City of Toronto",
                                       unit_name="Inside workers"), STEWARD)
    scenario = Scenario(bargaining_app)
    assert scenario.given(unit) == unit.id == _ID
    scenario.when(lambda app: None).then()      # recording nothing is checked too
    assert bargaining_app.units.get(_ID).label == "CUPE 79, City of Toronto (Inside workers)"


def test_a_host_error_is_not_a_refusal(bargaining_app: BargainingApp) -> None:
    with pytest.raises(ZeroDivisionError):
        Scenario(bargaining_app).when(lambda app: 1 / 0)


def test_the_plugin_runs_a_hosts_tests_on_the_stores_its_ini_names(tmp_path: Path) -> None:
    (tmp_path / "pytest.ini").write_text("[pytest]\nbargaining_stores = memory sqlite postgresql\n")
    (tmp_path / "test_host.py").write_text(textwrap.dedent("""\
        def test_host(bargaining_app, bargaining_store_kind):
            assert bargaining_app.store.kind == {"postgresql": "postgres"}.get(
                bargaining_store_kind, bargaining_store_kind)
    """))
    ran = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False,
        env={"PATH": "/usr/bin:/bin", "BARGAINING_TEST_POSTGRES_URL":
             "postgresql://postgres:s3cret@127.0.0.1:1/none"})
    assert "2 passed, 1 skipped" in ran.stdout, ran.stdout + ran.stderr
    assert "PostgreSQL at postgresql://127.0.0.1:1/none is not reachable" in ran.stdout
    assert "s3cret" not in ran.stdout + ran.stderr  # a password never reaches a CI log


def test_a_schema_joins_the_settings_a_url_already_holds() -> None:
    from bargaining.testing.plugin import _with_schema

    assert _with_schema("postgresql://u@h/db?sslmode=disable", "t1") == (
        "postgresql://u@h/db?sslmode=disable&schema=t1")
    assert _with_schema("postgresql://u@h/db?schema=old", "t2") == "postgresql://u@h/db?schema=t2"



def test_the_pages_print_what_they_show(tmp_path_factory: pytest.TempPathFactory) -> None:
    from .test_docs import ROOT, run_page

    testing = run_page(ROOT / "docs/hosts/testing-your-app.md", tmp_path_factory.mktemp("testing"))
    assert testing.output.splitlines() == [
        "an actor needs a non-blank id",
        "expected a refusal (RuleViolation), but it recorded AgreementRecorded"]
    progress = run_page(ROOT / "docs/hosts/command-line.md", tmp_path_factory.mktemp("progress"))
    assert progress.output.splitlines() == [
        "100 of ?", "200 of ?", "250 of ?", "250 of 250", "0 of 500", "500 of 500", "500"]
