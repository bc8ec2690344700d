"""Budget lines: allocation (pagu) and spending (realisasi) at one budget stage."""

from __future__ import annotations

import enum
from decimal import Decimal

from attrs import field, frozen

from sakip.model._fields import KEY_PATTERN, decimal, matches, non_negative, optional_decimal
from sakip.model.periods import Period, to_period


class BudgetStage(enum.Enum):
    """Which version of the budget a figure belongs to.

    BAB II of an LKjIP usually quotes the initial budget, BAB III the revised one: figures
    that differ only by stage are a revision, not an inconsistency.
    """

    # Members are singletons equal only to themselves; Enum's own hash reads the name in
    # Python on every lookup, and the value model looks these up by the million.
    __hash__ = object.__hash__

    INITIAL = "initial"
    """APBD murni / DPA: the budget as first passed."""
    REVISED = "revised"
    """APBD perubahan / DPPA: the budget as revised mid-year."""

    @property
    def indonesian(self) -> str:
        return {"initial": "APBD murni (DPA)", "revised": "APBD perubahan (DPPA)"}[self.value]


@frozen(kw_only=True)
class BudgetLine:
    """The allocation and spending of one program, activity or sub-activity.

    Lines are usually written at sub-activity level and rolled up; a line at a higher level
    states that node's total directly (when the report gives no breakdown).
    """

    node: str = field(validator=matches(KEY_PATTERN, "P1.K1.S1"))
    period: Period = field(converter=to_period)
    stage: BudgetStage = field(converter=BudgetStage)
    allocation: Decimal = field(converter=decimal, validator=non_negative)
    spending: Decimal | None = field(
        default=None, converter=optional_decimal, validator=non_negative
    )
