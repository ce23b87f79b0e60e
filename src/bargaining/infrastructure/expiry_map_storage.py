"""Where Expiry Maps keep their tables: the read models' SQL store, names sealed as the events
are (``MapStorage`` of ``bargaining.readmodels.expiry_map.ports``)."""

from __future__ import annotations

from bargaining.infrastructure.expiry_map_sql import ExpiryMapSql
from bargaining.infrastructure.expiry_map_tables import ExpiryMapTables
from bargaining.infrastructure.sealing import NameSealer
from bargaining.infrastructure.viewstore import ViewStore


class ExpiryMapStorage:
    """Maps' tables in ``store``, each map's named after it; names stored sealed by ``sealer``."""

    def __init__(self, store: ViewStore, sealer: NameSealer) -> None:
        self.store = store
        self.sealer = sealer

    def writer(self, name: str) -> ExpiryMapTables:
        """The tables of the map of this name (made if they are not there yet), to write."""
        return ExpiryMapTables(self.store, self.sealer, name)

    def reader(self, name: str) -> ExpiryMapSql:
        """The tables of the map of this name, to query."""
        return ExpiryMapSql(self.store, self.sealer, name)
