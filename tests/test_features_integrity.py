"""tamper_evidence.feature, time_travel.feature and schema_evolution.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_integrity import *  # noqa: F403

scenarios("tamper_evidence.feature", "time_travel.feature", "schema_evolution.feature")
