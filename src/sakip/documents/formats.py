"""Turn a file into blocks: text with tab-separated tables, Word, PDF with a text layer, or a
workbook. Each reader keeps reading order, so a table's caption comes before its grid."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip.documents.blocks import Block, Grid, Line
from sakip.errors import DataError, ValidationError
from sakip.extras import require
from sakip.numbers import format_number

FEATURE = "reviewing a report from its file"


def read_blocks(path: Path) -> list[Block]:
    """The blocks of ``path``, by its suffix.

    :raises ValidationError: for a suffix sakip cannot read.
    :raises DataError: for a file that cannot be read as its suffix says.
    """
    readers: dict[str, Callable[[Path], list[Block]]] = {
        ".docx": _docx,
        ".pdf": _pdf,
        ".xlsx": _xlsx,
        ".txt": _text,
        ".tsv": _text,
        ".md": _text,
    }
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise ValidationError(
            f"{path}: cannot review a {path.suffix or 'suffix-less'} file; give a .docx, a .pdf "
            f"with a text layer, an .xlsx, or a text file whose tables are tab-separated (.txt)"
        )
    try:
        return reader(path)
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise DataError(str(path), "", f"cannot be read as {path.suffix}: {exc}") from None


# --- text -----------------------------------------------------------------------------------


def _text(path: Path) -> list[Block]:
    blocks: list[Block] = []
    rows: list[list[str]] = []
    indents: list[int] = []
    start = 0

    def flush() -> None:
        if rows:
            blocks.append(Grid(rows, f"line {start}", indents))
        rows.clear()
        indents.clear()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if "\t" in raw:
            if not rows:
                start = number
            cells = raw.split("\t")
            first = next((cell for cell in cells if cell.strip()), "")
            rows.append(cells)
            indents.append(len(first) - len(first.lstrip(" ")))
        elif raw.strip():
            flush()
            blocks.append(Line(raw.strip(), f"line {number}"))
        # A blank line inside a table is a page break of the source: the table goes on.
    flush()
    return blocks


# --- Word -----------------------------------------------------------------------------------


def _docx(path: Path) -> list[Block]:
    docx = require("docx", FEATURE)
    from docx.oxml.ns import qn
    from docx.table import Table as WordTable
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    blocks: list[Block] = []
    paragraphs = tables = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs += 1
            text = Paragraph(child, document).text.strip()
            if text:
                blocks.append(Line(text, f"paragraph {paragraphs}"))
        elif child.tag == qn("w:tbl"):
            tables += 1
            blocks.append(_word_grid(WordTable(child, document), f"Word table {tables}"))
    return blocks


def _word_grid(table: Any, origin: str) -> Grid:
    """A Word table's cells; a merged cell's text once, at its top left."""
    # Keyed by identity, with the element kept alive so that no other takes its id.
    seen: dict[int, object] = {}
    rows: list[list[str]] = []
    indents: list[int] = []
    for row in table.rows:
        cells: list[str] = []
        indent = -1
        for cell in row.cells:
            if seen.get(id(cell._tc)) is cell._tc:
                cells.append("")
                continue
            seen[id(cell._tc)] = cell._tc
            cells.append(cell.text)
            if indent < 0 and cell.text.strip():
                left = cell.paragraphs[0].paragraph_format.left_indent if cell.paragraphs else None
                indent = int(left.pt // 9) if left else 0  # one level per ~9 points
        rows.append(cells)
        indents.append(max(indent, 0))
    return Grid(rows, origin, indents)


# --- PDF ------------------------------------------------------------------------------------


def _pdf(path: Path) -> list[Block]:
    pdfplumber = require("pdfplumber", FEATURE)
    blocks: list[Block] = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            blocks.extend(_pdf_page(page, f"page {number}"))
    if not any(isinstance(block, Line) for block in blocks) and not any(
        isinstance(block, Grid) for block in blocks
    ):
        raise ValueError("no text layer: the PDF is an image (scan); OCR it first")
    return blocks


def _pdf_page(page: Any, origin: str) -> Iterator[Block]:
    found = page.find_tables()
    boxes = [table.bbox for table in found]
    items: list[tuple[float, int, Block]] = []
    for index, table in enumerate(found):
        items.append((table.bbox[1], index, Grid(table.extract(), origin)))
    for line in page.extract_text_lines():
        middle = (line["top"] + line["bottom"]) / 2
        inside = any(top <= middle <= bottom for _, top, _, bottom in boxes)
        if not inside and line["text"].strip():
            items.append((line["top"], len(items), Line(line["text"].strip(), origin)))
    for _, _, block in sorted(items, key=lambda item: (item[0], item[1])):
        yield block


# --- workbook -------------------------------------------------------------------------------


def _xlsx(path: Path) -> list[Block]:
    openpyxl = require("openpyxl", FEATURE)
    workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    blocks: list[Block] = []
    try:
        for sheet in workbook.worksheets:
            rows: list[list[str]] = []
            start = 0
            for number, row in enumerate(sheet.iter_rows(), 1):
                cells = [_cell_text(cell) for cell in row]
                filled = [cell for cell in cells if cell]
                if len(filled) >= 2:
                    if not rows:
                        start = number
                    rows.append(cells)
                    continue
                if rows:
                    blocks.append(Grid(rows, f"sheet {sheet.title!r}, row {start}"))
                    rows = []
                if filled:
                    blocks.append(Line(filled[0], f"sheet {sheet.title!r}, row {number}"))
            if rows:
                blocks.append(Grid(rows, f"sheet {sheet.title!r}, row {start}"))
    finally:
        workbook.close()
    return blocks


_PERCENT_FORMAT = re.compile(r"%")
_DECIMALS_FORMAT = re.compile(r"0\.(0+)")


def _cell_text(cell: Any) -> str:
    """A cell as the workbook shows it, numbers in Indonesian form with the decimals its
    number format shows (``0.00%`` → ``90,00%``). A double goes through its shortest
    decimal text, never through arithmetic in binary."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value).strip()
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    shown = str(cell.number_format or "")
    decimals = _DECIMALS_FORMAT.search(shown)
    places = len(decimals[1]) if decimals else None
    if _PERCENT_FORMAT.search(shown):
        return format_number(number.scaleb(2), places=places if places is not None else 0) + "%"
    if places is not None:
        return format_number(number, places=places)
    if number == number.to_integral_value():
        return format_number(number.quantize(Decimal(1)))
    return format_number(number.normalize())
