"""Find a document's tables among its blocks: the caption (``Tabel 3.7 …``) and title above
each grid, the chapter it is in, its heading rows (two rows where a heading spans several
columns), and the parts of a table that a page break split.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import define, frozen

from sakip.documents.blocks import Block, Grid, Line

CAPTION = re.compile(r"^[\W_]*tabel\s+(\d+(?:\.\d+)*[a-z]?)\b[\s.:*_-]*(.*)$", re.IGNORECASE)
CHAPTER = re.compile(r"^[\W_]*BAB\s+([IVX]+|\d+)\b(?!.*\t)", re.IGNORECASE)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7}
_STARTS_WITH_NUMBER = re.compile(r"^\s*[-−]?\d")
_DASHES = re.compile(r"^[-—–_=.\s]*$")
MAX_HEADING_ROWS = 3
TITLE_LINES = 3
MAX_TITLE_LINE = 160
"""A longer line after a caption is the text that follows, not the title."""
MAX_CHAPTER_HEADING = 60
PAGE_FURNITURE = 4
"""Lines (a page's footer and header) that may stand between the parts of one table."""


@frozen
class SourceTable:
    """One table as the document prints it.

    :ivar number: the caption's number (``3.7``), ``None`` for an unnumbered table.
    :ivar chapter: the chapter (BAB) it is in, from 1; 0 before the first.
    :ivar headings: each column's heading, its parts top down (``("ALOKASI BIAYA",
        "ANGGARAN")``).
    :ivar rows: the body rows, heading rows and page-break repeats left out.
    :ivar origins: where each body row is in the file.
    """

    number: str | None
    title: str
    chapter: int
    headings: tuple[tuple[str, ...], ...]
    rows: tuple[tuple[str, ...], ...]
    origins: tuple[str, ...]
    indents: tuple[int, ...]
    origin: str


@define
class _Reading:
    """Where reading a document has got to: its chapter, the caption waiting for its table,
    and how many lines of text stand since the last table."""

    chapter: int = 0
    caption: tuple[str, list[str]] | None = None
    lines_since: int = 0

    def line(self, line: Line) -> None:
        self.lines_since += 1
        text = line.text.strip("*_ ")
        chapter = CHAPTER.match(text)
        caption = CAPTION.match(text)
        if chapter and len(text) < MAX_CHAPTER_HEADING:
            numeral = chapter[1].upper()
            self.chapter = int(numeral) if numeral.isdigit() else _ROMAN.get(numeral, self.chapter)
        if caption:
            rest = caption[2].strip("*_ ")
            self.caption = (caption[1], [rest] if rest else [])
        elif (
            self.caption is not None
            and len(self.caption[1]) < TITLE_LINES
            and len(text) < MAX_TITLE_LINE
        ):
            self.caption[1].append(text)

    def take_caption(self) -> tuple[str | None, str]:
        """The number and title of the caption before a table (none for an unnumbered one)."""
        caption, self.caption = self.caption, None
        if caption is None:
            return None, ""
        return caption[0], " ".join(" ".join(caption[1]).split())


def find_tables(blocks: Sequence[Block]) -> list[SourceTable]:
    """The tables of a document, in reading order."""
    tables: list[SourceTable] = []
    reading = _Reading()
    for block in blocks:
        if isinstance(block, Line):
            reading.line(block)
            continue
        kept = [(row, indent) for row, indent in _with_indents(block) if any(row)]
        if not kept:
            continue
        rows = [row for row, _ in kept]
        near = reading.lines_since <= PAGE_FURNITURE
        reading.lines_since = 0
        previous = tables[-1] if tables else None
        if reading.caption is None and near and previous is not None and _continues(previous, rows):
            tables[-1] = _extended(previous, rows, [i for _, i in kept], block.origin)
            continue
        headings_rows = _heading_rows(rows)
        if not headings_rows:
            continue  # a grid with no heading and nothing to continue: not a table of figures
        number, title = reading.take_caption()
        # A table's number starts with its chapter (Tabel 2.2 is in BAB II): a workbook or an
        # excerpt that prints no chapter heading still places its tables.
        chapter = int(number.split(".")[0]) if number and "." in number else reading.chapter
        body = [
            (row, indent)
            for row, indent in kept[len(headings_rows) :]
            if not _noise(row, headings_rows)
        ]
        tables.append(
            SourceTable(
                number=number,
                title=title,
                chapter=chapter,
                headings=_headings(headings_rows),
                rows=tuple(row for row, _ in body),
                origins=tuple(block.origin for _ in body),
                indents=tuple(indent for _, indent in body),
                origin=block.origin,
            )
        )
    return tables


def _with_indents(grid: Grid) -> list[tuple[tuple[str, ...], int]]:
    indents = list(grid.indents) or [0] * len(grid.rows)
    return list(zip(grid.rows, indents, strict=True))


def _heading_rows(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The rows at the top that name columns: no cell starts with a number, or a row that
    numbers the columns (``1 2 3 … 10``)."""
    found: list[tuple[str, ...]] = []
    for row in rows[: MAX_HEADING_ROWS + 1]:
        if _numbering(row) and found:
            found.append(row)
            continue
        if any(_STARTS_WITH_NUMBER.match(cell) for cell in row if cell):
            break
        if len(found) == MAX_HEADING_ROWS:
            break
        found.append(row)
    return found


def _numbering(row: tuple[str, ...]) -> bool:
    filled = [cell for cell in row if cell]
    return len(filled) >= 3 and filled == [str(n) for n in range(1, len(filled) + 1)]


def _headings(rows: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Each column's heading parts: a heading over empty cells spans them where the row
    below names them (``ALOKASI BIAYA`` over ``ANGGARAN | REALISASI | %``)."""
    named = [row for row in rows if not _numbering(row)]
    width = len(rows[0])
    parts: list[list[str]] = [[] for _ in range(width)]
    for level, row in enumerate(named):
        below = named[level + 1] if level + 1 < len(named) else None
        spanning = ""
        for column, text in enumerate(row):
            if text:
                spanning = (
                    text
                    if below is not None
                    and column + 1 < width
                    and not row[column + 1]
                    and below[column + 1]
                    else ""
                )
                parts[column].append(text)
            elif spanning and below is not None and below[column]:
                parts[column].append(spanning)
            else:
                spanning = ""
    return tuple(tuple(dict.fromkeys(p)) for p in parts)


def _continues(previous: SourceTable, rows: list[tuple[str, ...]]) -> bool:
    """Whether a grid with no caption of its own goes on with the table just before it: it
    is as wide (a page break splits a table, repeating its heading or not)."""
    return len(rows[0]) == len(previous.headings)


def _extended(
    table: SourceTable, rows: list[tuple[str, ...]], indents: list[int], origin: str
) -> SourceTable:
    """``table`` with the rows of its next part; the part's repeated heading left out (a
    heading repeated after a page break can be laid out differently: it is recognised by
    its words, not by its cells)."""
    heading = _heading_rows(rows)
    repeated = bool(heading) and _alike_headings(_headings(heading), table.headings)
    start = len(heading) if repeated else 0
    kept = [
        (row, indent)
        for row, indent in zip(rows[start:], indents[start:], strict=True)
        if not _noise(row, heading if repeated else [])
    ]
    return SourceTable(
        number=table.number,
        title=table.title,
        chapter=table.chapter,
        headings=table.headings,
        rows=table.rows + tuple(row for row, _ in kept),
        origins=table.origins + tuple(origin for _ in kept),
        indents=table.indents + tuple(indent for _, indent in kept),
        origin=table.origin,
    )


def _alike_headings(
    first: tuple[tuple[str, ...], ...], second: tuple[tuple[str, ...], ...]
) -> bool:
    def words(headings: tuple[tuple[str, ...], ...]) -> set[str]:
        return {w for parts in headings for part in parts for w in re.findall(r"\w+", part.lower())}

    one, two = words(first), words(second)
    return bool(one) and len(one & two) >= 0.6 * len(one | two)


def _noise(row: tuple[str, ...], heading: list[tuple[str, ...]]) -> bool:
    """A heading repeated after a page break, a numbering row or a rule of dashes."""
    return row in heading or _numbering(row) or all(_DASHES.match(cell) for cell in row)
