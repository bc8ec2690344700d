"""The LKjIP as a Word document (python-docx): cover, table of contents, chapters, tables
with numbers right-aligned and the header row repeated on every page, program rows set
apart, wide tables on landscape pages, charts as images. An agency's own template (its
letterhead, fonts and cover) is filled when given: the report is appended to it and takes its
styles. The same document gives the same file, byte for byte."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path
from typing import Any

from sakip.extras import require
from sakip.report import widths, word_fields
from sakip.report.blocks import (
    Chart,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    TableBlock,
    chapter_of,
)

FIXED_TIME = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def write_docx(document: Document, path: Path, template: Path | None = None) -> None:
    """Write ``document`` to ``path`` (from ``template`` when given)."""
    docx = require("docx", "writing the report as Word")
    shared = require("docx.shared", "writing the report as Word")
    enum_text = require("docx.enum.text", "writing the report as Word")
    enum_section = require("docx.enum.section", "writing the report as Word")
    word = docx.Document(str(template)) if template else docx.Document()
    word_fields.indonesian(word)
    word_fields.caption_styles(word)
    word_fields.update_fields_on_open(word)
    own_pages = template is None  # an agency's template keeps its own page setup and footer
    if own_pages:
        word_fields.page_setup(word.sections[0])
        word.sections[0].different_first_page_header_footer = True  # no number on the cover
        word_fields.page_numbers(word.sections[0], fmt="lowerRoman", start=1)
        _cover(word, document, enum_text)
    _contents(word, document)
    blocks = document.blocks
    landscape = False
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        wide = isinstance(block, TableBlock) and block.landscape
        if landscape and not wide and not isinstance(block, PageBreak):
            # Back to portrait where the landscape pages end: a new page of its own.
            _orientation(word, enum_section, landscape=False, own_pages=own_pages)
            landscape = False
        elif wide and not landscape:
            _orientation(word, enum_section, landscape=True, own_pages=own_pages)
            landscape = True
        if isinstance(block, PageBreak) and (landscape or (_opens_body(following) and own_pages)):
            continue  # a section break starts the new page itself: no empty page
        if isinstance(block, Heading) and _opens_body(block) and own_pages:
            section = word.add_section(enum_section.WD_SECTION.NEW_PAGE)
            word_fields.page_setup(section)
            section.different_first_page_header_footer = False
            word_fields.page_numbers(section, fmt="decimal", start=1)
        if isinstance(block, Heading):
            word.add_heading(block.text, level=min(block.level, 3))
        elif isinstance(block, Paragraph):
            paragraph = word.add_paragraph(block.text)
            if block.placeholder:
                for run in paragraph.runs:
                    run.italic = True
                    run.font.color.rgb = shared.RGBColor(0x8A, 0x5A, 0x00)
        elif isinstance(block, TableBlock):
            _table(word, block, shared, enum_text)
        elif isinstance(block, Chart):
            picture = word.add_picture(io.BytesIO(block.png), width=shared.Cm(15))
            picture._inline.docPr.set("descr", f"{block.title}. {block.description}")  # alt text
            word.add_paragraph(block.caption, style=word_fields.FIGURE_CAPTION_STYLE)
        elif isinstance(block, PageBreak):
            word.add_page_break()
    properties = word.core_properties
    properties.title = f"{document.title} — {document.agency}"
    properties.author = properties.last_modified_by = "sakip"
    properties.created = properties.modified = FIXED_TIME.replace(tzinfo=None)
    properties.revision = 1
    buffer = io.BytesIO()
    word.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue()))


def _cover(word: Any, document: Document, enum_text: Any) -> None:
    for text, size in (
        ("LAPORAN KINERJA INSTANSI PEMERINTAH", 20),
        (f"(LKjIP) TAHUN {document.year}", 18),
        (document.agency, 16),
        (document.region, 13),
    ):
        if not text:
            continue
        paragraph = word.add_paragraph()
        paragraph.alignment = enum_text.WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = size > 13
        run.font.size = require("docx.shared", "").Pt(size)
    word.add_page_break()


def _contents(word: Any, document: Document) -> None:
    """Daftar Isi, Daftar Tabel and Daftar Gambar as Word fields, each listing now what Word
    will list with page numbers once it updates them (on opening)."""
    headings = [
        ("    " if heading.level == 2 else "") + heading.text
        for heading in document.headings()
        if heading.level <= 2
    ]
    word_fields.table_of_contents(word, "Daftar Isi", 'TOC \\o "1-2" \\h \\z \\u', headings)
    word.add_page_break()
    tables = [f"{b.caption} {b.table.title}" for b in document.blocks if isinstance(b, TableBlock)]
    if tables:
        style = word_fields.TABLE_CAPTION_STYLE
        word_fields.table_of_contents(word, "Daftar Tabel", f'TOC \\h \\z \\t "{style},1"', tables)
        word.add_page_break()
    charts = [block.caption for block in document.blocks if isinstance(block, Chart)]
    if charts:
        style = word_fields.FIGURE_CAPTION_STYLE
        word_fields.table_of_contents(word, "Daftar Gambar", f'TOC \\h \\z \\t "{style},1"', charts)
        word.add_page_break()


def _opens_body(block: object) -> bool:
    """Whether ``block`` is the heading of BAB I, where the arabic page numbers start."""
    return isinstance(block, Heading) and chapter_of(block) == 1


def _table(word: Any, block: TableBlock, shared: Any, enum_text: Any) -> None:
    table = block.table
    caption = word.add_paragraph(style=word_fields.TABLE_CAPTION_STYLE)
    caption.add_run(f"{block.caption} ").bold = True
    caption.add_run(table.title)
    grid = word.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = "Table Grid"
    numeric_columns = {column for _, column in table.numbers()}
    section = word.sections[-1]
    available = shared.Emu(section.page_width - section.left_margin - section.right_margin).twips
    points, columns = widths.table_layout(table.columns, table.rows, numeric_columns, available)
    _fixed_widths(grid, [shared.Twips(width) for width in columns])
    _repeat_header(grid.rows[0])
    for column, heading in enumerate(table.columns):
        cell = grid.rows[0].cells[column]
        cell.text = heading
        for run in cell.paragraphs[0].runs:
            run.bold = True
            run.font.size = shared.Pt(points)
    numeric = set(table.numbers())
    rows = list(grid.rows)  # python-docx builds its row list on every index: build it once
    for index, row in enumerate(table.rows):
        kind = table.row_kinds.get(index)
        cells = rows[index + 1].cells
        for column, text in enumerate(row):
            cell = cells[column]
            cell.text = widths.breakable(text)
            paragraph = cell.paragraphs[0]
            if (index, column) in numeric:
                paragraph.alignment = enum_text.WD_ALIGN_PARAGRAPH.RIGHT
            for run in paragraph.runs:
                run.font.size = shared.Pt(points)
                if kind in ("program", "total"):
                    run.bold = True
            if kind in ("activity", "sub-activity") and column == _label_column(row):
                paragraph.paragraph_format.left_indent = shared.Cm(
                    0.3 if kind == "activity" else 0.6
                )
    word.add_paragraph()


def _fixed_widths(grid: Any, widths: list[Any]) -> None:
    """Each column as wide as given, in the grid and in every cell (Word reads the cells',
    LibreOffice the grid's); the layout fixed, so Word does not fit columns to text again."""
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _label_column(row: tuple[str, ...]) -> int:
    return next((i for i, text in enumerate(row) if any(c.isalpha() for c in text)), 0)


def _repeat_header(row: Any) -> None:
    """Mark the first row as a header row, repeated at the top of every page."""
    oxml = require("docx.oxml", "writing the report as Word")
    ns = require("docx.oxml.ns", "writing the report as Word")
    properties = row._tr.get_or_add_trPr()
    header = oxml.OxmlElement("w:tblHeader")
    header.set(ns.qn("w:val"), "true")
    properties.append(header)


def _orientation(word: Any, enum_section: Any, *, landscape: bool, own_pages: bool) -> None:
    section = word.add_section(enum_section.WD_SECTION.NEW_PAGE)
    if own_pages:
        word_fields.page_setup(section, landscape=landscape)
        word_fields.continue_numbering(section)
    orientation = enum_section.WD_ORIENT.LANDSCAPE if landscape else enum_section.WD_ORIENT.PORTRAIT
    width, height = section.page_width, section.page_height
    if (width > height) != landscape:
        section.page_width, section.page_height = height, width
    section.orientation = orientation


def _fixed_zip(content: bytes) -> bytes:
    """The same parts, each stamped with one fixed time, in the same order: the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return buffer.getvalue()
