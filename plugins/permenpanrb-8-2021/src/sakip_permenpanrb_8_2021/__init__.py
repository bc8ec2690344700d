"""sakip rule pack: PermenPANRB 8/2021 achievement of individual performance indicators.

An achievement above 110 % is converted to 120 %: the top of the individual rating, so
that overachievement counts but is bounded. The conversion is applied to the raw value,
before the agency's rounding.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sakip import (
    BUILTIN_FORMULAS,
    Formula,
    NumericTarget,
    Polarity,
    higher_ratio,
    hookimpl,
    lower_two_t_minus_r,
)

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
)


@hookimpl
def sakip_register_formulas(register: Callable[[Formula], None]) -> None:
    for formula in FORMULAS:
        register(formula)
