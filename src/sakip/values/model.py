"""The value model: the one place where every figure of an LKjIP is computed.

A figure is a :class:`~sakip.model.subjects.Subject` (entity, measure, period, stage). A table
cell, a sentence of the analysis, a chart and the review all ask :meth:`ValueModel.value`, so a
figure is computed once, by one rule, and an error in the data (an unknown formula, a zero
target under the ``error`` policy) reaches every one of them the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from functools import cached_property
from typing import Protocol

import attrs

from sakip.errors import SakipError, ValidationError, ZeroDenominatorError
from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetStage
from sakip.model.indicators import Aggregation, Grade, GradeRule, Indicator
from sakip.model.periods import Period
from sakip.model.policy import AchievementPolicy
from sakip.model.subjects import (
    ALL_OBJECTIVES,
    ALL_PROGRAMS,
    INDICATOR_MEASURES,
    Measure,
    Subject,
)
from sakip.rounding import RoundingPolicy
from sakip.rules import efficiency
from sakip.rules.achievement import AchievementRule
from sakip.rules.budget import Amounts, absorption
from sakip.rules.scales import Scale
from sakip.values.budget import BudgetValues
from sakip.values.cascade import cascade
from sakip.values.indicators import IndicatorValues

INDEX_PLACES = 3
"""Decimals of an efficiency index (IE 1,063)."""


class Rules(Protocol):
    """Where the value model finds an indicator's rule and a scale: a
    :class:`~sakip.Registry`, or anything that answers the same two questions."""

    def indicator_rule(
        self, indicator: Indicator, default: AchievementPolicy
    ) -> AchievementRule: ...

    def scale(self, code: str) -> Scale: ...


_NOT_YET = object()
"""A subject whose value is not computed yet (``None`` is a value: the data has none)."""


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
        self._budget = BudgetValues(data, self.rounding)
        self._indicators = IndicatorValues(data, self.rule, self.rounding)

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
        if subject.measure in INDICATOR_MEASURES:
            code = self.indicator_of(subject.entity)
            if code is not None and code != subject.entity:
                return subject.of(code)
        return subject

    # --- values -------------------------------------------------------------------------

    def value(self, subject: Subject) -> Decimal | None:
        """The value the agency's data gives ``subject``, computed by its rules where the
        measure is derived; ``None`` when the data holds none (and for a label measure:
        see :meth:`label`).

        :raises SakipError: when the data cannot be computed by its rules (an unknown
            formula code, a zero target under the ``error`` zero policy); every engine that
            asks gets the same error.
        """
        # One lookup, and no exception when it misses: a table asks for hundreds of
        # thousands of values, each once; a review asks again for the same ones.
        value = self._values.get(subject, _NOT_YET)
        if value is _NOT_YET:
            value = self._values[subject] = self._compute(subject)
        return value  # type: ignore[return-value]

    def label(self, subject: Subject) -> str | None:
        """The label ``subject`` is printed as: a predicate (the agency's scale on the
        achievement), an efficiency category, or the grade of a qualitative indicator's
        target or actual value; ``None`` when there is none."""
        measure, period = subject.measure, subject.period
        if measure is Measure.PREDICATE:
            achievement = self.value(subject.having(Measure.ACHIEVEMENT))
            code = self.indicator_of(subject.entity)
            if achievement is None or code is None:
                return None
            if (
                self.data.indicator(code).grade_rule is GradeRule.STEPS
                and self.data.indicator(code).is_qualitative
            ):
                return None  # a step count is no percentage to grade
            return self.scale.classify(achievement)
        if measure is Measure.EFFICIENCY_CATEGORY:
            index = self.value(subject.having(Measure.EFFICIENCY_INDEX))
            return None if index is None else efficiency.classify_index(index).value
        if measure in (Measure.TARGET, Measure.ACTUAL):
            code = self.indicator_of(subject.entity)
            return None if code is None else self._indicators.grade(code, measure, period)
        return None

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
        Another rounding if asked; ``None`` where the rule gives none (a zero denominator,
        a qualitative indicator)."""
        first, second = inputs
        try:
            if subject.measure is Measure.ACHIEVEMENT:
                code = self.indicator_of(subject.entity)
                if code is None or self.data.indicator(code).is_qualitative:
                    return None
                return self.rule(code, rounding)(first, second)
            if subject.measure is Measure.ABSORPTION:
                return absorption(first, second, rounding or self.rounding)
        except (ZeroDenominatorError, ValidationError):
            return None
        raise ValidationError(f"{subject.measure.value} is not a rate")

    def _compute(self, subject: Subject) -> Decimal | None:
        measure, period = subject.measure, subject.period
        if measure.is_label:
            return None
        if subject.stage is not None:
            return self._budget_value(subject, subject.stage)
        breakdown_value = self._breakdown_value(subject)
        if breakdown_value is not None:
            return breakdown_value
        code = self.indicator_of(subject.entity)
        if code is None:
            return None
        return self._indicators.number(code, measure, period)

    def _budget_value(self, subject: Subject, stage: BudgetStage) -> Decimal | None:
        measure, entity, period = subject.measure, subject.entity, subject.period
        if measure is Measure.ALLOCATION or measure is Measure.SPENDING:
            amounts = self._budget.amounts(entity, period, stage)
            if amounts is None:
                return None
            return amounts.allocation if measure is Measure.ALLOCATION else amounts.spending
        if measure is Measure.ABSORPTION:
            return self._budget.absorption(entity, period, stage)
        return self._efficiency(subject, stage)

    def _efficiency(self, subject: Subject, stage: BudgetStage) -> Decimal | None:
        """Achievement against absorption: of an indicator and the budget of its owner (the
        objective that lists it, or the node whose indicator it is)."""
        code = self.indicator_of(subject.entity)
        owner = (
            subject.entity
            if self.data.has_node(subject.entity)
            else (None if code is None else self._budget.owner(code))
        )
        if code is None or owner is None:
            return None
        achieved = self.achievement(code, subject.period)
        absorbed = self._budget.absorption(owner, subject.period, stage)
        if achieved is None or absorbed is None:
            return None
        if subject.measure is Measure.EFFICIENCY_DIFFERENCE:
            return efficiency.efficiency_difference(achieved, absorbed)
        if not absorbed:
            return None  # nothing spent: no index, as a report prints "-"
        index = efficiency.efficiency_index(achieved, absorbed, self.index_rounding)
        if subject.measure is Measure.EFFICIENCY_INDEX:
            return index
        return efficiency.efficiency_gain(index)

    @property
    def index_rounding(self) -> RoundingPolicy:
        """An efficiency index is rounded as the agency rounds, to its own three decimals
        (IE 1,063)."""
        return RoundingPolicy(self.rounding.mode, INDEX_PLACES)

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

    def budget(self, period: Period, stage: BudgetStage) -> Mapping[str, Amounts]:
        """Every node's amounts at a stage, rolled up from the budget lines (a node's own
        line, else the sum of its children's); computed once per period and stage."""
        return self._budget.budget(period, stage)

    def amounts(self, entity: str, period: Period, stage: BudgetStage) -> Amounts | None:
        """The allocation and spending of ``entity`` at a stage; a total is the sum of the
        amounts of its :meth:`parts`. ``None`` when nothing is budgeted for it."""
        return self._budget.amounts(entity, period, stage)

    # --- how values add up --------------------------------------------------------------

    def parts(self, subject: Subject) -> tuple[str, ...]:
        """The entities whose values of the same measure add up to ``subject``'s.

        Budget amounts add up over the programs (for :data:`~sakip.ALL_PROGRAMS`), the
        objectives (for :data:`~sakip.ALL_OBJECTIVES`), the funding nodes (for an objective)
        or the children (for a node), each that has a budget at that stage; a breakdown's
        total over its items. Rates and indicator values add up over nothing.
        """
        if subject.measure in (Measure.ALLOCATION, Measure.SPENDING) and subject.stage:
            return self._budget.parts(subject.entity, subject.period, subject.stage)
        if subject.measure is Measure.ACTUAL:
            breakdown = self.data.breakdown(subject.entity)
            if breakdown is not None and breakdown.period == subject.period:
                return tuple(f"{subject.entity}/{item.label}" for item in breakdown.items)
        return ()

    def quarters(self, subject: Subject) -> tuple[list[Decimal], Aggregation] | None:
        """For a year's target or actual value: the values its quarters are given, and how
        they make the year; ``None`` for anything else."""
        code = self.indicator_of(subject.entity)
        if (
            code is None
            or not subject.period.is_year
            or subject.measure not in (Measure.TARGET, Measure.ACTUAL)
        ):
            return None
        indicator = self.data.indicator(code)
        which = "target" if subject.measure is Measure.TARGET else "actual"
        return self._indicators.quarters_of(indicator, subject.period, which), indicator.aggregation

    def aggregation(self, entity: str) -> Aggregation | None:
        """How an entity's indicator combines quarters (and Renstra years)."""
        code = self.indicator_of(entity)
        return None if code is None else self.data.indicator(code).aggregation

    def combine(self, parts: list[Decimal], how: Aggregation) -> Decimal:
        """Values combined as an indicator's aggregation says (a mean at the agency's
        rounding): what a year is of its quarters."""
        combined = self._indicators.combine(parts, how)
        assert combined is not None, "combine() needs at least one value"
        return combined

    def is_qualitative(self, entity: str) -> bool:
        code = self.indicator_of(entity)
        return code is not None and self.data.indicator(code).is_qualitative

    def grade_achievement(self, entity: str, target: str, actual: str) -> Decimal | None:
        """The achievement an entity's qualitative indicator has for a target and an actual
        grade, under its grade rule; ``None`` when either is not one of its grades."""
        code = self.indicator_of(entity)
        if code is None:
            return None
        indicator = self.data.indicator(code)
        if target not in indicator.grades or actual not in indicator.grades:
            return None
        return self._indicators.grade_rule_value(indicator, Grade(target), Grade(actual))

    def renstra_years(self, indicator: str) -> tuple[Period, ...]:
        """The years of an indicator's Renstra (see :meth:`IndicatorValues.renstra_years`)."""
        return self._indicators.renstra_years(self.data.indicator(indicator))

    # --- the cascade --------------------------------------------------------------------

    @cached_property
    def _cascade(self) -> dict[str, tuple[str, ...]]:
        return cascade(self.data)

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
