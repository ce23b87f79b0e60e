"""drives.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_drives import *  # noqa: F403

scenarios("drives.feature")
