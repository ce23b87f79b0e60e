"""The application a host embeds: commands and queries over bargaining units and the Expiry Map."""

from __future__ import annotations

import base64
import binascii
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application, ProcessingEvent
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import (
    IntegrityError,
    JSONTranscoder,
    MapperDeserialisationError,
    PersistenceError,
)

from bargaining.application.campaigns import CampaignCommands
from bargaining.application.clusters import ClusterCommands
from bargaining.application.frameworks import FrameworkCommands
from bargaining.application.history import HistoryQueries
from bargaining.application.integrity import IntegrityChecks
from bargaining.application.rounds import RoundCommands
from bargaining.application.time_travel import TimeTravel
from bargaining.domain.shared.actor import Actor
from bargaining.domain.shared.errors import (
    ConcurrentChange,
    InvalidInput,
    RecordNotFound,
    UnitAlreadyRegistered,
    UnitNotFound,
)
from bargaining.domain.units.agreement import CollectiveAgreement
from bargaining.domain.units.unit import BargainingUnit, unit_id
from bargaining.infrastructure.errors import EncryptionKeyError, MapBehind, StoreError
from bargaining.infrastructure.expiry_map_storage import ExpiryMapStorage
from bargaining.infrastructure.sealing import NameSealer
from bargaining.infrastructure.stores import CIPHER_KEY_ENV, Store
from bargaining.infrastructure.transcodings import register_domain_transcodings
from bargaining.infrastructure.unit_event_feed import UnitEventFeed
from bargaining.infrastructure.viewstore import ViewStore
from bargaining.readmodels.expiry_map import ExpiryMap

T = TypeVar("T")

_log = logging.getLogger("bargaining")


class BargainingApp(
    FrameworkCommands,
    ClusterCommands,
    RoundCommands,
    CampaignCommands,
    IntegrityChecks,
    TimeTravel,
    HistoryQueries,
    Application[UUID],
):
    """Records bargaining units and their agreements as events, and keeps the Expiry Map current.

    ``store`` is ``"memory"``, a SQLite file path (the embedded default) or a
    ``postgresql://`` URL; when omitted it comes from ``BARGAINING_STORE``. ``cipher_key``
    (base64 of 16, 24 or 32 random bytes, see :meth:`create_cipher_key`; or
    ``BARGAINING_CIPHER_KEY``) turns on AES-GCM encryption of every stored event.
    """

    name = "BargainingApp"
    snapshotting_intervals = {BargainingUnit: 50}  # noqa: RUF012
    log_section_size = 1000

    def __init__(
        self,
        store: str | os.PathLike[str] | None = None,
        *,
        cipher_key: str | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.store = Store.parse(store)
        settings = dict(self.store.settings)
        key = cipher_key if cipher_key is not None else os.environ.get(CIPHER_KEY_ENV)
        raw_key = _check_key(key) if key else None
        if key:
            settings["CIPHER_TOPIC"] = "eventsourcing.cipher:AESCipher"
            settings["CIPHER_KEY"] = key
        settings.update(env or {})
        try:
            super().__init__(env=settings)
        except PersistenceError as error:
            raise StoreError(
                f"cannot open the event store {self.store.location}: {error}"
            ) from None
        self._views = views = ViewStore(self)
        self.expiry_map = ExpiryMap(
            UnitEventFeed(self.recorder, self.mapper, views),
            ExpiryMapStorage(views, NameSealer(self.mapper.cipher, raw_key)),
        )
        self._check_key_opens_store()

    @staticmethod
    def create_cipher_key() -> str:
        """A new random AES-256 key, base64 encoded: keep it out of the database and logs."""
        return base64.b64encode(os.urandom(32)).decode("ascii")

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)

    def _check_key_opens_store(self) -> None:
        first = self.recorder.select_notifications(start=None, limit=1)
        if first:
            with self._reading():
                self.mapper.to_domain_event(first[0])

    # ------------------------------------------------------------- persistence

    @contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except MapperDeserialisationError:
            raise EncryptionKeyError(
                "the stored events cannot be decrypted: the encryption key is wrong or missing"
            ) from None
        except ValueError as error:
            if "MAC check failed" in str(error) or "decrypt" in str(error).lower():
                raise EncryptionKeyError(
                    "the stored events cannot be decrypted: the encryption key is wrong or missing"
                ) from None
            raise

    def save(self, *objs: Any, **kwargs: Any) -> Any:
        """Save pending events in one transaction, then bring the read models up to date.

        The steps are ``Application.save``'s own (eventsourcing 9.5), with the events
        collected by :class:`_Collected`."""
        processing_event = _Collected()
        processing_event.collect_events(*objs, **kwargs)
        try:
            recordings = self._record(processing_event)
        except IntegrityError:
            labels = ", ".join(_describe(obj) for obj in objs) or "a record"
            raise ConcurrentChange(
                f"{labels} was changed by someone else at the same time; nothing of this change "
                "was recorded: reload and try again"
            ) from None
        # From here on the change is recorded: failing would tell the host it was not, and
        # a retry would be refused as a duplicate. What follows is derived from the events,
        # so a failure is logged (kinds and log positions only, never the database's text,
        # which can quote a row) and mended later.
        try:
            self._take_snapshots(processing_event)
        except PersistenceError as error:
            _log.warning("a change was recorded but its snapshot was not (%s): loading the "
                         "unit replays its events until the next one", type(error).__name__)
        self._notify(recordings)
        self.notify(processing_event.events)
        try:
            self.expiry_map.follow(recordings)
        except (MapBehind, PersistenceError) as error:
            detail = str(error) if isinstance(error, MapBehind) else type(error).__name__
            _log.warning("a change was recorded but the Expiry Map is behind: %s", detail)
        return recordings

    def _load(
        self, record_id: object, cls: type[T], what: str, *, version: int | None = None
    ) -> T:
        """Load an aggregate of the expected kind, or say in words what is missing."""
        if not isinstance(record_id, UUID):
            raise InvalidInput(f"a {what} is named by its id (a UUID), not {record_id!r}")
        try:
            with self._reading():
                found: Any = self.repository.get(record_id, version=version)
        except AggregateNotFoundError:
            raise RecordNotFound(f"no {what} is recorded with id {record_id}") from None
        if not isinstance(found, cls):
            raise RecordNotFound(f"the record {record_id} is not a {what}")
        return found

    def _unit(self, unit: UUID | BargainingUnit) -> BargainingUnit:
        uid = unit.id if isinstance(unit, BargainingUnit) else unit
        try:
            return self._load(uid, BargainingUnit, "bargaining unit")
        except RecordNotFound as missing:
            raise UnitNotFound(str(missing)) from None

    # ---------------------------------------------------------------- commands

    def register_unit(
        self,
        *,
        union: str,
        local: str,
        employer: str,
        unit_name: str,
        actor: Actor,
        sector: str = "",
        region: str = "",
        city: str = "",
        headcount: int = 0,
        industry_code: str = "",
        reason: str | None = None,
    ) -> UUID:
        """Register a bargaining unit; its id is derived from union, local, employer, unit name."""
        unit = BargainingUnit.register(
            union=union, local=local, employer=employer, unit_name=unit_name, actor=actor,
            sector=sector, region=region, city=city, headcount=headcount,
            industry_code=industry_code, reason=reason,
        )
        if unit.id in self.repository:
            raise UnitAlreadyRegistered(f"{self._unit(unit.id).label} is already registered")
        try:
            self.save(unit)
        except ConcurrentChange:
            raise UnitAlreadyRegistered(
                f"{unit.label} was registered by someone else at the same time"
            ) from None
        return unit.id

    def record_agreement(
        self,
        unit: UUID,
        *,
        expiry: date,
        actor: Actor,
        effective: date | None = None,
        settled: date | None = None,
        source: str | None = None,
        reason: str | None = None,
    ) -> None:
        """Record a collective agreement on a unit. Agreements of one unit never overlap."""
        agreement = CollectiveAgreement(
            expiry=expiry, effective=effective, settled=settled, source=source
        )
        found = self._unit(unit)
        found.record_agreement(agreement, actor=actor, reason=reason)
        self.save(found)

    def correct_agreement(
        self,
        unit: UUID,
        *,
        expiry: date,
        corrected: CollectiveAgreement,
        actor: Actor,
        reason: str | None = None,
    ) -> None:
        """Correct the agreement recorded with ``expiry`` (the original stays in history)."""
        found = self._unit(unit)
        found.correct_agreement(expiry, corrected, actor=actor, reason=reason)
        self.save(found)

    def change_headcount(
        self,
        unit: UUID,
        headcount: int,
        *,
        actor: Actor,
        reason: str | None = None,
        counted_on: date | None = None,
    ) -> None:
        """Record a new count of workers; ``counted_on`` is the day they were counted."""
        found = self._unit(unit)
        found.change_headcount(headcount, actor=actor, reason=reason, counted_on=counted_on)
        self.save(found)

    def change_sector(
        self, unit: UUID, sector: str, *, actor: Actor, reason: str | None = None
    ) -> None:
        found = self._unit(unit)
        found.change_sector(sector, actor=actor, reason=reason)
        self.save(found)

    def change_region(
        self, unit: UUID, region: str, *, actor: Actor, reason: str | None = None
    ) -> None:
        found = self._unit(unit)
        found.change_region(region, actor=actor, reason=reason)
        self.save(found)

    def change_city(
        self, unit: UUID, city: str, *, actor: Actor, reason: str | None = None
    ) -> None:
        found = self._unit(unit)
        found.change_city(city, actor=actor, reason=reason)
        self.save(found)

    def change_industry_code(
        self, unit: UUID, industry_code: str, *, actor: Actor, reason: str | None = None
    ) -> None:
        found = self._unit(unit)
        found.change_industry_code(industry_code, actor=actor, reason=reason)
        self.save(found)

    # ----------------------------------------------------------------- queries

    def get_unit(self, unit: UUID, *, version: int | None = None) -> BargainingUnit:
        """A unit as recorded (or as it was at ``version``)."""
        if version is None:
            return self._unit(unit)
        try:
            return self._load(unit, BargainingUnit, "bargaining unit", version=version)
        except RecordNotFound as missing:
            raise UnitNotFound(str(missing)) from None

    def find_unit(self, *, union: str, local: str, employer: str, unit_name: str) -> BargainingUnit:
        """Find a unit by the names it was registered with (case and spacing do not matter)."""
        uid = unit_id(union, local, employer, unit_name)
        try:
            return self._unit(uid)
        except UnitNotFound:
            names = " ".join(f"{union} {local}".split()), " ".join(employer.split())
            raise UnitNotFound(
                f"no bargaining unit is registered for {names[0]}, {names[1]} "
                f"({' '.join(unit_name.split())})"
            ) from None

    def close(self) -> None:
        views = getattr(self, "_views", None)
        if views is not None:
            views.close()
        super().close()


class _Collected(ProcessingEvent[UUID]):
    """eventsourcing's ``ProcessingEvent``, taking an aggregate's pending events without
    asking the runtime ``Protocol`` checks first: on Python 3.11 those two checks cost
    20 µs an aggregate, an eighth of an import. Anything but an aggregate goes the usual way."""

    def collect_events(self, *objs: Any, **kwargs: Any) -> None:
        for obj in objs:
            if isinstance(obj, Aggregate):
                self.events.extend(obj.collect_events())
                self.aggregates[obj.id] = obj
            else:
                super().collect_events(obj)
        self.saved_kwargs.update(kwargs)


def _describe(obj: object) -> str:
    for attribute in ("label", "name"):
        value = getattr(obj, attribute, None)
        if isinstance(value, str):
            return value
    return f"record {getattr(obj, 'id', '?')}"


def _check_key(key: str) -> bytes:
    try:
        raw = base64.b64decode(key.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise InvalidInput(
            "the encryption key must be base64 text (see BargainingApp.create_cipher_key())"
        ) from None
    if len(raw) not in (16, 24, 32):
        raise InvalidInput(
            f"the encryption key must decode to 16, 24 or 32 bytes, not {len(raw)}"
        )
    return raw
