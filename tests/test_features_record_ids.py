"""record_ids.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_record_ids import *  # noqa: F403

scenarios("record_ids.feature")
