"""Rounding as an explicit, named policy.

Published LKjIPs round achievements half-up to two decimals; others truncate. Never leave
this to a float or to the ambient :mod:`decimal` context.
"""

from __future__ import annotations

import enum
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from attrs import field, frozen

from sakip.arithmetic import ARITHMETIC
from sakip.errors import ValidationError


class RoundingMode(enum.Enum):
    """How a value is brought to a fixed number of decimals."""

    HALF_UP = "half-up"
    HALF_EVEN = "half-even"
    TRUNCATE = "truncate"

    @property
    def decimal_rounding(self) -> str:
        """The :mod:`decimal` rounding constant for this mode."""
        return _DECIMAL_ROUNDING[self]


_DECIMAL_ROUNDING = {
    RoundingMode.HALF_UP: ROUND_HALF_UP,
    RoundingMode.HALF_EVEN: ROUND_HALF_EVEN,
    # Truncation drops digits towards zero, as spreadsheets' TRUNC does.
    RoundingMode.TRUNCATE: ROUND_DOWN,
}


_QUANTA = tuple(Decimal(1).scaleb(-places) for places in range(13))
"""The step kept at each number of places a policy may have (0 to 12)."""


def _mode(value: RoundingMode | str) -> RoundingMode:
    if isinstance(value, RoundingMode):
        return value
    try:
        return RoundingMode(value)
    except ValueError:
        choices = ", ".join(mode.value for mode in RoundingMode)
        raise ValidationError(
            f"unknown rounding mode {value!r}; expected one of: {choices}"
        ) from None


def _places(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 12:
        raise ValidationError(
            f"RoundingPolicy places: expected a whole number of decimals from 0 to 12, got "
            f"{value!r}"
        )


@frozen
class RoundingPolicy:
    """Round to ``places`` decimals with ``mode`` (half-up to 2 decimals by default)."""

    mode: RoundingMode = field(default=RoundingMode.HALF_UP, converter=_mode)
    places: int = field(default=2, validator=lambda _, __, value: _places(value))

    @property
    def quantum(self) -> Decimal:
        """The smallest step kept, e.g. ``0.01`` for two places."""
        return _QUANTA[self.places]

    def apply(self, value: Decimal) -> Decimal:
        """Round ``value`` under this policy (in the library's context, whatever the
        caller's)."""
        # The context is passed, not entered: a table rounds hundreds of thousands of
        # values, and entering a context costs twice the rounding itself.
        return value.quantize(
            _QUANTA[self.places], rounding=_DECIMAL_ROUNDING[self.mode], context=ARITHMETIC
        )

    def describe(self) -> str:
        """A short human description, e.g. ``half-up to 2 decimals``."""
        return f"{self.mode.value} to {self.places} decimals"


HALF_UP_2 = RoundingPolicy()
