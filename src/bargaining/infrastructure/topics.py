"""Where stored events and snapshots find their classes after a class has moved.

A stored event names its class by topic (``module:Class.Event``) and a snapshot names its
aggregate's class the same way, so moving an aggregate to another module would leave every
event recorded before the move without a class. Each aggregate that moved keeps its earlier
topics here: they are registered with ``eventsourcing`` before anything is read, and the
queries that select events by topic (the Expiry Map's feed, history by kind) ask for the
earlier topics as well as the current one.

Never remove an entry: stores written by that release exist.
"""

from __future__ import annotations

from eventsourcing.domain import CanMutateAggregate
from eventsourcing.utils import get_topic, register_topic

from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.coordination.cluster import BargainingCluster
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.frameworks.framework import DemandFramework
from bargaining.domain.units.unit import BargainingUnit

#: Earlier topics of aggregates that moved, with the class each now names (release 0.1 kept
#: every aggregate in a module of ``bargaining.domain``).
PREVIOUS_TOPICS: dict[str, type[object]] = {
    "bargaining.domain.unit:BargainingUnit": BargainingUnit,
    "bargaining.domain.framework:DemandFramework": DemandFramework,
    "bargaining.domain.cluster:BargainingCluster": BargainingCluster,
    "bargaining.domain.round:BargainingRound": BargainingRound,
    "bargaining.domain.escalation:Campaign": Campaign,
}


def register_previous_topics() -> None:
    """Let earlier topics resolve to today's classes (their events resolve through them)."""
    for topic, cls in PREVIOUS_TOPICS.items():
        if topic != get_topic(cls):
            register_topic(topic, cls)


def stored_topics(event_class: type[object]) -> tuple[str, ...]:
    """Every topic under which events of this class may be stored: today's, then earlier."""
    topic = get_topic(event_class)
    module_and_owner, _, event_name = topic.rpartition(".")
    earlier = tuple(
        f"{old}.{event_name}"
        for old, cls in PREVIOUS_TOPICS.items()
        if get_topic(cls) == module_and_owner and old != module_and_owner
    )
    return (topic, *earlier)


def event_classes(aggregate: type[object]) -> tuple[type[object], ...]:
    """The event classes an aggregate class declares (its ``@event`` methods make them), and
    those declared by the library's own base classes it extends (the cluster's me-too
    ledger): an event a base's method records is stored under the base's class, so the copy
    ``eventsourcing`` makes of it on the subclass is left out."""
    bases = [k for k in aggregate.__mro__[1:] if k.__module__.startswith("bargaining.")]
    inherited = {name for base in bases for name in vars(base)}
    own = [v for name, v in vars(aggregate).items() if name not in inherited and _is_event(v)]
    declared = [v for base in bases for name, v in vars(base).items()
                if name not in ("Event", "Created") and _is_event(v)]
    return tuple(own + declared)


def _is_event(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, CanMutateAggregate)


def aggregate_topics(aggregate: type[object]) -> tuple[str, ...]:
    """Every topic under which events of an aggregate class may be stored."""
    return tuple(sorted({t for cls in event_classes(aggregate) for t in stored_topics(cls)}))


register_previous_topics()
