"""Which template answers a threat, and why (pure: the process manager records the why)."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from bargaining.domain.defense.template import CampaignTemplate, TemplateVersion
from bargaining.domain.defense.threat import Threat
from bargaining.domain.defense.words import key


@attrs.frozen
class Match:
    """The template chosen for a threat, the version used, and why in words."""

    template: CampaignTemplate
    version: TemplateVersion
    why: str


def choose_template(templates: Iterable[CampaignTemplate], threat: Threat) -> Match | None:
    """The template whose latest version answers the threat's kind: one made for a sector the
    threat hits before one for every sector, then by name. ``None`` if none answers it."""
    hit = {key(s) for s in threat.sectors}
    found: list[tuple[int, str, CampaignTemplate, str]] = []
    for template in templates:
        latest = template.latest
        if threat.kind not in latest.answers:
            continue
        why = (f"template '{template.name}' version {latest.number} answers "
               f"{threat.kind.value} threats")
        if latest.sectors:
            shared = [s for s in latest.sectors if key(s) in hit]
            if not shared:
                continue
            found.append((0, key(template.name), template,
                          f"{why} in {', '.join(shared)}"))
        else:
            found.append((1, key(template.name), template, f"{why} in every sector"))
    if not found:
        return None
    _, _, template, why = min(found, key=lambda f: (f[0], f[1]))
    return Match(template, template.latest, why)
