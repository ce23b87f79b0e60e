"""The feature files in features/, run as tests: units, agreements, the Expiry Map, the importer.

Step definitions live in tests/steps_*.py and are brought in here so pytest-bdd can find them.
"""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.steps_agreements import *  # noqa: F403
from tests.steps_common import *  # noqa: F403
from tests.steps_importer import *  # noqa: F403
from tests.steps_map import *  # noqa: F403
from tests.steps_units import *  # noqa: F403
from tests.steps_votes import *  # noqa: F403

scenarios("units.feature", "agreements.feature", "expiry_map.feature", "importer.feature",
          "votes.feature")
