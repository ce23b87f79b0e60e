"""Which id each row's unit is recorded under, for a batch at a time.

A row names its unit by union, local, employer and unit name. On a store without encryption
the unit's id is the public UUID 5 of those names; on an encrypted store it is keyed
(:mod:`bargaining.domain.shared.record_ids`), and a unit registered before keyed ids keeps its
UUID 5 id, as a unit registered by release 0.1 under names with an accent typed as two
characters keeps that release's id. The Expiry Map, current after every save, knows every unit:
a batch asks it once for the ids a new unit would be given and once more, for the rows not
found, for the earlier ids; a fresh import into an encrypted store pays one query more per
batch, not one per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from uuid import UUID

from bargaining.adapters.csv_import.rows import ParsedRow
from bargaining.domain.shared.record_ids import RecordIds
from bargaining.domain.units.profile import UNIT_NAMESPACE, unit_words

#: For each of these unit ids the store knows, the expiries of its agreements.
Known = Callable[[Sequence[UUID]], dict[UUID, set[date]]]


def recorded_ids(
    batch: list[ParsedRow], ids: RecordIds, known: Known
) -> tuple[list[UUID], dict[UUID, set[date]]]:
    """The id each row's unit is recorded under (or, for a unit not yet recorded, the id it
    will be given), in the rows' order, and the expiries the store knows for those units."""
    first = [_named(parsed, ids) for parsed in batch]
    found = known(first)
    earlier: dict[int, list[UUID]] = {}
    for index, parsed in enumerate(batch):
        if first[index] in found:
            continue
        older = [uid for uid in (parsed.unit_id if ids.keyed else None, parsed.release_0_1_id)
                 if uid is not None and uid != first[index]]
        if older:
            earlier[index] = older
    if earlier:
        found.update(known([uid for older in earlier.values() for uid in older]))
        for index, older in earlier.items():
            first[index] = next((uid for uid in older if uid in found), first[index])
    return first, found


def _named(parsed: ParsedRow, ids: RecordIds) -> UUID:
    """The id a new unit of the row's names is given: its public id (which the row carries)
    on a store without encryption, else the keyed one."""
    if not ids.keyed:
        return parsed.unit_id
    p = parsed.registration
    return ids.named(UNIT_NAMESPACE, unit_words(p.union, p.local, p.employer, p.unit_name))
