"""The policies that turn a raw achievement into the published figure.

None of these is settled by regulation, so each is an explicit, named choice with the
behaviour of published reports as its default.
"""

from __future__ import annotations

import enum
from decimal import Decimal

from attrs import field, frozen

from sakip.errors import ValidationError
from sakip.model._fields import non_negative, optional_decimal
from sakip.rounding import RoundingPolicy


class ZeroPolicy(enum.Enum):
    """What to do when a formula's denominator is zero.

    That is the target in the ratio forms, and the actual value in the ``target / actual``
    form. No regulation covers it and applications disagree, so the default refuses.
    """

    ERROR = "error"
    """Raise :class:`~sakip.errors.ZeroDenominatorError` (the default)."""

    NOT_APPLICABLE = "not-applicable"
    """No achievement: the result is ``None`` and tables show ``-``."""

    MET_IF_MEETS = "met-if-meets"
    """100 when the actual value meets the target in the indicator's direction, else 0."""


def _zero(value: object) -> ZeroPolicy:
    try:
        return ZeroPolicy(value)
    except ValueError:
        choices = ", ".join(policy.value for policy in ZeroPolicy)
        raise ValidationError(
            f"AchievementPolicy zero: unknown zero policy {value!r}; expected one of: {choices}"
        ) from None


@frozen(kw_only=True)
class AchievementPolicy:
    """Rounding, zero handling and cap applied to every achievement of an indicator.

    The raw achievement is rounded first, then capped: the published figure never exceeds
    the cap.
    """

    rounding: RoundingPolicy = RoundingPolicy()
    zero: ZeroPolicy = field(default=ZeroPolicy.ERROR, converter=_zero)
    cap: Decimal | None = field(default=None, converter=optional_decimal, validator=non_negative)
    """Upper bound on the achievement, e.g. 120; ``None`` (the default) leaves it uncapped,
    as published LKjIPs do."""
