"""What each row of a table is: an objective with its indicator, a program, an activity or a
sub-activity, an item of a breakdown, or a total (``JUMLAH``, ``TOTAL``, ``BELANJA
LANGSUNG`` above the programs); and the level of each node, from the evidence a report
gives — ``Program`` in its name, codes (``2.07.01.1.01``), the words ``Kegiatan`` and ``Sub
Kegiatan``, indentation, or the names other tables give their budget lines.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Sequence

from attrs import frozen

from sakip.documents.columns import Column, Kind
from sakip.documents.number_forms import read_cell


class Shape(enum.Enum):
    OBJECTIVES = "objectives"
    """Rows are objectives (sasaran) and their indicators."""
    NODES = "nodes"
    """Rows are programs, activities and sub-activities."""
    BREAKDOWN = "breakdown"
    """Rows split one figure into parts (an unnumbered table of destinations, say)."""


class Level(enum.IntEnum):
    PROGRAM = 0
    ACTIVITY = 1
    SUB_ACTIVITY = 2


@frozen
class Row:
    """One body row: its index in the table, what it is, and its labels by column kind."""

    index: int
    total: bool
    labels: dict[Kind, str]
    level: Level | None = None


TOTAL = re.compile(r"^\W*(jumlah|total|sub\s*total|grand\s*total)\b", re.IGNORECASE)
PROGRAM = re.compile(r"^\W*program\b", re.IGNORECASE)
_SUB_WORD = re.compile(r"^\W*sub\s*kegiatan\b\W*", re.IGNORECASE)
_ACTIVITY_WORD = re.compile(r"^\W*kegiatan\b\W*", re.IGNORECASE)
_CODE = re.compile(r"^\s*(\d+(?:\.\d+)+)\b")


TOTAL_WORDS = 4
"""A total's label is short: ``JUMLAH``, ``Jumlah Total``, ``TOTAL BELANJA LANGSUNG (BL)``."""


def is_total(cell: str) -> bool:
    """Whether a cell labels a total row (not an indicator such as ``Jumlah tenaga kesehatan
    yang dilatih``)."""
    return TOTAL.match(cell) is not None and len(cell.split()) <= TOTAL_WORDS


def shape_of(columns: Sequence[Column]) -> Shape | None:
    kinds = {column.kind for column in columns}
    if Kind.FIGURE not in kinds and Kind.LABEL not in kinds:
        return None
    if Kind.OBJECTIVE in kinds or Kind.INDICATOR in kinds:
        return Shape.OBJECTIVES
    if Kind.NODE in kinds:
        return Shape.NODES
    if Kind.ITEM in kinds and Kind.FIGURE in kinds:
        return Shape.BREAKDOWN
    return None


def read_rows(
    rows: Sequence[Sequence[str]],
    columns: Sequence[Column],
    shape: Shape,
    indents: Sequence[int],
    is_leaf: Callable[[str], bool],
) -> list[Row]:
    """The rows that state something, each with its labels; a row that only wraps the text
    of the row above (no label, no figure) is left out."""
    found: list[Row] = []
    for index, row in enumerate(rows):
        labels: dict[Kind, str] = {
            column.kind: cell.strip()
            for column, cell in zip(columns, row, strict=True)
            if column.kind in (Kind.OBJECTIVE, Kind.INDICATOR, Kind.NODE, Kind.ITEM)
            and cell.strip()
        }
        figures = any(
            cell.strip() and column.kind in (Kind.FIGURE, Kind.LABEL)
            for column, cell in zip(columns, row, strict=True)
        )
        total = any(
            is_total(cell)
            for column, cell in zip(columns, row, strict=True)
            if column.kind not in (Kind.FIGURE, Kind.INDICATOR, Kind.LABEL)
        )
        if not labels and not total:
            continue
        if not figures and not (shape is Shape.NODES and labels.get(Kind.NODE)):
            continue
        found.append(Row(index, total, labels))
    if shape is Shape.NODES:
        found = _levels(found, columns, rows, indents, is_leaf)
    return found


@frozen
class _Evidence:
    """What a table shows of the levels of the rows below its programs."""

    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    indents: Sequence[int]
    leaves: frozenset[int]
    """The rows whose names are budget lines elsewhere (sub-activities)."""
    distinct_indents: tuple[int, ...]
    budget_table: bool

    def level(self, row: Row) -> Level:
        """A row's level: the word or code it prints, else its indentation, else whether
        other tables print it as a budget line, else the table's kind (a budget table
        lists sub-activities, where budget lines are written)."""
        found = _word_level(row.labels[Kind.NODE]) or _code_level(row, self.columns, self.rows)
        if found is not None:
            return found
        if len(self.distinct_indents) >= 2:
            top = self.indents[row.index] == self.distinct_indents[0]
            return Level.ACTIVITY if top else Level.SUB_ACTIVITY
        if self.leaves:
            return Level.SUB_ACTIVITY if row.index in self.leaves else Level.ACTIVITY
        return Level.SUB_ACTIVITY if self.budget_table else Level.ACTIVITY


def _levels(
    found: list[Row],
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    indents: Sequence[int],
    is_leaf: Callable[[str], bool],
) -> list[Row]:
    """Each node row with its level. Rows above the first program that are no program are
    totals over the programs (``A BELANJA LANGSUNG``)."""
    nodes = [row for row in found if not row.total and Kind.NODE in row.labels]
    totals = _totals_above_programs(nodes, columns, rows)
    below = [r for r in nodes if r.index not in totals and not _is_program(r, columns, rows)]
    evidence = _Evidence(
        columns,
        rows,
        indents,
        frozenset(r.index for r in below if is_leaf(r.labels[Kind.NODE])),
        tuple(sorted({indents[r.index] for r in below})) if indents else (),
        any(c.measure is not None and c.measure.is_budget for c in columns),
    )
    levels = {row.index: evidence.level(row) for row in below}
    result: list[Row] = []
    for row in found:
        if row.index in totals:
            result.append(Row(row.index, True, row.labels))
        elif row.total or Kind.NODE not in row.labels:
            result.append(row)
        else:
            result.append(Row(row.index, False, row.labels, levels.get(row.index, Level.PROGRAM)))
    return result


def _is_program(row: Row, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> bool:
    return bool(PROGRAM.match(row.labels[Kind.NODE])) or (
        _code_level(row, columns, rows) is Level.PROGRAM
    )


def _totals_above_programs(
    nodes: list[Row], columns: Sequence[Column], rows: Sequence[Sequence[str]]
) -> set[int]:
    """The rows with figures above the first program: totals over the programs."""
    totals: set[int] = set()
    for row in nodes:
        if _is_program(row, columns, rows):
            break
        if _has_figures(rows[row.index], columns):
            totals.add(row.index)
    return totals


def _has_figures(row: Sequence[str], columns: Sequence[Column]) -> bool:
    return any(
        column.kind is Kind.FIGURE and read_cell(cell) is not None
        for column, cell in zip(columns, row, strict=True)
    )


def _word_level(label: str) -> Level | None:
    if _SUB_WORD.match(label):
        return Level.SUB_ACTIVITY
    if _ACTIVITY_WORD.match(label):
        return Level.ACTIVITY
    return None


def _code_level(row: Row, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> Level | None:
    """The level a code gives: Kemendagri's ``2.07.01`` (program), ``2.07.01.1.01``
    (activity), ``2.07.01.1.01.0001`` (sub-activity); or an outline's ``1``, ``1.1``, ``1.1.1``."""
    cells = [
        cell
        for column, cell in zip(columns, rows[row.index], strict=True)
        if column.kind in (Kind.NUMBER, Kind.NODE)
    ]
    for cell in cells:
        match = _CODE.match(cell)
        if match:
            depth = match[1].count(".") + 1
            if depth >= 5:
                return Level.SUB_ACTIVITY if depth >= 6 else Level.ACTIVITY
            if depth == 3:
                return (
                    Level.PROGRAM
                    if len(match[1].split(".")[0]) == 1 and len(match[1]) >= 6
                    else Level.SUB_ACTIVITY
                )
            return Level.ACTIVITY if depth == 2 else None
    return None


def strip_level_word(label: str) -> str:
    """A node's name without a leading ``Kegiatan:`` or ``Sub Kegiatan:``."""
    return _ACTIVITY_WORD.sub("", _SUB_WORD.sub("", label)).strip()


def merge_wrapped(
    rows: Sequence[Sequence[str]], columns: Sequence[Column], indents: Sequence[int]
) -> tuple[list[list[str]], list[int]]:
    """Rows with a row that only carries on the text of the row above (no label, no figure:
    a cell wrapped over a line or a page) joined to that row, as the report prints it."""
    merged: list[list[str]] = []
    kept: list[int] = []
    labelled = (Kind.OBJECTIVE, Kind.INDICATOR, Kind.NODE, Kind.ITEM, Kind.FIGURE, Kind.LABEL)
    for position, row in enumerate(rows):
        wraps = (
            merged
            and not any(
                cell.strip()
                for column, cell in zip(columns, row, strict=True)
                if column.kind in labelled
            )
            and not any(is_total(cell) for cell in row if cell)
        )
        if wraps:
            above = merged[-1]
            for index, cell in enumerate(row):
                if cell.strip():
                    above[index] = f"{above[index]} {cell.strip()}".strip()
            continue
        merged.append(list(row))
        kept.append(indents[position] if position < len(indents) else 0)
    return merged, kept
