"""The network read model's facts, handed out and kept (issue 15, second review): what
``app.network.facts()`` hands out is the host's to change without changing any later answer,
and the read model keeps nothing of a training record's free words, so a redaction leaves
none of them in memory."""

from __future__ import annotations

import gc
import types
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bargaining import Actor, BargainingApp, RedactionReason
from bargaining.domain.shared.personal import PersonalData
from tests.network_story import ORGANIZER, organize
from tests.test_network_readmodel import LAST, ontario

DAY = date(2024, 6, 1)
SECRET = "Marie on nights is wavering"
#: What a walk of the data does not follow: code, and the application it calls back.
CALLS = (type, types.FunctionType, types.MethodType, types.BuiltinFunctionType)


def test_changing_the_facts_handed_out_changes_no_answer() -> None:
    """A host that ends a plan, adds to a dict or a list of the facts it was handed changes
    its own copy: the measures answer as before, and nothing is recorded."""
    with BargainingApp("memory") as app:
        _, homes = ontario(app)
        organize(app, "Local 101", homes["Local 101"], adopted=date(2024, 1, 10),
                 plan="working", leaders=3, petition=date(2024, 3, 1), until=LAST)
        before = app.network.on(DAY)
        position = app.eventsourcing.last_position()
        facts = app.network.facts()
        facts.plans[0].end(on=date(2024, 2, 1), actor=ORGANIZER)
        assert app.network.on(DAY) == before
        assert app.network.facts().plans[0].ended_on is None
        assert app.eventsourcing.last_position() == position
        for mapping in (facts.teams, facts.sectors, facts.activity, facts.officers):
            with pytest.raises(TypeError):
                mapping[next(iter(mapping))] = None  # type: ignore[index]
        assert app.network.on(DAY) == before


def reachable(root: object, wanted: str) -> bool:
    """Whether ``wanted`` is in a string reachable from ``root`` through the objects the
    garbage collector sees it refer to (dicts, lists, tuples, instances and their slots):
    the data it holds, not the functions it calls back (the log it reads from)."""
    seen: set[int] = set()
    stack: list[Any] = [root]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, str):
            if wanted in item:
                return True
            continue
        if isinstance(item, CALLS):
            continue  # classes and functions: code, and the application they call back
        stack.extend(gc.get_referents(item))
    return False


def personal(root: object) -> list[object]:
    """Every :class:`PersonalData` reachable from ``root``."""
    seen: set[int] = set()
    stack: list[Any] = [root]
    found: list[object] = []
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, (str, *CALLS)):
            continue
        seen.add(id(item))
        if isinstance(item, PersonalData):
            found.append(item)
        stack.extend(gc.get_referents(item))
    return found


def test_no_free_words_of_a_training_record_stay_in_the_read_model(tmp_path: Path) -> None:
    """A session recorded with a reason naming a worker, folded into the network's facts,
    then redacted: nothing of the reason's words is reachable from the read model, before
    the redaction or after it."""
    with BargainingApp(str(tmp_path / "sealed.sqlite"),
                       cipher_key=BargainingApp.create_cipher_key()) as app:
        o = Actor("o-1", "organizer")
        session = app.training.hold_session(topic="Structure tests", on=date(2025, 3, 1),
                                            trainer="p-10", trainees=["p-11"], local="L1",
                                            actor=o, reason=SECRET)
        before = app.network.series(period="month", since=date(2025, 3, 1),
                                    until=date(2025, 3, 31))
        view = app.network.view
        assert not reachable(view, SECRET)
        app.people.redact(session, 1, actor=o, on=date(2025, 3, 3),
                          reason=next(iter(RedactionReason)))
        assert app.network.series(period="month", since=date(2025, 3, 1),
                                  until=date(2025, 3, 31)) == before
        assert before.readings[0].participants == 2
        assert not reachable(view, SECRET)
        assert not reachable(app.network.facts(), SECRET)


def test_the_read_model_holds_no_personal_data() -> None:
    """Leaders identified with their names, a network organized: the read model holds people
    by their opaque ids only, never a name."""
    with BargainingApp("memory") as app:
        _, homes = ontario(app)
        organize(app, "Local 101", homes["Local 101"], adopted=date(2024, 1, 10),
                 plan="working", leaders=3, petition=date(2024, 3, 1), until=LAST)
        app.organizing.identify_leader(homes["Local 102"], group="Nights", person="w-17",
                                       on=date(2024, 1, 15), actor=ORGANIZER,
                                       personal=PersonalData("w-17", name="Marie Tremblay",
                                                             notes="wavering on nights"))
        assert app.network.on(DAY).active_leaders > 0
        assert personal(app.network.view) == []
        assert not reachable(app.network.view, "Marie Tremblay")
        assert not reachable(app.network.view, "wavering on nights")
