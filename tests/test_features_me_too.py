"""me_too_and_alignment.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_me_too import *  # noqa: F403

scenarios("me_too_and_alignment.feature")
