"""Tables for spreadsheets: CSV that Excel set to Indonesian reads right, and ``.xlsx``.

CSV: one table per file, ``;`` between fields by default (Indonesian Excel takes ``,`` as the
decimal mark), an optional UTF-8 byte-order mark (so Excel reads the file as UTF-8), and
formula injection neutralised as OWASP advises: a cell that would start a formula (``=``,
``+``, ``-``, ``@``, tab, carriage return) is prefixed with ``'``, unless it is a number or
the lone ``-`` of "no value". Line breaks inside a cell are quoted.

xlsx: one sheet per table, named by its number, the title above it, the header frozen,
numbers as numeric cells whose display format has the table's decimals (Excel in an
Indonesian locale shows ``4.753.553.212`` and ``94,41``), program rows bold and activity and
sub-activity rows indented, columns fitted.
"""

from __future__ import annotations

import csv
import io
import math
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip.extras import require
from sakip.files import write_text
from sakip.model.printed import Table
from sakip.workbook.cells import decimals

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?[0-9][0-9.,]*\s?%?")


def safe_cell(text: str) -> str:
    """A cell Excel cannot run as a formula: ``=1+1`` becomes ``'=1+1``."""
    if text.startswith(FORMULA_START) and text != "-" and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(table: Table, *, separator: str = ";", bom: bool = False) -> str:
    """One table as CSV for Excel: its number and title, its header, its rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow([safe_cell(f"Tabel {table.id}"), safe_cell(table.title)])
    writer.writerow([safe_cell(c) for c in table.columns])
    writer.writerows([safe_cell(c) for c in row] for row in table.rows)
    return ("\ufeff" if bom else "") + buffer.getvalue()


def csv_files(
    tables: list[Table], folder: Path, *, separator: str = ";", bom: bool = False
) -> list[Path]:
    """Each table in a file of its own, ``tabel-3.7.csv``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        path = folder / f"tabel-{_safe_name(table.id)}.csv"
        write_text(path, csv_text(table, separator=separator, bom=bom), newline="")
        written.append(path)
    return written


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", text)


def write_xlsx(tables: list[Table], path: Path) -> None:
    """The tables in one workbook, a sheet each."""
    openpyxl = require("openpyxl", "writing tables to a workbook")
    styles = require("openpyxl.styles", "writing tables to a workbook")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for table in tables:
        _sheet(book.create_sheet(_sheet_name(table.id)), table, styles)
    import datetime

    fixed = datetime.datetime(2000, 1, 1)  # the same tables give the same file
    book.properties.created = book.properties.modified = fixed
    book.properties.creator = book.properties.lastModifiedBy = "sakip"
    book.save(path)


def _sheet_name(table_id: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    return re.sub(r"[\[\]:*?/\\]", "_", f"Tabel {table_id}")[:31]


def _sheet(sheet: Any, table: Table, styles: Any) -> None:
    sheet.append([safe_cell(f"Tabel {table.id} {table.title}")])
    sheet.cell(row=1, column=1).font = styles.Font(bold=True, size=12)
    # Headings come from data too (a breakdown's label_heading): never a live formula.
    sheet.append([safe_cell(heading) for heading in table.columns])
    for cell in sheet[2]:
        cell.font = styles.Font(bold=True)
        cell.alignment = styles.Alignment(wrap_text=True, vertical="top")
    numbers = table.numbers()
    for index, row in enumerate(table.rows):
        sheet.append([_value(numbers.get((index, c)), text) for c, text in enumerate(row)])
        for column, cell in enumerate(sheet[index + 3]):
            _format(cell, numbers.get((index, column)))
        _set_apart(sheet[index + 3], table.row_kinds.get(index), styles)
    sheet.freeze_panes = "A3"
    _fit(sheet, table, styles)
    _page(sheet)


def _format(cell: Any, number: Decimal | None) -> None:
    """A number shows its printed decimals; text is made safe from formula injection."""
    if number is not None and not isinstance(cell.value, str):
        places = decimals(number)
        cell.number_format = "#,##0" + ("." + "0" * places if places else "")
    elif cell.value is not None:
        cell.value = safe_cell(str(cell.value))


def _set_apart(cells: Any, kind: str | None, styles: Any) -> None:
    """Programs and totals bold; activities and sub-activities indented."""
    if kind in ("program", "total"):
        for cell in cells:
            cell.font = styles.Font(bold=True)
    elif kind in ("activity", "sub-activity"):
        indent = 1 if kind == "activity" else 2
        for cell in cells:
            if isinstance(cell.value, str):
                cell.alignment = styles.Alignment(indent=indent)


def _page(sheet: Any) -> None:
    """Printed: landscape A4, as wide as the page, the header row on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = "2:2"


MAX_WIDTH = 50
"""Characters: a wider column wraps its text."""


def _fit(sheet: Any, table: Table, styles: Any) -> None:
    """Columns as wide as what they print (bold totals included), long text wrapped, and
    each row as tall as its wrapped lines: a printed page shows every character."""
    widths = []
    for index, heading in enumerate(table.columns):
        texts = [row[index] for row in table.rows]
        widest = max((len(text) for text in texts), default=0)
        widths.append(min(max(widest, min(len(heading), 14)) + 3, MAX_WIDTH))
        letter = sheet.cell(row=2, column=index + 1).column_letter
        sheet.column_dimensions[letter].width = widths[-1]
    for row_index, row in enumerate([list(table.columns), *table.rows]):
        excel_row = row_index + 2
        lines = max(
            (
                math.ceil(len(text) / max(width - 2, 1))
                for text, width in zip(row, widths, strict=True)
            ),
            default=1,
        )
        if lines > 1:
            sheet.row_dimensions[excel_row].height = 15 * lines
            for cell in sheet[excel_row]:
                cell.alignment = styles.Alignment(
                    wrap_text=True, vertical="top", indent=cell.alignment.indent
                )


def _value(value: Decimal | None, text: str) -> Any:
    """A figure's number, when Excel's double holds it exactly; otherwise the text."""
    if value is None:
        return text
    if value == value.to_integral_value() and abs(value) < 2**53:
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else text
