"""ratification.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_coordination import *  # noqa: F403
from tests.steps_ratification import *  # noqa: F403

scenarios("ratification.feature")
