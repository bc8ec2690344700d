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
from sakip.report.blocks import Chart, Document, Heading, PageBreak, Paragraph, TableBlock

FIXED_TIME = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def write_docx(document: Document, path: Path, template: Path | None = None) -> None:
    """Write ``document`` to ``path`` (from ``template`` when given)."""
    docx = require("docx", "writing the report as Word")
    shared = require("docx.shared", "writing the report as Word")
    enum_text = require("docx.enum.text", "writing the report as Word")
    enum_section = require("docx.enum.section", "writing the report as Word")
    word = docx.Document(str(template)) if template else docx.Document()
    if template is None:
        _cover(word, document, enum_text)
    _contents(word, document)
    for block in document.blocks:
        if isinstance(block, Heading):
            word.add_heading(block.text, level=min(block.level, 3))
        elif isinstance(block, Paragraph):
            paragraph = word.add_paragraph(block.text)
            if block.placeholder:
                for run in paragraph.runs:
                    run.italic = True
                    run.font.color.rgb = shared.RGBColor(0x8A, 0x5A, 0x00)
        elif isinstance(block, TableBlock):
            _table(word, block, shared, enum_text, enum_section)
        elif isinstance(block, Chart):
            word.add_picture(io.BytesIO(block.png), width=shared.Cm(16))
            caption = word.add_paragraph(f"Gambar: {block.title}. {block.description}")
            caption.runs[0].italic = True
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
    word.add_heading("Daftar Isi", level=1)
    for heading in document.headings():
        if heading.level <= 2:
            word.add_paragraph(("    " if heading.level == 2 else "") + heading.text)
    word.add_page_break()


def _table(word: Any, block: TableBlock, shared: Any, enum_text: Any, enum_section: Any) -> None:
    table = block.table
    if block.landscape:
        _orientation(word, enum_section, landscape=True)
    caption = word.add_paragraph()
    caption.add_run(f"Tabel {table.id} ").bold = True
    caption.add_run(table.title)
    grid = word.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    grid.style = "Table Grid"
    _repeat_header(grid.rows[0])
    for column, heading in enumerate(table.columns):
        cell = grid.rows[0].cells[column]
        cell.text = heading
        for run in cell.paragraphs[0].runs:
            run.bold = True
            run.font.size = shared.Pt(8)
    numeric = set(table.numbers())
    rows = list(grid.rows)  # python-docx builds its row list on every index: build it once
    for index, row in enumerate(table.rows):
        kind = table.row_kinds.get(index)
        cells = rows[index + 1].cells
        for column, text in enumerate(row):
            cell = cells[column]
            cell.text = text
            paragraph = cell.paragraphs[0]
            if (index, column) in numeric:
                paragraph.alignment = enum_text.WD_ALIGN_PARAGRAPH.RIGHT
            for run in paragraph.runs:
                run.font.size = shared.Pt(8)
                if kind in ("program", "total"):
                    run.bold = True
            if kind in ("activity", "sub-activity") and column == _label_column(row):
                paragraph.paragraph_format.left_indent = shared.Cm(
                    0.3 if kind == "activity" else 0.6
                )
    word.add_paragraph()
    if block.landscape:
        _orientation(word, enum_section, landscape=False)


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


def _orientation(word: Any, enum_section: Any, *, landscape: bool) -> None:
    section = word.add_section(enum_section.WD_SECTION.NEW_PAGE)
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
