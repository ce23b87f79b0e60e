"""A testing kit for host applications: given/when/then on a fresh application
(:class:`Scenario`, :class:`Outcome`) and a pytest plugin with fixtures on memory, SQLite and
PostgreSQL (:mod:`bargaining.testing.plugin`, loaded by pytest from the installed package).
See ``docs/hosts/testing-your-app.md``."""

from bargaining.testing.scenario import Outcome, Scenario

__all__ = ["Outcome", "Scenario"]
