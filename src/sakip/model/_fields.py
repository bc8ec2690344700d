"""Converters and validators shared by the domain records.

They raise :class:`~sakip.errors.ValidationError` whose message names the record, the
field and the expected form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from sakip.errors import NumberError, ValidationError
from sakip.numbers import to_decimal


def _where(instance: Any, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def non_empty_text(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """The field must be a string with something other than white space in it."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(
            f"{_where(instance, attribute)}: expected non-empty text, got {value!r}"
        )


def matches(pattern: str, example: str) -> Any:
    """The field must be text matching ``pattern`` (``example`` is shown in the error)."""
    compiled = re.compile(pattern)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            raise ValidationError(
                f"{_where(instance, attribute)}: expected text of the form {example!r} "
                f"(pattern {pattern}), got {value!r}"
            )

    return check


def non_negative(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
    """A Decimal field (or ``None``) that must not be below zero."""
    if isinstance(value, Decimal) and value < 0:
        raise ValidationError(f"{_where(instance, attribute)}: must not be negative, got {value}")


def decimal(value: object) -> Decimal:
    """Converter: the library's one number converter (refuses floats)."""
    try:
        return to_decimal(value)
    except NumberError as exc:
        raise ValidationError(str(exc)) from None


def optional_decimal(value: object) -> Decimal | None:
    """Converter: like :func:`decimal`, but ``None`` stays ``None``."""
    return None if value is None else decimal(value)


KEY_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.\-]*"
"""Keys that records use to refer to each other: short, no spaces."""


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Converter: any iterable as a tuple, so records stay immutable."""
    return tuple(value)
