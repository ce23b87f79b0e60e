"""An application's language for every call of its groups (``BargainingApp(language="fr")``).

A translatable error remembers the language chosen where it was raised, so an error a French
application's command refuses with prints in French after the call has returned. History
already writes in the application's language; this makes every other group's calls run in
it too, unless the caller chose a language around the call (``app.reading("en")``, a call's
``language=``), which comes first.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from bargaining.domain.shared.language import Language, chosen_language, reading_in


def speak_in(group: object, language: Language) -> None:
    """Runs each public method of ``group`` in ``language`` when no language is chosen."""
    for name, found in inspect.getmembers(type(group)):
        if name.startswith("_") or not inspect.isfunction(found):
            continue
        if isinstance(inspect.getattr_static(type(group), name), staticmethod | classmethod):
            continue
        setattr(group, name, _speaking(getattr(group, name), language))


def _speaking(method: Callable[..., Any], language: Language) -> Callable[..., Any]:
    @functools.wraps(method)
    def in_language(*args: Any, **kwargs: Any) -> Any:
        if chosen_language() is not None:
            return method(*args, **kwargs)
        with reading_in(language):
            return method(*args, **kwargs)

    return in_language
