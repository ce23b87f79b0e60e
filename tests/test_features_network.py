"""organizer_network.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_network import *  # noqa: F403

scenarios("organizer_network.feature")
