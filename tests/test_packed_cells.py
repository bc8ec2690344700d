"""Cells that pack more than a number: a currency, a unit, a predicate, a remark, an
accounting's parentheses, a formula. The number is read for what it is and the rest kept;
a cell that fits no number form is never read as some other number."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sakip import read_document
from sakip.documents.number_forms import Form, read_cell, read_column
from sakip.model.printed import figure_value
from tests.test_documents import WRITERS, review, summary


@pytest.mark.parametrize(
    ("cell", "value", "rest"),
    [
        ("71,25 % (Baik)", "71.25", " % (Baik)"),
        ("38 Orang 27 (Deportasi) 11 (Meninggal)", "38", " Orang 27 (Deportasi) 11 (Meninggal)"),
        ("Rp.2.145.870.000", "2145870000", ""),
        ("Rp 1.234.567,00", "1234567.00", ""),
        ("Rp. 536.035.400,-", "536035400", ",-"),
        ("1.275,40%", "1275.40", "%"),
        ("95 %", "95", " %"),
        ("100 persen", "100", " persen"),
        ("12 dokumen", "12", " dokumen"),
        # An accounting's negative: parentheses around a number with a separator.
        ("(12,5)", "-12.5", ""),
        ("(1.250.000)", "-1250000", ""),
        # Thousands grouped with spaces (a PDF's text layer): one number.
        ("2 145 870 000", "2145870000", ""),
        ("1\u202f234,5 %", "1234.5", " %"),
        # Thousands not grouped, with decimals.
        ("1234,5", "1234.5", ""),
    ],
)
def test_a_packed_cell_gives_its_number_and_keeps_the_rest(
    cell: str, value: str, rest: str
) -> None:
    reading = read_cell(cell)
    assert reading is not None
    assert reading.value(Form.INDONESIAN) == Decimal(value)
    assert reading.rest == rest


@pytest.mark.parametrize(
    "cell",
    [
        "5 = 4/3x100%",  # a numbering row's formula: what column 5 computes
        "(3)",  # a column's number in parentheses, not a negative three
        "Rupiah",
        "Baik",
    ],
)
def test_a_cell_that_states_no_figure_reads_as_none(cell: str) -> None:
    assert read_cell(cell) is None


def test_a_column_rewrites_each_number_in_indonesian_form_and_keeps_its_currency() -> None:
    read = read_column(["Rp.2.145.870.000", "(12,5)", "71,25 % (Baik)"], document_forms=frozenset())
    assert read.texts == ("Rp.2.145.870.000", "-12,5", "71,25 % (Baik)")
    assert [figure_value(text) for text in read.texts] == [
        Decimal("2145870000"),
        Decimal("-12.5"),
        Decimal("71.25"),
    ]


def test_a_column_of_rupiah_grouped_with_commas_beside_decimal_commas() -> None:
    # The allocation column groups thousands with commas, the absorption column writes a
    # decimal comma: each column is read in its own form.
    allocation = read_column(["2,145,870,000", "1,500,000"], document_forms=frozenset())
    absorption = read_column(["89,94", "82,30"], document_forms=frozenset())
    assert allocation.form is Form.ENGLISH
    assert allocation.texts == ("2.145.870.000", "1.500.000")
    assert absorption.form is Form.INDONESIAN
    assert absorption.texts == ("89,94", "82,30")


BUDGET = [
    ("text", "BAB III AKUNTABILITAS KINERJA"),
    ("text", "Tabel 3.7 Realisasi Anggaran per Program Tahun 2024"),
    (
        "table",
        (
            [["No", "PROGRAM/KEGIATAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "%"]],
            [
                [
                    "1",
                    "Program Penempatan Tenaga Kerja",
                    "Rp.2.145.870.000",
                    "Rp.1.930.000.000",
                    "89,49 %",
                ],
                ["2", "Program Pelatihan Kerja", "Rp 1.500.000,00", "Rp 1.234.567,00", "82,30 %"],
            ],
        ),
    ),
]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_rupiah_with_their_currency_are_figures_of_the_budget(tmp_path: Path, fmt: str) -> None:
    path = WRITERS[fmt](BUDGET, tmp_path / f"lkjip.{fmt}")
    # 1.930.000.000 / 2.145.870.000 × 100 = 89,9402… → 89,94 (89,49 is misprinted);
    # 1.234.567 / 1.500.000 × 100 = 82,3044… → 82,30 (right).
    assert summary(review(path)) == [("SK101", "error", "3.7", 1, "%", "89,94")]
    figures = read_document(path).report.tables[0].figures()
    assert [(f.place.column, f.value) for f in figures if f.place.row == 1][:2] == [
        ("ANGGARAN (Rp)", Decimal("2145870000")),
        ("REALISASI (Rp)", Decimal("1930000000")),
    ]


MISPRINTED = [
    ("text", "BAB III AKUNTABILITAS KINERJA"),
    ("text", "Tabel 3.1 Capaian Kinerja Tahun 2015"),
    (
        "table",
        (
            [["No", "SASARAN", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN"]],
            [
                [
                    "1",
                    "Meningkatnya pendapatan",
                    "Pendapatan pembudidaya",
                    "2.500.000",
                    "3.00.000",
                    "120,00",
                ],
                [
                    "2",
                    "Meningkatnya kesejahteraan",
                    "Pendapatan nelayan buruh",
                    "1.750.00",
                    "1.750.000",
                    "100,00",
                ],
                [
                    "3",
                    "Meningkatnya produksi",
                    "Produksi perikanan tangkap",
                    "200",
                    "210",
                    "105.00.0",
                ],
            ],
        ),
    ),
]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_number_in_no_form_is_a_misprint_never_another_number(tmp_path: Path, fmt: str) -> None:
    path = WRITERS[fmt](MISPRINTED, tmp_path / f"lkjip.{fmt}")
    findings = [f for f in review(path) if f.code == "SK702"]
    assert [(f.places[0].row, f.places[0].column, f.printed, f.expected) for f in findings] == [
        # 3.00.000 mended: only 3.000.000 gives 3.000.000 / 2.500.000 × 100 = 120,00.
        (1, "REALISASI", "3.00.000", "3.000.000"),
        # 1.750.00 mended: 1.750.000 … 1.750.080 all give 100,00 (1.750.000 / 1.750.080 ×
        # 100 = 99,9954… → 100,00; 1.750.090 gives 99,9948… → 99,99): no expected value.
        (2, "TARGET", "1.750.00", None),
        # A rate misprinted: 210 / 200 × 100 = 105,00.
        (3, "CAPAIAN", "105.00.0", "105,00"),
    ]
    assert all(f.severity.value == "error" for f in findings)
    assert "18 numbers its digits make give CAPAIAN 100,00" in findings[1].message
    assert "from 1.750.000 to 1.750.080" in findings[1].message
    # No other check reads the misprints as numbers.
    assert [f.code for f in review(path) if f.code != "SK702"] == []


PREDICATES_BESIDE = [
    ("text", "BAB III AKUNTABILITAS KINERJA"),
    ("text", "Tabel 3.2 Capaian Indikator Kinerja Tahun 2024"),
    (
        "table",
        (
            [["No", "SASARAN", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN"]],
            [
                [
                    "1",
                    "Meningkatnya layanan",
                    "Persentase layanan tepat waktu",
                    "80",
                    "57",
                    "71,25 % (Baik)",
                ],
                [
                    "2",
                    "Meningkatnya kepuasan",
                    "Indeks kepuasan masyarakat",
                    "100",
                    "110",
                    "110,00 % (Sangat Baik)",
                ],
                [
                    "3",
                    "Meningkatnya kualitas",
                    "Persentase dokumen lengkap",
                    "50",
                    "40",
                    "80,00 % (Baik)",
                ],
                [
                    "4",
                    "Meningkatnya tertib",
                    "Persentase arsip tertata",
                    "10",
                    "10",
                    "100,00 % (Memuaskan)",
                ],
            ],
        ),
    ),
]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_predicate_beside_an_achievement_is_checked_on_the_scale_its_labels_name(
    tmp_path: Path, fmt: str
) -> None:
    path = WRITERS[fmt](PREDICATES_BESIDE, tmp_path / f"lkjip.{fmt}")
    # Baik and Sangat Baik are East Java's labels (> 100 Sangat Baik, ≥ 75 Baik, ≥ 55 Cukup,
    # else Kurang), not Permendagri's: 57 / 80 × 100 = 71,25 is Cukup, not Baik; 110 / 100
    # × 100 = 110,00 is Sangat Baik and 40 / 50 × 100 = 80,00 Baik, as printed. Memuaskan is
    # no scale's label: a remark, not checked.
    findings = review(path)
    assert [(f.code, f.places[0].row, f.printed, f.expected) for f in findings] == [
        ("SK603", 1, "Baik", "Cukup")
    ]
    assert read_document(path).data.agency.scale == "jatim"
    labels = [(label.place.row, label.text) for label in read_document(path).report.labels]
    assert labels == [(1, "Baik"), (2, "Sangat Baik"), (3, "Baik")]


def test_a_scale_given_is_kept_whatever_the_labels(tmp_path: Path) -> None:
    path = WRITERS["docx"](PREDICATES_BESIDE, tmp_path / "lkjip.docx")
    inference = read_document(path, scale="permendagri-86-2017")
    assert inference.data.agency.scale == "permendagri-86-2017"


def test_a_column_with_both_forms_is_read_cell_by_cell_and_names_what_reads_two_ways() -> None:
    # 2,145,870,000 can only be English, 1.250.000,50 only Indonesian: each is read in its
    # own form. 1,500 reads 1,5 or 1.500: the column's evidence is mixed, so it is named.
    read = read_column(
        ["2,145,870,000", "1.250.000,50", "1,500"], document_forms=frozenset({Form.ENGLISH})
    )
    assert read.texts[:2] == ("2.145.870.000", "1.250.000,50")
    assert read.ambiguous == ((2, Decimal("1.5"), Decimal("1500")),)


UNITS = [
    ("text", "Tabel 3.1 Capaian Kinerja Tahun 2024"),
    (
        "table",
        (
            [["No", "SASARAN", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN"]],
            [
                [
                    "1",
                    "Meningkatnya pendapatan",
                    "Pendapatan nelayan",
                    "Rp.2.500.000",
                    "Rp.2.750.000",
                    "110,00",
                ],
                [
                    "2",
                    "Meningkatnya penempatan",
                    "PMI yang dipulangkan",
                    "40 Orang",
                    "38 Orang 27 (Deportasi) 11 (Meninggal)",
                    "95,00",
                ],
                [
                    "3",
                    "Meningkatnya layanan",
                    "Persentase layanan",
                    "90 persen",
                    "99 persen",
                    "110,00",
                ],
            ],
        ),
    ),
]


def test_a_unit_packed_before_or_after_a_figure_is_the_indicator_s_unit(tmp_path: Path) -> None:
    path = WRITERS["docx"](UNITS, tmp_path / "lkjip.docx")
    inference = read_document(path)
    units = {i.name: i.unit for i in inference.data.indicators}
    assert units == {
        "Pendapatan nelayan": "Rp",
        "PMI yang dipulangkan": "Orang",
        "Persentase layanan": "%",
    }
    # 2.750.000 / 2.500.000 × 100 = 110,00, 38 / 40 × 100 = 95,00 and 99 / 90 × 100 =
    # 110,00; 27 (Deportasi) + 11 (Meninggal) = 38: nothing to report.
    assert review(path) == []


CATEGORY_WITH_ACHIEVEMENT = [
    ("text", "Tabel 2.1 Capaian kinerja sasaran strategis Tahun 2016"),
    (
        "table",
        (
            [
                [
                    "No.",
                    "Sasaran Strategis",
                    "Indikator Kinerja",
                    "Target",
                    "Realisasi",
                    "Kategori Penilaian",
                ]
            ],
            [
                [
                    "1.",
                    "Meningkatnya kualitas tenaga kerja",
                    "Jumlah LPK yang terakreditasi",
                    "30 LPK",
                    "21 LPK",
                    "70 % (Sedang)",
                ],
                [
                    "2.",
                    "Meningkatnya penempatan",
                    "Persentase serapan tenaga kerja",
                    "87,45 %",
                    "72,16 %",
                    "82,51 % (Baik)",
                ],
                [
                    "3.",
                    "Meningkatnya kewirausahaan",
                    "Jumlah wirausaha baru",
                    "1.000 orang",
                    "640 orang",
                    "46 % (Sedang)",
                ],
            ],
        ),
    ),
]


def test_a_category_column_of_achievements_is_read_as_achievements_and_its_unknown_scale_not_judged(
    tmp_path: Path,
) -> None:
    path = WRITERS["docx"](CATEGORY_WITH_ACHIEVEMENT, tmp_path / "lkjip.docx")
    # The column packs each achievement with its category: 21 / 30 × 100 = 70 (right);
    # 72,16 / 87,45 × 100 = 82,5157…: 83 at the whole percents most rates are printed with,
    # 82,51 truncated to the decimals printed (a warning naming truncation);
    # 640 / 1.000 × 100 = 64, not 46 (an error). Sedang is Permendagri's, Baik East Java's:
    # no registered scale names both, so no category is judged.
    assert summary(review(path)) == [
        ("SK101", "warning", "2.1", 2, "Kategori Penilaian", "83"),
        ("SK101", "error", "2.1", 3, "Kategori Penilaian", "64"),
    ]
    assert read_document(path).report.labels == ()


def test_a_lone_predicate_no_scale_agrees_with_is_not_judged(tmp_path: Path) -> None:
    # Baik for 88,37 / 80,80 × 100 = 109,3688… → 109,37: East Java calls it Sangat Baik
    # (> 100), and no other registered scale has Baik. The agency's own scale (Baik up to
    # 120) is not known: its one predicate is not judged on a scale it does not follow.
    blocks = [
        ("text", "Tabel 3.1 Persentase Obat yang Memenuhi Syarat Tahun 2020"),
        (
            "table",
            (
                [["INDIKATOR KINERJA", "TARGET", "REALISASI", "% CAPAIAN", "KRITERIA"]],
                [["Persentase obat yang memenuhi syarat", "80,80%", "88,37%", "109,37%", "Baik"]],
            ),
        ),
    ]
    path = WRITERS["docx"](blocks, tmp_path / "lkjip.docx")
    assert review(path) == []
    assert read_document(path).report.labels == ()
