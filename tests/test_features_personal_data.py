"""personal_data.feature, run as a test."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_personal_data import *  # noqa: F403

scenarios("personal_data.feature")
