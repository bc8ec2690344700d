"""Table builders for the measures BAB III of an LKjIP reports beside target and realisation
(PermenPANRB 53/2014): quarters, previous years, the Renstra, efficiency, national standards,
and the Permendagri 86/2017 Renja evaluation form.

Like every builder, these lay out cells and ask the value model for each figure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sakip.model.budget import BudgetStage
from sakip.model.indicators import Indicator
from sakip.model.periods import Period
from sakip.model.printed import Table
from sakip.model.programs import BudgetNode
from sakip.model.subjects import Measure, Subject
from sakip.tables.context import Printed, TableContext
from sakip.tables.layout import indicators_of, make_table, objectives_of, unit_suffix
from sakip.values.display import money, percent, show

Builder = Callable[[TableContext], Table]

QUARTERS = ("TW I", "TW II", "TW III", "TW IV")
"""Quarters as agencies print them (triwulan)."""

M = Measure


def _objective_indicators(
    ctx: TableContext, objectives: Sequence[str] | None
) -> list[tuple[str, Indicator]]:
    """(objective name, indicator) for each indicator of the objectives listed (or all)."""
    return [
        (objective.name, indicator)
        for objective in objectives_of(ctx, objectives)
        for indicator in indicators_of(ctx, objective)
    ]


def quarterly_table(*, objectives: Sequence[str] | None = None) -> Builder:
    """Quarterly monitoring: per indicator, each quarter's (TW I–IV) target, realisation,
    achievement and achievement to date, then the year's — the year's figures combined from
    the quarters by the indicator's aggregation where the data gives only quarters."""

    def build(ctx: TableContext) -> Table:
        columns = ["No", "INDIKATOR", "SATUAN"]
        for name in QUARTERS:
            columns += [
                f"TARGET {name}",
                f"REALISASI {name}",
                f"CAPAIAN {name}",
                f"CAPAIAN S.D. {name}",
            ]
        columns += [f"TARGET {ctx.year}", f"REALISASI {ctx.year}", f"CAPAIAN {ctx.year}"]
        rows: list[list[Printed]] = []
        for number, (_, indicator) in enumerate(_objective_indicators(ctx, objectives), start=1):
            code = indicator.code
            row: list[Printed] = [str(number), indicator.name, indicator.unit]
            for quarter in ctx.period.quarters():
                row += [
                    ctx.value_cell(Subject(code, M.TARGET, quarter)),
                    ctx.value_cell(Subject(code, M.ACTUAL, quarter)),
                    ctx.cell(Subject(code, M.ACHIEVEMENT, quarter)),
                    ctx.cell(Subject(code, M.ACHIEVEMENT_TO_DATE, quarter)),
                ]
            row += [
                ctx.value_cell(Subject(code, M.TARGET, ctx.period)),
                ctx.value_cell(Subject(code, M.ACTUAL, ctx.period)),
                ctx.cell(Subject(code, M.ACHIEVEMENT, ctx.period)),
            ]
            rows.append(row)
        return make_table(ctx, columns, rows)

    return build


def multi_year_table(*, years: int = 3, objectives: Sequence[str] | None = None) -> Builder:
    """Realisation against previous years: the actual values of the ``years − 1`` years
    before, this year's target, actual and achievement, and the change on last year."""
    if years < 2:
        raise ValueError("multi_year_table: compare at least 2 years")

    def build(ctx: TableContext) -> Table:
        before = [Period(ctx.year - back) for back in range(years - 1, 0, -1)]
        columns = ["No", "SASARAN", "INDIKATOR", "SATUAN"]
        columns += [f"REALISASI {period.year}" for period in before]
        columns += [
            f"TARGET {ctx.year}",
            f"REALISASI {ctx.year}",
            f"CAPAIAN {ctx.year}",
            f"PERUBAHAN DARI {ctx.year - 1}",
        ]
        rows: list[list[Printed]] = []
        for number, (objective, indicator) in enumerate(
            _objective_indicators(ctx, objectives), start=1
        ):
            code = indicator.code
            row: list[Printed] = [str(number), objective, indicator.name, indicator.unit]
            row += [ctx.value_cell(Subject(code, M.ACTUAL, period)) for period in before]
            row += [
                ctx.value_cell(Subject(code, M.TARGET, ctx.period)),
                ctx.value_cell(Subject(code, M.ACTUAL, ctx.period)),
                ctx.cell(Subject(code, M.ACHIEVEMENT, ctx.period)),
                ctx.cell(Subject(code, M.CHANGE, ctx.period)),
            ]
            rows.append(row)
        return make_table(ctx, columns, rows)

    return build


def renstra_table(*, objectives: Sequence[str] | None = None) -> Builder:
    """Progress towards the Renstra: each indicator's baseline, end-of-period target, the
    realisation to date (its Renstra years so far, combined by its aggregation: added up
    only for cumulative indicators) and that realisation against the end target."""

    def build(ctx: TableContext) -> Table:
        columns = [
            "No",
            "INDIKATOR",
            "SATUAN",
            "TAHUN AWAL",
            "KONDISI AWAL",
            "TAHUN AKHIR",
            "TARGET AKHIR RENSTRA",
            f"REALISASI S.D. {ctx.year}",
            f"CAPAIAN S.D. {ctx.year}",
        ]
        rows: list[list[Printed]] = []
        for number, (_, indicator) in enumerate(_objective_indicators(ctx, objectives), start=1):
            code, baseline, end = indicator.code, indicator.baseline, indicator.end_target
            rows.append(
                [
                    str(number),
                    indicator.name,
                    indicator.unit,
                    str(baseline.period.year) if baseline else "-",
                    ctx.cell(Subject(code, M.BASELINE, ctx.period)),
                    str(end.period.year) if end else "-",
                    ctx.cell(Subject(code, M.END_TARGET, ctx.period)),
                    ctx.cell(Subject(code, M.TO_DATE, ctx.period)),
                    ctx.cell(Subject(code, M.ACHIEVEMENT_TO_DATE, ctx.period)),
                ]
            )
        return make_table(ctx, columns, rows)

    return build


def efficiency_table(*, stage: BudgetStage = BudgetStage.REVISED) -> Builder:
    """Efficiency of resources: per objective indicator, its achievement against the
    absorption of the objective's budget — the difference in points, the index
    IE = capaian / serapan (three decimals), TE = IE − 1, and the category."""

    def build(ctx: TableContext) -> Table:
        columns = [
            "No",
            "SASARAN",
            "INDIKATOR",
            "CAPAIAN (%)",
            "PAGU",
            "REALISASI",
            "SERAPAN (%)",
            "SELISIH",
            "IE",
            "TE",
            "KATEGORI",
        ]
        rows: list[list[Printed]] = []
        for number, objective in enumerate(ctx.data.objectives, start=1):
            for indicator in indicators_of(ctx, objective):
                code = indicator.code

                def budget(measure: Measure, key: str = objective.key) -> Subject:
                    return Subject(key, measure, ctx.period, stage)

                rows.append(
                    [
                        str(number),
                        objective.name,
                        indicator.name,
                        ctx.cell(Subject(code, M.ACHIEVEMENT, ctx.period)),
                        ctx.cell(budget(M.ALLOCATION), money),
                        ctx.cell(budget(M.SPENDING), money),
                        ctx.cell(budget(M.ABSORPTION), percent, ""),
                        ctx.cell(budget(M.EFFICIENCY_DIFFERENCE, code)),
                        ctx.cell(budget(M.EFFICIENCY_INDEX, code)),
                        ctx.cell(budget(M.EFFICIENCY_GAIN, code)),
                        ctx.label_cell(budget(M.EFFICIENCY_CATEGORY, code)),
                    ]
                )
        return make_table(ctx, columns, rows)

    return build


def standard_table(*, objectives: Sequence[str] | None = None) -> Builder:
    """Comparison with a national (or provincial) standard: the indicators that have one this
    year, their realisation, the standard and the difference."""

    def build(ctx: TableContext) -> Table:
        columns = ["No", "INDIKATOR", "SATUAN", f"REALISASI {ctx.year}", "STANDAR", "SELISIH"]
        rows: list[list[Printed]] = []
        with_standard = [
            indicator
            for _, indicator in _objective_indicators(ctx, objectives)
            if ctx.values.value(Subject(indicator.code, M.STANDARD, ctx.period)) is not None
        ]
        for number, indicator in enumerate(with_standard, start=1):
            code = indicator.code
            rows.append(
                [
                    str(number),
                    indicator.name,
                    indicator.unit,
                    ctx.value_cell(Subject(code, M.ACTUAL, ctx.period)),
                    ctx.cell(Subject(code, M.STANDARD, ctx.period)),
                    ctx.cell(Subject(code, M.STANDARD_GAP, ctx.period)),
                ]
            )
        return make_table(ctx, columns, rows)

    return build


def renja_evaluation_table(*, stage: BudgetStage = BudgetStage.REVISED) -> Builder:
    """The Renja evaluation form of Permendagri 86/2017: per objective indicator and per
    program, activity and sub-activity with an indicator — the Renstra end target, the
    realisation up to last year, this year's target (K and Rp), each quarter's realisation
    (K and Rp), the year's realisation and achievement, the realisation to date and the
    achievement against the Renstra end.

    The year's realisation and the realisation to date combine quarters and years by each
    indicator's aggregation: a cumulative indicator is added up, a percentage or a level is
    not (summing them is the defect found in real evaluation workbooks).
    """

    def build(ctx: TableContext) -> Table:
        year, last = ctx.year, ctx.year - 1
        columns = [
            "No",
            "SASARAN / PROGRAM / KEGIATAN",
            "INDIKATOR KINERJA",
            "SATUAN",
            "TARGET AKHIR RENSTRA (K)",
            f"REALISASI S.D. {last} (K)",
            f"TARGET {year} (K)",
            f"TARGET {year} (Rp)",
        ]
        for name in QUARTERS:
            columns += [f"REALISASI {name} (K)", f"REALISASI {name} (Rp)"]
        columns += [
            f"REALISASI {year} (K)",
            f"REALISASI {year} (Rp)",
            f"CAPAIAN {year} (K %)",
            f"CAPAIAN {year} (Rp %)",
            f"REALISASI S.D. {year} (K)",
            "CAPAIAN AKHIR RENSTRA (%)",
        ]
        rows: list[list[Printed]] = []
        for number, (objective, indicator) in enumerate(_objective_indicators(ctx, None), start=1):
            rows.append(_renja_row(ctx, str(number), objective, indicator, None, stage))
        for node in _nodes(ctx):
            code = ctx.values.indicator_of(node.key)
            if code is not None:
                indicator = ctx.data.indicator(code)
                rows.append(_renja_row(ctx, "", ctx.name(node), indicator, node, stage))
        return make_table(ctx, columns, rows)

    return build


def _nodes(ctx: TableContext) -> list[BudgetNode]:
    nodes: list[BudgetNode] = []
    for program in ctx.data.programs:
        nodes.append(program)
        for activity in ctx.data.children(program.key):
            nodes.append(activity)
            nodes.extend(ctx.data.children(activity.key))
    return nodes


def _renja_row(
    ctx: TableContext,
    number: str,
    name: str,
    indicator: Indicator,
    node: BudgetNode | None,
    stage: BudgetStage,
) -> list[Printed]:
    entity = node.key if node else indicator.code
    suffix = unit_suffix(indicator)

    def k(measure: Measure, period: Period = ctx.period) -> Printed:
        return ctx.value_cell(Subject(entity, measure, period), show, suffix)

    def rp(measure: Measure, period: Period = ctx.period) -> Printed:
        if node is None:
            return ""
        return ctx.cell(Subject(node.key, measure, period, stage), money)

    row: list[Printed] = [
        number,
        name,
        indicator.name,
        indicator.unit,
        ctx.cell(Subject(entity, M.END_TARGET, ctx.period), show, suffix),
        k(M.TO_DATE, ctx.previous),
        k(M.TARGET),
        rp(M.ALLOCATION),
    ]
    for quarter in ctx.period.quarters():
        row += [k(M.ACTUAL, quarter), rp(M.SPENDING, quarter)]
    row += [
        k(M.ACTUAL),
        rp(M.SPENDING),
        ctx.cell(Subject(entity, M.ACHIEVEMENT, ctx.period)),
        ctx.cell(Subject(node.key, M.ABSORPTION, ctx.period, stage), percent, "") if node else "",
        k(M.TO_DATE),
        ctx.cell(Subject(entity, M.ACHIEVEMENT_TO_DATE, ctx.period)),
    ]
    return row
