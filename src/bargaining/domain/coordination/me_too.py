"""Me-too: a later, better settlement flows back to the units of a cluster that settled earlier.

**Like with like.** Raises are compared by their yearly figure, the rate that compounded every
year of the term gives the same total: ``((1+r1)…(1+rn))^(1/n) - 1`` (:func:`yearly_figure`,
the frameworks' shared ``wage_figures``; raises on dates too).
A longer term with a higher total can be worse per year, and is then not better. Two yearly
figures are compared exactly (:func:`better_per_year`: ``a^(1/n) > b^(1/m)`` exactly when
``a^m > b^n``, in fractions), never through a rounded root. Other terms (care hours, a
clause) do not depend on the term's length and compare as they are
(:func:`~bargaining.domain.frameworks.evaluation.score`).

**Who the pact binds.** A coordination pact binds the members that signed it and have not
withdrawn; a claim arises only between two such members, from a settlement ratified on or
after the day the claimant's own was ratified. When the pact also has
``PactRule.ME_TOO_SAME_EMPLOYER``, only between members of the same employer (names compared
whatever their case and spacing): a later settlement with another employer owes nothing. A
later settlement at a table of many units (a master table) is judged for each unit it covers:
it owes a member what any of its units that the pact binds, in the member's scope, would owe.

**One entitlement per unit and demand.** A unit's me-too on a demand is one record with its
own life (owed, claimed, settled or waived; see
:mod:`~bargaining.domain.coordination.me_too_ledger`). A later settlement that is better per
year than the one an open claim already follows *raises* that claim instead of adding another;
a settled or waived claim is closed, and no later settlement reopens it.

Deciding this needs the rounds but no store: the application loads the rounds that
:func:`rounds_compared` names (and, under the same-employer rule, each member's employer),
asks :func:`me_too_owed`, and records what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from uuid import UUID

from bargaining.domain.coordination.cluster import BargainingCluster, MeTooEntitlement, PactRule
from bargaining.domain.coordination.round import BargainingRound
from bargaining.domain.frameworks.evaluation import describe_term, score
from bargaining.domain.frameworks.explaining import term_phrase
from bargaining.domain.frameworks.figures import show_percent
from bargaining.domain.frameworks.framework import Demand, FrameworkVersion
from bargaining.domain.frameworks.measures import Quantity
from bargaining.domain.frameworks.terms import (
    Amount,
    Clause,
    Increases,
    Raises,
    TermValue,
    Tiered,
    Years,
)
from bargaining.domain.frameworks.wages import wage_figures
from bargaining.domain.shared.errors import InvalidInput
from bargaining.domain.shared.language import mark
from bargaining.domain.shared.phrases import Phrase, percent, word
from bargaining.domain.units.profile import normalise_name

# ----------------------------------------------------------------- yearly figures


def _growth(yearly_percents: Iterable[Decimal]) -> Fraction:
    """The exact factor by which the raises grow a wage: (1 + r1/100) … (1 + rn/100)."""
    factor = Fraction(1)
    for pct in yearly_percents:
        factor *= 1 + Fraction(pct) / 100
    return factor


def better_per_year(later: Increases, earlier: Increases) -> bool:
    """Whether ``later``'s raises give more per year than ``earlier``'s, decided exactly.

    With growth ``a`` over ``n`` years and ``b`` over ``m`` years, ``a^(1/n) > b^(1/m)``
    exactly when ``a^m > b^n`` (both positive), so no root is rounded. No raises at all is
    growth 1 a year; raises that cut the wage to nothing or less are the worst there is."""
    a, n = _growth(later.yearly), len(later.yearly)
    b, m = _growth(earlier.yearly), len(earlier.yearly)
    if a <= 0 or b <= 0:
        return a > 0
    if n == 0:
        a, n = Fraction(1), 1
    if m == 0:
        b, m = Fraction(1), 1
    return bool(a ** m > b ** n)


def yearly_figure(term: Increases | Raises) -> Decimal | None:
    """A wage term's yearly figure in percent (the shared ``wage_figures``); ``None`` when it
    cannot be told without an inflation series (an indexed raise, a cost-of-living
    adjustment) or the term has no year."""
    try:
        return wage_figures(term).yearly
    except InvalidInput:
        return None


def _wage(value: TermValue | Tiered) -> Increases | Raises | None:
    """The wage term a yearly figure is read from: a tiered term's worse tier."""
    if isinstance(value, Increases | Raises):
        return value
    if isinstance(value, Tiered):
        first, second = _wage(value.incumbents), _wage(value.new_hires)
        if first is None or second is None:
            return None
        return second if _better_wage(first, second) else first
    return None


def _better_wage(later: Increases | Raises, earlier: Increases | Raises) -> bool:
    if isinstance(later, Increases) and isinstance(earlier, Increases):
        return better_per_year(later, earlier)
    theirs, mine = yearly_figure(later), yearly_figure(earlier)
    return theirs is not None and mine is not None and theirs > mine


def better_for_workers(demand: Demand, later: TermValue | Tiered,
                       earlier: TermValue | Tiered) -> bool:
    """Whether the later term is better for workers than the earlier one, like with like:
    wages by their yearly figure (a tiered term by its worse tier; terms whose yearly figure
    needs an inflation series are not compared), a quantity, a clause or a term length as it
    is (:func:`~bargaining.domain.frameworks.evaluation.score`); other terms are not compared."""
    theirs, mine = _wage(later), _wage(earlier)
    if theirs is not None and mine is not None:
        return _better_wage(theirs, mine)
    plain = Amount | Clause | Years
    if isinstance(later, plain) and isinstance(earlier, plain):
        return score(demand.measure, later) > score(demand.measure, earlier)
    return False


def describe_per_year(demand: Demand, value: TermValue | Tiered) -> str:
    """A term in words, a wage with its yearly figure first: '4.2% a year (increases 4%,
    4%, 4.5%, 4.5% compound to 18.1% over 4 years)'."""
    if isinstance(value, Increases | Raises):
        figure = yearly_figure(value)
        if figure is not None:
            return f"{show_percent(figure)} a year ({value.describe()})"
    return describe_term(demand, value)


def per_year_phrase(demand: Demand, value: TermValue | Tiered) -> Phrase:
    """:func:`describe_per_year` as a phrase, read in the reader's language."""
    if isinstance(value, Increases | Raises):
        figure = yearly_figure(value)
        if figure is not None:
            return Phrase.of(mark("{figure} a year ({term})"), figure=percent(figure),
                             term=term_phrase(value))
    unit = demand.measure.unit if isinstance(demand.measure, Quantity) else ""
    return term_phrase(value, unit)


# ----------------------------------------------------------------- who the pact binds


def bound_on(cluster: BargainingCluster, unit_id: UUID, day: date | None) -> bool:
    """Whether the pact binds a unit on ``day``: a member that signed it (on or before that
    day, when the day is known) and has not withdrawn."""
    member = cluster.members.get(unit_id)
    if member is None or member.withdrawn or member.pact_signed_on is None:
        return False
    return day is None or member.pact_signed_on <= day


def same_scope(cluster: BargainingCluster, unit_id: UUID, other_id: UUID,
               employers: Mapping[UUID, str] | None) -> bool:
    """Whether two members are in the same me-too scope: any two bound members, or, under
    ``PactRule.ME_TOO_SAME_EMPLOYER``, two of the same employer."""
    if not cluster.has_rule(PactRule.ME_TOO_SAME_EMPLOYER):
        return True
    names = {}
    for uid in (unit_id, other_id):
        if employers is None or uid not in employers:
            raise InvalidInput.worded("the employer of {label} is needed: the pact of "
                                      "'{cluster}' limits me-too to the same employer",
                                      label=cluster.members[uid].label, cluster=cluster.name)
        names[uid] = normalise_name(employers[uid])
    return names[unit_id] == names[other_id]


# ----------------------------------------------------------------- what is owed


def rounds_compared(cluster: BargainingCluster, later: BargainingRound) -> list[UUID]:
    """The rounds a later settlement is compared with: the round of every other member of
    the cluster (a withdrawn member's too: a claim may follow its settlement)."""
    return [round_id for _, round_id in _compared(cluster, later)]


def me_too_owed(
    cluster: BargainingCluster,
    later: BargainingRound,
    later_label: str,
    version: FrameworkVersion,
    earlier: Mapping[UUID, BargainingRound],
    *,
    employers: Mapping[UUID, str] | None = None,
) -> list[MeTooEntitlement]:
    """The me-too entitlements that the ratified ``later`` round creates or raises, in the
    cluster's order of tables and then of its me-too demands, each with its explanation.

    ``later_label`` names the later unit in the explanations (at a table of many units, each
    covered unit is named by its label in the cluster); ``version`` is the framework
    version whose demands measure the terms; ``earlier`` holds, by round id, every round that
    :func:`rounds_compared` names (one not ratified is owed nothing); ``employers``, by unit
    id, each member's employer, needed only under ``PactRule.ME_TOO_SAME_EMPLOYER``.

    An entitlement is owed to a member exactly when both it and a unit of the later table are
    bound by the pact on the later ratification's day, they are in the same scope, the
    member's own round was ratified on or before that day, and the later term is better per
    year than the member's own; it comes from the first such unit of the later table. It is
    returned only when the member has no claim on that demand yet, or has an open one (owed
    or claimed) whose source's term the later one beats per year.
    """
    if later.tentative is None or later.ratification is None:
        return []
    day = later.ratification.held_on
    bound = [u for u in later.unit_ids if bound_on(cluster, u, day)]
    later_terms = later.tentative.terms.items
    owed: list[MeTooEntitlement] = []
    for unit_id, round_id in _compared(cluster, later) if bound else ():
        found = _given(cluster, earlier, unit_id, round_id)
        if (not found.ratified or found.tentative is None or found.ratification is None
                or found.ratification.held_on > day or not bound_on(cluster, unit_id, day)):
            continue
        source = next((u for u in bound if same_scope(cluster, unit_id, u, employers)), None)
        if source is None:
            continue
        label = later_label if source == later.unit_id else cluster.members[source].label
        for key in dict.fromkeys(cluster.me_too_demands):
            mine, theirs = found.tentative.terms.items.get(key), later_terms.get(key)
            if mine is None or theirs is None:
                continue
            demand = version.demand(key)
            if not better_for_workers(demand, theirs, mine):
                continue
            if not _beats_open_claim(cluster, earlier, unit_id, demand, theirs,
                                     later.unit_ids):
                continue
            why = Phrase.of(mark("{unit} is owed {other}'s better {demand}: {theirs} against "
                                 "{mine}"), unit=cluster.members[unit_id].label, other=label,
                            demand=word(key), theirs=per_year_phrase(demand, theirs),
                            mine=per_year_phrase(demand, mine))
            owed.append(MeTooEntitlement.worded(unit_id, key, source, why))
    return owed


def _beats_open_claim(
    cluster: BargainingCluster, earlier: Mapping[UUID, BargainingRound], unit_id: UUID,
    demand: Demand, theirs: TermValue | Tiered, later_units: Sequence[UUID],
) -> bool:
    """Whether the later term may create or raise the member's claim on the demand: there is
    none yet, or it is open, follows no unit of the later table, and the later term beats its
    source's per year."""
    claim = cluster.me_too_claim(unit_id, demand.key)
    if claim is None:
        return True
    if claim.closed or claim.entitlement.from_unit_id in later_units:
        return False
    source_round = cluster.rounds.get(claim.entitlement.from_unit_id)
    source = earlier.get(source_round) if source_round is not None else None
    if source is None or source.tentative is None:
        return True
    followed = source.tentative.terms.items.get(demand.key)
    return followed is None or better_for_workers(demand, theirs, followed)


def _given(cluster: BargainingCluster, earlier: Mapping[UUID, BargainingRound], unit_id: UUID,
           round_id: UUID) -> BargainingRound:
    found = earlier.get(round_id)
    if found is None:
        raise InvalidInput.worded("the round {round_id} of {label} is needed to compare "
                                  "settlements under me-too, and was not given",
                                  round_id=round_id, label=cluster.members[unit_id].label)
    return found


def _compared(cluster: BargainingCluster, later: BargainingRound) -> Iterator[tuple[UUID, UUID]]:
    """(unit id, round id) of each round compared with the later one, in the cluster's order."""
    for unit_id, round_id in cluster.rounds.items():
        if round_id != later.id and unit_id not in later.unit_ids:
            yield unit_id, round_id
