"""The LKjIP as one self-contained web page: inline CSS and SVG charts, no network, readable
on a phone (tables scroll sideways), printable to A4. Every text from data is escaped."""

from __future__ import annotations

from html import escape

from sakip.report.blocks import Chart, Document, Heading, PageBreak, Paragraph, TableBlock

STYLE = """
:root { --ink: #1b1b1b; --line: #c8c8c8; --soft: #f3f5f8; --accent: #1f5f99; }
* { box-sizing: border-box; }
body { font: 15px/1.55 "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink);
       max-width: 60rem; margin: 0 auto; padding: 1rem; }
header.cover { text-align: center; padding: 3rem 0 2rem; border-bottom: 3px solid var(--accent); }
header.cover h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
nav.toc ol { padding-left: 1.2rem; }
h1 { font-size: 1.35rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2.2rem; }
h2 { font-size: 1.15rem; margin-top: 1.6rem; }
h3 { font-size: 1.02rem; margin-top: 1.2rem; }
p.placeholder { color: #8a5a00; background: #fff6e0; border-left: 4px solid #e0a800;
                padding: .4rem .7rem; font-style: italic; }
figure { margin: 1.2rem 0; }
figure svg { width: 100%; height: auto; }
figcaption, .caption { font-size: .85rem; color: #555; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: .82rem; min-width: 100%; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; vertical-align: top; }
th { background: var(--soft); text-align: left; }
td.number { text-align: right; white-space: nowrap; }
td.number.packed { white-space: normal; min-width: 8rem; }
td.long { min-width: 14rem; }
td { min-width: 3rem; max-width: 32rem; overflow-wrap: break-word; }
tr.program td, tr.total td { font-weight: 600; background: #fafbfd; }
tr.activity td:first-child, tr.sub-activity td:first-child { padding-left: 1.2rem; }
@media print {
  @page { size: A4; margin: 18mm 15mm; }
  body { max-width: none; font-size: 10.5pt; }
  .table { overflow: visible; }
  table { font-size: 8pt; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  .break { page-break-after: always; }
  h1 { page-break-before: auto; }
}
"""


def html_page(document: Document) -> str:
    """The whole document as one HTML page (UTF-8 text)."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(document.title)} — {escape(document.agency)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        '<header class="cover">',
        f"<h1>{escape(document.title)}</h1>",
        f"<p><strong>{escape(document.agency)}</strong></p>",
        f"<p>{escape(document.region)}</p>" if document.region else "",
        "</header>",
        _contents(document),
    ]
    anchors = iter(range(1, len(document.headings()) + 1))
    for block in document.blocks:
        if isinstance(block, Heading):
            parts.append(
                f'<h{block.level} id="h{next(anchors)}">{escape(block.text)}</h{block.level}>'
            )
        elif isinstance(block, Paragraph):
            css = ' class="placeholder"' if block.placeholder else ""
            parts.append(f"<p{css}>{escape(block.text)}</p>")
        elif isinstance(block, TableBlock):
            parts.append(_table(block))
        elif isinstance(block, Chart):
            parts.append(
                f'<figure role="img" aria-label="{escape(block.title)}. '
                f'{escape(block.description)}">{_svg(block.svg)}<figcaption>'
                f"{escape(block.caption)}. {escape(block.description)}</figcaption></figure>"
            )
        elif isinstance(block, PageBreak):
            parts.append('<div class="break"></div>')
    parts += ["</body>", "</html>"]
    return "\n".join(part for part in parts if part) + "\n"


def _contents(document: Document) -> str:
    items = [
        f'<li><a href="#h{number}">{escape(heading.text)}</a></li>'
        for number, heading in enumerate(document.headings(), start=1)
        if heading.level == 1
    ]
    return f'<nav class="toc"><h2>Daftar Isi</h2><ol>{"".join(items)}</ol></nav>'


def _svg(svg: str) -> str:
    """matplotlib's SVG without its XML prologue, to sit inside the page."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else ""


LONG_TEXT = 60
"""A cell longer than this is given a readable width; a wide table then scrolls in its box."""


def _number_class(text: str) -> str:
    """A figure (with its unit) stays on one line; a packed cell (``38 Orang 27
    (Deportasi) 11 (Meninggal)``) wraps like text, or it would widen its column until the
    next holds one word a line."""
    return "number" if len(text.split()) <= 2 else "number packed"


def _table(block: TableBlock) -> str:
    table = block.table
    numeric = set(table.numbers())
    head = "".join(f"<th>{escape(column)}</th>" for column in table.columns)
    rows = []
    for index, row in enumerate(table.rows):
        kind = table.row_kinds.get(index)
        css = f' class="{kind}"' if kind else ""
        cells = "".join(
            f'<td class="{_number_class(text)}">{escape(text)}</td>'
            if (index, column) in numeric
            else f'<td class="long">{escape(text)}</td>'
            if len(text) > LONG_TEXT
            else f"<td>{escape(text)}</td>"
            for column, text in enumerate(row)
        )
        rows.append(f"<tr{css}>{cells}</tr>")
    return (
        f'<div class="table"><p class="caption"><strong>{escape(block.caption)}</strong> '
        f"{escape(table.title)}</p><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
