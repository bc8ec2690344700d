"""Formulas a report writes out in its text: read from a sentence, worked out exactly, and
checked by SK102 on a report read from its file. Every value here is worked out by hand."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sakip.documents.blocks import Grid, Line
from sakip.documents.passages import passages_of
from sakip.model.printed import Passage
from sakip.rules.stated_rates import stated_rates
from sakip.rules.written_formulas import read_text_number, written_formulas
from tests.test_documents import WRITERS, review


def only(text: str) -> tuple[str, str, Decimal | None]:
    (formula,) = written_formulas(text)
    return formula.written, formula.printed, formula.exact()


@pytest.mark.parametrize(
    ("text", "written", "printed", "exact"),
    [
        # 12.450 / 13.900 = 0,89568345…: a dot groups thousands, "×" multiplies.
        (
            "Capaian 12.450 / 13.900 × 100 = 89,60 %.",
            "12.450 / 13.900 × 100 = 89,60 %",
            "89,60 %",
            "89.56834532374100719424460431654676258992",
        ),
        # ":" divides, "x" multiplies, "100%" is a hundred.
        (
            "Realisasi 12.450 : 13.900 x 100% = 89,57%",
            "12.450 : 13.900 x 100% = 89,57%",
            "89,57%",
            "89.56834532374100719424460431654676258992",
        ),
        # Words for the operators, a word naming each input, "sama dengan" for "=".
        (
            "realisasi 215 dibagi target 240 dikalikan seratus persen sama dengan 89,58 %",
            "215 dibagi target 240 dikalikan seratus persen sama dengan 89,58 %",
            "89,58 %",
            "89.58333333333333333333333333333333333333",
        ),
        # Parentheses and a minus: the lower-is-better formula (2 × 100 − 95) / 100 × 100.
        (
            "Capaian = (2 x 100 - 95) / 100 x 100% = 105%",
            "(2 x 100 - 95) / 100 x 100% = 105%",
            "105%",
            "105",
        ),
        # Operators glued to the numbers; a unit word after a number is read past.
        (
            "55 jenis / 58 jenis x 100% = 94,83%",
            "55 jenis / 58 jenis x 100% = 94,83%",
            "94,83%",
            None,
        ),
        ("(50:3)x100% = 1667%", "(50:3)x100% = 1667%", "1667%", None),
        # A unit right before "=", and rupiah on both sides.
        (
            "Honor Rp 1.500.000 x 12 bulan = Rp 18.000.000,-",
            "Rp 1.500.000 x 12 bulan = Rp 18.000.000,-",
            "Rp 18.000.000,-",
            "18000000",
        ),
        # A negative result.
        ("(1 - 2) / 1 x 100% = -100%", "(1 - 2) / 1 x 100% = -100%", "-100%", "-100"),
    ],
)
def test_a_formula_is_read_from_its_first_number_to_its_result(
    text: str, written: str, printed: str, exact: str | None
) -> None:
    found = only(text)
    assert found[:2] == (written, printed)
    if exact is not None:
        assert found[2] == Decimal(exact)


def test_prose_before_a_formula_is_not_taken_into_it() -> None:
    # "sebanyak 3" is prose: the formula starts at the parenthesis.
    text = "pada tahun 2021 sebanyak 3 (50 : 3) x 100% = 1667%, dari target 3%."
    assert only(text)[:2] == ("(50 : 3) x 100% = 1667%", "1667%")


def test_a_number_with_its_exact_value_in_parentheses_is_read_as_that_value() -> None:
    # 0,19% (186/100.000) and 0,16% (162/100.000): 186/100.000 is 0,186%, which 0,19%
    # rounds, so the formula divides 0,186 by 0,162: 114,8148…, not 0,19 / 0,16 = 118,75.
    # The commas the sentence pauses at around "dikalikan dengan" are no part of it.
    text = (
        "Nilai capaiannya diperoleh dari Realisasi capaian sebesar 0,19% (186/100.000) "
        "dibagikan dengan target capain sebesar 0,16% (162/100.000), dikalikan dengan seratus "
        "persen, sama dengan 87,10 % atau kategori Baik"
    )
    written, printed, exact = only(text)
    assert written.startswith("0,19% (186/100.000) dibagikan")
    assert printed == "87,10 %"
    assert exact is not None
    assert exact.quantize(Decimal("0.0001")) == Decimal("114.8148")


def test_parentheses_that_are_not_the_same_quantity_are_an_expression() -> None:
    # 3 is not 50 / 3 (16,67) written more exactly: "3 (50 : 3)" is no formula, "(50 : 3) x
    # 100%" is.
    assert only("sebanyak 3 (50 : 3) x 100% = 1667%")[0] == "(50 : 3) x 100% = 1667%"


def test_a_chain_of_equals_checks_the_numbers_against_the_result() -> None:
    text = "Capaian = Realisasi / Target x 100% = 215/240x100% = 89,58%"
    assert only(text)[:2] == ("215/240x100% = 89,58%", "89,58%")


@pytest.mark.parametrize(
    "text",
    [
        "Dari 49 SKPD, 40 SKPD sesuai = 81,63% dari jumlah SKPD.",  # no operator
        "Target tahun 2024 = 95%, realisasi 2024 = 97%.",  # years and figures, no formula
        "Capaian = Realisasi / Target x 100%",  # words only, no printed result
        "Capaian 215 / 240 x 100% = 215 / 240 x 100%",  # a result that computes on
    ],
)
def test_text_that_writes_no_formula_with_a_result_gives_none(text: str) -> None:
    assert list(written_formulas(text)) == []


def test_a_division_by_zero_gives_no_value() -> None:
    (formula,) = written_formulas("Capaian 5 / 0 x 100% = 0%")
    assert formula.exact() is None


def test_a_percent_of_a_number_is_the_other_reading() -> None:
    (formula,) = written_formulas("Sebanyak 80% x 50 = 40 orang")
    assert formula.exact() == Decimal(4000)  # 80 × 50
    assert formula.as_fractions() == Decimal(40)  # 0,8 × 50


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("12.450", "12450"),
        ("2.145.870.000", "2145870000"),
        ("1.275,40", "1275.40"),
        ("89,60", "89.60"),
        ("89.57", "89.57"),  # a decimal point: no group of three after it
        ("seratus", "100"),
    ],
)
def test_a_number_in_a_sentence_is_read_as_sentences_write_it(written: str, value: str) -> None:
    assert read_text_number(written) == Decimal(value)


def test_the_sentence_of_a_formula_is_the_one_it_is_in() -> None:
    text = (
        "Sisa perkara tahun 2020 sebanyak 2 perkara. Ukuran capaian adalah (50 : 3) x 100% = "
        "1667%, dari target 3%. Hal ini melampaui target."
    )
    (formula,) = written_formulas(text)
    assert formula.sentence == "Ukuran capaian adalah (50 : 3) x 100% = 1667%, dari target 3%."


# --- the text of a document, in passages ------------------------------------------------------


def test_lines_of_a_page_are_joined_until_a_sentence_ends() -> None:
    blocks = [
        Line("Capaian indikator dihitung 12.450 / 13.900", "page 4"),
        Line("× 100% = 89,57%.", "page 4"),
        Line("Tabel 3.1 Capaian", "page 4"),
        Grid([["No", "Indikator"], ["1", "Satu"]], "page 4"),
        Line("Sesudah tabel", "page 4"),
        Line("Halaman berikut", "page 5"),
    ]
    assert passages_of(blocks) == [
        Passage("Capaian indikator dihitung 12.450 / 13.900 × 100% = 89,57%.", "page 4"),
        Passage("Tabel 3.1 Capaian", "page 4"),
        Passage("Sesudah tabel", "page 4"),
        Passage("Halaman berikut", "page 5"),
    ]


def test_consecutive_lines_of_a_text_file_are_joined_and_word_paragraphs_never() -> None:
    blocks = [
        Line("realisasi 215 dibagi target 240", "line 7"),
        Line("dikalikan 100 persen sama dengan 89,58 %", "line 8"),
        Line("Paragraf satu tanpa titik", "paragraph 3"),
        Line("Paragraf dua", "paragraph 4"),
    ]
    assert passages_of(blocks) == [
        Passage(
            "realisasi 215 dibagi target 240 dikalikan 100 persen sama dengan 89,58 %", "line 7"
        ),
        Passage("Paragraf satu tanpa titik", "paragraph 3"),
        Passage("Paragraf dua", "paragraph 4"),
    ]


def test_a_formula_written_over_several_paragraphs_is_one_passage() -> None:
    # A Word report writes each step of a worked formula as its own paragraph.
    blocks = [
        Line(
            "Kasus Illegal Fishing yang ditemukan = (2 x target- realisasi) / Target x 100",
            "paragraph 5",
        ),
        Line("= (2 x 73 - 58,24) / 73 x 100", "paragraph 6"),
        Line("= 120,22", "paragraph 7"),
        Line("Selama Tahun 2015 telah dilakukan pemeriksaan.", "paragraph 8"),
    ]
    (passage, after) = passages_of(blocks)
    assert passage.origin == "paragraph 5"
    assert after.text == "Selama Tahun 2015 telah dilakukan pemeriksaan."
    # (2 × 73 − 58,24) / 73 × 100 = 87,76 / 73 × 100 = 120,2191… → 120,22.
    (formula,) = written_formulas(passage.text)
    assert formula.written == "(2 x 73 - 58,24) / 73 x 100 = 120,22"
    assert formula.exact() is not None
    assert formula.exact().quantize(Decimal("0.0001")) == Decimal("120.2192")


def test_a_paragraph_that_ends_with_equals_goes_on_below() -> None:
    blocks = [
        Line("Capaian = 12.450 / 13.900 x 100 =", "paragraph 2"),
        Line("89,60%", "paragraph 3"),
    ]
    (passage,) = passages_of(blocks)
    assert passage.text == "Capaian = 12.450 / 13.900 x 100 = 89,60%"


def test_a_list_item_starts_a_passage_of_its_own() -> None:
    blocks = [
        Line("Anggaran sebesar Rp. 4.000.000,- sebagai berikut:", "line 3"),
        Line("- Belanja Pegawai : Rp. 1.500.000,-", "line 4"),
        Line("- Belanja Modal : Rp. 2.500.000,-", "line 5"),
        Line("a. Rapat koordinasi yang", "line 6"),
        Line("diadakan tiap bulan", "line 7"),
    ]
    assert [p.text for p in passages_of(blocks)] == [
        "Anggaran sebesar Rp. 4.000.000,- sebagai berikut:",
        "- Belanja Pegawai : Rp. 1.500.000,-",
        "- Belanja Modal : Rp. 2.500.000,-",
        "a. Rapat koordinasi yang diadakan tiap bulan",
    ]


# --- SK102 on a report read from its file -----------------------------------------------------

REPORT = [
    ("text", "BAB III AKUNTABILITAS KINERJA"),
    ("text", "Tabel 3.1 Capaian Kinerja Tahun 2024"),
    (
        "table",
        (
            [["No", "SASARAN", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN"]],
            [
                [
                    "1",
                    "Meningkatnya penempatan",
                    "Jumlah pencari kerja ditempatkan",
                    "13.900",
                    "12.450",
                    "89,57",
                ]
            ],
        ),
    ),
    ("text", "Capaian indikator dihitung 12.450 / 13.900 × 100 = 89,60 %, di bawah target."),
    ("text", "Realisasi 215 dibagi target 240 dikalikan 100 persen sama dengan 89,58 %."),
]


@pytest.mark.parametrize("fmt", ["docx", "pdf", "txt"])
def test_a_misprinted_formula_in_the_text_is_found_where_it_is(tmp_path: Path, fmt: str) -> None:
    if fmt == "txt":
        path = tmp_path / "lkjip.txt"
        lines = []
        for kind, content in REPORT:
            if kind == "text":
                lines.append(str(content))
            else:
                headings, body = content
                lines.extend("\t".join(row) for row in [*headings, *body])
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        path = WRITERS[fmt](REPORT, tmp_path / f"lkjip.{fmt}")
    findings = [f for f in review(path) if f.code == "SK102"]
    # 12.450 / 13.900 × 100 = 89,5683… → 89,57; 215 / 240 × 100 = 89,5833… → 89,58 (right).
    assert [(f.severity.value, f.printed, f.expected) for f in findings] == [
        ("error", "89,60 %", "89,57")
    ]
    (place,) = findings[0].places
    assert place.in_text
    origin = {"docx": "paragraph 3", "pdf": "page 1", "txt": "line 5"}[fmt]
    assert (place.table, place.row, place.column) == (origin, 0, "")
    assert place.label == (
        "Capaian indikator dihitung 12.450 / 13.900 × 100 = 89,60 %, di bawah target."
    )


# --- achievements stated in words ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "target", "actual", "printed"),
    [
        (
            "Persentase cakupan wilayah persampahan ditargetkan pada 15 Nagari terealisasi "
            "sebanyak 11 Nagari dengan tingkat capaian sebesar 73,30 .",
            "15",
            "11",
            "73,30",
        ),
        # "A dari target B": A is the realisation, though "Capaian" stands further back;
        # "indikator 1" is an ordinal and "Tahun 2020" a year.
        (
            'Capaian kinerja nyata indikator 1 " Hasil Indeks Kepuasan Masyarakat " adalah '
            "sebesar 88,95 dari target sebesar 84,75 yang direncanakan dalam Perjanjian Kinerja "
            "Tahun 2020 sehingga persentase capaian kinerjanya adalah 104,96 %.",
            "84.75",
            "88.95",
            "104,96 %",
        ),
        # A year between the role word and its number is no number of the rate.
        (
            "pada tahun 2015 dapat direalisasikan sebanyak 94,83% dari target sebesar 93% "
            "sehingga capaian kinerja indikator ini pada tahun 2015 adalah 101,97%.",
            "93",
            "94.83",
            "101,97%",
        ),
    ],
)
def test_an_achievement_stated_in_words_is_read_with_its_target_and_realisation(
    text: str, target: str, actual: str, printed: str
) -> None:
    (stated,) = stated_rates(text)
    assert (stated.target, stated.actual, stated.printed) == (
        Decimal(target),
        Decimal(actual),
        printed,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Target tahun 2015 sebesar 80, realisasi tahun 2014 sebesar 70, capaian 90.",
        "Indikator ini menargetkan sebesar 100%, sehingga capaian kinerjanya sebesar 100%.",
        # Its formula is SK102's.
        "realisasi 215 dibagi target 240 dikalikan 100 persen sama dengan 89,58 % capaian 89,58.",
    ],
)
def test_a_sentence_without_one_target_realisation_and_achievement_states_none(
    text: str,
) -> None:
    assert list(stated_rates(text)) == []


def test_findings_in_the_text_come_in_reading_order() -> None:
    from sakip import load_registry
    from sakip.model.agency_data import AgencyData
    from sakip.model.plan import Agency
    from sakip.model.printed import PrintedReport
    from sakip.reviewing.run import review_report

    report = PrintedReport(
        agency="uji",
        year=2024,
        tables=(),
        passages=(
            Passage("Lain.", "paragraph 2"),
            # 11 / 15 × 100 = 73,33, stated 73,30 (SK103), before the formula (SK102).
            Passage(
                "ditargetkan 15 Nagari terealisasi 11 Nagari dengan capaian 73,30.", "paragraph 9"
            ),
            Passage("Rumusnya 11 / 15 × 100 = 70,30", "paragraph 12"),
        ),
    )
    data = AgencyData(
        agency=Agency(id="uji", name="Uji"),
        goals=(),
        objectives=(),
        indicators=(),
        measurements=(),
        programs=(),
        activities=(),
        sub_activities=(),
        budget_lines=(),
    )
    found = review_report(load_registry(), report, data, lang="en")
    assert [(f.code, f.places[0].table) for f in found] == [
        ("SK103", "paragraph 9"),
        ("SK102", "paragraph 12"),
    ]
