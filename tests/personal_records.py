"""A small record that carries a person's data, for the vault's tests (the organizing context
will carry PersonalData in its own records; these tests need one now)."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate, event

from bargaining import Actor, PersonalData, RedactionReason


class WorkerContact(Aggregate):
    """An organizer's record of conversations with one worker."""

    @event("Opened")
    def __init__(self, *, worker: PersonalData, actor: Actor, on: date,
                 reason: str | None = None) -> None:
        self.worker = worker
        self.conversations = 0

    @event("Talked")
    def talk(self, *, worker: PersonalData, actor: Actor, on: date,
             reason: str | None = None) -> None:
        self.worker = worker
        self.conversations += 1


class KeptNote(Aggregate):
    """A record that keeps the last reason it was given in its state (so its snapshots hold
    it, as a paused campaign keeps its pause's reason)."""

    @event("Opened")
    def __init__(self, *, on: date, reason: str | None = None) -> None:
        self.reason = reason

    @event("Said")
    def say(self, *, on: date, reason: str | None = None) -> None:
        self.reason = reason

    @event("Touched")
    def touch(self, *, on: date) -> None:
        """A change that keeps the reason in state (so a snapshot after it still holds it)."""
        self.touched = on


def open_contact(app: object, worker: PersonalData, actor: Actor,
                 on: date = date(2024, 5, 1)) -> UUID:
    """Record a contact with a worker; its id."""
    contact = WorkerContact(worker=worker, actor=actor, on=on, reason=None)
    app.save(contact)  # type: ignore[attr-defined]
    return contact.id


__all__ = ["KeptNote", "WorkerContact", "open_contact", "uuid4"]


def record_erasure_story(app: object, actor: Actor) -> UUID:
    """A worker recorded, erased, recorded again (with a reason, later redacted) and erased
    again: both kinds of erasure, and a redaction."""
    worker = PersonalData("w-story", name="Sam Okafor", assessment=1)
    contact = open_contact(app, worker, actor)
    people: Any = app.people  # type: ignore[attr-defined]
    people.erase("w-story", actor=actor, on=date(2026, 6, 1))
    found = app.eventsourcing.repository.get(contact)  # type: ignore[attr-defined]
    found.talk(worker=worker, actor=actor, on=date(2026, 6, 2), reason="met at the gate again")
    app.save(found)  # type: ignore[attr-defined]
    people.erase("w-story", actor=actor, on=date(2026, 6, 3), reason="asked again")
    people.redact(contact, 2, actor=actor, on=date(2026, 6, 4),
                  reason=RedactionReason.ABOUT_A_PERSON)
    return contact
