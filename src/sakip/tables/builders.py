"""Generic LKjIP table builders.

Each ``*_table`` function takes the table's options and returns a builder
``(TableContext) -> Table`` for a :class:`~sakip.TableSpec`; the context carries the table's
number and title. A builder lays out cells; every figure in them (a target, an achievement, a
total, an absorption) is the value model's, asked through the context with its subject.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sakip.model.budget import BudgetStage
from sakip.model.printed import Table
from sakip.model.programs import BudgetNode
from sakip.model.subjects import ALL_OBJECTIVES, ALL_PROGRAMS, Measure, Subject
from sakip.tables.context import Printed, TableContext
from sakip.tables.layout import indicators_of, kind_of, make_table, objectives_of, unit_suffix
from sakip.values.display import money, percent, show

Builder = Callable[[TableContext], Table]

TARGET, ACTUAL, ACHIEVEMENT = Measure.TARGET, Measure.ACTUAL, Measure.ACHIEVEMENT
PREDICATE = Measure.PREDICATE
ALLOCATION, SPENDING, ABSORPTION = Measure.ALLOCATION, Measure.SPENDING, Measure.ABSORPTION


def performance_table(
    *,
    objectives: Sequence[str] | None = None,
    previous_year: bool = False,
    objective_heading: str = "SASARAN STRATEGIS",
    unit: bool = False,
    predicate: bool = False,
) -> Builder:
    """Target, actual and achievement per objective indicator (tables 2.1, 3.1, 3.2, 3.3).

    :param previous_year: add the previous year's actual value before the target.
    :param unit: add a SATUAN column (the indicator's unit) after the indicator.
    :param predicate: add a PREDIKAT column: the agency's scale on the achievement.
    """

    def build(ctx: TableContext) -> Table:
        columns = ["No", objective_heading, "INDIKATOR SASARAN"]
        columns += ["SATUAN"] if unit else []
        if previous_year:
            columns += [
                f"REALISASI TAHUN {ctx.year - 1}",
                f"TARGET TAHUN {ctx.year}",
                f"REALISASI TAHUN {ctx.year}",
            ]
        else:
            columns += ["TARGET", "REALISASI"]
        columns.append("CAPAIAN")
        columns += ["PREDIKAT"] if predicate else []
        rows = []
        for number, objective in enumerate(objectives_of(ctx, objectives), start=1):
            for indicator in indicators_of(ctx, objective):
                code = indicator.code
                row: list[Printed] = [str(number), objective.name, indicator.name]
                row += [indicator.unit] if unit else []
                if previous_year:
                    row.append(ctx.value_cell(Subject(code, ACTUAL, ctx.previous)))
                row += [ctx.value_cell(Subject(code, m, ctx.period)) for m in (TARGET, ACTUAL)]
                row.append(ctx.indicator_cell(code, ACHIEVEMENT))
                if predicate:
                    row.append(ctx.label_cell(Subject(code, PREDICATE, ctx.period)))
                rows.append(row)
        return make_table(ctx, columns, rows)

    return build


def agreement_table() -> Builder:
    """The Perjanjian Kinerja of the year (BAB II): each objective's indicators with their
    unit and this year's target, as the agency head signed it."""

    def build(ctx: TableContext) -> Table:
        columns = ["No", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "SATUAN", f"TARGET {ctx.year}"]
        rows: list[list[Printed]] = []
        for number, objective in enumerate(ctx.data.objectives, start=1):
            for index, indicator in enumerate(indicators_of(ctx, objective)):
                first = index == 0  # the objective printed once, over its indicators
                rows.append(
                    [
                        str(number) if first else "",
                        objective.name if first else "",
                        indicator.name,
                        indicator.unit,
                        ctx.value_cell(Subject(indicator.code, TARGET, ctx.period)),
                    ]
                )
        return make_table(ctx, columns, rows)

    return build


def renstra_plan_table() -> Builder:
    """The Renstra in brief (BAB II): each indicator's baseline, end-of-period target and this
    year's target on the way."""

    def build(ctx: TableContext) -> Table:
        columns = [
            "No",
            "INDIKATOR KINERJA",
            "SATUAN",
            "KONDISI AWAL",
            "TARGET AKHIR RENSTRA",
            f"TARGET {ctx.year}",
        ]
        rows: list[list[Printed]] = []
        indicators = [i for o in ctx.data.objectives for i in indicators_of(ctx, o)]
        for number, indicator in enumerate(indicators, start=1):
            code = indicator.code
            rows.append(
                [
                    str(number),
                    indicator.name,
                    indicator.unit,
                    ctx.cell(Subject(code, Measure.BASELINE, ctx.period)),
                    ctx.cell(Subject(code, Measure.END_TARGET, ctx.period)),
                    ctx.value_cell(Subject(code, TARGET, ctx.period)),
                ]
            )
        return make_table(ctx, columns, rows)

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

        def amounts_cells(entity: str) -> list[Printed]:
            measures = (ALLOCATION, SPENDING) if with_spending else (ALLOCATION,)
            return [ctx.budget_cell(entity, measure, stage, money) for measure in measures]

        rows = []
        for number, objective in enumerate(ctx.data.objectives, start=1):
            row: list[Printed] = [str(number)] if numbered else []
            row.append(objective.name)
            row += (
                [" / ".join(i.name for i in indicators_of(ctx, objective))]
                if with_indicator
                else []
            )
            rows.append(row + amounts_cells(objective.key))
        blanks: list[Printed] = [""] * (int(numbered) + int(with_indicator))
        total_row: list[Printed] = [""] if numbered else []
        total_row += [total_label, *blanks[int(numbered) :]]
        rows.append(total_row + amounts_cells(ALL_OBJECTIVES))
        return make_table(ctx, columns, rows)

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
        for number, objective in enumerate(ctx.data.objectives, start=1):
            key = objective.key
            for indicator in indicators_of(ctx, objective):
                code, unit = indicator.code, unit_suffix(indicator)
                rows.append(
                    [
                        str(number),
                        objective.name,
                        indicator.name,
                        ctx.indicator_cell(code, TARGET, show, unit),
                        ctx.indicator_cell(code, ACTUAL, show, unit),
                        ctx.indicator_cell(code, ACHIEVEMENT, show, "%"),
                        ctx.budget_cell(key, ALLOCATION, stage, money),
                        ctx.budget_cell(key, SPENDING, stage, money),
                        ctx.budget_cell(key, ABSORPTION, stage, percent, " %"),
                    ]
                )
        rows.append(
            [
                "",
                "JUMLAH",
                "",
                "",
                "",
                "",
                ctx.budget_cell(ALL_OBJECTIVES, ALLOCATION, stage, money),
                ctx.budget_cell(ALL_OBJECTIVES, SPENDING, stage, money),
                "",
            ]
        )
        return make_table(ctx, columns, rows)

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
        budgeted = ctx.values.budget(ctx.period, stage)
        columns = (["NO."] if numbered else []) + [heading, "ANGGARAN"]
        columns += ["REALISASI", "%"] if with_spending else []

        def row(entity: str, label: str, number: str = "") -> list[Printed]:
            cells: list[Printed] = [number] if numbered else []
            cells += [label, ctx.budget_cell(entity, ALLOCATION, stage, money)]
            if with_spending:
                cells += [
                    ctx.budget_cell(entity, SPENDING, stage, money),
                    ctx.budget_cell(entity, ABSORPTION, stage, percent, "%"),
                ]
            return cells

        rows = [row(ALL_PROGRAMS, grand_total_first)] if grand_total_first else []
        kinds = {0: "total"} if grand_total_first else {}
        programs = (p for p in ctx.data.programs if p.key in budgeted)
        for number, program in enumerate(programs, start=1):
            kinds[len(rows)] = "program"
            rows.append(row(program.key, ctx.name(program), f"{number}."))
            if with_sub_activities:
                for activity in ctx.data.children(program.key):
                    for sub in ctx.data.children(activity.key):
                        if sub.key in budgeted:
                            kinds[len(rows)] = "sub-activity"
                            rows.append(row(sub.key, ctx.name(sub)))
        if grand_total_last:
            kinds[len(rows)] = "total"
            rows.append(row(ALL_PROGRAMS, grand_total_last))
        return make_table(ctx, columns, rows, kinds)

    return build


def outputs_table(*, affairs: str = "", organisation: str = "", policy: str = "") -> Builder:
    """Outputs per program, activity and sub-activity with problems and remedies (table 3.9).

    Lists the nodes that have a measurement this year, and those for which the agency
    wrote a problem, remedy or follow-up this year (its target and realisation then ``-``):
    what the agency wrote for its report is printed, indicator or not.
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
        kinds: dict[int, str] = {}
        for node in _walk(ctx):
            cells = _output_cells(ctx, node)
            if cells is not None:
                kinds[len(rows)] = kind_of(node)
                rows.append(["", "", "", "", ctx.name(node), *cells])
        return make_table(ctx, columns, rows, kinds)

    return build


def _walk(ctx: TableContext) -> list[BudgetNode]:
    nodes: list[BudgetNode] = []
    for program in ctx.data.programs:
        nodes.append(program)
        for activity in ctx.data.children(program.key):
            nodes.append(activity)
            nodes.extend(ctx.data.children(activity.key))
    return nodes


def _output_cells(ctx: TableContext, node: BudgetNode) -> list[Printed] | None:
    note = ctx.data.problem(node.key, ctx.period)
    written = [note.problem, note.remedy, note.follow_up] if note else ["", "", ""]
    code = ctx.values.indicator_of(node.key)
    if code is None or ctx.data.measurement(code, ctx.period) is None:
        return ["-", "-", *written] if any(written) else None
    suffix = unit_suffix(ctx.data.indicator(code))
    target = ctx.indicator_cell(node.key, TARGET, show, suffix)
    actual_text, actual_subject = ctx.indicator_cell(node.key, ACTUAL, show, suffix)
    parts = f"{code}.{ctx.period}.actual"
    items = ctx.values.parts(Subject(parts, ACTUAL, ctx.period))
    if items:
        actual_text += " " + " ".join(
            f"{show(ctx.values.value(Subject(item, ACTUAL, ctx.period)))} ({item.split('/', 1)[1]})"
            for item in items
        )
    return [target, (actual_text, actual_subject), *written]


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
        served = {p.key: ctx.data.served_objective(p.key) for p in ctx.data.programs}
        programs = sorted(
            ctx.data.programs, key=lambda p: order.get(served[p.key] or "", len(order))
        )
        rows: list[list[str]] = []
        previous: list[str] = [""] * len(columns)
        for program in programs:
            key = served[program.key]
            objective = ctx.data.objective(key) if key else None
            # A supporting program serves no objective: it sits under the agency's first goal.
            goal_key = objective.goal if objective else None
            goal = (
                ctx.data.goal(goal_key)
                if goal_key
                else (ctx.data.goals[0] if ctx.data.goals and not objective else None)
            )
            for activity in ctx.data.children(program.key):
                subs: list[BudgetNode | None] = [*ctx.data.children(activity.key)]
                for sub in subs or [None]:
                    full = [
                        goal.name if goal else "",
                        _names(ctx, goal.indicators) if goal else "",
                        objective.name if objective else "",
                        _names(ctx, objective.indicators) if objective else "",
                        ctx.name(program),
                        _names(ctx, program.indicators),
                        ctx.name(activity),
                        _names(ctx, activity.indicators),
                        ctx.name(sub) if sub else "",
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
            [f"{n}.", item.label, ctx.cell(total.of(f"{key}/{item.label}"))]
            for n, item in enumerate(breakdown.items, start=1)
        ]
        rows.append(["", total_label, ctx.cell(total)])
        return make_table(ctx, ["No", breakdown.label_heading, breakdown.value_heading], rows)

    return build
