"""The workbook: a newcomer's path from the template to the tables, every damaged workbook
refused with its sheet and cell (all problems at once), and data moved between YAML and a
workbook without loss."""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
import sampang_disnaker
from hypothesis import HealthCheck, given, settings

from sakip import (
    AgencyData,
    MissingExtraError,
    WorkbookError,
    build_tables,
    load_agency_data,
    load_registry,
)
from sakip.tables.build import build_from
from sakip.tables.standard import standard_tables
from sakip.testing import agency_datasets, run_cli
from sakip.workbook.reader import load_workbook_data
from sakip.workbook.writer import export_workbook, template_workbook
from sakip.writers.agency_yaml import dump_agency_data

REGISTRY = load_registry()


def _canonical(data: AgencyData) -> dict[str, object]:
    """The data as sets of records: the order rows come in carries no meaning."""
    return {
        f.name: sorted(map(repr, value))
        if isinstance(value := getattr(data, f.name), tuple)
        else value
        for f in attrs.fields(AgencyData)
    }


def _fill(path: Path, sheets: dict[str, list[list[Any]]]) -> None:
    """What a staff member does: open the template and type rows under the headers."""
    book = openpyxl.load_workbook(path)
    for name, rows in sheets.items():
        for row in rows:
            book[name].append(row)
    book.save(path)


NEWCOMER = {
    "instansi": [["id", "dinas-baru"], ["nama", "Dinas Baru"], ["pembulatan", "half-up"]],
    "sasaran": [["S1", None, "Meningkatnya layanan", "P1"]],
    "indikator": [
        ["IKU-1", "S1", "Persentase layanan tepat waktu", "%", "naik", "terakhir"],
        ["IKU-2", "S1", "Jumlah peserta pelatihan", "orang", "naik", "jumlah"],
    ],
    # Numbers typed as Excel numbers (77.85 is the double nearest 77,85), as Indonesian text,
    # and a year given only by its quarters.
    "capaian": [
        ["IKU-1", "2024", 77.85, "94,96", None],
        ["IKU-2", 2024, 100, None, None],
        ["IKU-2", "2024-TW1", None, 30, None],
        ["IKU-2", "2024-TW2", None, "45", None],
    ],
    "program": [["P1", None, None, "Program Layanan"], ["P1.K1", "P1", None, "Kegiatan Satu"]],
    "anggaran": [["P1.K1", 2024, "perubahan", 1000000, "900.000"]],
}


@pytest.fixture
def newcomer(tmp_path: Path) -> Path:
    path = tmp_path / "dinas.xlsx"
    result = run_cli(["workbook", "template", str(path)])
    assert result.exit_code == 0, result.output
    _fill(path, NEWCOMER)
    return path


def test_the_template_has_every_sheet_instructions_lists_and_an_example(tmp_path: Path) -> None:
    path = tmp_path / "kosong.xlsx"
    template_workbook(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "petunjuk",
        "instansi",
        "tujuan",
        "sasaran",
        "indikator",
        "capaian",
        "program",
        "anggaran",
        "masalah",
        "rincian",
        "pohon_kinerja",
        "nama_tabel",
        "judul_rincian",
        "narasi",
        "contoh",
    ]
    assert [c.value for c in book["capaian"][1]] == [
        "indikator",
        "periode",
        "target",
        "realisasi",
        "standar_nasional",
    ]
    lists = {v.formula1 for v in book["indikator"].data_validations.dataValidation}
    assert lists == {'"naik,turun,rentang,kualitatif"', '"jumlah,terakhir,rata-rata"'}
    assert book["petunjuk"]["A1"].value == "Bahasa Indonesia"
    # The template is read as an empty agency (the example sheet is not data): no id yet.
    with pytest.raises(WorkbookError, match="the key 'id' is missing"):
        load_workbook_data(path)


def test_a_newcomer_goes_from_the_template_to_the_tables(newcomer: Path) -> None:
    result = run_cli(["tables", str(newcomer), "--year", "2024", "--table", "1"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "│ 1" in line]
    # IKU-1: 94,96 / 77,85 × 100 = 121,978… → 121,98. IKU-2: 30 + 45 = 75 of 100: 75.
    assert "121,98" in rows[0]
    assert "Sangat Tinggi" in rows[0]
    assert "│ 75 " in rows[1]


def test_without_a_pohon_kinerja_sheet_didanai_places_the_program(newcomer: Path) -> None:
    """The newcomer fills no pohon_kinerja sheet; sasaran S1 is didanai P1, so Program
    Layanan serves S1 and the cascading table prints S1 beside it (it printed nothing)."""
    result = run_cli(["tables", str(newcomer), "--year", "2024", "--table", "8", "--format", "csv"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "Program Layanan" in line)
    assert line.startswith(";;Meningkatnya layanan;")


def test_a_problem_of_a_kegiatan_without_indicator_is_printed(tmp_path: Path) -> None:
    """Staff write a masalah row for Kegiatan Satu, which has no indicator: the outputs
    table (3.9) prints it with its upaya, target and realisation ``-`` (it printed nowhere)."""
    path = tmp_path / "masalah.xlsx"
    template_workbook(path)
    _fill(path, {**NEWCOMER, "masalah": [["P1.K1", 2024, "Anggaran terlambat", "Percepatan"]]})
    result = run_cli(["tables", str(path), "--year", "2024", "--table", "7", "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert ";;;;Kegiatan Satu;-;-;Anggaran terlambat;Percepatan;" in result.stdout


def test_excel_numbers_are_the_decimals_typed(newcomer: Path) -> None:
    data = load_workbook_data(newcomer)
    by = {(m.indicator, str(m.period)): m for m in data.measurements}
    assert by[("IKU-1", "2024")].target == Decimal("77.85")
    assert by[("IKU-1", "2024")].actual == Decimal("94.96")
    (line,) = data.budget_lines
    assert (line.allocation, line.spending) == (Decimal(1000000), Decimal(900000))


def test_a_percent_cell_is_the_percentage_it_shows(tmp_path: Path) -> None:
    """Staff type ``85%`` in Excel: Excel stores 0,85 with a percent format and shows 85%.
    The agency means 85: realisation 85 against target 90 is 85 / 90 × 100 = 94,44…, not
    0,85 / 90 × 100 = 0,94 (predicate Sangat Rendah) as a plain reading of the cell gives."""
    path = tmp_path / "persen.xlsx"
    template_workbook(path)
    _fill(path, NEWCOMER)
    book = openpyxl.load_workbook(path)
    sheet = book["capaian"]
    sheet["C2"], sheet["D2"] = 0.9, 0.85  # typed as 90% and 85%
    sheet["C2"].number_format = sheet["D2"].number_format = "0%"
    sheet["C3"] = 1  # typed as 100%: Excel stores the whole number 1
    sheet["C3"].number_format = "0.00%"
    book.save(path)
    data = load_workbook_data(path)
    by = {(m.indicator, str(m.period)): m for m in data.measurements}
    assert (by[("IKU-1", "2024")].target, by[("IKU-1", "2024")].actual) == (
        Decimal(90),
        Decimal(85),
    )
    assert str(by[("IKU-2", "2024")].target) == "100"
    result = run_cli(["tables", str(path), "--year", "2024", "--table", "1"])
    assert result.exit_code == 0, result.output
    assert "94,44" in next(line for line in result.stdout.splitlines() if "│ 1" in line)


def _damaged(tmp_path: Path, change: Callable[[Any], None]) -> Path:
    path = tmp_path / "rusak.xlsx"
    template_workbook(path)
    _fill(path, NEWCOMER)
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    _excel_double(path, "12345.678", "0.30000000000000004")
    return path


def _excel_double(path: Path, written: str, stored: str) -> None:
    """Put in the file the digits Excel itself stores for a double (openpyxl writes 15)."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for name, content in parts.items():
        if name.startswith("xl/worksheets/"):
            parts[name] = content.replace(f"<v>{written}</v>".encode(), f"<v>{stored}</v>".encode())
    with zipfile.ZipFile(path, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)


def _set(sheet: str, cell: str, value: Any) -> Callable[[Any], None]:
    def change(book: Any) -> None:
        book[sheet][cell] = value

    return change


DAMAGES: list[tuple[str, Callable[[Any], None], str]] = [
    (
        "a word in a number column",
        _set("capaian", "C2", "tujuh"),
        "capaian!C2: 'tujuh' is not a number",
    ),
    (
        "a date in a number column",
        _set("capaian", "C2", datetime.datetime(2024, 7, 7)),
        "capaian!C2: expected a number, got the date 2024-07-07",
    ),
    ("a formula", _set("anggaran", "D2", "=1000000*1"), "anggaran!D2: a formula (=1000000*1)"),
    (
        "a float artefact",
        _set("capaian", "C2", 12345.678),  # stored by Excel as 0,1 + 0,2 gives: _excel_double
        "capaian!C2: 0.30000000000000004 has 17 decimals, more than this column's 6",
    ),
    ("a negative budget", _set("anggaran", "D2", -5), "anggaran!A2: BudgetLine.allocation"),
    ("an unknown column", _set("capaian", "F1", "catatan"), "capaian!F1: unknown column 'catatan'"),
    (
        "a missing column",
        _set("capaian", "A1", None),
        "capaian!1: the column 'indikator' is missing",
    ),
    ("an unknown indicator", _set("capaian", "A2", "IKU-9"), "capaian!A2: 'IKU-9' is no indicator"),
    ("an unknown owner", _set("indikator", "B2", "S9"), "indikator!B2: 'S9' is no tujuan, sasaran"),
    (
        "a typo in didanai",
        _set("sasaran", "D2", "P1.K9"),
        "sasaran!D2: didanai names 'P1.K9', which is no program, activity or sub-activity; "
        "the known ones are P1, P1.K1",
    ),
    (
        "a narasi section written twice",
        lambda book: [
            book["narasi"].append(row) for row in (["ringkasan", "A"], ["ringkasan", "B"])
        ],
        "narasi!A3: the section 'ringkasan' is written already at narasi!A2",
    ),
    (
        "a tujuan that is none",
        _set("sasaran", "B2", "T99"),
        "sasaran!B2: tujuan names 'T99', which is no goal (tujuan); the known ones are none",
    ),
    (
        "a duplicate code",
        _set("program", "A3", "P1"),
        "program!A3: 'P1' is already used at program!A2",
    ),
    (
        "an unknown sheet",
        lambda book: book.create_sheet("lainnya"),
        "lainnya!A1: unknown sheet 'lainnya'",
    ),
    (
        "a missing instansi",
        lambda book: book.remove(book["instansi"]),
        "the sheet 'instansi' is missing",
    ),
    (
        "merged cells",
        lambda book: book["program"].merge_cells("D2:D3"),
        "program!D2:D3: merged cells",
    ),
    (
        "a bad polarity",
        _set("indikator", "E2", "ke atas"),
        "indikator!E2: 'ke atas' is not one of naik",
    ),
]


@pytest.mark.parametrize(("case", "change", "message"), DAMAGES, ids=[d[0] for d in DAMAGES])
def test_a_damaged_workbook_names_sheet_and_cell(
    tmp_path: Path, case: str, change: Callable[[Any], None], message: str
) -> None:
    path = _damaged(tmp_path, change)
    with pytest.raises(WorkbookError) as error:
        load_workbook_data(path)
    assert any(message in problem for problem in error.value.problems), error.value.problems


def test_a_wrong_parent_is_blamed_once_at_its_own_cell(tmp_path: Path) -> None:
    def change(book: Any) -> None:
        book["program"]["B3"] = "P9"  # the kegiatan names no program
        book["program"].append(["P1.K1.S1", "P1.K1", None, "Sub Kegiatan Satu"])

    with pytest.raises(WorkbookError) as error:
        load_workbook_data(_damaged(tmp_path, change))
    blamed = [p for p in error.value.problems if p.startswith("program!")]
    assert blamed == ["program!B3: 'P9' is no program or kegiatan in this sheet"]


@pytest.mark.parametrize(
    "content", [b"nama,target\nIKU-1,90\n", b"PK\x03\x04 broken", b""], ids=["csv", "zip", "empty"]
)
def test_a_file_that_is_no_workbook_is_one_line_naming_it(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bukan.xlsx"
    path.write_bytes(content)
    result = run_cli(["tables", str(path), "--year", "2024"])
    assert result.exit_code == 2
    assert "not a readable Excel workbook (.xlsx)" in result.output
    assert str(path) in result.output
    assert "report it" not in result.output
    assert "Traceback" not in result.output


def test_only_the_cells_a_sheet_stores_are_read(tmp_path: Path) -> None:
    """One cell at XFD1048576 declares a sheet of 17 billion cells; the reader walks the three
    rows it stores (before, it walked the rectangle and never answered)."""
    from sakip.workbook.reader import _stored_rows

    path = tmp_path / "jauh.xlsx"
    template_workbook(path)
    _fill(path, NEWCOMER)
    book = openpyxl.load_workbook(path)
    book["rincian"]["XFD1048576"] = " "
    book.save(path)
    sheet = openpyxl.load_workbook(path)["rincian"]
    assert [row[0].row for row in _stored_rows(sheet)] == [1, 1048576]
    assert len(load_workbook_data(path).measurements) == 4


def _repacked(source: Path, target: Path, member: str, content: bytes) -> Path:
    import zipfile

    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts[member] = content
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return target


def test_a_workbook_that_unpacks_to_far_more_than_it_weighs_is_refused(newcomer: Path) -> None:
    """A 30 MB string of one letter packs to some 30 KB: a ratio of about 1000, over the 200
    the reader allows; the member and the ratio are named, and nothing is parsed."""
    text = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
    bomb = text + b"a" * (30 * 1024 * 1024) + b"</t></si></sst>"
    path = _repacked(newcomer, newcomer.with_name("bom.xlsx"), "xl/sharedStrings.xml", bomb)
    result = run_cli(["tables", str(path), "--year", "2024"])
    assert result.exit_code == 2
    assert "xl/sharedStrings.xml: unpacks from" in result.output
    assert "more than 200 times" in result.output


def test_a_pipe_named_xlsx_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    path = tmp_path / "pipa.xlsx"
    os.mkfifo(path)
    result = run_cli(["tables", str(path), "--year", "2024"])
    assert result.exit_code == 2
    assert f"{path}: is not a regular file" in result.output


def test_a_file_over_the_size_limit_names_the_limit_and_how_to_raise_it(
    newcomer: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAKIP_MAX_FILE_MB", "1")
    padded = _repacked(
        newcomer, newcomer.with_name("besar.xlsx"), "xl/pad.bin", os.urandom(2 * 1024 * 1024)
    )
    result = run_cli(["tables", str(padded), "--year", "2024"])
    assert result.exit_code == 2
    assert "more than the 1 MB sakip reads; set SAKIP_MAX_FILE_MB" in result.output


def test_every_problem_of_a_workbook_is_reported_in_one_run(tmp_path: Path) -> None:
    def three(book: Any) -> None:
        book["capaian"]["C2"] = "tujuh"
        book["anggaran"]["D2"] = "=1+1"
        book["indikator"]["B3"] = "S9"

    path = _damaged(tmp_path, three)
    output = tmp_path / "tabel.xlsx"
    result = run_cli(
        ["tables", str(path), "--year", "2024", "--format", "xlsx", "--output", str(output)]
    )
    assert result.exit_code == 2
    assert "3 problems" in result.stderr
    for where in ("capaian!C2", "anggaran!D2", "indikator!B3"):
        assert where in result.stderr
    assert "Traceback" not in result.output
    assert not output.exists()  # nothing written


def test_the_tutorials_error_is_what_sakip_prints(tmp_path: Path) -> None:
    def three(book: Any) -> None:
        book["capaian"]["C2"] = "tujuh"
        book["anggaran"]["D2"] = "=1+1"
        book["indikator"]["B3"] = "S9"

    path = _damaged(tmp_path, three).rename(tmp_path / "dinas.xlsx")
    result = run_cli(["tables", str(path), "--year", "2024"])
    printed = result.stderr.replace(f"{tmp_path}/", "")
    page = (Path(__file__).parents[1] / "docs" / "workbook.md").read_text(encoding="utf-8")
    shown = "\n".join(line[4:] for line in printed.splitlines())
    assert "\n".join("    " + line for line in printed.strip().splitlines()) in page, shown


def test_sampang_moves_to_a_workbook_and_back_with_identical_tables(tmp_path: Path) -> None:
    data = sampang_disnaker.load()
    workbook = tmp_path / "sampang.xlsx"
    export_workbook(data, workbook)
    from_workbook = load_workbook_data(workbook)
    dump_agency_data(from_workbook, tmp_path / "folder")
    from_folder = load_agency_data(tmp_path / "folder")
    assert _canonical(from_workbook) == _canonical(data)
    assert _canonical(from_folder) == _canonical(data)
    specs = REGISTRY.tables_of("sampang-disnaker")
    expected = build_tables(REGISTRY, "sampang-disnaker", 2023)
    for moved in (from_workbook, from_folder):
        assert build_from(REGISTRY, moved, 2023, specs) == expected


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(agency_datasets(initial_budget=True))
def test_any_agency_round_trips_through_a_workbook(tmp_path: Path, data: AgencyData) -> None:
    path = tmp_path / "agency.xlsx"
    path.unlink(missing_ok=True)
    export_workbook(data, path)
    assert _canonical(load_workbook_data(path)) == _canonical(data)


def test_tables_as_a_workbook_hold_numbers_as_numbers(tmp_path: Path) -> None:
    path = tmp_path / "tabel.xlsx"
    result = run_cli(
        ["tables", "sampang-disnaker", "--year", "2023", "--format", "xlsx", "--output", str(path)]
    )
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(path)["Tabel 3.7"]
    assert sheet["A1"].value.startswith("Tabel 3.7")
    assert sheet.freeze_panes == "A3"
    grand = next(row for row in sheet.iter_rows(min_row=3) if row[0].value == "BELANJA LANGSUNG")
    # The report's grand total and its absorption, as numbers with the table's decimals.
    assert (grand[1].value, grand[1].number_format) == (4753553212, "#,##0")
    assert (grand[3].value, grand[3].number_format) == (89.4, "#,##0.00")
    assert grand[0].font.b  # a total row is set apart
    program = next(
        row
        for row in sheet.iter_rows(min_row=3)
        if row[0].value == "PROGRAM PENEMPATAN TENAGA KERJA"
    )
    assert program[0].font.b
    assert program[1].value == 90802691


def test_csv_for_excel_is_one_file_a_table_with_no_formula_to_run(tmp_path: Path) -> None:
    data = attrs.evolve(
        sampang_disnaker.load(),
        objectives=[
            attrs.evolve(o, name='=HYPERLINK("http://x")\nkedua') if o.key == "S1" else o
            for o in sampang_disnaker.load().objectives
        ],
    )
    from sakip.tables.spreadsheet import csv_files

    tables = build_from(REGISTRY, data, 2023, standard_tables(data, 2023))
    (first, *_) = csv_files(tables, tmp_path / "csv", bom=True)
    raw = first.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    text = raw.decode("utf-8-sig")
    assert "'=HYPERLINK" in text  # neutralised: Excel shows it as text
    assert '"\'=HYPERLINK(""http://x"")\nkedua"' in text  # the line break kept inside quotes
    assert ";77,85;94,96;121,98;" in text  # ';' between fields: ',' is Indonesian decimals
    assert len(list((tmp_path / "csv").iterdir())) == len(tables)


def test_several_tables_to_csv_need_a_folder() -> None:
    result = run_cli(["tables", "sampang-disnaker", "--year", "2023", "--format", "csv"])
    assert result.exit_code == 2
    assert "one table per file; give --output FOLDER" in result.stderr


def test_without_openpyxl_the_message_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now fails
    with pytest.raises(MissingExtraError, match=r"needs openpyxl: pip install 'sakip\[excel\]'"):
        load_workbook_data(tmp_path / "x.xlsx")
    result = run_cli(["workbook", "template", str(tmp_path / "t.xlsx")])
    assert result.exit_code == 2
    assert "pip install 'sakip[excel]'" in result.stderr
