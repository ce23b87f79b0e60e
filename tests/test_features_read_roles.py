"""read_roles.feature and retention.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_read_roles import *  # noqa: F403

scenarios("read_roles.feature")
scenarios("retention.feature")
