"""Budget roll-ups and absorption (serapan).

Absorption is ``spending / allocation × 100`` at every level. A parent's allocation and
spending are the sums of its children's, unless the data states the parent's own total (a
report that gives no breakdown); then the stated total is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cached_property

from attrs import frozen

from sakip.arithmetic import ARITHMETIC, HUNDRED, ZERO
from sakip.errors import ValidationError, ZeroDenominatorError
from sakip.model.budget import BudgetLine, BudgetStage
from sakip.model.periods import Period
from sakip.model.programs import Activity, Program, SubActivity
from sakip.numbers import to_decimal
from sakip.rounding import RoundingPolicy


def absorption(
    allocation: Decimal, spending: Decimal, rounding: RoundingPolicy = RoundingPolicy()
) -> Decimal:
    """Spending as a percentage of the allocation, rounded by ``rounding``.

    :raises ZeroDenominatorError: when the allocation is zero (nothing to absorb).
    :raises ValidationError: for a negative amount.
    :raises NumberError: for an amount that is no exact number (a float, ``None``, text
        that is no number).
    """
    allocation = to_decimal(allocation, what="allocation")
    spending = to_decimal(spending, what="spending")
    if allocation < 0 or spending < 0:
        raise ValidationError(
            f"absorption: amounts must not be negative (allocation {allocation}, spending {spending})"
        )
    if not allocation:
        raise ZeroDenominatorError("absorption: the allocation is 0, so absorption is undefined")
    # The library's context is passed to each step: entering one costs more than both.
    return rounding.apply(ARITHMETIC.divide(ARITHMETIC.multiply(spending, HUNDRED), allocation))


@frozen
class Amounts:
    """Allocation and spending of one node (or a total) at one stage."""

    allocation: Decimal
    spending: Decimal | None

    def __add__(self, other: Amounts) -> Amounts:
        add = ARITHMETIC.add  # a sum never depends on the caller's precision
        spending = (
            None
            if self.spending is None or other.spending is None
            else add(self.spending, other.spending)
        )
        return Amounts(add(self.allocation, other.allocation), spending)

    def absorption(self, rounding: RoundingPolicy = RoundingPolicy()) -> Decimal | None:
        """Absorption in percent; ``None`` when spending is unknown."""
        if self.spending is None:
            return None
        return absorption(self.allocation, self.spending, rounding)


ZERO_AMOUNTS = Amounts(ZERO, ZERO)


@frozen
class BudgetTree:
    """Parent links of the program → activity → sub-activity hierarchy."""

    parents: Mapping[str, str | None]
    """Each node's key mapped to its parent's key (``None`` for a program)."""

    @classmethod
    def from_nodes(
        cls,
        programs: Iterable[Program],
        activities: Iterable[Activity],
        sub_activities: Iterable[SubActivity],
    ) -> BudgetTree:
        parents: dict[str, str | None] = {p.key: None for p in programs}
        parents.update({a.key: a.program for a in activities})
        parents.update({s.key: s.activity for s in sub_activities})
        return cls(parents)

    @cached_property
    def _children(self) -> dict[str | None, list[str]]:
        index: dict[str | None, list[str]] = {}
        for node, parent in self.parents.items():
            index.setdefault(parent, []).append(node)
        return index

    def children(self, key: str) -> list[str]:
        """The nodes directly under ``key``, in the order they were given."""
        return list(self._children.get(key, ()))

    def totals(
        self, lines: Iterable[BudgetLine], period: Period, stage: BudgetStage
    ) -> dict[str, Amounts]:
        """Amounts of every node that has any, rolled up from its descendants' lines.

        A node with a line of its own keeps that line's figures; a node without one gets the
        sum of its children. Summation is exact, so the order of lines does not matter.

        :raises ValidationError: for a line whose node is not in the tree, or two lines for
            the same node, period and stage.
        """
        own: dict[str, Amounts] = {}
        for line in lines:
            if line.period != period or line.stage is not stage:
                continue
            if line.node not in self.parents:
                raise ValidationError(
                    f"budget line for {line.node!r}: no program, activity or sub-activity has that key"
                )
            if line.node in own:
                raise ValidationError(
                    f"budget lines: {line.node!r} has two {stage.value} lines for {period}"
                )
            own[line.node] = Amounts(line.allocation, line.spending)
        result: dict[str, Amounts] = {}

        def total(key: str) -> Amounts | None:
            if key in result:
                return result[key]
            amounts = own.get(key)
            if amounts is None:
                parts = [part for child in self.children(key) if (part := total(child)) is not None]
                amounts = sum(parts[1:], parts[0]) if parts else None
            if amounts is not None:
                result[key] = amounts
            return amounts

        for key in self.parents:
            total(key)
        return result

    def agency_total(self, totals: Mapping[str, Amounts]) -> Amounts:
        """The sum over all programs."""
        programs = [
            totals[key] for key, parent in self.parents.items() if parent is None and key in totals
        ]
        return sum(programs, ZERO_AMOUNTS)
