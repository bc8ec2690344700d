"""Rendering tables as text, Markdown, HTML, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from tabulate import tabulate

from sakip.errors import ValidationError
from sakip.gc_pause import paused_gc
from sakip.model.printed import Table

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
    parts = []
    for table in tables:
        heading = f"Tabel {table.id} {table.title}"
        body = tabulate(table.rows, headers=table.columns, tablefmt=style, disable_numparse=True)
        if fmt == "markdown":
            parts.append(f"## {heading}\n\n{body}\n")
        elif fmt == "html":
            parts.append(f"<h2>{_escape(heading)}</h2>\n{body}\n")
        else:
            parts.append(f"{heading}\n{body}\n")
    return "\n".join(parts)


def _csv(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f"Tabel {table.id}", table.title])
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
