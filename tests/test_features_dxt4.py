"""dxt4_drive.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_dxt4 import *  # noqa: F403

scenarios("dxt4_drive.feature")
