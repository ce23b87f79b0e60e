"""Properties of sealing: any person's data reads back as sealed; once the person's keys are
deleted, nothing of it decodes, whatever it held."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from bargaining import InvalidInput, PersonalData
from bargaining.infrastructure.key_tables import MemoryKeyTable
from bargaining.infrastructure.person_keys import PersonKeys
from bargaining.infrastructure.personal_sealing import SealedPersonalData

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)


@st.composite
def personal_data(draw: st.DrawFn) -> PersonalData:
    person = draw(st.from_regex(r"[a-z][a-z0-9-]{0,20}", fullmatch=True))
    fields = {
        "name": draw(st.none() | _TEXT), "contact": draw(st.none() | _TEXT),
        "assessment": draw(st.none() | st.integers(1, 5)), "notes": draw(st.none() | _TEXT),
    }
    try:
        return PersonalData(person, **fields)
    except InvalidInput:  # text the library refuses (direction overrides, ...)
        return PersonalData(person, assessment=fields["assessment"])


def vault(app_key: bytes | None) -> tuple[PersonKeys, SealedPersonalData]:
    keys = PersonKeys(app_key)
    keys.bind(MemoryKeyTable())
    return keys, SealedPersonalData(keys)


@given(personal_data(), st.none() | st.binary(min_size=32, max_size=32))
def test_sealing_round_trips_any_persons_data(value: PersonalData, app_key: bytes | None
                                              ) -> None:
    keys, coding = vault(app_key)
    stored = json.loads(json.dumps(coding.encode(value)))
    keys.write_pending(None)
    keys.committed()
    assert coding.decode(stored) == value
    for text in (value.name, value.contact, value.notes):
        if text and len(text) > 3:
            assert text not in json.dumps(stored, ensure_ascii=False)


@given(st.lists(personal_data(), min_size=1, max_size=5))
def test_after_erasure_nothing_of_the_person_decodes(values: list[PersonalData]) -> None:
    keys, coding = vault(None)
    stored = [json.loads(json.dumps(coding.encode(v))) for v in values]
    keys.write_pending(None)
    keys.committed()
    gone = values[0].person
    keys.erase(gone)
    keys.write_pending(None)
    keys.committed()
    for value, data in zip(values, stored, strict=True):
        read = coding.decode(data)
        if value.person == gone:
            assert read == PersonalData.erased_for(gone)
        else:
            assert read == value
