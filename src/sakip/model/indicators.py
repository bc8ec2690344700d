"""Indicators and their measurements."""

from __future__ import annotations

import enum
from decimal import Decimal

from attrs import field, frozen, validators

from sakip.errors import ValidationError
from sakip.model._fields import (
    KEY_PATTERN,
    as_tuple,
    decimal,
    matches,
    non_empty_text,
    optional_decimal,
)
from sakip.model.periods import Period, to_period
from sakip.model.policy import AchievementPolicy


class Polarity(enum.Enum):
    """Which direction of the actual value is good."""

    HIGHER = "higher"
    """Higher is better (most indicators)."""
    LOWER = "lower"
    """Lower is better (unemployment rate, audit findings)."""
    RANGE = "range"
    """Closer to the target (or inside a target range) is better."""
    QUALITATIVE = "qualitative"
    """Ordered grades (WTP > WDP > TW > TMP; AA > A > … > D)."""


class Aggregation(enum.Enum):
    """How quarterly values make a yearly one; separate from polarity."""

    SUM = "sum"
    """Cumulative: the year is the sum of its quarters (people trained)."""
    LAST = "last"
    """The latest value stands for the year (a rate at year end)."""
    AVERAGE = "average"
    """The mean of the quarters."""


@frozen
class TargetRange:
    """A target given as a range ``lower``–``upper`` (both inclusive)."""

    lower: Decimal = field(converter=decimal)
    upper: Decimal = field(converter=decimal)

    def __attrs_post_init__(self) -> None:
        if self.lower > self.upper:
            raise ValidationError(
                f"TargetRange: lower bound {self.lower} is above upper bound {self.upper}"
            )


@frozen
class Grade:
    """A qualitative value such as an audit opinion (``WTP``) or a SAKIP grade (``BB``)."""

    label: str = field(validator=non_empty_text)

    def __str__(self) -> str:
        return self.label


Target = Decimal | TargetRange | Grade
Actual = Decimal | Grade


def _decimal_or_grade(value: object) -> Decimal | Grade:
    return value if isinstance(value, Grade) else decimal(value)


class GradeRule(enum.Enum):
    """How a qualitative indicator's achievement is stated (no regulation fixes one)."""

    MET = "met"
    """100 when the actual grade is the target grade or better, else 0."""
    STEPS = "steps"
    """The signed number of grades from the target to the actual (+1 one better, −2 two
    worse): never turned into a percentage, since grades are not quantities."""


@frozen
class RenstraValue:
    """A value of the strategic plan (Renstra): its baseline, or its end-of-period target."""

    period: Period = field(converter=to_period)
    value: Decimal | Grade = field(converter=_decimal_or_grade)


def _target(value: object) -> Target | None:
    if value is None or isinstance(value, TargetRange | Grade):
        return value
    return decimal(value)


def _actual(value: object) -> Actual | None:
    if value is None or isinstance(value, Grade):
        return value
    return decimal(value)


@frozen(kw_only=True)
class Indicator:
    """A performance indicator (indikator kinerja).

    :ivar code: the agency's key for it, e.g. ``IKU-1``.
    :ivar unit: the *satuan*: ``%``, ``orang``, ``perusahaan``, ``kasus``, ``dokumen``…
    :ivar formula: the code of the achievement formula; ``None`` takes the default for the
        polarity.
    :ivar grades: for qualitative indicators, the grades from best to worst.
    :ivar policy: rounding, zero handling and cap; ``None`` takes the agency's.
    :ivar grade_rule: for qualitative indicators, how the achievement is stated.
    :ivar baseline: the Renstra baseline (kondisi awal): its year and value.
    :ivar end_target: the Renstra end-of-period target (target akhir): its year and value.
    """

    code: str = field(validator=matches(KEY_PATTERN, "IKU-1"))
    name: str = field(validator=non_empty_text)
    unit: str = field(default="", validator=validators.instance_of(str))
    polarity: Polarity = field(default=Polarity.HIGHER, converter=Polarity)
    aggregation: Aggregation = field(default=Aggregation.LAST, converter=Aggregation)
    formula: str | None = None
    grades: tuple[str, ...] = field(default=(), converter=as_tuple)
    policy: AchievementPolicy | None = None
    grade_rule: GradeRule = field(default=GradeRule.MET, converter=GradeRule)
    baseline: RenstraValue | None = None
    end_target: RenstraValue | None = None

    def __attrs_post_init__(self) -> None:
        if self.polarity is Polarity.QUALITATIVE and len(self.grades) < 2:
            raise ValidationError(
                f"Indicator {self.code}: a qualitative indicator needs its grades, best first "
                "(at least two), e.g. ('WTP', 'WDP', 'TW', 'TMP')"
            )
        if len(set(self.grades)) != len(self.grades):
            raise ValidationError(f"Indicator {self.code}: grades must be distinct")
        for what, point in (("baseline", self.baseline), ("end target", self.end_target)):
            if point is not None and not point.period.is_year:
                raise ValidationError(f"Indicator {self.code}: the {what} is of a year")
        if self.baseline and self.end_target and self.baseline.period >= self.end_target.period:
            raise ValidationError(
                f"Indicator {self.code}: the baseline year {self.baseline.period} must come "
                f"before the end target's year {self.end_target.period}"
            )

    @property
    def is_qualitative(self) -> bool:
        return self.polarity is Polarity.QUALITATIVE


@frozen(kw_only=True)
class Measurement:
    """The target and actual value (realisasi) of one indicator in one period.

    Either may be missing (``None``): a target set but not yet measured, or an actual value
    reported for a year without a target (earlier years in a comparison table).

    :ivar standard: the national (or provincial) standard for the indicator in that period,
        where one exists (standar pelayanan minimal, a national average).
    """

    indicator: str = field(validator=matches(KEY_PATTERN, "IKU-1"))
    period: Period = field(converter=to_period)
    target: Target | None = field(default=None, converter=_target)
    actual: Actual | None = field(default=None, converter=_actual)
    standard: Decimal | None = field(default=None, converter=optional_decimal)
