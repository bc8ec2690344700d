"""Reporting periods: a year, or a quarter of one."""

from __future__ import annotations

import re

from attrs import field, frozen, validators

from sakip.errors import ValidationError

_PERIOD = re.compile(r"(?P<year>\d{4})(?:-?[Qq](?:uarter)?(?P<quarter>[1-4]))?")


@frozen(order=True)
class Period:
    """A year (``2023``) or one of its quarters (``2023-Q1``)."""

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
        """Read ``2023``, ``"2023"`` or ``"2023-Q1"``."""
        match = _PERIOD.fullmatch(str(text).strip())
        if match is None:
            raise ValidationError(
                f"Period: expected a year such as '2023' or a quarter such as '2023-Q1', got {text!r}"
            )
        quarter = match["quarter"]
        return cls(int(match["year"]), int(quarter) if quarter else None)

    @property
    def is_year(self) -> bool:
        return self.quarter is None

    def __str__(self) -> str:
        return str(self.year) if self.quarter is None else f"{self.year}-Q{self.quarter}"


def to_period(value: object) -> Period:
    """Converter: a :class:`Period`, or a year / ``2023-Q1`` text read by :meth:`Period.parse`."""
    if isinstance(value, Period):
        return value
    if isinstance(value, int | str):
        return Period.parse(value)
    raise ValidationError(f"Period: expected a year such as 2023 or '2023-Q1', got {value!r}")
