"""sakip rule pack: PermenPANRB 8/2021 achievement of individual performance indicators.

An achievement above 110 % is converted to 120 %: the top of the individual rating, so
that overachievement counts but is bounded. The conversion is applied to the raw value,
before the agency's rounding.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sakip import Formula, Polarity, hookimpl
from sakip.rules.formulas import NumericTarget, higher_ratio, lower_two_t_minus_r

CONVERTED_ABOVE = Decimal(110)
CONVERTED_TO = Decimal(120)
SOURCE = "PermenPANRB 8/2021, individual performance indicators: above 110 % counts as 120 %"


def converted(raw: Decimal) -> Decimal:
    """120 for an achievement above 110, the achievement otherwise."""
    return CONVERTED_TO if raw > CONVERTED_ABOVE else raw


def higher(target: NumericTarget, actual: Decimal) -> Decimal:
    """``R / T × 100``, above 110 → 120."""
    return converted(higher_ratio(target, actual))


def lower(target: NumericTarget, actual: Decimal) -> Decimal:
    """``(2T − R) / T × 100``, above 110 → 120."""
    return converted(lower_two_t_minus_r(target, actual))


def _meets_higher(target: NumericTarget, actual: Decimal) -> bool:
    return actual >= _single(target)


def _meets_lower(target: NumericTarget, actual: Decimal) -> bool:
    return actual <= _single(target)


def _single(target: NumericTarget) -> Decimal:
    # The formulas themselves refuse a range; a single value is all they take.
    return target if isinstance(target, Decimal) else target.lower


FORMULAS = (
    Formula(
        code="permenpanrb8.higher",
        name="Realisasi dibagi target, di atas 110 % menjadi 120 %",
        polarity=Polarity.HIGHER,
        expression="R / T × 100; above 110 → 120",
        source=SOURCE,
        compute=higher,
        meets=_meets_higher,
    ),
    Formula(
        code="permenpanrb8.lower",
        name="(2 × target − realisasi) / target, di atas 110 % menjadi 120 %",
        polarity=Polarity.LOWER,
        expression="(2T − R) / T × 100; above 110 → 120",
        source=SOURCE,
        compute=lower,
        meets=_meets_lower,
    ),
)


@hookimpl
def sakip_register_formulas(register: Callable[[Formula], None]) -> None:
    for formula in FORMULAS:
        register(formula)
