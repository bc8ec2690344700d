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


# --- the library's own context, whatever the caller's ------------------------------------------

# A caller working at 5 digits, rounding toward −∞: every figure below needs more than 5.
# By hand: 4.487.736.364 / 4.753.553.212 × 100 = 94,4080… (half-up 94,41);
# 1.234.567.891 / 1.000.000.000 × 100 = 123,4567891 (half-up 123,46).


def _tight() -> object:
    from decimal import ROUND_FLOOR, Context, localcontext

    return localcontext(Context(prec=5, rounding=ROUND_FLOOR))


def test_rules_keep_their_context_under_a_callers_tight_one() -> None:
    from sakip import absorption, format_number

    ratio = REGISTRY.achievement_rule("higher.ratio", AchievementPolicy())
    with _tight():
        assert absorption(D(4_753_553_212), D(4_487_736_364)) == D("94.41")
        assert ratio(D(1_000_000_000), D(1_234_567_891)) == D("123.46")
        assert ratio.many([D(1_000_000_000)], [D(1_234_567_891)]) == [D("123.46")]
        assert ratio.raw(D(1_000_000_000), D(1_234_567_891)) == D("123.4567891")
        # 123.456,78 / 1.000 × 100 = 12.345,678: half-up 12.345,68 (5 digits would keep 12.345).
        assert absorption(D(1000), D("123456.78")) == D("12345.68")
        assert RoundingPolicy().apply(D("4753553212.125")) == D("4753553212.13")
        assert format_number(D("4753553212.125"), places=2) == "4.753.553.212,13"
        assert parse_number("4753553212,125") == D("4753553212.125")
        assert parse_number("Rp 4.753.553.212,-") == D(4_753_553_212)


def test_the_other_rules_keep_their_context_too() -> None:
    from sakip.model.indicators import Aggregation
    from sakip.rules.aggregation import aggregate
    from sakip.rules.budget import Amounts
    from sakip.rules.efficiency import efficiency_gain, efficiency_index
    from sakip.rules.evaluation import evaluation_score

    with _tight():
        # By hand: 123.456,789 / 1,000001 = 123.456,6655… → 123.456,67.
        assert efficiency_index(D("123456.789"), D("1.000001")) == D("123456.67")
        assert efficiency_gain(D("123456.78")) == D("123455.78")
        assert aggregate([D("100000.5"), D("100000.7")], Aggregation.SUM) == D("200001.2")
        assert aggregate([D("100000.5"), D("100000.7")], Aggregation.AVERAGE) == D("100000.6")
        # 99,999 % in every component: 29,9997 + 29,9997 + 14,99985 + 24,99975 = 99,999.
        parts = {"planning", "measurement", "reporting", "internal_evaluation"}
        assert evaluation_score(**dict.fromkeys(parts, D("99.999"))) == D("99.999")
        total = Amounts(D(4_000_000_000), D(3_999_999_999)) + Amounts(D(1), D(1))
        assert total == Amounts(D(4_000_000_001), D(4_000_000_000))


# --- formulas: what each refuses, and its boundaries -----------------------------------------


def _refusal(call: object, kind: type[Exception]) -> str:
    with pytest.raises(kind) as caught:
        call()  # type: ignore[operator]
    return str(caught.value)


def test_a_zero_denominator_names_what_is_zero_and_the_formula() -> None:
    from sakip import ZeroDenominatorError, ZeroPolicy

    choose = "Choose a zero policy ('not-applicable' or 'met-if-meets') if the agency has one"
    ratio = REGISTRY.achievement_rule("higher.ratio", AchievementPolicy())
    assert _refusal(lambda: ratio(D(0), D(3)), ZeroDenominatorError) == (
        f"the target is 0, so formula higher.ratio (R / T × 100) is undefined. {choose}"
    )
    assert _refusal(lambda: ratio.many([D(1), D(0)], [D(1), D(3)]), ZeroDenominatorError) == (
        f"measurement #2: the target is 0, so formula higher.ratio (R / T × 100) is "
        f"undefined. {choose}"
    )
    two_t = REGISTRY.achievement_rule("lower.2t-r", AchievementPolicy())
    assert _refusal(lambda: two_t(D(0), D(3)), ZeroDenominatorError) == (
        f"the target is 0, so formula lower.2t-r ((2T − R) / T × 100) is undefined. {choose}"
    )
    inverse = REGISTRY.achievement_rule("lower.inverse", AchievementPolicy())
    assert _refusal(lambda: inverse(D(5), D(0)), ZeroDenominatorError) == (
        f"the actual is 0, so formula lower.inverse (T / R × 100) is undefined. {choose}"
    )
    # Met if meets, in bulk as singly: 3 ≥ 0 meets a higher-is-better target of 0.
    met = REGISTRY.achievement_rule("higher.ratio", AchievementPolicy(zero=ZeroPolicy.MET_IF_MEETS))
    assert met.many([D(0), D(0)], [D(3), D(-1)]) == [D("100.00"), D("0.00")]


def test_targets_a_single_value_formula_refuses() -> None:
    from sakip import ValidationError

    for code in ("higher.ratio", "lower.2t-r", "lower.inverse"):
        rule = REGISTRY.achievement_rule(code, AchievementPolicy())
        assert _refusal(lambda: rule(D(-10), D(-5)), ValidationError) == (  # noqa: B023
            f"formula {code}: the target -10 is negative; the ratio of an actual value to a "
            "negative target is no achievement (state the indicator so that its target is "
            "positive, or use a formula of its own)"
        )
        assert _refusal(lambda: rule(TargetRange(D(1), D(5)), D(3)), ValidationError) == (  # noqa: B023
            f"formula {code} takes a single target value, not a range (1..5); a range target "
            "needs a range formula (polarity range)"
        )
    ratio = REGISTRY.achievement_rule("higher.ratio", AchievementPolicy())
    # A range whose bounds are equal is a single value; a negative lower bound is refused.
    assert ratio(TargetRange(D(80), D(80)), D(90)) == D("112.50")
    assert "negative" in _refusal(lambda: ratio(TargetRange(D(-1), D(5)), D(3)), ValidationError)
    assert _refusal(lambda: ratio("80", None), Exception) == (
        "actual: expected an int, Decimal or numeric text, got NoneType"
    )
    assert _refusal(lambda: ratio(None, "80"), Exception) == (
        "target: expected an int, Decimal or numeric text, got NoneType"
    )


def test_a_range_includes_its_bounds() -> None:
    formula = {f.code: f for f in REGISTRY.formulas}["range.nearest"]
    nearest = REGISTRY.achievement_rule("range.nearest", AchievementPolicy())
    # At a bound of 0 the actual is inside the range: 100, never a zero denominator.
    assert nearest(TargetRange(D(0), D(5)), D(0)) == D("100.00")
    assert nearest(TargetRange(D(0), D(0)), D(0)) == D("100.00")
    assert formula.meets(TargetRange(D(1), D(5)), D(1))
    assert formula.meets(TargetRange(D(1), D(5)), D(5))
    assert not formula.meets(TargetRange(D(1), D(5)), D("5.01"))
    assert formula.meets(D(5), D(5))
    higher = {f.code: f for f in REGISTRY.formulas}["higher.ratio"]
    from sakip import ValidationError

    assert _refusal(lambda: higher.meets(TargetRange(D(1), D(5)), D(3)), ValidationError) == (
        "formula higher takes a single target value, not a range (1..5); a range target needs "
        "a range formula (polarity range)"
    )
    lower = {f.code: f for f in REGISTRY.formulas}["lower.inverse"]
    assert _refusal(lambda: lower.meets(TargetRange(D(1), D(5)), D(3)), ValidationError) == (
        "formula lower takes a single target value, not a range (1..5); a range target needs "
        "a range formula (polarity range)"
    )
    assert lower.meets(D(5), D(5))
    assert not lower.meets(D(5), D("5.01"))


def test_budget_amounts_add_and_absorb() -> None:
    from sakip import ZeroDenominatorError, absorption
    from sakip.rules.budget import Amounts

    assert (Amounts(D(1), None) + Amounts(D(2), D(3))).spending is None
    assert (Amounts(D(2), D(3)) + Amounts(D(1), None)).spending is None
    # 2 / 3 × 100 = 66,666…: half-up 66,67, truncated 66,66.
    assert Amounts(D(3), D(2)).absorption(RoundingPolicy("truncate", 2)) == D("66.66")
    assert _refusal(lambda: absorption(D(0), D(5)), ZeroDenominatorError) == (
        "absorption: the allocation is 0, so absorption is undefined"
    )
    assert _refusal(lambda: absorption(None, D(5)), Exception) == (
        "allocation: expected an int, Decimal or numeric text, got NoneType"
    )
    assert _refusal(lambda: absorption(D(5), None), Exception) == (
        "spending: expected an int, Decimal or numeric text, got NoneType"
    )


def test_efficiency_and_evaluation_bounds() -> None:
    from sakip import ValidationError, ZeroDenominatorError
    from sakip.model.indicators import Aggregation
    from sakip.rules.aggregation import aggregate
    from sakip.rules.efficiency import Efficiency, classify_difference, efficiency_index
    from sakip.rules.evaluation import evaluation_score

    # Within ±5 points is fairly efficient, bounds included; above +5 efficient.
    assert classify_difference(D(5)) is Efficiency.FAIRLY_EFFICIENT
    assert classify_difference(D("5.01")) is Efficiency.EFFICIENT
    assert classify_difference(D(-5)) is Efficiency.FAIRLY_EFFICIENT
    assert classify_difference(D("-5.01")) is Efficiency.NOT_EFFICIENT
    assert _refusal(lambda: efficiency_index(D(90), D(0)), ZeroDenominatorError) == (
        "efficiency index: absorption is 0, so the index is undefined"
    )
    # 0 % is a percentage: 0 + 100 × 30 % + 100 × 15 % + 100 × 25 % = 70.
    score = evaluation_score(
        planning=D(0), measurement=D(100), reporting=D(100), internal_evaluation=D(100)
    )
    assert score == D(70)
    assert _refusal(lambda: aggregate([], Aggregation.SUM), ValidationError) == (
        "aggregate (sum): no values to combine"
    )


def test_grades_are_read_as_text_or_grades() -> None:
    from sakip import ValidationError

    grades = ("WTP", "WDP", "TMP")
    assert qualitative.met(grades, "WDP", "WTP")
    assert qualitative.met(grades, Grade("WDP"), Grade("WDP"))
    assert not qualitative.met(grades, "WTP", Grade("WDP"))
    assert _refusal(lambda: qualitative.met(grades, "WTP", "TW"), ValidationError) == (
        "grade 'TW' is not one of WTP, WDP, TMP"
    )


def test_a_scale_converts_what_it_classifies_and_refuses_equal_thresholds() -> None:
    from sakip import NumberError, ValidationError
    from sakip.rules.scales import Band, Scale

    scale = REGISTRY.scale("permendagri-86-2017")
    assert scale.classify(91) == "Sangat Tinggi"
    assert scale.classify("90,99") == "Tinggi"
    assert _refusal(lambda: scale.classify(None), NumberError) == (
        "scale permendagri-86-2017: the achievement: expected an int, Decimal or numeric text, "
        "got NoneType"
    )
    assert _refusal(lambda: scale.classify(Decimal("NaN")), NumberError) == (
        "scale permendagri-86-2017: the achievement: NaN is not a finite number"
    )
    bands = (Band("A", D(80)), Band("B", D(80)), Band("C", None))
    assert _refusal(
        lambda: Scale(code="x", name="x", source="x", bands=bands), ValidationError
    ) == ("Scale x: thresholds must decrease strictly from the best band, got 80, 80")
    assert (
        _refusal(
            lambda: Scale(code="x", name="x", source="x", bands=(Band("A", None),)), ValidationError
        )
        == "Scale x: needs at least two bands"
    )
