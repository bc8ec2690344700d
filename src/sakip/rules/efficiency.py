"""Efficiency: performance compared with spending.

Two forms are in use: the difference ``capaian − serapan`` and the index
``IE = capaian / serapan``. Both take percentages that are already computed.
"""

from __future__ import annotations

import enum
from decimal import Decimal, localcontext

from sakip.arithmetic import ARITHMETIC
from sakip.errors import ZeroDenominatorError
from sakip.rounding import RoundingPolicy


class Efficiency(enum.Enum):
    EFFICIENT = "efisien"
    FAIRLY_EFFICIENT = "cukup efisien"
    NOT_EFFICIENT = "tidak efisien"


def efficiency_difference(achievement: Decimal, absorption: Decimal) -> Decimal:
    """``capaian − serapan`` in percentage points (exact)."""
    return achievement - absorption


def classify_difference(difference: Decimal, band: Decimal = Decimal(5)) -> Efficiency:
    """Above ``+band``: efficient; within ``±band``: fairly efficient; below: not efficient."""
    if difference > band:
        return Efficiency.EFFICIENT
    if difference >= -band:
        return Efficiency.FAIRLY_EFFICIENT
    return Efficiency.NOT_EFFICIENT


def efficiency_index(
    achievement: Decimal, absorption: Decimal, rounding: RoundingPolicy = RoundingPolicy()
) -> Decimal:
    """``IE = capaian / serapan``; efficient when ≥ 1, and ``IE − 1`` is the saving."""
    if not absorption:
        raise ZeroDenominatorError("efficiency index: absorption is 0, so the index is undefined")
    with localcontext(ARITHMETIC):
        return rounding.apply(achievement / absorption)


def efficiency_gain(index: Decimal) -> Decimal:
    """``TE = IE − 1``: the share of the budget the result saved (negative: overspent)."""
    with localcontext(ARITHMETIC):
        return index - 1


def classify_index(index: Decimal) -> Efficiency:
    """Efficient when the index is at least 1, otherwise not."""
    return Efficiency.EFFICIENT if index >= 1 else Efficiency.NOT_EFFICIENT
