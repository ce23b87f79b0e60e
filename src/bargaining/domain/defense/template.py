"""Campaign templates: named, versioned plans a local can launch when a service is threatened.

A template answers threats of some kinds (and, where it says so, of some sectors) with a
ladder, its actions in order with their lead times (days after the launch), a messaging
checklist and the roles the plan needs. Its name gives its id, so one name is one template;
each new version is an event of its own, and a response keeps the version it was proposed
from.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterable
from typing import Any
from uuid import UUID

import attrs
from eventsourcing.domain import Aggregate, event

from bargaining.domain.campaigns.ladder import Ladder
from bargaining.domain.defense.threat import ThreatKind
from bargaining.domain.defense.words import key, kind_of, names
from bargaining.domain.shared.actor import Actor, clean_reason, require_actor
from bargaining.domain.shared.errors import InvalidInput, term
from bargaining.domain.shared.record_ids import PUBLIC_IDS, RecordIds, created
from bargaining.domain.shared.text import clean_name

TEMPLATE_NAMESPACE = uuid.UUID("5b1f0f0e-3c55-5f6a-8d0b-6c1e2a9d4f71")


def template_words(name: str) -> str:
    """The words a template's id is derived from: its name, case and spacing aside."""
    return key(clean_name(name, term("template's name")))


def template_id(name: str) -> UUID:
    """The public id of the template of this name (case and spacing aside): the id on a
    store without encryption (an encrypted store's are keyed)."""
    return uuid.uuid5(TEMPLATE_NAMESPACE, template_words(name))


@attrs.frozen
class TemplateAction:
    """One action of a template: its name, the rung it climbs, and how many days after the
    launch it is held (``TemplateAction("town hall", "organizing meeting", 7)``)."""

    name: str
    rung: str
    lead_days: int

    def __attrs_post_init__(self) -> None:
        for field in ("name", "rung"):
            value = getattr(self, field)
            if not isinstance(value, str) or not value.strip():
                raise InvalidInput.worded("a template's action needs its {field}", field=field)
            object.__setattr__(self, field, clean_name(value, f"action's {field}"))
        days = self.lead_days
        if isinstance(days, bool) or not isinstance(days, int) or days < 0:
            raise InvalidInput.worded("the action '{name}' is held a whole number of days after "
                                      "the launch, 0 or more, not {days}",
                                      name=self.name, days=repr(days))


@attrs.frozen
class TemplateVersion:
    """One version of a template, as it was published."""

    number: int
    answers: tuple[ThreatKind, ...]
    sectors: tuple[str, ...]
    ladder: Ladder | None
    actions: tuple[TemplateAction, ...]
    checklist: tuple[str, ...]
    roles: tuple[str, ...]

    @property
    def ladder_or_default(self) -> Ladder:
        return self.ladder or Ladder.default()


def _actions(actions: object, ladder: Ladder | None) -> tuple[TemplateAction, ...]:
    if isinstance(actions, TemplateAction) or not isinstance(actions, Iterable):
        raise InvalidInput.worded("a template's actions are a list of TemplateAction, in order")
    found = tuple(actions)
    if not found or not all(isinstance(a, TemplateAction) for a in found):
        raise InvalidInput.worded("a template needs its actions: one or more TemplateAction, in "
                                  "order")
    rungs = ladder or Ladder.default()
    for before, after in itertools.pairwise(found):
        if after.lead_days < before.lead_days:
            raise InvalidInput.worded("a template's actions come in order: '{after}' "
                                      "({lead_days} days) comes after '{before}' ({lead_days2} "
                                      "days)", after=after.name, lead_days=after.lead_days,
                                      before=before.name, lead_days2=before.lead_days)
    for action in found:
        if rungs.find(action.rung) is None:
            raise InvalidInput.worded("the action '{action}' climbs '{rung}', which is not a "
                                      "rung of the template's ladder",
                                      action=action.name, rung=action.rung)
    return found


def _version(number: int, data: dict[str, Any]) -> TemplateVersion:
    return TemplateVersion(
        number=number,
        answers=tuple(ThreatKind(k) for k in data["answers"]),
        sectors=tuple(data["sectors"]),
        ladder=data["ladder"],
        actions=tuple(TemplateAction(a["name"], a["rung"], a["lead_days"])
                      for a in data["actions"]),
        checklist=tuple(data["checklist"]),
        roles=tuple(data["roles"]),
    )


def plan(
    *, answers: object, actions: object, checklist: object = (), roles: object = (),
    sectors: object = (), ladder: Ladder | None = None,
) -> dict[str, Any]:
    """A version's plan, checked, in the form its event stores."""
    kinds = (answers,) if isinstance(answers, ThreatKind | str) else answers
    if not isinstance(kinds, Iterable):
        raise InvalidInput.worded("say which kinds of threat the template answers")
    answered = [kind_of(ThreatKind, k, term("threat")) for k in kinds]
    if not answered:
        raise InvalidInput.worded("say which kinds of threat the template answers (one at least)")
    if ladder is not None and not isinstance(ladder, Ladder):
        raise InvalidInput.worded("a template's ladder is a Ladder (or None: the default ladder)")
    return {
        "answers": [k.value for k in ThreatKind if k in answered],
        "sectors": list(names(sectors, term("sectors the template is for"))),
        "ladder": ladder,
        "actions": [{"name": a.name, "rung": a.rung, "lead_days": a.lead_days}
                    for a in _actions(actions, ladder)],
        "checklist": list(names(checklist, term("messaging checklist"))),
        "roles": list(names(roles, term("roles the plan needs"))),
    }


class CampaignTemplate(Aggregate):
    """A named plan and its versions, the latest last."""

    @staticmethod
    def create_id(name: str, **_: object) -> UUID:
        return template_id(name)

    @classmethod
    def publish(cls, *, name: str, actor: Actor, reason: str | None = None,
                ids: RecordIds = PUBLIC_IDS, **version: Any) -> CampaignTemplate:
        """A new template, at version 1, under the id ``ids`` (the store's) gives its name."""
        if not isinstance(name, str) or not name.strip():
            raise InvalidInput.worded("a campaign template needs a name")
        return created(cls, "Published", ids.named(TEMPLATE_NAMESPACE, template_words(name)),
                       name=clean_name(name, term("template's name")), plan=plan(**version),
                       actor=require_actor(actor), reason=clean_reason(reason))

    @event("Published")
    def __init__(self, *, name: str, plan: dict[str, Any], actor: Actor,
                 reason: str | None) -> None:
        self.name = name
        self.versions: list[TemplateVersion] = [_version(1, plan)]

    @property
    def latest(self) -> TemplateVersion:
        return self.versions[-1]

    def plan_version(self, number: int) -> TemplateVersion:
        """A version by its number."""
        if isinstance(number, bool) or not isinstance(number, int) or not (
                1 <= number <= len(self.versions)):
            raise InvalidInput.worded("the template '{name}' has versions 1 to {count}, not "
                                      "{number}", name=self.name, count=len(self.versions),
                                      number=repr(number))
        return self.versions[number - 1]

    def revise(self, *, actor: Actor, reason: str | None = None, **version: Any) -> int:
        """Publish the next version; returns its number."""
        who, checked = require_actor(actor), plan(**version)
        self._version_published(number=len(self.versions) + 1, plan=checked, actor=who,
                                reason=clean_reason(reason))
        return len(self.versions)

    @event("VersionPublished")
    def _version_published(self, number: int, plan: dict[str, Any], actor: Actor,
                           reason: str | None) -> None:
        self.versions.append(_version(number, plan))
