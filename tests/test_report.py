"""The LKjIP document: Word, PDF and a web page, read back as a reader would — every table
with the numbers the tables command prints, every chapter, the charts, the analysis quoting
only the value model, and the same file every time."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import dinkes_contoh
import docx
import pypdf
import pytest
import sampang_disnaker
from hypothesis import HealthCheck, given, settings

from sakip import AgencyData, BudgetStage, ValueModel, build_tables, load_registry
from sakip.model.printed import figure_value
from sakip.report import analysis
from sakip.report.blocks import Chart, Document, TableBlock
from sakip.report.compose import compose
from sakip.report.html import html_page
from sakip.report.write import write_report
from sakip.testing import agency_datasets, run_cli

REGISTRY = load_registry()
CHAPTERS = [
    "Ikhtisar Eksekutif",
    "BAB I Pendahuluan",
    "BAB II Perencanaan Kinerja",
    "BAB III Akuntabilitas Kinerja",
    "A. Capaian Kinerja",
    "B. Realisasi Anggaran",
    "BAB IV Penutup",
]


def _sampang() -> tuple[ValueModel, list]:
    values = ValueModel(sampang_disnaker.load(), REGISTRY)
    return values, build_tables(REGISTRY, "sampang-disnaker", 2023)


@pytest.fixture(scope="module")
def sampang_document() -> Document:
    values, tables = _sampang()
    return compose(values, tables, 2023)


@pytest.fixture(scope="module")
def sampang_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "lkjip.docx"
    result = run_cli(["report", "sampang-disnaker", "--year", "2023", "--output", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_the_word_document_has_every_table_with_the_printed_numbers(
    sampang_docx: Path,
) -> None:
    document = docx.Document(str(sampang_docx))
    # A zero-width space after a slash between words is where Word may break the line.
    in_word = [
        [[cell.text.replace("\u200b", "") for cell in row.cells] for row in table.rows]
        for table in document.tables
    ]
    for table in build_tables(REGISTRY, "sampang-disnaker", 2023):
        assert [list(table.columns), *map(list, table.rows)] in in_word, table.id


def test_the_word_document_has_every_chapter_and_the_charts(
    sampang_docx: Path, sampang_document: Document
) -> None:
    document = docx.Document(str(sampang_docx))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for chapter in CHAPTERS:
        assert chapter in headings
    charts = sum(isinstance(b, Chart) for b in sampang_document.blocks)
    assert charts >= 4  # two objectives' targets, the trend, absorption per program
    assert len(document.inline_shapes) == charts
    first_header = document.tables[0].rows[0]._tr.trPr
    assert first_header is not None
    assert "tblHeader" in first_header.xml  # repeated on every page


def test_the_pdf_has_every_chapter_the_tables_numbers_and_the_charts(
    tmp_path: Path, sampang_document: Document
) -> None:
    path = tmp_path / "lkjip.pdf"
    values, tables = _sampang()
    write_report(values, tables, 2023, "pdf", path)
    reader = pypdf.PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = re.sub(r"\s+", " ", text)
    for chapter in CHAPTERS:
        assert chapter in flat
    # Table 3.7's grand total, table 3.1's achievement, table 3.6's absorption, as printed.
    for printed in ("4.753.553.212", "121,98", "94,41", "90.802.691"):
        assert printed in flat
    images = sum(len(page.images) for page in reader.pages)
    assert images == sum(isinstance(b, Chart) for b in sampang_document.blocks)


def test_the_web_page_is_self_contained_and_escaped(tmp_path: Path) -> None:
    values, tables = _sampang()
    data = values.data
    import attrs

    hostile = attrs.evolve(data, agency=attrs.evolve(data.agency, name="<script>alert(1)</script>"))
    page = html_page(compose(ValueModel(hostile, REGISTRY), tables, 2023))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"(src|href)=\"(https?:)?//", page)  # no network
    assert page.count("<svg") == sum(
        isinstance(b, Chart) for b in compose(values, tables, 2023).blocks
    )
    assert '<td class="number">4.753.553.212</td>' in page
    assert "@page { size: A4" in page


def test_the_same_data_gives_the_same_files(tmp_path: Path) -> None:
    values, tables = _sampang()
    for fmt in ("docx", "pdf", "html"):
        first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        write_report(values, tables, 2023, fmt, first)
        write_report(ValueModel(sampang_disnaker.load(), REGISTRY), tables, 2023, fmt, second)
        assert first.read_bytes() == second.read_bytes(), fmt


def test_missing_text_is_a_marked_placeholder_and_the_agencys_text_is_its_own() -> None:
    sampang = compose(*_sampang(), 2023)
    placeholders = [p.text for p in sampang.paragraphs() if p.placeholder]
    assert "[Diisi oleh instansi: latar belakang.]" in placeholders
    dinkes = dinkes_contoh.load()
    document = compose(
        ValueModel(dinkes, REGISTRY), build_tables(REGISTRY, "dinkes-contoh", 2024), 2024
    )
    own = [p.text for p in document.paragraphs() if p.agency_text]
    assert any(text.startswith("Dinas Kesehatan dipimpin oleh Kepala Dinas") for text in own)
    assert "[Diisi oleh instansi: struktur organisasi.]" not in [
        p.text for p in document.paragraphs()
    ]


def test_the_analysis_writes_out_every_measure_of_bab_iii() -> None:
    dinkes = dinkes_contoh.load()
    document = compose(
        ValueModel(dinkes, REGISTRY), build_tables(REGISTRY, "dinkes-contoh", 2024), 2024
    )
    text = " ".join(p.text for p in document.paragraphs())
    # IKU-1: 93 of 92 → 101,09 (Sangat Tinggi); 89,5 in 2023 → up 3,5 points; Renstra 93 of
    # 95 → 97,89; standard 95 → 2 below; quarters 70, 80, 88, 93; IE 101,09 / 91,67 → 1,103.
    for part in (
        "ditargetkan 92% dan terealisasi 93%, sehingga capaian kinerjanya 101,09% dengan predikat Sangat Tinggi",
        "realisasi naik 3,5 poin persen",
        "target akhir Renstra tahun 2026 sebesar 95%, realisasi sampai dengan tahun 2024 sebesar 93%, atau 97,89%",
        "Standar nasional indikator ini 95%; realisasinya 2 poin persen di bawah standar",
        "Realisasi per triwulan: TW I 70%; TW II 80%; TW III 88%; TW IV 93%",
        "Indeks efisiensi indikator Cakupan imunisasi dasar lengkap, yaitu capaian kinerja dibagi serapan anggaran, sebesar 1,103, sehingga penggunaan sumber dayanya tergolong efisien",
        "menargetkan predikat BB dan memperoleh A: target tercapai",
        "Dari 4 indikator sasaran tahun 2024, 4 indikator mencapai predikat Sangat Tinggi.",
        "Anggaran instansi sebesar Rp 1.400.000.000 terealisasi Rp 1.310.000.000, dengan tingkat serapan 93,57%",
    ):
        assert part in text, part


def test_the_analysis_reads_as_written_prose() -> None:
    """One percent style (94,96%, as PUEBI writes it), every paragraph ending as a sentence,
    and no sentence said twice in the document (the Ikhtisar Eksekutif, BAB III B and BAB IV
    summarise the same figures in sentences of their own)."""
    for agency, year in (("sampang-disnaker", 2023), ("dinkes-contoh", 2024)):
        from sakip import load_agency

        values = ValueModel(load_agency(REGISTRY, agency), REGISTRY)
        document = compose(values, build_tables(REGISTRY, agency, year), year)
        paragraphs = [p.text for p in document.paragraphs() if p.text and not p.placeholder]
        for text in paragraphs:
            assert not re.search(r"\d %", text), text
            assert text.rstrip()[-1] in ".!?", text
        sentences = [s for text in paragraphs for s in re.split(r"(?<=\.) (?=[A-Z])", text)]
        repeated = [s for s in set(sentences) if sentences.count(s) > 1]
        assert not repeated, repeated


def test_a_list_reads_as_indonesian_writes_it() -> None:
    assert analysis.listing(["A"]) == "A"
    assert analysis.listing(["A", "B"]) == "A dan B"
    assert analysis.listing(["A", "B", "C"]) == "A, B, dan C"


def test_the_findings_annex(tmp_path: Path) -> None:
    path = tmp_path / "lkjip.html"
    result = run_cli(
        [
            "report",
            "sampang-disnaker",
            "--year",
            "2023",
            "--format",
            "html",
            "--output",
            str(path),
            "--with-review",
        ]
    )
    assert result.exit_code == 0, result.output
    page = path.read_text(encoding="utf-8")
    assert "Hasil Reviu (sakip check)" in page
    assert "SK301 (error) — Tabel 3.4, baris 1, kolom ANGGARAN" in page


# --- a Word file an agency signs (issue 23) ---------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _instructions(element: object) -> list[str]:
    return [" ".join((t.text or "").split()) for t in element.iter(f"{W}instrText")]  # type: ignore[attr-defined]


def test_the_word_document_is_a4_with_tata_naskah_margins(sampang_docx: Path) -> None:
    """A4 is 11906 × 16838 twips; margins 2,5 / 2,5 / 3 / 2 cm, Word's twips of them
    (1 cm = 1440 / 2,54 twips: 1417,3 → 1417; 1700,8 → 1701; 1133,9 → 1134)."""
    sections = docx.Document(str(sampang_docx)).sections
    assert len(sections) > 2  # the front matter, BAB I on, and landscape tables
    for section in sections:
        size = sorted((section.page_width.twips, section.page_height.twips))
        assert size == [11906, 16838]
        assert (section.page_width > section.page_height) == (section.orientation == 1)
        margins = [
            section.top_margin.twips,
            section.bottom_margin.twips,
            section.left_margin.twips,
            section.right_margin.twips,
        ]
        assert margins == [1417, 1417, 1701, 1134]


def test_the_word_document_is_indonesian(sampang_docx: Path) -> None:
    document = docx.Document(str(sampang_docx))
    languages = {lang.get(f"{W}val") for lang in document.styles.element.iter(f"{W}lang")}
    assert languages == {"id-ID"}
    assert document.core_properties.language == "id-ID"


def test_page_numbers_roman_in_front_arabic_from_bab_i(sampang_docx: Path) -> None:
    document = docx.Document(str(sampang_docx))
    sections = document.sections
    numbering = [s._sectPr.find(f"{W}pgNumType") for s in sections]
    assert numbering[0].get(f"{W}fmt") == "lowerRoman"
    assert (numbering[1].get(f"{W}fmt"), numbering[1].get(f"{W}start")) == ("decimal", "1")
    # Later sections (landscape tables) go on counting: no restart.
    assert all(n is None or n.get(f"{W}start") is None for n in numbering[2:])
    for section in sections:
        assert _instructions(section.footer._element) == ["PAGE"]
    # BAB I opens the second section: its first paragraph.
    body = document.element.body
    breaks = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}sectPr") is not None]
    following = breaks[0].getnext()
    assert "".join(t.text for t in following.iter(f"{W}t")) == "BAB I Pendahuluan"


def test_the_contents_tables_and_figures_are_word_fields(sampang_docx: Path) -> None:
    document = docx.Document(str(sampang_docx))
    fields = _instructions(document.element.body)
    assert 'TOC \\o "1-2" \\h \\z \\u' in fields
    assert 'TOC \\h \\z \\t "Judul Tabel,1"' in fields
    assert 'TOC \\h \\z \\t "Judul Gambar,1"' in fields
    update = document.settings.element.find(f"{W}updateFields")
    assert update is not None
    assert update.get(f"{W}val") == "true"
    captions = [p.text for p in document.paragraphs if p.style.name == "Judul Tabel"]
    tables = build_tables(REGISTRY, "sampang-disnaker", 2023)
    assert len(captions) == len(tables) + 1  # and the Perjanjian Kinerja of BAB II
    figures = [p.text for p in document.paragraphs if p.style.name == "Judul Gambar"]
    assert figures
    assert all(re.match(r"Gambar \d\.\d+ \S", text) for text in figures), figures
    alt = [d.get("descr") for d in document.element.body.iter() if d.tag.endswith("}docPr")]
    assert len(alt) == len(figures)
    assert all(alt)


@pytest.mark.parametrize("agency", ["sampang-disnaker", "dinkes-contoh"])
def test_tables_stand_in_the_order_of_their_numbers_captioned_tabel_n_m(agency: str) -> None:
    """Sampang registers its cascading and migrant-worker tables by name: they become Tabel
    1.1 (BAB I D) and 3.10 (after 3.9); dinkes's Renja form becomes 3.8, after 3.7."""
    from sakip import load_agency

    year = {"sampang-disnaker": 2023, "dinkes-contoh": 2024}[agency]
    values = ValueModel(load_agency(REGISTRY, agency), REGISTRY)
    document = compose(values, build_tables(REGISTRY, agency, year), year)
    captions = [b.caption for b in document.blocks if isinstance(b, TableBlock)]
    numbers = [tuple(int(p) for p in c.removeprefix("Tabel ").split(".")) for c in captions]
    assert numbers == sorted(numbers), captions
    assert all(re.fullmatch(r"Tabel \d\.\d+", c) for c in captions), captions
    if agency == "sampang-disnaker":
        named = {b.table.id: b.caption for b in document.blocks if isinstance(b, TableBlock)}
        assert (named["cascading"], named["pmi"]) == ("Tabel 1.1", "Tabel 3.10")


def test_bab_ii_carries_the_perjanjian_kinerja_and_the_renstra() -> None:
    """Dinkes 2024 (its data): IKU-1 92%, 100 Orang, 30 menit; the Renstra from 85 to 95."""
    from sakip import load_agency

    values = ValueModel(load_agency(REGISTRY, "dinkes-contoh"), REGISTRY)
    document = compose(values, build_tables(REGISTRY, "dinkes-contoh", 2024), 2024)
    blocks = document.blocks
    start = next(
        i for i, b in enumerate(blocks) if getattr(b, "text", "") == "BAB II Perencanaan Kinerja"
    )
    end = next(i for i, b in enumerate(blocks) if getattr(b, "text", "").startswith("BAB III"))
    tables = {b.table.title: b.table for b in blocks[start:end] if isinstance(b, TableBlock)}
    agreement = tables["Perjanjian Kinerja Tahun 2024"]
    assert [row[2:] for row in agreement.rows] == [
        ("Cakupan imunisasi dasar lengkap", "%", "92"),
        ("Jumlah tenaga kesehatan yang dilatih", "Orang", "100"),
        ("Rata-rata waktu tunggu pelayanan rawat jalan", "menit", "30"),
        ("Nilai evaluasi SAKIP perangkat daerah", "predikat", "BB"),
    ]
    renstra = tables["Indikator Kinerja dan Target Renstra"]
    assert renstra.rows[0][3:] == ("85", "95", "92")


def test_the_web_page_lets_packed_cells_wrap_and_numbers_charts_as_the_word_file() -> None:
    """A figure with its unit stays on one line; a packed cell of table 3.9 (38 Orang 27
    (Deportasi) 11 (Meninggal)) wraps, or it widens its column until the next holds a word a
    line; charts are Gambar 3.1, 3.2 … in every format, with their description for a reader
    that cannot see them."""
    values, tables = _sampang()
    page = html_page(compose(values, tables, 2023))
    assert '<td class="number">94,96%</td>' in page
    assert '<td class="number packed">38 Orang 27 (Deportasi) 11 (Meninggal)</td>' in page
    assert "td.number.packed { white-space: normal;" in page
    # A long text gets a readable width (the wide table scrolls in its own box instead).
    assert '<td class="long">Pelaksanaan pelatihan berbasis kompetensi' in page
    captions = re.findall(r"<figcaption>(Gambar [\d.]+) ", page)
    assert captions == ["Gambar 3.1", "Gambar 3.2", "Gambar 3.3", "Gambar 3.4"]
    assert page.count('<figure role="img" aria-label="') == 4


@pytest.mark.parametrize("agency", ["sampang-disnaker", "dinkes-contoh"])
def test_no_two_words_of_the_pdf_overlap(agency: str, tmp_path: Path) -> None:
    """Read back with pdfplumber: on no page does a word's box run into another's (table 3.9's
    heading "Organisasi Perangkat Daerah Pelaksana" ran into "Kebijakan")."""
    import pdfplumber

    year = {"sampang-disnaker": 2023, "dinkes-contoh": 2024}[agency]
    path = tmp_path / "lkjip.pdf"
    result = run_cli(
        ["report", agency, "--year", str(year), "--format", "pdf", "--output", str(path)]
    )
    assert result.exit_code == 0, result.output
    collisions = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            words = sorted(page.extract_words(), key=lambda w: w["x0"])
            for index, word in enumerate(words):
                for other in words[index + 1 :]:
                    if other["x0"] >= word["x1"] - 0.5:
                        break  # sorted by left edge: no later word reaches back
                    apart = (
                        other["top"] >= word["bottom"] - 0.5 or word["top"] >= other["bottom"] - 0.5
                    )
                    if not apart:
                        collisions.append((number, word["text"], other["text"]))
            page.close()
    assert collisions == []


def test_only_a_table_too_wide_for_an_upright_page_is_turned(sampang_document: Document) -> None:
    """At 8 pt, 3.6's nine columns need more than the 9071 twips of an upright A4 page with
    the tata naskah margins (its words alone 10732); 3.1's six need 6328."""
    turned = {b.table.id: b.landscape for b in sampang_document.blocks if isinstance(b, TableBlock)}
    assert turned["3.6"]
    assert turned["3.9"]
    assert not turned["3.1"]
    assert not turned["3.7"]


def test_column_widths_keep_every_word_whole_and_share_the_rest_by_text() -> None:
    """Worked by hand, at 8 pt, in twips: a character 11 per point (a capital 14, bold one
    more), 260 of padding. NO (bold): 8 × (2 × 14 + 2) = 240 → 500. Uraian: its longest word
    Penyediaan 8 × (14 + 9 × 11) = 904 → 1164; on one line Penyediaan Jasa 8 × (2 × 14 +
    13 × 11) = 1368 → 1628. Of 3000: 3000 − 1664 = 1336 left; Uraian takes the 464 it wants,
    the 872 beyond every want are shared alike: 936 and 2064."""
    from sakip.report.widths import table_layout

    headings, rows = ["NO", "Uraian"], [["1", "Penyediaan Jasa"]]
    assert table_layout(headings, rows, {0}, 3000) == (8, [936, 2064])
    # 1500 is less than the 1664 the words need at 8 pt: 7 pt (470 + 1051 = 1521) still does
    # not fit, so the columns shrink alike: 470 × 1500 // 1521 = 463, the rest 1037.
    assert table_layout(headings, rows, {0}, 1500) == (7, [463, 1037])


def test_a_table_too_wide_for_7_pt_is_set_at_the_size_its_words_fit_in_a_pdf() -> None:
    """Three REALISASI headings (bold capitals: 9 × (14 + 1) = 135 twips a point each) in
    3000 twips, with 130 of padding a cell: at 8 pt 3 × 1210 = 3630 and at 7 pt 3 × 1075 =
    3225 do not fit; (3000 − 390) × 10 // 405 = 64 tenths: 6,4 pt, columns of 864 + 130 = 994,
    and the 18 twips left shared alike: 1000 each."""
    from decimal import Decimal

    from sakip.report.widths import fitted_layout

    headings = ["REALISASI"] * 3
    assert fitted_layout(headings, [], set(), 3000, padding=130) == (Decimal("6.4"), [1000] * 3)


def test_word_tables_have_fixed_widths_from_their_content(
    sampang_docx: Path, sampang_document: Document
) -> None:
    from sakip.report.widths import needs

    document = docx.Document(str(sampang_docx))
    blocks = [b.table for b in sampang_document.blocks if isinstance(b, TableBlock)]
    tables = {(t.columns, t.rows): t for t in blocks}
    for grid in document.tables:
        layout = grid._tbl.tblPr.find(f"{W}tblLayout")
        assert layout is not None
        assert layout.get(f"{W}type") == "fixed"
        cells = [[c.text.replace("\u200b", "") for c in row.cells] for row in grid.rows]
        table = tables[(tuple(cells[0]), tuple(map(tuple, cells[1:])))]
        widths = [column.width.twips for column in grid.columns]
        size = grid.rows[0].cells[0].paragraphs[0].runs[0].font.size.pt
        numeric = {column for _, column in table.numbers()}
        least = needs(table.columns, table.rows, numeric, int(size))[0]
        assert all(w >= low for w, low in zip(widths, least, strict=True)), table.id
        # The text width: 11906 − 1701 − 1134 portrait, 16838 − 1701 − 1134 landscape.
        assert sum(widths) in (9071, 14003)
        for row in grid.rows:
            assert [cell.width.twips for cell in row.cells] == widths


def test_an_agencys_word_template_is_filled(tmp_path: Path) -> None:
    template = tmp_path / "kop.docx"
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "PEMERINTAH KABUPATEN SAMPANG"
    letterhead.add_paragraph("Sampul instansi")
    letterhead.save(str(template))
    path = tmp_path / "lkjip.docx"
    result = run_cli(
        [
            "report",
            "sampang-disnaker",
            "--year",
            "2023",
            "--output",
            str(path),
            "--template",
            str(template),
        ]
    )
    assert result.exit_code == 0, result.output
    filled = docx.Document(str(path))
    assert filled.sections[0].header.paragraphs[0].text == "PEMERINTAH KABUPATEN SAMPANG"
    assert filled.paragraphs[0].text == "Sampul instansi"  # its own cover, not sakip's
    # Its own page setup too: python-docx's template is US Letter; sakip changes no section.
    assert {(s.page_width.twips, s.page_height.twips) for s in filled.sections} <= {
        (12240, 15840),
        (15840, 12240),
    }
    assert any(p.text == "BAB III Akuntabilitas Kinerja" for p in filled.paragraphs)


def test_a_template_is_for_word_only(tmp_path: Path) -> None:
    result = run_cli(
        [
            "report",
            "sampang-disnaker",
            "--year",
            "2023",
            "--format",
            "pdf",
            "--output",
            str(tmp_path / "x.pdf"),
            "--template",
            __file__,
        ]
    )
    assert result.exit_code == 2
    assert "--template fills a Word document" in result.stderr


NUMBER = re.compile(r"(?<![\w.,-])-?\d[\d.]*(?:,\d+)?")


def _numbers(text: str) -> list[str]:
    return [match.group().rstrip(".") for match in NUMBER.finditer(text)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(agency_datasets(initial_budget=True))
def test_every_number_of_the_analysis_is_the_value_models(data: AgencyData) -> None:
    values = ValueModel(data, REGISTRY)
    stage = BudgetStage.REVISED
    paragraphs = [
        analysis.summary_paragraph(values, 2023, stage),
        *(analysis.indicator_paragraph(values, indicator, 2023) for indicator in data.indicators),
        *(analysis.objective_paragraph(values, o, 2023, stage) for o in data.objectives),
    ]
    for paragraph in filter(None, paragraphs):
        if paragraph.agency_text or paragraph.placeholder:
            continue
        quoted = {_number(quote.text) for quote in paragraph.quotes}
        for quote in paragraph.quotes:
            value = values.value(quote.subject)
            assert value is not None
            assert abs(_number(quote.text)) == abs(value) or _shows(quote.text, value), quote
        allowed = quoted | {Decimal(c) for c in paragraph.counts} | {Decimal(2022), Decimal(2023)}
        # Names are the agency's words, not figures: "Program 1" quotes no value.
        text = paragraph.text
        for node in sorted(data.nodes.values(), key=lambda n: -len(n.name)):
            text = text.replace(node.name, "")
        for number in _numbers(text):
            assert _number(number) in allowed, (number, paragraph.text)


def _number(text: str) -> Decimal:
    return figure_value(text.replace("Rp ", "").strip())


def _shows(text: str, value: Decimal) -> bool:
    printed = _number(text)
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return abs(abs(printed) - abs(value)) <= Decimal(5).scaleb(-places - 1)
