"""free_text.feature, run as a test."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_free_text import *  # noqa: F403

scenarios("free_text.feature")
