"""Verify a store's hash chain from outside any application, without the encryption key."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from eventsourcing.persistence import InfrastructureFactory, PersistenceError
from eventsourcing.utils import Environment

from bargaining.application.integrity import (
    IntegrityReport,
    Receipt,
    verify_chain,
    with_snapshots,
)
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.progress import Progress
from bargaining.infrastructure.errors import StoreError
from bargaining.infrastructure.snapshots import Seal, check_snapshots
from bargaining.infrastructure.stores import Store


def verify_store(
    store: str | os.PathLike[str],
    receipt: Receipt | str | None = None,
    *,
    page_size: int = 2000,
    progress: Progress | None = None,
) -> IntegrityReport:
    """Verify a SQLite file or PostgreSQL database without the encryption key.

    For auditors and members' scrutineers: the chain covers the stored (encrypted) bytes, so
    this reads the events and the chain and changes nothing, not even to create a table.
    Snapshots are checked by the part of their seal that needs no key: one copied under
    another record or version, or edited, is named (one sealed again by someone who knows the
    scheme needs the key to be caught: ``app.integrity.verify()``). ``progress`` hears the
    positions verified, as ``app.integrity.verify`` says.
    """
    parsed = Store.parse(store)
    if parsed.kind == "memory":
        raise InvalidInput.worded("an in-memory store can only be verified by the application "
                                  "holding it")
    if parsed.kind == "sqlite" and not Path(parsed.location).exists():
        raise InvalidInput.worded("there is no SQLite store at {location}",
                                  location=parsed.location)
    if isinstance(receipt, str):
        receipt = Receipt.parse(receipt)
    env = Environment("BargainingApp", {**parsed.settings, "CREATE_TABLE": "n"})
    factory = InfrastructureFactory.construct(env)
    try:
        recorder: Any = factory.application_recorder()
        report = verify_chain(recorder, receipt=receipt, page_size=page_size,
                              progress=progress)
    except PersistenceError as error:
        factory.close()
        raise StoreError.worded("cannot read the hash chain of {location}: {error}; a store "
                                "written before the chain existed gets one when a BargainingApp "
                                "first opens it", location=parsed.location, error=error) from None
    try:
        snapshots = factory.aggregate_recorder(purpose="snapshots")
        found = check_snapshots(snapshots, recorder, Seal(None), page_size=page_size)
        return with_snapshots(report, found)
    except PersistenceError:
        return report  # a store without a snapshot table has no snapshot to check
    finally:
        factory.close()
