"""sakip rule pack: PermenPANRB 8/2021 achievement of individual performance indicators.

An achievement above 110 % is converted to 120 %: the top of the individual rating, so
that overachievement counts but is bounded. The conversion is applied to the raw value,
before the agency's rounding.

Range targets (Lampiran, formula for indicators with a target range): the realisation is
compared with the range's upper bound when it lies above the range and with the lower bound
when it lies below, and the indicator's direction still decides — a realisation beyond the
range in the good direction scores above 100 (6,5 months against 7–8, fewer is better:
(1 + (1 − 6,5 / 7)) × 100 = 107,14 %).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sakip import (
    BUILTIN_FORMULAS,
    Formula,
    NumericTarget,
    Polarity,
    TargetRange,
    higher_ratio,
    hookimpl,
    lower_two_t_minus_r,
)

CONVERTED_ABOVE = Decimal(110)
CONVERTED_TO = Decimal(120)
SOURCE = "PermenPANRB 8/2021, individual performance indicators: above 110 % counts as 120 %"
RANGE_SOURCE = (
    "PermenPANRB 8/2021, Lampiran: a range target's upper bound when the realisation is above "
    "it, its lower bound when below; the indicator's direction decides"
)


def converted(raw: Decimal) -> Decimal:
    """120 for an achievement above 110, the achievement otherwise."""
    return CONVERTED_TO if raw > CONVERTED_ABOVE else raw


def higher(target: NumericTarget, actual: Decimal) -> Decimal:
    """``R / T × 100``, above 110 → 120."""
    return converted(higher_ratio(target, actual))


def lower(target: NumericTarget, actual: Decimal) -> Decimal:
    """``(2T − R) / T × 100``, above 110 → 120."""
    return converted(lower_two_t_minus_r(target, actual))


HUNDRED = Decimal(100)


def _bounds(target: NumericTarget) -> tuple[Decimal, Decimal]:
    if isinstance(target, TargetRange):
        return target.lower, target.upper
    return target, target


def range_higher(target: NumericTarget, actual: Decimal) -> Decimal:
    """Higher is better, against a range: ``R / U × 100`` above it, ``R / L × 100`` below,
    100 inside; above 110 → 120."""
    low, high = _bounds(target)
    if actual > high:
        return converted(higher_ratio(high, actual))
    if actual < low:
        return converted(higher_ratio(low, actual))
    return HUNDRED


def range_lower(target: NumericTarget, actual: Decimal) -> Decimal:
    """Lower is better, against a range: ``(1 + (1 − R / U)) × 100`` above it, the same
    with L below it, 100 inside; above 110 → 120."""
    low, high = _bounds(target)
    if actual > high:
        return converted(lower_two_t_minus_r(high, actual))
    if actual < low:
        return converted(lower_two_t_minus_r(low, actual))
    return HUNDRED


def _meets_range_higher(target: NumericTarget, actual: Decimal) -> bool:
    return actual >= _bounds(target)[0]


def _meets_range_lower(target: NumericTarget, actual: Decimal) -> bool:
    return actual <= _bounds(target)[1]


# Whether an actual value meets its target is the same as in the core formulas.
_CORE = {formula.code: formula for formula in BUILTIN_FORMULAS}


FORMULAS = (
    Formula(
        code="permenpanrb8.higher",
        name="Realisasi dibagi target, di atas 110 % menjadi 120 %",
        polarity=Polarity.HIGHER,
        expression="R / T × 100; above 110 → 120",
        source=SOURCE,
        compute=higher,
        meets=_CORE["higher.ratio"].meets,
    ),
    Formula(
        code="permenpanrb8.lower",
        name="(2 × target − realisasi) / target, di atas 110 % menjadi 120 %",
        polarity=Polarity.LOWER,
        expression="(2T − R) / T × 100; above 110 → 120",
        source=SOURCE,
        compute=lower,
        meets=_CORE["lower.2t-r"].meets,
    ),
    Formula(
        code="permenpanrb8.range-higher",
        name="Target rentang, semakin tinggi semakin baik",
        polarity=Polarity.HIGHER,
        expression="R / U × 100 above [L, U]; R / L × 100 below; 100 inside; above 110 → 120",
        source=RANGE_SOURCE,
        compute=range_higher,
        meets=_meets_range_higher,
    ),
    Formula(
        code="permenpanrb8.range-lower",
        name="Target rentang, semakin rendah semakin baik",
        polarity=Polarity.LOWER,
        expression="(1 + (1 − R / U)) × 100 above [L, U]; with L below; 100 inside; above 110 → 120",
        source=RANGE_SOURCE,
        compute=range_lower,
        meets=_meets_range_lower,
    ),
)


@hookimpl
def sakip_register_formulas(register: Callable[[Formula], None]) -> None:
    for formula in FORMULAS:
        register(formula)
