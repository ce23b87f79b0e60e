"""Tamper evidence: a hash chain over every stored event, its verification, and receipts.

Each stored event gets a chain record, written by the event recorder in the same transaction
as the event (see :mod:`bargaining.infrastructure.chained_recorders`)::

    digest = sha256(originator id, version, topic, stored bytes)
    link   = sha256(previous link, position, digest)     # the first previous link is 32 zeros

The stored bytes are the bytes in the database, after encryption when it is on, so the chain
never needs the key. The chain lives in the same database as the events, so a person who can
rewrite the database can rewrite the chain too: what they cannot rewrite is a **receipt**
(position and head link) that was printed, published to members or kept offline. Verifying
against a receipt proves that nothing at or before its position changed, went missing or moved.
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from operator import attrgetter, itemgetter
from typing import Protocol, TypeVar
from uuid import UUID

import attrs

from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, figure, phrases, word
from bargaining.domain.shared.progress import Progress, Reporter, require_progress

T = TypeVar("T")

GENESIS = bytes(32)
"""The link before the first event."""


def event_digest(originator_id: UUID | str, version: int, topic: str, state: bytes) -> bytes:
    """The fingerprint of one stored event: everything that identifies and holds it."""
    oid = originator_id.hex if isinstance(originator_id, UUID) else originator_id
    return hashlib.sha256(
        b"%s\x00%d\x00%s\x00%s" % (oid.encode(), version, topic.encode(), state)
    ).digest()


def chain_link(previous: bytes, position: int, digest: bytes) -> bytes:
    """The link at a position: it covers the previous link, so no event moves unnoticed."""
    return hashlib.sha256(previous + position.to_bytes(8, "big") + digest).digest()


@attrs.frozen
class ChainRecord:
    """One row of the chain: the event's position, the position before it, its digest and link.

    ``previous`` names the position chained just before; positions may have gaps (PostgreSQL
    skips ids of rolled-back saves), and ``previous`` tells a gap from a removed event.
    """

    position: int
    previous: int
    digest: bytes
    link: bytes


StoredRow = tuple[int, UUID | str, int, str, bytes]
"""A stored event as the verifier reads it: position, originator id, version, topic, bytes."""


class ChainedRecorder(Protocol):
    """The reads the verifier needs from a recorder that keeps the chain."""

    def select_chain(self, after: int, limit: int) -> Sequence[ChainRecord]: ...
    def chain_head(self) -> ChainRecord | None: ...
    def find_digest(self, digest: bytes) -> int | None: ...
    def select_stored(self, after: int, limit: int) -> Sequence[StoredRow]: ...


_RECEIPT = re.compile(
    r"bargaining receipt: position (?P<position>\d+), head (?P<head>[0-9a-f]{64})"
)


@attrs.frozen
class Receipt:
    """The chain's position and head link at a moment: print it, publish it, keep it offline.

    ``str(receipt)`` is one line; :meth:`parse` reads it back.
    """

    position: int
    head: str

    def __str__(self) -> str:
        return f"bargaining receipt: position {self.position}, head {self.head}"

    @classmethod
    def parse(cls, text: str) -> Receipt:
        """Read a receipt from the line ``str(receipt)`` gave (surrounding text is ignored)."""
        found = _RECEIPT.search(text) if isinstance(text, str) else None
        if not found:
            raise InvalidInput.worded("not a receipt: expected 'bargaining receipt: position N, "
                                      "head <64 hex digits>'")
        return cls(int(found["position"]), found["head"])


class Break(enum.Enum):
    """How the chain is broken, in words a member can repeat."""

    CHANGED = mark("changed")
    MISSING = mark("missing")
    REORDERED = mark("reordered")
    UNCHAINED = mark("unchained")
    TRUNCATED = mark("truncated")
    REWRITTEN = mark("rewritten")
    SNAPSHOT = mark("tampered snapshot")


@attrs.frozen
class TamperedSnapshot:
    """A stored snapshot whose seal does not hold: loading ignores it and replays the record's
    events; ``why`` says what its seal showed."""

    record_id: UUID
    version: int
    #: English, as ``str`` and ``--json`` give it; :attr:`wording` reads it in the reader's
    #: language.
    why: str

    def __str__(self) -> str:
        return f"the snapshot of record {self.record_id} at version {self.version}: {self.why}"

    @property
    def wording(self) -> Phrase:
        """The snapshot named and why, read in the reader's language (its English is
        ``str()``)."""
        return Phrase.of(mark("the snapshot of record {record} at version {version}: {why}"),
                         record=str(self.record_id), version=figure(self.version),
                         why=Phrase.of(self.why))


@attrs.frozen
class SnapshotFindings:
    """What checking every stored snapshot's seal found."""

    checked: int
    unsealed: int
    tampered: tuple[TamperedSnapshot, ...] = ()


class SnapshotChecker(Protocol):
    """Checks the seal of every stored snapshot (``infrastructure/snapshots.py``)."""

    def check_snapshots(self, page_size: int) -> SnapshotFindings: ...


@attrs.frozen
class IntegrityReport:
    """The result of :meth:`verify`: intact up to ``position``, or where and how it breaks."""

    intact: bool
    position: int
    """The last position verified good."""
    checked: int
    """How many events were checked."""
    broken_at: int | None = None
    kind: Break | None = None
    detail: str = ""
    snapshots_checked: int = 0
    """How many stored snapshots had their seal checked."""
    unsealed_snapshots: int = 0
    """Snapshots without a seal (written before seals existed): never used, not a break."""
    tampered_snapshots: tuple[TamperedSnapshot, ...] = ()
    """Snapshots whose seal does not hold (each ignored when its record loads)."""
    wording: Phrase | None = attrs.field(default=None, eq=False)
    """The detail as a phrase, so that a member reads it in their language."""

    def __str__(self) -> str:
        """The report in the reader's language (English unless one is chosen)."""
        return self.phrase().read()

    def phrase(self) -> Phrase:
        """The report as a phrase: intact up to where, or where and how it breaks."""
        if self.intact:
            return Phrase.of(mark("intact up to position {position} ({checked} events checked)"),
                             position=figure(self.position), checked=figure(self.checked))
        detail = self.wording if self.wording is not None else Phrase.of("{detail}",
                                                                           detail=self.detail)
        kind = word(self.kind.value) if self.kind else word(mark("broken"))
        if self.broken_at is None:
            return Phrase.of(mark("{kind}: {detail} (the events are intact up to position "
                                  "{position}, {checked} events checked)"), kind=kind,
                             detail=detail, position=figure(self.position),
                             checked=figure(self.checked))
        kind = word(self.kind.value) if self.kind else ("text", "")
        return Phrase.of(mark("broken at position {at}: {kind}: {detail} (intact up to position "
                              "{position})"), at=figure(self.broken_at), kind=kind,
                         detail=detail, position=figure(self.position))


def _pages(
    fetch: Callable[[int, int], Sequence[T]], position: Callable[[T], int], size: int
) -> Iterator[T]:
    """Read a table page by page, so a million rows never sit in memory at once."""
    after = 0
    while True:
        page = fetch(after, size)
        if not page:
            return
        yield from page
        after = position(page[-1])


def verify_chain(
    recorder: ChainedRecorder, *, receipt: Receipt | None = None, page_size: int = 2000,
    progress: Progress | None = None,
) -> IntegrityReport:
    """Walk events and chain side by side, page by page, recomputing every digest and link;
    ``progress`` hears the positions verified, of the chain's head position when it began."""
    if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
        raise InvalidInput.worded("the page size must be a whole number from 1, not {page_size}",
                                  page_size=repr(page_size))
    reporter = None
    if require_progress(progress) is not None:
        head = recorder.chain_head()
        reporter = Reporter(progress, 0 if head is None else head.position)
        reporter.tell(0)
    events = _pages(recorder.select_stored, itemgetter(0), page_size)
    chain = _pages(recorder.select_chain, attrgetter("position"), page_size)
    report = _Walk(recorder, receipt, reporter, page_size).run(events, chain)
    if reporter is not None and report.intact:
        reporter.finish()
    return report


class _Walk:
    def __init__(
        self, recorder: ChainedRecorder, receipt: Receipt | None,
        reporter: Reporter | None = None, every: int = 2000,
    ):
        self.recorder = recorder
        self.receipt = receipt
        self.link = GENESIS
        self.position = 0
        self.checked = 0
        self.reporter = reporter
        self.every = every

    def broken(self, at: int, kind: Break, detail: Phrase) -> IntegrityReport:
        return IntegrityReport(False, self.position, self.checked, at, kind, detail.english(),
                               wording=detail)

    def run(self, events: Iterable[StoredRow], chain: Iterable[ChainRecord]) -> IntegrityReport:
        event_iter, chain_iter = iter(events), iter(chain)
        event, record = next(event_iter, None), next(chain_iter, None)
        while event is not None or record is not None:
            if record is None or (event is not None and event[0] < record.position):
                assert event is not None
                return self.broken(
                    event[0], Break.UNCHAINED, Phrase.of(mark(
                        "an event is stored that the chain never recorded (added outside the "
                        "library, or its chain record was removed)")),
                )
            if event is None or record.position < event[0]:
                return self.broken(
                    record.position, Break.MISSING, Phrase.of(mark(
                        "the chain records an event here that is no longer stored (removed)")),
                )
            problem = self.step(event, record)
            if problem is not None:
                return problem
            if self.reporter is not None and self.checked % self.every == 0:
                self.reporter.tell(self.position)
            event, record = next(event_iter, None), next(chain_iter, None)
        return self.finish()

    def step(self, event: StoredRow, record: ChainRecord) -> IntegrityReport | None:
        at = record.position
        receipt = self.receipt
        if receipt is not None and self.position < receipt.position < at:
            return self.broken(
                receipt.position, Break.REWRITTEN, Phrase.of(mark(
                    "the position the receipt vouches for is no longer in the chain: the "
                    "history was rewritten")),
            )
        if record.previous != self.position:
            if record.previous > self.position:
                return self.broken(
                    at, Break.MISSING, Phrase.of(mark(
                        "the event(s) recorded after position {position} and before {at} were "
                        "removed"), position=figure(self.position), at=figure(at)),
                )
            return self.broken(
                at, Break.REORDERED, Phrase.of(mark(
                    "the chain record says position {previous} came before it, but position "
                    "{position} does"), previous=figure(record.previous),
                    position=figure(self.position)),
            )
        digest = event_digest(event[1], event[2], event[3], event[4])
        if digest != record.digest:
            elsewhere = self.recorder.find_digest(digest)
            if elsewhere is not None and elsewhere != at:
                return self.broken(
                    at, Break.REORDERED, Phrase.of(mark(
                        "it holds the event that was recorded at position {elsewhere} (events "
                        "were swapped or moved)"), elsewhere=figure(elsewhere)),
                )
            return self.broken(
                at, Break.CHANGED, Phrase.of(mark(
                    "the stored event differs from what was recorded (its bytes, record, "
                    "version or kind were changed)")),
            )
        link = chain_link(self.link, at, digest)
        if link != record.link:
            return self.broken(
                at, Break.CHANGED, Phrase.of(mark("the chain record itself was changed"))
            )
        self.link, self.position = link, at
        self.checked += 1
        if receipt is not None and at == receipt.position and link.hex() != receipt.head:
            rewritten = Phrase.of(mark(
                "the history up to this position differs from the receipt: events at or before "
                "it were changed, removed or reordered and the chain rewritten to hide it"))
            return IntegrityReport(False, 0, self.checked, at, Break.REWRITTEN,
                                   rewritten.english(), wording=rewritten)
        return None

    def finish(self) -> IntegrityReport:
        receipt = self.receipt
        if receipt is not None and receipt.position > self.position:
            return self.broken(
                self.position + 1 if self.position else 1, Break.TRUNCATED, Phrase.of(mark(
                    "the store ends at position {position}, but the receipt vouches for events "
                    "up to position {receipt}: the tail was removed"),
                    position=figure(self.position), receipt=figure(receipt.position)),
            )
        return IntegrityReport(True, self.position, self.checked)


def with_snapshots(report: IntegrityReport, found: SnapshotFindings) -> IntegrityReport:
    """A chain's report with what the snapshots' seals showed: a tampered snapshot breaks an
    intact report (a broken chain is the first thing to say, and stays so)."""
    report = attrs.evolve(report, snapshots_checked=found.checked,
                          unsealed_snapshots=found.unsealed, tampered_snapshots=found.tampered)
    if not report.intact or not found.tampered:
        return report
    values = {"count": figure(len(found.tampered)),
              "named": phrases((t.wording for t in found.tampered[:5]), "; ")}
    if len(found.tampered) > 5:
        detail = Phrase.of(mark("{count} snapshot(s) tampered with: {named} (and {more} more); "
                                "their records load from their events"),
                           more=figure(len(found.tampered) - 5), **values)
    else:
        detail = Phrase.of(mark("{count} snapshot(s) tampered with: {named}; their records load "
                                "from their events"), **values)
    return attrs.evolve(report, intact=False, kind=Break.SNAPSHOT, detail=detail.english(),
                        wording=detail)


class Integrity:
    """The tamper-evidence commands a host offers: verify the chain, take a receipt."""

    def __init__(
        self, chain: ChainedRecorder, snapshots: SnapshotChecker | None = None
    ) -> None:
        self._chain = chain
        self._snapshots = snapshots

    def verify(
        self, receipt: Receipt | str | None = None, *, page_size: int = 2000,
        progress: Progress | None = None,
    ) -> IntegrityReport:
        """Recompute the chain from the stored events, page by page, and say where it breaks;
        then check the seal of every snapshot (a snapshot copied under another record, put
        back under a later version or edited is named, and never used to load).

        With a receipt (or its printed line), also prove that nothing at or before its
        position was changed, removed or reordered, including removal of the tail.
        ``progress`` (:class:`~bargaining.domain.shared.progress.Progress`) hears the
        positions in the log verified, of the last position when it began; it ends at that
        total when the chain is intact, and stops at a break.
        """
        if isinstance(receipt, str):
            receipt = Receipt.parse(receipt)
        elif receipt is not None and not isinstance(receipt, Receipt):
            raise InvalidInput.worded("verify takes a Receipt or the line a receipt printed")
        report = verify_chain(self._chain, receipt=receipt, page_size=page_size,
                              progress=progress)
        if self._snapshots is None:
            return report
        return with_snapshots(report, self._snapshots.check_snapshots(page_size))

    def receipt(self) -> Receipt:
        """The chain's current position and head link; verify first if in doubt."""
        head = self._chain.chain_head()
        if head is None:
            return Receipt(0, GENESIS.hex())
        return Receipt(head.position, head.link.hex())
