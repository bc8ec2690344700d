"""Indicator values: targets and actual values of years and quarters (a year from its quarters
by the indicator's aggregation), achievements, the realisation to date, the Renstra baseline
and end target, change on the previous year and the gap to a national standard."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, localcontext

from sakip.arithmetic import ARITHMETIC
from sakip.model.agency_data import AgencyData
from sakip.model.indicators import Aggregation, Grade, GradeRule, Indicator, TargetRange
from sakip.model.periods import Period
from sakip.model.subjects import Measure
from sakip.rounding import RoundingPolicy
from sakip.rules import qualitative
from sakip.rules.achievement import AchievementRule
from sakip.rules.aggregation import aggregate

RENSTRA_YEARS = 5
"""A Renstra covers five years."""

RuleOf = Callable[[str], AchievementRule]


class IndicatorValues:
    """The values of one agency's indicators.

    :param rule: the achievement rule of an indicator code (its formula and policy).
    :param rounding: the agency's rounding, for averages of quarters or years.
    """

    def __init__(self, data: AgencyData, rule: RuleOf, rounding: RoundingPolicy) -> None:
        self.data = data
        self.rule = rule
        self.rounding = rounding

    def number(self, code: str, measure: Measure, period: Period) -> Decimal | None:
        """The value of a numeric measure of indicator ``code`` in ``period``."""
        compute = _NUMBERS.get(measure)
        return None if compute is None else compute(self, self.data.indicator(code), period)

    def _target_number(self, indicator: Indicator, period: Period) -> Decimal | None:
        target = self._target(indicator, period)
        return target if isinstance(target, Decimal) else None

    def _baseline(self, indicator: Indicator, period: Period) -> Decimal | None:
        point = indicator.baseline
        return point.value if point and isinstance(point.value, Decimal) else None

    def _end_target(self, indicator: Indicator, period: Period) -> Decimal | None:
        point = indicator.end_target
        return point.value if point and isinstance(point.value, Decimal) else None

    def _change(self, indicator: Indicator, period: Period) -> Decimal | None:
        before = Period(period.year - 1, period.quarter)
        return _difference(self._actual(indicator, period), self._actual(indicator, before))

    def _standard_gap(self, indicator: Indicator, period: Period) -> Decimal | None:
        return _difference(self._actual(indicator, period), self._standard(indicator, period))

    def grade(self, code: str, measure: Measure, period: Period) -> str | None:
        """The grade a qualitative indicator's target or actual value is, in ``period``."""
        measurement = self.data.measurement(code, period)
        if measurement is None:
            return None
        value = measurement.target if measure is Measure.TARGET else measurement.actual
        return value.label if isinstance(value, Grade) else None

    # --- targets and actual values, a year from its quarters --------------------------

    def _target(self, indicator: Indicator, period: Period) -> Decimal | TargetRange | None:
        measurement = self.data.measurement(indicator.code, period)
        target = measurement.target if measurement else None
        if isinstance(target, Decimal | TargetRange):
            return target
        return self._from_quarters(indicator, period, "target")

    def _actual(self, indicator: Indicator, period: Period) -> Decimal | None:
        measurement = self.data.measurement(indicator.code, period)
        actual = measurement.actual if measurement else None
        if isinstance(actual, Decimal):
            return actual
        return self._from_quarters(indicator, period, "actual")

    def _from_quarters(self, indicator: Indicator, period: Period, which: str) -> Decimal | None:
        """A year's value from its quarters, when only quarters are given."""
        if not period.is_year:
            return None
        found = [
            value
            for quarter in period.quarters()
            if (m := self.data.measurement(indicator.code, quarter)) is not None
            and isinstance(value := getattr(m, which), Decimal)
        ]
        return self.combine(found, indicator.aggregation)

    def quarters_of(self, indicator: Indicator, period: Period, which: str) -> list[Decimal]:
        """The values given for a year's quarters, in order (for checking a given year)."""
        return [
            value
            for quarter in period.quarters()
            if (m := self.data.measurement(indicator.code, quarter)) is not None
            and isinstance(value := getattr(m, which), Decimal)
        ]

    def combine(self, values: list[Decimal], how: Aggregation) -> Decimal | None:
        if not values:
            return None
        combined = aggregate(values, how)
        # A mean has as many digits as the context: round it as the agency rounds.
        return self.rounding.apply(combined) if how is Aggregation.AVERAGE else combined

    # --- achievements ------------------------------------------------------------------

    def _achievement(self, indicator: Indicator, period: Period) -> Decimal | None:
        if indicator.is_qualitative:
            return self._grade_achievement(indicator, period)
        target, actual = self._target(indicator, period), self._actual(indicator, period)
        if target is None or actual is None:
            return None
        return self.rule(indicator.code)(target, actual)

    def _grade_achievement(self, indicator: Indicator, period: Period) -> Decimal | None:
        measurement = self.data.measurement(indicator.code, period)
        if measurement is None:
            return None
        target, actual = measurement.target, measurement.actual
        if not isinstance(target, Grade) or not isinstance(actual, Grade):
            return None
        return self.grade_rule_value(indicator, target, actual)

    def grade_rule_value(self, indicator: Indicator, target: Grade, actual: Grade) -> Decimal:
        """The achievement of a target and an actual grade under the indicator's rule."""
        if indicator.grade_rule is GradeRule.STEPS:
            return Decimal(qualitative.steps(indicator.grades, target, actual))
        return qualitative.achievement(indicator.grades, target, actual)

    # --- to date and the Renstra ---------------------------------------------------------

    def renstra_years(self, indicator: Indicator) -> tuple[Period, ...]:
        """The years of the indicator's Renstra: after the baseline's year up to the end
        target's (five years when only one of them is given); none without either."""
        if indicator.end_target is not None:
            last = indicator.end_target.period.year
            first = (
                indicator.baseline.period.year + 1
                if indicator.baseline is not None
                else last - RENSTRA_YEARS + 1
            )
        elif indicator.baseline is not None:
            first = indicator.baseline.period.year + 1
            last = first + RENSTRA_YEARS - 1
        else:
            return ()
        return tuple(Period(year) for year in range(first, last + 1))

    def to_date(self, indicator: Indicator, period: Period) -> Decimal | None:
        """The realisation to date: of the quarters so far (a quarter), or of the Renstra
        years so far (a year), combined by the indicator's aggregation."""
        if period.is_year:
            periods = [p for p in self.renstra_years(indicator) if p.year <= period.year]
        else:
            periods = list(period.quarters())
        found = [v for p in periods if (v := self._actual(indicator, p)) is not None]
        return self.combine(found, indicator.aggregation)

    def _achievement_to_date(self, indicator: Indicator, period: Period) -> Decimal | None:
        """The realisation to date against the year's target (a quarter) or against the
        Renstra end target (a year)."""
        if indicator.is_qualitative:
            return None
        done = self.to_date(indicator, period)
        if period.is_year:
            end = indicator.end_target
            target: Decimal | TargetRange | None = (
                end.value if end and isinstance(end.value, Decimal) else None
            )
        else:
            target = self._target(indicator, period.year_period)
        if done is None or target is None:
            return None
        return self.rule(indicator.code)(target, done)

    def _standard(self, indicator: Indicator, period: Period) -> Decimal | None:
        measurement = self.data.measurement(indicator.code, period)
        return measurement.standard if measurement else None


def _difference(first: Decimal | None, second: Decimal | None) -> Decimal | None:
    if first is None or second is None:
        return None
    with localcontext(ARITHMETIC):
        return first - second


_NUMBERS: dict[Measure, Callable[[IndicatorValues, Indicator, Period], Decimal | None]] = {
    Measure.TARGET: IndicatorValues._target_number,
    Measure.ACTUAL: IndicatorValues._actual,
    Measure.ACHIEVEMENT: IndicatorValues._achievement,
    Measure.TO_DATE: IndicatorValues.to_date,
    Measure.ACHIEVEMENT_TO_DATE: IndicatorValues._achievement_to_date,
    Measure.BASELINE: IndicatorValues._baseline,
    Measure.END_TARGET: IndicatorValues._end_target,
    Measure.CHANGE: IndicatorValues._change,
    Measure.STANDARD: IndicatorValues._standard,
    Measure.STANDARD_GAP: IndicatorValues._standard_gap,
}
"""How each numeric measure of an indicator is computed."""
