"""Reviewing a published LKjIP from its file (``sakip check --document``).

The source report's text is reviewed with no plugin and compared with the plugin review.
The other documents are made here, as Word files (python-docx) and PDFs (Typst), from
published practice; each expected finding is worked out by hand in its test.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip import load_registry, read_document, review_document
from sakip.model.findings import Finding, Severity
from sakip.testing import run_cli

SOURCE = (
    Path(__file__).resolve().parents[1]
    / "examples/sampang_disnaker/source/lkjip-2023-disnaker-sampang.txt"
)
REGISTRY = load_registry()

Block = tuple[str, Any]
"""``("text", "BAB III")``, ``("table", (heading_rows, body_rows))`` or ``("page", None)``."""


# --- making documents -------------------------------------------------------------------------


def write_docx(blocks: Sequence[Block], path: Path) -> Path:
    import docx

    document = docx.Document()
    for kind, content in blocks:
        if kind == "text":
            document.add_paragraph(str(content))
        elif kind == "page":
            document.add_page_break()  # type: ignore[no-untyped-call]
        else:
            headings, body = content
            rows = [*headings, *body]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            # A heading over empty cells spans them (ALOKASI BIAYA over three columns).
            for r, row in enumerate(headings):
                for c, text in enumerate(row):
                    end = c
                    while (
                        text and end + 1 < len(row) and not row[end + 1] and r + 1 < len(headings)
                    ):
                        end += 1
                    if end > c:
                        table.cell(r, c).merge(table.cell(r, end)).text = text
    document.save(str(path))
    return path


def write_pdf(blocks: Sequence[Block], path: Path) -> Path:
    import typst

    def cell(text: str) -> str:
        return f"[#{json.dumps(text, ensure_ascii=False)}]"

    parts = ['#set page(paper: "a4", margin: 1.5cm)', "#set text(size: 8pt)"]
    for kind, content in blocks:
        if kind == "text":
            parts.append(f"#par({json.dumps(str(content), ensure_ascii=False)})")
        elif kind == "page":
            parts.append("#pagebreak()")
        else:
            headings, body = content
            width = len(body[0])
            header = ", ".join(cell(text) for row in headings for text in row)
            cells = ", ".join(cell(text) for row in body for text in row)
            parts.append(f"#table(columns: {width}, table.header({header}), {cells})")
    source = path.with_suffix(".typ")
    source.write_text("\n\n".join(parts), encoding="utf-8")
    typst.compile(str(source), output=str(path))
    return path


WRITERS = {"docx": write_docx, "pdf": write_pdf}


def review(path: Path, **options: Any) -> list[Finding]:
    return review_document(REGISTRY, path, lang="en", **options).findings


def summary(findings: Sequence[Finding]) -> list[tuple[str, str, str, int, str, str | None]]:
    return [
        (
            f.code,
            f.severity.value,
            f.places[0].table,
            f.places[0].row,
            f.places[0].column,
            f.expected,
        )
        for f in findings
    ]


# --- the source report -------------------------------------------------------------------------


def test_the_source_report_gives_every_error_of_the_plugin_review() -> None:
    from sakip import load_agency, load_printed_report, review_report

    plugin = review_report(
        REGISTRY,
        load_printed_report(
            Path(__file__).resolve().parents[1]
            / "examples/sampang_disnaker/src/sampang_disnaker/data/report-2023.yaml"
        ),
        load_agency(REGISTRY, "sampang-disnaker"),
        lang="en",
    )
    document = review(SOURCE)
    errors = {
        (f.code, f.places[0].table, f.places[0].row, f.places[0].column, f.expected)
        for f in plugin
        if f.severity is Severity.ERROR
    }
    # Worked out by hand (examples/sampang_disnaker/tests/test_review.py): 88,73 is 2022's
    # realisation, 90.802.291 a misprint of 90.802.691, 22.982.271 → 20.763.200 is 90,34 %,
    # 214.160.000 → 97.452.600 is 45,50 %, and 77,85 % is the target printed as realisation.
    assert errors == {
        ("SK301", "2.1", 1, "REALISASI", "94,96"),
        ("SK301", "3.4", 1, "ANGGARAN", "90.802.691"),
        ("SK101", "3.7", 14, "%", "90,34"),
        ("SK101", "3.7", 30, "%", "45,50"),
        ("SK301", "3.9", 34, "Realisasi", "94,96"),
    }
    found = {
        (f.code, f.places[0].table, f.places[0].row, f.places[0].column, f.expected)
        for f in document
        if f.severity is Severity.ERROR
    }
    assert found == errors
    # BAB II quotes the initial budget and BAB III the revised one: seven revisions, as
    # information, none an error.
    revisions = [f for f in document if f.code == "SK501"]
    assert len(revisions) == 7
    assert all(f.severity is Severity.INFO for f in revisions)
    assert summary(document) == summary(plugin)


def test_the_source_report_is_read_with_its_tables_and_rows() -> None:
    report = read_document(SOURCE).report
    assert report.year == 2023
    ids = [table.id for table in report.tables]
    assert ids == [
        "2.1",
        "2.2",
        "2.3",
        "3.1",
        "3.2",
        "setelah 3.2",
        "3.3",
        "3.4",
        "3.5",
        "3.6",
        "3.7",
        "3.9",
    ]
    table_37 = next(t for t in report.tables if t.id == "3.7")
    # 25 rows before the page break (its heading repeated after it is left out), 7 after.
    assert len(table_37.rows) == 32
    assert table_37.columns == ("NO", "URAIAN", "ANGGARAN", "REALISASI", "%")
    table_39 = next(t for t in report.tables if t.id == "3.9")
    # The packed cell reads its first figure: 38 Orang.
    row = next(r for r in table_39.rows if r[4].startswith("Peningkatan Pelindungan"))
    assert row[6].startswith("38 Orang 27 (Deportasi)")


def test_the_inferred_transcription_reruns_the_same_review(tmp_path: Path) -> None:
    out = tmp_path / "ulang" / "report-2023.yaml"
    result = run_cli(["check", "--document", str(SOURCE), "--write-transcript", str(out)])
    assert result.exit_code == 1  # errors were found
    assert out.exists()
    assert (out.parent / "agency.yaml").exists()
    transcript = yaml.safe_load(out.read_text(encoding="utf-8"))
    table_36 = next(t for t in transcript["tables"] if t["id"] == "3.6")
    assert table_36["rows"][0]["of"] == {"indicator": "IKU-1", "budget": "S1"}
    again = run_cli(["check", str(out.parent), "--year", "2023", "--lang", "en"])
    assert again.output.strip().endswith("5 error(s), 3 warning(s), 7 information")
    refused = run_cli(["check", "--document", str(SOURCE), "--write-transcript", str(out)])
    assert refused.exit_code == 2
    assert "exists already" in refused.output


# --- documents made from published practice ------------------------------------------------------

OBJECTIVES_HEADING = [
    ["No", "SASARAN STRATEGIS", "INDIKATOR SASARAN", "TARGET", "REALISASI", "CAPAIAN"]
]


def truncating_report() -> list[Block]:
    return [
        ("text", "BAB III AKUNTABILITAS KINERJA"),
        ("text", "Tabel 3.1 Capaian Kinerja Sasaran Tahun 2024"),
        (
            "table",
            (
                OBJECTIVES_HEADING,
                [
                    [
                        "1",
                        "Meningkatnya cakupan layanan desa",
                        "Persentase desa terlayani",
                        "77,85",
                        "88,73",
                        "113,97",
                    ],
                    [
                        "2",
                        "Meningkatnya kepuasan masyarakat",
                        "Indeks kepuasan masyarakat",
                        "90",
                        "70",
                        "77,77",
                    ],
                    [
                        "3",
                        "Meningkatnya kualitas perencanaan",
                        "Persentase dokumen tepat waktu",
                        "4",
                        "4",
                        "100",
                    ],
                ],
            ),
        ),
    ]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_truncating_report_is_named_as_truncating(tmp_path: Path, fmt: str) -> None:
    path = WRITERS[fmt](truncating_report(), tmp_path / f"lkjip.{fmt}")
    findings = review(path)
    # 88,73 / 77,85 × 100 = 113,9756…: half up 113,98, truncated 113,97.
    # 70 / 90 × 100 = 77,777…: half up 77,78, truncated 77,77.
    assert summary(findings) == [
        ("SK101", "warning", "3.1", 1, "CAPAIAN", "113,98"),
        ("SK101", "warning", "3.1", 2, "CAPAIAN", "77,78"),
    ]
    assert all("truncating to 2 decimals gives" in f.message for f in findings)
    from sakip import RoundingPolicy

    assert review(path, rounding=RoundingPolicy("truncate", 2)) == []


def misprinted_total() -> list[Block]:
    return [
        ("text", "BAB III AKUNTABILITAS KINERJA"),
        ("text", "Tabel 3.7 Realisasi Anggaran per Program Tahun 2024"),
        (
            "table",
            (
                [["NO", "URAIAN", "ALOKASI BIAYA", "", ""], ["", "", "ANGGARAN", "REALISASI", "%"]],
                [
                    [
                        "",
                        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH",
                        "3.500.000",
                        "3.150.000",
                        "90,00%",
                    ],
                    ["", "Penyediaan Gaji dan Tunjangan ASN", "1.000.000", "950.000", "95,00%"],
                    [
                        "",
                        "Penyediaan Jasa Pelayanan Umum Kantor",
                        "2.500.000",
                        "2.200.000",
                        "88,00%",
                    ],
                    [
                        "",
                        "PROGRAM PELAYANAN KESEHATAN MASYARAKAT",
                        "4.000.000",
                        "3.000.000",
                        "75,00%",
                    ],
                    ["", "Pengelolaan Pelayanan Imunisasi", "4.000.000", "3.000.000", "75,00%"],
                    ["", "JUMLAH", "7.600.000", "6.150.000", "80,92%"],
                ],
            ),
        ),
    ]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_misprinted_total_is_found_with_the_sum_of_its_parts(tmp_path: Path, fmt: str) -> None:
    path = WRITERS[fmt](misprinted_total(), tmp_path / f"lkjip.{fmt}")
    report = read_document(path).report
    assert report.tables[0].columns == ("NO", "URAIAN", "ANGGARAN", "REALISASI", "%")
    # 3.500.000 + 4.000.000 = 7.500.000, printed 7.600.000; the spending 3.150.000 +
    # 3.000.000 = 6.150.000 is right, and 6.150.000 / 7.600.000 = 80,92 % follows from
    # what is printed beside it.
    assert summary(review(path)) == [("SK201", "error", "3.7", 6, "ANGGARAN", "7.500.000")]


def mixed_number_forms() -> list[Block]:
    return [
        ("text", "BAB III AKUNTABILITAS KINERJA"),
        ("text", "Tabel 3.1 Capaian Indikator Kinerja Tahun 2024"),
        (
            "table",
            (
                [["No", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN"]],
                [
                    ["1", "Rata-rata nilai uji kompetensi peserta", "9.38", "9.38", "100"],
                    ["2", "Jumlah peserta pelatihan yang lulus", "9.900", "9.900", "100"],
                    ["3", "Indeks kepuasan peserta pelatihan", "7.25", "7.25", "100"],
                ],
            ),
        ),
        ("text", "Tabel 3.2 Anggaran per Sasaran Tahun 2024"),
        (
            "table",
            (
                [["No", "SASARAN", "ANGGARAN", "REALISASI", "SERAPAN (%)"]],
                [
                    [
                        "1",
                        "Meningkatnya kompetensi tenaga kerja",
                        "12.500.000",
                        "12.500.000",
                        "100,00",
                    ],
                    ["2", "Meningkatnya layanan informasi pasar kerja", "9.900", "9.900", "100,00"],
                    ["3", "Meningkatnya kepuasan pencari kerja", "1.250.000", "1.000.000", "80,00"],
                ],
            ),
        ),
    ]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_mixed_number_form_is_decided_per_column_and_named(tmp_path: Path, fmt: str) -> None:
    path = WRITERS[fmt](mixed_number_forms(), tmp_path / f"lkjip.{fmt}")
    findings = review(path)
    # Table 3.1 writes decimals with a dot (9.38, 7.25): its 9.900 reads 9,9 there, but
    # could be nine thousand nine hundred, so it is named. Table 3.2 groups thousands with
    # a dot (12.500.000): its 9.900 is 9.900, with nothing to name.
    assert summary(findings) == [
        ("SK701", "warning", "3.1", 2, "TARGET", "9,9"),
        ("SK701", "warning", "3.1", 2, "REALISASI", "9,9"),
    ]
    assert "9.900 reads as 9.900 or as 9,9; it was read as 9,9" in findings[0].message
    figures = {
        f.place.column: f.value
        for f in read_document(path).report.tables[1].figures()
        if f.place.row == 2
    }
    assert str(figures["ANGGARAN"]) == "9900"


def split_table(parts: int = 2) -> list[Block]:
    rows = [["", "PROGRAM PENINGKATAN LAYANAN WILAYAH", "60.000.000", "54.000.000", "90,00%"]]
    for number in range(1, 61):
        percent = "95,00%" if number == 50 else "90,00%"
        rows.append(
            [
                "",
                f"Penyediaan layanan wilayah kecamatan nomor {number}",
                "1.000.000",
                "900.000",
                percent,
            ]
        )
    rows.append(["", "JUMLAH", "60.000.000", "54.000.000", "90,00%"])
    heading = [["NO", "URAIAN", "ANGGARAN", "REALISASI", "%"]]
    blocks: list[Block] = [
        ("text", "BAB III AKUNTABILITAS KINERJA"),
        ("text", "Tabel 3.7 Realisasi Anggaran per Sub Kegiatan Tahun 2024"),
    ]
    if parts == 1:
        return [*blocks, ("table", (heading, rows))]
    # Word: the table is two tables, its heading repeated after the page break.
    return [
        *blocks,
        ("table", (heading, rows[:40])),
        ("page", None),
        ("table", (heading, rows[40:])),
    ]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_table_split_over_a_page_is_one_table(tmp_path: Path, fmt: str) -> None:
    blocks = split_table(parts=2 if fmt == "docx" else 1)  # Typst breaks the page itself
    path = WRITERS[fmt](blocks, tmp_path / f"lkjip.{fmt}")
    if fmt == "pdf":
        from pypdf import PdfReader

        assert len(PdfReader(str(path)).pages) >= 2
    report = read_document(path).report
    assert [t.id for t in report.tables] == ["3.7"]
    assert len(report.tables[0].rows) == 62
    # Row 51 is sub-activity 50 (the program is row 1): 900.000 / 1.000.000 is 90,00 %,
    # printed 95,00 %.
    assert summary(review(path)) == [("SK101", "error", "3.7", 51, "%", "90,00")]


def quarterly_report() -> list[Block]:
    return [
        ("text", "BAB III AKUNTABILITAS KINERJA"),
        ("text", "Tabel 3.4 Realisasi Kinerja Triwulanan Tahun 2024"),
        (
            "table",
            (
                [
                    [
                        "No",
                        "INDIKATOR",
                        "SATUAN",
                        "TARGET 2024",
                        "REALISASI TW I",
                        "REALISASI TW II",
                        "REALISASI TW III",
                        "REALISASI TW IV",
                        "REALISASI 2024",
                    ]
                ],
                [
                    [
                        "1",
                        "Jumlah tenaga kesehatan yang dilatih",
                        "Orang",
                        "100",
                        "20",
                        "30",
                        "25",
                        "35",
                        "110",
                    ],
                    ["2", "Jumlah sesi imunisasi", "Sesi", "48", "12", "12", "12", "12", "48"],
                    [
                        "3",
                        "Jumlah kader posyandu yang dibina",
                        "Orang",
                        "200",
                        "40",
                        "60",
                        "50",
                        "60",
                        "220",
                    ],
                ],
            ),
        ),
    ]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_quarterly_columns_are_added_up_as_the_table_shows(tmp_path: Path, fmt: str) -> None:
    path = WRITERS[fmt](quarterly_report(), tmp_path / f"lkjip.{fmt}")
    findings = review(path)
    # Rows 1 and 2 are the sums of their quarters (20+30+25+35 = 110, 4×12 = 48), not their
    # last quarter: the counts add up. Row 3's quarters make 40+60+50+60 = 210, printed 220.
    assert summary(findings) == [("SK601", "error", "3.4", 3, "REALISASI 2024", "210")]


# --- sakip's own reports ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("agency", ["kominfo-contoh", "dinkes-contoh"])
def test_a_report_sakip_wrote_reads_back_with_no_finding(
    tmp_path: Path, fmt: str, agency: str
) -> None:
    path = tmp_path / f"lkjip.{fmt}"
    result = run_cli(["report", agency, "--year", "2024", "--format", fmt, "--output", str(path)])
    assert result.exit_code == 0, result.output
    assert review(path) == []


def test_sakip_s_own_report_of_the_example_gives_only_what_its_data_gives(tmp_path: Path) -> None:
    """The example's data has a budget revision (BAB II against BAB III) and two levels that
    meet their targets while the level below does not: facts of the data, found again."""
    path = tmp_path / "lkjip.docx"
    assert (
        run_cli(["report", "sampang-disnaker", "--year", "2023", "--output", str(path)]).exit_code
        == 0
    )
    findings = review(path)
    assert not [f for f in findings if f.severity is Severity.ERROR]
    assert sorted({f.code for f in findings}) == ["SK401", "SK501"]


# --- bad input ----------------------------------------------------------------------------------------


def test_a_file_with_no_table_of_figures_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "surat.txt"
    path.write_text("Kepada Yth.\nKepala Dinas\n", encoding="utf-8")
    result = run_cli(["check", "--document", str(path)])
    assert result.exit_code == 2
    assert "found no table of figures" in result.output
    assert "Traceback" not in result.output


def test_an_unreadable_suffix_names_what_can_be_read(tmp_path: Path) -> None:
    path = tmp_path / "laporan.odt"
    path.write_text("x", encoding="utf-8")
    result = run_cli(["check", "--document", str(path)])
    assert result.exit_code == 2
    assert ".docx" in result.output
    assert ".pdf" in result.output


def test_document_options_go_with_document_only() -> None:
    result = run_cli(["check", "sampang-disnaker", "--year", "2023", "--rounding", "truncate"])
    assert result.exit_code == 2
    assert "--rounding goes with --document" in result.output
    result = run_cli(["check", "--document", str(SOURCE), "sampang-disnaker"])
    assert result.exit_code == 2


def test_a_workbook_is_read_with_its_numbers_as_excel_holds_them(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["BAB III AKUNTABILITAS KINERJA"])
    sheet.append(["Tabel 3.6 Realisasi Anggaran per Sasaran Tahun 2024"])
    sheet.append(["No", "SASARAN", "ANGGARAN", "REALISASI", "SERAPAN"])
    sheet.append([1, "Meningkatnya layanan kesehatan", 1_250_000, 1_000_000, 0.8])
    sheet.append([2, "Meningkatnya tata kelola", 600_000, 550_000, 0.9])
    sheet.append(["", "JUMLAH", 1_850_000, 1_550_000, 0.8378])
    for row in (4, 5, 6):
        sheet.cell(row, 5).number_format = "0.00%"
    path = tmp_path / "lkjip.xlsx"
    workbook.save(path)
    findings = review(path)
    # 1.000.000 / 1.250.000 = 80 %; 550.000 / 600.000 = 91,666… → 91,67 %, stored 0.9 and
    # shown 90,00 %: wrong. 1.550.000 / 1.850.000 = 83,78 %. The double 0.8378 is read as
    # the decimal 0,8378 through its shortest text, then 83,78.
    assert summary(findings) == [("SK101", "error", "3.6", 2, "SERAPAN", "91,67")]


def test_kemendagri_codes_give_the_levels_of_the_program_tree(tmp_path: Path) -> None:
    blocks: list[Block] = [
        ("text", "BAB III AKUNTABILITAS KINERJA"),
        ("text", "Tabel 3.7 Realisasi Anggaran Program, Kegiatan dan Sub Kegiatan Tahun 2024"),
        (
            "table",
            (
                [["KODE", "URAIAN", "ANGGARAN", "REALISASI", "%"]],
                [
                    [
                        "2.07.01",
                        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH",
                        "3.000.000",
                        "2.700.000",
                        "90,00%",
                    ],
                    [
                        "2.07.01.1.01",
                        "Perencanaan, Penganggaran, dan Evaluasi Kinerja",
                        "1.000.000",
                        "900.000",
                        "90,00%",
                    ],
                    [
                        "2.07.01.1.01.0001",
                        "Penyusunan Dokumen Perencanaan",
                        "600.000",
                        "540.000",
                        "90,00%",
                    ],
                    [
                        "2.07.01.1.01.0002",
                        "Evaluasi Kinerja Perangkat Daerah",
                        "400.000",
                        "360.000",
                        "90,00%",
                    ],
                    [
                        "2.07.01.1.02",
                        "Administrasi Keuangan Perangkat Daerah",
                        "2.100.000",
                        "1.800.000",
                        "85,71%",
                    ],
                    [
                        "2.07.01.1.02.0001",
                        "Penyediaan Gaji dan Tunjangan ASN",
                        "2.000.000",
                        "1.800.000",
                        "90,00%",
                    ],
                ],
            ),
        ),
    ]
    path = write_docx(blocks, tmp_path / "lkjip.docx")
    table = read_document(path).report.tables[0]
    assert [table.row_kinds[i] for i in range(6)] == [
        "program", "activity", "sub-activity", "sub-activity", "activity", "sub-activity"
    ]  # fmt: skip
    # The second activity prints 2.100.000 over its one sub-activity's 2.000.000, and the
    # program's 3.000.000 is the sum of its sub-activities (600.000 + 400.000 + 2.000.000),
    # where its activities printed add up to 3.100.000.
    assert summary(review(path)) == [
        ("SK201", "error", "3.7", 5, "ANGGARAN", "2.000.000"),
    ]


def test_a_finding_on_an_unsure_match_is_a_warning_that_names_it(tmp_path: Path) -> None:
    heading = [["No", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN"]]
    blocks: list[Block] = [
        ("text", "BAB III AKUNTABILITAS KINERJA"),
        ("text", "Tabel 3.1 Capaian Kinerja Tahun 2024"),
        (
            "table",
            (heading, [["1", "Persentase pengaduan yang diselesaikan", "80", "90", "112,50"]]),
        ),
        ("text", "Tabel 3.2 Capaian Kinerja Sasaran 1"),
        (
            "table",
            (heading, [["1", "Persentase pengaduan yang diselesaikan", "80", "90", "112,50"]]),
        ),
        ("text", "Tabel 3.6 Capaian Kinerja dan Anggaran"),
        ("table", (heading, [["1", "Prosentase pengaduan terselesaikan", "80", "85", "106,25"]])),
    ]
    path = write_docx(blocks, tmp_path / "lkjip.docx")
    (finding,) = review(path)
    # Tables 3.1 and 3.2 print 90; table 3.6 prints 85 (85 / 80 = 106,25, as it prints) for
    # an indicator whose label is only 88 % like theirs: a conflict if it is the same
    # indicator, so a warning that says what was assumed.
    assert summary([finding]) == [("SK301", "warning", "3.6", 1, "REALISASI", "90")]
    assert finding.message.endswith(
        "Assumed: Prosentase pengaduan terselesaikan was taken to be Persentase pengaduan yang "
        "diselesaikan (the labels are 88% alike)."
    )


def test_a_pdf_without_a_text_layer_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = write_pdf([("page", None)], tmp_path / "pindaian.pdf")
    result = run_cli(["check", "--document", str(path)])
    assert result.exit_code == 2
    assert "no text layer" in result.output
    assert "Traceback" not in result.output


def test_the_review_of_a_document_speaks_indonesian_by_default() -> None:
    result = run_cli(["check", "--document", str(SOURCE)])
    assert result.exit_code == 1
    assert "5 kesalahan, 3 peringatan, 7 informasi" in result.output
    assert "Asumsi: " in result.output  # table 3.9's program reports objective 1's indicator
    data = json.loads(run_cli(["check", "--document", str(SOURCE), "--format", "json"]).output)
    assert [f["code"] for f in data].count("SK301") == 3


@pytest.mark.parametrize(("printed", "expected"), [("3.642.763", []), ("3.642.765", ["3.642.762"])])
def test_a_total_within_the_rounding_of_its_parts_is_not_a_misprint(
    tmp_path: Path, printed: str, expected: list[str]
) -> None:
    parts = ["900.000", "911.250", "915.756", "915.756"]  # add up to 3.642.762
    rows = [["", "PROGRAM PELAYANAN UMUM", "4.047.514", printed, ""]]
    rows += [
        ["", f"Sub kegiatan layanan {n}", "1.000.000", part, ""] for n, part in enumerate(parts)
    ]
    allocations = ["1.011.878", "1.011.879", "1.011.878", "1.011.879"]  # add up to 4.047.514
    for row, allocation in zip(rows[1:], allocations, strict=True):
        row[2] = allocation
    blocks: list[Block] = [
        ("text", "BAB III AKUNTABILITAS KINERJA"),
        ("text", "Tabel 3.7 Realisasi Anggaran Tahun 2024"),
        ("table", ([["NO", "URAIAN", "ANGGARAN", "REALISASI", "KETERANGAN"]], rows)),
    ]
    path = write_docx(blocks, tmp_path / "lkjip.docx")
    # Four parts each rounded to whole rupiah may be off by half a rupiah each: 3.642.763
    # over 3.642.762 is rounding, 3.642.765 is not.
    found = [f.expected for f in review(path) if f.code == "SK201"]
    assert found == expected


@pytest.mark.parametrize(("agency", "year"), [("kominfo-contoh", 2024), ("sampang-disnaker", 2023)])
def test_the_workbook_of_tables_sakip_writes_reads_back_with_no_error(
    tmp_path: Path, agency: str, year: int
) -> None:
    # A workbook prints no chapter heading: each table's number gives its chapter (Tabel 2.2
    # is BAB II, the initial budget), so the budget revision is information, not a conflict.
    path = tmp_path / "tabel.xlsx"
    written = run_cli(
        ["tables", agency, "--year", str(year), "--format", "xlsx", "--output", str(path)]
    )
    assert written.exit_code == 0, written.output
    findings = review(path)
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert {f.code for f in findings} <= {"SK401", "SK501"}


_CELLS = st.sampled_from(
    [
        "",
        "-",
        "JUMLAH",
        "PROGRAM X",
        "Kegiatan Y",
        "Sub Kegiatan Z",
        "100",
        "77,85",
        "9.38",
        "9.900",
        "1.000.000",
        "94,41 %",
        "38 Orang 27 (Deportasi)",
        "2.07.01",
        "n/a",
    ]
) | st.text(max_size=12)
_HEADINGS = st.sampled_from(
    [
        "NO",
        "URAIAN",
        "SASARAN",
        "INDIKATOR",
        "TARGET",
        "REALISASI",
        "CAPAIAN",
        "ANGGARAN",
        "PAGU",
        "%",
        "SATUAN",
        "PREDIKAT",
        "TARGET TW I",
        "REALISASI 2024",
        "KETERANGAN",
        "IE",
    ]
)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Tabel 2.1", "Tabel 3.7", "BAB III", "", "Tabel"]),
            st.lists(_HEADINGS, min_size=1, max_size=6),
            st.lists(st.lists(_CELLS, min_size=6, max_size=6), max_size=6),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_text_document_gives_findings_or_one_clear_message(
    tmp_path_factory: pytest.TempPathFactory, parts: list[tuple[str, list[str], list[list[str]]]]
) -> None:
    lines = []
    for caption, headings, rows in parts:
        lines += [caption, "\t".join(headings)]
        lines += ["\t".join(row[: len(headings)]) for row in rows]
    path = tmp_path_factory.mktemp("doc") / "lkjip.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli(["check", "--document", str(path), "--year", "2024"])
    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("sakip: error:")
        assert "failed:" not in result.stderr, result.stderr  # not the last guard's line
