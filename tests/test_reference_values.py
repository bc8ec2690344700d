"""Behaviours a mutation test found untested (issue 14), each pinned by values from the
regulation, the domain notes (``../shared/DOMAIN.md``) or a hand calculation, never from
the code under test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip import (
    AchievementPolicy,
    BudgetLine,
    NumberError,
    RoundingPolicy,
    TargetRange,
    load_registry,
    parse_number,
)
from sakip.model.budget import BudgetStage
from sakip.model.indicators import Grade
from sakip.model.periods import Period
from sakip.model.programs import Activity, Program, SubActivity
from sakip.rules import qualitative
from sakip.rules.budget import BudgetTree

REGISTRY = load_registry()
D = Decimal


# --- scales: thresholds from the regulation, probed on both sides of each --------------------

# Permendagri 86/2017: ≥ 91 Sangat Tinggi, ≥ 76 Tinggi, ≥ 66 Sedang, ≥ 51 Rendah, else Sangat
# Rendah (DOMAIN.md, "Scales").
PERMENDAGRI = [
    ("91", "Sangat Tinggi"),
    ("90.99", "Tinggi"),
    ("76", "Tinggi"),
    ("75.99", "Sedang"),
    ("66", "Sedang"),
    ("65.99", "Rendah"),
    ("51", "Rendah"),
    ("50.99", "Sangat Rendah"),
    ("0", "Sangat Rendah"),
    ("121.98", "Sangat Tinggi"),  # the source report's 121,98 % is "sangat tinggi"
]
# East Java practice: > 100 Sangat Baik, ≥ 75 Baik, ≥ 55 Cukup, else Kurang.
EAST_JAVA = [
    ("100.01", "Sangat Baik"),
    ("100", "Baik"),
    ("75", "Baik"),
    ("74.99", "Cukup"),
    ("55", "Cukup"),
    ("54.99", "Kurang"),
]
# PermenPANRB 88/2021: > 90 AA, > 80 A, > 70 BB, > 60 B, > 50 CC, > 30 C, else D.
PERMENPANRB_88 = [
    ("90.01", "AA"),
    ("90", "A"),
    ("80.01", "A"),
    ("80", "BB"),
    ("70", "B"),
    ("60", "CC"),
    ("50", "C"),
    ("30", "D"),
    ("30.01", "C"),
]


@pytest.mark.parametrize(
    ("code", "value", "label"),
    [("permendagri-86-2017", v, label) for v, label in PERMENDAGRI]
    + [("jatim", v, label) for v, label in EAST_JAVA]
    + [("permenpanrb-88-2021", v, label) for v, label in PERMENPANRB_88],
)
def test_each_scale_classifies_as_its_source_says(code: str, value: str, label: str) -> None:
    assert REGISTRY.scales.get(code).classify(D(value)) == label


def test_relabelling_keeps_whether_a_threshold_is_strict() -> None:
    # East Java's "> 100" stays "> 100" under other labels: 100 is not the best band.
    relabelled = REGISTRY.scales.get("jatim").relabel(["A", "B", "C", "D"])
    assert relabelled.classify(D(100)) == "B"
    assert relabelled.classify(D("100.01")) == "A"
    assert [band.describe() for band in relabelled.bands] == ["> 100", "≥ 75", "≥ 55", "otherwise"]


# --- rules: the bulk path applies the same policies as the scalar one ---------------------------


def test_the_bulk_path_applies_the_cap() -> None:
    # 150 / 100 = 150 %, capped at 120; 90 / 100 = 90 %, under the cap.
    rule = REGISTRY.achievement_rule("higher.ratio", AchievementPolicy(cap=D(120)))
    assert rule.many([D(100), D(100)], [D(150), D(90)]) == [D("120.00"), D("90.00")]


def test_the_bulk_path_goes_on_after_a_zero_target() -> None:
    policy = AchievementPolicy(zero="not-applicable")
    rule = REGISTRY.achievement_rule("higher.ratio", policy)
    # 0 target: no achievement; then 45 / 50 = 90 % and 1 / 3 = 33,33 %.
    assert rule.many([D(0), D(50), D(3)], [D(5), D(45), D(1)]) == [None, D("90.00"), D("33.33")]


def test_truncation_drops_digits_toward_zero_also_below_zero() -> None:
    truncate = RoundingPolicy("truncate", 2)
    assert truncate.apply(D("-1.239")) == D("-1.23")  # not -1,24 (that is flooring)
    assert truncate.apply(D("1.239")) == D("1.23")


@pytest.mark.parametrize(
    ("low", "high", "actual", "expected"),
    [
        # range.nearest: within the range 100; outside, the actual against the nearer bound.
        ("80", "90", "85", "100.00"),
        ("80", "90", "70", "87.50"),  # below: 70 / 80 = 87,5 %
        ("80", "90", "99", "90.00"),  # above: (2 × 90 − 99) / 90 = 90 %
    ],
)
def test_a_range_target_compares_below_with_the_lower_and_above_with_the_upper_bound(
    low: str, high: str, actual: str, expected: str
) -> None:
    rule = REGISTRY.achievement_rule("range.nearest")
    assert rule(TargetRange(D(low), D(high)), D(actual)) == D(expected)


def test_a_qualitative_grade_below_the_target_is_not_met() -> None:
    grades = ("WTP", "WDP", "TW", "TMP")
    assert qualitative.achievement(grades, Grade("WTP"), Grade("WTP")) == D(100)
    assert qualitative.achievement(grades, Grade("WTP"), Grade("WDP")) == D(0)
    assert qualitative.achievement(grades, Grade("WDP"), Grade("WTP")) == D(100)


# --- numbers: the caller's locale, and no NaN --------------------------------------------------------


def test_parse_number_reads_in_the_locale_it_is_given() -> None:
    assert parse_number("1,234.5", locale="en") == D("1234.5")
    assert parse_number("1.234,5") == D("1234.5")
    with pytest.raises(NumberError):
        parse_number("1,234.5")  # not Indonesian


@pytest.mark.parametrize("text", ["NaN", "nan", "Infinity", "-Infinity", "inf"])
def test_parse_number_refuses_what_is_not_a_finite_number(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text)


# --- budget roll-up: a year's lines only ----------------------------------------------------------


def test_the_roll_up_takes_the_lines_of_its_year_and_stage_only() -> None:
    tree = BudgetTree.from_nodes(
        [Program(key="P1", name="Program")],
        [Activity(key="P1.K1", name="Kegiatan", program="P1")],
        [SubActivity(key="P1.K1.S1", name="Sub", activity="P1.K1")],
    )
    lines = [
        BudgetLine(node="P1.K1.S1", period=2023, stage="revised", allocation=100, spending=90),
        BudgetLine(node="P1.K1.S1", period=2024, stage="revised", allocation=300, spending=200),
        BudgetLine(node="P1.K1.S1", period=2025, stage="revised", allocation=500, spending=400),
        BudgetLine(node="P1.K1.S1", period=2024, stage="initial", allocation=250),
    ]
    totals = tree.totals(lines, Period(2024), BudgetStage.REVISED)
    assert totals["P1"].allocation == D(300)
    assert totals["P1"].spending == D(200)
