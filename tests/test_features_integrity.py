"""tamper_evidence.feature, time_travel.feature, schema_evolution.feature and
two_timelines.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_integrity import *  # noqa: F403
from tests.steps_timelines import *  # noqa: F403

scenarios("tamper_evidence.feature", "time_travel.feature", "schema_evolution.feature",
          "two_timelines.feature")
