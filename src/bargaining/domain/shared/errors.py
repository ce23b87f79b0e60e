"""The domain's errors: one base class a host can catch, messages in the domain's words.

A command that raises any of these has recorded nothing.
"""

from __future__ import annotations


class BargainingError(Exception):
    """Base class of every error the library raises on purpose."""


class InvalidInput(BargainingError, ValueError):
    """A value given to a command or query is malformed (a blank name, a negative headcount)."""


class RuleViolation(BargainingError):
    """A command breaks a rule of the domain (overlapping agreements, expiry before effect)."""


class MissingActor(BargainingError):
    """A command was given without an actor: every recorded change must say who made it."""


class UnitAlreadyRegistered(BargainingError):
    """The same union, local, employer and unit name were registered before."""


class RecordNotFound(BargainingError, LookupError):
    """No record (unit, cluster, framework, round) exists under the given id."""


class UnitNotFound(RecordNotFound):
    """No bargaining unit is registered under the given identity."""


class ConcurrentChange(BargainingError):
    """Someone else changed the same record first; reload and try again."""
