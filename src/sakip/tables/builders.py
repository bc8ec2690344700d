"""Generic LKjIP table builders.

Each ``*_table`` function takes the table's options and returns a builder
``(TableContext) -> Table`` for a :class:`~sakip.TableSpec`; the context carries the table's
number and title. Every derived figure
(achievement, absorption, totals) is computed here from the dataset, never read from it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from sakip.model.budget import BudgetStage
from sakip.model.figures import ALL_OBJECTIVES, ALL_PROGRAMS, Measure, Subject
from sakip.model.indicators import Indicator
from sakip.model.plan import Objective
from sakip.model.programs import BudgetNode, SubActivity
from sakip.rules.budget import ZERO_AMOUNTS, Amounts
from sakip.tables.context import TableContext, money, percent, show
from sakip.tables.model import Table

Builder = Callable[[TableContext], Table]

Printed = str | tuple[str, Subject]
"""A cell: plain text, or the text of a figure with what it is a figure of."""

TARGET, ACTUAL, ACHIEVEMENT = Measure.TARGET, Measure.ACTUAL, Measure.ACHIEVEMENT
ALLOCATION, SPENDING, ABSORPTION = Measure.ALLOCATION, Measure.SPENDING, Measure.ABSORPTION


def _table(ctx: TableContext, columns: Sequence[str], rows: Sequence[Sequence[Printed]]) -> Table:
    """A table from cells that may carry subjects; a figure printed as ``-`` has none."""
    texts: list[list[str]] = []
    subjects: dict[tuple[int, int], Subject] = {}
    for r, row in enumerate(rows):
        line: list[str] = []
        for c, cell in enumerate(row):
            if isinstance(cell, tuple):
                text, subject = cell
                if text not in ("", "-"):
                    subjects[(r, c)] = subject
                line.append(text)
            else:
                line.append(cell)
        texts.append(line)
    return Table(id=ctx.id, title=ctx.title, columns=columns, rows=texts, subjects=subjects)


def _objectives(ctx: TableContext, keys: Sequence[str] | None) -> list[Objective]:
    return [ctx.data.objective(key) for key in keys] if keys else list(ctx.data.objectives)


def _indicators(ctx: TableContext, objective: Objective) -> list[Indicator]:
    return [ctx.data.indicator(code) for code in objective.indicators]


def performance_table(
    *,
    objectives: Sequence[str] | None = None,
    previous_year: bool = False,
    objective_heading: str = "SASARAN STRATEGIS",
) -> Builder:
    """Target, actual and achievement per objective indicator (tables 2.1, 3.1, 3.2, 3.3).

    :param previous_year: add the previous year's actual value before the target.
    """

    def build(ctx: TableContext) -> Table:
        columns = ["No", objective_heading, "INDIKATOR SASARAN"]
        if previous_year:
            columns += [
                f"REALISASI TAHUN {ctx.year - 1}",
                f"TARGET TAHUN {ctx.year}",
                f"REALISASI TAHUN {ctx.year}",
            ]
        else:
            columns += ["TARGET", "REALISASI"]
        columns.append("CAPAIAN")
        rows = []
        for number, objective in enumerate(_objectives(ctx, objectives), start=1):
            for indicator in _indicators(ctx, objective):
                code = indicator.code
                now = ctx.data.measurement(code, ctx.period)
                row: list[Printed] = [str(number), objective.name, indicator.name]
                if previous_year:
                    before = ctx.data.measurement(code, ctx.previous)
                    row.append(
                        (
                            show(_decimal(before.actual) if before else None),
                            Subject(code, ACTUAL, ctx.previous),
                        )
                    )
                row += [
                    (
                        show(_decimal(now.target) if now else None),
                        Subject(code, TARGET, ctx.period),
                    ),
                    (
                        show(_decimal(now.actual) if now else None),
                        Subject(code, ACTUAL, ctx.period),
                    ),
                    (show(ctx.achievement(indicator)), Subject(code, ACHIEVEMENT, ctx.period)),
                ]
                rows.append(row)
        return _table(ctx, columns, rows)

    return build


def objective_budget_table(
    *,
    stage: BudgetStage,
    with_indicator: bool = False,
    with_spending: bool = False,
    numbered: bool = False,
    objective_heading: str = "SASARAN",
    allocation_heading: str = "ANGGARAN",
    spending_heading: str = "REALISASI",
    total_label: str = "JUMLAH",
) -> Builder:
    """Budget allocated to each objective, with spending if asked (tables 2.3, 3.4, 3.5)."""

    def build(ctx: TableContext) -> Table:
        columns = (["NO."] if numbered else []) + [objective_heading]
        columns += ["INDIKATOR KINERJA"] if with_indicator else []
        columns += [allocation_heading] + ([spending_heading] if with_spending else [])

        def amounts_cells(entity: str, amounts: Amounts) -> list[Printed]:
            subject = Subject(entity, ALLOCATION, ctx.period, stage)
            cells: list[Printed] = [(money(amounts.allocation), subject)]
            if with_spending:
                cells.append((money(amounts.spending), subject.having(SPENDING)))
            return cells

        rows, total = [], ZERO_AMOUNTS
        for number, objective in enumerate(ctx.data.objectives, start=1):
            amounts = ctx.data.objective_budget(objective, ctx.period, stage) or ZERO_AMOUNTS
            total += amounts
            row: list[Printed] = [str(number)] if numbered else []
            row.append(objective.name)
            row += (
                [" / ".join(i.name for i in _indicators(ctx, objective))] if with_indicator else []
            )
            rows.append(row + amounts_cells(objective.key, amounts))
        blanks: list[Printed] = [""] * (int(numbered) + int(with_indicator))
        total_row: list[Printed] = [""] if numbered else []
        total_row += [total_label, *blanks[int(numbered) :]]
        rows.append(total_row + amounts_cells(ALL_OBJECTIVES, total))
        return _table(ctx, columns, rows)

    return build


def performance_budget_table(*, stage: BudgetStage = BudgetStage.REVISED) -> Builder:
    """Performance and budget side by side per objective indicator (table 3.6)."""

    def build(ctx: TableContext) -> Table:
        columns = [
            "NO",
            "SASARAN",
            "INDIKATOR KINERJA",
            "TARGET",
            "REALISASI",
            "CAPAIAN",
            "ANGGARAN",
            "REALISASI ANGGARAN",
            "CAPAIAN ANGGARAN",
        ]
        rows: list[list[Printed]] = []
        total = ZERO_AMOUNTS
        for number, objective in enumerate(ctx.data.objectives, start=1):
            amounts = ctx.data.objective_budget(objective, ctx.period, stage) or ZERO_AMOUNTS
            total += amounts
            budget = Subject(objective.key, ALLOCATION, ctx.period, stage)
            for indicator in _indicators(ctx, objective):
                code, unit = indicator.code, _unit_suffix(indicator)
                now = ctx.data.measurement(code, ctx.period)
                rows.append(
                    [
                        str(number),
                        objective.name,
                        indicator.name,
                        (
                            show(_decimal(now.target) if now else None, suffix=unit),
                            Subject(code, TARGET, ctx.period),
                        ),
                        (
                            show(_decimal(now.actual) if now else None, suffix=unit),
                            Subject(code, ACTUAL, ctx.period),
                        ),
                        (
                            show(ctx.achievement(indicator), suffix="%"),
                            Subject(code, ACHIEVEMENT, ctx.period),
                        ),
                        (money(amounts.allocation), budget),
                        (money(amounts.spending), budget.having(SPENDING)),
                        (
                            percent(_absorption(ctx, amounts), suffix=" %"),
                            budget.having(ABSORPTION),
                        ),
                    ]
                )
        overall = Subject(ALL_OBJECTIVES, ALLOCATION, ctx.period, stage)
        rows.append(
            [
                "",
                "JUMLAH",
                "",
                "",
                "",
                "",
                (money(total.allocation), overall),
                (money(total.spending), overall.having(SPENDING)),
                "",
            ]
        )
        return _table(ctx, columns, rows)

    return build


def program_budget_table(
    *,
    stage: BudgetStage,
    with_sub_activities: bool = True,
    with_spending: bool = True,
    numbered: bool = False,
    heading: str = "URAIAN",
    grand_total_first: str | None = None,
    grand_total_last: str | None = "JUMLAH",
) -> Builder:
    """Budget per program (and sub-activity) with absorption at every level (tables 2.2, 3.7).

    Only nodes with a budget at ``stage`` are listed; parents are the sums of their children
    unless the data states their total.
    """

    def build(ctx: TableContext) -> Table:
        totals = ctx.data.budget(ctx.period, stage)
        grand = ctx.data.tree.agency_total(totals)
        columns = (["NO."] if numbered else []) + [heading, "ANGGARAN"]
        columns += ["REALISASI", "%"] if with_spending else []

        def row(entity: str, label: str, amounts: Amounts, number: str = "") -> list[Printed]:
            subject = Subject(entity, ALLOCATION, ctx.period, stage)
            cells: list[Printed] = [number] if numbered else []
            cells.append(label)
            cells.append((money(amounts.allocation), subject))
            if with_spending:
                cells += [
                    (money(amounts.spending), subject.having(SPENDING)),
                    (percent(_absorption(ctx, amounts), suffix="%"), subject.having(ABSORPTION)),
                ]
            return cells

        rows = [row(ALL_PROGRAMS, grand_total_first, grand)] if grand_total_first else []
        for number, program in enumerate(
            (p for p in ctx.data.programs if p.key in totals), start=1
        ):
            rows.append(row(program.key, program.name, totals[program.key], f"{number}."))
            if with_sub_activities:
                for activity in ctx.data.activities_of(program.key):
                    for sub in ctx.data.sub_activities_of(activity.key):
                        if sub.key in totals:
                            rows.append(row(sub.key, sub.name, totals[sub.key]))
        if grand_total_last:
            rows.append(row(ALL_PROGRAMS, grand_total_last, grand))
        return _table(ctx, columns, rows)

    return build


def outputs_table(*, affairs: str = "", organisation: str = "", policy: str = "") -> Builder:
    """Outputs per program, activity and sub-activity with problems and remedies (table 3.9).

    Lists the nodes that have a measurement this year.
    """

    def build(ctx: TableContext) -> Table:
        columns = [
            "NO",
            "Urusan Pemerintahan",
            "Organisasi Perangkat Daerah Pelaksana",
            "Kebijakan",
            "Uraian Program/Kegiatan",
            "Target",
            "Realisasi",
            "Permasalahan",
            "Upaya Mengatasi Permasalahan",
            "Tindak Lanjut Rekomendasi DPRD",
        ]
        rows: list[list[Printed]] = [
            ["1", affairs, organisation or ctx.data.agency.name, policy, "", "", "", "", "", ""]
        ]
        for node in _walk(ctx):
            cells = _output_cells(ctx, node)
            if cells is not None:
                rows.append(["", "", "", "", node.name, *cells])
        return _table(ctx, columns, rows)

    return build


def _walk(ctx: TableContext) -> list[BudgetNode]:
    nodes: list[BudgetNode] = []
    for program in ctx.data.programs:
        nodes.append(program)
        for activity in ctx.data.activities_of(program.key):
            nodes.append(activity)
            nodes.extend(ctx.data.sub_activities_of(activity.key))
    return nodes


def _output_cells(ctx: TableContext, node: BudgetNode) -> list[Printed] | None:
    if not node.indicators:
        return None
    indicator = ctx.data.indicator(node.indicators[0])
    measurement = ctx.data.measurement(indicator.code, ctx.period)
    if measurement is None:
        return None
    suffix = _unit_suffix(indicator)
    actual = show(_decimal(measurement.actual), suffix=suffix)
    parts = ctx.data.breakdown(f"{indicator.code}.{ctx.period}.actual")
    if parts is not None:
        actual += " " + " ".join(f"{show(item.value)} ({item.label})" for item in parts.items)
    note = ctx.data.problem(node.key, ctx.period)
    return [
        (
            show(_decimal(measurement.target), suffix=suffix),
            Subject(indicator.code, TARGET, ctx.period),
        ),
        (actual, Subject(indicator.code, ACTUAL, ctx.period)),
        note.problem if note else "",
        note.remedy if note else "",
        note.follow_up if note else "",
    ]


def cascading_table() -> Builder:
    """The cascading tree: goal → objective → program → activity → sub-activity, each with
    its indicator (BAB I D). Programs serving an objective come first, in objective order;
    supporting programs last. A cell repeated from the row above is left blank."""

    def build(ctx: TableContext) -> Table:
        columns = [
            "Tujuan",
            "Indikator Tujuan",
            "Sasaran",
            "Indikator Sasaran",
            "Program",
            "Indikator Program",
            "Kegiatan",
            "Indikator Kegiatan",
            "Sub Kegiatan",
            "Indikator Sub Kegiatan",
        ]
        order = {objective.key: index for index, objective in enumerate(ctx.data.objectives)}
        programs = sorted(ctx.data.programs, key=lambda p: order.get(p.objective or "", len(order)))
        rows: list[list[str]] = []
        previous: list[str] = [""] * len(columns)
        for program in programs:
            objective = ctx.data.objective(program.objective) if program.objective else None
            goal = ctx.data.goal(objective.goal) if objective else ctx.data.goals[0]
            for activity in ctx.data.activities_of(program.key):
                subs: list[SubActivity | None] = [*ctx.data.sub_activities_of(activity.key)]
                for sub in subs or [None]:
                    full = [
                        goal.name,
                        _names(ctx, goal.indicators),
                        objective.name if objective else "",
                        _names(ctx, objective.indicators) if objective else "",
                        program.name,
                        _names(ctx, program.indicators),
                        activity.name,
                        _names(ctx, activity.indicators),
                        sub.name if sub else "",
                        _names(ctx, sub.indicators) if sub else "",
                    ]
                    rows.append(_blank_repeats(full, previous))
                    previous = full
        return Table(id=ctx.id, title=ctx.title, columns=columns, rows=rows)

    return build


def _blank_repeats(full: list[str], previous: list[str]) -> list[str]:
    # A level's cells are blanked only while every level above it is repeated too.
    cells, same = [], True
    for index in range(0, len(full), 2):
        same = same and full[index] == previous[index]
        cells += ["", ""] if same else full[index : index + 2]
    return cells


def _names(ctx: TableContext, codes: Sequence[str]) -> str:
    return "; ".join(ctx.data.indicator(code).name for code in codes)


def breakdown_table(*, key: str, total_label: str = "Jumlah Total") -> Builder:
    """A figure split into parts, with its total (e.g. migrant workers by destination)."""

    def build(ctx: TableContext) -> Table:
        breakdown = ctx.data.breakdown(key)
        if breakdown is None:
            raise LookupError(f"{ctx.data.agency.id}: no breakdown {key!r}")
        total = Subject(key, ACTUAL, breakdown.period)
        rows: list[list[Printed]] = [
            [f"{n}.", item.label, (show(item.value), total.of(f"{key}/{item.label}"))]
            for n, item in enumerate(breakdown.items, start=1)
        ]
        rows.append(["", total_label, (show(breakdown.total), total)])
        return _table(ctx, ["No", breakdown.label_heading, breakdown.value_heading], rows)

    return build


def _unit_suffix(indicator: Indicator) -> str:
    """How a value of the indicator is followed: ``77,85%``, ``100 Orang``, ``12``."""
    unit = indicator.unit
    return "%" if unit == "%" else (f" {unit}" if unit else "")


def _decimal(value: object) -> Decimal | None:
    return value if isinstance(value, Decimal) else None


def _absorption(ctx: TableContext, amounts: Amounts) -> Decimal | None:
    if amounts.spending is None or not amounts.allocation:
        return None
    return amounts.absorption(ctx.data.agency.policy.rounding)
