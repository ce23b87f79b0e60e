"""front_commun.fr.feature (written in French Gherkin, ``# language: fr``), run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_front_commun_fr import *  # noqa: F403
from tests.steps_refus_fr import *  # noqa: F403

scenarios("front_commun.fr.feature")
