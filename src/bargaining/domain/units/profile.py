"""Who a bargaining unit is and where it works: its names and profile, checked and tidied.

A unit's id is derived from its union, local, employer and unit name, so the same unit
registered twice is found, not duplicated; names match whatever their case and spacing. How it
is derived is the store's (:mod:`~bargaining.domain.shared.record_ids`): :func:`unit_id` is the
public UUID 5 a store without encryption gives, :func:`unit_ids` the ids a store looks under.
"""

from __future__ import annotations

import functools
import unicodedata
import uuid
from uuid import UUID

import attrs

from bargaining.domain.shared.errors import InvalidInput, RuleViolation, term
from bargaining.domain.shared.record_ids import RecordIds
from bargaining.domain.shared.text import MAX_NAME, clean_name

#: No bargaining unit covers more workers than this; larger counts are typing errors.
MAX_HEADCOUNT = 10_000_000
#: A unit's names and profile fields are at most this many characters: real names are far
#: shorter, and the Expiry Map indexes sector and region, where PostgreSQL limits the size of
#: an index entry (docs/hosts/units-and-agreements.md gives the figures).
MAX_TEXT = MAX_NAME
UNIT_NAMESPACE = uuid.UUID("6b0d4c36-8f5e-4c59-9d55-8b1f0f3c2a71")


def normalise_name(value: str) -> str:
    """Names match whatever their case and spacing: 'CUPE  79' is 'cupe 79'."""
    return " ".join(value.split()).casefold()


#: Unit ids computed lately are remembered (a unit's rows repeat close together in a file);
#: a bounded few, so an import's memory does not grow with the units it meets.
UNIT_IDS_REMEMBERED = 16384


def unit_words(union: str, local: str, employer: str, unit_name: str) -> str:
    """The words a unit's id is derived from: its four names normalised, joined by '|'."""
    return "|".join(normalise_name(v) for v in (union, local, employer, unit_name))


@functools.lru_cache(maxsize=UNIT_IDS_REMEMBERED)
def unit_id(union: str, local: str, employer: str, unit_name: str) -> UUID:
    """The public identity of a unit, derived from its union, local, employer and unit name
    (UUID 5): the id on a store without encryption, and on an encrypted store the id of a
    unit registered before keyed ids (:func:`unit_ids` gives a store's)."""
    return uuid.uuid5(UNIT_NAMESPACE, unit_words(union, local, employer, unit_name))


def unit_ids(ids: RecordIds, union: str, local: str, employer: str,
             unit_name: str) -> tuple[UUID, ...]:
    """The ids a unit of these names (as typed) may be recorded under in a store of ``ids``:
    first the one a new unit is given, then those earlier versions gave (the public UUID 5
    on an encrypted store; release 0.1's for an accent typed as two characters). Names are
    composed (NFC) first, as a unit's record keeps them."""
    names = [unicodedata.normalize("NFC", v) for v in (union, local, employer, unit_name)]
    words = unit_words(*names)
    found = [ids.named(UNIT_NAMESPACE, words), *ids.earlier(UNIT_NAMESPACE, words)]
    legacy = release_0_1_unit_id(union, local, employer, unit_name)
    if legacy is not None and legacy not in found:
        found.append(legacy)
    return tuple(found)


def release_0_1_unit_id(union: object, local: object, employer: object,
                        unit_name: object) -> UUID | None:
    """The id release 0.1 gave names as typed, where it differs from today's (which composes
    them first, NFC): an accent typed as two characters. ``None`` when they agree or a name is
    not text. A unit registered then under such names keeps that id, so registering, finding
    and importing the same names look it up too, rather than making a second unit."""
    names = (union, local, employer, unit_name)
    if not all(isinstance(v, str) for v in names):
        return None
    typed = [str(v) for v in names]
    composed = [unicodedata.normalize("NFC", v) for v in typed]
    if typed == composed:
        return None
    return unit_id(*typed)


def unit_label(union: str, local: str, employer: str, unit_name: str) -> str:
    """How organizers name a unit: 'CUPE 79, City of Toronto (inside workers)'."""
    union_local = f"{union} {local}".strip()
    return f"{union_local}, {employer} ({unit_name})"


#: The fields a unit cannot go without, as a refusal names them (marked for the catalog).
_NEEDS = {"union": term("a union"), "employer": term("an employer"),
          "unit name": term("a unit name")}


def clean_text(value: object, what: str, *, required: bool = True) -> str:
    """A name or profile field as the record keeps it: plain text on one line, spacing
    tidied, in composed form (NFC, so two names that look the same are the same), without
    control or invisible formatting characters, at most :data:`MAX_TEXT` characters; refused
    in words that never quote the text (:func:`~bargaining.domain.shared.text.clean_name`)."""
    if value is None:
        value = ""
    cleaned = clean_name(value, what, most=MAX_TEXT, kind="a unit's names and profile fields are")
    if required and not cleaned:
        article = "an" if what[0] in "aeio" else "a"
        raise InvalidInput.worded("a bargaining unit needs {what}",
                                  what=_NEEDS.get(what) or term(f"{article} {what}"))
    return cleaned


def clean_headcount(value: object) -> int:
    """A count of workers: a whole number from 0 to :data:`MAX_HEADCOUNT`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput.worded("headcount must be a whole number of workers, not {value}",
                                  value=repr(value))
    if value < 0:
        raise RuleViolation.worded("headcount cannot be negative ({value})", value=value)
    if value > MAX_HEADCOUNT:
        raise InvalidInput.worded("headcount {value:,} is beyond any bargaining unit (at most "
                                  "{max_headcount:,})", value=value, max_headcount=MAX_HEADCOUNT)
    return value


# One converter per field (attrs calls each inline as it builds the profile, the cheapest
# way to tidy every field of every row an importer reads).


def _union(value: object) -> str:
    return clean_text(value, term("union"))


def _local(value: object) -> str:
    return clean_text(value, term("local"), required=False)


def _employer(value: object) -> str:
    return clean_text(value, term("employer"))


def _unit_name(value: object) -> str:
    return clean_text(value, term("unit name"))


def _sector(value: object) -> str:
    return clean_text(value, term("sector"), required=False)


def _region(value: object) -> str:
    return clean_text(value, term("region"), required=False)


def _city(value: object) -> str:
    return clean_text(value, term("city"), required=False)


def _industry_code(value: object) -> str:
    return clean_text(value, term("industry code"), required=False)


@attrs.frozen(kw_only=True)
class UnitProfile:
    """A unit's names and profile, checked and tidied when made: names are plain text of at
    most :data:`MAX_TEXT` characters with their spacing tidied; union, employer and unit
    name are required; the headcount is a whole number of workers. An importer makes one per
    row, so a bad row is refused before anything is recorded; a unit is registered from one.

    The fields are those of the unit's ``Registered`` event, in its order.
    """

    union: str = attrs.field(converter=_union)
    local: str = attrs.field(default="", converter=_local)
    employer: str = attrs.field(converter=_employer)
    unit_name: str = attrs.field(converter=_unit_name)
    sector: str = attrs.field(default="", converter=_sector)
    region: str = attrs.field(default="", converter=_region)
    city: str = attrs.field(default="", converter=_city)
    headcount: int = attrs.field(default=0, converter=clean_headcount)
    industry_code: str = attrs.field(default="", converter=_industry_code)

    @property
    def unit_id(self) -> UUID:
        """The public id of the unit these names identify (a store without encryption's;
        an encrypted store's is keyed: :func:`unit_ids`)."""
        return unit_id(self.union, self.local, self.employer, self.unit_name)

    @property
    def label(self) -> str:
        """How organizers name the unit: 'CUPE 79, City of Toronto (Inside workers)'."""
        return unit_label(self.union, self.local, self.employer, self.unit_name)


#: The profile's fields in order: the fields of a unit's ``Registered`` event besides who
#: and why.
PROFILE_FIELDS = tuple(f.name for f in attrs.fields(UnitProfile))
