"""Steps of importer.feature: CSV imports, their reports and the corrections file."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from pytest_bdd import given, parsers, then, when

from bargaining.adapters.csv_import import F7_MAPPING, ColumnMapping, CsvImporter, ImportReport
from tests.conftest import F7_SAMPLE
from tests.refusals import position
from tests.steps_common import Q, World, a_day, table_rows

#: Organizer words for the fields a spreadsheet's columns can hold.
FIELDS = {
    "union": "union",
    "local": "local",
    "employer": "employer",
    "unit name": "unit_name",
    "sector": "sector",
    "region": "region",
    "city": "city",
    "workers": "headcount",
    "industry code": "industry_code",
    "effective date": "effective",
    "expiry date": "expiry",
    "settlement date": "settled",
    "notice date": "notice_date",
}


def write_file(world: World, datatable: list[list[str]], name: str) -> None:
    """Write the table as a CSV file; its 'line' column says which line each row is on."""
    header, *rows = datatable
    assert header[0] == "line"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header[1:])
    filed: dict[int, dict[str, str]] = {}
    for number, row in enumerate(rows, start=2):
        assert int(row[0]) == number, f"the row marked line {row[0]} is on line {number}"
        writer.writerow(row[1:])
        filed[number] = dict(zip(header[1:], row[1:], strict=True))
    path = world.tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    world.extra.update(file=path, filed=filed)


def reports(world: World) -> list[tuple[ImportReport, int, int]]:
    return world.extra.setdefault("imports", [])  # type: ignore[no-any-return]


def last_report(world: World) -> ImportReport:
    return reports(world)[-1][0]


def run_import(world: World, path: Path) -> None:
    importer = CsvImporter(world.app, world.extra.get("mapping", F7_MAPPING),
                           actor=world.actor)  # type: ignore[arg-type]
    before = position(world.app)
    report = importer.import_file(path)
    reports(world).append((report, before, position(world.app)))


def check_counts(report: ImportReport, imported: int, unchanged: int, rejected: int,
                 read: int) -> None:
    shown = (report.imported, report.unchanged, len(report.rejected), report.rows_read)
    assert shown == (imported, unchanged, rejected, read)
    assert report.imported + report.unchanged + len(report.rejected) == report.rows_read
    assert report.balanced


@given("an F-7 notices file with these rows:")
def f7_file(world: World, datatable: list[list[str]]) -> None:
    write_file(world, datatable, "f7-notices.csv")


@given("our spreadsheet names its columns like this:")
def our_columns(world: World, datatable: list[list[str]]) -> None:
    columns = {FIELDS[r["what"]]: r["column"] for r in table_rows(datatable)}
    world.extra["mapping"] = ColumnMapping(**columns, source="coalition sheet")


@given("the spreadsheet has these rows:")
def our_rows(world: World, datatable: list[list[str]]) -> None:
    write_file(world, datatable, "coalition.csv")


@when("I import the file")
@when("I import the same file again")
def import_the_file(world: World) -> None:
    run_import(world, world.extra["file"])


@when("I import the FMCS F-7 sample of fiscal 2004")
def import_sample(world: World) -> None:
    assert F7_SAMPLE.is_file(), f"the sample is missing: {F7_SAMPLE}"
    run_import(world, F7_SAMPLE)


@then("these rows are set aside for correction, with reasons beginning:")
def set_aside(world: World, datatable: list[list[str]]) -> None:
    expected = [(int(r["line"]), r["reason"]) for r in table_rows(datatable)]
    rejected = last_report(world).rejected
    assert [r.line for r in rejected] == [line for line, _ in expected]
    for row, (_, reason) in zip(rejected, expected, strict=True):
        assert row.reason.startswith(reason), f"line {row.line}: {row.reason!r}"


@then("the corrections file lists those lines with their reasons and the rows as they were filed")
def corrections_file(world: World) -> None:
    report = last_report(world)
    out = world.tmp_path / "corrections.csv"
    assert report.write_rejects(out) == len(report.rejected) > 0
    with out.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["line", "reason", *world.extra["filed"][2]]
        rows = list(reader)
    assert [(int(r["line"]), r["reason"]) for r in rows] == [
        (r.line, r.reason) for r in report.rejected
    ]
    for row in rows:
        filed = world.extra["filed"][int(row["line"])]
        assert {k: v for k, v in row.items() if k not in ("line", "reason")} == filed


@then(parsers.parse(
    "{imported:d} rows are imported, {unchanged:d} unchanged and {rejected:d} rejected"
    " of {read:d} rows read"
))
def counts(world: World, imported: int, unchanged: int, rejected: int, read: int) -> None:
    check_counts(last_report(world), imported, unchanged, rejected, read)


@then(parsers.parse(
    "the second import finds {imported:d} rows to import, {unchanged:d} unchanged and"
    " {rejected:d} rejected of {read:d} rows read"
))
def second_counts(world: World, imported: int, unchanged: int, rejected: int, read: int) -> None:
    assert len(reports(world)) == 2
    check_counts(reports(world)[1][0], imported, unchanged, rejected, read)


@then(parsers.parse("the first import recorded {count:d} entries"))
def first_recorded(world: World, count: int) -> None:
    _, before, after = reports(world)[0]
    assert after - before == count


@then("the second import recorded nothing new")
def second_recorded_nothing(world: World) -> None:
    _, before, after = reports(world)[1]
    assert after == before == position(world.app) > 0
    assert world.app.expiry_map.position == after


@then("the import warns about these rows:")
def warns(world: World, datatable: list[list[str]]) -> None:
    expected = [(int(r["line"]), r["warning"]) for r in table_rows(datatable)]
    assert [(w.line, w.message) for w in last_report(world).warnings] == expected


@then("the Expiry Map shows these employers expiring:")
def map_employers(world: World, datatable: list[list[str]]) -> None:
    expected = [(r["employer"], a_day(r["expiry"])) for r in table_rows(datatable)]
    assert [(u.employer, u.expiry) for u in world.app.expiry_map.all_units()] == expected


@then(parsers.re(
    r'the unit "(?P<label>[^"]+)" has agreements expiring (?P<first>\S+) and (?P<second>\S+)'
))
def has_two_agreements(world: World, label: str, first: str, second: str) -> None:
    unit = world.app.units.get(world.uid(label))
    assert [a.expiry for a in unit.agreements] == [a_day(first), a_day(second)]


@then(parsers.re(
    r"I find union {}, local {}, employer {} and unit {} with (?P<workers>\d+) workers".format(
        Q.format("union"), Q.format("local"), Q.format("employer"), Q.format("unit_name"))
))
def find_imported(world: World, union: str, local: str, employer: str, unit_name: str,
                  workers: str) -> None:
    unit = world.app.units.find(union=union, local=local, employer=employer, unit_name=unit_name)
    assert (unit.union, unit.local, unit.headcount) == (union, local, int(workers))
    world.unit = unit.id


@then(parsers.re(
    r"the Expiry Map lists union {}, local {} expiring (?P<expiry>\S+)".format(
        Q.format("union"), Q.format("local"))
))
def map_lists_union(world: World, union: str, local: str, expiry: str) -> None:
    shown = world.app.expiry_map.all_units()
    assert [(u.union, u.local, u.expiry) for u in shown] == [(union, local, a_day(expiry))]


@then(parsers.parse("{count:d} rows are read"))
def rows_read(world: World, count: int) -> None:
    assert last_report(world).rows_read == count


@then(parsers.parse(
    "{count:d} rows are set aside for correction, each for a blank or malformed expiry date"
))
def sample_rejects(world: World, count: int) -> None:
    rejected = last_report(world).rejected
    assert len(rejected) == count
    pattern = re.compile(r"expiry date is blank|expiry date '.+' is not a date .*")
    odd = [r for r in rejected if not pattern.fullmatch(r.reason)]
    assert not odd, odd[:3]
    assert len({r.line for r in rejected}) == count  # each line once


@then("rows imported, unchanged and rejected add up to the rows read")
def add_up(world: World) -> None:
    report = last_report(world)
    assert report.imported > 0
    assert report.imported + report.unchanged + len(report.rejected) == report.rows_read


@then(parsers.parse("the corrections file holds {count:d} rows"))
def corrections_count(world: World, count: int) -> None:
    out = world.tmp_path / "corrections.csv"
    assert last_report(world).write_rejects(out) == count
    with out.open(newline="", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == count


@then("the Expiry Map lists one unit for every unit the import registered")
def one_per_unit(world: World) -> None:
    report = last_report(world)
    assert report.units_registered > 0
    assert len(world.app.expiry_map.all_units()) == report.units_registered
