"""Explanations stored before phrases existed, reworded from the figures they hold.

Releases before phrases stored an evaluation's explanation as an English sentence only. Each
such sentence the library wrote is one of its phrases' English, so where a sentence is read
back whole by one of the patterns below, its figures are taken from it and it is worded again
in the reader's language; any other sentence (a combination no pattern reads) is read as
stored, in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from bargaining.domain.frameworks.explaining import NOTHING
from bargaining.domain.shared.language import Language, current_language, mark
from bargaining.domain.shared.phrases import Phrase, number, percent, percents, word

_PERCENT = r"(-?\d+(?:\.\d+)?)%"
_NUMBER = r"(-?\d+(?:\.\d+)?)"


def _unit(found: re.Match[str]) -> dict[str, object]:
    return {"amount": number(Decimal(found[1])), "unit": word(found[2])}


_Reading = tuple[re.Pattern[str], Callable[[re.Match[str]], Phrase]]

#: Whole explanations a release stored, each read back into the phrase that writes it.
_READINGS: list[_Reading] = [
    (re.compile(r"the clause '(.+)' is in the terms"),
     lambda f: Phrase.of(mark("the clause '{clause}' is in the terms"), clause=word(f[1]))),
    (re.compile(r"the clause '(.+)' is missing from the terms"),
     lambda f: Phrase.of(mark("the clause '{clause}' is missing from the terms"),
                         clause=word(f[1]))),
    (re.compile(r"no term treats new hires worse"),
     lambda f: Phrase.of(mark("no term treats new hires worse"))),
    (re.compile(r"two-tier terms on (.+): a concession"),
     lambda f: Phrase.of(mark("two-tier terms on {demands}: a concession"), demands=f[1])),
    (re.compile(rf"{_NUMBER} (\S+); target {_NUMBER} \2: meets target"),
     lambda f: Phrase.of(mark("{text}; {judged}"), text=_amount(f[1], f[2]),
                         judged=Phrase.of(mark("target {target}: meets target"),
                                          target=_amount(f[3], f[2])))),
    (re.compile(rf"{_NUMBER} (\S+); floor {_NUMBER} \2, target {_NUMBER} \2: meets floor, "
                r"short of target"),
     lambda f: Phrase.of(mark("{text}; {judged}"), text=_amount(f[1], f[2]), judged=Phrase.of(
         mark("floor {floor}, target {target}: meets floor, short of target"),
         floor=_amount(f[3], f[2]), target=_amount(f[4], f[2])))),
    (re.compile(rf"{_NUMBER} (\S+); floor {_NUMBER} \2: {_NUMBER} \2 (below|above) floor"),
     lambda f: Phrase.of(mark("{text}; {judged}"), text=_amount(f[1], f[2]), judged=Phrase.of(
         mark("floor {floor}: {gap} {unit} below floor") if f[5] == "below"
         else mark("floor {floor}: {gap} {unit} above floor"),
         floor=_amount(f[3], f[2]), gap=number(Decimal(f[4])), unit=word(f[2])))),
    (re.compile(rf"increases ((?:{_PERCENT}, )*{_PERCENT}) compound to {_PERCENT} over "
                rf"(\d+) years; target {_PERCENT}: meets target; that is {_PERCENT} a year"),
     lambda f: _compound(f)),
]


def _amount(value: str, unit: str) -> Phrase:
    return Phrase.of(mark("{amount} {unit}"), amount=number(Decimal(value)), unit=word(unit))


def _compound(found: re.Match[str]) -> Phrase:
    listed = [Decimal(p.rstrip("%")) for p in found[1].split(", ")]
    text = Phrase.of(mark("increases {listed} compound to {total} over {years} years"),
                     listed=percents(listed), total=percent(Decimal(found[found.re.groups - 3])),
                     years=number(int(found[found.re.groups - 2])))
    return Phrase.of(mark("{text}; {judged}; that is {yearly} a year{real}"), text=text,
                     judged=Phrase.of(mark("target {target}: meets target"),
                                      target=percent(Decimal(found[found.re.groups - 1]))),
                     yearly=percent(Decimal(found[found.re.groups])), real=NOTHING)


def reworded(explanation: str) -> str:
    """A stored English explanation in the reader's language: reworded from its figures when
    a pattern reads it whole (and its phrase writes the same English back), else as stored."""
    if current_language() is Language.ENGLISH:
        return explanation
    for pattern, phrase in _READINGS:
        found = pattern.fullmatch(explanation)
        if found is None:
            continue
        rebuilt = phrase(found)
        if rebuilt.english() == explanation:
            return rebuilt.read()
    return explanation
