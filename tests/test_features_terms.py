"""offer_terms.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_terms import *  # noqa: F403

scenarios("offer_terms.feature")
