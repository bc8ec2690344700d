"""Read a report transcribed as printed: its tables cell by cell, with what each figure states.

A transcription is a YAML file (see ``docs/review.md``)::

    agency: sampang-disnaker
    year: 2023
    tables:
      - id: "3.6"
        title: Pencapaian Kinerja Dan Anggaran
        stage: revised                  # of the budget figures, unless a column says
        columns:
          - NO
          - {heading: TARGET, measure: target, of: indicator}
          - {heading: ANGGARAN, measure: allocation, of: budget}
        rows:
          - of: {indicator: IKU-1, budget: S1}
            cells: ["1", "77,85%", "90.802.691"]

A column with a ``measure`` holds figures; ``of`` names the role of the row key it is a
figure of (``entity`` by default, so a row with one key writes ``of: IKU-1``); ``year`` and
``stage`` default to the report's year and the table's stage; a column's ``year`` may be a
quarter (``2023-TW1``). Cells are the printed text,
verbatim; an empty cell, ``-`` or ``n/a`` prints no figure. A predicate or a grade (``WTP``)
is a label, kept as printed. ``text``, if given, lists the paragraphs of the report's text
that state figures (a formula written out), each as printed; the review names them
``paragraph 1``, ``paragraph 2`` …. Every error names the file, the line and
the path to the value.
"""

from __future__ import annotations

from importlib.resources.abc import Traversable
from pathlib import Path

import yaml
from attrs import frozen

from sakip.errors import CollectedDataError, DataError, NumberError
from sakip.gc_pause import paused_gc
from sakip.model.budget import BudgetStage
from sakip.model.periods import Period
from sakip.model.printed import Cell, Passage, PrintedReport, Table, figure_value, is_label
from sakip.model.subjects import Measure, Subject
from sakip.numbers import NO_VALUE
from sakip.readers.yaml_cursor import Cursor, building, required

REPORT_FIELDS = {"agency", "year", "tables", "text"}
TABLE_FIELDS = {"id", "title", "stage", "columns", "rows"}
COLUMN_FIELDS = {"heading", "measure", "of", "year", "stage"}
ROW_FIELDS = {"of", "cells"}
DEFAULT_ROLE = "entity"


@frozen
class _Column:
    heading: str
    period: Period
    measure: Measure | None = None
    role: str = DEFAULT_ROLE
    stage: BudgetStage | None = None


@paused_gc()
def load_printed_report(path: Path | Traversable) -> PrintedReport:
    """Read and validate a transcription.

    :raises DataError: naming the file, line and field of the first bad value.
    """
    return read_printed_report(Cursor.read(path))


def read_printed_report(root: Cursor, *, agency: str | None = None) -> PrintedReport:
    """A transcription from a YAML mapping (a whole file, or a test case's ``report``);
    ``agency`` may stand in for a missing ``agency`` field."""
    fields = root.mapping(REPORT_FIELDS)
    year = _year(required(fields, "year", root))
    problems: list[DataError] = []
    read: list[tuple[Cursor, Table]] = []
    for cursor in required(fields, "tables", root).items():
        try:
            read.append((cursor, _table(cursor, year, problems)))
        except DataError as exc:  # the table's own fields: its rows are not read
            problems.append(exc)
    ids = [table.id for _, table in read]
    for cursor, table in read:
        if ids.count(table.id) > 1:
            problems.append(cursor.error(f"table {table.id!r} is transcribed twice"))
    if len(problems) == 1:
        raise problems[0]
    if problems:
        # Every problem of the file at once, each with its line.
        raise CollectedDataError(problems)
    tables = tuple(table for _, table in read)
    if "agency" in fields or agency is None:
        agency = required(fields, "agency", root).text()
    passages = [
        Passage(cursor.text(), f"paragraph {number}")
        for number, cursor in enumerate(fields["text"].items() if "text" in fields else (), 1)
    ]
    return PrintedReport(
        agency=agency, year=year, tables=tables, source=root.source, passages=passages
    )


def _column_period(cursor: Cursor) -> Period:
    """A column's period: a year (``2022``) or a quarter (``2023-TW1``)."""
    with building(cursor):
        return Period.parse(cursor.text())


def _year(cursor: Cursor) -> int:
    text = cursor.text()
    if not text.isdigit():
        raise cursor.error(f"expected a year such as 2023, got {text!r}")
    return int(text)


def _stage(cursor: Cursor) -> BudgetStage:
    text = cursor.text()
    try:
        return BudgetStage(text)
    except ValueError:
        stages = ", ".join(stage.value for stage in BudgetStage)
        raise cursor.error(f"unknown budget stage {text!r}; expected one of: {stages}") from None


def _table(cursor: Cursor, year: int, problems: list[DataError]) -> Table:
    fields = cursor.mapping(TABLE_FIELDS)
    table_id = required(fields, "id", cursor).text()
    stage = _stage(fields["stage"]) if "stage" in fields else None
    columns = [_column(c, year, stage) for c in required(fields, "columns", cursor).items()]
    rows: list[list[str]] = []
    subjects: dict[Cell, Subject] = {}
    for index, row_cursor in enumerate(required(fields, "rows", cursor).items()):
        try:
            rows.append(_row(row_cursor, index, columns, subjects))
        except DataError as exc:  # the row is kept as printed, with no figure of it read
            problems.append(exc)
            rows.append([""] * len(columns))
    with building(cursor):
        return Table(
            id=table_id,
            title=required(fields, "title", cursor).text(),
            columns=[column.heading for column in columns],
            rows=rows,
            subjects=subjects,
        )


def _column(cursor: Cursor, year: int, table_stage: BudgetStage | None) -> _Column:
    if isinstance(cursor.node, yaml.ScalarNode):
        return _Column(_cell(cursor), Period(year))
    if not isinstance(cursor.node, yaml.MappingNode):
        raise cursor.error(
            "expected a column heading, or a mapping such as {heading: TARGET, measure: target}"
        )
    fields = cursor.mapping(COLUMN_FIELDS)
    heading = required(fields, "heading", cursor).text()
    period = _column_period(fields["year"]) if "year" in fields else Period(year)
    if "measure" not in fields:
        return _Column(heading, period)
    measure_cursor = fields["measure"]
    try:
        measure = Measure(measure_cursor.text())
    except ValueError:
        known = ", ".join(m.value for m in Measure)
        raise measure_cursor.error(
            f"unknown measure {measure_cursor.text()!r}; expected one of: {known}"
        ) from None
    stage = _stage(fields["stage"]) if "stage" in fields else table_stage
    if measure.is_budget and stage is None:
        raise cursor.error(
            f"the budget column {heading!r} needs a stage (initial or revised), on the column "
            f"or on its table"
        )
    return _Column(
        heading=heading,
        measure=measure,
        role=fields["of"].text() if "of" in fields else DEFAULT_ROLE,
        period=period,
        stage=stage if measure.is_budget else None,
    )


def _row(
    cursor: Cursor, index: int, columns: list[_Column], subjects: dict[Cell, Subject]
) -> list[str]:
    fields = cursor.mapping(ROW_FIELDS)
    cells_cursor = required(fields, "cells", cursor)
    cells = list(cells_cursor.items())
    if len(cells) != len(columns):
        raise cells_cursor.error(f"expected {len(columns)} cells, one per column, got {len(cells)}")
    keys = _keys(fields["of"]) if "of" in fields else {}
    texts = []
    for number, (column, cell) in enumerate(zip(columns, cells, strict=True)):
        text = _cell(cell)
        texts.append(text)
        if column.measure is None or text in NO_VALUE:
            continue
        if column.role not in keys:
            named = f"names only {', '.join(keys)}" if keys else "is missing"
            raise cell.error(
                f"the column {column.heading!r} prints a figure of the row's {column.role!r}, "
                f"but the row's 'of' {named}"
            )
        subject = Subject(keys[column.role], column.measure, column.period, column.stage)
        if not is_label(subject, text):
            try:
                figure_value(text)
            except NumberError as exc:
                raise cell.error(str(exc)) from None
        subjects[(index, number)] = subject
    return texts


def _keys(cursor: Cursor) -> dict[str, str]:
    if isinstance(cursor.node, yaml.ScalarNode):
        return {DEFAULT_ROLE: cursor.text()}
    return {role: key.text() for role, key in cursor.mapping().items()}


def _cell(cursor: Cursor) -> str:
    """A cell's text as printed (may be empty)."""
    if not isinstance(cursor.node, yaml.ScalarNode):
        raise cursor.error("expected the text of one cell")
    return str(cursor.node.value).strip()
