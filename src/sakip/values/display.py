"""How a value is written in a cell or a sentence: the one home of these helpers, shared by
the tables, the review and the analysis, so a figure reads the same wherever it is printed.

Numbers are written in Indonesian form; a missing value is ``-``.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sakip.numbers import format_number

Display = Callable[[Decimal | None, str], str]
"""A way to write a value, followed by a suffix (a unit, ``%``)."""

MISSING = "-"


def show(value: Decimal | None, suffix: str = "") -> str:
    """A figure as reports print it: whole numbers without decimals (``100``), others with
    the decimals they have (``77,85``)."""
    if value is None:
        return MISSING
    if value == value.to_integral_value():
        return format_number(value.to_integral_value()) + suffix
    return format_number(value) + suffix


def money(value: Decimal | None, suffix: str = "") -> str:
    """An amount of rupiah without decimals: ``4.753.553.212``."""
    return MISSING if value is None else format_number(value, places=0) + suffix


def percent(value: Decimal | None, suffix: str = "%") -> str:
    """A computed percentage with all the decimals its rounding kept: ``97,00%``."""
    return MISSING if value is None else format_number(value) + suffix


def as_written(value: Decimal | None) -> str:
    """A number with all its decimals, as a message quotes it: ``113,98``, ``90.802.691``;
    empty when there is none."""
    return "" if value is None else format_number(value)
