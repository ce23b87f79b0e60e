"""The application a host creates: the store beneath, the use cases grouped by context.

This is the one place where the library is wired together (cosmicpython's ``bootstrap``): it
opens the event store a host chose, builds the Expiry Map over it, and hands each group of
use cases the small interface it needs. Nothing else constructs infrastructure.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any

from bargaining.application.budgets import Budgets
from bargaining.application.campaigns import Campaigns
from bargaining.application.caucuses import Caucuses
from bargaining.application.clusters import Clusters
from bargaining.application.defense import Defense
from bargaining.application.democracy import Democracy
from bargaining.application.disputes import Disputes
from bargaining.application.drives import Drives
from bargaining.application.elections import Elections
from bargaining.application.frameworks import Frameworks
from bargaining.application.history import History
from bargaining.application.integrity import Integrity
from bargaining.application.network import Network
from bargaining.application.organizing import Organizing
from bargaining.application.people import People
from bargaining.application.read_access import ReadAccess
from bargaining.application.rounds import Rounds
from bargaining.application.solidarity import Solidarity
from bargaining.application.speaking import speak_in
from bargaining.application.training import Training
from bargaining.application.units import Units
from bargaining.domain.disputes.strike_position import StrikePositionCalendar
from bargaining.domain.drives.rules import CertificationRules
from bargaining.domain.people.reading import ReadPolicy
from bargaining.domain.shared.language import Language, reading_in
from bargaining.domain.solidarity.raiding import RaidingCalendar
from bargaining.infrastructure.campaign_event_feed import CampaignEventFeed
from bargaining.infrastructure.campaign_history_tables import CampaignHistoryTables
from bargaining.infrastructure.cipher_keys import create_cipher_key
from bargaining.infrastructure.event_store import EventStore
from bargaining.infrastructure.expiry_map_storage import ExpiryMapStorage
from bargaining.infrastructure.sealing import NameSealer
from bargaining.infrastructure.stores import Store, check_cipher_key_argument
from bargaining.infrastructure.unit_event_feed import UnitEventFeed
from bargaining.infrastructure.viewstore import ViewStore
from bargaining.readmodels.expiry_map import ExpiryMap
from bargaining.readmodels.participation import ParticipationLog


class BargainingApp:
    """Records coordinated bargaining campaigns as events, in memory, SQLite or PostgreSQL.

    ``store`` is ``"memory"``, a SQLite file path (the embedded default) or a
    ``postgresql://`` URL; when omitted it comes from ``BARGAINING_STORE``. ``cipher_key``
    (base64 of 16, 24 or 32 random bytes, see :meth:`create_cipher_key`; or
    ``BARGAINING_CIPHER_KEY``) turns on AES-GCM encryption of every stored event; an empty
    key is refused, never taken as "no encryption".
    ``strike_positions`` is the host's calendar of legal strike position rules by
    jurisdiction (:class:`StrikePositionCalendar`), which strike flags read.
    ``busy_timeout`` (seconds; or ``BARGAINING_BUSY_TIMEOUT``) is how long a write waits for
    another writer holding the store (SQLite: 5 by default; PostgreSQL: as long as it takes)
    before it raises :class:`StoreBusy`, having recorded nothing.
    ``raiding_periods`` is the host's :class:`RaidingCalendar` of raiding periods by
    jurisdiction, which raids on non-raiding pacts are read against.
    ``certification_rules`` is the host's :class:`CertificationRules`, the card thresholds by
    jurisdiction that certifications of organizing drives are flagged against.
    ``language`` (``"en"`` or ``"fr"``; or ``BARGAINING_LANGUAGE``; English by default) is the
    language history is written in; a call's ``language=`` overrides it, and
    :meth:`reading` words anything else in it.
    ``read_policy`` (:class:`ReadPolicy`; the field guide's by default) decides what each
    reader's role may read: calls given a ``reader=`` follow it.

    The use cases are grouped by context: :attr:`units`, :attr:`frameworks`,
    :attr:`clusters`, :attr:`rounds`, :attr:`campaigns`, :attr:`disputes`, :attr:`defense`,
    :attr:`history`, :attr:`integrity`, :attr:`budgets`, :attr:`democracy`,
    :attr:`elections`, :attr:`caucuses`, :attr:`solidarity`, :attr:`organizing`,
    :attr:`drives`, :attr:`training`, :attr:`network`, :attr:`people`, and the read model
    :attr:`expiry_map`. Close the application when done (or use it as a context manager).
    """

    def __init__(
        self,
        store: str | os.PathLike[str] | None = None,
        *,
        cipher_key: str | None = None,
        env: dict[str, str] | None = None,
        strike_positions: StrikePositionCalendar | None = None,
        busy_timeout: float | None = None,
        raiding_periods: RaidingCalendar | None = None,
        certification_rules: CertificationRules | None = None,
        language: Language | str | None = None,
        read_policy: ReadPolicy | None = None,
    ) -> None:
        #: The store this application records in (its kind, location and settings).
        self.store = Store.parse(store)
        #: The language history is written in unless a call chooses one (``"en"``, ``"fr"``;
        #: ``None``: ``BARGAINING_LANGUAGE``, else English).
        self.language = Language.chosen(language)
        #: The ``eventsourcing`` application beneath, for hosts that read its notification
        #: log or run process applications on it. Its API is ``eventsourcing``'s own.
        self.eventsourcing = EventStore(
            self.store, cipher_key=check_cipher_key_argument(cipher_key), env=env,
            busy_timeout=busy_timeout,
        )
        events = self.eventsourcing
        self._views = views = ViewStore(events)
        #: Who bargains when: a read model in SQL tables beside the events.
        self.expiry_map = ExpiryMap(
            UnitEventFeed(events.recorder, events.mapper, views, events.unreadable),
            ExpiryMapStorage(views, NameSealer(events.mapper.cipher, events.raw_key)),
        )
        events.followers["the Expiry Map"] = self.expiry_map.follow
        #: The campaigns' participation history: every count and strike spell, in SQL tables
        #: beside the events (rebuild it with ``rebuild()``).
        self.participation = ParticipationLog(
            CampaignEventFeed(events.recorder, events.mapper),
            CampaignHistoryTables(views, NameSealer(events.mapper.cipher, events.raw_key)))
        events.followers["the participation history"] = self.participation.follow
        #: Bargaining units and their collective agreements.
        self.units = Units(events, events.ids)
        #: Shared demand frameworks and the evaluation of terms against them.
        self.frameworks = Frameworks(events)
        #: Bargaining rounds from notice to ratification.
        self.rounds = Rounds(events)
        #: Laws, interventions and the employer's moves; the strike conditions they make.
        self.disputes = Disputes(events, strike_positions)
        #: Campaign escalation, participation and readiness; job actions and their flags,
        #: with the strike conditions of the disputes context (laws, legal strike position).
        #: Who may read what (the host's policy, else the field guide's).
        self.read_policy = read_policy if read_policy is not None else ReadPolicy()
        self.campaigns = Campaigns(events, self.disputes, self.disputes,
                                   history=self.participation, policy=self.read_policy)
        #: Bargaining clusters, their pacts and sign-offs.
        self.clusters = Clusters(events, self.disputes)
        #: Threats to public services, templates, rapid responses, public actions, messages.
        self.defense = Defense(events, events, self.expiry_map, self.campaigns, ids=events.ids)
        events.followers["the rapid response"] = self.defense.rapid_response.follow
        #: The organizer network: area teams, workplace maps, organic leaders proven by tests.
        self.organizing = Organizing(events, self.read_policy)
        #: History, the audit log, and records as they stood before.
        self.history = History(events, events, self.language, ReadAccess(
            events, self.read_policy, lambda place: self.organizing.organizers_of(place)))
        #: The hash chain: verify it, take receipts.
        self.integrity = Integrity(events.chain, events)
        #: The members' goals and the budgets tied to them: allocations, spending, reports.
        self.budgets = Budgets(events)
        #: Bodies and their roles, accountability, meetings, motions, documents, decisions.
        self.democracy = Democracy(events, events.ids)
        #: Union elections counted in the open: returns, challenges, results, runoffs.
        self.elections = Elections(events)
        #: Cross-union caucuses: locals joining, positions, slates, campaigns supported.
        self.caucuses = Caucuses(events, self.campaigns)
        #: Solidarity and non-raiding pacts: raids flagged as breaches, solidarity actions.
        self.solidarity = Solidarity(events, raiding_periods)
        #: Organizing drives to certification, and first-contract bargaining after.
        self.drives = Drives(events, self.units, certification_rules, self.read_policy)
        #: Training, mentoring, call teams, field plans and activists stepping into roles.
        self.training = Training(events, events)
        #: The network's measures over time: active leaders, locals with real plans,
        #: participation of rank-and-file members and elected officers, as series.
        self.network = Network(events, events.last_position)
        #: People's data sealed with their own keys: erasure, retention, who read whose data.
        self.people = People(events, events.vault, events, self.read_policy)
        if self.language is not None:  # errors its commands raise are worded in it
            for group in (self.units, self.frameworks, self.rounds, self.disputes,
                          self.campaigns, self.clusters, self.defense, self.budgets,
                          self.democracy, self.elections, self.caucuses, self.solidarity,
                          self.organizing, self.people, self.integrity, self.drives,
                          self.training, self.network):
                speak_in(group, self.language)

    def reading(
        self, language: Language | str | None = None
    ) -> AbstractContextManager[Language]:
        """A block where what the library words (readiness lines, reports, explanations,
        translatable errors) is in ``language``, else the application's:
        ``with app.reading(): print(readiness.summary())``."""
        return reading_in(Language.chosen(language) or self.language)

    @staticmethod
    def create_cipher_key() -> str:
        """A new random AES-256 key, base64 encoded: keep it out of the database and logs."""
        return create_cipher_key()

    def save(self, *records: Any) -> Any:
        """Record changes made to records outside the commands (an importer building units in
        batches) in one transaction; the Expiry Map follows. Commands save their own."""
        return self.eventsourcing.save(*records)

    def close(self) -> None:
        """Close the store's connections (and the Expiry Map's, where it has its own)."""
        self._views.close()
        self.eventsourcing.close()

    def __enter__(self) -> BargainingApp:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
