"""Hypothesis strategies and a plain-Python reference model for the property tests.

A *plan* is a list of abstract commands on a small pool of unit identities. ``resolve`` runs it
against the model, which decides for every command whether it must succeed (and how many events
it records) or must fail (and with which :class:`bargaining.BargainingError` subclasses), and
turns it into concrete :class:`Step` calls that are replayed on each store.
"""

from __future__ import annotations

import csv
import io
import unicodedata
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from bargaining import (
    Actor,
    BargainingError,
    CollectiveAgreement,
    InvalidInput,
    MissingActor,
    RuleViolation,
    UnitAlreadyRegistered,
    UnitNotFound,
)
from bargaining.domain.units.profile import MAX_HEADCOUNT, UNIT_NAMESPACE

STEWARD = Actor("steward-1", "data steward")
TEXT_FIELDS = ("sector", "region", "city", "industry_code")


# ------------------------------------------------------------------------------- the model


def clean(text: str) -> str:
    """What the library stores for a name: runs of whitespace made one space, ends trimmed,
    in composed form (NFC)."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def norm(text: str) -> str:
    """How names match: cleaned and case-folded."""
    return clean(text).casefold()


def model_unit_id(union: str, local: str, employer: str, unit_name: str) -> uuid.UUID:
    key = "|".join(norm(v) for v in (union, local, employer, unit_name))
    return uuid.uuid5(UNIT_NAMESPACE, key)


def start_of(agreement: CollectiveAgreement) -> date:
    return agreement.effective if agreement.effective is not None else agreement.expiry


def overlap(a: CollectiveAgreement, b: CollectiveAgreement) -> bool:
    return start_of(a) <= b.expiry and start_of(b) <= a.expiry


@dataclass
class UnitState:
    union: str
    local: str
    employer: str
    unit_name: str
    sector: str
    region: str
    city: str
    headcount: int
    industry_code: str
    agreements: list[CollectiveAgreement] = field(default_factory=list)
    version: int = 1

    def fields(self) -> tuple[Any, ...]:
        return (
            self.union, self.local, self.employer, self.unit_name, self.sector, self.region,
            self.city, self.headcount, self.industry_code, list(self.agreements), self.version,
        )

    @property
    def current(self) -> CollectiveAgreement | None:
        return max(self.agreements, key=lambda a: a.expiry) if self.agreements else None


def unit_fields(unit: Any) -> tuple[Any, ...]:
    """The same fields, read from a reloaded ``BargainingUnit`` aggregate."""
    return (
        unit.union, unit.local, unit.employer, unit.unit_name, unit.sector, unit.region,
        unit.city, unit.headcount, unit.industry_code, list(unit.agreements), unit.version,
    )


@dataclass(frozen=True)
class Step:
    """One concrete call on ``BargainingApp``; ``errors`` empty means it must succeed."""

    method: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    errors: tuple[type[BargainingError], ...] = ()
    events: int = 0
    unit: uuid.UUID | None = None


@dataclass
class Plan:
    pool: list[tuple[str, str, str, str]]
    steps: list[Step]
    units: dict[uuid.UUID, UnitState]  # final state, in registration order
    history: dict[uuid.UUID, list[tuple[Any, ...]]]  # fields at version 1, 2, ...

    @property
    def events(self) -> int:
        return sum(s.events for s in self.steps)


# ---------------------------------------------------------------------------- strategies

WHITESPACE = " \t\u00a0\u2003\u3000"
NAME_CHARS = st.one_of(
    st.sampled_from(WHITESPACE),
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cf")),
)
#: Control and invisible formatting characters are refused in names (tested in
#: test_properties.py and test_free_text.py), so names here have none; whitespace control
#: characters still appear through WHITESPACE and are tidied away.
any_text = st.text(NAME_CHARS, max_size=8)
words = st.sampled_from(
    ["CUPE", "cupe", " CUPE  79", "SEIU", "Unifor", "City of Toronto", "city  of TORONTO",
     "inside", "INSIDE ", "Straße", "STRASSE", "ON", "municipal", "Municipal", ""]
)
names = st.one_of(words, any_text)
visible = st.characters(categories=("L", "M", "N", "P", "S"))
non_blank = st.one_of(
    words.filter(bool), st.builds(lambda a, c, b: a + c + b, any_text, visible, any_text)
)
headcounts = st.one_of(st.integers(0, 50_000), st.just(MAX_HEADCOUNT))
small_headcounts = st.integers(0, MAX_HEADCOUNT)
typical_dates = st.dates(date(1995, 1, 1), date(2045, 12, 31))
extreme_dates = st.sampled_from([date(1, 1, 1), date(1, 1, 2), date(9999, 12, 31)])
some_dates = st.one_of(typical_dates, typical_dates, typical_dates, extreme_dates)
reasons = st.one_of(st.none(), any_text)


@st.composite
def identities(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """Union, local, employer and unit name; a required one is occasionally blank."""
    required = st.one_of(non_blank, non_blank, non_blank, names)
    return (draw(required), draw(names), draw(required), draw(required))


def _vary(text: str, how: str) -> str:
    """The same name as a person might type it again."""
    if how == "upper":
        return text.upper()
    if how == "lower":
        return text.lower()
    if how == "spaced":
        return "  " + text.replace(" ", " \t ") + " "
    return text


@st.composite
def agreement_specs(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "expiry": draw(some_dates),
        "gap": draw(st.one_of(st.none(), st.integers(1, 3000))),
        "settled": draw(st.one_of(st.none(), typical_dates)),
        "source": draw(st.one_of(st.none(), any_text)),
    }


def _agreement(spec: dict[str, Any]) -> CollectiveAgreement:
    expiry, gap = spec["expiry"], spec["gap"]
    effective = None
    if gap is not None and expiry.toordinal() - gap >= 1:
        effective = expiry - timedelta(days=gap)
    return CollectiveAgreement(
        expiry=expiry, effective=effective, settled=spec["settled"], source=spec["source"]
    )


def _nudged(
    agreement: CollectiveAgreement, days: int, spec: dict[str, Any]
) -> CollectiveAgreement | None:
    try:
        shift = timedelta(days=days)
        effective = agreement.effective + shift if agreement.effective else None
        return CollectiveAgreement(
            expiry=agreement.expiry + shift, effective=effective, settled=spec["settled"],
            source=spec["source"],
        )
    except OverflowError:
        return None


COMMAND_KINDS = ("register", "record", "record", "record", "correct", "correct", "headcount",
                 "text", "text")
FAULTS: dict[str, tuple[str | None, ...]] = {
    "register": (None, None, None, "nontext", "negative", "bool", "actor", "reason"),
    "record": (None, None, None, None, "order", "datetime", "actor", "reason"),
    "correct": (None, None, None, "actor", "not_agreement"),
    "headcount": (None, None, "negative", "bool", "actor"),
    "text": (None, None, None, "nontext", "actor"),
}


@st.composite
def commands(
    draw: st.DrawFn, pool_size: int, kind: str | None = None, headcounts: Any = headcounts
) -> dict[str, Any]:
    """One abstract command; only what its kind needs is drawn (keeps examples small)."""
    kind = kind or draw(st.sampled_from(COMMAND_KINDS))
    c: dict[str, Any] = {
        "kind": kind,
        "who": draw(st.integers(0, pool_size - 1)),
        "fault": draw(st.sampled_from(FAULTS[kind])),
        "vary": "same",
        "reason": draw(reasons),
    }
    if kind == "register":
        c["vary"] = draw(st.sampled_from(["same", "upper", "lower", "spaced"]))
        c["profile"] = {f: draw(names) for f in TEXT_FIELDS}
    if kind in ("register", "headcount"):
        c["headcount"] = draw(headcounts)
    if kind in ("record", "correct"):
        c["spec"] = draw(agreement_specs())
    if kind == "correct":
        c["pick"] = draw(st.integers(0, 4))  # 4: a date no agreement expires on, likely
        c["target"] = draw(some_dates)
        c["nudge"] = draw(st.one_of(st.none(), st.integers(-90, 90)))
    if kind == "text":
        c["field"] = draw(st.sampled_from(TEXT_FIELDS))
        c["value"] = draw(st.one_of(non_blank, names))  # blank clears the fact
    return c


@st.composite
def plans(
    draw: st.DrawFn, max_commands: int = 25, max_pool: int = 3, headcounts: Any = headcounts
) -> Plan:
    """A pool of identities, each registered once up front, then random commands.
    ``headcounts``: which headcounts registrations and changes use."""
    pool = draw(st.lists(identities(), min_size=1, max_size=max_pool))
    first = [
        {**draw(commands(len(pool), "register", headcounts)), "who": i, "fault": None}
        for i in range(len(pool))
    ]
    rest = draw(st.lists(commands(len(pool), headcounts=headcounts), min_size=min(6, max_commands),
                         max_size=max_commands))
    return resolve(pool, first + rest)


# ------------------------------------------------------------------------------ resolution


def _actor(fault: str | None) -> Any:
    return None if fault == "actor" else STEWARD


def _reason(command: dict[str, Any]) -> Any:
    return 7 if command["fault"] == "reason" else command["reason"]


def resolve(pool: list[tuple[str, str, str, str]], cmds: list[dict[str, Any]]) -> Plan:
    units: dict[uuid.UUID, UnitState] = {}
    history: dict[uuid.UUID, list[tuple[Any, ...]]] = {}
    steps: list[Step] = []

    def done(uid: uuid.UUID, step: Step) -> None:
        steps.append(step)
        if step.events:
            history[uid].append(units[uid].fields())

    for c in cmds:
        fault, kind = c["fault"], c["kind"]
        union, local, employer, unit_name = (_vary(v, c["vary"]) for v in pool[c["who"]])
        uid = model_unit_id(*pool[c["who"]])
        unit = units.get(uid)
        errors: list[type[BargainingError]] = []
        if kind != "register" and unit is None:
            errors.append(UnitNotFound)
        if fault == "actor":
            errors.append(MissingActor)
        if fault == "reason":
            errors.append(InvalidInput)

        if kind == "register":
            uid = model_unit_id(union, local, employer, unit_name)
            required: list[Any] = [union, employer, unit_name]
            if fault == "nontext":
                required[0] = union = 42  # type: ignore[assignment]
            headcount: Any = c["headcount"]
            if fault == "negative":
                headcount = -1 - headcount
                errors.append(RuleViolation)
            elif fault == "bool":
                headcount = True
                errors.append(InvalidInput)
            if any(not isinstance(v, str) or not clean(v) for v in required):
                errors.append(InvalidInput)
            if not errors and uid in units:
                errors.append(UnitAlreadyRegistered)
            kwargs = {
                "union": union, "local": local, "employer": employer, "unit_name": unit_name,
                "actor": _actor(fault), "headcount": headcount, "reason": _reason(c),
                **c["profile"],
            }
            if errors:
                steps.append(Step("register", (), kwargs, tuple(errors)))
                continue
            profile = {k: clean(v) for k, v in c["profile"].items()}
            units[uid] = UnitState(
                union=clean(union), local=clean(local), employer=clean(employer),
                unit_name=clean(unit_name), headcount=headcount, **profile,
            )
            history[uid] = [units[uid].fields()]
            steps.append(Step("register", (), kwargs, events=1, unit=uid))

        elif kind == "record":
            spec = c["spec"]
            agreement: CollectiveAgreement | None = None
            expiry: Any = spec["expiry"]
            effective = None
            if fault == "order":
                effective = expiry
                errors.append(RuleViolation)
            elif fault == "datetime":
                expiry = datetime(expiry.year, expiry.month, expiry.day, 12)
                errors.append(InvalidInput)
            else:
                agreement = _agreement(spec)
                effective = agreement.effective
            if (
                unit is not None
                and agreement is not None
                and any(overlap(agreement, a) for a in unit.agreements)
            ):
                errors.append(RuleViolation)
            kwargs = {
                "expiry": expiry, "effective": effective, "settled": spec["settled"],
                "source": spec["source"], "actor": _actor(fault), "reason": _reason(c),
            }
            if errors:
                steps.append(Step("record_agreement", (uid,), kwargs, tuple(errors)))
                continue
            assert unit is not None and agreement is not None
            unit.agreements.append(agreement)
            unit.version += 1
            done(uid, Step("record_agreement", (uid,), kwargs, events=1, unit=uid))

        elif kind == "correct":
            target = c["target"]
            corrected: Any = _agreement(c["spec"])
            if unit is not None and unit.agreements and c["pick"] < 4:
                chosen = unit.agreements[c["pick"] % len(unit.agreements)]
                target = chosen.expiry
                if c["nudge"] is not None:  # a small fix of the same agreement's dates
                    corrected = _nudged(chosen, c["nudge"], c["spec"]) or corrected
            if fault == "not_agreement":
                corrected = {"expiry": corrected.expiry}
                errors.append(InvalidInput)
            missing = unit is not None and all(a.expiry != target for a in unit.agreements)
            clash = (
                unit is not None
                and isinstance(corrected, CollectiveAgreement)
                and any(a.expiry != target and overlap(corrected, a) for a in unit.agreements)
            )
            if missing or clash:
                errors.append(RuleViolation)
            kwargs = {
                "expiry": target, "corrected": corrected, "actor": _actor(fault),
                "reason": _reason(c),
            }
            if errors:
                steps.append(Step("correct_agreement", (uid,), kwargs, tuple(errors)))
                continue
            assert unit is not None
            unit.agreements = [corrected if a.expiry == target else a for a in unit.agreements]
            unit.version += 1
            done(uid, Step("correct_agreement", (uid,), kwargs, events=1, unit=uid))

        elif kind == "headcount":
            value: Any = c["headcount"]
            if fault == "negative":
                value = -1 - value
                errors.append(RuleViolation)
            elif fault == "bool":
                value = False
                errors.append(InvalidInput)
            kwargs = {"actor": _actor(fault), "reason": _reason(c)}
            if errors:
                steps.append(Step("change_headcount", (uid, value), kwargs, tuple(errors)))
                continue
            assert unit is not None
            events = int(value != unit.headcount)
            unit.headcount = value
            unit.version += events
            done(uid, Step("change_headcount", (uid, value), kwargs, events=events, unit=uid))

        else:  # a text field of the profile
            name = c["field"]
            text: Any = c["value"]
            if fault == "nontext":
                text = 12
                errors.append(InvalidInput)
            method = f"change_{name}"
            kwargs = {"actor": _actor(fault), "reason": _reason(c)}
            if errors:
                steps.append(Step(method, (uid, text), kwargs, tuple(errors)))
                continue
            assert unit is not None
            events = int(clean(text) != getattr(unit, name))
            setattr(unit, name, clean(text))
            unit.version += events
            done(uid, Step(method, (uid, text), kwargs, events=events, unit=uid))

    return Plan(pool, steps, units, history)


@st.composite
def long_single_unit_plans(draw: st.DrawFn) -> Plan:
    """One unit with enough events to cross the snapshotting interval (50) once or twice."""
    identity = draw(identities().filter(lambda i: all(clean(i[k]) for k in (0, 2, 3))))
    size = draw(st.integers(100, 130))
    cmds = [{**draw(commands(1, "register")), "fault": None, "vary": "same", "headcount": 0}]
    kinds = st.sampled_from(["record", "correct", "headcount", "text", "text"])
    for i in range(1, size + 1):
        if i % 2:  # every other command changes the headcount: at least 50 events in all
            cmds.append({**draw(commands(1, "headcount")), "fault": None, "headcount": i})
        else:
            cmds.append({**draw(commands(1, draw(kinds))), "fault": None})
    return resolve([identity], cmds)


# -------------------------------------------------------------------- Expiry Map rankings

#: Few sectors, regions, dates and headcounts, so groups, windows and workers tie often; some
#: names differ only in case (one filter key, two groups).
MAP_SECTORS = ("health", "Health", "retail", "Straße", "STRASSE", "")
MAP_REGIONS = ("ON", "on", "QC", "TX", "")
#: (union, local): the first two give different units the same label.
MAP_NAMES = (("A B", ""), ("A", "B"), ("C", "1"))
MAP_BASE = date(2025, 1, 1)
map_dates = st.one_of(
    st.sampled_from([-1, 0, 1, 2, 5, 10, 31, 45, 90]).map(lambda d: MAP_BASE + timedelta(d)),
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31)]),
)


@dataclass(frozen=True)
class MapUnitSpec:
    union: str
    local: str
    unit_name: str
    sector: str
    region: str
    headcount: int
    expiries: tuple[date, ...]  # distinct, so agreements never overlap; none: no expiry


@st.composite
def map_unit_specs(draw: st.DrawFn, max_size: int = 12) -> list[MapUnitSpec]:
    """Units of distinct identities (employer "E") for the map's ranking queries, each map
    drawing from a few of the sectors and regions, so its groups tie often."""
    sectors = draw(st.lists(st.sampled_from(MAP_SECTORS), min_size=1, max_size=3, unique=True))
    regions = draw(st.lists(st.sampled_from(MAP_REGIONS), min_size=1, max_size=3, unique=True))
    specs = st.builds(
        lambda names, *rest: MapUnitSpec(*names, *rest),
        st.sampled_from(MAP_NAMES), st.sampled_from(["x", "y", "z", "w"]),
        st.sampled_from(sectors), st.sampled_from(regions), st.sampled_from([0, 1, 7, 100]),
        st.lists(map_dates, max_size=2, unique=True).map(tuple),
    )
    return draw(st.lists(
        specs, max_size=max_size,
        unique_by=lambda u: model_unit_id(u.union, u.local, "E", u.unit_name),
    ))


@dataclass(frozen=True)
class MapChange:
    who: int  # an index into the units registered so far
    kind: str  # "sector", "region", "headcount" or "agreement"
    value: Any


map_changes = st.lists(
    st.one_of(
        st.builds(MapChange, st.integers(0, 30), st.just("sector"), st.sampled_from(MAP_SECTORS)),
        st.builds(MapChange, st.integers(0, 30), st.just("region"), st.sampled_from(MAP_REGIONS)),
        st.builds(MapChange, st.integers(0, 30), st.just("headcount"),
                  st.sampled_from([0, 1, 7, 100])),
        st.builds(MapChange, st.integers(0, 30), st.just("agreement"), map_dates),
    ),
    max_size=6,
)


# ------------------------------------------------------------------------------- CSV files

F7_COLUMNS = [
    "notice_date", "expiration_date", "employer", "union", "unit_city", "unit_state",
    "industry_code", "bargaining_unit_size", "establishment_size",
]
BAD_KINDS = {
    "blank_expiry": "expiry date is blank",
    "malformed_expiry": "is not a date",
    "negative_size": "is negative",
    "text_size": "is not a whole number",
    "no_employer": "employer is missing",
    "no_union": "union is missing",
    "local_only": "union is missing",
}
GOOD_KINDS = ("new", "new", "duplicate", "other_expiry")


@dataclass(frozen=True)
class CsvUnit:
    union: str
    local: str
    employer: str
    city: str
    state: str

    def key(self) -> tuple[str, ...]:
        unit_name = ", ".join(p for p in (clean(self.city), clean(self.state)) if p)
        return (norm(self.union), norm(self.local), norm(self.employer),
                norm(unit_name or "unnamed unit"))

    def union_column(self, style: int) -> str:
        if self.local:
            return f"{self.union} - {self.local}"
        return (self.union, f"{self.union} -", f"{self.union} - ")[style % 3]


@dataclass
class CsvPlan:
    text: str
    rows: int
    bad: dict[int, str]  # line -> expected fragment of the reason
    good: list[tuple[int, tuple[str, ...], date, dict[str, str]]]  # line, unit key, expiry, row

    def expected_agreements(self) -> dict[tuple[str, ...], set[date]]:
        found: dict[tuple[str, ...], set[date]] = {}
        for _, key, expiry, _row in self.good:
            found.setdefault(key, set()).add(expiry)
        return found

    @property
    def imported(self) -> int:
        return sum(len(v) for v in self.expected_agreements().values())


csv_words = st.text(
    st.characters(codec="utf-8", exclude_characters="\x00\r", exclude_categories=("Cc", "Cf"))
    | st.sampled_from(" ,\"'\n"),
    max_size=6,
)


@st.composite
def csv_units(draw: st.DrawFn) -> CsvUnit:
    union = draw(st.sampled_from(["SEIU", "IAM", "IBT", "UAW", "PACE"]))
    local = draw(st.sampled_from(["", "1", "570 DISTRICT 166", "3-0361"]))
    employer = draw(
        st.sampled_from(["ACME INC", "Acme, Inc.", "CITY OF \"X\"", "Line\nBreak Co"])
        | st.builds(lambda a, c, b: a + c + b, csv_words, visible, csv_words)
    )
    city = draw(st.sampled_from(["TAMPA", "Chicago", "", "NEW YORK"]) | csv_words)
    state = draw(st.sampled_from(["FL", "IL", "", "NY"]))
    return CsvUnit(union, local, employer, city, state)


def _case(text: str, how: int) -> str:
    return (text, text.upper(), text.lower())[how % 3] if text.isascii() else text


@st.composite
def csv_plans(draw: st.DrawFn) -> CsvPlan:
    pool = draw(st.lists(csv_units(), min_size=1, max_size=4))
    expiries = draw(st.lists(typical_dates, min_size=1, max_size=4, unique=True))
    terminator = draw(st.sampled_from(["\n", "\r\n"]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=terminator)
    writer.writerow(F7_COLUMNS)
    line = 2
    bad: dict[int, str] = {}
    good: list[tuple[int, tuple[str, ...], date, dict[str, str]]] = []
    for _ in range(draw(st.integers(0, 18))):
        kind = draw(st.sampled_from([*GOOD_KINDS, *BAD_KINDS]))
        if kind == "duplicate" and good:
            row = dict(draw(st.sampled_from(good))[3])
        else:
            unit = draw(st.sampled_from(pool))
            how = draw(st.integers(0, 2))
            expiry = draw(st.sampled_from(expiries) if kind != "other_expiry" else typical_dates)
            notice = draw(st.sampled_from(["2003-09-30", "", "not a date", "2004-02-30"]))
            row = {
                "notice_date": notice,
                "expiration_date": draw(st.sampled_from(["", " "])) + expiry.isoformat(),
                "employer": _case(unit.employer, how),
                "union": unit.union_column(how),
                "unit_city": _case(unit.city, how),
                "unit_state": unit.state,
                "industry_code": draw(st.sampled_from(["J", "T", "", " 4 "])),
                "bargaining_unit_size": str(draw(st.integers(0, 10**6))),
                "establishment_size": draw(st.sampled_from(["0", "12", "", "lots"])),
            }
        if kind in BAD_KINDS:
            row = _spoil(draw, row, kind)
            bad[line] = BAD_KINDS[kind]
        else:
            unit_key = CsvUnit(
                *_split(row["union"]), row["employer"], row["unit_city"], row["unit_state"]
            ).key()
            good.append((line, unit_key, date.fromisoformat(row["expiration_date"].strip()), row))
        writer.writerow([row[c] for c in F7_COLUMNS])
        out.write(terminator * draw(st.sampled_from([0, 0, 0, 1, 2])))  # blank lines
        line = 1 + out.getvalue().count("\n")
    return CsvPlan(out.getvalue(), len(bad) + len(good), bad, good)


def _split(union_column: str) -> tuple[str, str]:
    union, _, local = union_column.partition(" - ")
    return union.strip().rstrip("-").strip(), local.strip()


def _spoil(draw: st.DrawFn, row: dict[str, str], kind: str) -> dict[str, str]:
    if kind == "blank_expiry":
        return replace_row(row, expiration_date=draw(st.sampled_from(["", "  "])))
    if kind == "malformed_expiry":
        return replace_row(row, expiration_date=draw(st.sampled_from(
            ["00:00:00", "2004-02-30", "2004-13-01", "31/12/2004", "soon", "2004/01/31x"])))
    if kind == "negative_size":
        return replace_row(row, bargaining_unit_size=str(-draw(st.integers(1, 10**6))))
    if kind == "text_size":
        return replace_row(row, bargaining_unit_size=draw(st.sampled_from(["ten", "1.5", "12a"])))
    if kind == "no_employer":
        return replace_row(row, employer=draw(st.sampled_from(["", "   "])))
    if kind == "local_only":
        return replace_row(row, union=draw(st.sampled_from(["- 7", " - 570 DISTRICT 166", "-"])))
    return replace_row(row, union=draw(st.sampled_from(["", "  "])))


def replace_row(row: dict[str, str], **changes: str) -> dict[str, str]:
    return {**row, **changes}


__all__ = [
    "MAP_REGIONS", "MAP_SECTORS", "STEWARD", "CsvPlan", "MapChange", "MapUnitSpec", "Plan",
    "Step", "UnitState", "clean", "csv_plans", "long_single_unit_plans", "map_changes",
    "map_dates", "map_unit_specs", "model_unit_id", "norm", "plans", "replace", "resolve",
    "unit_fields",
]
