"""charts.feature, run as tests."""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_budgets import *  # noqa: F403
from tests.steps_charts import *  # noqa: F403
from tests.steps_escalation import *  # noqa: F403

scenarios("charts.feature")
