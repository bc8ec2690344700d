"""Reading one workbook cell as what the agency meant, or saying why it cannot be.

Excel stores numbers as binary doubles: a number cell is converted through the shortest
decimal text that gives the same double (``repr``), never by arithmetic, so 94,41 typed in a
cell is exactly 94,41. A value with more decimals than its column allows is an artefact of a
formula (0,30000000000000004), refused with the cell named.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from sakip.errors import NumberError
from sakip.numbers import NO_VALUE, parse_number


class CellProblem(Exception):  # noqa: N818 - a signal to the reader, which reports it
    """What is wrong with one cell; the reader adds the sheet and cell."""


def decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in NO_VALUE)


def refuse_formula(value: Any) -> None:
    if isinstance(value, str) and value.startswith("="):
        raise CellProblem(
            f"a formula ({value}): type the value itself (in Excel: copy, then paste values)"
        )


def text(value: Any) -> str | None:
    """A cell's text, trimmed; ``None`` for an empty cell or one that says "no value"."""
    refuse_formula(value)
    if is_blank(value):
        return None
    if isinstance(value, bool | datetime.date | datetime.time):
        raise CellProblem(f"expected text, got {_kind(value)}")
    if isinstance(value, float):
        return str(_from_double(value))
    return str(value).strip()


def number(value: Any, *, locale: str, max_decimals: int, percent: bool = False) -> Decimal | None:
    """A cell's number: an Excel number converted exactly, or text in the workbook's number
    form; ``None`` for "no value".

    :param percent: the cell is shown as a percentage: Excel stores ``85%`` as 0,85, and the
        agency means 85 (the decimal point moves; no arithmetic on the double).

    :raises CellProblem: for a date, a boolean, a formula, text that is not a number, or a
        number with more decimals than ``max_decimals``.
    """
    refuse_formula(value)
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellProblem(f"expected a number, got {_kind(value)}")
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        raise CellProblem(
            f"expected a number, got {_kind(value)}: Excel turned what was typed into a date; "
            "format the column as a number or as text"
        )
    if isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = _from_double(value)
    else:
        percent = False  # text: "85%" reads as 85 already
        try:
            result = parse_number(str(value), locale=locale)
        except NumberError as exc:
            raise CellProblem(str(exc)) from None
    if percent and isinstance(value, int | float):
        result = _whole(result.scaleb(2))
    if decimals(result) > max_decimals:
        raise CellProblem(
            f"{result} has {decimals(result)} decimals, more than this column's "
            f"{max_decimals}: likely a formula's binary rounding; type the value"
        )
    return result


def _from_double(value: float) -> Decimal:
    """The decimal the agency typed: the shortest text that gives the same double."""
    if value != value or value in (float("inf"), float("-inf")):
        raise CellProblem(f"{value!r} is not a number")
    return _whole(Decimal(repr(value)))


def _whole(result: Decimal) -> Decimal:
    # repr writes whole doubles as "4753553212.0", and 1 (100%) moved two places is "1E+2":
    # a whole number is written whole, exactly (int() of a Decimal needs no context).
    return Decimal(int(result)) if result == result.to_integral_value() else result


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {value}"
    if isinstance(value, datetime.datetime | datetime.date):
        return f"the date {value:%Y-%m-%d}"
    return f"{type(value).__name__} {value!r}"
