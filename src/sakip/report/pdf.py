"""The LKjIP as a PDF, typeset by Typst in-process (the ``typst`` package: no office suite and
no browser at run time): cover, an outline with page numbers, chapters, tables whose header
repeats on every page, wide tables on landscape pages, charts. Typst's own fonts are used and
the document has no date, so the same document gives the same file, byte for byte."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from sakip.extras import require
from sakip.report import widths
from sakip.report.blocks import Chart, Document, Heading, PageBreak, Paragraph, TableBlock

SETUP = """#set document(title: {title}, author: "sakip", date: none)
#set page(paper: "a4", margin: (left: 3cm, right: 2cm, y: 2.5cm), numbering: "1")
#set text(lang: "id", size: 10.5pt)
#set par(justify: true)
#show heading.where(level: 1): it => {{ pagebreak(weak: true); block(below: 1em, text(size: 15pt, it.body)) }}
#show table.cell.where(y: 0): set text(weight: "bold")
"""


def typst_source(document: Document, images: dict[int, str]) -> str:
    """The document in Typst markup; ``images`` names the file of each chart, by block."""
    lines = [SETUP.format(title=_string(f"{document.title} — {document.agency}"))]
    lines.append(_cover(document))
    lines.append('#outline(title: "Daftar Isi", depth: 2)\n#pagebreak()')
    for index, block in enumerate(document.blocks):
        if isinstance(block, Heading):
            lines.append(f"{'=' * block.level} #{_string(block.text)}")
        elif isinstance(block, Paragraph):
            text = f"#{_string(block.text)}"
            lines.append(f"#emph[{text}]" if block.placeholder else text)
        elif isinstance(block, TableBlock):
            lines.append(_table(block))
        elif isinstance(block, Chart):
            alt = _string(f"{block.title}. {block.description}")
            lines.append(
                f'#figure(image("{images[index]}", width: 100%, alt: {alt}), numbering: none, '
                f"caption: [#{_string(block.caption)}])"
            )
        elif isinstance(block, PageBreak):
            lines.append("#pagebreak(weak: true)")
        lines.append("")
    return "\n".join(lines)


def write_pdf(document: Document, path: Path) -> None:
    """Typeset ``document`` to ``path``."""
    typst = require("typst", "writing the report as PDF")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        images: dict[int, str] = {}
        for index, block in enumerate(document.blocks):
            if isinstance(block, Chart):
                name = f"chart-{index}.png"
                (root / name).write_bytes(block.png)
                images[index] = name
        main = root / "main.typ"
        main.write_text(typst_source(document, images), encoding="utf-8")
        pdf = typst.compile(str(main), root=str(root))
    path.write_bytes(pdf)


def _string(text: str) -> str:
    """A Typst string literal: the text shown as written, never read as markup."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _cover(document: Document) -> str:
    parts = [
        "#page(numbering: none)[",
        "#v(6cm)",
        "#align(center)[",
        '#text(size: 20pt, weight: "bold")[LAPORAN KINERJA INSTANSI PEMERINTAH] \\',
        f'#text(size: 17pt, weight: "bold")[#{_string(f"(LKjIP) TAHUN {document.year}")}]',
        "#v(2cm)",
        f"#text(size: 15pt)[#{_string(document.agency)}] \\",
        f"#text(size: 12pt)[#{_string(document.region)}]" if document.region else "",
        "]",
        "]",
    ]
    return "\n".join(part for part in parts if part)


INSET = 3
PADDING = 2 * INSET * 20 + 10
"""A table cell's inner margins (3 pt each side) and its border, in twips."""


def _table(block: TableBlock) -> str:
    table = block.table
    numeric = set(table.numbers())
    available = widths.LANDSCAPE_TWIPS if block.landscape else widths.PORTRAIT_TWIPS
    size, twips = widths.fitted_layout(
        table.columns, table.rows, {column for _, column in numeric}, available, padding=PADDING
    )
    columns = [f"{Decimal(width) / 20}pt" for width in twips]  # 20 twips a point, exactly
    header = ", ".join(f"[#{_string(c)}]" for c in table.columns)
    cells = []
    for index, row in enumerate(table.rows):
        kind = table.row_kinds.get(index)
        for column, text in enumerate(row):
            content = f"#{_string(widths.breakable(text))}"
            if kind in ("program", "total"):
                content = f"*{content}*"
            if (index, column) in numeric:
                cells.append(f"table.cell(align: right)[{content}]")
            else:
                cells.append(f"[{content}]")
    body = (
        f"#text(size: {size}pt)[#set par(justify: false)\n"
        f"*#{_string(block.caption)}* #{_string(table.title)}\n"
        f"#table(columns: ({', '.join(columns)}), inset: {INSET}pt, stroke: 0.4pt,\n"
        f"table.header({header}),\n" + ",\n".join(cells) + ")\n]"
    )
    if block.landscape:
        return f"#page(flipped: true)[\n{body}\n]"
    return body
