"""Indicators and their measurements."""

from __future__ import annotations

import enum
from decimal import Decimal

from attrs import field, frozen, validators

from sakip.errors import ValidationError
from sakip.model._fields import KEY_PATTERN, as_tuple, decimal, matches, non_empty_text
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
    """

    code: str = field(validator=matches(KEY_PATTERN, "IKU-1"))
    name: str = field(validator=non_empty_text)
    unit: str = field(default="", validator=validators.instance_of(str))
    polarity: Polarity = field(default=Polarity.HIGHER, converter=Polarity)
    aggregation: Aggregation = field(default=Aggregation.LAST, converter=Aggregation)
    formula: str | None = None
    grades: tuple[str, ...] = field(default=(), converter=as_tuple)
    policy: AchievementPolicy | None = None

    def __attrs_post_init__(self) -> None:
        if self.polarity is Polarity.QUALITATIVE and len(self.grades) < 2:
            raise ValidationError(
                f"Indicator {self.code}: a qualitative indicator needs its grades, best first "
                "(at least two), e.g. ('WTP', 'WDP', 'TW', 'TMP')"
            )


@frozen(kw_only=True)
class Measurement:
    """The target and actual value (realisasi) of one indicator in one period.

    Either may be missing (``None``): a target set but not yet measured, or an actual value
    reported for a year without a target (earlier years in a comparison table).
    """

    indicator: str = field(validator=matches(KEY_PATTERN, "IKU-1"))
    period: Period = field(converter=to_period)
    target: Target | None = field(default=None, converter=_target)
    actual: Actual | None = field(default=None, converter=_actual)
