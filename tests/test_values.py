"""The value model: every figure computed once, from the data and its rules, and the same
answer (or the same error) for the tables and the review.

Expected values are worked by hand from the small agency below or read from the source
report (the example agency, LKjIP 2023 of Dinas Tenaga Kerja Kabupaten Sampang).
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
import sampang_disnaker

from sakip import (
    ALL_OBJECTIVES,
    ALL_PROGRAMS,
    Activity,
    Agency,
    AgencyData,
    BudgetLine,
    BudgetStage,
    Goal,
    Indicator,
    Measure,
    Measurement,
    Objective,
    Program,
    SubActivity,
    Subject,
    UnknownCodeError,
    ValueModel,
    build_tables,
    load_printed_report,
    review_report,
)
from sakip.tables.build import build_from
from sakip.testing import isolated_registry

REGISTRY = isolated_registry(sampang_disnaker)
REVISED = BudgetStage.REVISED


def _small() -> AgencyData:
    """One objective (IKU-1: target 80, actual 90) funded by sub-activity S1; program P1,
    whose indicator is IKU-1 itself, has activity K1 (indicator K1: target 4, actual 3) with
    sub-activities S1 (1.000.000, spent 900.000) and S2 (500.000, spent 250.000)."""
    return AgencyData(
        agency=Agency(id="dinas-uji", name="Dinas Uji"),
        goals=[Goal(key="T1", name="Tujuan")],
        objectives=[
            Objective(key="O1", name="Sasaran", goal="T1", indicators="IKU-1", funded_by="S1"),
            Objective(key="O2", name="Sasaran Dua", goal="T1", funded_by="S2"),
        ],
        indicators=[
            Indicator(code="IKU-1", name="Persentase", unit="%"),
            Indicator(code="K1", name="Jumlah kegiatan"),
        ],
        measurements=[
            Measurement(indicator="IKU-1", period=2024, target=Decimal(80), actual=Decimal(90)),
            Measurement(indicator="K1", period=2024, target=Decimal(4), actual=Decimal(3)),
        ],
        programs=[Program(key="P1", name="Program", objective="O1", indicators="IKU-1")],
        activities=[Activity(key="K1", name="Kegiatan", program="P1", indicators="K1")],
        sub_activities=[
            SubActivity(key="S1", name="Sub Satu", activity="K1"),
            SubActivity(key="S2", name="Sub Dua", activity="K1"),
        ],
        budget_lines=[
            BudgetLine(node="S1", period=2024, stage=REVISED, allocation=1000000, spending=900000),
            BudgetLine(node="S2", period=2024, stage=REVISED, allocation=500000, spending=250000),
        ],
    )


VALUES = ValueModel(_small(), REGISTRY)


@pytest.mark.parametrize(
    ("entity", "measure", "expected"),
    [
        ("IKU-1", Measure.ACHIEVEMENT, "112.50"),  # 90 / 80 × 100
        ("P1", Measure.ACTUAL, "90"),  # the program's indicator is IKU-1
        ("P1", Measure.ACHIEVEMENT, "112.50"),
        ("K1", Measure.ACHIEVEMENT, "75.00"),  # 3 / 4 × 100
        ("S1", Measure.ACTUAL, None),  # no indicator
    ],
)
def test_indicator_values(entity: str, measure: Measure, expected: str | None) -> None:
    value = VALUES.value(Subject(entity, measure, 2024))
    assert value == (None if expected is None else Decimal(expected))
    if value is not None:
        assert str(value) == expected  # the policy's two decimals are kept


@pytest.mark.parametrize(
    ("entity", "measure", "expected"),
    [
        ("K1", Measure.ALLOCATION, "1500000"),  # 1.000.000 + 500.000
        ("P1", Measure.SPENDING, "1150000"),  # 900.000 + 250.000
        ("P1", Measure.ABSORPTION, "76.67"),  # 1.150.000 / 1.500.000 × 100 = 76,666…
        ("O1", Measure.ALLOCATION, "1000000"),  # funded by S1
        (ALL_OBJECTIVES, Measure.ALLOCATION, "1500000"),
        (ALL_PROGRAMS, Measure.ABSORPTION, "76.67"),
    ],
)
def test_budget_values_at_every_level(entity: str, measure: Measure, expected: str) -> None:
    assert str(VALUES.value(Subject(entity, measure, 2024, REVISED))) == expected


def test_a_total_is_the_sum_of_its_parts() -> None:
    total = Subject(ALL_OBJECTIVES, Measure.ALLOCATION, 2024, REVISED)
    assert VALUES.parts(total) == ("O1", "O2")
    parts = [VALUES.value(total.of(part)) for part in VALUES.parts(total)]
    assert sum(p for p in parts if p is not None) == VALUES.value(total)


def test_nothing_budgeted_is_no_value_not_zero() -> None:
    assert VALUES.value(Subject("P1", Measure.ALLOCATION, 2024, BudgetStage.INITIAL)) is None


def test_a_node_figure_is_the_same_quantity_as_its_indicators() -> None:
    subject = Subject("P1", Measure.ACTUAL, 2024)
    assert VALUES.quantity(subject) == Subject("IKU-1", Measure.ACTUAL, 2024)
    budget = Subject("P1", Measure.ALLOCATION, 2024, REVISED)
    assert VALUES.quantity(budget) == budget


def test_the_cascade_never_makes_an_indicator_its_own_child() -> None:
    # O1's indicator IKU-1 is P1's too: P1 is no level below IKU-1.
    assert "IKU-1" not in VALUES.children("IKU-1")
    assert VALUES.children("IKU-1") == ("K1",)
    assert VALUES.children("P1") == ("K1",)


def test_a_rate_from_other_inputs_follows_the_same_rule() -> None:
    achievement = Subject("IKU-1", Measure.ACHIEVEMENT, 2024)
    assert VALUES.rate(achievement, (Decimal("77.85"), Decimal("88.73"))) == Decimal("113.98")
    assert VALUES.rate(achievement, (Decimal(0), Decimal(5))) is None  # no denominator


def test_the_example_agencys_values_are_the_reports() -> None:
    values = ValueModel(sampang_disnaker.load(), REGISTRY)
    # Tables 3.1 and 3.6 print 121,98; table 3.6 prints 91.682.691 and 94,41 %.
    assert values.value(Subject("IKU-1", Measure.ACHIEVEMENT, 2023)) == Decimal("121.98")
    assert values.value(Subject(ALL_OBJECTIVES, Measure.ALLOCATION, 2023, REVISED)) == Decimal(
        91682691
    )
    assert values.value(Subject("S1", Measure.ABSORPTION, 2023, REVISED)) == Decimal("94.41")


def test_an_unknown_formula_fails_tables_and_review_alike() -> None:
    data = sampang_disnaker.load()
    broken = attrs.evolve(
        data,
        indicators=[
            attrs.evolve(i, formula="higher.ratoi") if i.code == "IKU-1" else i
            for i in data.indicators
        ],
    )
    specs = REGISTRY.tables_of("sampang-disnaker")
    with pytest.raises(UnknownCodeError, match=r"Did you mean 'higher\.ratio'") as from_tables:
        build_from(REGISTRY, broken, 2023, specs)
    report = load_printed_report(sampang_disnaker.DATA / "report-2023.yaml")
    with pytest.raises(UnknownCodeError, match=r"Did you mean 'higher\.ratio'") as from_review:
        review_report(REGISTRY, report, broken)
    assert str(from_tables.value) == str(from_review.value)


def test_every_table_cell_is_the_value_models() -> None:
    values = ValueModel(sampang_disnaker.load(), REGISTRY)
    for table in build_tables(REGISTRY, "sampang-disnaker", 2023):
        for figure in table.figures():
            assert figure.shows(values.value(figure.subject)), figure
