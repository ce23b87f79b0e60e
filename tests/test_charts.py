"""The charts: each chart's numbers checked exactly, on every store, and its files checked to be
valid SVG or PNG (never pixels)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from bargaining import (
    BargainingApp,
    BargainingError,
    InvalidInput,
    MapFilter,
    Tally,
    Turnout,
    Vote,
)
from bargaining.charts import (
    CellMark,
    ClusterMarks,
    ExpiryTimeline,
    SectorSeries,
    StrikeChart,
    expiry_timeline,
    participation_growth,
    readiness_wall,
    render,
    strike_chart,
    write_expiry_timeline,
    write_participation_growth,
    write_readiness_wall,
    write_strike_chart,
)
from tests.chart_stories import (
    BIG_THREE,
    CHAIR,
    FRONT_COMMUN,
    ORGANIZER,
    OSBCU,
    climb_on,
    front_commun_cluster,
    register,
    stand_up_strike,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > len(PNG_SIGNATURE)


def assert_svg(path: Path) -> None:
    root = ET.parse(path).getroot()
    assert root.tag in ("svg", "{http://www.w3.org/2000/svg}svg")


def assert_both(chart: object, tmp_path: Path, name: str) -> None:
    """The chart renders as a valid PNG and a valid SVG."""
    assert render(chart, tmp_path / f"{name}.png") == tmp_path / f"{name}.png"  # type: ignore[arg-type]
    assert_png(tmp_path / f"{name}.png")
    render(chart, tmp_path / f"{name}.svg")  # type: ignore[arg-type]
    assert_svg(tmp_path / f"{name}.svg")


# ------------------------------------------------------------------ the expiry timeline


def test_the_expiry_timeline_stacks_units_and_workers_by_sector(
    app: BargainingApp, tmp_path: Path
) -> None:
    units = register(app, [*FRONT_COMMUN, *BIG_THREE, OSBCU])
    cluster = front_commun_cluster(app, units)
    timeline = expiry_timeline(app, cluster=cluster, end=date(2023, 12, 31))
    assert timeline.months == tuple(f"2023-{m:02d}" for m in range(3, 13))
    zeros = (0,) * 6
    assert timeline.sectors == (
        # CSN, FTQ (its sector typed "Health ") and APTS: one sector, spelled as most spell it
        SectorSeries("health", (3, *zeros, 0, 0, 0), (295_000, *zeros, 0, 0, 0)),
        SectorSeries("auto", (*zeros, 3, 0, 0, 0), (*zeros, 146_000, 0, 0, 0)),
        SectorSeries("education", (1, *zeros, 0, 0, 0), (125_000, *zeros, 0, 0, 0)),
    )
    assert timeline.cluster == ClusterMarks("Front commun 2023", date(2023, 3, 1),
                                            date(2023, 4, 30), date(2028, 3, 31))
    assert timeline.units == (4, 0, 0, 0, 0, 0, 3, 0, 0, 0)
    assert timeline.workers[0] == 420_000  # the Front commun's workers, all in March
    assert timeline.title == "Agreements expiring by month, 2023-03 to 2023-12"
    assert timeline.caption == ("7 units, 566,000 workers; Front commun 2023: window "
                                "2023-03-01 to 2023-04-30, target 2028-03-31")
    # the Expiry Map's own month table counts the same
    table = app.expiry_map.month_table(date(2023, 3, 1), date(2023, 12, 31))
    assert [(r.month, r.units, r.workers) for r in table] == list(
        zip(timeline.months, timeline.units, timeline.workers, strict=True))
    assert_both(timeline, tmp_path, "timeline")


def test_a_clusters_window_to_its_target_gives_the_timelines_months(app: BargainingApp) -> None:
    cluster = front_commun_cluster(app, register(app, FRONT_COMMUN))
    timeline = expiry_timeline(app, cluster=cluster)
    assert (timeline.months[0], timeline.months[-1], len(timeline.months)) == (
        "2023-03", "2028-03", 61)


def test_the_expiry_timeline_takes_the_maps_filter(app: BargainingApp) -> None:
    register(app, [*FRONT_COMMUN, *BIG_THREE])
    timeline = expiry_timeline(app, start=date(2023, 1, 1), end=date(2023, 12, 31),
                               where=MapFilter(sector="auto"))
    assert [s.sector for s in timeline.sectors] == ["auto"]
    assert timeline.units == (0,) * 8 + (3,) + (0,) * 3
    assert timeline.cluster is None


def test_the_expiry_timeline_refuses_what_it_cannot_draw(memory_app: BargainingApp) -> None:
    with pytest.raises(InvalidInput, match="needs its first and last months"):
        expiry_timeline(memory_app, start=date(2023, 1, 1))
    with pytest.raises(InvalidInput, match="takes no limit or offset"):
        expiry_timeline(memory_app, start=date(2023, 1, 1), end=date(2023, 2, 1),
                        where=MapFilter(limit=5))
    with pytest.raises(InvalidInput, match="ends"):
        expiry_timeline(memory_app, start=date(2023, 5, 1), end=date(2023, 2, 1))


def test_an_empty_map_draws_an_empty_timeline(memory_app: BargainingApp, tmp_path: Path) -> None:
    timeline = expiry_timeline(memory_app, start=date(2024, 1, 1), end=date(2024, 3, 31))
    assert timeline == ExpiryTimeline(("2024-01", "2024-02", "2024-03"), ())
    assert timeline.units == (0, 0, 0)
    assert timeline.caption == "0 units, 0 workers"
    assert_both(timeline, tmp_path, "empty")


# ------------------------------------------------------------------ participation growth


def growing_campaign(app: BargainingApp) -> tuple[object, dict[str, object]]:
    """escalation.feature's 'participation growing over time': Sudbury and Toronto."""
    units = {name: app.units.register(union="SEIU", local="2", employer=name, unit_name="care",
                                      headcount=300, actor=CHAIR)
             for name in ("Sudbury", "Toronto")}
    campaign = app.campaigns.launch(name="Together", units=list(units.values()),
                                    on=date(2023, 1, 9), actor=CHAIR)
    climb_on(app, campaign, list(units.values()),
             [date(2023, 1, 16), date(2023, 1, 23), date(2023, 1, 30)])
    sudbury, toronto = units["Sudbury"], units["Toronto"]
    for name, on, counts in [
        ("Button day", date(2023, 2, 10), [Turnout(sudbury, 300, 210),
                                           Turnout(toronto, 1200, 480, "nursing"),
                                           Turnout(toronto, 40, 4, "dietary")]),
        ("Red Shirt Friday", date(2023, 2, 24), [Turnout(toronto, 1200, 660, "nursing"),
                                                 Turnout(toronto, 40, 30, "dietary")]),
    ]:
        plan = {toronto: ["nursing", "dietary"]} | ({sudbury: []} if len(counts) == 3 else {})
        number = app.campaigns.plan_action(campaign, name=name, rung="wear the union colours",
                                           on=on, units=plan, actor=ORGANIZER)
        app.campaigns.hold_action(campaign, number, counts, actor=ORGANIZER)
    return campaign, units  # type: ignore[return-value]


def test_participation_growth_of_a_unit_reads_its_tests(app: BargainingApp, tmp_path: Path) -> None:
    campaign, units = growing_campaign(app)
    growth = participation_growth(app, campaign, unit=units["Toronto"])  # type: ignore[arg-type]
    assert growth.title == "Participation in 'Together': SEIU 2, Toronto (care)"
    assert growth.labels == ("95 of 100 (95%)", "95 of 100 (95%)", "95 of 100 (95%)",
                             "484 of 1,240 (39%)", "690 of 1,240 (55.6%)")
    assert [p.threshold for p in growth.points] == [1, 10, 51, 60, 60]
    assert [p.passed for p in growth.points] == [True, True, True, False, False]
    assert growth.points == app.campaigns.participation_series(
        campaign, unit=units["Toronto"])  # type: ignore[arg-type]
    assert [r.name for r in growth.rungs][-2:] == ["strike vote", "strike"]
    assert_both(growth, tmp_path, "growth")


def test_participation_growth_of_a_work_group_and_of_the_campaign(app: BargainingApp) -> None:
    campaign, units = growing_campaign(app)
    nursing = participation_growth(app, campaign, unit=units["Toronto"],  # type: ignore[arg-type]
                                   work_group="Nursing")
    assert nursing.subject == "SEIU 2, Toronto (care) / Nursing"
    assert nursing.labels == ("480 of 1,200 (40%)", "660 of 1,200 (55%)")
    whole = participation_growth(app, campaign)  # type: ignore[arg-type]
    assert whole.subject == "all units"
    assert whole.labels[-2:] == ("694 of 1,540 (45.1%)", "690 of 1,240 (55.6%)")


def test_a_campaign_with_no_test_draws_an_empty_growth_chart(
    memory_app: BargainingApp, tmp_path: Path
) -> None:
    unit = memory_app.units.register(union="CSN", local="", employer="Amazon",
                                     unit_name="DXT4 Laval", headcount=230, actor=CHAIR)
    campaign = memory_app.campaigns.launch(name="DXT4", units=[unit], on=date(2025, 1, 22),
                                           actor=CHAIR)
    growth = participation_growth(memory_app, campaign, unit=unit)
    assert (growth.points, growth.labels) == ((), ())
    assert_both(growth, tmp_path, "no-tests")


# ------------------------------------------------------------------ the strike chart


def test_the_strike_chart_counts_workers_out_each_day(app: BargainingApp, tmp_path: Path) -> None:
    campaign, _ = stand_up_strike(app)
    chart = strike_chart(app, campaign)
    assert (chart.days[0], chart.days[-1], len(chart.days)) == (
        date(2023, 9, 15), date(2023, 11, 5), 52)
    out = dict(zip(chart.days, chart.workers_out, strict=True))
    units = dict(zip(chart.days, chart.units_out, strict=True))
    assert [out[date(2023, 9, d)] for d in (15, 21, 22, 28, 29)] == [
        3_600, 3_600, 9_400, 9_400, 14_000]
    assert (out[date(2023, 10, 29)], out[date(2023, 10, 30)], out[date(2023, 11, 5)]) == (
        14_000, 10_400, 10_400)
    assert (units[date(2023, 9, 29)], units[date(2023, 10, 30)]) == (3, 2)
    assert [(line.unit, line.workers, line.flagged) for line in chart.lines] == [
        ("UAW, GM (Wentzville)", 3_600, False), ("UAW, Stellantis (Toledo)", 5_800, False),
        ("UAW, Ford (Chicago)", 4_600, False)]
    assert chart.peak == (14_000, date(2023, 9, 29))
    assert chart.caption == "peak 14,000 workers out (3 units) on 2023-09-29"
    assert_both(chart, tmp_path, "strike")


def test_the_strike_chart_on_chosen_days_and_with_a_headcount_missing(
    memory_app: BargainingApp,
) -> None:
    campaign, plants = stand_up_strike(memory_app)
    memory_app.units.change_headcount(plants["Toledo"], 0, actor=CHAIR)
    chart = strike_chart(memory_app, campaign, start=date(2023, 9, 21), end=date(2023, 9, 22))
    assert chart.days == (date(2023, 9, 21), date(2023, 9, 22))
    assert chart.workers_out == (3_600, 3_600)
    assert chart.units_out == (1, 2)  # Toledo is out, its workers not counted
    assert chart.unknown_headcount == ("UAW, Stellantis (Toledo)",)
    assert [line.unit for line in chart.lines] == [  # Chicago walked out later
        "UAW, GM (Wentzville)", "UAW, Stellantis (Toledo)"]
    assert chart.caption == ("peak 3,600 workers out (1 unit) on 2023-09-21; headcount not "
                             "recorded: UAW, Stellantis (Toledo)")
    with pytest.raises(InvalidInput, match=re.escape("last day (2023-09-01) is before its first")):
        strike_chart(memory_app, campaign, start=date(2023, 9, 21), end=date(2023, 9, 1))


def test_a_flagged_walkout_is_marked_and_a_campaign_without_one_has_no_days(
    memory_app: BargainingApp, tmp_path: Path
) -> None:
    unit = memory_app.units.register(union="CUPE", local="OSBCU", employer="Ontario school boards",
                                     unit_name="education workers", headcount=55_000, actor=CHAIR)
    campaign = memory_app.campaigns.launch(name="OSBCU 2022", units=[unit],
                                           on=date(2022, 8, 1), actor=CHAIR)
    empty = strike_chart(memory_app, campaign)
    assert empty == StrikeChart("OSBCU 2022", (), ())
    assert empty.caption == "no workers out in these days"
    assert_both(empty, tmp_path, "no-strike")
    memory_app.campaigns.enter_strike(campaign, unit, on=date(2022, 11, 4),
                                      back_on=date(2022, 11, 8), actor=CHAIR)
    chart = strike_chart(memory_app, campaign)
    assert chart.days == tuple(date(2022, 11, d) for d in (4, 5, 6, 7))
    assert chart.workers_out == (55_000,) * 4
    assert chart.lines[0].flagged  # no strike vote, below the strike rung: a fact with flags


def test_a_unit_still_out_is_charted_to_the_day_asked(memory_app: BargainingApp) -> None:
    unit = memory_app.units.register(union="CSN", local="", employer="Amazon",
                                     unit_name="DXT4 Laval", headcount=230, actor=CHAIR)
    campaign = memory_app.campaigns.launch(name="DXT4", units=[unit], on=date(2025, 1, 22),
                                           actor=CHAIR)
    memory_app.campaigns.enter_strike(campaign, unit, on=date(2025, 2, 4), actor=CHAIR)
    chart = strike_chart(memory_app, campaign, end=date(2025, 2, 6))
    assert chart.workers_out == (230, 230, 230)
    assert strike_chart(memory_app, campaign).days[-1] >= date(2025, 2, 6)  # to today


# ------------------------------------------------------------------ the readiness wall


def petition_campaign(app: BargainingApp) -> object:
    """escalation.feature's cluster petition: Toronto holds the climb back."""
    units = {name: app.units.register(union="SEIU", local="2", employer=name, unit_name="care",
                                      headcount=300, actor=CHAIR)
             for name in ("Sudbury", "Ottawa", "Toronto")}
    campaign = app.campaigns.launch(name="Ontario LTC", units=list(units.values()),
                                    on=date(2023, 1, 9), actor=CHAIR)
    climb_on(app, campaign, list(units.values()), [date(2023, 1, 16), date(2023, 1, 23)])
    toronto = units["Toronto"]
    number = app.campaigns.plan_action(
        campaign, name="Petition", rung="majority petition", on=date(2023, 2, 1),
        units={units["Sudbury"]: [], units["Ottawa"]: [],
               toronto: ["nursing", "dietary", "housekeeping"]}, actor=ORGANIZER)
    app.campaigns.hold_action(campaign, number, [
        Turnout(units["Sudbury"], 300, 240), Turnout(units["Ottawa"], 450, 300),
        Turnout(toronto, 800, 320, "nursing"), Turnout(toronto, 40, 10, "dietary"),
        Turnout(toronto, 400, 250, "housekeeping")], actor=ORGANIZER)
    return campaign


def test_the_wall_reads_each_unit_by_rung_and_marks_who_holds_back(
    app: BargainingApp, tmp_path: Path
) -> None:
    campaign = petition_campaign(app)
    wall = readiness_wall(app, campaign)  # type: ignore[arg-type]
    assert wall.on == date(2023, 2, 1)
    assert wall.rung == "majority petition"
    assert [r.name for r in wall.rungs] == [
        "organizing meeting", "union cards / sign-up", "majority petition",
        "wear the union colours", "rally or march on the boss", "overtime ban / work-to-rule",
        "strike vote", "strike"]
    assert [[c.text for c in row.cells[:4]] for row in wall.rows] == [
        ["95%, 95 of 100", "95%, 95 of 100", "80%, 240 of 300", "no test"],
        ["95%, 95 of 100", "95%, 95 of 100", "66.7%, 300 of 450", "no test"],
        ["95%, 95 of 100", "95%, 95 of 100", "46.8%, 53 short", "no test"],
    ]
    assert [row.unit for row in wall.rows] == [
        "SEIU 2, Sudbury (care)", "SEIU 2, Ottawa (care)", "SEIU 2, Toronto (care)"]
    toronto = wall.rows[2].cell("Majority Petition")
    assert (toronto.mark, toronto.source, toronto.on, toronto.short, toronto.share) == (
        CellMark.SHORT, "Petition", date(2023, 2, 1), 53, Fraction(580 * 100, 1240))
    assert [row.held_back for row in wall.rows] == [False, False, True]
    assert wall.held_back == ("SEIU 2, Toronto (care)",)
    assert (wall.ready, wall.needed) == (2, 3)
    assert wall.caption == ("on 'majority petition': 2 of 3 units passed, 3 needed; held back "
                            "by SEIU 2, Toronto (care)")
    assert_both(wall, tmp_path, "wall")


def test_the_wall_on_an_earlier_day_shows_what_was_known_then(app: BargainingApp) -> None:
    campaign = petition_campaign(app)
    wall = readiness_wall(app, campaign, on=date(2023, 1, 20))  # type: ignore[arg-type]
    assert wall.rung == "union cards / sign-up"
    assert [row.cells[1].mark for row in wall.rows] == [CellMark.UNTESTED] * 3
    assert wall.held_back == tuple(row.unit for row in wall.rows)


def test_the_wall_reads_strike_votes_and_strikes(memory_app: BargainingApp) -> None:
    campaign, _ = stand_up_strike(memory_app)
    wall = readiness_wall(memory_app, campaign, on=date(2023, 9, 29))
    assert wall.rung == "strike"
    assert [row.on_strike for row in wall.rows] == [True, True, True]
    vote = wall.rows[0].cell("strike vote")
    assert (vote.mark, vote.source, vote.text) == (CellMark.MET, "strike vote 1",
                                                   "95%, 95 of 100")


# ------------------------------------------------------------------ files and the extra


def test_each_chart_has_a_call_that_writes_its_file(
    sqlite_app: BargainingApp, tmp_path: Path
) -> None:
    cluster = front_commun_cluster(sqlite_app, register(sqlite_app, FRONT_COMMUN))
    campaign, _ = stand_up_strike(sqlite_app)
    assert_svg(write_expiry_timeline(sqlite_app, tmp_path / "t.svg", cluster=cluster))
    assert_png(write_participation_growth(sqlite_app, campaign, tmp_path / "g.PNG"))
    assert_png(write_strike_chart(sqlite_app, campaign, tmp_path / "s.png"))
    assert_svg(write_readiness_wall(sqlite_app, campaign, tmp_path / "w.svg"))


def test_the_same_chart_writes_the_same_svg(memory_app: BargainingApp, tmp_path: Path) -> None:
    campaign, _ = stand_up_strike(memory_app)
    chart = strike_chart(memory_app, campaign)
    render(chart, tmp_path / "a.svg")
    render(chart, tmp_path / "b.svg")
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


@pytest.mark.parametrize("name", ["chart.pdf", "chart", "missing/chart.png"])
def test_a_chart_is_written_only_as_svg_or_png_in_a_folder_that_exists(
    name: str, tmp_path: Path
) -> None:
    timeline = ExpiryTimeline(("2024-01",), ())
    with pytest.raises(InvalidInput) as refused:
        render(timeline, tmp_path / name)
    assert isinstance(refused.value, BargainingError)
    assert "does not exist" in str(refused.value) or ".svg or .png" in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_render_refuses_what_is_not_a_charts_data(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not str"):
        render("a chart", tmp_path / "x.png")  # type: ignore[arg-type]


def test_without_matplotlib_the_charts_name_the_extra_and_the_library_still_imports() -> None:
    code = (
        "import sys\n"
        "sys.modules['matplotlib'] = None\n"
        "import bargaining\n"
        "try:\n"
        "    import bargaining.charts\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert "pip install 'bargaining[charts]'" in done.stdout
    assert "matplotlib" in done.stdout


def test_drawing_never_touches_pyplot_or_the_hosts_backend(tmp_path: Path) -> None:
    code = (
        "import sys, matplotlib\n"
        "matplotlib.use('svg')\n"
        "from datetime import date\n"
        "from bargaining.charts import ExpiryTimeline, render\n"
        f"render(ExpiryTimeline(('2024-01',), ()), {str(tmp_path / 'x.png')!r})\n"
        "print('matplotlib.pyplot' in sys.modules, matplotlib.get_backend())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.split() == ["False", "svg"]
    assert_png(tmp_path / "x.png")


def test_the_smaller_sectors_are_added_together_past_the_most_named(
    memory_app: BargainingApp,
) -> None:
    register(memory_app, [*FRONT_COMMUN, *BIG_THREE])
    timeline = expiry_timeline(memory_app, start=date(2023, 3, 1), end=date(2023, 9, 30),
                               most_sectors=1)
    assert timeline.sectors == (
        SectorSeries("health", (3, 0, 0, 0, 0, 0, 0), (295_000, 0, 0, 0, 0, 0, 0)),
        SectorSeries("2 other sectors", (1, 0, 0, 0, 0, 0, 3), (125_000, 0, 0, 0, 0, 0, 146_000),
                     sectors=2),
    )
    assert timeline.workers == (420_000, 0, 0, 0, 0, 0, 146_000)
    for wrong in (0, True, "3"):
        with pytest.raises(InvalidInput, match="how many sectors the timeline names"):
            expiry_timeline(memory_app, start=date(2023, 3, 1), end=date(2023, 9, 30),
                            most_sectors=wrong)  # type: ignore[arg-type]


def test_a_timeline_spans_at_most_thirty_years(memory_app: BargainingApp) -> None:
    assert len(expiry_timeline(memory_app, start=date(2000, 1, 1),
                               end=date(2029, 12, 31)).months) == 360
    with pytest.raises(InvalidInput, match="at most 360 months; 1983-07 to 2029-12 is 558"):
        expiry_timeline(memory_app, start=date(1983, 7, 18), end=date(2029, 12, 31))


def test_past_the_units_named_the_strike_chart_adds_the_others_together(
    memory_app: BargainingApp,
) -> None:
    campaign, _ = stand_up_strike(memory_app)
    chart = strike_chart(memory_app, campaign, most_units=1, end=date(2023, 9, 30))
    toledo, others = chart.lines
    assert (toledo.unit, toledo.workers) == ("UAW, Stellantis (Toledo)", 5_800)
    assert (others.unit, others.workers, others.flagged, others.units) == (
        "2 other units", 8_200, False, 2)
    assert toledo.units == 1
    day = {d: i for i, d in enumerate(chart.days)}
    assert [others.out[day[date(2023, 9, d)]] for d in (15, 29)] == [1, 2]
    assert [others.workers_out[day[date(2023, 9, d)]] for d in (15, 29)] == [3_600, 8_200]
    assert chart.workers_out[day[date(2023, 9, 29)]] == 14_000
    assert chart.units_out[day[date(2023, 9, 29)]] == 3
    with pytest.raises(InvalidInput, match="how many units the strike chart names"):
        strike_chart(memory_app, campaign, most_units=0)


def test_on_the_top_rung_no_unit_holds_a_climb_back(memory_app: BargainingApp) -> None:
    campaign, _ = stand_up_strike(memory_app)
    wall = readiness_wall(memory_app, campaign, on=date(2023, 9, 29))
    assert wall.climbing is False
    assert wall.held_back == ()
    assert wall.caption == "on 'strike', the top rung: 0 of 3 units passed its test"


def test_the_caption_counts_many_held_back_units_and_the_rows_name_them(
    memory_app: BargainingApp,
) -> None:
    ids = [memory_app.units.register(union="CSN", local="", employer=f"CPE {n}",
                                     unit_name="educators", actor=CHAIR) for n in range(4)]
    campaign = memory_app.campaigns.launch(name="CPE", units=ids, on=date(2023, 1, 9),
                                           actor=CHAIR)
    wall = readiness_wall(memory_app, campaign)
    assert wall.caption == ("on 'organizing meeting': 0 of 4 units passed, 4 needed; held back "
                            "by 4 units (marked)")
    assert len(wall.held_back) == 4


def test_a_strike_vote_past_the_benchmark_without_its_quorum_reads_not_a_valid_mandate(
    memory_app: BargainingApp,
) -> None:
    unit = memory_app.units.register(union="CUPE", local="OSBCU", employer="Ontario school boards",
                                     unit_name="education workers", actor=CHAIR)
    campaign = memory_app.campaigns.launch(name="OSBCU 2022", units=[unit], on=date(2022, 8, 1),
                                           actor=CHAIR)
    climb_on(memory_app, campaign, [unit], [date(2022, 8, d) for d in (8, 15, 22, 29, 30, 31)])
    memory_app.campaigns.record_mandate(campaign, Vote(
        date(2022, 10, 3), Tally(eligible=100, cast=86, yes=86, no=0), quorum=90), actor=CHAIR)
    vote = readiness_wall(memory_app, campaign).rows[0].cell("strike vote")
    assert (vote.mark, vote.short, vote.text) == (CellMark.SHORT, 0,
                                                  "86%, not a valid mandate")


def test_the_wall_with_work_groups_reads_each_groups_count(
    app: BargainingApp, tmp_path: Path
) -> None:
    campaign = petition_campaign(app)
    wall = readiness_wall(app, campaign, groups=True)  # type: ignore[arg-type]
    assert [(row.unit, row.work_group, row.held_back,
             row.cell("majority petition").text, row.cell("organizing meeting").text)
            for row in wall.rows] == [
        ("SEIU 2, Sudbury (care)", None, False, "80%, 240 of 300", "95%, 95 of 100"),
        ("SEIU 2, Ottawa (care)", None, False, "66.7%, 300 of 450", "95%, 95 of 100"),
        ("SEIU 2, Toronto (care)", None, True, "46.8%, 53 short", "95%, 95 of 100"),
        ("SEIU 2, Toronto (care)", "nursing", False, "40%, 88 short", "no test"),
        ("SEIU 2, Toronto (care)", "dietary", False, "25%, 11 short", "no test"),
        ("SEIU 2, Toronto (care)", "housekeeping", False, "62.5%, 250 of 400", "no test"),
    ]
    assert [row.unit for row in wall.units] == [
        "SEIU 2, Sudbury (care)", "SEIU 2, Ottawa (care)", "SEIU 2, Toronto (care)"]
    assert wall.caption == readiness_wall(app, campaign).caption  # type: ignore[arg-type]
    assert_both(wall, tmp_path, "wall-groups")
