"""`sakip check` on the LKjIP 2023 as printed: every finding, worked out by hand.

Each expected finding gives the place of the figure at fault (table, row from 1, column as
printed), the printed figure and the value a careful auditor works out from the report:

- 2.1 row 1 CAPAIAN 113,97 next to target 77,85 and actual 88,73: 88,73 × 100 / 77,85 =
  113,9756…, which the agency's half-up rounding makes 113,98; truncating gives 113,97, so a
  warning naming truncation, not an error.
- 2.1 row 1 REALISASI 88,73: tables 3.1, 3.2 and 3.6 print the 2023 actual as 94,96; 88,73
  is the 2022 actual of table 3.2.
- 3.4 row 1 (and 3.5 row 1) ANGGARAN 90.802.291: table 3.6 prints 90.802.691 for the same
  objective, the revised budget of Program Penempatan, which table 3.7 prints twice and its
  grand total 4.753.553.212 adds up with. The 3.4 and 3.5 totals 91.682.291 add up their
  printed parts (90.802.291 + 880.000), so the fault is the part, reported once; but those
  totals carry it: 90.802.691 + 880.000 = 91.682.691 is what table 3.6 prints, so the same
  finding names both totals, 91.682.291 (3.4 row 3, 3.5 row 3) against 91.682.691.
- 3.7 row 14 (Penyediaan Bahan Logistik Kantor) % 93,27: 20.763.200 × 100 / 22.982.271 =
  90,3446… → 90,34; no rounding makes 93,27.
- 3.7 row 30 (Pengesahan Peraturan Perusahaan) % 45,67: 97.452.600 × 100 / 214.160.000 =
  45,5045… → 45,50; 45,67 is its program's absorption.
- 3.9 rows 34 and 35: Program Penempatan Tenaga Kerja and its activity Pelindungan PMI print
  realisasi 77,85 %. Their indicator, per the cascading table, is sasaran 1's "Persentase
  Pencari Kerja yang di Fasilitasi", whose 2023 actual tables 3.1, 3.2 and 3.6 print as
  94,96; 77,85 is its target.
- 3.9 row 35: activity Pelindungan PMI, target 77,85 % and actual 77,85 % (achievement 100),
  while its only sub-activity reaches 38 of 100 Orang (38).
- 3.9 row 38: activity Pengesahan Peraturan Perusahaan …, 100 % of 100 %, while its only
  sub-activity with a printed figure reaches 82 of 90 Perusahaan: 82 × 100 / 90 = 91,11.
- Budget revisions (information): BAB II quotes the initial budget, BAB III the revised one.
  Table 2.2 against 3.7: Program Penunjang 1.686.140.401 → 2.033.710.532, Penempatan
  100.447.678 → 90.802.691, Hubungan Industrial 23.469.404 → 215.040.000, the total
  4.224.057.472 → 4.753.553.212 (Pelatihan is 2.413.999.989 in both: no finding). Table
  2.3 against 3.6: objective 1 100.447.678 → 90.802.691, objective 2 4.895.000 → 880.000,
  the total 105.342.678 → 91.682.691.
"""

from __future__ import annotations

import json

import pytest

from sakip import Finding, Severity, load_registry, parse_number, review
from sakip.testing import run_cli

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

# (code, severity, table, row, column, printed, expected or None)
EXPECTED = {
    ("SK101", WARNING, "2.1", 1, "CAPAIAN", "113,97", "113,98"),
    ("SK301", ERROR, "2.1", 1, "REALISASI", "88,73", "94,96"),
    ("SK501", INFO, "2.2", 1, "ANGGARAN (Rp.)", "1.686.140.401", None),
    ("SK501", INFO, "2.2", 3, "ANGGARAN (Rp.)", "100.447.678", None),
    ("SK501", INFO, "2.2", 4, "ANGGARAN (Rp.)", "23.469.404", None),
    ("SK501", INFO, "2.2", 5, "ANGGARAN (Rp.)", "4.224.057.472", None),
    ("SK501", INFO, "2.3", 1, "ANGGARAN (Rp.)", "100.447.678", None),
    ("SK501", INFO, "2.3", 2, "ANGGARAN (Rp.)", "4.895.000", None),
    ("SK501", INFO, "2.3", 3, "ANGGARAN (Rp.)", "105.342.678", None),
    ("SK301", ERROR, "3.4", 1, "ANGGARAN", "90.802.291", "90.802.691"),
    ("SK101", ERROR, "3.7", 14, "%", "93,27%", "90,34"),
    ("SK101", ERROR, "3.7", 30, "%", "45,67%", "45,50"),
    ("SK301", ERROR, "3.9", 34, "Realisasi", "77,85%", "94,96"),
    ("SK401", WARNING, "3.9", 35, "Realisasi", "77,85%", "38"),
    ("SK401", WARNING, "3.9", 38, "Realisasi", "100%", "91,11"),
}

# The revised-stage figure each revision is set against: (table, row).
REVISED_AT = {
    ("2.2", 1): ("3.7", 2),
    ("2.2", 3): ("3.7", 27),
    ("2.2", 4): ("3.7", 29),
    ("2.2", 5): ("3.7", 1),
    ("2.3", 1): ("3.6", 1),
    ("2.3", 2): ("3.4", 2),
    ("2.3", 3): ("3.6", 3),
}


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return review(load_registry(), "sampang-disnaker", 2023)


def _number(text: str | None) -> object:
    return None if text is None else parse_number(text.split()[0].rstrip("%"))


def _key(finding: Finding) -> tuple[object, ...]:
    place = finding.places[0]
    return (
        finding.code,
        finding.severity,
        place.table,
        place.row,
        place.column,
        _number(finding.printed),
        _number(finding.expected),
    )


def test_every_finding_worked_out_by_hand_and_nothing_else(findings: list[Finding]) -> None:
    expected = {
        (code, severity, table, row, column, _number(printed), _number(value))
        for code, severity, table, row, column, printed, value in EXPECTED
    }
    assert sorted(map(_key, findings), key=str) == sorted(expected, key=str)


def test_misprinted_budget_is_one_finding_naming_both_tables(findings: list[Finding]) -> None:
    (finding,) = [f for f in findings if f.places[0].table == "3.4"]
    assert [(p.table, p.row) for p in finding.places] == [
        ("3.4", 1),
        ("3.5", 1),
        ("3.6", 1),
        ("3.4", 3),  # the totals that carry it
        ("3.5", 3),
    ]
    assert finding.message == (
        "Di sini tercetak 90.802.291, tetapi 90.802.691 di tabel 3.6 dan di data instansi. "
        "Kesalahan ini terbawa ke jumlah JUMLAH, yang tercetak 91.682.291 di tabel 3.4 dan 3.5, "
        "sedangkan tabel 3.6 mencetak 91.682.691."
    )


def test_program_printing_its_objectives_target_as_actual(findings: list[Finding]) -> None:
    (finding,) = [f for f in findings if f.code == "SK301" and f.places[0].table == "3.9"]
    assert [(p.table, p.row) for p in finding.places] == [
        ("3.9", 34),
        ("3.9", 35),
        ("3.1", 1),
        ("3.2", 1),
        ("3.6", 1),
    ]
    assert "77,85% adalah target tahun 2023" in finding.message


def test_cascade_finding_quotes_what_is_printed(findings: list[Finding]) -> None:
    (finding,) = [f for f in findings if f.code == "SK401" and f.places[0].row == 38]
    assert finding.printed == "100%"
    assert finding.message.endswith(
        "Pengesahan Peraturan Perusahaan bagi Perusahaan: 82 dari 90 Perusahaan, 91,11 %."
    )
    assert finding.message.startswith("Tercetak di sini: 100 dari 100%, 100,00 %")


def test_actual_copied_from_2022_says_so(findings: list[Finding]) -> None:
    (finding,) = [f for f in findings if f.code == "SK301" and f.places[0].table == "2.1"]
    assert {p.table for p in finding.places[1:]} == {"3.1", "3.2", "3.6"}
    assert "88,73 adalah nilai tahun 2022" in finding.message


def test_truncation_is_named_as_the_rounding_that_explains(findings: list[Finding]) -> None:
    (finding,) = [f for f in findings if f.code == "SK101" and f.severity is WARNING]
    assert "pemotongan" in finding.message
    assert "pembulatan setengah ke atas hingga 2 desimal" in finding.message


def test_revisions_pair_each_initial_figure_with_its_revised_one(findings: list[Finding]) -> None:
    revisions = [f for f in findings if f.code == "SK501"]
    pairs = {
        (f.places[0].table, f.places[0].row): (f.places[1].table, f.places[1].row)
        for f in revisions
    }
    assert pairs == REVISED_AT


def test_cli_text_groups_by_table_and_exits_1_on_errors() -> None:
    result = run_cli(["check", "sampang-disnaker", "--year", "2023"])
    assert result.exit_code == 1, result.output
    headings = [line for line in result.stdout.splitlines() if line.startswith("Tabel")]
    assert headings == [
        "Tabel 2.1",
        "Tabel 2.2",
        "Tabel 2.3",
        "Tabel 3.4",
        "Tabel 3.7",
        "Tabel 3.9",
    ]
    assert result.stdout.rstrip().endswith("5 kesalahan, 3 peringatan, 7 informasi")


def test_cli_json_in_english_has_every_field() -> None:
    result = run_cli(
        ["check", "sampang-disnaker", "--year", "2023", "--format", "json", "--lang", "en"]
    )
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    assert len(found) == len(EXPECTED)
    first = found[0]
    assert set(first) == {"code", "check", "severity", "places", "printed", "expected", "message"}
    assert set(first["places"][0]) == {"table", "row", "column", "label"}
    logistics = next(f for f in found if f["places"][0]["row"] == 14)
    assert logistics["check"] == "derived.rate"
    assert logistics["message"].startswith("93,27% does not follow from ANGGARAN 22.982.271")


def test_cli_only_information_exits_0() -> None:
    result = run_cli(["check", "sampang-disnaker", "--year", "2023", "--check", "SK501"])
    assert result.exit_code == 0, result.output
    assert "7 informasi" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["check", "sampang-disnaker", "--year", "2022"],
            "unknown printed report 'sampang-disnaker:2022'",
        ),
        (
            ["check", "sampang-disnaker", "--year", "2023", "--check", "SK999"],
            "unknown check 'SK999'",
        ),
    ],
)
def test_cli_bad_input_is_one_line_exit_2(args: list[str], message: str) -> None:
    result = run_cli(args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
