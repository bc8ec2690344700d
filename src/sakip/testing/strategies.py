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

from sakip.model.budget import BudgetLine, BudgetStage
from sakip.model.findings import Finding, Severity
from sakip.model.indicators import Aggregation, Grade, Indicator, Measurement, Polarity, TargetRange
from sakip.model.nomenclature import NomenclatureCode
from sakip.model.periods import Period
from sakip.model.plan import Agency, Goal, Objective
from sakip.model.policy import AchievementPolicy, ZeroPolicy
from sakip.model.printed import Place
from sakip.model.programs import (
    Activity,
    Breakdown,
    BreakdownItem,
    ProblemNote,
    Program,
    SubActivity,
)
from sakip.model.subjects import ALL_OBJECTIVES, ALL_PROGRAMS, Measure, Subject
from sakip.rounding import RoundingMode, RoundingPolicy
from sakip.rules.budget import Amounts

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


@st.composite
def indicators(draw: st.DrawFn, polarity: Polarity | None = None) -> Indicator:
    """An indicator; qualitative ones get their grades, best first."""
    chosen = polarity or draw(st.sampled_from(list(Polarity)))
    return Indicator(
        code=draw(keys),
        name=draw(names),
        unit=draw(units),
        polarity=chosen,
        aggregation=draw(st.sampled_from(list(Aggregation))),
        grades=draw(grade_labels) if chosen is Polarity.QUALITATIVE else (),
        policy=draw(st.none() | achievement_policies),
    )


measurements = st.builds(
    Measurement,
    indicator=keys,
    period=periods,
    target=st.none() | values | target_ranges() | names.map(Grade),
    actual=st.none() | values | names.map(Grade),
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
}
"""The strategy of each public record class, as registered with hypothesis."""


def register_strategies() -> None:
    """Register :data:`STRATEGIES` so that ``st.from_type`` finds them."""
    for cls, strategy in STRATEGIES.items():
        st.register_type_strategy(cls, strategy)
