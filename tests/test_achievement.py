"""Achievement rules: hand-computed cases, then properties."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sakip import (
    AchievementPolicy,
    AchievementRule,
    RoundingMode,
    RoundingPolicy,
    TargetRange,
    ZeroDenominatorError,
    ZeroPolicy,
)
from sakip.rules.formulas import BUILTIN_FORMULAS
from tests.strategies import positive, scales, values

FORMULAS = {formula.code: formula for formula in BUILTIN_FORMULAS}
D = Decimal


def rule(code: str, **policy: object) -> AchievementRule:
    return AchievementRule(FORMULAS[code], AchievementPolicy(**policy))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "target", "actual", "expected"),
    [
        ("higher.ratio", D("77.85"), D("94.96"), D("121.98")),  # the report's table 3.1
        ("higher.ratio", D("100"), D("100"), D("100.00")),
        ("higher.ratio", D("90"), D("82"), D("91.11")),  # 82/90 = 0,91111…
        ("lower.2t-r", D("10"), D("12"), D("80.00")),  # (20 − 12) / 10
        ("lower.2t-r", D("10"), D("8"), D("120.00")),
        ("lower.2t-r", D("10"), D("25"), D("-50.00")),  # no floor: the formula as written
        ("lower.inverse", D("10"), D("12"), D("83.33")),  # 10/12 = 0,8333…
        ("lower.inverse", D("10"), D("8"), D("125.00")),
        ("range.nearest", TargetRange(D(5), D(10)), D("7"), D("100.00")),
        ("range.nearest", TargetRange(D(5), D(10)), D("12"), D("80.00")),  # (20 − 12) / 10
        ("range.nearest", TargetRange(D(5), D(10)), D("4"), D("80.00")),  # 4 / 5
    ],
)
def test_hand_computed(code: str, target: D | TargetRange, actual: D, expected: D) -> None:
    assert rule(code)(target, actual) == expected


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        # 88,73 / 77,85 × 100 = 113,9756…: the report's table 2.1 prints 113,97 (truncated).
        (RoundingMode.HALF_UP, D("113.98")),
        (RoundingMode.TRUNCATE, D("113.97")),
        (RoundingMode.HALF_EVEN, D("113.98")),
    ],
)
def test_rounding_policy_is_applied(mode: RoundingMode, expected: D) -> None:
    assert rule("higher.ratio", rounding=RoundingPolicy(mode))(D("77.85"), D("88.73")) == expected


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("half-up", D("0.13")), ("half-even", D("0.12")), ("truncate", D("0.12"))],
)
def test_exact_ties(mode: str, expected: D) -> None:
    # 1 / 800 × 100 = 0,125 exactly: a tie each policy breaks its own way.
    assert rule("higher.ratio", rounding=RoundingPolicy(mode))(D(800), D(1)) == expected


def test_binary_float_would_get_this_tie_wrong() -> None:
    # 2,675 % is a tie at 2 places; the float 2.675 is 2.67499999…, so float code gives 2,67.
    assert round(2.675, 2) == 2.67
    assert rule("higher.ratio")(D(100), D("2.675")) == D("2.68")


def test_near_tie_is_not_turned_into_a_false_tie() -> None:
    # 10^16 × 100 / (8·10^17 + 10^-12) = 1,25 × (1 − 1,25·10^-30) = 1,2499…(28 nines)…84375:
    # half-up to one place is 1,2. The inputs are within what sakip reads (18 digits before
    # the decimal point, 12 after).
    target, actual = D("800000000000000000.000000000001"), D(10**16)
    with localcontext() as naive:  # the default 28-digit context rounds it to 1,25 first
        naive.prec = 28
        assert (actual * 100 / target).quantize(D("0.1"), ROUND_HALF_UP) == D("1.3")
    assert rule("higher.ratio", rounding=RoundingPolicy("half-up", 1))(target, actual) == D("1.2")


def test_target_zero_is_an_error_by_default() -> None:
    with pytest.raises(ZeroDenominatorError, match="target is 0"):
        rule("higher.ratio")(D(0), D(5))


def test_inverse_form_with_zero_actual_is_an_error_by_default() -> None:
    with pytest.raises(ZeroDenominatorError, match="actual is 0"):
        rule("lower.inverse")(D(5), D(0))


@pytest.mark.parametrize(
    ("code", "target", "actual", "expected"),
    [
        ("higher.ratio", D(0), D(3), D(100)),  # 3 ≥ 0: met
        ("lower.2t-r", D(0), D(0), D(100)),  # no findings, target none: met
        ("lower.2t-r", D(0), D(2), D(0)),  # two findings against a target of none
        ("lower.inverse", D(5), D(0), D(100)),  # 0 ≤ 5: met
    ],
)
def test_met_if_meets_zero_policy(code: str, target: D, actual: D, expected: D) -> None:
    assert rule(code, zero=ZeroPolicy.MET_IF_MEETS)(target, actual) == expected


def test_not_applicable_zero_policy_gives_none_and_bulk_names_position() -> None:
    assert rule("higher.ratio", zero="not-applicable")(D(0), D(3)) is None
    with pytest.raises(ZeroDenominatorError, match="measurement #2"):
        rule("higher.ratio").many([D(1), D(0)], [D(1), D(1)])


def test_cap_bounds_the_rounded_figure() -> None:
    assert rule("higher.ratio", cap=D(120))(D("77.85"), D("94.96")) == D("120.00")
    assert rule("higher.ratio", cap=D(120))(D(100), D("80")) == D("80.00")
    # 100 is above a cap of 0,005; 0,01 would still exceed it, so the figure is 0,00.
    assert rule("higher.ratio", cap=D("0.005"))(D(1), D(1)) == D("0.00")


def test_bulk_path_equals_single_calls() -> None:
    targets = [D("77.85"), D(100), D(90)]
    actuals = [D("94.96"), D(100), D(82)]
    one = rule("higher.ratio")
    # By hand: 94,96 / 77,85 × 100 = 121,978… (the source report's table 3.1 prints 121,98),
    # 100 / 100 = 100, 82 / 90 × 100 = 91,111…
    assert one.many(targets, actuals) == [D("121.98"), D("100.00"), D("91.11")]
    assert one.many(targets, actuals) == [one(t, a) for t, a in zip(targets, actuals, strict=True)]
    truncating = rule("higher.ratio", rounding=RoundingPolicy("truncate", 1), cap=D(120))
    assert truncating.many(targets, actuals) == [D("120.0"), D("100.0"), D("91.1")]
    with pytest.raises(ValueError, match="zip"):
        one.many(targets, actuals[:2])


# --- properties ------------------------------------------------------------------------

RATIO_FORMS = ["higher.ratio", "lower.2t-r", "lower.inverse"]
ALL = [*RATIO_FORMS, "range.nearest"]
MODES = st.sampled_from(list(RoundingMode))


@given(code=st.sampled_from(ALL), value=positive)
def test_property_actual_equal_to_target_is_100(code: str, value: D) -> None:
    assert rule(code)(value, value) == D(100)


@given(
    code=st.sampled_from(["higher.ratio", "lower.2t-r", "lower.inverse"]),
    target=positive,
    a=values,
    b=values,
    mode=MODES,
)
def test_property_monotone_in_actual(code: str, target: D, a: D, b: D, mode: RoundingMode) -> None:
    low, high = sorted((a, b))
    assume(code != "lower.inverse" or low > 0)
    r = rule(code, rounding=RoundingPolicy(mode))
    if code == "higher.ratio":
        assert r(target, low) <= r(target, high)  # type: ignore[operator]
    else:
        assert r(target, low) >= r(target, high)  # type: ignore[operator]


@given(code=st.sampled_from(RATIO_FORMS), target=positive, actual=positive, k=scales)
def test_property_unchanged_when_both_scaled(code: str, target: D, actual: D, k: D) -> None:
    r = rule(code)
    assert r(target * k, actual * k) == r(target, actual)


@given(target=positive, delta=values)
def test_property_two_t_minus_r_symmetric_around_100(target: D, delta: D) -> None:
    r = rule("lower.2t-r")
    assert r.raw(target, target + delta) + r.raw(target, target - delta) == D(200)


@given(code=st.sampled_from(ALL), target=positive, actual=values, cap=values)
def test_property_cap_never_exceeded(code: str, target: D, actual: D, cap: D) -> None:
    assume(code != "lower.inverse" or actual > 0)
    result = rule(code, cap=cap)(target, actual)
    assert result is not None
    assert result <= cap


@given(target=positive, actual=values, mode=MODES, places=st.integers(0, 4))
def test_property_agrees_with_plain_decimal(
    target: D, actual: D, mode: RoundingMode, places: int
) -> None:
    # Reference: the textbook formula at 200 digits, far past any false tie for these inputs.
    with localcontext() as wide:
        wide.prec = 200
        expected = (actual / target * 100).quantize(
            D(1).scaleb(-places), rounding=mode.decimal_rounding
        )
    assert rule("higher.ratio", rounding=RoundingPolicy(mode, places))(target, actual) == expected
