"""Build a real report's files from its excerpt: Word (python-docx, merged cells as printed,
the running header and footer in the section's header and footer), PDF (Typst, ruled or not,
the header and footer on every page) and text (tables tab-separated, a form feed and the
header at each page break, as a PDF's text layer gives them).

    python tests/real_reports/build.py [SLUG ...] [--out DIR]

builds every report (or the ones named) into DIR (default: a ``built`` folder beside each
report's excerpt is never written; DIR defaults to ``/tmp/sakip-real-reports``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml
from attrs import frozen

HERE = Path(__file__).resolve().parent
KINDS = ("docx", "pdf", "txt")


class ExcerptError(ValueError):
    """An excerpt that does not follow tests/real_reports/README.md."""


@frozen
class Table:
    rows: tuple[tuple[str, ...], ...]
    merges: tuple[tuple[int, int, int, int], ...]
    """``(row, column, rows, columns)``, from 0."""

    def covered(self) -> set[tuple[int, int]]:
        """The cells a merge covers, its top-left cell left out."""
        cells = set()
        for row, column, rows, columns in self.merges:
            for r in range(row, row + rows):
                for c in range(column, column + columns):
                    if (r, c) != (row, column):
                        cells.add((r, c))
        return cells


@frozen
class Excerpt:
    slug: str
    source: dict[str, Any]
    header: str | None
    footer: str | None
    ruled: bool
    blocks: tuple[tuple[str, Any], ...]
    """``("text", str)``, ``("page", None)`` or ``("table", Table)``."""

    @property
    def year(self) -> int:
        return int(self.source["year"])


def none_or(value: Any) -> Any:
    """``null``, ``~`` or nothing, read as text by the base loader: none."""
    return None if value is None or value in ("", "~", "null", "Null", "NULL") else value


def reports() -> list[str]:
    """Every report of the corpus, by its folder's name."""
    return sorted(p.parent.name for p in HERE.glob("*/report.yaml"))


def load(slug: str) -> Excerpt:
    """A report's excerpt, checked against the corpus format.

    :raises ExcerptError: naming the block and what is wrong.
    """
    path = HERE / slug / "report.yaml"
    # Every scalar as the text written: a heading ``No`` is no boolean, ``87.30`` keeps its 0.
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    if not isinstance(raw, dict) or not isinstance(raw.get("blocks"), list):
        raise ExcerptError(f"{path}: expected a mapping with a list of blocks")
    source = raw.get("source") or {}
    if "year" not in source or "url" not in source:
        raise ExcerptError(f"{path}: source needs its url and year")
    blocks: list[tuple[str, Any]] = []
    for number, block in enumerate(raw["blocks"], 1):
        where = f"{path}: block {number}"
        if not isinstance(block, dict) or len(block) != 1:
            raise ExcerptError(f"{where}: expected one of text, table, page")
        ((kind, content),) = block.items()
        if kind == "text":
            blocks.append(("text", str(content)))
        elif kind == "page":
            blocks.append(("page", None))
        elif kind == "table":
            blocks.append(("table", _table(content, where)))
        else:
            raise ExcerptError(f"{where}: unknown block {kind!r}")
    return Excerpt(
        slug=slug,
        source=source,
        header=none_or(raw.get("header")),
        footer=none_or(raw.get("footer")),
        ruled=str(raw.get("pdf_ruled", "true")).lower() != "false",
        blocks=tuple(blocks),
    )


def _table(content: Any, where: str) -> Table:
    if not isinstance(content, dict) or not isinstance(content.get("rows"), list):
        raise ExcerptError(f"{where}: a table needs rows")
    rows = [["" if cell is None else str(cell) for cell in row] for row in content["rows"]]
    if not rows:
        raise ExcerptError(f"{where}: a table with no rows")
    width = len(rows[0])
    for index, row in enumerate(rows, 1):
        if len(row) != width:
            raise ExcerptError(
                f"{where}: row {index} has {len(row)} cells, the first row {width}: {row!r}"
            )
    merges = []
    for merge in content.get("merge") or []:
        if not (isinstance(merge, list) and len(merge) == 4):
            raise ExcerptError(f"{where}: a merge is [row, column, rows, columns]: {merge!r}")
        row, column, span_rows, span_columns = (int(v) for v in merge)
        if row + span_rows > len(rows) or column + span_columns > width or min(row, column) < 0:
            raise ExcerptError(f"{where}: merge {merge!r} runs past the table")
        merges.append((row, column, span_rows, span_columns))
    table = Table(tuple(tuple(row) for row in rows), tuple(merges))
    for r, c in table.covered():
        if rows[r][c].strip():
            raise ExcerptError(
                f"{where}: cell ({r}, {c}) is covered by a merge but holds {rows[r][c]!r}"
            )
    return table


# --- Word -------------------------------------------------------------------------------------


def write_docx(excerpt: Excerpt, path: Path) -> Path:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    if max((len(t.rows[0]) for t in _tables(excerpt)), default=0) > 7:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    if excerpt.header:
        section.header.paragraphs[0].text = excerpt.header
    if excerpt.footer:
        section.footer.paragraphs[0].text = excerpt.footer
    document.styles["Normal"].font.size = Pt(9)
    for kind, content in excerpt.blocks:
        if kind == "text":
            document.add_paragraph(content)
        elif kind == "page":
            document.add_page_break()  # type: ignore[no-untyped-call]
        else:
            _word_table(document, content)
    document.save(str(path))
    return path


def _word_table(document: Any, table: Table) -> None:
    grid = document.add_table(rows=len(table.rows), cols=len(table.rows[0]))
    grid.style = "Table Grid"
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if text:
                grid.cell(r, c).text = text
    for row, column, rows, columns in table.merges:
        text = table.rows[row][column]
        merged = grid.cell(row, column).merge(grid.cell(row + rows - 1, column + columns - 1))
        merged.text = text


# --- PDF --------------------------------------------------------------------------------------


def write_pdf(excerpt: Excerpt, path: Path) -> Path:
    import typst

    def content(text: str) -> str:
        return f"[#{json.dumps(text, ensure_ascii=False)}]"

    wide = max((len(t.rows[0]) for t in _tables(excerpt)), default=0) > 7
    page = ['paper: "a4"', "margin: 1.8cm", f"flipped: {'true' if wide else 'false'}"]
    if excerpt.header:
        page.append(f"header: align(right, text(size: 7pt, {content(excerpt.header)}))")
    if excerpt.footer:
        page.append(f"footer: align(center, text(size: 7pt, {content(excerpt.footer)}))")
    parts = [f"#set page({', '.join(page)})", '#set text(size: 8pt, lang: "id")']
    if not excerpt.ruled:
        parts.append("#set table(stroke: none)")
    for kind, block in excerpt.blocks:
        if kind == "text":
            parts.append(f"#par({json.dumps(block, ensure_ascii=False)})")
        elif kind == "page":
            parts.append("#pagebreak()")
        else:
            parts.append(_typst_table(block, content))
    source = path.with_suffix(".typ")
    source.write_text("\n\n".join(parts), encoding="utf-8")
    typst.compile(str(source), output=str(path))
    return path


def _typst_table(table: Table, content: Any) -> str:
    spans = {(r, c): (rows, columns) for r, c, rows, columns in table.merges}
    covered = table.covered()
    cells = []
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rows, columns = spans.get((r, c), (1, 1))
            if (rows, columns) == (1, 1):
                cells.append(content(text))
            else:
                cells.append(f"table.cell(rowspan: {rows}, colspan: {columns}, {content(text)})")
    return f"#table(columns: {len(table.rows[0])}, inset: 3pt, {', '.join(cells)})"


# --- text -------------------------------------------------------------------------------------


def write_txt(excerpt: Excerpt, path: Path) -> Path:
    lines: list[str] = []

    def page_top() -> None:
        if excerpt.header:
            lines.append(excerpt.header)

    page_top()
    for kind, block in excerpt.blocks:
        if kind == "text":
            lines.append(block)
        elif kind == "page":
            if excerpt.footer:
                lines.append(excerpt.footer)
            lines.append("\f")
            page_top()
        else:
            lines.extend("\t".join(row) for row in block.rows)
    if excerpt.footer:
        lines.append(excerpt.footer)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _tables(excerpt: Excerpt) -> Iterator[Table]:
    return (block for kind, block in excerpt.blocks if kind == "table")


WRITERS = {"docx": write_docx, "pdf": write_pdf, "txt": write_txt}


def build(slug: str, out: Path, kinds: Sequence[str] = KINDS) -> dict[str, Path]:
    """The report's files, built into ``out`` once (kept while the excerpt is older)."""
    excerpt = load(slug)
    out.mkdir(parents=True, exist_ok=True)
    made = {}
    stamp = (HERE / slug / "report.yaml").stat().st_mtime
    for kind in kinds:
        path = out / f"{slug}.{kind}"
        if not path.exists() or path.stat().st_mtime < stamp:
            WRITERS[kind](excerpt, path)
        made[kind] = path
    return made


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("slugs", nargs="*", help="reports to build (default: all)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/sakip-real-reports"))
    args = parser.parse_args(argv)
    failed = 0
    for slug in args.slugs or reports():
        try:
            made = build(slug, args.out)
        except Exception as exc:
            failed += 1
            print(f"{slug}: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        print(f"{slug}: " + ", ".join(str(p) for p in made.values()))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
