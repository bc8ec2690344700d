"""The contract every formula and scale keeps, checked on generated inputs.

A plugin runs it on its own rules in one line each::

    from sakip.arithmetic import HUNDRED
from sakip.testing.contract import check_formula, check_scale

    def test_my_formula_keeps_the_contract():
        check_formula(MY_FORMULA)

A broken property fails with hypothesis's smallest counterexample.

Formulas, whatever their polarity:

- the result is a ``Decimal`` (never a float or an int), the same for the same inputs;
- the only errors are the library's own (a zero denominator is signalled with
  :class:`~sakip.ZeroDenominator`, which the zero policy turns into a figure or a
  :class:`~sakip.errors.ZeroDenominatorError`), never ``ZeroDivisionError``, ``TypeError``
  or ``decimal.InvalidOperation``;
- ``meets`` answers a ``bool``.

And by the polarity the formula declares:

- **higher**: an actual equal to the target gives 100; a higher actual never gives less;
  ``meets`` is ``actual >= target``;
- **lower**: an actual equal to the target gives 100; a higher actual never gives more;
  ``meets`` is ``actual <= target``;
- **range**: an actual inside the target range gives 100, one outside gives less;
  ``meets`` is ``lower <= actual <= upper``.

Scales: every value gets one of the scale's labels, and a higher value never gets a worse
band (bands are listed best first).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.arithmetic import HUNDRED
from sakip.errors import SakipError
from sakip.model.indicators import Polarity, TargetRange
from sakip.model.policy import AchievementPolicy
from sakip.rounding import RoundingPolicy
from sakip.rules.achievement import AchievementRule
from sakip.rules.formulas import Formula, NumericTarget, ZeroDenominator
from sakip.rules.scales import Scale
from sakip.testing.strategies import positive_values, target_ranges, values


def _rule(formula: Formula) -> AchievementRule:
    # Twelve decimals and no cap: the formula's own values are checked, not a policy's.
    return AchievementRule(formula, AchievementPolicy(rounding=RoundingPolicy("half-up", 12)))


def _value(rule: AchievementRule, target: NumericTarget, actual: Decimal) -> Decimal | None:
    """The rule's result, or ``None`` where the formula signals a zero denominator; any
    other error, or a result that is not a Decimal, fails the contract."""
    code = rule.formula.code
    try:
        raw = rule.formula.compute(target, actual)
    except (ZeroDenominator, SakipError):
        return None
    except Exception as exc:
        raise AssertionError(
            f"formula {code} raised {type(exc).__name__} ({exc}) for target {target}, actual "
            f"{actual}: errors must be sakip's own (raise ZeroDenominator for a zero "
            f"denominator, a SakipError for bad input)"
        ) from exc
    assert type(raw) is Decimal, (
        f"formula {code} returned {raw!r} ({type(raw).__name__}) for target {target}, actual "
        f"{actual}: expected a Decimal"
    )
    result = rule(target, actual)
    assert result is not None
    assert rule(target, actual) == result, f"formula {code} is not deterministic"
    return result


def _targets(polarity: Polarity) -> st.SearchStrategy[NumericTarget]:
    if polarity is Polarity.RANGE:
        return target_ranges()
    return positive_values


def check_formula(formula: Formula, *, max_examples: int = 200) -> None:
    """Check ``formula`` against the contract of its declared polarity.

    :raises AssertionError: with the smallest inputs that break a property.
    """
    if formula.polarity is Polarity.QUALITATIVE:
        raise ValueError(
            f"formula {formula.code}: qualitative indicators use grades, not a formula"
        )
    rule = _rule(formula)
    monotone = _monotone(formula.polarity)

    @settings(max_examples=max_examples, deadline=None, database=None)
    @given(target=_targets(formula.polarity), first=values, second=values)
    def contract(target: NumericTarget, first: Decimal, second: Decimal) -> None:
        low, high = sorted((first, second))
        at_low, at_high = _value(rule, target, low), _value(rule, target, high)
        if at_low is not None and at_high is not None and monotone is not None:
            assert monotone(at_low, at_high), (
                f"formula {formula.code} ({formula.polarity.value} is better): actual {low} "
                f"gives {at_low}, actual {high} gives {at_high}"
            )
        for actual in (low, high):
            met = formula.meets(target, actual)
            assert isinstance(met, bool), f"formula {formula.code}: meets must answer a bool"
            assert met == _should_meet(formula.polarity, target, actual), (
                f"formula {formula.code}: meets({target}, {actual}) is {met}"
            )
        _check_on_target(formula, rule, target, low)

    contract()


def _monotone(polarity: Polarity) -> Callable[[Decimal, Decimal], bool] | None:
    if polarity is Polarity.HIGHER:
        return lambda at_low, at_high: at_low <= at_high
    if polarity is Polarity.LOWER:
        return lambda at_low, at_high: at_low >= at_high
    return None  # range: better towards the range from either side, checked on target


def _should_meet(polarity: Polarity, target: NumericTarget, actual: Decimal) -> bool:
    if isinstance(target, TargetRange):
        return target.lower <= actual <= target.upper
    if polarity is Polarity.HIGHER:
        return actual >= target
    return actual <= target


def _check_on_target(
    formula: Formula, rule: AchievementRule, target: NumericTarget, outside: Decimal
) -> None:
    if isinstance(target, TargetRange):
        for inside in (target.lower, target.upper, (target.lower + target.upper) / 2):
            got = _value(rule, target, inside)
            assert got == HUNDRED, (
                f"formula {formula.code}: actual {inside} inside {target.lower}..{target.upper} "
                f"gives {got}, expected 100"
            )
        if not target.lower <= outside <= target.upper:
            got = _value(rule, target, outside)
            assert got is None or got < HUNDRED, (
                f"formula {formula.code}: actual {outside} outside {target.lower}.."
                f"{target.upper} gives {got}, expected less than 100"
            )
        return
    got = _value(rule, target, target)
    assert got == HUNDRED, (
        f"formula {formula.code}: actual equal to the target {target} gives {got}, expected 100"
    )


def check_scale(scale: Scale, *, max_examples: int = 200) -> None:
    """Check that ``scale`` labels every value, and never a higher value worse.

    :raises AssertionError: with the smallest values that break a property.
    """
    rank = {label: index for index, label in enumerate(scale.labels)}  # 0 is the best band
    classify = scale.classifier()
    numbers = st.decimals(min_value=-1000, max_value=1000, places=4)

    @settings(max_examples=max_examples, deadline=None, database=None)
    @given(first=numbers, second=numbers)
    def contract(first: Decimal, second: Decimal) -> None:
        low, high = sorted((first, second))
        labels = [scale.classify(low), scale.classify(high)]
        for value, label in zip((low, high), labels, strict=True):
            assert label in rank, f"scale {scale.code}: {value} is labelled {label!r}"
            assert classify(value) == label, (
                f"scale {scale.code}: the fast classifier labels {value} {classify(value)!r}, "
                f"classify labels it {label!r}"
            )
        assert rank[labels[1]] <= rank[labels[0]], (
            f"scale {scale.code}: {high} is labelled {labels[1]!r}, worse than {low} "
            f"({labels[0]!r})"
        )

    contract()
