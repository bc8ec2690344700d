"""Every measure of BAB III on a fictional Dinas Kesehatan, each value worked out by hand.

IKU-1 (a level, "last"): quarters 70, 80, 88, 93 against 75, 82, 88, 92; the year 93 of 92.
IKU-2 (cumulative, "sum"): quarters 20, 30, 25, 35 of 25 each; the year is their sum, 110,
of 100; Renstra 2022–2026 from a baseline of 0 (2021) to 500: 90 + 110 + 110 = 310 so far.
IKU-4 (average, lower is better): quarters 36, 32, 28, 24 minutes; target 30; standard 60.
IKU-3 (grades): target BB, realisation A. Budget (revised): objective 1 is program P2,
400.000.000 + 200.000.000 = 600.000.000, spent 360.000.000 + 190.000.000 = 550.000.000;
objective 2 is program P1, 800.000.000, spent 760.000.000.
"""

from __future__ import annotations

import attrs
import pytest
from sakip import NoDataError, Table, build_tables, load_agency, review_report
from sakip.testing import isolated_registry, run_cli

import dinkes_contoh

REGISTRY = isolated_registry(dinkes_contoh)


@pytest.fixture(scope="module")
def tables() -> dict[str, Table]:
    return {t.id: t for t in build_tables(REGISTRY, "dinkes-contoh", 2024)}


def _row(table: Table, name: str) -> dict[str, str]:
    (row,) = [r for r in table.rows if any(cell.startswith(name) for cell in r)]
    return dict(zip(table.columns, row, strict=True))


def test_performance_with_unit_and_predicate(tables: dict[str, Table]) -> None:
    table = tables["3.1"]
    assert table.column("SATUAN") == ["%", "Orang", "menit", "predikat"]
    # 93 / 92 × 100 = 101,086… → 101,09; 110 / 100 → 110; (2 × 30 − 30) / 30 → 100;
    # A is better than BB: met, 100. All ≥ 91: Sangat Tinggi (Permendagri 86/2017).
    assert table.column("CAPAIAN") == ["101,09", "110", "100", "100"]
    assert table.column("PREDIKAT") == ["Sangat Tinggi"] * 4
    assert table.column("TARGET")[3] == "BB"
    assert table.column("REALISASI")[3] == "A"


def test_a_year_from_its_quarters_by_each_aggregation(tables: dict[str, Table]) -> None:
    table = tables["3.4"]
    # last: TW IV, 93; sum: 20 + 30 + 25 + 35 = 110; average: (36 + 32 + 28 + 24) / 4 = 30.
    assert table.column("REALISASI 2024") == ["93", "110", "30", "A"]
    # IKU-1 TW I: 70 / 75 = 93,33…; TW II: 80 / 82 = 97,56…; IKU-2 TW IV: 35 / 25 = 140.
    assert table.column("CAPAIAN TW I")[:2] == ["93,33", "80"]
    assert table.column("CAPAIAN TW II")[0] == "97,56"
    assert table.column("CAPAIAN TW IV")[1] == "140"
    # To date: IKU-1 by TW I is 70 of the year's 92 (76,09); IKU-2 by TW II is 20 + 30 = 50
    # of 100; IKU-4 by TW II averages 34 minutes: (2 × 30 − 34) / 30 = 86,67.
    assert table.column("CAPAIAN S.D. TW I")[0] == "76,09"
    assert table.column("CAPAIAN S.D. TW II")[1:3] == ["50", "86,67"]


def test_previous_years_and_change(tables: dict[str, Table]) -> None:
    iku1 = _row(tables["3.2"], "Cakupan imunisasi dasar lengkap")
    assert (iku1["REALISASI 2022"], iku1["REALISASI 2023"]) == ("87", "89,5")
    assert iku1["PERUBAHAN DARI 2023"] == "3,5"  # 93 − 89,5
    assert _row(tables["3.2"], "Rata-rata waktu tunggu")["PERUBAHAN DARI 2023"] == "-4"


def test_renstra_progress_adds_years_only_for_cumulative_indicators(
    tables: dict[str, Table],
) -> None:
    level = _row(tables["3.3"], "Cakupan imunisasi dasar lengkap")
    # A level: its latest year, 93, against 95: 97,894… → 97,89.
    assert (level["REALISASI S.D. 2024"], level["CAPAIAN S.D. 2024"]) == ("93", "97,89")
    cumulative = _row(tables["3.3"], "Jumlah tenaga kesehatan yang dilatih")
    # 90 + 110 + 110 = 310 of 500: 62.
    assert (cumulative["REALISASI S.D. 2024"], cumulative["CAPAIAN S.D. 2024"]) == ("310", "62")
    assert (cumulative["KONDISI AWAL"], cumulative["TARGET AKHIR RENSTRA"]) == ("0", "500")


def test_national_standard_only_where_there_is_one(tables: dict[str, Table]) -> None:
    table = tables["3.5"]
    assert table.column("INDIKATOR") == [
        "Cakupan imunisasi dasar lengkap",
        "Rata-rata waktu tunggu pelayanan rawat jalan",
    ]
    assert table.column("SELISIH") == ["-2", "-30"]  # 93 − 95; 30 − 60


def test_efficiency(tables: dict[str, Table]) -> None:
    table = tables["3.6"]
    # Objective 1 absorbs 550.000.000 / 600.000.000 = 91,666… → 91,67.
    assert table.column("SERAPAN (%)")[:3] == ["91,67"] * 3
    # IKU-1: 101,09 − 91,67 = 9,42; IE = 101,09 / 91,67 = 1,10276… → 1,103; TE 0,103.
    iku1 = _row(table, "Cakupan imunisasi dasar lengkap")
    assert (iku1["SELISIH"], iku1["IE"], iku1["TE"], iku1["KATEGORI"]) == (
        "9,42",
        "1,103",
        "0,103",
        "efisien",
    )
    # IKU-3 under objective 2: 100 / 95 = 1,0526… → 1,053.
    assert _row(table, "Nilai evaluasi SAKIP")["IE"] == "1,053"


def test_renja_evaluation_form(tables: dict[str, Table]) -> None:
    table = tables["renja"]
    cumulative = table.rows[1]
    row = dict(zip(table.columns, cumulative, strict=True))
    # Up to last year 90 + 110 = 200; this year's 110 (its quarters added); to date 310.
    assert (row["REALISASI S.D. 2023 (K)"], row["REALISASI 2024 (K)"]) == ("200 Orang", "110 Orang")
    assert (row["REALISASI S.D. 2024 (K)"], row["CAPAIAN AKHIR RENSTRA (%)"]) == ("310 Orang", "62")
    level = dict(zip(table.columns, table.rows[0], strict=True))
    # A percentage is never added up: to date is the latest year's 93 %, not 87 + 89,5 + 93.
    assert level["REALISASI S.D. 2024 (K)"] == "93%"
    immunisation = _row(table, "Pengelolaan Pelayanan Imunisasi")
    # Quarterly spending 80 + 100 + 90 + 90 million = 360 million, 90 % of 400 million.
    assert [immunisation[f"REALISASI {q} (Rp)"] for q in ("TW I", "TW II", "TW III", "TW IV")] == [
        "80.000.000",
        "100.000.000",
        "90.000.000",
        "90.000.000",
    ]
    assert (immunisation["REALISASI 2024 (K)"], immunisation["CAPAIAN 2024 (Rp %)"]) == (
        "48 Sesi",
        "90,00",
    )


def test_a_year_without_data_says_so() -> None:
    with pytest.raises(NoDataError, match="'dinkes-contoh' has no data for 2031.*2022, 2023, 2024"):
        build_tables(REGISTRY, "dinkes-contoh", 2031)


def test_the_printed_report_is_clean() -> None:
    result = run_cli(["check", "dinkes-contoh", "--year", "2024", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "0 error(s), 0 warning(s), 0 information"


def _misprint(table_id: str, row: int, column: str, text: str) -> list[tuple[str, str, str]]:
    report = dinkes_contoh.printed_report()
    tables = []
    for table in report.tables:
        if table.id == table_id:
            rows = [list(r) for r in table.rows]
            rows[row - 1][table.columns.index(column)] = text
            table = attrs.evolve(table, rows=rows)
        tables.append(table)
    found = review_report(
        REGISTRY, attrs.evolve(report, tables=tables), load_agency(REGISTRY, "dinkes-contoh")
    )
    return [(f.code, f.printed, f.expected or "") for f in found]


def test_a_level_added_up_across_quarters_is_found() -> None:
    # 70 + 80 + 88 + 93 = 331: the workbook defect; IKU-1's year is its TW IV, 93.
    assert _misprint("3.4", 1, "REALISASI 2024", "331") == [("SK601", "331", "93")]


def test_a_wrong_predicate_is_found() -> None:
    assert _misprint("3.1", 1, "PREDIKAT", "Tinggi") == [("SK603", "Tinggi", "Sangat Tinggi")]


def test_grades_divided_are_found() -> None:
    # BB is rank 3 and A rank 2 of seven: a report that divides ranks prints 150.
    assert _misprint("3.1", 4, "CAPAIAN", "150") == [("SK604", "150", "100")]
