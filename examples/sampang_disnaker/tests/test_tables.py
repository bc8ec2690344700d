"""Every figure of every table equals the figure printed in the source report.

The printed figures come from the report as transcribed in ``data/report-2023.yaml``, taken
verbatim from ../shared/source/lkjip-2023-disnaker-sampang.txt, each mapped to what it is a
figure of. Where the printed figure is inconsistent with the report itself, the cell is
listed in INCONSISTENT with the printed value, the value sakip gives, and why; the review
(`sakip check`, test_review.py) must find each of these.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from sampang_disnaker import printed_report

from sakip import Figure, PrintedReport, Table, build_tables, load_registry, parse_number
from sakip.testing import run_cli

# (table, row from 1, column as printed) -> (printed, sakip, why)
INCONSISTENT: dict[tuple[str, int, str], tuple[str, str, str]] = {
    ("2.1", 1, "REALISASI"): (
        "88,73",
        "94,96",
        "tables 3.1, 3.2 and 3.6 give the 2023 actual as 94,96; 88,73 is the 2022 actual (3.2)",
    ),
    ("2.1", 1, "CAPAIAN"): (
        "113,97",
        "121,98",
        "94,96 / 77,85 = 121,98 (as 3.1 prints); 113,97 is 88,73 / 77,85 = 113,9756 truncated",
    ),
    ("3.4", 1, "ANGGARAN"): (
        "90.802.291",
        "90.802.691",
        "3.6 and 3.7 (program and sub-activity) print 90.802.691, and 3.7's grand total "
        "4.753.553.212 only adds up with it",
    ),
    ("3.4", 3, "ANGGARAN"): ("91.682.291", "91.682.691", "the total of the mistyped 90.802.291"),
    ("3.5", 1, "PAGU ANGGARAN (.)"): ("90.802.291", "90.802.691", "as in table 3.4"),
    ("3.5", 3, "PAGU ANGGARAN (.)"): ("91.682.291", "91.682.691", "as in table 3.4"),
    ("3.7", 14, "%"): (
        "93,27%",
        "90,34%",
        "20.763.200 / 22.982.271 × 100 = 90,3446…; 93,27 fits neither figure",
    ),
    ("3.9", 34, "Realisasi"): (
        "77,85%",
        "94,96%",
        "the program's indicator is sasaran 1's (cascading table), whose 2023 actual tables "
        "3.1, 3.2 and 3.6 print as 94,96; 77,85 is its target",
    ),
    ("3.9", 35, "Realisasi"): ("77,85%", "94,96%", "as row 34: the activity's indicator too"),
    ("3.7", 30, "%"): (
        "45,67%",
        "45,50%",
        "97.452.600 / 214.160.000 × 100 = 45,5045…; 45,67 % is the program's absorption",
    ),
}


@pytest.fixture(scope="module")
def tables() -> dict[str, Table]:
    built = build_tables(load_registry(), "sampang-disnaker", 2023)
    return {table.id: table for table in built}


REPORT: PrintedReport = printed_report()


def _value(text: str) -> Decimal:
    """The leading number of a cell: '90 Perusahaan' -> 90, '94,41 %' -> 94,41."""
    return parse_number(text.split()[0])


def _ours(table: Table, printed: Figure) -> Figure:
    """sakip's figure of the same subject in the same row of the same table."""
    row = [f for f in table.figures() if f.place.row == printed.place.row]
    matches = [f for f in row if f.subject == printed.subject]
    assert matches, f"table {table.id} row {printed.place.row}: no figure of {printed.subject}"
    return matches[0]


@pytest.mark.parametrize(
    "printed", REPORT.figures, ids=lambda f: f"{f.place.table}:{f.place.row}:{f.place.column}"
)
def test_every_printed_figure_matches_report(tables: dict[str, Table], printed: Figure) -> None:
    ours = _ours(tables[printed.place.table], printed)
    key = (printed.place.table, printed.place.row, printed.place.column)
    if key in INCONSISTENT:
        report, expected, _why = INCONSISTENT[key]
        assert printed.text == report
        assert _value(ours.text) == _value(expected) != printed.value
    else:
        assert ours.value == printed.value
        if " " in printed.text.rstrip(" %"):  # unit words and breakdowns are shown as printed
            assert ours.text == printed.text


def test_every_inconsistent_cell_is_a_printed_figure() -> None:
    places = {(f.place.table, f.place.row, f.place.column) for f in REPORT.figures}
    assert set(INCONSISTENT) <= places


@pytest.mark.parametrize("printed_table", REPORT.tables, ids=lambda t: t.id)
def test_row_count_matches_report(tables: dict[str, Table], printed_table: Table) -> None:
    assert len(tables[printed_table.id].rows) == len(printed_table.rows)


def test_the_transcription_has_every_figure_table_of_the_report() -> None:
    # Tables 2.1-3.7 and 3.9 and the unnumbered table of migrant workers; 236 figures,
    # counted in the source: 2.1 6, 2.2 5, 2.3 3, 3.1 6, 3.2 4, PMI 9, 3.3 4, 3.4 3,
    # 3.5 6, 3.6 14, 3.7 96, 3.9 80.
    assert [t.id for t in REPORT.tables] == [
        "2.1", "2.2", "2.3", "3.1", "3.2", "pmi", "3.3", "3.4", "3.5", "3.6", "3.7", "3.9",
    ]  # fmt: skip
    assert len(REPORT.figures) == 236


def test_every_published_table_is_built(tables: dict[str, Table]) -> None:
    assert list(tables) == [
        "2.1",
        "2.2",
        "2.3",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "3.5",
        "3.6",
        "3.7",
        "3.9",
        "pmi",
        "cascading",
    ]


def test_cascading_links_each_level_as_the_report_does(tables: dict[str, Table]) -> None:
    cascading = tables["cascading"]
    # 35 sub-activities in the report's cascading table, one row each.
    assert len(cascading.rows) == 35
    first = cascading.rows[0]
    assert first[0] == "Meningkatnya partisipasi angkatan kerja"
    assert first[4] == "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA"
    assert first[8].startswith("Proses Pelaksanaan Pendidikan dan Pelatihan Keterampilan")
    programs = [row[4] for row in cascading.rows if row[4]]
    assert programs == [
        "PROGRAM PELATIHAN KERJA DAN PRODUKTIVITAS TENAGA KERJA",
        "PROGRAM PENEMPATAN TENAGA KERJA",
        "PROGRAM HUBUNGAN INDUSTRIAL",
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
    ]


def test_each_table_prints_the_name_it_gives_a_node(tables: dict[str, Table]) -> None:
    # Source report, cascading table (BAB I D) and table 3.7 print one sub-activity apart.
    cascading = "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional atau Lapangan"
    budget = "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan"
    assert cascading in [row[8] for row in tables["cascading"].rows]
    assert budget not in [row[8] for row in tables["cascading"].rows]
    assert budget in [row[0] for row in tables["3.7"].rows]
    assert budget in [row[4] for row in tables["3.9"].rows]


def test_cli_renders_json_with_displayed_strings() -> None:
    import json

    result = run_cli(
        ["tables", "sampang-disnaker", "--year", "2023", "--table", "3.6", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    (table,) = json.loads(result.stdout)
    assert set(table) == {"id", "title", "columns", "rows"}
    assert table["id"] == "3.6"
    assert table["rows"][0][8] == "94,41 %"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["tables", "sampang-disnaker", "--year", "2023", "--table", "9.9"],
            "publishes no table '9.9'",
        ),
        (["tables", "nowhere", "--year", "2023"], "unknown agency 'nowhere'"),
    ],
)
def test_cli_bad_table_or_agency_is_one_line_exit_2(args: list[str], message: str) -> None:
    result = run_cli(args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
