"""What a printed figure is a figure of: an entity, a measure, a period and a budget stage.

A report cell such as ``94,41 %`` in table 3.6 is the *absorption* of objective ``S1`` in
``2023`` at the *revised* budget stage. Naming that subject is what lets a review compare
the same quantity across tables, recompute a derived figure from its inputs, and add up a
total from its parts.
"""

from __future__ import annotations

import enum

from attrs import field, frozen

from sakip.errors import ValidationError
from sakip.model._fields import non_empty_text
from sakip.model.budget import BudgetStage
from sakip.model.periods import Period, to_period

ALL_PROGRAMS = "@programs"
"""The entity of an agency-wide budget total: the sum over all its programs."""
ALL_OBJECTIVES = "@objectives"
"""The entity of a total over objectives: the sum of every objective's budget."""


class Measure(enum.Enum):
    """The kind of quantity a figure states."""

    # Members are singletons equal only to themselves; Enum's own hash reads the name in
    # Python on every lookup, and the value model looks these up by the million.
    __hash__ = object.__hash__

    TARGET = "target"
    ACTUAL = "actual"
    """Realisasi of an indicator, or the count of a breakdown item."""
    ACHIEVEMENT = "achievement"
    """Capaian: derived from target and actual by the indicator's formula."""
    ALLOCATION = "allocation"
    """Anggaran / pagu."""
    SPENDING = "spending"
    """Realisasi anggaran."""
    ABSORPTION = "absorption"
    """Serapan: spending as a percentage of the allocation."""
    PREDICATE = "predicate"
    """Predikat: the label the agency's scale gives the achievement (a label, not a number)."""
    TO_DATE = "to-date"
    """Realisasi s.d.: for a quarter, the year to date (its quarters so far); for a year, the
    Renstra period to date (its years so far) — each combined by the indicator's aggregation."""
    ACHIEVEMENT_TO_DATE = "achievement-to-date"
    """Capaian s.d.: the realisation to date against the year's target (for a quarter) or
    the Renstra end target (for a year)."""
    BASELINE = "baseline"
    """Kondisi awal: the Renstra baseline value (of its own year)."""
    END_TARGET = "end-target"
    """Target akhir Renstra: the end-of-period target (of its own year)."""
    CHANGE = "change"
    """The actual value minus the previous year's, in the indicator's unit."""
    STANDARD = "standard"
    """The national (or provincial) standard for the indicator."""
    STANDARD_GAP = "standard-gap"
    """The actual value minus the standard, in the indicator's unit."""
    EFFICIENCY_DIFFERENCE = "efficiency-difference"
    """Capaian − serapan, in percentage points, at a budget stage."""
    EFFICIENCY_INDEX = "efficiency-index"
    """IE = capaian / serapan, at a budget stage, with the index's own decimals."""
    EFFICIENCY_GAIN = "efficiency-gain"
    """TE = IE − 1: the saving the index shows."""
    EFFICIENCY_CATEGORY = "efficiency-category"
    """Efisien / tidak efisien by the index (a label)."""

    @property
    def is_budget(self) -> bool:
        """Stated at a budget stage (initial or revised)."""
        return self in _BUDGET

    @property
    def is_rate(self) -> bool:
        """Derived from two other measures of the same subject, never added up."""
        return self in _RATES

    @property
    def is_label(self) -> bool:
        """Printed as a label (a predicate, a category), not a number."""
        return self in _LABELS


_BUDGET = frozenset(
    {
        Measure.ALLOCATION,
        Measure.SPENDING,
        Measure.ABSORPTION,
        Measure.EFFICIENCY_DIFFERENCE,
        Measure.EFFICIENCY_INDEX,
        Measure.EFFICIENCY_GAIN,
        Measure.EFFICIENCY_CATEGORY,
    }
)
_RATES = frozenset(
    {
        Measure.ACHIEVEMENT,
        Measure.ABSORPTION,
        Measure.ACHIEVEMENT_TO_DATE,
        Measure.EFFICIENCY_INDEX,
        Measure.EFFICIENCY_GAIN,
    }
)
_LABELS = frozenset({Measure.PREDICATE, Measure.EFFICIENCY_CATEGORY})

INDICATOR_MEASURES = frozenset(
    {
        Measure.TARGET,
        Measure.ACTUAL,
        Measure.ACHIEVEMENT,
        Measure.PREDICATE,
        Measure.TO_DATE,
        Measure.ACHIEVEMENT_TO_DATE,
        Measure.BASELINE,
        Measure.END_TARGET,
        Measure.CHANGE,
        Measure.STANDARD,
        Measure.STANDARD_GAP,
    }
)
"""Measures of an indicator (a node key asked for one stands for the node's indicator)."""

RATE_INPUTS: dict[Measure, tuple[Measure, Measure]] = {
    Measure.ACHIEVEMENT: (Measure.TARGET, Measure.ACTUAL),
    Measure.ABSORPTION: (Measure.ALLOCATION, Measure.SPENDING),
}
"""Each rate and the two measures it is computed from, denominator-side first."""


def _optional_stage(value: object) -> BudgetStage | None:
    if value is None or value.__class__ is BudgetStage:
        return value
    return BudgetStage(value)


def _measure(value: object) -> Measure:
    # Subjects are made by the hundred thousand, nearly always from a Measure already.
    return value if value.__class__ is Measure else Measure(value)


@frozen(cache_hash=True)  # used as a key again and again: hash it once
class Subject:
    """What one figure states: ``Subject("S1", Measure.ALLOCATION, 2023, BudgetStage.REVISED)``.

    :ivar entity: a key of the agency's dataset (an indicator code, an objective, a program,
        activity or sub-activity key, a breakdown key or ``key/label`` for one of its items),
        or one of the totals :data:`ALL_PROGRAMS` and :data:`ALL_OBJECTIVES`.
    :ivar stage: required for budget measures, absent for the others.
    """

    entity: str = field(validator=non_empty_text)
    measure: Measure = field(converter=_measure)
    period: Period = field(converter=to_period)
    stage: BudgetStage | None = field(default=None, converter=_optional_stage)

    def __attrs_post_init__(self) -> None:
        if (self.measure in _BUDGET) is (self.stage is not None):  # the usual case, at once
            return
        if self.stage is None:
            raise ValidationError(
                f"Subject {self.entity}: the budget measure {self.measure.value!r} needs a stage "
                f"(initial or revised)"
            )
        raise ValidationError(
            f"Subject {self.entity}: {self.measure.value!r} is not a budget measure, so it "
            f"has no stage"
        )

    def having(self, measure: Measure) -> Subject:
        """The same entity, period and stage, another measure."""
        return Subject(self.entity, measure, self.period, self.stage)

    def of(self, entity: str) -> Subject:
        """The same measure, period and stage, another entity."""
        return Subject(entity, self.measure, self.period, self.stage)

    def at(self, period: Period) -> Subject:
        """The same entity, measure and stage, another period."""
        return Subject(self.entity, self.measure, period, self.stage)
