"""Units made in bulk for an importer, through ``eventsourcing``'s own creation step.

``BargainingUnit.register`` creates a unit through the aggregate's constructor, which first
matches its arguments against ``__init__``'s signature. An importer registers thousands of
units from profiles that are already checked, so it creates them through the step that
constructor ends in (``Aggregate._create``, a private name, hence here). The unit and its
``Registered`` event are the same either way: ``tests/test_eventsourcing_seams.py`` holds
the two side by side.
"""

from __future__ import annotations

from uuid import UUID

from bargaining.domain.shared.actor import Actor, require_actor
from bargaining.domain.units.profile import PROFILE_FIELDS, UnitProfile
from bargaining.domain.units.unit import BargainingUnit


def registered_unit(profile: UnitProfile, actor: Actor,
                    unit_id: UUID | None = None) -> BargainingUnit:
    """A new unit for a checked profile, its ``Registered`` event pending (no reason given:
    an import's rows say where they came from in their agreements' source), under the id
    the store gives its names (without one, the public id)."""
    fields = {name: getattr(profile, name) for name in PROFILE_FIELDS}
    return BargainingUnit._create(
        BargainingUnit.Registered, id=unit_id, **fields, actor=require_actor(actor),
        reason=None,
    )
