"""Everything that touches ``eventsourcing``'s internals or SQL, in one place.

Stores and their settings, the recorders that write the hash chain, transcodings of value
objects, topics of classes that moved, the SQL view store and name sealing, and the Expiry
Map's tables, queries and feed of unit events (which implement what
``bargaining.readmodels.expiry_map.ports`` asks for). Subclasses of ``eventsourcing`` classes
and uses of its private names live here and nowhere else.
"""
