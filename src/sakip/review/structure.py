"""What a review knows from the agency's dataset: how quantities add up, which indicator
sits under which, and the value the data holds for any printed subject."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cached_property

import attrs
from attrs import frozen

from sakip.dataset import AgencyData
from sakip.errors import SakipError
from sakip.model.budget import BudgetStage
from sakip.model.figures import ALL_OBJECTIVES, ALL_PROGRAMS, Measure, Subject
from sakip.model.indicators import TargetRange
from sakip.model.periods import Period
from sakip.model.plan import Objective
from sakip.model.programs import BudgetNode
from sakip.registry import Registry
from sakip.rounding import RoundingPolicy
from sakip.rules.achievement import AchievementRule
from sakip.rules.budget import Amounts


@frozen
class Structure:
    """The dataset seen from a report: parts, children, reference values and rules."""

    data: AgencyData
    registry: Registry

    # --- entities --------------------------------------------------------------------

    @cached_property
    def entities(self) -> frozenset[str]:
        """Every key a printed figure may be a figure of."""
        data = self.data
        keys = {ALL_PROGRAMS, ALL_OBJECTIVES}
        keys.update(indicator.code for indicator in data.indicators)
        keys.update(objective.key for objective in data.objectives)
        keys.update(data.tree.parents)
        for breakdown in data.breakdowns:
            keys.add(breakdown.key)
            keys.update(f"{breakdown.key}/{item.label}" for item in breakdown.items)
        return frozenset(keys)

    # --- how quantities add up -------------------------------------------------------

    def parts(self, subject: Subject) -> tuple[str, ...]:
        """The entities whose figures of the same measure add up to ``subject``'s.

        Budget totals add up over the nodes that have a budget at that stage (programs for
        :data:`ALL_PROGRAMS`, objectives for :data:`ALL_OBJECTIVES`, the funding nodes for an
        objective, the children for a node); a breakdown's total over its items. Rates and
        indicator values add up over nothing.
        """
        entity, measure = subject.entity, subject.measure
        if measure in (Measure.ALLOCATION, Measure.SPENDING) and subject.stage is not None:
            funded = self.data.budget(subject.period, subject.stage)
            if entity == ALL_PROGRAMS:
                keys: Iterable[str] = (p.key for p in self.data.programs)
            elif entity == ALL_OBJECTIVES:
                return tuple(
                    o.key
                    for o in self.data.objectives
                    if self.amounts(o.key, subject.period, subject.stage) is not None
                )
            elif entity in self._objectives:
                keys = self._objectives[entity].funded_by
            else:
                keys = self.data.tree.children(entity)
            return tuple(key for key in keys if key in funded)
        if measure is Measure.ACTUAL:
            breakdown = self.data.breakdown(entity)
            if breakdown is not None and breakdown.period == subject.period:
                return tuple(f"{entity}/{item.label}" for item in breakdown.items)
        return ()

    @cached_property
    def _objectives(self) -> dict[str, Objective]:
        return {objective.key: objective for objective in self.data.objectives}

    # --- which indicator sits under which ---------------------------------------------

    @cached_property
    def _children(self) -> dict[str, tuple[str, ...]]:
        data = self.data
        links: dict[str, list[str]] = {}

        def link(parents: Iterable[str], children: Iterable[str]) -> None:
            below = list(children)
            for parent in parents:
                links.setdefault(parent, []).extend(below)

        for goal in data.goals:
            below = [o for o in data.objectives if o.goal == goal.key]
            link(goal.indicators, (code for o in below for code in o.indicators))
        for objective in data.objectives:
            serving = [p for p in data.programs if p.objective == objective.key]
            link(objective.indicators, (code for p in serving for code in p.indicators))
        parents: list[BudgetNode] = [*data.programs, *data.activities]
        for node in parents:
            children = [data.node(key) for key in data.tree.children(node.key)]
            link(node.indicators, (code for child in children for code in child.indicators))
        return {parent: tuple(children) for parent, children in links.items()}

    def children(self, indicator: str) -> tuple[str, ...]:
        """The indicators one level down the cascade from ``indicator``."""
        return self._children.get(indicator, ())

    # --- rules -------------------------------------------------------------------------

    def achievement_rule(
        self, indicator: str, rounding: RoundingPolicy | None = None
    ) -> AchievementRule | None:
        """The indicator's rule, with another rounding if asked; ``None`` for an indicator
        no formula applies to (qualitative, unknown)."""
        try:
            found = self.data.indicator(indicator)
            policy = found.policy or self.data.agency.policy
            if rounding is not None:
                policy = attrs.evolve(policy, rounding=rounding)
            return self.registry.indicator_rule(found, policy)
        except SakipError:
            return None

    def achievement(
        self,
        indicator: str,
        target: Decimal,
        actual: Decimal,
        rounding: RoundingPolicy | None = None,
    ) -> Decimal | None:
        """The achievement the indicator's rule gives for a target and an actual value;
        ``None`` where the rule gives none (no formula, a zero denominator)."""
        rule = self.achievement_rule(indicator, rounding)
        try:
            return None if rule is None else rule(target, actual)
        except SakipError:
            return None

    @property
    def rounding(self) -> RoundingPolicy:
        """The agency's rounding policy."""
        return self.data.agency.policy.rounding

    # --- what the data holds ---------------------------------------------------------

    def amounts(self, entity: str, period: Period, stage: BudgetStage) -> Amounts | None:
        """The allocation and spending the data gives ``entity`` at a stage."""
        totals = self.data.budget(period, stage)
        if entity == ALL_PROGRAMS:
            return self.data.tree.agency_total(totals) if totals else None
        if entity == ALL_OBJECTIVES:
            parts = [
                amounts
                for o in self.data.objectives
                if (amounts := self.amounts(o.key, period, stage)) is not None
            ]
            return sum(parts[1:], parts[0]) if parts else None
        if entity in self._objectives:
            funded = [totals[key] for key in self._objectives[entity].funded_by if key in totals]
            return sum(funded[1:], funded[0]) if funded else None
        return totals.get(entity)

    def reference(self, subject: Subject) -> Decimal | None:
        """The value the agency's data gives ``subject``, computed by its rules where the
        measure is derived; ``None`` when the data has none."""
        try:
            return self._reference(subject)
        except SakipError:
            return None

    def _reference(self, subject: Subject) -> Decimal | None:
        entity, measure, period = subject.entity, subject.measure, subject.period
        if subject.stage is not None:
            amounts = self.amounts(entity, period, subject.stage)
            if amounts is None:
                return None
            if measure is Measure.ALLOCATION:
                return amounts.allocation
            if measure is Measure.SPENDING:
                return amounts.spending
            return amounts.absorption(self.rounding)
        breakdown = self.data.breakdown(entity.split("/", 1)[0])
        if breakdown is not None and measure is Measure.ACTUAL and breakdown.period == period:
            if "/" not in entity:
                return breakdown.total
            label = entity.split("/", 1)[1]
            return next((i.value for i in breakdown.items if i.label == label), None)
        measurement = self.data.measurement(entity, period)
        if measurement is None:
            return None
        target, actual = measurement.target, measurement.actual
        if measure is Measure.TARGET:
            return target if isinstance(target, Decimal) else None
        if measure is Measure.ACTUAL:
            return actual if isinstance(actual, Decimal) else None
        if not isinstance(target, Decimal | TargetRange) or not isinstance(actual, Decimal):
            return None
        rule = self.achievement_rule(entity)
        return None if rule is None else rule(target, actual)
