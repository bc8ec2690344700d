"""The value model: the one place where every figure of an LKjIP is computed.

A figure is a :class:`~sakip.model.subjects.Subject` (entity, measure, period, stage). A table
cell, a sentence of the analysis, a chart and the review all ask :meth:`ValueModel.value`, so a
figure is computed once, by one rule, and an error in the data (an unknown formula, a zero
target under the ``error`` policy) reaches every one of them the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import cached_property
from typing import Protocol

import attrs

from sakip.errors import SakipError, ValidationError, ZeroDenominatorError
from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetStage
from sakip.model.indicators import Grade, Indicator, Polarity, TargetRange
from sakip.model.periods import Period
from sakip.model.policy import AchievementPolicy
from sakip.model.subjects import ALL_OBJECTIVES, ALL_PROGRAMS, Measure, Subject
from sakip.rounding import RoundingPolicy
from sakip.rules import qualitative
from sakip.rules.achievement import AchievementRule
from sakip.rules.budget import Amounts, BudgetTree, absorption
from sakip.rules.scales import Scale

_INDICATOR_MEASURES = frozenset({Measure.TARGET, Measure.ACTUAL, Measure.ACHIEVEMENT})


class Rules(Protocol):
    """Where the value model finds an indicator's rule and a scale: a
    :class:`~sakip.Registry`, or anything that answers the same two questions."""

    def indicator_rule(
        self, indicator: Indicator, default: AchievementPolicy
    ) -> AchievementRule: ...

    def scale(self, code: str) -> Scale: ...


class ValueModel:
    """Every value an agency's data gives, by subject, each computed once.

    :param data: the agency's records.
    :param rules: resolves formulas and scales (the registry of the installed plugins).

    Entities are indicator codes, objective keys, program / activity / sub-activity keys,
    breakdown keys (``key/label`` for one item) and the totals :data:`~sakip.ALL_PROGRAMS`
    and :data:`~sakip.ALL_OBJECTIVES`. A node key asked for an indicator measure (target,
    actual, achievement) stands for the node's indicator, so a program whose indicator *is*
    an objective's indicator has that indicator's values.
    """

    def __init__(self, data: AgencyData, rules: Rules) -> None:
        self.data = data
        self.rules = rules
        self._values: dict[Subject, Decimal | None] = {}
        self._budgets: dict[tuple[Period, BudgetStage], dict[str, Amounts]] = {}

    # --- policies -----------------------------------------------------------------------

    @property
    def rounding(self) -> RoundingPolicy:
        """The agency's rounding: of achievements without a policy of their own, and of
        absorption."""
        return self.data.agency.policy.rounding

    @cached_property
    def scale(self) -> Scale:
        """The agency's predicate scale."""
        return self.rules.scale(self.data.agency.scale)

    def rule(self, indicator: str, rounding: RoundingPolicy | None = None) -> AchievementRule:
        """The rule an indicator's achievement is computed by (another rounding if asked).

        :raises UnknownCodeError: for an unknown indicator or formula code.
        """
        found = self.data.indicator(indicator)
        policy = found.policy or self.data.agency.policy
        if rounding is not None:
            policy = attrs.evolve(policy, rounding=rounding)
        return self.rules.indicator_rule(found, policy)

    # --- entities -----------------------------------------------------------------------

    @cached_property
    def entities(self) -> frozenset[str]:
        """Every key a figure may be a figure of."""
        data = self.data
        keys = {ALL_PROGRAMS, ALL_OBJECTIVES}
        keys.update(indicator.code for indicator in data.indicators)
        keys.update(objective.key for objective in data.objectives)
        keys.update(data.nodes)
        for breakdown in data.breakdowns:
            keys.add(breakdown.key)
            keys.update(f"{breakdown.key}/{item.label}" for item in breakdown.items)
        return frozenset(keys)

    def indicator_of(self, entity: str) -> str | None:
        """The indicator an entity's target, actual and achievement are those of: the code
        itself, or a node's (first) indicator; ``None`` for an entity without one."""
        if self.data.has_indicator(entity):
            return entity
        if self.data.has_node(entity):
            indicators = self.data.node(entity).indicators
            return indicators[0] if indicators else None
        return None

    def quantity(self, subject: Subject) -> Subject:
        """The subject under its canonical entity: two figures state the same quantity
        exactly when their quantities are equal (a program's actual is its indicator's)."""
        if subject.measure in _INDICATOR_MEASURES:
            code = self.indicator_of(subject.entity)
            if code is not None and code != subject.entity:
                return subject.of(code)
        return subject

    # --- values -------------------------------------------------------------------------

    def value(self, subject: Subject) -> Decimal | None:
        """The value the agency's data gives ``subject``, computed by its rules where the
        measure is derived; ``None`` when the data holds none.

        :raises SakipError: when the data cannot be computed by its rules (an unknown
            formula code, a zero target under the ``error`` zero policy); every engine that
            asks gets the same error.
        """
        if subject not in self._values:
            self._values[subject] = self._compute(subject)
        return self._values[subject]

    def achievement(self, indicator: str, period: Period) -> Decimal | None:
        """The achievement of an indicator (or a node's indicator) in ``period``."""
        return self.value(Subject(indicator, Measure.ACHIEVEMENT, period))

    def rate(
        self,
        subject: Subject,
        inputs: tuple[Decimal, Decimal],
        rounding: RoundingPolicy | None = None,
    ) -> Decimal | None:
        """The rate ``subject`` (an achievement or an absorption) has under the agency's rules
        when its inputs are ``inputs`` — (target, actual) or (allocation, spending) — rather
        than the data's: what a printed rate should be, given the inputs printed beside it.
        Another rounding if asked; ``None`` where the rule gives none (a zero denominator)."""
        first, second = inputs
        try:
            if subject.measure is Measure.ACHIEVEMENT:
                code = self.indicator_of(subject.entity)
                return None if code is None else self.rule(code, rounding)(first, second)
            if subject.measure is Measure.ABSORPTION:
                return absorption(first, second, rounding or self.rounding)
        except (ZeroDenominatorError, ValidationError):
            return None
        raise ValidationError(f"{subject.measure.value} is not a rate")

    def _compute(self, subject: Subject) -> Decimal | None:
        measure = subject.measure
        if subject.stage is not None:
            amounts = self.amounts(subject.entity, subject.period, subject.stage)
            if amounts is None:
                return None
            if measure is Measure.ALLOCATION:
                return amounts.allocation
            if measure is Measure.SPENDING:
                return amounts.spending
            return self._absorption(amounts)
        breakdown_value = self._breakdown_value(subject)
        if breakdown_value is not None:
            return breakdown_value
        code = self.indicator_of(subject.entity)
        if code is None:
            return None
        measurement = self.data.measurement(code, subject.period)
        if measurement is None:
            return None
        target, actual = measurement.target, measurement.actual
        if measure is Measure.TARGET:
            return target if isinstance(target, Decimal) else None
        if measure is Measure.ACTUAL:
            return actual if isinstance(actual, Decimal) else None
        return self._achievement(self.data.indicator(code), target, actual)

    def _achievement(self, indicator: Indicator, target: object, actual: object) -> Decimal | None:
        if isinstance(target, Grade) and isinstance(actual, Grade):
            if indicator.polarity is not Polarity.QUALITATIVE:
                return None
            return qualitative.achievement(indicator.grades, target, actual)
        if not isinstance(target, Decimal | TargetRange) or not isinstance(actual, Decimal):
            return None
        return self.rule(indicator.code)(target, actual)

    def _absorption(self, amounts: Amounts) -> Decimal | None:
        # No allocation, nothing to absorb: no figure, as a report prints "-".
        if amounts.spending is None or not amounts.allocation:
            return None
        return amounts.absorption(self.rounding)

    def _breakdown_value(self, subject: Subject) -> Decimal | None:
        if subject.measure is not Measure.ACTUAL:
            return None
        key, _, label = subject.entity.partition("/")
        breakdown = self.data.breakdown(key)
        if breakdown is None or breakdown.period != subject.period:
            return None
        if not label:
            return breakdown.total
        return next((item.value for item in breakdown.items if item.label == label), None)

    # --- budget -------------------------------------------------------------------------

    @cached_property
    def _tree(self) -> BudgetTree:
        data = self.data
        return BudgetTree.from_nodes(data.programs, data.activities, data.sub_activities)

    def budget(self, period: Period, stage: BudgetStage) -> Mapping[str, Amounts]:
        """Every node's amounts at a stage, rolled up from the budget lines (a node's own
        line, else the sum of its children's); computed once per period and stage."""
        key = (period, stage)
        if key not in self._budgets:
            self._budgets[key] = self._tree.totals(self.data.budget_lines, period, stage)
        return self._budgets[key]

    def amounts(self, entity: str, period: Period, stage: BudgetStage) -> Amounts | None:
        """The allocation and spending of ``entity`` at a stage; a total is the sum of the
        amounts of its :meth:`parts`. ``None`` when nothing is budgeted for it."""
        totals = self.budget(period, stage)
        if entity in totals:
            return totals[entity]
        if self.data.has_node(entity):
            return None
        found = [
            amounts
            for part in self._budget_parts(entity, period, stage)
            if (amounts := self.amounts(part, period, stage)) is not None
        ]
        return sum(found[1:], found[0]) if found else None

    def _budget_parts(self, entity: str, period: Period, stage: BudgetStage) -> tuple[str, ...]:
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
            keys = self.data.objective(entity).funded_by
        else:
            keys = (node.key for node in self.data.children(entity))
        return tuple(key for key in keys if key in totals)

    # --- how values add up --------------------------------------------------------------

    def parts(self, subject: Subject) -> tuple[str, ...]:
        """The entities whose values of the same measure add up to ``subject``'s.

        Budget amounts add up over the programs (for :data:`~sakip.ALL_PROGRAMS`), the
        objectives (for :data:`~sakip.ALL_OBJECTIVES`), the funding nodes (for an objective)
        or the children (for a node), each that has a budget at that stage; a breakdown's
        total over its items. Rates and indicator values add up over nothing.
        """
        if subject.measure in (Measure.ALLOCATION, Measure.SPENDING) and subject.stage:
            return self._budget_parts(subject.entity, subject.period, subject.stage)
        if subject.measure is Measure.ACTUAL:
            breakdown = self.data.breakdown(subject.entity)
            if breakdown is not None and breakdown.period == subject.period:
                return tuple(f"{subject.entity}/{item.label}" for item in breakdown.items)
        return ()

    # --- the cascade --------------------------------------------------------------------

    @cached_property
    def _cascade(self) -> dict[str, tuple[str, ...]]:
        links: dict[str, list[str]] = {}
        for parents, children in (*self._plan_links(), *self._node_links()):
            for parent in parents:
                links.setdefault(parent, []).extend(c for c in children if c != parent)
        return {parent: tuple(dict.fromkeys(below)) for parent, below in links.items()}

    def _plan_links(self) -> Iterator[tuple[Sequence[str], list[str]]]:
        """(parents, children) pairs of the plan: goal → objective → program indicators."""
        data = self.data
        for goal in data.goals:
            below = [o for o in data.objectives if o.goal == goal.key]
            yield goal.indicators, [code for o in below for code in o.indicators]
        for objective in data.objectives:
            serving = [p for p in data.programs if p.objective == objective.key]
            yield objective.indicators, [code for p in serving for code in p.indicators]

    def _node_links(self) -> Iterator[tuple[Sequence[str], list[str]]]:
        """(parents, children) pairs down the program tree, by indicator and by node."""
        data = self.data
        for node in data.nodes.values():
            children = data.children(node.key)
            yield node.indicators, [code for child in children for code in child.indicators]
            # A node stands for its indicator: its children are the nodes below it.
            yield [node.key], [child.key for child in children if child.indicators]

    def children(self, entity: str) -> tuple[str, ...]:
        """One level down the cascade from ``entity``: the indicators below an indicator
        (goal → objective → program → activity → sub-activity), or the nodes with an
        indicator below a node."""
        return self._cascade.get(entity, ())


def neighbour_value(values: ValueModel, subject: Subject) -> Decimal | None:
    """The value of a *neighbouring* subject that a hint looks at (another year, another
    stage), which the data may be unable to give: ``None`` then, instead of the data's error.
    Never use it for the subject under review: its error must reach the user."""
    try:
        return values.value(subject)
    except SakipError:
        return None
