"""Generated agencies: consistent datasets, and the report sakip prints from them.

A review of a report printed from consistent data must find nothing; a report with one
figure changed must give exactly the finding for it. These strategies make both testable.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from sakip.gc_pause import paused_gc
from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetLine, BudgetStage
from sakip.model.indicators import Indicator, Measurement
from sakip.model.periods import Period
from sakip.model.plan import Agency, Goal, Objective
from sakip.model.policy import AchievementPolicy
from sakip.model.printed import PrintedReport
from sakip.model.programs import Activity, Breakdown, BreakdownItem, Program, SubActivity
from sakip.plugins.registry import Registry
from sakip.rounding import RoundingMode, RoundingPolicy
from sakip.tables import builders
from sakip.tables.context import TableContext
from sakip.values.model import ValueModel

YEAR = 2023

quantities = st.decimals(min_value=1, max_value=1000, places=2)
"""Targets: positive, as indicator targets are."""
actuals = st.decimals(min_value=0, max_value=1000, places=2)
amounts = st.integers(min_value=1, max_value=10**10).map(Decimal)
"""Allocations in whole rupiah."""


@st.composite
def agency_datasets(draw: st.DrawFn, *, initial_budget: bool = False) -> AgencyData:
    """A small agency: 1-3 objectives with one indicator each (measured this year and the
    last), 1-3 programs of activities of sub-activities, every sub-activity measured and
    budgeted at the revised stage (and the initial one if asked), one breakdown.

    Only sub-activities carry measurements, so no level's achievement can contradict the
    levels below it.
    """
    year, previous = Period(YEAR), Period(YEAR - 1)
    rounding = RoundingPolicy(
        draw(st.sampled_from(list(RoundingMode))), draw(st.integers(min_value=0, max_value=3))
    )
    indicators: list[Indicator] = []
    measurements: list[Measurement] = []
    programs: list[Program] = []
    activities: list[Activity] = []
    subs: list[SubActivity] = []
    lines: list[BudgetLine] = []

    def measured(code: str, *, last_year: bool = False) -> str:
        indicators.append(Indicator(code=code, name=f"Indikator {code}", unit="%"))
        measurements.append(
            Measurement(indicator=code, period=year, target=draw(quantities), actual=draw(actuals))
        )
        if last_year:
            measurements.append(Measurement(indicator=code, period=previous, actual=draw(actuals)))
        return code

    def budget(node: str, stage: BudgetStage) -> None:
        allocation = draw(amounts)
        # Spending in sen as well: tables print whole rupiah, so printed figures are
        # roundings of the data and totals of printed parts may differ from printed totals.
        sen = st.integers(min_value=0, max_value=int(allocation) * 200)
        spending = draw(sen.map(lambda value: Decimal(value).scaleb(-2)))
        lines.append(
            BudgetLine(
                node=node, period=year, stage=stage, allocation=allocation, spending=spending
            )
        )

    for p in range(1, draw(st.integers(min_value=1, max_value=3)) + 1):
        programs.append(Program(key=f"P{p}", name=f"Program {p}"))
        for a in range(1, draw(st.integers(min_value=1, max_value=2)) + 1):
            activity = f"P{p}.K{a}"
            activities.append(Activity(key=activity, name=f"Kegiatan {p}.{a}", program=f"P{p}"))
            for s in range(1, draw(st.integers(min_value=1, max_value=3)) + 1):
                key = f"{activity}.S{s}"
                subs.append(
                    SubActivity(
                        key=key, name=f"Sub Kegiatan {p}.{a}.{s}", activity=activity,
                        indicators=measured(key),
                    )
                )  # fmt: skip
                budget(key, BudgetStage.REVISED)
                if initial_budget:
                    budget(key, BudgetStage.INITIAL)
    program_keys = [program.key for program in programs]
    objectives = [
        Objective(
            key=f"S{o}",
            name=f"Sasaran {o}",
            goal="T1",
            indicators=measured(f"IK-{o}", last_year=True),
            funded_by=draw(st.lists(st.sampled_from(program_keys), min_size=1, unique=True)),
        )
        for o in range(1, draw(st.integers(min_value=1, max_value=3)) + 1)
    ]
    items = draw(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=4))
    return AgencyData(
        agency=Agency(
            id="generated-agency",
            name="Dinas Contoh",
            policy=AchievementPolicy(rounding=rounding),
        ),
        goals=[Goal(key="T1", name="Tujuan 1")],
        objectives=objectives,
        indicators=indicators,
        measurements=measurements,
        programs=programs,
        activities=activities,
        sub_activities=subs,
        budget_lines=lines,
        breakdowns=[
            Breakdown(
                key="rincian",
                title="Rincian",
                period=year,
                label_heading="Uraian",
                value_heading="Jumlah",
                items=[BreakdownItem(f"Bagian {n}", Decimal(v)) for n, v in enumerate(items, 1)],
            )
        ],
    )


REPORT_TABLES: tuple[tuple[str, builders.Builder], ...] = (
    ("2.1", builders.performance_table()),
    ("3.2", builders.performance_table(previous_year=True)),
    ("3.5", builders.objective_budget_table(stage=BudgetStage.REVISED, with_spending=True)),
    ("3.6", builders.performance_budget_table()),
    (
        "3.7",
        builders.program_budget_table(
            stage=BudgetStage.REVISED, grand_total_first="BELANJA", grand_total_last="TOTAL"
        ),
    ),
    ("3.9", builders.outputs_table()),
    ("rincian", builders.breakdown_table(key="rincian")),
)
"""An LKjIP's figure tables, printed by sakip's generic builders."""

INITIAL_TABLES: tuple[tuple[str, builders.Builder], ...] = (
    (
        "2.2",
        builders.program_budget_table(
            stage=BudgetStage.INITIAL, with_sub_activities=False, with_spending=False
        ),
    ),
    ("2.3", builders.objective_budget_table(stage=BudgetStage.INITIAL)),
)
"""BAB II's tables of the initial budget."""


@paused_gc()
def printed_report(
    data: AgencyData,
    registry: Registry,
    tables: tuple[tuple[str, builders.Builder], ...] = REPORT_TABLES,
) -> PrintedReport:
    """The report sakip prints from ``data``: every figure follows from the data."""
    values = ValueModel(data, registry)
    built = [
        build(TableContext(values=values, year=YEAR, id=table_id, title=table_id))
        for table_id, build in tables
    ]
    return PrintedReport(agency=data.agency.id, year=YEAR, tables=built, source="generated")
