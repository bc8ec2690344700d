"""From a document's tables to what a review needs: the printed report, each figure with the
subject it was inferred to state, and the agency data that the report itself gives.

The data holds, for each quantity, the value its printings agree on, or the value most of
them print; so a check that compares a figure with "the data" compares it with the rest of
the report. Budget figures of BAB II are taken as the initial budget (APBD murni) and those
of later chapters as the revised one, unless a heading says which.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from attrs import define, field, frozen

from sakip.documents.assemble import SourceTable
from sakip.documents.columns import Column, Kind, infer_columns
from sakip.documents.indicator_rules import IndicatorRules
from sakip.documents.labels import SURE, best_match
from sakip.documents.number_forms import ColumnNumbers, Form, forms_shown, read_column
from sakip.documents.rows import (
    PROGRAM,
    Level,
    Row,
    Shape,
    merge_wrapped,
    read_rows,
    shape_of,
    strip_level_word,
)
from sakip.errors import NumberError, ValidationError
from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetLine, BudgetStage
from sakip.model.indicators import Indicator, Measurement
from sakip.model.periods import Period
from sakip.model.plan import Agency, Objective
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
    row_label,
)
from sakip.model.programs import Activity, Breakdown, BreakdownItem, Program, SubActivity
from sakip.model.subjects import ALL_OBJECTIVES, ALL_PROGRAMS, INDICATOR_MEASURES, Measure, Subject
from sakip.reviewing.messages import say
from sakip.rounding import RoundingPolicy
from sakip.rules.formulas import Formula

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
_YEAR = re.compile(r"\b(20\d\d)\b")
_AMOUNTS = {Measure.ALLOCATION, Measure.SPENDING, Measure.ABSORPTION}
FIRST_REVISED_CHAPTER = 3
"""BAB III reports the year's results against the revised budget (APBD perubahan)."""


@frozen
class Inference:
    """A report read from its file: its tables with subjects, and the data it gives."""

    report: PrintedReport
    data: AgencyData


@frozen
class _Seen:
    value: Decimal
    table: str
    cell: Cell
    chapter: int


@define
class _Objective:
    key: str
    name: str
    indicators: list[str] = field(factory=list)


@define
class _Indicator:
    code: str
    name: str
    unit: str = ""


@define
class _Node:
    key: str
    level: Level
    name: str
    parent: str | None
    synthetic: bool = False
    indicator: str | None = None
    """Another entity's indicator this node reports (an objective's IKU)."""
    unit: str = ""


@define
class _Breakdown:
    key: str
    title: str
    label_heading: str
    value_heading: str
    items: dict[str, str] = field(factory=dict)


@define
class _Pending:
    """A cell's assumption, before the table it is in has places."""

    table: str
    cells: list[Cell]
    message: str
    params: dict[str, str]
    sure: bool
    kind: str = "match"


class _Reader:
    def __init__(self, year: int) -> None:
        self.year = year
        self.objectives: dict[str, _Objective] = {}
        self.indicators: dict[str, _Indicator] = {}
        self.nodes: dict[str, _Node] = {}
        self.breakdowns: dict[str, _Breakdown] = {}
        self.seen: dict[Subject, list[_Seen]] = defaultdict(list)
        self.pending: list[_Pending] = []
        self.tables: list[Table] = []

    # --- entities ---------------------------------------------------------------------------

    def objective(self, label: str, used: set[str], table: str, cells: list[Cell]) -> str:
        candidates = [(k, o.name) for k, o in self.objectives.items() if k not in used]
        found = best_match(label, candidates)
        if found is not None:
            self._note_match(found, label, self.objectives[found[0]].name, table, cells)
            return found[0]
        key = f"S{len(self.objectives) + 1}"
        self.objectives[key] = _Objective(key, label)
        return key

    def indicator(
        self,
        label: str | None,
        objective: str | None,
        used: set[str],
        table: str,
        cells: list[Cell],
    ) -> str:
        own = self.objectives[objective].indicators if objective else list(self.indicators)
        free = [code for code in own if code not in used]
        if label:
            found = best_match(label, [(c, self.indicators[c].name) for c in free])
            if found is not None:
                self._note_match(found, label, self.indicators[found[0]].name, table, cells)
                return found[0]
        if objective and len(own) == 1 and own[0] in free:
            return own[0]  # the row names its objective, which has this one indicator
        code = f"IKU-{len(self.indicators) + 1}"
        name = label or (self.objectives[objective].name if objective else code)
        self.indicators[code] = _Indicator(code, name)
        if objective:
            self.objectives[objective].indicators.append(code)
        return code

    def node(
        self,
        label: str,
        level: Level,
        program: str | None,
        activity: str | None,
        used: set[str],
        table: str,
        cells: list[Cell],
    ) -> str:
        name = strip_level_word(label)
        candidates = [
            (key, node.name)
            for key, node in self.nodes.items()
            if node.level is level
            and key not in used
            and not node.synthetic
            and (program is None or level is Level.PROGRAM or self._program_of(key) == program)
        ]
        found = best_match(name, candidates)
        if found is not None:
            key = found[0]
            self._note_match(found, name, self.nodes[key].name, table, cells)
            node = self.nodes[key]
            moves = level is Level.SUB_ACTIVITY and activity and node.parent != activity
            if moves and node.parent is not None and self.nodes[node.parent].synthetic:
                node.parent = activity  # a table that shows the activity places it
            return key
        if level is Level.PROGRAM:
            key = f"P{sum(n.level is Level.PROGRAM for n in self.nodes.values()) + 1}"
            self.nodes[key] = _Node(key, level, name, None)
            return key
        if program is None:
            program = self._unnamed_program()
        if level is Level.ACTIVITY:
            key = f"{program}.K{self._count(program, Level.ACTIVITY) + 1}"
            self.nodes[key] = _Node(key, level, name, program)
            return key
        parent = activity or self._synthetic_activity(program)
        key = f"{parent}.S{self._count(parent, Level.SUB_ACTIVITY) + 1}"
        self.nodes[key] = _Node(key, level, name, parent)
        return key

    def _program_of(self, key: str) -> str:
        node = self.nodes[key]
        while node.parent is not None:
            node = self.nodes[node.parent]
        return node.key

    def _count(self, parent: str, level: Level) -> int:
        return sum(1 for n in self.nodes.values() if n.parent == parent and n.level is level)

    def _synthetic_activity(self, program: str) -> str:
        """The activity of sub-activities printed with no activity above them."""
        key = f"{program}.K0"
        if key not in self.nodes:
            self.nodes[key] = _Node(key, Level.ACTIVITY, self.nodes[program].name, program, True)
        return key

    def _unnamed_program(self) -> str:
        key = "P0"
        if key not in self.nodes:
            self.nodes[key] = _Node(key, Level.PROGRAM, "Program", None, True)
        return key

    def _note_match(
        self, found: tuple[str, float], label: str, name: str, table: str, cells: list[Cell]
    ) -> None:
        _, score = found
        if score < SURE:
            self.pending.append(
                _Pending(
                    table,
                    cells,
                    say("{printed} was taken to be {name} (the labels are {score}% alike)."),
                    {"printed": label, "name": name, "score": str(int(score))},
                    sure=False,
                )
            )

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
        breakdown = self._breakdown(source, table_id, columns) if shape is Shape.BREAKDOWN else None
        program: str | None = None
        activity: str | None = None
        objective: str | None = None
        for row in read_rows(texts, columns, shape, indents, is_leaf):
            cells = table.figure_cells(row.index)
            places = [(row.index, column) for column in cells]
            if row.total:
                table.kinds[row.index] = "total"
                if shape is Shape.BREAKDOWN and breakdown is not None:
                    self._figures(
                        table, row.index, cells, breakdown.key, breakdown.key, counts=True
                    )
                else:
                    total = ALL_OBJECTIVES if shape is Shape.OBJECTIVES else ALL_PROGRAMS
                    self._figures(table, row.index, cells, None, total)
            elif shape is Shape.OBJECTIVES and self._is_node_row(row, program):
                # A table of objectives that goes on with programs and activities (the Renja
                # evaluation form): a program row, and the rows below it until the next
                # objective.
                label = row.labels[Kind.OBJECTIVE]
                level = (
                    Level.PROGRAM
                    if PROGRAM.match(label)
                    else (Level.SUB_ACTIVITY if is_leaf(label) else Level.ACTIVITY)
                )
                key = self.node(label, level, program, activity, table.used, table_id, places)
                table.used.add(key)
                if level is Level.PROGRAM:
                    program, activity = key, None
                elif level is Level.ACTIVITY:
                    activity = key
                table.kinds[row.index] = ("program", "activity", "sub-activity")[level]
                self._figures(table, row.index, cells, key, key)
            elif shape is Shape.OBJECTIVES:
                program = activity = None
                named = row.labels.get(Kind.OBJECTIVE)
                # An objective may take one row per indicator: it is matched again in a
                # table, its indicators once each; a row with no objective of its own is
                # under the one above (a cell merged down).
                if named:
                    objective = self.objective(named, set(), table_id, places)
                elif Kind.INDICATOR not in row.labels:
                    objective = None
                indicator = row.labels.get(Kind.INDICATOR)
                code = self.indicator(indicator, objective, table.used, table_id, places)
                table.used.add(code)
                self._figures(table, row.index, cells, code, objective or code)
            elif shape is Shape.NODES:
                level = row.level if row.level is not None else Level.PROGRAM
                label = row.labels[Kind.NODE]
                key = self.node(label, level, program, activity, table.used, table_id, places)
                table.used.add(key)
                if level is Level.PROGRAM:
                    program, activity = key, None
                elif level is Level.ACTIVITY:
                    activity, program = key, self._program_of(key)
                table.kinds[row.index] = ("program", "activity", "sub-activity")[level]
                self._figures(table, row.index, cells, key, key)
            elif breakdown is not None:
                label = row.labels[Kind.ITEM]
                breakdown.items.setdefault(label, "")
                item = f"{breakdown.key}/{label}"
                self._figures(table, row.index, cells, item, item, counts=True)
        self.tables.append(
            Table(
                id=table_id,
                title=source.title or table_id,
                columns=[c.heading or f"({i + 1})" for i, c in enumerate(columns)],
                rows=texts,
                subjects=table.subjects,
                row_kinds=table.kinds,
            )
        )

    def _is_node_row(self, row: Row, program: str | None) -> bool:
        """Whether a row of a table of objectives is a program, or a node below one."""
        label = row.labels.get(Kind.OBJECTIVE, "")
        if PROGRAM.match(label):
            return True
        if program is None or not label:
            return False
        found = best_match(label, [(k, o.name) for k, o in self.objectives.items()])
        return found is None or found[1] < SURE

    def _breakdown(self, source: SourceTable, table_id: str, columns: list[Column]) -> _Breakdown:
        key = f"rincian-{len(self.breakdowns) + 1}"
        label = next(c.heading for c in columns if c.kind is Kind.ITEM)
        value = next(c.heading for c in columns if c.kind is Kind.FIGURE)
        found = _Breakdown(key, source.title or f"Tabel {table_id}", label, value)
        self.breakdowns[key] = found
        return found

    def _figures(
        self,
        table: _TableBeingRead,
        row: int,
        cells: list[int],
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
                self._unit(indicator_entity, f"0 {unit}")
        for index in cells:
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
            if value is None and not measure.is_label:
                continue  # a word where a number belongs: nothing to check
            subject = Subject(entity, measure, column.period(self.year), stage)
            table.subjects[(row, index)] = subject
            if measure in _BASE and value is not None:
                self.seen[subject].append(_Seen(value, table.id, (row, index), table.chapter))
                if measure in (Measure.TARGET, Measure.ACTUAL):
                    self._unit(entity, text)

    def _unit(self, entity: str, text: str) -> None:
        unit = re.sub(r"^\s*[-−]?[\d.,]+\s*", "", text).split("(")[0].strip()
        unit = unit.split()[0] if unit.split() else ""
        if not unit:
            return
        if entity in self.indicators and not self.indicators[entity].unit:
            self.indicators[entity].unit = unit
        elif entity in self.nodes and not self.nodes[entity].unit:
            self.nodes[entity].unit = unit


@define
class _TableBeingRead:
    id: str
    chapter: int
    columns: list[Column]
    texts: list[list[str]]
    subjects: dict[Cell, Subject] = field(factory=dict)
    kinds: dict[int, str] = field(factory=dict)
    used: set[str] = field(factory=set)
    """The entities matched in this table already: one row each."""

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


def infer_report(
    tables: Sequence[SourceTable],
    *,
    source: str,
    agency_id: str,
    agency_name: str,
    year: int | None = None,
    rounding: RoundingPolicy | None = None,
    scale: str = "permendagri-86-2017",
    formulas: Sequence[Formula] = (),
) -> Inference:
    """Read a document's tables into a printed report and the data it gives.

    :param formulas: the achievement formulas an indicator may follow; each indicator gets
        the one that gives the achievements printed beside its targets and actual values.

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
    reader = _Reader(year)
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
        _number_forms(reader, table_id, columns, numbers, source_table)
    places = _default_places(reader.tables)
    policy = AchievementPolicy(
        rounding=rounding or RoundingPolicy(places=places), zero=ZeroPolicy.NOT_APPLICABLE
    )
    links = _link_funding(reader)
    _link_indicators(reader, links)
    rules = IndicatorRules.from_report(
        reader.tables, lambda entity: _quantity_entity(reader, entity), formulas, policy
    )
    agency = Agency(id=agency_id, name=agency_name, policy=policy, scale=scale)
    data = _data(reader, agency, links, rules)
    report = PrintedReport(
        agency=agency_id,
        year=year,
        tables=reader.tables,
        source=source,
        assumptions=_assumptions(reader),
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
    reader: _Reader,
    table_id: str,
    columns: list[Column],
    numbers: dict[int, ColumnNumbers],
    source: SourceTable,
) -> None:
    for index, read in numbers.items():
        for row, indonesian, english in read.ambiguous:
            chosen = indonesian if read.form is Form.INDONESIAN else english
            reader.pending.append(
                _Pending(
                    table_id,
                    [(row, index)],
                    say(
                        "{printed} reads as {indonesian} or as {english}; it was read as "
                        "{read}, the way column {column} writes its numbers ({form})."
                    ),
                    {
                        "printed": source.rows[row][index],
                        "indonesian": _written(indonesian),
                        "english": _written(english.normalize()),
                        "read": _written(
                            chosen if read.form is Form.INDONESIAN else chosen.normalize()
                        ),
                        "column": columns[index].heading,
                        "form": "1.234,5" if read.form is Form.INDONESIAN else "1,234.5",
                    },
                    sure=False,
                    kind=NUMBER_FORM,
                )
            )


def _written(value: Decimal) -> str:
    from sakip.numbers import format_number

    return format_number(value)


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


def _quantity_entity(reader: _Reader, entity: str) -> str:
    node = reader.nodes.get(entity)
    return node.indicator if node is not None and node.indicator else entity


def _choose(seen: list[_Seen], prefer: Decimal | None = None) -> Decimal:
    """The value a quantity's printings agree on; else the one most print; a tie goes to
    ``prefer`` when it is one of them, else to the value printed in the later chapter."""
    counts = Counter(s.value for s in seen)
    best = max(counts.values())
    tied = [value for value, count in counts.items() if count == best]
    if (
        prefer is not None
        and prefer in counts
        and (len(tied) > 1 or prefer in tied or len(counts) > 1)
    ):
        return prefer
    if len(tied) == 1:
        return tied[0]
    return max(seen, key=lambda s: (s.value in tied, s.chapter)).value


def _link_funding(reader: _Reader) -> dict[str, str]:
    """Each objective and the node whose budget is its own, where the report shows one: the
    node with the objective's allocation at the most stages, the highest level first."""
    links: dict[str, str] = {}
    for key in reader.objectives:
        scores: Counter[str] = Counter()
        for subject, seen in reader.seen.items():
            if subject.entity != key or subject.measure is not Measure.ALLOCATION:
                continue
            printed = {s.value for s in seen}
            for node in reader.nodes:
                other = reader.seen.get(subject.of(node))
                if other and _choose(other) in printed:
                    scores[node] += 1
        if scores:
            best = max(scores.values())
            top = sorted(
                (n for n, s in scores.items() if s == best), key=lambda n: reader.nodes[n].level
            )
            if len(top) == 1 or reader.nodes[top[0]].level < reader.nodes[top[1]].level:
                links[key] = top[0]
    return links


def _link_indicators(reader: _Reader, links: dict[str, str]) -> None:
    """A node that funds an objective and prints the target of one of its indicators reports
    that indicator (and so do the nodes below it that print the same target)."""
    for objective, node_key in links.items():
        for code in reader.objectives[objective].indicators:
            targets = reader.seen.get(Subject(code, Measure.TARGET, Period(reader.year)))
            if not targets:
                continue
            target = _choose(targets)
            allocation = reader.seen.get(
                Subject(node_key, Measure.ALLOCATION, Period(reader.year), BudgetStage.REVISED)
            ) or reader.seen.get(
                Subject(node_key, Measure.ALLOCATION, Period(reader.year), BudgetStage.INITIAL)
            )
            unit = _unit_key(reader.indicators[code].unit)
            for key in _chain(reader, node_key):
                own = reader.seen.get(Subject(key, Measure.TARGET, Period(reader.year)))
                if not own or _choose(own) != target or reader.nodes[key].indicator:
                    continue
                node_unit = _unit_key(reader.nodes[key].unit)
                if unit and node_unit and unit != node_unit:
                    continue  # the same number of another unit: 100 % is not 100 Orang
                reader.nodes[key].indicator = code
                cells = [
                    (s.table, s.cell)
                    for subject, seen in reader.seen.items()
                    if subject.entity == key and subject.measure in INDICATOR_MEASURES
                    for s in seen
                ]
                by_table: dict[str, list[Cell]] = defaultdict(list)
                for table, cell in cells:
                    by_table[table].append(cell)
                for table, table_cells in by_table.items():
                    reader.pending.append(
                        _Pending(
                            table,
                            table_cells,
                            say(
                                "{node} was taken to report indicator {indicator} of "
                                "objective {objective}: it has that objective's allocation "
                                "({allocation}) and prints its target ({target})."
                            ),
                            {
                                "node": reader.nodes[key].name,
                                "indicator": reader.indicators[code].name,
                                "objective": reader.objectives[objective].name,
                                "allocation": _written(_choose(allocation)) if allocation else "",
                                "target": _written(target),
                            },
                            sure=True,
                        )
                    )


def _unit_key(unit: str) -> str:
    return unit.strip().lower().rstrip(".")


def _chain(reader: _Reader, key: str) -> list[str]:
    """A node and the nodes below it."""
    found = [key]
    for other in reader.nodes.values():
        if other.parent == key:
            found.extend(_chain(reader, other.key))
    return found


def _data(
    reader: _Reader, agency: Agency, links: dict[str, str], rules: IndicatorRules
) -> AgencyData:
    chosen: dict[Subject, Decimal] = {}
    merged: dict[Subject, list[_Seen]] = defaultdict(list)
    for subject, seen in reader.seen.items():
        entity = (
            _quantity_entity(reader, subject.entity)
            if subject.measure in INDICATOR_MEASURES
            else subject.entity
        )
        merged[subject.of(entity)].extend(seen)
    for subject, seen in merged.items():
        prefer = None
        if subject.entity in links and subject.measure.is_budget:
            linked = merged.get(subject.of(links[subject.entity]))
            prefer = _choose(linked) if linked else None
        chosen[subject] = _choose(seen, prefer)
        if prefer is not None and chosen[subject] != _choose(seen):
            _note_funding(reader, subject, seen, links[subject.entity], chosen[subject])
    measured = {
        subject.entity
        for table in reader.tables
        for subject in table.subjects.values()
        if subject.measure in INDICATOR_MEASURES
    }
    node_indicator = {
        key: node.indicator or f"{key}-IK"
        for key, node in reader.nodes.items()
        if node.indicator or key in measured
    }
    indicators = [
        Indicator(code=i.code, name=i.name, unit=i.unit, **rules.of(i.code))
        for i in reader.indicators.values()
    ] + [
        Indicator(
            code=code, name=reader.nodes[key].name, unit=reader.nodes[key].unit, **rules.of(key)
        )
        for key, code in node_indicator.items()
        if not reader.nodes[key].indicator
    ]
    measurements = []
    periods: dict[str, set[Period]] = defaultdict(set)
    for subject in chosen:
        measured_entity = subject.entity in reader.indicators or subject.entity in node_indicator
        if subject.measure in (Measure.TARGET, Measure.ACTUAL) and measured_entity:
            periods[subject.entity].add(subject.period)
    for entity, entity_periods in periods.items():
        code = node_indicator.get(entity, entity)
        for period in sorted(entity_periods, key=lambda p: (p.year, p.quarter or 0)):
            values = {
                measure: chosen.get(Subject(entity, measure, period))
                for measure in (Measure.TARGET, Measure.ACTUAL)
            }
            if period.is_year:
                # A year printed beside its four quarters is what they make: the data holds
                # the quarters, so a misprinted year is found against them (SK601), once.
                for measure in values:
                    quarters = [Subject(entity, measure, q) for q in period.quarters()]
                    if all(q in chosen for q in quarters):
                        values[measure] = None
            if any(value is not None for value in values.values()):
                measurements.append(
                    Measurement(
                        indicator=code,
                        period=period,
                        target=values[Measure.TARGET],
                        actual=values[Measure.ACTUAL],
                    )
                )
    budget_lines = []
    stated = {
        (subject.entity, subject.period, subject.stage)
        for subject in chosen
        if subject.measure is Measure.ALLOCATION
    }
    for subject, value in chosen.items():
        if subject.measure is not Measure.ALLOCATION or subject.entity.startswith("@"):
            continue
        below = _chain(reader, subject.entity)[1:] if subject.entity in reader.nodes else []
        if any((key, subject.period, subject.stage) in stated for key in below):
            # A parent is what its children add up to; its printed amount is checked
            # against them (SK201), not taken as data.
            continue
        spending = chosen.get(subject.having(Measure.SPENDING))
        budget_lines.append(
            BudgetLine(
                node=subject.entity,
                period=subject.period,
                stage=subject.stage,
                allocation=value,
                spending=spending,
            )
        )
    live = {n.key for n in reader.nodes.values() if not n.synthetic} | {
        n.parent for n in reader.nodes.values() if n.parent
    }
    nodes = [n for n in reader.nodes.values() if n.key in live]
    return AgencyData(
        agency=agency,
        goals=(),
        objectives=[
            Objective(key=o.key, name=o.name, indicators=o.indicators)
            for o in reader.objectives.values()
        ],
        indicators=indicators,
        measurements=measurements,
        programs=[
            Program(key=n.key, name=n.name, indicators=_codes(n, node_indicator))
            for n in nodes
            if n.level is Level.PROGRAM
        ],
        activities=[
            Activity(
                key=n.key, name=n.name, program=n.parent or "", indicators=_codes(n, node_indicator)
            )
            for n in nodes
            if n.level is Level.ACTIVITY
        ],
        sub_activities=[
            SubActivity(
                key=n.key,
                name=n.name,
                activity=n.parent or "",
                indicators=_codes(n, node_indicator),
            )
            for n in nodes
            if n.level is Level.SUB_ACTIVITY
        ],
        budget_lines=budget_lines,
        breakdowns=[
            Breakdown(
                key=b.key,
                title=b.title,
                period=Period(reader.year),
                label_heading=b.label_heading,
                value_heading=b.value_heading,
                items=[
                    BreakdownItem(
                        label,
                        chosen[Subject(f"{b.key}/{label}", Measure.ACTUAL, Period(reader.year))],
                    )
                    for label in b.items
                    if Subject(f"{b.key}/{label}", Measure.ACTUAL, Period(reader.year)) in chosen
                ],
            )
            for b in reader.breakdowns.values()
        ],
    )


def _note_funding(
    reader: _Reader, subject: Subject, seen: list[_Seen], node: str, value: Decimal
) -> None:
    """Name why a value most places do not print was taken: the node funding the objective
    prints it."""
    by_table: dict[str, list[Cell]] = defaultdict(list)
    for s in seen:
        if s.value != value:
            by_table[s.table].append(s.cell)
    for table, cells in by_table.items():
        reader.pending.append(
            _Pending(
                table,
                cells,
                say(
                    "{value} is taken as right: it is what {node} prints, and {node} funds "
                    "objective {objective} (their allocations agree)."
                ),
                {
                    "value": _written(value),
                    "node": reader.nodes[node].name,
                    "objective": reader.objectives[subject.entity].name,
                },
                sure=True,
            )
        )


def _codes(node: _Node, node_indicator: dict[str, str]) -> tuple[str, ...]:
    code = node_indicator.get(node.key)
    return (code,) if code else ()


def _assumptions(reader: _Reader) -> tuple[Assumption, ...]:
    tables = {table.id: table for table in reader.tables}
    found = []
    for pending in reader.pending:
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
