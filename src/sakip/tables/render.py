"""Rendering tables as text, Markdown, HTML, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Sequence

from tabulate import tabulate

from sakip.errors import ValidationError
from sakip.gc_pause import paused_gc
from sakip.model.printed import Table
from sakip.safe_text import safe_text
from sakip.tables.spreadsheet import safe_cell

FORMATS = ("text", "markdown", "html", "csv", "json")
"""The text formats; ``sakip tables`` adds ``xlsx`` (:mod:`sakip.tables.spreadsheet`)."""


@paused_gc()
def render_tables(tables: Sequence[Table], fmt: str = "text") -> str:
    """All ``tables`` in one document of format ``fmt`` (one of :data:`FORMATS`).

    :raises ValidationError: for a format that is not one of :data:`FORMATS`.
    """
    if fmt not in FORMATS:
        raise ValidationError(f"unknown table format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if fmt == "json":
        return json.dumps(
            [
                {
                    "id": t.id,
                    "title": t.title,
                    "columns": list(t.columns),
                    "rows": [list(r) for r in t.rows],
                }
                for t in tables
            ],
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "csv":
        return "\n".join(_csv(table) for table in tables)
    style = {"text": "simple_grid", "markdown": "pipe", "html": "html"}[fmt]
    # Cells come from data: text and Markdown get them made safe here (tabulate's html
    # format escapes them itself).
    cells: dict[str, Callable[[str], str]] = {
        "text": _text_cell,
        "markdown": markdown_cell,
        "html": str,
    }
    cell = cells[fmt]
    parts = []
    for table in tables:
        heading = cell(f"Tabel {table.id} {table.title}")
        rows = [[cell(text) for text in row] for row in table.rows]
        headers = [cell(text) for text in table.columns]
        body = tabulate(rows, headers=headers, tablefmt=style, disable_numparse=True)
        if fmt == "markdown":
            parts.append(f"## {heading}\n\n{body}\n")
        elif fmt == "html":
            parts.append(f"<h2>{_escape(heading)}</h2>\n{body}\n")
        else:
            parts.append(f"{heading}\n{body}\n")
    return "\n".join(parts)


def _text_cell(text: str) -> str:
    return safe_text(text, lines=False)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def markdown_cell(text: str) -> str:
    """A cell's text as Markdown that shows it as it is: Markdown's special characters
    escaped (so ``|`` cannot split a cell and ``[x](javascript:…)`` is no link), ``<`` and
    ``>`` as entities (so no raw HTML passes), a line break as ``<br>``, control characters
    as visible escapes."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", safe_text(text))
    escaped = escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("\r\n", "\n").replace("\n", "<br>").replace("\t", " ")


def _csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([_csv_cell(f"Tabel {table.id}"), _csv_cell(table.title)])
    writer.writerow([_csv_cell(c) for c in table.columns])
    writer.writerows([_csv_cell(c) for c in row] for row in table.rows)
    return buffer.getvalue()


def _csv_cell(text: str) -> str:
    # The writer quotes a field holding its line terminator ("\n") but not a lone "\r",
    # where readers split the row: every line break is written as "\n", quoted.
    return safe_cell(text.replace("\r\n", "\n").replace("\r", "\n"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
