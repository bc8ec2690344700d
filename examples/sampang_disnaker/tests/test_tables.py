"""Every number cell of every table equals the value printed in the source report.

Expected values are typed from ../shared/source/lkjip-2023-disnaker-sampang.txt, row by row,
number columns only. Where the printed value is inconsistent with the report itself, the
cell is listed in INCONSISTENT with the printed value, the value sakip gives, and why; the
audit (`sakip check`) must find each of these.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip import load_registry, parse_number
from sakip.tables.model import Table
from sakip.tables.publish import build_tables

# (table, row index from 0, column) -> (printed, sakip, why)
INCONSISTENT: dict[tuple[str, int, str], tuple[str, str, str]] = {
    ("2.1", 0, "REALISASI"): (
        "88,73",
        "94,96",
        "tables 3.1, 3.2 and 3.6 give the 2023 actual as 94,96; 88,73 is the 2022 actual (3.2)",
    ),
    ("2.1", 0, "CAPAIAN"): (
        "113,97",
        "121,98",
        "94,96 / 77,85 = 121,98 (as 3.1 prints); 113,97 is 88,73 / 77,85 = 113,9756 truncated",
    ),
    ("3.4", 0, "ANGGARAN"): (
        "90.802.291",
        "90.802.691",
        "3.6 and 3.7 (program and sub-activity) print 90.802.691, and 3.7's grand total "
        "4.753.553.212 only adds up with it",
    ),
    ("3.4", 2, "ANGGARAN"): ("91.682.291", "91.682.691", "the total of the mistyped 90.802.291"),
    ("3.5", 0, "PAGU ANGGARAN"): ("90.802.291", "90.802.691", "as in table 3.4"),
    ("3.5", 2, "PAGU ANGGARAN"): ("91.682.291", "91.682.691", "as in table 3.4"),
    ("3.7", 13, "%"): (
        "93,27%",
        "90,34%",
        "20.763.200 / 22.982.271 × 100 = 90,3446…; 93,27 fits neither figure",
    ),
    ("3.7", 29, "%"): (
        "45,67%",
        "45,50%",
        "97.452.600 / 214.160.000 × 100 = 45,5045…; 45,67 % is the program's absorption",
    ),
}

# Printed number cells, row by row: {column: printed text}.
PRINTED: dict[str, list[dict[str, str]]] = {
    "2.1": [
        {"TARGET": "77,85", "REALISASI": "88,73", "CAPAIAN": "113,97"},
        {"TARGET": "100", "REALISASI": "100", "CAPAIAN": "100"},
    ],
    "2.2": [
        {"ANGGARAN": "1.686.140.401"},
        {"ANGGARAN": "2.413.999.989"},
        {"ANGGARAN": "100.447.678"},
        {"ANGGARAN": "23.469.404"},
        {"ANGGARAN": "4.224.057.472"},
    ],
    "2.3": [
        {"ANGGARAN (Rp.)": "100.447.678"},
        {"ANGGARAN (Rp.)": "4.895.000"},
        {"ANGGARAN (Rp.)": "105.342.678"},
    ],
    "3.1": [
        {"TARGET": "77,85", "REALISASI": "94,96", "CAPAIAN": "121,98"},
        {"TARGET": "100", "REALISASI": "100", "CAPAIAN": "100"},
    ],
    "3.2": [
        {
            "REALISASI TAHUN 2022": "88,73",
            "TARGET TAHUN 2023": "77,85",
            "REALISASI TAHUN 2023": "94,96",
            "CAPAIAN": "121,98",
        },
    ],
    "3.3": [
        {
            "REALISASI TAHUN 2022": "100",
            "TARGET TAHUN 2023": "100",
            "REALISASI TAHUN 2023": "100",
            "CAPAIAN": "100",
        },
    ],
    "3.4": [{"ANGGARAN": "90.802.291"}, {"ANGGARAN": "880.000"}, {"ANGGARAN": "91.682.291"}],
    "3.5": [
        {"PAGU ANGGARAN": "90.802.291", "REALISASI": "85.722.792"},
        {"PAGU ANGGARAN": "880.000", "REALISASI": "760.000"},
        {"PAGU ANGGARAN": "91.682.291", "REALISASI": "86.482.792"},
    ],
    "3.6": [
        {
            "TARGET": "77,85%",
            "REALISASI": "94,96%",
            "CAPAIAN": "121,98%",
            "ANGGARAN": "90.802.691",
            "REALISASI ANGGARAN": "85.722.792",
            "CAPAIAN ANGGARAN": "94,41 %",
        },
        {
            "TARGET": "100%",
            "REALISASI": "100%",
            "CAPAIAN": "100%",
            "ANGGARAN": "880.000",
            "REALISASI ANGGARAN": "760.000",
            "CAPAIAN ANGGARAN": "86,36 %",
        },
        {"ANGGARAN": "91.682.691", "REALISASI ANGGARAN": "86.482.792"},
    ],
    "3.7": [
        {"ANGGARAN": a, "REALISASI": r, "%": p}
        for a, r, p in [
            ("4.753.553.212", "4.249.734.135", "89,40%"),  # A BELANJA LANGSUNG
            ("2.033.710.532", "1.906.916.309", "93,77%"),
            ("600.990", "575.376", "95,74%"),
            ("855.940", "855.720", "99,97%"),
            ("355.713", "352.908", "99,21%"),
            ("479.510", "476.810", "99,44%"),
            ("376.980", "376.574", "99,89%"),
            ("789.480", "779.446", "98,73%"),
            ("1.558.878.069", "1.474.897.653", "94,61%"),
            ("437.995", "437.830", "99,96%"),
            ("370.792", "368.977", "99,51%"),
            ("8.370.986", "8.231.000", "98,33%"),
            ("10.336.246", "8.537.500", "82,60%"),
            ("22.982.271", "20.763.200", "93,27%"),
            ("2.760.000", "2.395.000", "86,78%"),
            ("1.911.000", "990.320", "51,82%"),
            ("37.225.000", "36.109.079", "97,00%"),
            ("12.515.048", "12.255.170", "97,92%"),
            ("1.478.817", "1.292.525", "87,40%"),
            ("75.658.000", "55.181.096", "72,93%"),
            ("227.000.000", "221.250.000", "97,47%"),
            ("32.102.383", "24.689.125", "76,91%"),
            ("8.700.000", "8.432.250", "96,92%"),
            ("29.525.312", "27.668.750", "93,71%"),
            ("2.413.999.989", "2.158.882.434", "89,43%"),
            ("2.413.999.989", "2.158.882.434", "89,43%"),
            ("90.802.691", "85.722.792", "94,41%"),
            ("90.802.691", "85.722.792", "94,41%"),
            ("215.040.000", "98.212.600", "45,67%"),
            ("214.160.000", "97.452.600", "45,67%"),
            ("880.000", "760.000", "86,36%"),
            ("4.753.553.212", "4.249.734.135", "89,40%"),  # TOTAL BELANJA LANGSUNG (BL)
        ]
    ],
    "3.9": [{}]
    + [
        {"Target": t, "Realisasi": r}
        for t, r in [
            ("100", "100"),
            ("100", "100"),
            ("3", "3"),
            ("1", "1"),
            ("1", "1"),
            ("1", "1"),
            ("1", "1"),
            ("1", "1"),
            ("100", "100"),
            ("12", "12"),
            ("1", "1"),
            ("3", "3"),
            ("100", "100"),
            ("14", "14"),
            ("10", "10"),
            ("38", "38"),
            ("2", "2"),
            ("1", "1"),
            ("2", "2"),
            ("100", "100"),
            ("2", "2"),
            ("100", "100"),
            ("1", "1"),
            ("2", "2"),
            ("1", "1"),
            ("100", "100"),
            ("2", "2"),
            ("29", "29"),
            ("1", "1"),
            ("69,23%", "89,43%"),
            ("69,23%", "89,43%"),
            ("336", "336"),
            ("77,85%", "77,85%"),
            ("77,85%", "77,85%"),
            ("100 Orang", "38 Orang 27 (Deportasi) 11 (Meninggal)"),
            ("100%", "100%"),
            ("100%", "100%"),
            ("90 Perusahaan", "82 Perusahaan"),
            ("100%", "100%"),
            ("3 Kasus", "3 Kasus"),
        ]
    ],
    "pmi": [{"Jumlah PMI": v} for v in ["10", "151", "19", "6", "2", "1", "3", "317", "509"]],
}


@pytest.fixture(scope="module")
def tables() -> dict[str, Table]:
    built = build_tables(load_registry(), "sampang-disnaker", 2023)
    return {table.id: table for table in built}


def _value(text: str) -> Decimal:
    """The leading number of a cell: '90 Perusahaan' -> 90, '94,41 %' -> 94,41."""
    return parse_number(text.split()[0])


def cells() -> list[tuple[str, int, str, str]]:
    return [
        (table_id, index, column, printed)
        for table_id, rows in PRINTED.items()
        for index, row in enumerate(rows)
        for column, printed in row.items()
    ]


@pytest.mark.parametrize(("table_id", "row", "column", "printed"), cells())
def test_number_cell_matches_report(
    tables: dict[str, Table], table_id: str, row: int, column: str, printed: str
) -> None:
    table = tables[table_id]
    ours = table.column(column)[row]
    if (table_id, row, column) in INCONSISTENT:
        report, expected, _why = INCONSISTENT[(table_id, row, column)]
        assert printed == report
        assert _value(ours) == _value(expected) != _value(printed)
    else:
        assert _value(ours) == _value(printed)
        if " " in printed.rstrip(" %"):  # unit words and breakdowns are shown as printed
            assert ours == printed


@pytest.mark.parametrize("table_id", sorted(PRINTED))
def test_row_count_matches_report(tables: dict[str, Table], table_id: str) -> None:
    assert len(tables[table_id].rows) == len(PRINTED[table_id])


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


def test_cli_renders_json_with_displayed_strings() -> None:
    import json

    from click.testing import CliRunner

    from sakip.cli import main

    result = CliRunner().invoke(
        main, ["tables", "sampang-disnaker", "--year", "2023", "--table", "3.6", "--format", "json"]
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
    from click.testing import CliRunner

    from sakip.cli import main

    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
