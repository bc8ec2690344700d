"""Quarterly values into a yearly one, by the indicator's aggregation."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext

from sakip.arithmetic import ARITHMETIC, ZERO
from sakip.errors import ValidationError
from sakip.model.indicators import Aggregation


def aggregate(values: Sequence[Decimal], how: Aggregation) -> Decimal:
    """Combine period values in order: the sum, the last one, or the mean.

    The mean is exact to 40 significant digits; round it with a policy before display.
    """
    if not values:
        raise ValidationError(f"aggregate ({how.value}): no values to combine")
    if how is Aggregation.LAST:
        return values[-1]
    with localcontext(ARITHMETIC):  # a sum as much as a mean, whatever the caller's precision
        total = sum(values, ZERO)
        return total if how is Aggregation.SUM else total / len(values)
