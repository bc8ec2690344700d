"""Hypothesis strategies for sakip's public records.

Installed with sakip, these are registered through hypothesis's entry point, so that
``st.from_type(Indicator)`` (or ``st.builds`` of a record holding one) gives valid records
in any plugin's tests without importing this module. Each strategy is also importable by
name for finer control: ``indicators(polarity=Polarity.LOWER)``.

Values are what agencies write: decimals with up to 4 places, amounts in whole rupiah,
years 2000-2100, keys without spaces.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetLine, BudgetStage
from sakip.model.findings import Finding, Severity
from sakip.model.indicators import (
    Aggregation,
    Grade,
    GradeRule,
    Indicator,
    Measurement,
    Polarity,
    RenstraValue,
    TargetRange,
)
from sakip.model.nomenclature import NomenclatureCode
from sakip.model.periods import Period
from sakip.model.plan import Agency, Goal, Objective
from sakip.model.policy import AchievementPolicy, ZeroPolicy
from sakip.model.printed import Figure, Label, Place, PrintedReport, Table
from sakip.model.programs import (
    Activity,
    Breakdown,
    BreakdownItem,
    ProblemNote,
    Program,
    SubActivity,
)
from sakip.model.subjects import ALL_OBJECTIVES, ALL_PROGRAMS, Measure, Subject
from sakip.numbers import format_number
from sakip.rounding import RoundingMode, RoundingPolicy
from sakip.rules.achievement import AchievementRule
from sakip.rules.budget import Amounts
from sakip.rules.formulas import BUILTIN_FORMULAS, Formula
from sakip.rules.scales import Band, Scale

# --- values ------------------------------------------------------------------------------

values = st.decimals(
    min_value=0,
    max_value=Decimal("999999999.9999"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)
"""Indicator values: 0 to 999.999.999,9999."""
positive_values = st.decimals(
    min_value=Decimal("0.0001"), max_value=Decimal("999999999.9999"), places=4
)
"""Values a denominator can be: above zero."""
money = st.integers(min_value=0, max_value=10**13).map(Decimal)
"""Amounts in whole rupiah, up to ten trillion."""
keys = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,11}", fullmatch=True)
"""Keys records refer to each other by."""
names = st.from_regex(r"[A-Z][a-z]{1,9}( [A-Za-z]{1,9}){0,4}", fullmatch=True)
"""Display names: a few words."""
agency_ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
units = st.sampled_from(["%", "orang", "perusahaan", "kasus", "dokumen", ""])
grade_labels = st.lists(
    st.from_regex(r"[A-Z]{1,3}", fullmatch=True), min_size=2, max_size=6, unique=True
)


# --- records -----------------------------------------------------------------------------

periods = st.builds(
    Period,
    year=st.integers(min_value=2000, max_value=2100),
    quarter=st.none() | st.integers(min_value=1, max_value=4),
)
years = st.integers(min_value=2000, max_value=2100).map(Period)
"""Yearly periods only."""


@st.composite
def target_ranges(draw: st.DrawFn) -> TargetRange:
    low, high = sorted((draw(positive_values), draw(positive_values)))
    return TargetRange(low, high)


rounding_policies = st.builds(
    RoundingPolicy, mode=st.sampled_from(list(RoundingMode)), places=st.integers(0, 4)
)
achievement_policies = st.builds(
    AchievementPolicy,
    rounding=rounding_policies,
    zero=st.sampled_from(list(ZeroPolicy)),
    cap=st.none() | st.integers(min_value=100, max_value=200).map(Decimal),
)


renstra_values = st.builds(RenstraValue, period=years, value=values)


@st.composite
def indicators(draw: st.DrawFn, polarity: Polarity | None = None) -> Indicator:
    """An indicator; qualitative ones get their grades, best first; a Renstra baseline
    before its end target, where drawn."""
    chosen = polarity or draw(st.sampled_from(list(Polarity)))
    start = draw(st.integers(min_value=2000, max_value=2090))
    baseline = draw(st.none() | st.builds(RenstraValue, period=st.just(start), value=values))
    end_target = draw(st.none() | st.builds(RenstraValue, period=st.just(start + 5), value=values))
    return Indicator(
        code=draw(keys),
        name=draw(names),
        unit=draw(units),
        polarity=chosen,
        aggregation=draw(st.sampled_from(list(Aggregation))),
        grades=draw(grade_labels) if chosen is Polarity.QUALITATIVE else (),
        policy=draw(st.none() | achievement_policies),
        grade_rule=draw(st.sampled_from(list(GradeRule))),
        baseline=baseline,
        end_target=end_target,
    )


measurements = st.builds(
    Measurement,
    indicator=keys,
    period=periods,
    target=st.none() | values | target_ranges() | names.map(Grade),
    actual=st.none() | values | names.map(Grade),
    standard=st.none() | values,
)
agencies = st.builds(
    Agency,
    id=agency_ids,
    name=names,
    region=names,
    policy=achievement_policies,
    scale=st.sampled_from(["permendagri-86-2017", "jatim", "permenpanrb-88-2021"]),
)
goals = st.builds(Goal, key=keys, name=names, indicators=st.lists(keys, max_size=3))
objectives = st.builds(
    Objective,
    key=keys,
    name=names,
    goal=keys,
    indicators=st.lists(keys, max_size=3),
    funded_by=st.lists(keys, max_size=3),
)


def _codes(length: int) -> st.SearchStrategy[NomenclatureCode]:
    segments = [
        st.from_regex(r"[1-9]", fullmatch=True),
        st.from_regex(r"[0-9]{2}", fullmatch=True),
        st.from_regex(r"[0-9]{2}", fullmatch=True),
        st.sampled_from(["1", "2"]),
        st.from_regex(r"[0-9]{2}", fullmatch=True),
        st.from_regex(r"[0-9]{4}", fullmatch=True),
    ][:length]
    return st.tuples(*segments).map(lambda parts: NomenclatureCode.parse(".".join(parts)))


nomenclature_codes = _codes(3) | _codes(5) | _codes(6)
programs = st.builds(
    Program,
    key=keys,
    name=names,
    code=st.none() | _codes(3),
    objective=st.none() | keys,
    indicators=st.lists(keys, max_size=2),
)
activities = st.builds(
    Activity,
    key=keys,
    name=names,
    program=keys,
    code=st.none() | _codes(5),
    indicators=st.lists(keys, max_size=2),
)
sub_activities = st.builds(
    SubActivity,
    key=keys,
    name=names,
    activity=keys,
    code=st.none() | _codes(6),
    indicators=st.lists(keys, max_size=2),
)
budget_lines = st.builds(
    BudgetLine,
    node=keys,
    period=years,
    stage=st.sampled_from(list(BudgetStage)),
    allocation=money,
    spending=st.none() | money,
)
problem_notes = st.builds(
    ProblemNote, node=keys, period=years, problem=names, remedy=names, follow_up=names
)
breakdown_items = st.builds(BreakdownItem, label=names, value=values)
breakdowns = st.builds(
    Breakdown,
    key=keys,
    title=names,
    period=years,
    label_heading=names,
    value_heading=names,
    items=st.lists(breakdown_items, min_size=1, max_size=8),
)
amounts = st.builds(Amounts, allocation=money, spending=st.none() | money)


@st.composite
def subjects(draw: st.DrawFn) -> Subject:
    """What a figure states; budget measures get a stage, others none."""
    measure = draw(st.sampled_from(list(Measure)))
    return Subject(
        entity=draw(keys | st.sampled_from([ALL_PROGRAMS, ALL_OBJECTIVES])),
        measure=measure,
        period=draw(years),
        stage=draw(st.sampled_from(list(BudgetStage))) if measure.is_budget else None,
    )


places = st.builds(
    Place, table=keys, row=st.integers(min_value=1, max_value=200), column=names, label=names
)
labels = st.builds(Label, place=places, text=names, subject=subjects())
findings = st.builds(
    Finding,
    code=st.from_regex(r"[A-Z]{2,4}[0-9]{2,4}", fullmatch=True),
    severity=st.sampled_from(list(Severity)),
    places=st.lists(places, min_size=1, max_size=4),
    printed=values.map(str),
    expected=st.none() | values.map(str),
    message=names,
    check=st.from_regex(r"[a-z]{2,8}\.[a-z]{2,8}", fullmatch=True),
)

# --- rules ------------------------------------------------------------------------------

rule_codes = st.from_regex(r"[a-z][a-z0-9]{0,7}(\.[a-z0-9]{1,6}){0,2}", fullmatch=True)
"""Codes of formulas and scales: lower case, dotted."""
thresholds = st.decimals(min_value=0, max_value=200, places=2)
bands = st.builds(Band, label=names, lower=st.none() | thresholds, inclusive=st.booleans())


@st.composite
def scales(draw: st.DrawFn) -> Scale:
    """A valid scale: distinct labels, thresholds strictly decreasing from the best band,
    and a last band without one."""
    labels = draw(st.lists(names, min_size=2, max_size=6, unique=True))
    bounds = sorted(
        draw(st.lists(thresholds, min_size=len(labels) - 1, max_size=len(labels) - 1, unique=True)),
        reverse=True,
    )
    inclusive = draw(st.lists(st.booleans(), min_size=len(bounds), max_size=len(bounds)))
    return Scale(
        code=draw(rule_codes),
        name=draw(names),
        source=draw(names),
        bands=[
            *(
                Band(label, lower, flag)
                for label, lower, flag in zip(labels, bounds, inclusive, strict=False)
            ),
            Band(labels[-1]),
        ],
    )


@st.composite
def formulas(draw: st.DrawFn) -> Formula:
    """A formula under a new code that computes as one of the built-in formulas does, so
    that it keeps the formula contract (:func:`sakip.testing.check_formula`)."""
    like = draw(st.sampled_from(BUILTIN_FORMULAS))
    return Formula(
        code=draw(rule_codes),
        name=draw(names),
        polarity=like.polarity,
        expression=like.expression,
        source=draw(names),
        compute=like.compute,
        meets=like.meets,
    )


achievement_rules = st.builds(AchievementRule, formula=formulas(), policy=achievement_policies)

# --- what a report prints ----------------------------------------------------------------


@st.composite
def figures(draw: st.DrawFn) -> Figure:
    """A printed figure: its text is its value written in Indonesian form."""
    value = draw(values)
    return Figure(draw(places), format_number(value), value, draw(subjects()))


@st.composite
def tables(draw: st.DrawFn, table_id: str | None = None) -> Table:
    """A printed table: a label column, then figure columns whose printed cells each state a
    subject (an empty cell or ``-`` prints no figure)."""
    width = draw(st.integers(min_value=1, max_value=4))
    columns = ["Uraian", *(draw(names) for _ in range(width))]
    rows: list[list[str]] = []
    cells: dict[tuple[int, int], Subject] = {}
    for row in range(draw(st.integers(min_value=1, max_value=6))):
        line = [draw(names)]
        for column in range(1, width + 1):
            value = draw(st.none() | values)
            line.append("-" if value is None else format_number(value))
            if value is not None:
                cells[(row, column)] = draw(subjects())
        rows.append(line)
    return Table(
        id=table_id or draw(keys),
        title=draw(names),
        columns=columns,
        rows=rows,
        subjects=cells,
    )


@st.composite
def printed_reports(draw: st.DrawFn) -> PrintedReport:
    """A report as printed: tables with distinct numbers."""
    ids = draw(st.lists(keys, min_size=1, max_size=4, unique=True))
    return PrintedReport(
        agency=draw(agency_ids),
        year=draw(st.integers(min_value=2000, max_value=2100)),
        tables=[draw(tables(table_id)) for table_id in ids],
        source=draw(names),
    )


def _agency_datasets() -> st.SearchStrategy[AgencyData]:
    from sakip.testing.datasets import agency_datasets  # it prints reports: loaded on use

    return agency_datasets()


STRATEGIES: dict[type, st.SearchStrategy[Any]] = {
    Period: periods,
    TargetRange: target_ranges(),
    Grade: names.map(Grade),
    RoundingPolicy: rounding_policies,
    AchievementPolicy: achievement_policies,
    Indicator: indicators(),
    Measurement: measurements,
    Agency: agencies,
    Goal: goals,
    Objective: objectives,
    NomenclatureCode: nomenclature_codes,
    Program: programs,
    Activity: activities,
    SubActivity: sub_activities,
    BudgetLine: budget_lines,
    ProblemNote: problem_notes,
    BreakdownItem: breakdown_items,
    Breakdown: breakdowns,
    Amounts: amounts,
    Subject: subjects(),
    Place: places,
    Finding: findings,
    Band: bands,
    RenstraValue: renstra_values,
    Label: labels,
    Scale: scales(),
    Formula: formulas(),
    AchievementRule: achievement_rules,
    Figure: figures(),
    Table: tables(),
    PrintedReport: printed_reports(),
    AgencyData: st.deferred(_agency_datasets),
}
"""The strategy of each public record class, as registered with hypothesis."""


def register_strategies() -> None:
    """Register :data:`STRATEGIES` so that ``st.from_type`` finds them."""
    for cls, strategy in STRATEGIES.items():
        st.register_type_strategy(cls, strategy)
