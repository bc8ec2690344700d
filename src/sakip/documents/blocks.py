"""What a document reader gives: its text lines and its grids of cells, in reading order."""

from __future__ import annotations

from attrs import field, frozen

from sakip.model._fields import as_tuple


def _grid(rows: object) -> tuple[tuple[str, ...], ...]:
    rows = [[" ".join(str(cell).split()) if cell else "" for cell in row] for row in rows]  # type: ignore[attr-defined]
    width = max((len(row) for row in rows), default=0)
    return tuple(tuple(row) + ("",) * (width - len(row)) for row in rows)


@frozen
class Line:
    """A line (or paragraph) of text outside any table.

    :ivar origin: where it is in the file, as an auditor finds it: ``line 315``, ``page 4``.
    """

    text: str
    origin: str


@frozen
class Grid:
    """Cells as the file holds them, row by row, every row as wide as the widest; a cell's
    text with its whitespace collapsed. ``indents`` keeps how far each row's first text cell
    is indented, where the file shows it (a level of the program tree)."""

    rows: tuple[tuple[str, ...], ...] = field(converter=_grid)
    origin: str = ""
    indents: tuple[int, ...] = field(default=(), converter=as_tuple)


Block = Line | Grid
