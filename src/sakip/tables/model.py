"""A built table: headings and rows of display strings, ready to render."""

from __future__ import annotations

from attrs import field, frozen

from sakip.model._fields import as_tuple


def _rows(rows: object) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(row) for row in rows)  # type: ignore[attr-defined]


@frozen(kw_only=True)
class Table:
    """One report table. Cells are the displayed strings (numbers in Indonesian form)."""

    id: str
    title: str
    columns: tuple[str, ...] = field(converter=as_tuple)
    rows: tuple[tuple[str, ...], ...] = field(converter=_rows)

    def __attrs_post_init__(self) -> None:
        for index, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"table {self.id}: row {index + 1} has {len(row)} cells for {len(self.columns)} columns"
                )

    def column(self, heading: str) -> list[str]:
        """The cells under one heading, top to bottom."""
        index = self.columns.index(heading)
        return [row[index] for row in self.rows]
