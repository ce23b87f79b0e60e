"""Stores written by an earlier release open, load, read the same and verify with today's code.

``tests/release_stores/v0.1`` holds two SQLite stores written by release 0.1 (plain and
encrypted, every kind of record, a unit past its snapshot) and ``expected.json``, what that
release read from them. On SQLite the files themselves are opened; on memory and PostgreSQL
their stored events and snapshots are inserted, bytes unchanged, into a fresh store first.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.persistence import StoredEvent

from bargaining import Actor, BargainingApp, EncryptionKeyError, RecordNotFound, StoreError

RELEASES = Path(__file__).resolve().parent / "release_stores"
V0_1 = RELEASES / "v0.1"
KEY = (V0_1 / "key.txt").read_text().strip()
EXPECTED: dict[str, Any] = json.loads((V0_1 / "expected.json").read_text())
STEWARD = Actor("d-1", "data steward")


def stored_rows(path: Path, table: str, order: str) -> list[StoredEvent]:
    with sqlite3.connect(path) as db:
        rows = db.execute(
            f"SELECT originator_id, originator_version, topic, state FROM {table} ORDER BY {order}"
        ).fetchall()
    return [StoredEvent(UUID(r[0]), r[1], r[2], bytes(r[3])) for r in rows]


@pytest.fixture(params=["plain", "encrypted"])
def variant(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def released(
    variant: str, store_kind: str, store_url: str, tmp_path: Path
) -> Iterator[BargainingApp]:
    """A store of release 0.1, opened with today's code on the parametrised kind of store."""
    source = V0_1 / f"{variant}.sqlite"
    key = KEY if variant == "encrypted" else None
    if store_kind == "sqlite":
        shutil.copy(source, store_url)
        app = BargainingApp(store_url, cipher_key=key)
    else:
        app = BargainingApp(store_url, cipher_key=key)
        app.eventsourcing.recorder.insert_events(stored_rows(source, "stored_events", "rowid"))
        assert app.eventsourcing.snapshots is not None
        snapshots = stored_rows(source, "stored_snapshots", "originator_id, originator_version")
        app.eventsourcing.snapshots.recorder.insert_events(snapshots)
    yield app
    app.close()


def as_read_today(value: Any) -> Any:
    """Release 0.1's history data as today's release shows it. One thing reads differently:
    shares of people are percentages now, so a threshold's ``share`` of one is shown as its
    ``percent``, and a quorum and a campaign's climb share in percent (the stored bytes are
    the same). Votes say more since: a quorum is a share or a number present, a tally may
    count the people present, and a vote names its body (none was recorded then). Cluster
    events record their real-world day since: those of release 0.1 read with ``on`` None. A
    round's ratification vote carries its flags (none: release 0.1 refused a vote a flag would
    mark). A round is a bargaining table since: one opened for a unit reads as that unit's
    local table, bargaining every matter. A ladder's strike vote rung states its mandate rule:
    rungs stored then read back with the default, a majority of valid ballots, on the strike
    vote rung and none elsewhere. A wage demand says what its floor binds: one stored then (a
    compound increase) binds the total over the term, with no stated period. An agreement may
    hold its terms and clauses: one stored then reads with none."""
    if isinstance(value, list):
        return [as_read_today(v) for v in value]
    if not isinstance(value, dict):
        return value
    found = {k: as_read_today(v) for k, v in value.items()}
    if (found.get("aggregate_kind") == "BargainingRound"
            and found.get("event") in ("Ratified", "RatificationFailed")):
        found["data"]["flags"] = []  # version 2 carries flags; none were raised before
    measure = found.get("measure")
    if (set(found) == {"key", "category", "description", "measure"}
            and found["category"] == "wages" and set(measure) == {"floor", "target"}):
        found["measure"] = {**measure, "binds": "the total over the term", "years": None}
    if found.get("aggregate_kind") == "BargainingRound" and found.get("event") == "Opened":
        data = dict(found["data"])  # a round of one unit reads as that unit's local table
        data["unit_ids"] = [data.pop("unit_id")]
        found["data"] = {**data, "kind": "local", "matters": [],
                         "returns_rule": "all ballots together", "name": None}
    climb = {"Launched": "climb_share", "ClimbShareChanged": "share"}.get(found.get("event", ""))
    if climb is not None and found.get("aggregate_kind") == "Campaign":
        found["data"][climb] = str(Fraction(found["data"][climb]) * 100)
    if set(found) == {"share", "of", "strictly_more"}:
        found = {"percent": str(Fraction(found.pop("share")) * 100), **found}
    if set(found) == {"held_on", "tally", "threshold", "quorum"}:
        if found["quorum"] is not None:
            found["quorum"] = {"percent": str(Fraction(found["quorum"]) * 100), "people": None}
        found["body"] = None
    if set(found) == {"eligible", "cast", "yes", "no", "spoiled"}:
        found["present"] = None
    if found.get("aggregate_kind") == "BargainingCluster" and found.get("event") in _DAY_ADDED:
        found["data"]["on"] = None  # cluster events record their day since; not recorded then
    if set(found) == {"expiry", "effective", "settled", "source"}:  # an agreement
        found.update(terms=None, clauses=[])  # agreements hold terms and clauses since
    if set(found) == {"name", "threshold", "kind"}:  # a rung: the strike vote's mandate rule
        found["mandate_rule"] = ({"percent": "50", "of": "valid", "strictly_more": True}
                                 if found["kind"] == "strike vote" else None)
    return found


#: Cluster events that record their real-world day since release 0.1 (read back with none).
_DAY_ADDED = {"Formed", "UnitAdmitted", "UnitWithdrew", "FrameworkAdopted", "PactAdopted",
              "TableOpened", "MeTooEntitlementRecorded"}


def history_without_summaries(app: BargainingApp, record: UUID) -> list[dict[str, Any]]:
    return [{k: v for k, v in e.as_record().items() if k != "summary"}
            for e in app.history.of(record)]


def read_back(app: BargainingApp, expected: dict[str, Any]) -> dict[str, Any]:
    """What ``make_v0_1.py`` wrote down, read again with today's API."""
    records = expected["records"]
    every = [*records["units"].values(), records["framework"], records["cluster"],
             *records["rounds"].values(), records["campaign"]]
    busy = UUID(records["units"]["Sudbury LTC"])
    campaign = app.campaigns.get(UUID(records["campaign"]))
    cluster = app.clusters.status(UUID(records["cluster"]))
    framework = app.frameworks.get(UUID(records["framework"]))
    units = {}
    for uid in records["units"].values():
        unit = app.units.get(UUID(uid))
        units[uid] = {
            "label": unit.label, "version": unit.version, "headcount": unit.headcount,
            "sector": unit.sector,
            "agreements": [[str(a.effective), str(a.expiry), str(a.settled), a.source]
                           for a in unit.agreements],
        }
    rounds = {}
    for rid in records["rounds"].values():
        found = app.rounds.get(UUID(rid))
        rounds[rid] = {"ratified": found.ratified, "tentative_number": found.tentative_number,
                       "version": found.version}
    assert app.eventsourcing.snapshots is not None
    return {
        "records": records,
        "receipt": str(app.integrity.receipt()),
        "history": {rid: history_without_summaries(app, UUID(rid)) for rid in every},
        "units": units,
        "snapshots": len(list(app.eventsourcing.snapshots.get(busy))),
        "campaign": {"rung": campaign.rung.name, "status": campaign.status.value,
                     "outcome": campaign.outcome.value if campaign.outcome else None,
                     "version": campaign.version},
        "cluster": {"settled": cluster.settled,
                    "tables": [[str(t.unit_id), t.status.value if t.status else None,
                                t.withdrawn, t.final] for t in cluster.tables],
                    "entitlements": [[str(e.unit_id), e.demand, str(e.from_unit_id)]
                                     for e in cluster.entitlements]},
        "framework": {"effective": framework.effective.number if framework.effective else None,
                      "version": framework.version},
        "rounds": rounds,
        "expiry_map": [[str(u.unit_id), u.sector, u.region, u.headcount, str(u.expiry)]
                       for u in app.expiry_map.all_units()],
    }


@pytest.mark.parametrize("store_kind", ["memory", "sqlite", "postgres"], indirect=True)
def test_a_release_0_1_store_reads_as_that_release_read_it(
    released: BargainingApp, variant: str
) -> None:
    expected = {**EXPECTED[variant], "history": as_read_today(EXPECTED[variant]["history"])}
    found = read_back(released, expected)
    for part in expected:
        assert found[part] == expected[part], part
    report = released.integrity.verify(expected["receipt"])
    assert report.intact, str(report)


@pytest.mark.parametrize("store_kind", ["sqlite", "postgres"], indirect=True)
def test_a_release_0_1_store_takes_new_changes_and_still_verifies(
    released: BargainingApp, variant: str
) -> None:
    expected = EXPECTED[variant]
    busy = UUID(expected["records"]["units"]["Sudbury LTC"])
    released.units.change_headcount(busy, 999, actor=STEWARD, on=date(2026, 6, 1))
    unit = released.units.get(busy)
    assert (unit.headcount, unit.version) == (999, expected["units"][str(busy)]["version"] + 1)
    assert released.expiry_map.unit(busy).headcount == 999
    assert released.integrity.verify(expected["receipt"]).intact
    assert released.expiry_map.rebuild() == len(
        [e for rid in expected["records"]["units"].values() for e in expected["history"][rid]]
    ) + 1


def test_values_valid_in_release_0_1_read_back_though_a_host_could_no_longer_give_them(
    tmp_path: Path,
) -> None:
    """A rung at half a percent, a threshold and quorum of 1/200 and a climb share of 1/100
    were valid in release 0.1 (``edges.sqlite``, from ``make_v0_1_edges.py``); shares of one
    then, they read back as the percentages they meant, and the store verifies."""
    edges = json.loads((V0_1 / "edges.json").read_text())
    copy = tmp_path / "edges.sqlite"
    shutil.copy(V0_1 / "edges.sqlite", copy)
    with BargainingApp(str(copy)) as app:
        campaign = app.campaigns.get(UUID(edges["campaign"]))
        assert campaign.ladder.rungs[0].threshold == Fraction(1, 2)
        assert campaign.climb_share == 1
        framework = app.frameworks.get(UUID(edges["framework"]))
        vote = framework.get_version(1).vote
        assert vote is not None
        assert vote.quorum is not None
        assert (vote.threshold.percent, vote.quorum.percent) == (Fraction(1, 2), Fraction(1, 2))
        assert vote.passed  # 60 of 100 cast, over half a percent, with half a percent voting
        assert len(app.history.of(UUID(edges["campaign"]))) == 2
        assert app.integrity.verify(edges["receipt"]).intact


def test_a_stored_value_this_version_cannot_read_is_named_as_such_not_as_a_wrong_key(
    tmp_path: Path,
) -> None:
    edges = json.loads((V0_1 / "edges.json").read_text())
    copy = tmp_path / "edges.sqlite"
    shutil.copy(V0_1 / "edges.sqlite", copy)
    campaign = UUID(edges["campaign"])
    with sqlite3.connect(copy) as db:  # a rung above 100%, which no release could record
        (state,) = db.execute("SELECT state FROM stored_events WHERE originator_id = ? AND "
                              "originator_version = 1", (campaign.hex,)).fetchone()
        changed = state.replace(b'"_data_":"1/2"', b'"_data_":"150"', 1)
        assert changed != state
        db.execute("UPDATE stored_events SET state = ? WHERE originator_id = ? AND "
                   "originator_version = 1", (changed, campaign.hex))
    with BargainingApp(str(copy)) as app:
        with pytest.raises(StoreError, match="cannot be read by this version") as raised:
            app.campaigns.get(campaign)
        assert not isinstance(raised.value, EncryptionKeyError)
        assert app.units.get(UUID(edges["unit"])).union == "CUPE"


@pytest.mark.parametrize("store_kind", ["sqlite"], indirect=True)
def test_every_record_of_release_0_1_reads_on_any_day(released: BargainingApp,
                                                      variant: str) -> None:
    """Events stored before facts kept their day count from the day they were recorded, or
    from a later fact's day if earlier (a unit admitted then, its pact signed the year before):
    every record and the cluster's status read on any day, from before the first fact to
    after the last, without a record missing what a later fact builds on."""
    records = EXPECTED[variant]["records"]
    every = [*records["units"].values(), records["framework"], records["cluster"],
             *records["rounds"].values(), records["campaign"]]
    read = 0
    for day in (date(2020, 1, 1), date(2025, 6, 1), date(2025, 11, 1), date(2026, 1, 1),
                date(2026, 3, 28), date(2026, 6, 30), date(2027, 1, 1)):
        for record in every:
            try:
                released.history.as_of(UUID(record), on=day)
                read += 1
            except RecordNotFound:
                pass
        with contextlib.suppress(RecordNotFound):  # formed later than the day
            released.clusters.status(UUID(records["cluster"]), on=day)
    assert read > 3 * len(every)
    latest = released.history.as_of(UUID(records["cluster"]), on=date(2099, 1, 1))
    assert latest.version == released.clusters.get(UUID(records["cluster"])).version
