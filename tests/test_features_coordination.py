"""frameworks.feature and clusters.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_coordination import *  # noqa: F403

scenarios("frameworks.feature", "clusters.feature")
