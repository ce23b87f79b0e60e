"""How a record's whole state is written into a snapshot, so that it reads back exactly.

Events carry value objects that the domain's transcodings store by permanent names
(:mod:`bargaining.infrastructure.transcodings`). A record's state holds more: dicts keyed by
unit id, tuples, sets, and attrs values the events never carry (a campaign's actions, a round's
returns). :class:`SnapshotTranscoder` writes every one of them tagged, so a record loaded from
its snapshot equals the record replayed from its events, type for type:

* tuples, sets and frozensets keep their kind, and dicts keep keys of any stored kind;
* attrs values (and dataclasses, and enums without a registered name) are stored as their
  class's topic and fields, and read back field by field, without running their checks again
  (they were checked when the fact was recorded); a value a record holds thousands of (a
  campaign's units) says how it is kept as a row of plain values (``snapshot_row`` and
  ``from_snapshot_row``), and is stored as its topic and that row;
* a person's data always goes through its transcoding, which seals it with the person's
  key (``personal_sealing``), and so does free text (a field named as ``note_sealing``'s
  ``FREE_TEXT`` says), sealed with the key of the record's snapshots;
* everything else goes through the domain's registered transcodings.

A snapshot is a copy kept to load faster, never the record itself: one that can no longer be
read (a class moved, a field it lacks) is ignored and the record is replayed from its events
(:mod:`bargaining.infrastructure.snapshots`). So the topics stored here are not permanent
names the way transcoding names are; an aggregate whose state changes meaning still bumps its
``class_version`` and upcasts (``docs/contributing/changing-events.md``).
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import json
from collections.abc import Callable
from typing import Any

import attrs
from eventsourcing.persistence import JSONTranscoder, TranscodingNotRegisteredError
from eventsourcing.utils import get_topic, resolve_topic

from bargaining.infrastructure.note_sealing import sealed_free_text

_PLAIN = frozenset({str, int, float, bool, type(None)})
_TUPLE, _SET, _FROZENSET, _PAIRS = "snapshot_tuple", "snapshot_set", "snapshot_frozenset", (
    "snapshot_pairs")
_OBJECT, _ENUM, _ROW = "snapshot_object", "snapshot_enum", "snapshot_row"


class SnapshotTranscoder(JSONTranscoder):
    """A JSON transcoder that keeps every kind of value a record's state holds (see the
    module's docstring). It knows the names the events' transcoder knows, so it also reads
    snapshots written before it existed (release 0.1's unit snapshots)."""

    def __init__(self, events: JSONTranscoder) -> None:
        super().__init__()
        self.types = dict(events.types)
        self.names = dict(events.names)
        #: Values whose transcoding seals them (a person's data): always written through it,
        #: never field by field, or a snapshot would hold in clear what the events seal.
        self._sealed = frozenset(t for t, coding in self.types.items()
                                 if getattr(coding, "seals", False))
        self._readers: dict[str, Callable[[Any], Any]] = {
            _TUPLE: tuple,
            _SET: set,
            _FROZENSET: frozenset,
            _PAIRS: lambda pairs: {key: value for key, value in pairs},
            _OBJECT: _restore_object,
            _ENUM: _restore_enum,
            _ROW: _restore_row,
        }

    def encode(self, obj: Any) -> bytes:
        return json.dumps(
            self._tag(obj), separators=(",", ":"), ensure_ascii=False, check_circular=False
        ).encode("utf8")

    def decode(self, data: bytes) -> Any:
        seen: dict[Any, Any] = {}

        def untag(d: dict[str, Any]) -> Any:
            # A state repeats the same unit ids, days and actors many times over: each is
            # read once per snapshot and shared, as values are immutable.
            if len(d) == 2 and "_type_" in d and "_data_" in d:
                name, data = d["_type_"], d["_data_"]
                if type(data) is str:
                    key = (name, data)
                    found = seen.get(key)
                    if found is None:
                        found = seen[key] = self._untag_one(name, data)
                    return found
                return self._untag_one(name, data)
            return d

        return json.loads(data.decode("utf8"), object_hook=untag)

    def _untag_one(self, name: str, data: Any) -> Any:
        reader = self._readers.get(name)
        if reader is not None:
            return reader(data)
        return self._decode_obj({"_type_": name, "_data_": data})

    def _tag(self, o: Any) -> Any:
        kind = type(o)
        if kind in _PLAIN:
            return o
        if kind is list:
            return [self._tag(v) for v in o]
        if kind is dict:
            if all(type(k) is str for k in o) and not ("_type_" in o and "_data_" in o):
                return {k: self._tag(sealed_free_text(k, v)) for k, v in o.items()}
            return _tagged(_PAIRS, [[self._tag(k), self._tag(v)] for k, v in o.items()])
        if kind is tuple:
            return _tagged(_TUPLE, [self._tag(v) for v in o])
        if kind is set or kind is frozenset:
            return _tagged(_SET if kind is set else _FROZENSET, [self._tag(v) for v in o])
        if kind in self._sealed:
            return _tagged(self.types[kind].name, self._tag(self.types[kind].encode(o)))
        if attrs.has(kind):
            if hasattr(kind, "snapshot_row"):  # a value a record holds thousands of
                return _tagged(_ROW, [get_topic(kind), self._tag(o.snapshot_row())])
            fields = {f.name: self._tag(sealed_free_text(f.name, getattr(o, f.name)))
                      for f in attrs.fields(kind)}
            return _tagged(_OBJECT, {"topic": get_topic(kind), "fields": fields})
        transcoding = self.types.get(kind)
        if transcoding is not None:
            return _tagged(transcoding.name, self._tag(transcoding.encode(o)))
        if dataclasses.is_dataclass(o) and not isinstance(o, type):
            fields = {f.name: self._tag(sealed_free_text(f.name, getattr(o, f.name)))
                      for f in dataclasses.fields(o)}
            return _tagged(_OBJECT, {"topic": get_topic(kind), "fields": fields})
        if isinstance(o, enum.Enum):
            return _tagged(_ENUM, {"topic": get_topic(kind), "value": self._tag(o.value)})
        raise TranscodingNotRegisteredError(
            f"a record's state holds a {kind.__name__}, which a snapshot cannot store"
        )


def _tagged(name: str, data: Any) -> dict[str, Any]:
    return {"_type_": name, "_data_": data}


@functools.lru_cache(maxsize=1024)
def _value_class(topic: str) -> tuple[type[Any], tuple[tuple[str, Any], ...], frozenset[str]]:
    cls = resolve_topic(topic)
    if attrs.has(cls):
        names = tuple((f.name, f.default) for f in attrs.fields(cls))
    elif dataclasses.is_dataclass(cls):
        names = tuple((f.name, f.default) for f in dataclasses.fields(cls))
    else:
        raise TypeError(f"{topic} is no longer a value class")
    return cls, names, frozenset(name for name, _ in names)


def _restore_object(data: dict[str, Any]) -> Any:
    """A value with its fields as they were: a field it no longer has, or a new field without
    a default, makes the snapshot unreadable (and so ignored), never half restored."""
    cls, names, known = _value_class(data["topic"])
    stored: dict[str, Any] = data["fields"]
    if not known.issuperset(stored):
        unknown = sorted(set(stored) - known)
        raise TypeError(f"{data['topic']} no longer has the fields {unknown}")
    value = object.__new__(cls)
    for name, default in names:
        if name in stored:
            field = stored[name]
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            field = default.factory()
        elif default is attrs.NOTHING or default is dataclasses.MISSING:
            raise TypeError(f"{data['topic']} has a new field {name} without a default")
        else:
            field = default
        object.__setattr__(value, name, field)
    return value


def _restore_row(data: list[Any]) -> Any:
    """A value a record holds thousands of, written as its plain row (``snapshot_row``)."""
    cls, _, _ = _value_class(data[0])
    return cls.from_snapshot_row(data[1])


def _restore_enum(data: dict[str, Any]) -> enum.Enum:
    cls = resolve_topic(data["topic"])
    member: enum.Enum = cls(data["value"])
    return member
