"""The organizer network's measures from a read model: the facts they count, folded from the
event log where the last question stopped (``view``), and indexed by day and scope so that a
series reads each fact once (``index``). ``facts`` holds the folding, and the whole-log reading
the measures were first computed with, kept as the tests' oracle.
"""

from bargaining.readmodels.network.view import NetworkView

__all__ = ["NetworkView"]
