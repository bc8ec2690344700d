"""Achievement formulas (rumus capaian) as named, registrable rules.

Each formula turns a target and an actual value into a raw percentage. It knows nothing of
rounding, caps or zero policies: :class:`~sakip.rules.achievement.AchievementRule` applies
those, so the same policy holds for every formula.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from attrs import field, frozen, validators

from sakip.arithmetic import HUNDRED
from sakip.errors import ValidationError
from sakip.model._fields import matches, non_empty_text
from sakip.model.indicators import Polarity, TargetRange

RULE_CODE_PATTERN = r"[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*"
"""Codes of formulas and scales: lower case, dotted or dashed, e.g. ``lower.2t-r``."""

NumericTarget = Decimal | TargetRange
FormulaFunction = Callable[[NumericTarget, Decimal], Decimal]
MeetsFunction = Callable[[NumericTarget, Decimal], bool]


class ZeroDenominator(Exception):  # noqa: N818 - a signal between formula and rule, not an error
    """Raised by a formula whose denominator is zero; the rule's zero policy decides."""

    def __init__(self, which: str) -> None:
        super().__init__(which)
        self.which = which


@frozen(kw_only=True)
class Formula:
    """A registered achievement formula.

    :ivar code: stable code, e.g. ``higher.ratio``.
    :ivar polarity: the polarity it serves; used to check plugin contracts.
    :ivar expression: the formula as written in guidelines, e.g. ``R / T × 100``.
    :ivar source: the regulation or practice it comes from.
    :ivar compute: ``(target, actual) -> raw percentage``; raises :class:`ZeroDenominator`.
    :ivar meets: ``(target, actual) -> bool``: whether the actual value meets the target,
        used by the ``met-if-meets`` zero policy.
    """

    code: str = field(validator=matches(RULE_CODE_PATTERN, "higher.ratio"))
    name: str = field(validator=non_empty_text)
    polarity: Polarity
    expression: str = field(validator=non_empty_text)
    source: str = field(validator=non_empty_text)
    compute: FormulaFunction = field(validator=validators.is_callable())
    meets: MeetsFunction = field(validator=validators.is_callable())


def _point(target: NumericTarget, code: str) -> Decimal:
    if (target.lower if isinstance(target, TargetRange) else target) < 0:
        raise ValidationError(
            f"formula {code}: the target {target} is negative; the ratio of an actual value to "
            f"a negative target is no achievement (state the indicator so that its target is "
            f"positive, or use a formula of its own)"
        )
    if isinstance(target, TargetRange):
        if target.lower != target.upper:
            raise ValidationError(
                f"formula {code} takes a single target value, not a range ({target.lower}..{target.upper}); "
                f"a range target needs a range formula (polarity range)"
            )
        return target.lower
    return target


def higher_ratio(target: NumericTarget, actual: Decimal) -> Decimal:
    """``R / T × 100``: higher is better."""
    value = _point(target, "higher.ratio")
    if not value:
        raise ZeroDenominator("target")
    return actual * HUNDRED / value


def lower_two_t_minus_r(target: NumericTarget, actual: Decimal) -> Decimal:
    """``(2T − R) / T × 100``: lower is better (LAN 2003; PermenPANRB 8/2021)."""
    value = _point(target, "lower.2t-r")
    if not value:
        raise ZeroDenominator("target")
    return (2 * value - actual) * HUNDRED / value


def lower_inverse_ratio(target: NumericTarget, actual: Decimal) -> Decimal:
    """``T / R × 100``: lower is better, the form several applications use."""
    value = _point(target, "lower.inverse")
    if not actual:
        raise ZeroDenominator("actual")
    return value * HUNDRED / actual


def range_nearest(target: NumericTarget, actual: Decimal) -> Decimal:
    """Closer to the target range is better, every distance scored down (the practice of
    several applications; PermenPANRB 8/2021's own range rule keeps the indicator's
    direction, see the ``permenpanrb-8-2021`` rule pack).

    Inside the range: 100. Above it, the lower-is-better form against the upper bound;
    below it, the higher-is-better form against the lower bound.
    """
    low, high = (
        (target.lower, target.upper) if isinstance(target, TargetRange) else (target, target)
    )
    if actual > high:
        return lower_two_t_minus_r(high, actual)
    if actual < low:
        return higher_ratio(low, actual)
    return HUNDRED


def _meets_higher(target: NumericTarget, actual: Decimal) -> bool:
    return actual >= _point(target, "higher")


def _meets_lower(target: NumericTarget, actual: Decimal) -> bool:
    return actual <= _point(target, "lower")


def _meets_range(target: NumericTarget, actual: Decimal) -> bool:
    low, high = (
        (target.lower, target.upper) if isinstance(target, TargetRange) else (target, target)
    )
    return low <= actual <= high


BUILTIN_FORMULAS = (
    Formula(
        code="higher.ratio",
        name="Realisasi dibagi target",
        polarity=Polarity.HIGHER,
        expression="R / T × 100",
        source="PermenPANRB 53/2014 and LKjIP practice: capaian = realisasi / target × 100",
        compute=higher_ratio,
        meets=_meets_higher,
    ),
    Formula(
        code="lower.2t-r",
        name="Dua kali target dikurangi realisasi",
        polarity=Polarity.LOWER,
        expression="(2T − R) / T × 100",
        source="LAN 2003 guideline; PermenPANRB 8/2021 (individual indicators)",
        compute=lower_two_t_minus_r,
        meets=_meets_lower,
    ),
    Formula(
        code="lower.inverse",
        name="Target dibagi realisasi",
        polarity=Polarity.LOWER,
        expression="T / R × 100",
        source="used by several SAKIP applications; undefined when R = 0",
        compute=lower_inverse_ratio,
        meets=_meets_lower,
    ),
    Formula(
        code="range.nearest",
        name="Semakin mendekati target semakin baik",
        polarity=Polarity.RANGE,
        expression="100 inside [L, U]; (2U − R) / U × 100 above U; R / L × 100 below L",
        source="practice of several SAKIP applications: the closer to the range the better, "
        "every distance scored down. Not PermenPANRB 8/2021, whose range rule keeps the "
        "indicator's direction (rule pack permenpanrb-8-2021: permenpanrb8.range-higher / "
        "range-lower)",
        compute=range_nearest,
        meets=_meets_range,
    ),
)

DEFAULT_FORMULA = {
    Polarity.HIGHER: "higher.ratio",
    Polarity.LOWER: "lower.2t-r",
    Polarity.RANGE: "range.nearest",
}
"""The formula an indicator uses when it names none."""
