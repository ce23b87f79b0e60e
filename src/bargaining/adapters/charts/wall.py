"""The readiness wall chart: units by rung, each cell coloured by participation against the
rung's threshold, as organizers keep one on the wall of the campaign office.

A row is a unit taking part on the chart's day; a column a rung of the ladder in use that day.
A cell is the unit's latest test of that rung by then (for the strike vote rung, its latest
strike vote, yes of eligible): green when it passed, red to amber as it comes closer, blank
where the rung has not been tested. The readiness report says which units hold a joint climb
back: their rows are marked, so the wall shows where organizers should go next.
"""

from __future__ import annotations

import enum
import os
from datetime import date
from fractions import Fraction
from pathlib import Path
from textwrap import fill
from uuid import UUID

import attrs
from matplotlib.patches import Rectangle

from bargaining.adapters.charts import canvas
from bargaining.app import BargainingApp
from bargaining.domain.campaigns.campaign import Campaign
from bargaining.domain.campaigns.counts import UnitCounts, standings
from bargaining.domain.campaigns.ladder import Rung, RungKind
from bargaining.domain.campaigns.participation import meets, short_of
from bargaining.domain.shared.shares import percent_of

#: How many held-back units the caption names; past that, it counts them (the rows are marked).
NAMED_IN_CAPTION = 3


class CellMark(enum.Enum):
    """A cell's verdict: the rung's test passed, fell short, or was not held."""

    MET = "met"
    SHORT = "short"
    UNTESTED = "no test"


@attrs.frozen
class WallCell:
    """A unit's latest test of one rung by the chart's day: where the count comes from (an
    action's name, or a strike vote), its day, its counts, and how many more were needed."""

    rung: str
    threshold: Fraction
    mark: CellMark
    source: str | None = None
    on: date | None = None
    eligible: int = 0
    participants: int = 0
    short: int = 0

    @property
    def share(self) -> Fraction:
        return percent_of(self.participants, self.eligible)

    @property
    def text(self) -> str:
        """What the cell reads: '72%, 216 of 300', or '52%, 24 short', or 'no test'."""
        if self.mark is CellMark.UNTESTED:
            return "no test"
        first = canvas.percent(self.share)
        if self.mark is CellMark.MET:
            return f"{first}, {canvas.count(self.participants)} of {canvas.count(self.eligible)}"
        if self.short:
            return f"{first}, {canvas.count(self.short)} short"
        return f"{first}, not a valid mandate"


@attrs.frozen
class WallRow:
    """A unit's row: its name, whether it holds the campaign back on its current rung, whether
    it is on strike that day, and a cell per rung. A work group's row (``work_group`` set)
    follows its unit's, with the group's own counts (strike votes are the unit's)."""

    unit: str
    held_back: bool
    on_strike: bool
    cells: tuple[WallCell, ...]
    work_group: str | None = None

    def cell(self, rung: str) -> WallCell:
        for cell in self.cells:
            if cell.rung.casefold() == rung.casefold():
                return cell
        raise KeyError(rung)


@attrs.frozen
class ReadinessWall:
    """The wall on a day: the ladder's rungs, the rung the campaign stood on, and a row per
    unit; how many units passed the current rung, and how many a joint climb needs.
    ``climbing`` is False on the top rung, where no unit holds a climb back."""

    campaign: str
    on: date
    rungs: tuple[Rung, ...]
    rung: str
    rows: tuple[WallRow, ...]
    ready: int
    needed: int
    climbing: bool = True

    @property
    def units(self) -> tuple[WallRow, ...]:
        """The units' rows, without their work groups'."""
        return tuple(row for row in self.rows if row.work_group is None)

    @property
    def held_back(self) -> tuple[str, ...]:
        """The units that have not passed the current rung."""
        return tuple(row.unit for row in self.units if row.held_back)

    @property
    def title(self) -> str:
        return f"Readiness wall: '{self.campaign}' on {canvas.day_label(self.on)}"

    @property
    def caption(self) -> str:
        """The climb in words: how many passed the current rung, how many a joint climb needs,
        and who holds it back (named up to three; past that, the marked rows name them)."""
        if not self.climbing:
            return (f"on '{self.rung}', the top rung: {self.ready} of {len(self.units)} units "
                    "passed its test")
        text = (f"on '{self.rung}': {self.ready} of {len(self.units)} units passed, "
                f"{self.needed} needed")
        held = self.held_back
        if len(held) > NAMED_IN_CAPTION:
            text += f"; held back by {len(held)} units (marked)"
        elif held:
            text += f"; held back by {'; '.join(held)}"
        return text


def readiness_wall(
    app: BargainingApp, campaign: UUID, *, on: date | None = None, groups: bool = False
) -> ReadinessWall:
    """The wall chart's data on a day (default: the last day the campaign's record speaks
    of), from the readiness report and the campaign's record of tests and strike votes.
    With ``groups``, each unit's row is followed by a row per work group counted by then."""
    report = app.campaigns.readiness(campaign, on=on)
    found = app.campaigns.get(campaign)
    day = report.on
    rungs = tuple(found.ladder_on(day).rungs)
    climbing = report.next_rung is not None
    held_back = set(report.held_back) if climbing else set()
    counted = list(app.participation.of(campaign).standing_counts(day))
    by_rung = {rung.name: standings(counted, rung.name) for rung in rungs
               if rung.kind is not RungKind.STRIKE_VOTE}
    rows = []
    for line in report.units:
        uid = line.unit_id
        rows.append(WallRow(line.label, uid in held_back, line.on_strike,
                            tuple(_cell(found, uid, day, rung, by_rung) for rung in rungs)))
        named = _groups(by_rung, uid) if groups else []
        rows += [WallRow(line.label, False, line.on_strike,
                         tuple(_group_cell(uid, group, rung, by_rung) for rung in rungs),
                         group) for group in named]
    return ReadinessWall(report.campaign, day, rungs, report.rung.name, tuple(rows),
                         len(report.ready), report.needed, climbing)


def _groups(by_rung: dict[str, dict[UUID, UnitCounts]], unit_id: UUID) -> list[str]:
    """A unit's named work groups, as its latest action counted them."""
    for counts in by_rung.values():
        found = counts.get(unit_id)
        if found is not None:
            return [g for g, _ in found.groups if g is not None]
    return []


def _cell(campaign: Campaign, unit_id: UUID, day: date, rung: Rung,
          by_rung: dict[str, dict[UUID, UnitCounts]]) -> WallCell:
    if rung.kind is RungKind.STRIKE_VOTE:
        votes = campaign.strike_votes(unit_id, day)
        if not votes:
            return WallCell(rung.name, rung.threshold, CellMark.UNTESTED)
        vote = votes[-1]
        source = f"strike vote {vote.number}"
        held_on, eligible, took_part = vote.vote.held_on, vote.vote.tally.eligible, (
            vote.vote.tally.yes)
        passed = campaign.passed_rung(unit_id, day, rung)
    else:
        found = by_rung[rung.name].get(unit_id)
        latest = None if found is None else found.on_rung
        if latest is None:
            return WallCell(rung.name, rung.threshold, CellMark.UNTESTED)
        source, held_on = latest.name, latest.held_on
        eligible, took_part = latest.eligible, latest.participants
        passed = meets(took_part, eligible, rung.threshold)
    return WallCell(rung.name, rung.threshold, CellMark.MET if passed else CellMark.SHORT,
                    source, held_on, eligible, took_part,
                    short_of(took_part, eligible, rung.threshold))


def _group_cell(unit_id: UUID, group: str, rung: Rung,
                by_rung: dict[str, dict[UUID, UnitCounts]]) -> WallCell:
    """A work group's latest count on a rung (a strike vote is the unit's, not the group's)."""
    found = (None if rung.kind is RungKind.STRIKE_VOTE
             else by_rung[rung.name].get(unit_id))
    latest = None if found is None else dict(found.groups_on_rung).get(group)
    if latest is None:
        return WallCell(rung.name, rung.threshold, CellMark.UNTESTED)
    e, p = latest.eligible, latest.participants
    return WallCell(rung.name, rung.threshold,
                    CellMark.MET if meets(p, e, rung.threshold) else CellMark.SHORT,
                    latest.name, latest.held_on, e, p, short_of(p, e, rung.threshold))


def _colour(cell: WallCell) -> str:
    if cell.mark is CellMark.MET:
        return canvas.MET
    if cell.mark is CellMark.UNTESTED:
        return canvas.UNTESTED
    closeness = cell.share / cell.threshold if cell.threshold else Fraction(0)
    return canvas.NEAR if closeness >= Fraction(9, 10) else canvas.SHORT


def draw_readiness_wall(wall: ReadinessWall, path: str | os.PathLike[str]) -> Path:
    """Write the wall chart as an SVG or PNG file: a grid of units by rungs, each cell
    coloured by its verdict and reading its share; held-back units marked."""
    canvas.chart_path(path)
    columns, rows = len(wall.rungs), len(wall.rows)
    figure = canvas.new_figure(2.0 + 1.45 * columns, 1.6 + 0.55 * max(rows, 1))
    axes = figure.subplots()
    for r, row in enumerate(wall.rows):
        for c, cell in enumerate(row.cells):
            colour = _colour(cell)
            axes.add_patch(_box(c, r, colour))
            ink = "black" if colour in (canvas.UNTESTED, canvas.NEAR) else "white"
            axes.text(c + 0.5, r + 0.5, cell.text.replace(", ", "\n"), ha="center",
                      va="center", fontsize=7, color=ink)
    current = next((i for i, rung in enumerate(wall.rungs)
                    if rung.name.casefold() == wall.rung.casefold()), None)
    if current is not None and rows:
        axes.add_patch(_box(current, 0, "none", height=rows, edge=canvas.MARK, width=3))
    axes.set_xlim(0, columns)
    axes.set_ylim(max(rows, 1), 0)
    axes.set_xticks([c + 0.5 for c in range(columns)],
                    [f"{fill(rung.name, 16)}\n{canvas.percent(rung.threshold)}"
                     for rung in wall.rungs],
                    fontsize=7)
    axes.xaxis.tick_top()
    axes.set_yticks([r + 0.5 for r in range(rows)], [_row_label(row) for row in wall.rows],
                    fontsize=8)
    for tick, row in zip(axes.get_yticklabels(), wall.rows, strict=True):
        tick.set_color(canvas.SHORT if row.held_back else canvas.MARK if row.work_group
                       else "black")
    axes.tick_params(length=0)
    for side in axes.spines.values():
        side.set_visible(False)
    figure.suptitle(wall.title)
    axes.set_xlabel(fill(wall.caption, 40 + 16 * columns), fontsize=8)
    return canvas.save(figure, path)


def _row_label(row: WallRow) -> str:
    if row.work_group is not None:
        return f"{row.work_group}  "
    marks = [m for m, on in (("held back", row.held_back), ("on strike", row.on_strike)) if on]
    return f"{row.unit} ({', '.join(marks)})" if marks else row.unit


def _box(x: float, y: float, colour: str, *, height: float = 1, edge: str = "white",
         width: float = 1.5) -> Rectangle:
    return Rectangle((x, y), 1, height, facecolor=colour, edgecolor=edge, linewidth=width)
