"""public_services.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_defense import *  # noqa: F403

scenarios("public_services.feature")
