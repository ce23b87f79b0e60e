"""uaw_2023.feature, run as tests: tables, terms, returns and alignment together."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_uaw_2023 import *  # noqa: F403

scenarios("uaw_2023.feature")
