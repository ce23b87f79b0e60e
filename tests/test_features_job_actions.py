"""job_actions_under_law.feature, run as tests: campaigns and disputes together."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_job_actions_under_law import *  # noqa: F403

scenarios("job_actions_under_law.feature")
