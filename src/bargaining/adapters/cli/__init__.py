"""The ``bargaining`` command line: a module per group of commands (``importing``,
``map_commands``, ``records``, ``integrity``), what they share in ``common``, and the
command itself, with its exit statuses, in ``main``."""

from bargaining.adapters.cli.main import cli, main

__all__ = ["cli", "main"]
