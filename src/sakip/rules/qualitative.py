"""Qualitative indicators: ordered grades instead of numbers.

Audit opinions (WTP > WDP > TW > TMP) and SAKIP grades (AA > A > BB > B > CC > C > D) have no
ratio; an achievement is whether the target grade was met, or how many steps above (+) or
below (−) it the actual grade lies.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sakip.arithmetic import HUNDRED, ZERO
from sakip.errors import ValidationError
from sakip.model.indicators import Grade

AUDIT_OPINIONS = ("WTP", "WDP", "TW", "TMP")
"""BPK audit opinions, best first."""

SAKIP_GRADES = ("AA", "A", "BB", "B", "CC", "C", "D")
"""SAKIP evaluation grades, best first."""


def _rank(grades: Sequence[str], grade: Grade | str) -> int:
    label = grade.label if isinstance(grade, Grade) else grade
    try:
        return list(grades).index(label)
    except ValueError:
        raise ValidationError(f"grade {label!r} is not one of {', '.join(grades)}") from None


def steps(grades: Sequence[str], target: Grade | str, actual: Grade | str) -> int:
    """Steps from the target grade to the actual one: positive above, negative below."""
    return _rank(grades, target) - _rank(grades, actual)


def met(grades: Sequence[str], target: Grade | str, actual: Grade | str) -> bool:
    """Whether the actual grade is the target grade or better."""
    return steps(grades, target, actual) >= 0


def achievement(grades: Sequence[str], target: Grade | str, actual: Grade | str) -> Decimal:
    """100 when the target grade is met, else 0 (the met / not met reading)."""
    return HUNDRED if met(grades, target, actual) else ZERO
