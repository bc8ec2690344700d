"""Budget values: every node's allocation and spending at a stage, rolled up the program tree,
the totals over objectives and programs, and absorption."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from functools import cached_property

from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetStage
from sakip.model.periods import Period
from sakip.model.subjects import ALL_OBJECTIVES, ALL_PROGRAMS
from sakip.rounding import RoundingPolicy
from sakip.rules.budget import Amounts, BudgetTree


class BudgetValues:
    """The amounts of every entity of one agency, each period and stage rolled up once."""

    def __init__(self, data: AgencyData, rounding: RoundingPolicy) -> None:
        self.data = data
        self.rounding = rounding
        self._budgets: dict[tuple[Period, BudgetStage], dict[str, Amounts]] = {}
        self._last: tuple[Period | None, BudgetStage | None, dict[str, Amounts]] = (None, None, {})

    @cached_property
    def _tree(self) -> BudgetTree:
        data = self.data
        return BudgetTree.from_nodes(data.programs, data.activities, data.sub_activities)

    def budget(self, period: Period, stage: BudgetStage) -> Mapping[str, Amounts]:
        """Every node's amounts at a stage, rolled up from the budget lines (a node's own
        line, else the sum of its children's); computed once per period and stage."""
        last = self._last
        if last[0] is period and last[1] is stage:  # a table asks for one stage, row by row
            return last[2]
        key = (period, stage)
        if key not in self._budgets:
            lines = [line for line in self.data.budget_lines if line.node not in self._objectives]
            self._budgets[key] = self._tree.totals(lines, period, stage)
        self._last = (period, stage, self._budgets[key])
        return self._last[2]

    @cached_property
    def _objectives(self) -> frozenset[str]:
        return frozenset(objective.key for objective in self.data.objectives)

    def _stated(self, objective: str, period: Period, stage: BudgetStage) -> Amounts | None:
        """An objective's own budget line (a report's *alokasi per sasaran*), if it has one."""
        return self._objective_lines.get((objective, period, stage))

    @cached_property
    def _objective_lines(self) -> dict[tuple[str, Period, BudgetStage], Amounts]:
        # Found in one pass, not by a scan of every line per objective asked.
        found: dict[tuple[str, Period, BudgetStage], Amounts] = {}
        for line in self.data.budget_lines:
            if line.node in self._objectives:
                key = (line.node, line.period, line.stage)
                found.setdefault(key, Amounts(line.allocation, line.spending))
        return found

    def amounts(self, entity: str, period: Period, stage: BudgetStage) -> Amounts | None:
        """The allocation and spending of ``entity``; a total is the sum of the amounts of
        its :meth:`parts`. ``None`` when nothing is budgeted for it."""
        totals = self.budget(period, stage)
        if entity in totals:
            return totals[entity]
        if self.data.has_node(entity):
            return None
        if entity in self._objectives:
            stated = self._stated(entity, period, stage)
            if stated is not None:
                return stated  # stated for the objective itself, as a node's own line is
        found = [
            amounts
            for part in self.parts(entity, period, stage)
            if (amounts := self.amounts(part, period, stage)) is not None
        ]
        return sum(found[1:], found[0]) if found else None

    def parts(self, entity: str, period: Period, stage: BudgetStage) -> tuple[str, ...]:
        """The entities whose amounts add up to ``entity``'s, each with a budget at the stage:
        the programs (of :data:`ALL_PROGRAMS`), the objectives (of :data:`ALL_OBJECTIVES`),
        the funding nodes (of an objective), the children (of a node)."""
        totals = self.budget(period, stage)
        keys: Iterable[str]
        if entity == ALL_PROGRAMS:
            keys = (program.key for program in self.data.programs)
        elif entity == ALL_OBJECTIVES:
            return tuple(
                objective.key
                for objective in self.data.objectives
                if self.amounts(objective.key, period, stage) is not None
            )
        elif self.data.has_objective(entity):
            if self._stated(entity, period, stage) is not None:
                return ()  # an objective's own line is not the sum of anything printed
            keys = self.data.objective(entity).funded_by
        else:
            keys = (node.key for node in self.data.children(entity))
        return tuple(key for key in keys if key in totals)

    def absorption(self, entity: str, period: Period, stage: BudgetStage) -> Decimal | None:
        """Spending as a percentage of the allocation, at the agency's rounding; none when
        spending is unknown or nothing was allocated (a report prints "-")."""
        amounts = self.amounts(entity, period, stage)
        if amounts is None or amounts.spending is None or not amounts.allocation:
            return None
        return amounts.absorption(self.rounding)

    def owner(self, indicator: str) -> str | None:
        """Whose budget an indicator's result is bought with: the objective that lists it,
        else the node whose indicator it is."""
        for objective in self.data.objectives:
            if indicator in objective.indicators:
                return objective.key
        for node in self.data.nodes.values():
            if indicator in node.indicators:
                return node.key
        return None
