"""What the coordination services need from the application (for type checking only)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

T = TypeVar("T")

if TYPE_CHECKING:
    from bargaining.domain.units.unit import BargainingUnit

    class Records:
        def _load(
            self, record_id: object, cls: type[T], what: str, *, version: int | None = None
        ) -> T: ...

        def _past(self, record_id: UUID, cls: type[T], at: datetime) -> T: ...

        def _unit(self, unit: UUID | BargainingUnit) -> BargainingUnit: ...

        def save(self, *objs: Any, **kwargs: Any) -> Any: ...

else:

    class Records:
        """At run time the application itself provides these methods."""
