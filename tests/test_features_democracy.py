"""democracy.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_democracy import *  # noqa: F403

scenarios("democracy.feature")
