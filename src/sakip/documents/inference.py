"""From a document's tables to what a review needs: the printed report, each figure with the
subject it was inferred to state, and the agency data that the report itself gives.

The data holds, for each quantity, the value its printings agree on, or the value most of
them print; so a check that compares a figure with "the data" compares it with the rest of
the report. Budget figures of BAB II are taken as the initial budget (APBD murni) and those
of later chapters as the revised one, unless a heading says which.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from attrs import define, field, frozen

from sakip.arithmetic import library_context
from sakip.documents.assemble import SourceTable
from sakip.documents.columns import Column, Kind, infer_columns
from sakip.documents.data import build_data
from sakip.documents.entities import BreakdownEntry, Entities, Pending, Seen
from sakip.documents.indicator_rules import IndicatorRules
from sakip.documents.labels import SURE, best_match
from sakip.documents.links import link_funding, link_indicators
from sakip.documents.number_forms import (
    ColumnNumbers,
    Form,
    fits_no_form,
    forms_shown,
    read_column,
)
from sakip.documents.rows import (
    PROGRAM,
    Level,
    Row,
    Shape,
    merge_wrapped,
    read_rows,
    shape_of,
)
from sakip.documents.scale_choice import choose_scale, known_labels, without_predicates
from sakip.errors import NumberError, ValidationError
from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetStage
from sakip.model.plan import Agency
from sakip.model.policy import AchievementPolicy, ZeroPolicy
from sakip.model.printed import (
    NUMBER_FORM,
    Assumption,
    Cell,
    Place,
    PrintedReport,
    Table,
    figure_value,
    figures_of,
    label_beside,
    row_label,
)
from sakip.model.subjects import ALL_OBJECTIVES, ALL_PROGRAMS, Measure, Subject
from sakip.numbers import format_number
from sakip.reviewing.messages import say
from sakip.rounding import RoundingPolicy
from sakip.rules.formulas import Formula
from sakip.rules.scales import Scale

NO_FIGURE = {"", "-", "—", "–", "n/a", "N/A", "na"}
_BASE = {
    Measure.TARGET,
    Measure.ACTUAL,
    Measure.ALLOCATION,
    Measure.SPENDING,
    Measure.BASELINE,
    Measure.END_TARGET,
    Measure.STANDARD,
}
_YEAR = re.compile(r"(?<!/)\b(20\d\d)\b")
"""A year a title names; not one after a slash, which cites a regulation (Permendagri 86/2017)."""
_AMOUNTS = {Measure.ALLOCATION, Measure.SPENDING, Measure.ABSORPTION}
DEFAULT_SCALE = "permendagri-86-2017"
"""The scale of a report whose predicates no registered scale names all of."""
FIRST_REVISED_CHAPTER = 3
"""BAB III reports the year's results against the revised budget (APBD perubahan)."""


@frozen
class Inference:
    """A report read from its file: its tables with subjects, and the data it gives."""

    report: PrintedReport
    data: AgencyData


class _TableReader:
    """Reads each table's rows into subjects, matching what they name in ``entities``."""

    def __init__(self, entities: Entities, predicates: frozenset[str] = frozenset()) -> None:
        self.entities = entities
        self.predicates = predicates
        """The labels of the registered scales: a word printed after an achievement that is
        one of them is a predicate beside it."""
        self.year = entities.year
        self.tables = entities.tables

    # --- tables -----------------------------------------------------------------------------

    def read_table(
        self,
        source: SourceTable,
        table_id: str,
        columns: list[Column],
        shape: Shape,
        numbers: dict[int, ColumnNumbers],
        is_leaf: Callable[[str], bool],
    ) -> None:
        texts = [list(cells) for cells in source.rows]
        for index, read in numbers.items():
            for line, text in zip(texts, read.texts, strict=True):
                line[index] = text
        texts, indents = merge_wrapped(texts, columns, source.indents)
        table = _TableBeingRead(table_id, source.chapter, columns, texts)
        if shape is Shape.BREAKDOWN:
            table.breakdown = self._breakdown(source, table_id, columns)
        for row in read_rows(texts, columns, shape, indents, is_leaf):
            if row.total:
                self._total(table, row, shape)
            elif shape is Shape.OBJECTIVES and self._is_node_row(row, table.program):
                # A table of objectives that goes on with programs and activities (the Renja
                # evaluation form): a program row, and the rows below it until the next
                # objective.
                label = row.labels[Kind.OBJECTIVE]
                level = (
                    Level.PROGRAM
                    if PROGRAM.match(label)
                    else (Level.SUB_ACTIVITY if is_leaf(label) else Level.ACTIVITY)
                )
                self._node(table, row, label, level)
            elif shape is Shape.OBJECTIVES:
                self._objective(table, row)
            elif shape is Shape.NODES:
                if Kind.NODE not in row.labels:
                    continue  # figures beside no program or activity: nothing they state
                level = row.level if row.level is not None else Level.PROGRAM
                self._node(table, row, row.labels[Kind.NODE], level)
            elif table.breakdown is not None:
                label = row.labels[Kind.ITEM]
                table.breakdown.items.setdefault(label, "")
                item = f"{table.breakdown.key}/{label}"
                self._figures(table, row.index, item, item, counts=True)
        self.tables.append(
            Table(
                id=table_id,
                title=source.title or table_id,
                columns=[c.heading or f"({i + 1})" for i, c in enumerate(columns)],
                rows=texts,
                subjects=table.subjects,
                row_kinds=table.kinds,
                unread=table.unread,
                beside=table.beside,
            )
        )

    def _total(self, table: _TableBeingRead, row: Row, shape: Shape) -> None:
        table.kinds[row.index] = "total"
        if table.breakdown is not None:
            key = table.breakdown.key
            self._figures(table, row.index, key, key, counts=True)
        else:
            total = ALL_OBJECTIVES if shape is Shape.OBJECTIVES else ALL_PROGRAMS
            self._figures(table, row.index, None, total)

    def _objective(self, table: _TableBeingRead, row: Row) -> None:
        """An objective's row: its indicator's figures, and its own budget figures. An
        objective may take one row per indicator: it is matched again in a table, its
        indicators once each; a row with no objective of its own is under the one above (a
        cell merged down)."""
        table.program = table.activity = None
        places = table.places(row.index)
        named = row.labels.get(Kind.OBJECTIVE)
        if named:
            table.objective = self.entities.objective(named, set(), table.id, places)
        elif Kind.INDICATOR not in row.labels:
            table.objective = None
        indicator = row.labels.get(Kind.INDICATOR)
        code = self.entities.indicator(indicator, table.objective, table.used, table.id, places)
        table.used.add(code)
        self._figures(table, row.index, code, table.objective or code)

    def _node(self, table: _TableBeingRead, row: Row, label: str, level: Level) -> None:
        """A program's, activity's or sub-activity's row, below the program and activity
        above it."""
        places = table.places(row.index)
        key = self.entities.node(
            label, level, table.program, table.activity, table.used, table.id, places
        )
        table.used.add(key)
        if level is Level.PROGRAM:
            table.program, table.activity = key, None
        elif level is Level.ACTIVITY:
            table.activity, table.program = key, self.entities.program_of(key)
        table.kinds[row.index] = ("program", "activity", "sub-activity")[level]
        self._figures(table, row.index, key, key)

    def _is_node_row(self, row: Row, program: str | None) -> bool:
        """Whether a row of a table of objectives is a program, or a node below one."""
        label = row.labels.get(Kind.OBJECTIVE, "")
        if PROGRAM.match(label):
            return True
        if program is None or not label:
            return False
        found = best_match(label, [(k, o.name) for k, o in self.entities.objectives.items()])
        return found is None or found[1] < SURE

    def _breakdown(
        self, source: SourceTable, table_id: str, columns: list[Column]
    ) -> BreakdownEntry:
        key = f"rincian-{len(self.entities.breakdowns) + 1}"
        label = next(c.heading for c in columns if c.kind is Kind.ITEM)
        value = next(c.heading for c in columns if c.kind is Kind.FIGURE)
        found = BreakdownEntry(key, source.title or f"Tabel {table_id}", label, value)
        self.entities.breakdowns[key] = found
        return found

    def _figures(
        self,
        table: _TableBeingRead,
        row: int,
        indicator_entity: str | None,
        budget_entity: str,
        *,
        counts: bool = False,
    ) -> None:
        """The subjects of a row's figure cells: an indicator's measures are of
        ``indicator_entity`` (none in a total over objectives or programs), budget measures
        of ``budget_entity``; a breakdown's rows hold counts only."""
        for index, column in enumerate(table.columns):
            unit = table.texts[row][index].strip()
            if column.kind is Kind.UNIT and indicator_entity and unit not in NO_FIGURE:
                self.entities.unit(indicator_entity, f"0 {unit}")
        for index in table.figure_cells(row):
            column = table.columns[index]
            measure = column.measure
            if measure is None or (counts and measure is not Measure.ACTUAL):
                continue
            text = table.texts[row][index].strip()
            value = _leading(text)
            if measure in _AMOUNTS:
                entity, stage = budget_entity, _stage(column, table.chapter)
            elif measure.is_budget:  # efficiency: an indicator's achievement against a budget
                if indicator_entity is None:
                    continue
                entity, stage = indicator_entity, _stage(column, table.chapter)
            elif indicator_entity is not None:
                entity, stage = indicator_entity, None
            else:
                continue
            subject = Subject(entity, measure, column.period(self.year), stage)
            if measure is Measure.ACHIEVEMENT and value is not None:
                beside = label_beside(text)
                if beside is not None and " ".join(beside.casefold().split()) in self.predicates:
                    table.beside[(row, index)] = subject.having(Measure.PREDICATE)
            if value is None and not measure.is_label:
                if fits_no_form(text):
                    table.unread[(row, index)] = subject  # a misprint, reported as one
                continue  # a word where a number belongs: nothing to check
            table.subjects[(row, index)] = subject
            if measure in _BASE and value is not None:
                self.entities.seen[subject].append(
                    Seen(value, table.id, (row, index), table.chapter)
                )
                if measure in (Measure.TARGET, Measure.ACTUAL):
                    self.entities.unit(entity, text)


@define
class _TableBeingRead:
    id: str
    chapter: int
    columns: list[Column]
    texts: list[list[str]]
    subjects: dict[Cell, Subject] = field(factory=dict)
    unread: dict[Cell, Subject] = field(factory=dict)
    beside: dict[Cell, Subject] = field(factory=dict)
    kinds: dict[int, str] = field(factory=dict)
    used: set[str] = field(factory=set)
    """The entities matched in this table already: one row each."""
    program: str | None = None
    activity: str | None = None
    objective: str | None = None
    """The program, activity and objective the row being read is under."""
    breakdown: BreakdownEntry | None = None

    def places(self, row: int) -> list[Cell]:
        """The cells of a row that print figures."""
        return [(row, column) for column in self.figure_cells(row)]

    def figure_cells(self, row: int) -> list[int]:
        return [
            index
            for index, (column, cell) in enumerate(zip(self.columns, self.texts[row], strict=True))
            if column.kind in (Kind.FIGURE, Kind.LABEL) and cell.strip() not in NO_FIGURE
        ]


def _leading(text: str) -> Decimal | None:
    try:
        return figure_value(text)
    except NumberError:  # a cell that is no number in Indonesian form
        return None


def _stage(column: Column, chapter: int) -> BudgetStage:
    if column.stage_word is not None:
        return BudgetStage(column.stage_word)
    if 0 < chapter < FIRST_REVISED_CHAPTER:
        return BudgetStage.INITIAL
    return BudgetStage.REVISED


# --- the whole document -----------------------------------------------------------------------


@library_context()
def infer_report(
    tables: Sequence[SourceTable],
    *,
    source: str,
    agency_id: str,
    agency_name: str,
    year: int | None = None,
    rounding: RoundingPolicy | None = None,
    scale: str | None = None,
    formulas: Sequence[Formula] = (),
    scales: Sequence[Scale] = (),
) -> Inference:
    """Read a document's tables into a printed report and the data it gives.

    :param formulas: the achievement formulas an indicator may follow; each indicator gets
        the one that gives the achievements printed beside its targets and actual values.
    :param scale: the code of the agency's predicate scale; by default the one of
        ``scales`` whose labels the report prints; when it prints predicates none of them
        names all of, they are not checked (Permendagri 86/2017 is the agency's scale).
    :param scales: the predicate scales known: their labels printed after an achievement
        (``71,25 % (Baik)``) are predicates.

    :raises ValidationError: when the document has no table of figures, or its year cannot
        be told (then give ``year``).
    """
    prepared = _prepare(tables)
    if not prepared:
        raise ValidationError(
            f"{source}: found no table of figures (targets, realisations, budgets); is it an "
            f"LKjIP, and are its tables tables (not pictures)?"
        )
    year = year or _year_of(tables, source)
    leaves = _leaves(prepared)
    entities = Entities(year)
    reader = _TableReader(entities, known_labels(scales))
    last_number = ""
    unnumbered = 0
    for source_table, columns, shape, numbers in prepared:
        if source_table.number:
            table_id = source_table.number
            last_number = table_id
        else:
            unnumbered += 1
            table_id = f"setelah {last_number}" if last_number else f"tanpa nomor {unnumbered}"
            table_id = _unique(table_id, [t.id for t in reader.tables])
        if table_id in [t.id for t in reader.tables]:
            table_id = _unique(table_id, [t.id for t in reader.tables])
        reader.read_table(source_table, table_id, columns, shape, numbers, leaves)
        _number_forms(entities, table_id, columns, numbers, source_table)
    if scale is None:
        scale = choose_scale(reader.tables, scales, DEFAULT_SCALE)
        if scale is None:
            # Predicates on a scale no registered one names: not checked on a scale guessed.
            reader.tables[:] = [without_predicates(table) for table in reader.tables]
            scale = DEFAULT_SCALE
    places = _default_places(reader.tables)
    policy = AchievementPolicy(
        rounding=rounding or RoundingPolicy(places=places), zero=ZeroPolicy.NOT_APPLICABLE
    )
    links = link_funding(entities)
    link_indicators(entities, links)
    rules = IndicatorRules.from_report(entities.tables, entities.quantity_entity, formulas, policy)
    agency = Agency(id=agency_id, name=agency_name, policy=policy, scale=scale)
    data = build_data(entities, agency, links, rules)
    report = PrintedReport(
        agency=agency_id,
        year=year,
        tables=reader.tables,
        source=source,
        assumptions=_assumptions(entities),
    )
    return Inference(report, data)


def _prepare(
    tables: Sequence[SourceTable],
) -> list[tuple[SourceTable, list[Column], Shape, dict[int, ColumnNumbers]]]:
    found = []
    figure_cells: list[str] = []
    for table in tables:
        columns = infer_columns(table.headings, table.rows)
        shape = shape_of(columns)
        if shape is None:
            continue
        found.append((table, columns, shape))
        for index, column in enumerate(columns):
            if column.kind is Kind.FIGURE:
                figure_cells.extend(row[index] for row in table.rows)
    document_forms = forms_shown(figure_cells)
    return [
        (
            table,
            columns,
            shape,
            {
                index: read_column(
                    [row[index] for row in table.rows], document_forms=document_forms
                )
                for index, column in enumerate(columns)
                if column.kind is Kind.FIGURE
            },
        )
        for table, columns, shape in found
    ]


def _year_of(tables: Sequence[SourceTable], source: str) -> int:
    """The report's year: the year its table titles name most, else its headings."""
    for texts in (
        [t.title for t in tables],
        [" ".join(" ".join(h) for h in t.headings) for t in tables],
    ):
        years = Counter(int(y) for text in texts for y in _YEAR.findall(text))
        if years:
            return years.most_common(1)[0][0]
    raise ValidationError(
        f"{source}: no table title or heading names the report's year; give --year"
    )


def _leaves(
    prepared: Sequence[tuple[SourceTable, list[Column], Shape, dict[int, ColumnNumbers]]],
) -> Callable[[str], bool]:
    """Whether a label names a budget line (a sub-activity): the rows below the programs of
    a budget table that shows no level between them."""
    labels: list[tuple[str, str]] = []
    for table, columns, shape, _ in prepared:
        if shape is not Shape.NODES:
            continue
        if not any(c.measure is not None and c.measure.is_budget for c in columns):
            continue
        rows = read_rows(table.rows, columns, shape, table.indents, lambda _: False)
        below = [r for r in rows if r.level is not None and r.level is not Level.PROGRAM]
        if below and all(r.level is Level.SUB_ACTIVITY for r in below):
            labels.extend((r.labels[Kind.NODE], r.labels[Kind.NODE]) for r in below)

    def is_leaf(label: str) -> bool:
        found = best_match(label, labels)
        return found is not None and found[1] >= SURE

    return is_leaf


def _unique(table_id: str, taken: list[str]) -> str:
    if table_id not in taken:
        return table_id
    number = 2
    while f"{table_id} ({number})" in taken:
        number += 1
    return f"{table_id} ({number})"


def _number_forms(
    entities: Entities,
    table_id: str,
    columns: list[Column],
    numbers: dict[int, ColumnNumbers],
    source: SourceTable,
) -> None:
    for index, read in numbers.items():
        for row, indonesian, english in read.ambiguous:
            chosen = indonesian if read.form is Form.INDONESIAN else english
            entities.pending.append(
                Pending(
                    table_id,
                    [(row, index)],
                    say(
                        "{printed} reads as {indonesian} or as {english}; it was read as "
                        "{read}, the way column {column} writes its numbers ({form})."
                    ),
                    {
                        "printed": source.rows[row][index],
                        "indonesian": format_number(indonesian),
                        "english": format_number(english.normalize()),
                        "read": format_number(
                            chosen if read.form is Form.INDONESIAN else chosen.normalize()
                        ),
                        "column": columns[index].heading,
                        "form": "1.234,5" if read.form is Form.INDONESIAN else "1,234.5",
                    },
                    sure=False,
                    kind=NUMBER_FORM,
                )
            )


def _default_places(tables: Iterable[Table]) -> int:
    """The decimals the report prints its rates with (achievement, absorption): 2 if none."""
    decimals = Counter(
        figure.decimals
        for table in tables
        for figure in figures_of(table)
        if figure.subject.measure.is_rate
    )
    return decimals.most_common(1)[0][0] if decimals else 2


# --- values and links -----------------------------------------------------------------------


def _assumptions(entities: Entities) -> tuple[Assumption, ...]:
    tables = {table.id: table for table in entities.tables}
    found = []
    for pending in entities.pending:
        table = tables.get(pending.table)
        if table is None:
            continue
        places = [_place(table, cell) for cell in pending.cells if cell in table.subjects]
        if places:
            found.append(
                Assumption(
                    places=places,
                    message=pending.message,
                    params=pending.params,
                    sure=pending.sure,
                    kind=pending.kind,
                )
            )
    return tuple(found)


def _place(table: Table, cell: Cell) -> Place:
    """Where a cell's figure is, as the review names it (the same place as its figure's)."""
    row, column = cell
    figure_columns = {c for _, c in table.subjects}
    return Place(
        table.id, row + 1, table.columns[column], row_label(table.rows[row], figure_columns)
    )
