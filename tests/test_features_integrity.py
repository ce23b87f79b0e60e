"""tamper_evidence.feature and time_travel.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_integrity import *  # noqa: F403

scenarios("tamper_evidence.feature", "time_travel.feature")
