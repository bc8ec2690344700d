"""What a report prints: its tables as text, and every figure in them with its place and
subject (what the figure states).

A :class:`Table` is what a table builder makes or a transcription reads; a
:class:`PrintedReport` is an agency's tables for a year; a :class:`Figure` is one number of
it, read back from the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from functools import cached_property, lru_cache

from attrs import field, frozen

from sakip.arithmetic import exponent_of
from sakip.errors import NumberError
from sakip.model._fields import as_tuple
from sakip.model.subjects import Measure, Subject
from sakip.numbers import parse_number

Cell = tuple[int, int]
"""A cell's position: row index and column index, both from 0."""


def _rows(rows: object) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(row) for row in rows)  # type: ignore[attr-defined]


@frozen(kw_only=True)
class Table:
    """One report table. Cells are the displayed strings (numbers in Indonesian form).

    :ivar subjects: what the figure in a cell states, for the cells that print one.
    :ivar row_kinds: what a row is, where it matters to a reader (``program``, ``activity``,
        ``sub-activity``, ``total``): renderers set such rows apart.
    """

    id: str
    title: str
    columns: tuple[str, ...] = field(converter=as_tuple)
    rows: tuple[tuple[str, ...], ...] = field(converter=_rows)
    subjects: Mapping[Cell, Subject] = field(factory=dict)
    row_kinds: Mapping[int, str] = field(factory=dict)
    unread: Mapping[Cell, Subject] = field(factory=dict)
    beside: Mapping[Cell, Subject] = field(factory=dict)
    """The cells that print a label after their figure (``71,25 % (Baik)``): the label's
    subject (a predicate beside an achievement), checked as a label of its own."""
    """The cells where a figure is printed in no number form (``1.750.00``, a digit short):
    what each would state. They are misprints to report, never read as another number."""

    def __attrs_post_init__(self) -> None:
        for index, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"table {self.id}: row {index + 1} has {len(row)} cells for {len(self.columns)} columns"
                )
        for row_index, column_index in (*self.subjects, *self.unread, *self.beside):
            if not (0 <= row_index < len(self.rows) and 0 <= column_index < len(self.columns)):
                raise ValueError(
                    f"table {self.id}: no cell at row {row_index + 1}, column {column_index + 1}"
                )

    def unread_figures(self) -> list[Unread]:
        """The figures printed in no number form, top to bottom, left to right."""
        figure_columns = {column for _, column in self.subjects}
        return [
            Unread(
                Place(
                    self.id,
                    row + 1,
                    self.columns[column],
                    row_label(self.rows[row], figure_columns | {column}),
                ),
                self.rows[row][column],
                subject,
            )
            for (row, column), subject in sorted(self.unread.items())
        ]

    @cached_property
    def _printed(self) -> tuple[Figure | Label, ...]:
        # Each cell is read once however many times a review asks for figures and labels.
        return tuple(_printed(self))

    def figures(self) -> list[Figure]:
        """Every number the table prints, top to bottom, left to right."""
        return figures_of(self)

    def labels(self) -> list[Label]:
        """Every label the table prints: predicates, categories, grades."""
        return labels_of(self)

    def numbers(self) -> dict[Cell, Decimal]:
        """The number each figure cell prints, by cell (labels left out): what renderers
        align right and spreadsheets store as numbers."""
        return {
            (figure.place.row - 1, column): figure.value
            for (row, column), figure in zip(
                sorted(
                    c for c, s in self.subjects.items() if not is_label(s, self.rows[c[0]][c[1]])
                ),
                figures_of(self),
                strict=True,
            )
        }

    def column(self, heading: str) -> list[str]:
        """The cells under one heading, top to bottom."""
        index = self.columns.index(heading)
        return [row[index] for row in self.rows]


_LEADING_NUMBER = re.compile(r"\s*(?:[Rr][Pp]\.?\s*)?(-?[0-9][0-9.,]*)")
"""A cell's leading number, after the currency a budget cell may print (``Rp.2.145.870``)."""


# A transcription reads each cell once to validate it and the review reads it again; a
# report prints the same few thousand texts again and again: each is read once.
@lru_cache(maxsize=1 << 16)
def figure_value(text: str) -> Decimal:
    """The number a cell prints, read from its start: ``94,41 %`` → 94.41,
    ``38 Orang 27 (Deportasi)`` → 38, ``4.753.553.212`` → 4753553212,
    ``Rp.2.145.870.000`` → 2145870000.

    :raises NumberError: when the cell does not start with a number in Indonesian form.
    """
    match = _LEADING_NUMBER.match(text)
    if match is None:
        raise NumberError(f"expected a cell that starts with a number such as 94,41, got {text!r}")
    return parse_number(match[1])


@frozen(cache_hash=True)
class Place:
    """Where a figure is printed: table number, row (from 1), column heading, row label.

    A figure printed in the text, not in a table, has its passage's origin (``paragraph
    12``, ``page 4``) for table, row 0, no column, and its sentence for label: see
    :func:`text_place`.
    """

    table: str
    row: int
    column: str
    label: str = ""

    @property
    def in_text(self) -> bool:
        """Whether the figure is printed in the report's text rather than in a table."""
        return self.row == 0


def text_place(origin: str, sentence: str) -> Place:
    """The place of a figure printed in a sentence of the text at ``origin``."""
    return Place(origin, 0, "", sentence)


@frozen
class Passage:
    """A paragraph of the report's text outside its tables, as printed.

    :ivar origin: where it starts in the file, as an auditor finds it: ``paragraph 12``,
        ``page 4``, ``line 315``.
    """

    text: str
    origin: str


@frozen
class Figure:
    """One printed figure: where, the text as printed, the number read from it, its subject."""

    place: Place
    text: str
    value: Decimal
    subject: Subject

    @property
    def decimals(self) -> int:
        """How many decimals are printed: 2 for ``94,41 %``, 0 for ``90.802.691``."""
        return max(0, -exponent_of(self.value))  # a figure's value is always finite

    def shows(self, value: Decimal | None) -> bool:
        """Whether the figure is ``value`` as printed with its decimals: ``53.730.698``
        shows 53.730.697,5, ``100`` shows 100,00; ``113,97`` does not show 113,9756."""
        if value is None:
            return False
        half_unit = Decimal(5).scaleb(-self.decimals - 1)
        return abs(self.value - value) <= half_unit


@frozen
class Unread:
    """A figure printed in no number form (``1.750.00``): where, the text as printed, and
    what it would state."""

    place: Place
    text: str
    subject: Subject


@frozen
class Label:
    """One printed label: a predicate (``Sangat Tinggi``), an efficiency category, or the
    grade of a qualitative indicator (``WTP``); where, the text as printed, its subject."""

    place: Place
    text: str
    subject: Subject


_GRADE_TEXT = re.compile(r"[^\W\d_][\w ()./+-]*")
"""A grade as printed: a word first (``WTP``, ``BB``, ``Sangat Baik``)."""


def is_label(subject: Subject, text: str) -> bool:
    """Whether a cell printed for ``subject`` is a label: a label measure, or a target or
    actual value printed as a grade (a word, not a number)."""
    if subject.measure.is_label:
        return True
    return (
        subject.measure in (Measure.TARGET, Measure.ACTUAL)
        and _LEADING_NUMBER.match(text) is None
        and _GRADE_TEXT.fullmatch(text.strip()) is not None
    )


def row_label(row: tuple[str, ...], figure_columns: set[int]) -> str:
    """The text that names a row: its first cell with a word in it that is not a figure."""
    for index, cell in enumerate(row):
        if index not in figure_columns and re.search(r"[^\W\d_]{2,}", cell):
            return cell.strip()
    return ""


def _printed(table: Table) -> list[Figure | Label]:
    figure_columns = {column for _, column in table.subjects}
    printed: list[Figure | Label] = []
    for (row, column), subject in sorted(table.subjects.items()):
        text = table.rows[row][column]
        place = Place(
            table.id, row + 1, table.columns[column], row_label(table.rows[row], figure_columns)
        )
        if is_label(subject, text):
            printed.append(Label(place, text.strip(), subject))
        else:
            printed.append(Figure(place, text, figure_value(text), subject))
        beside = table.beside.get((row, column))
        label = label_beside(text) if beside is not None else None
        if beside is not None and label is not None:
            printed.append(Label(place, label, beside))
    return printed


_LABEL_BESIDE = re.compile(
    r"^\s*(?:[Rr][Pp]\.?\s*)?-?[0-9][0-9.,]*\s*(?:%|persen)?\s*[(\[]?\s*"
    r"(?P<label>[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)*)\s*[)\]]?\s*$"
)


def label_beside(text: str) -> str | None:
    """The words a cell prints after its figure and unit, as printed: ``Baik`` in ``71,25 %
    (Baik)``, ``Sangat Tinggi`` in ``98% Sangat Tinggi``; ``None`` when there are none."""
    match = _LABEL_BESIDE.match(text)
    return " ".join(match["label"].split()) if match else None


def figures_of(table: Table) -> list[Figure]:
    """Every number a table prints, top to bottom, left to right."""
    return [item for item in table._printed if isinstance(item, Figure)]


def labels_of(table: Table) -> list[Label]:
    """Every label a table prints (predicates, categories, grades), top to bottom."""
    return [item for item in table._printed if isinstance(item, Label)]


NUMBER_FORM = "number-form"
"""The kind of assumption made about a number that reads two ways (``9.900``)."""


@frozen(kw_only=True)
class Assumption:
    """What reading a report from its file assumed about some of its cells, for the review
    to name in every finding on those cells.

    :ivar message: an English message id with ``{name}`` placeholders, translated when the
        review is written.
    :ivar sure: ``False`` when another reading is about as likely: an error found on these
        cells is then reported as a warning.
    :ivar kind: ``number-form`` for a number that reads two ways (reported on its own),
        ``match`` for what a cell was taken to state.
    """

    places: tuple[Place, ...] = field(converter=as_tuple)
    message: str
    params: Mapping[str, str] = field(factory=dict)
    sure: bool = True
    kind: str = "match"


@frozen(kw_only=True)
class PrintedReport:
    """What an agency published for a year: its tables, with what each figure states.

    :ivar source: where the transcription comes from (a file), named in errors.
    :ivar assumptions: what reading the report from its file assumed (none for a
        transcription, whose subjects are declared).
    :ivar passages: the report's text outside its tables, where it states figures or
        writes out how one is computed (``55 / 58 × 100% = 94,83%``); none for a
        transcription of tables.
    """

    agency: str
    year: int
    tables: tuple[Table, ...] = field(converter=as_tuple)
    source: str = ""
    assumptions: tuple[Assumption, ...] = field(default=(), converter=as_tuple)
    passages: tuple[Passage, ...] = field(default=(), converter=as_tuple)

    @cached_property
    def figures(self) -> tuple[Figure, ...]:
        """Every number printed, table by table."""
        return tuple(figure for table in self.tables for figure in figures_of(table))

    @cached_property
    def unread(self) -> tuple[Unread, ...]:
        """Every figure printed in no number form, table by table."""
        return tuple(unread for table in self.tables for unread in table.unread_figures())

    @cached_property
    def labels(self) -> tuple[Label, ...]:
        """Every label printed (predicates, categories, grades), table by table."""
        return tuple(label for table in self.tables for label in labels_of(table))

    def table_order(self) -> dict[str, int]:
        return {table.id: index for index, table in enumerate(self.tables)}
