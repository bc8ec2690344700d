"""One agency's consistent dataset: the plan, indicators, measurements and budget."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

from attrs import field, frozen

from sakip.errors import UnknownCodeError
from sakip.model._fields import as_tuple
from sakip.model.budget import BudgetLine, BudgetStage
from sakip.model.indicators import Indicator, Measurement
from sakip.model.periods import Period
from sakip.model.plan import Agency, Goal, Objective
from sakip.model.programs import (
    Activity,
    Breakdown,
    BudgetNode,
    ProblemNote,
    Program,
    SubActivity,
)
from sakip.rules.budget import Amounts, BudgetTree


@frozen(kw_only=True)
class AgencyData:
    """Everything an LKjIP is computed from. Cross-references are checked by the loader."""

    agency: Agency
    goals: tuple[Goal, ...] = field(converter=as_tuple)
    objectives: tuple[Objective, ...] = field(converter=as_tuple)
    indicators: tuple[Indicator, ...] = field(converter=as_tuple)
    measurements: tuple[Measurement, ...] = field(converter=as_tuple)
    programs: tuple[Program, ...] = field(converter=as_tuple)
    activities: tuple[Activity, ...] = field(converter=as_tuple)
    sub_activities: tuple[SubActivity, ...] = field(converter=as_tuple)
    budget_lines: tuple[BudgetLine, ...] = field(converter=as_tuple)
    problems: tuple[ProblemNote, ...] = field(default=(), converter=as_tuple)
    breakdowns: tuple[Breakdown, ...] = field(default=(), converter=as_tuple)

    @cached_property
    def _indicators(self) -> dict[str, Indicator]:
        return {indicator.code: indicator for indicator in self.indicators}

    @cached_property
    def _measurements(self) -> dict[tuple[str, Period], Measurement]:
        return {(m.indicator, m.period): m for m in self.measurements}

    @cached_property
    def _nodes(self) -> dict[str, BudgetNode]:
        nodes: list[BudgetNode] = [*self.programs, *self.activities, *self.sub_activities]
        return {node.key: node for node in nodes}

    @cached_property
    def tree(self) -> BudgetTree:
        return BudgetTree.from_nodes(self.programs, self.activities, self.sub_activities)

    def indicator(self, code: str) -> Indicator:
        try:
            return self._indicators[code]
        except KeyError:
            raise UnknownCodeError(f"{self.agency.id}: no indicator {code!r}") from None

    def measurement(self, indicator: str, period: Period) -> Measurement | None:
        return self._measurements.get((indicator, period))

    def node(self, key: str) -> BudgetNode:
        try:
            return self._nodes[key]
        except KeyError:
            raise UnknownCodeError(
                f"{self.agency.id}: no program, activity or sub-activity {key!r}"
            ) from None

    def objective(self, key: str) -> Objective:
        for objective in self.objectives:
            if objective.key == key:
                return objective
        raise UnknownCodeError(f"{self.agency.id}: no objective {key!r}")

    def goal(self, key: str) -> Goal:
        for goal in self.goals:
            if goal.key == key:
                return goal
        raise UnknownCodeError(f"{self.agency.id}: no goal {key!r}")

    def activities_of(self, program: str) -> list[Activity]:
        return [a for a in self.activities if a.program == program]

    def sub_activities_of(self, activity: str) -> list[SubActivity]:
        return [s for s in self.sub_activities if s.activity == activity]

    def problem(self, node: str, period: Period) -> ProblemNote | None:
        for note in self.problems:
            if note.node == node and note.period == period:
                return note
        return None

    def breakdown(self, key: str) -> Breakdown | None:
        for breakdown in self.breakdowns:
            if breakdown.key == key:
                return breakdown
        return None

    @cached_property
    def _budgets(self) -> dict[tuple[Period, BudgetStage], dict[str, Amounts]]:
        return {}

    def budget(self, period: Period, stage: BudgetStage) -> Mapping[str, Amounts]:
        """Every node's amounts at a stage, rolled up (see :meth:`BudgetTree.totals`);
        computed once per period and stage, as every table and check asks again."""
        key = (period, stage)
        if key not in self._budgets:
            self._budgets[key] = self.tree.totals(self.budget_lines, period, stage)
        return self._budgets[key]

    def objective_budget(
        self, objective: Objective, period: Period, stage: BudgetStage
    ) -> Amounts | None:
        """The sum of the amounts of the nodes that fund ``objective``."""
        totals = self.budget(period, stage)
        parts = [totals[key] for key in objective.funded_by if key in totals]
        return sum(parts[1:], parts[0]) if parts else None
