"""Reporting periods: a year, or a quarter of one."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from attrs import field, frozen, validators

from sakip.errors import ValidationError

_PERIOD = re.compile(
    r"(?P<year>\d{4})(?:\s*-?\s*(?:[Qq](?:uarter)?|TW|Tw|tw|Triwulan|triwulan)\s*"
    r"(?P<quarter>[1-4]|IV|I{1,3}))?"
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@frozen(order=True, cache_hash=True)
class Period:
    """A year (``2023``) or one of its quarters (``2023-Q1``; agencies print ``TW I`` … ``TW IV``,
    *triwulan*, and ``2023-TW1`` or ``2023-TW I`` are read the same)."""

    year: int = field(
        validator=[validators.instance_of(int), validators.ge(1945), validators.le(2200)]
    )
    quarter: int | None = field(
        default=None,
        validator=validators.optional(
            [validators.instance_of(int), validators.ge(1), validators.le(4)]
        ),
    )

    @classmethod
    def parse(cls, text: str | int) -> Period:
        """Read ``2023``, ``"2023"``, ``"2023-Q1"``, ``"2023-TW1"`` or ``"2023-TW IV"``."""
        return _parsed(text)

    @classmethod
    def _parse(cls, text: str | int) -> Period:
        match = _PERIOD.fullmatch(str(text).strip())
        if match is None:
            raise ValidationError(
                f"Period: expected a year such as '2023' or a quarter such as '2023-TW1' "
                f"('2023-Q1'), got {text!r}"
            )
        quarter = match["quarter"]
        if not quarter:
            return cls(int(match["year"]))
        return cls(int(match["year"]), _ROMAN.get(quarter) or int(quarter))

    @property
    def is_year(self) -> bool:
        return self.quarter is None

    @property
    def year_period(self) -> Period:
        """The year this period is (in)."""
        return Period(self.year)

    def quarters(self) -> tuple[Period, ...]:
        """A year's four quarters; a quarter's quarters of the year up to it (year to date)."""
        return _quarters(self.year, 4 if self.quarter is None else self.quarter)

    @property
    def label(self) -> str:
        """As an Indonesian report prints it: ``2023``, ``TW I 2023``."""
        if self.quarter is None:
            return str(self.year)
        return f"TW {('I', 'II', 'III', 'IV')[self.quarter - 1]} {self.year}"

    def __str__(self) -> str:
        return str(self.year) if self.quarter is None else f"{self.year}-Q{self.quarter}"


@cache
def _quarters(year: int, last: int) -> tuple[Period, ...]:
    # Asked for per indicator and figure: build the periods (and their validation) once.
    return tuple(Period(year, quarter) for quarter in range(1, last + 1))


def to_period(value: object) -> Period:
    """Converter: a :class:`Period`, or a year / ``2023-Q1`` text read by :meth:`Period.parse`."""
    if isinstance(value, Period):
        return value
    if isinstance(value, int | str):
        return Period.parse(value)
    raise ValidationError(f"Period: expected a year such as 2023 or '2023-Q1', got {value!r}")


@lru_cache(maxsize=4096)
def _parsed(text: str | int) -> Period:
    """A data file names the same few periods thousands of times: each text is read once
    (a period is immutable, so one instance serves every record)."""
    return Period._parse(text)
