"""A built table: headings and rows of display strings, ready to render.

A cell that prints a figure may also say what it is a figure of (its
:class:`~sakip.model.figures.Subject`), so that a review can check it.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import field, frozen

from sakip.model._fields import as_tuple
from sakip.model.figures import Subject

Cell = tuple[int, int]
"""A cell's position: row index and column index, both from 0."""


def _rows(rows: object) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(row) for row in rows)  # type: ignore[attr-defined]


@frozen(kw_only=True)
class Table:
    """One report table. Cells are the displayed strings (numbers in Indonesian form).

    :ivar subjects: what the figure in a cell states, for the cells that print one.
    """

    id: str
    title: str
    columns: tuple[str, ...] = field(converter=as_tuple)
    rows: tuple[tuple[str, ...], ...] = field(converter=_rows)
    subjects: Mapping[Cell, Subject] = field(factory=dict)

    def __attrs_post_init__(self) -> None:
        for index, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"table {self.id}: row {index + 1} has {len(row)} cells for {len(self.columns)} columns"
                )
        for row_index, column_index in self.subjects:
            if not (0 <= row_index < len(self.rows) and 0 <= column_index < len(self.columns)):
                raise ValueError(
                    f"table {self.id}: no cell at row {row_index + 1}, column {column_index + 1}"
                )

    def column(self, heading: str) -> list[str]:
        """The cells under one heading, top to bottom."""
        index = self.columns.index(heading)
        return [row[index] for row in self.rows]
