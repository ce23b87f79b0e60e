"""training.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_training import *  # noqa: F403

scenarios("training.feature")
