"""Cells a spreadsheet would run as formulas, neutralised in every CSV file the library writes.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula (``=HYPERLINK(...)`` in an actor's id, a reason or
a rejected row can send data away or run a command). Such a cell is written with a single
quote before it, as OWASP advises ("CSV injection"): spreadsheets show the text, and the quote
says it was neutralised. A plain number (``-4``, ``-2.5``) is written as it is: it runs
nothing, and a rejected unit size stays readable as the number it was.

The importer takes the quote off again (:func:`unquoted`), so a corrected rejects file imports
as the rows were first written. JSON Lines exports are never changed.
"""

from __future__ import annotations

import re

#: The first characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def safe_cell(value: str) -> str:
    """The cell as it is safe to write: a quote before text a spreadsheet would run."""
    if value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def unquoted(value: str) -> str:
    """A cell read back: the quote :func:`safe_cell` put before a formula taken off."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
