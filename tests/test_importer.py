"""The CSV importer: every good row imported, every bad row reported, nothing dropped."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bargaining import Actor, BargainingApp, InvalidInput, MissingActor
from bargaining.adapters.csv_import import (
    F7_MAPPING,
    ColumnMapping,
    CsvImporter,
    split_union_and_local,
)
from tests.conftest import F7_SAMPLE

HEADER = ("notice_date,expiration_date,employer,union,unit_city,unit_state,industry_code,"
          "bargaining_unit_size,establishment_size\n")


def f7(app: BargainingApp, actor: Actor, **kwargs: object) -> CsvImporter:
    return CsvImporter(app, F7_MAPPING, actor=actor, **kwargs)  # type: ignore[arg-type]


def test_real_f7_sample_balances_and_reimports_unchanged(app: BargainingApp,
                                                         steward: Actor) -> None:
    importer = f7(app, steward)
    report = importer.import_file(F7_SAMPLE)
    assert report.rows_read == 6000
    assert report.imported + report.unchanged + len(report.rejected) == 6000
    assert len(report.rejected) == 622
    reasons = {r.reason.split("'")[0].strip() for r in report.rejected}
    assert reasons == {"expiry date is blank", "expiry date"}
    assert any("before the notice date" in w.message for w in report.warnings)
    assert any("1983" in w.message and "years from" in w.message for w in report.warnings)
    assert report.agreements_recorded == report.imported
    assert len(app.expiry_map.all_units()) == report.units_registered
    position = app.eventsourcing.recorder.max_notification_id()
    again = importer.import_file(F7_SAMPLE)
    assert (again.imported, again.unchanged, len(again.rejected)) == (
        0, report.imported + report.unchanged, 622)
    assert app.eventsourcing.recorder.max_notification_id() == position


def test_f7_union_column_holds_union_and_local() -> None:
    assert split_union_and_local("IAM - 570 DISTRICT 166") == ("IAM", "570 DISTRICT 166")
    assert split_union_and_local("PACE - 3-0361 EIGHT MILE AL") == ("PACE", "3-0361 EIGHT MILE AL")
    assert split_union_and_local("MANA -") == ("MANA", "")
    assert split_union_and_local("UAW") == ("UAW", "")


def test_units_are_named_by_city_and_state(memory_app: BargainingApp, steward: Actor) -> None:
    f7(memory_app, steward).import_text(
        HEADER + "2003-09-30,2003-11-20,AIRCRAFT SERVICES INTERNATIONAL GROUP INC,"
        "IAM - 570 DISTRICT 166,TAMPA,FL,J,9,9\n")
    unit = memory_app.units.find(union="IAM", local="570 DISTRICT 166",
                                 employer="Aircraft Services International Group Inc",
                                 unit_name="Tampa, FL")
    assert (unit.region, unit.city, unit.headcount, unit.sector, unit.industry_code) == (
        "FL", "TAMPA", 9, "J", "J")
    assert unit.current_agreement.source == "FMCS F-7 notice, CSV text line 2"  # type: ignore[union-attr]


BAD = HEADER + (
    "2003-09-30,2004-01-31,GOOD EMPLOYER,SEIU - 1,CHICAGO,IL,J,10,10\n"      # line 2 ok
    "2003-09-30,,NO EXPIRY,SEIU - 1,CHICAGO,IL,J,10,10\n"                    # 3 blank
    "2003-09-30,00:00:00,BAD EXPIRY,SEIU - 1,CHICAGO,IL,J,10,10\n"           # 4 malformed
    "2003-09-30,2004-02-30,NO SUCH DAY,SEIU - 1,CHICAGO,IL,J,10,10\n"        # 5 malformed
    "2003-09-30,2004-01-31,NEGATIVE,SEIU - 1,CHICAGO,IL,J,-4,10\n"           # 6 negative
    "2003-09-30,2004-01-31,,SEIU - 1,CHICAGO,IL,J,10,10\n"                   # 7 no employer
    "2003-09-30,2004-01-31,NO UNION,,CHICAGO,IL,J,10,10\n"                   # 8 no union
    "2003-09-30,2004-01-31,WORDY,SEIU - 1,CHICAGO,IL,J,ten,10\n"             # 9 size text
    "2003-09-30,2004-01-31,GOOD EMPLOYER,SEIU - 1,CHICAGO,IL,J,10,10\n"      # 10 duplicate
    "2004-03-01,2006-06-30,GOOD EMPLOYER,SEIU - 1,CHICAGO,IL,J,12,10\n"      # 11 next agreement
    "2003-09-30,2003-05-15,LATE NOTICE,IBT - 7,DENVER,CO,T,5,5\n"            # 12 odd: warning
    "2003-09-30,2049-05-15,FAR AWAY,IBT - 7,DENVER,CO,T,5,5\n"               # 13 odd: warning
)


def test_bad_rows_reported_by_line_and_reason(memory_app: BargainingApp, steward: Actor,
                                              tmp_path: Path) -> None:
    report = f7(memory_app, steward, batch_size=3).import_text(BAD)
    assert [(r.line, r.reason) for r in report.rejected] == [
        (3, "expiry date is blank"),
        (4, "expiry date '00:00:00' is not a date (YYYY-MM-DD)"),
        (5, "expiry date '2004-02-30' is not a date (YYYY-MM-DD)"),
        (6, "unit size -4 is negative"),
        (7, "employer is missing"),
        (8, "union is missing"),
        (9, "unit size 'ten' is not a whole number"),
    ]
    assert [(w.line, w.message) for w in report.warnings] == [
        (12, "expiry 2003-05-15 is before the notice date 2003-09-30"),
        (13, "expiry 2049-05-15 is 45 years from the file's typical year 2004"),
    ]
    assert (report.rows_read, report.imported, report.unchanged) == (12, 4, 1)
    assert report.balanced
    good = memory_app.units.find(union="SEIU", local="1", employer="Good employer",
                                 unit_name="Chicago, IL")
    assert [a.expiry.isoformat() for a in good.agreements] == ["2004-01-31", "2006-06-30"]
    assert good.headcount == 10  # later rows add agreements, not profile changes

    out = tmp_path / "rejects.csv"
    assert report.write_rejects(out) == 7
    with out.open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["line"] for r in rows] == ["3", "4", "5", "6", "7", "8", "9"]
    assert rows[3]["reason"] == "unit size -4 is negative"
    assert rows[3]["employer"] == "NEGATIVE" and rows[3]["bargaining_unit_size"] == "-4"


def test_one_transaction_per_batch(sqlite_app: BargainingApp, steward: Actor,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    saves: list[int] = []
    real_save = sqlite_app.save

    def counting_save(*aggregates: object, **kwargs: object) -> object:
        saves.append(len(aggregates))
        return real_save(*aggregates, **kwargs)

    monkeypatch.setattr(sqlite_app, "save", counting_save)
    report = f7(sqlite_app, steward, batch_size=1000).import_file(F7_SAMPLE)
    assert report.batches == 6
    assert len(saves) == 6
    assert sum(saves) >= report.units_registered


@pytest.mark.parametrize("batch_size", [1, 1000])
def test_overlapping_rows_are_rejected_by_the_units_rules(memory_app: BargainingApp,
                                                          steward: Actor, batch_size: int) -> None:
    """Also when each row is its own batch: the unit is then loaded again from the store."""
    mapping = ColumnMapping(union="union", local="local", employer="employer",
                            unit_name="unit", expiry="expiry", effective="effective",
                            sector="sector", headcount="size", source="coalition sheet")
    text = ("union,local,employer,unit,sector,size,effective,expiry\n"
            "CUPE,79,City of Toronto,inside,municipal,20000,2020-01-01,2023-12-31\n"
            "CUPE,79,City of Toronto,inside,municipal,20000,2022-01-01,2025-12-31\n"
            "CUPE,79,City of Toronto,inside,municipal,20000,2024-01-01,2023-06-30\n"
            "CUPE,79,City of Toronto,inside,municipal,20000,2024-01-01,2027-12-31\n")
    report = CsvImporter(memory_app, mapping, actor=steward, batch_size=batch_size).import_text(
        text)
    assert [(r.line, r.reason) for r in report.rejected] == [
        (3, "CUPE 79, City of Toronto (inside): the agreement 2022-01-01 to 2025-12-31 overlaps"
            " the agreement 2020-01-01 to 2023-12-31 already recorded"),
        (4, "an agreement must expire after it takes effect: effective 2024-01-01, "
            "expiry 2023-06-30"),
    ]
    assert report.imported == 2 and report.balanced


def test_file_without_a_mapped_column_is_refused(memory_app: BargainingApp,
                                                 steward: Actor) -> None:
    with pytest.raises(InvalidInput, match="no column 'expiration_date'"):
        f7(memory_app, steward).import_text("employer,union\nX,Y\n")
    assert memory_app.eventsourcing.recorder.max_notification_id() in (None, 0)


def test_importer_needs_an_actor_and_a_file(memory_app: BargainingApp, tmp_path: Path,
                                            steward: Actor) -> None:
    with pytest.raises(MissingActor):
        CsvImporter(memory_app, F7_MAPPING, actor=None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="no CSV file"):
        f7(memory_app, steward).import_file(tmp_path / "missing.csv")


def test_line_numbers_survive_blank_lines_and_quoted_line_breaks(memory_app: BargainingApp,
                                                                 steward: Actor) -> None:
    text = (HEADER
            + "2003-09-30,2004-01-31,GOOD,SEIU - 1,CHICAGO,IL,J,10,10\n"     # line 2
            + "\n\n"                                                          # lines 3-4
            + "2003-09-30,,BLANK EXPIRY,SEIU - 1,CHICAGO,IL,J,10,10\n"       # line 5
            + '2003-09-30,2004-01-31,"TWO\nLINES",SEIU - 1,X,IL,J,1,1\n'     # lines 6-7
            + "2003-09-30,2004-01-31,NO UNION, - 12,CHICAGO,IL,J,10,10\n")   # line 8
    report = f7(memory_app, steward).import_text(text)
    assert [(r.line, r.reason) for r in report.rejected] == [
        (5, "expiry date is blank"), (8, "union is missing")]
    assert report.rows_read == 4 and report.imported == 2 and report.balanced


def test_a_name_too_long_to_be_real_is_a_bad_row(memory_app: BargainingApp,
                                                 steward: Actor) -> None:
    long_employer = "ACME " * 60
    report = f7(memory_app, steward).import_text(
        HEADER + f"2003-09-30,2004-01-31,{long_employer},SEIU - 1,CHICAGO,IL,J,10,10\n"
        "2003-09-30,2004-01-31,GOOD EMPLOYER,SEIU - 1,CHICAGO,IL,J,10,10\n")
    assert [(r.line, r.reason) for r in report.rejected] == [
        (2, "the employer is 299 characters long; a unit's names and profile fields are at "
            "most 200")]
    assert (report.imported, report.balanced) == (1, True)
    assert [u.employer for u in memory_app.expiry_map.all_units()] == ["GOOD EMPLOYER"]
