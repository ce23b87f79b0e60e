"""Explanations stored before phrases existed, reworded from the figures they hold.

Releases before phrases stored an evaluation's explanation as an English sentence only. The
sentences the library wrote are its phrases' English, so a sentence read back whole by the
patterns below (a clause present or missing, two-tier terms, and a term judged against a floor
and target: yearly increases, an amount, a term's length) has its figures taken from it and is
worded again in the reader's language; the rewording is kept only when its English is the
stored sentence exactly. Any other sentence is read as stored, in English.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bargaining.domain.frameworks.explaining import NOTHING
from bargaining.domain.shared.language import Language, current_language, mark
from bargaining.domain.shared.phrases import Phrase, number, percent, percents, word

_PERCENT = r"(-?\d+(?:\.\d+)?)%"
_NUMBER = r"(-?\d+(?:\.\d+)?)"


def _whole(text: str) -> Phrase | None:
    """The explanations that are one phrase on their own."""
    if found := re.fullmatch(r"the clause '(.+)' is in the terms", text):
        return Phrase.of(mark("the clause '{clause}' is in the terms"), clause=word(found[1]))
    if found := re.fullmatch(r"the clause '(.+)' is missing from the terms", text):
        return Phrase.of(mark("the clause '{clause}' is missing from the terms"),
                         clause=word(found[1]))
    if text == "no term treats new hires worse":
        return Phrase.of(mark("no term treats new hires worse"))
    if found := re.fullmatch(r"two-tier terms on (.+): a concession", text):
        return Phrase.of(mark("two-tier terms on {demands}: a concession"), demands=found[1])
    return None


def _term(text: str) -> Phrase | None:
    """What the terms give: yearly increases, a term's length or an amount."""
    if found := re.fullmatch(rf"increases (.+) compound to {_PERCENT} over (\d+) years", text):
        listed = found[1].split(", ")
        if not all(re.fullmatch(_PERCENT, p) for p in listed):
            return None
        return Phrase.of(mark("increases {listed} compound to {total} over {years} years"),
                         listed=percents(Decimal(p[:-1]) for p in listed),
                         total=percent(Decimal(found[2])), years=number(int(found[3])))
    if found := re.fullmatch(rf"a term of {_NUMBER} years", text):
        return Phrase.of(mark("a term of {years} years"), years=number(Decimal(found[1])))
    if found := re.fullmatch(rf"{_NUMBER} (.+)", text):
        return _amount(found[1], found[2])
    return None


def _yearly(text: str) -> Phrase | None:
    """A term, with the yearly rate its increases compound to where a yearly floor judged it
    (', 3.8% a year' or ', 3.8% a year compounded, but 0% a year earned over the term')."""
    found = re.fullmatch(rf"(.+), {_PERCENT} a year compounded, but {_PERCENT} a year earned "
                         r"over the term", text)
    if found and (term := _term(found[1])) is not None:
        yearly = Phrase.of(mark(", {yearly} a year compounded, but {earned} a year earned over "
                                "the term"), yearly=percent(Decimal(found[2])),
                           earned=percent(Decimal(found[3])))
        return Phrase.of(mark("{text}{yearly}{real}"), text=term, yearly=yearly, real=NOTHING)
    found = re.fullmatch(rf"(.+), {_PERCENT} a year", text)
    if found and (term := _term(found[1])) is not None:
        yearly = Phrase.of(mark(", {yearly} a year"), yearly=percent(Decimal(found[2])))
        return Phrase.of(mark("{text}{yearly}{real}"), text=term, yearly=yearly, real=NOTHING)
    return _term(text)


def _amount(value: str, unit: str) -> Phrase:
    return Phrase.of(mark("{amount} {unit}"), amount=number(Decimal(value)), unit=word(unit))


def _bound(text: str) -> Phrase | tuple[str, str] | None:
    """A floor or target: a percentage (over the term, or a year) or an amount."""
    if found := re.fullmatch(_PERCENT, text):
        return percent(Decimal(found[1]))
    if found := re.fullmatch(rf"{_PERCENT} a year", text):
        return Phrase.of(mark("{rate} a year"), rate=percent(Decimal(found[1])))
    if found := re.fullmatch(rf"{_PERCENT} a year above inflation", text):
        return Phrase.of(mark("{rate} a year above inflation"), rate=percent(Decimal(found[1])))
    if found := re.fullmatch(rf"{_NUMBER} (.+)", text):
        return _amount(found[1], found[2])
    return None


_GAPS = {"point": mark("floor {floor}: {gap} point below floor"),
         "points": mark("floor {floor}: {gap} points below floor"),
         "point a year": mark("floor {floor}: {gap} point a year below floor"),
         "points a year": mark("floor {floor}: {gap} points a year below floor")}


def _judged(text: str) -> Phrase | None:
    """A verdict against the floor and target."""
    if (found := re.fullmatch(r"target (.+): meets target", text)) and (
            target := _bound(found[1])) is not None:
        return Phrase.of(mark("target {target}: meets target"), target=target)
    found = re.fullmatch(r"floor (.+), target (.+): meets floor, short of target", text)
    if found and (floor := _bound(found[1])) is not None and (
            target := _bound(found[2])) is not None:
        return Phrase.of(mark("floor {floor}, target {target}: meets floor, short of target"),
                         floor=floor, target=target)
    found = re.fullmatch(rf"floor (.+): {_NUMBER} (.+) (below|above) floor", text)
    if found is None or (floor := _bound(found[1])) is None:
        return None
    gap = number(Decimal(found[2]))
    if found[3] in _GAPS and found[4] == "below":
        return Phrase.of(_GAPS[found[3]], floor=floor, gap=gap)
    message = (mark("floor {floor}: {gap} {unit} below floor") if found[4] == "below"
               else mark("floor {floor}: {gap} {unit} above floor"))
    return Phrase.of(message, floor=floor, gap=gap, unit=word(found[3]))


def _read_back(explanation: str) -> Phrase | None:
    whole = _whole(explanation)
    if whole is not None:
        return whole
    parts = explanation.split("; ")
    if len(parts) not in (2, 3):
        return None
    text, judged = _yearly(parts[0]), _judged(parts[1])
    if text is None or judged is None:
        return None
    if len(parts) == 2:
        return Phrase.of(mark("{text}; {judged}"), text=text, judged=judged)
    yearly = re.fullmatch(rf"that is {_PERCENT} a year", parts[2])
    if yearly is None:
        return None
    return Phrase.of(mark("{text}; {judged}; that is {yearly} a year{real}"), text=text,
                     judged=judged, yearly=percent(Decimal(yearly[1])), real=NOTHING)


def reworded(explanation: str) -> str:
    """A stored English explanation in the reader's language: reworded from its figures when
    the patterns read it whole (and its phrase writes the same English back), else as
    stored."""
    if current_language() is Language.ENGLISH:
        return explanation
    phrase = _read_back(explanation)
    if phrase is None or phrase.english() != explanation:
        return explanation
    return phrase.read()
