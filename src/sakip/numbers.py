"""One way in and one way out for every number.

In: :func:`to_decimal` accepts ``int``, :class:`~decimal.Decimal` and numeric text, and
refuses ``float`` (a binary float cannot hold 94,41 exactly and rounds ties wrongly).
Text is read in Indonesian form (``4.753.553.212``, ``94,41 %``, ``Rp 4.753.553.212,-``) by
babel; text that is ambiguous in that form, such as ``94.41``, is refused unless the caller
names another locale.

Out: the ``format_*`` functions always write Indonesian form. They never round silently:
a value with more decimals than asked for is rounded by an explicit :class:`RoundingPolicy`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext
from functools import cache, lru_cache

from babel import Locale
from babel.numbers import NumberFormatError, parse_decimal

from sakip.arithmetic import ARITHMETIC, exponent_of
from sakip.errors import NumberError
from sakip.rounding import RoundingMode, RoundingPolicy

__all__ = [
    "Number",
    "format_number",
    "format_percent",
    "format_rupiah",
    "parse_number",
    "to_decimal",
]

Number = int | Decimal | str
"""What :func:`to_decimal` accepts."""

INDONESIAN = "id"

# Decorations around a number in Indonesian reports: currency before, percent or ",-" after.
_PREFIX = re.compile(r"^\s*(?:rp\.?\s*)", re.IGNORECASE)
_SUFFIX = re.compile(r"\s*(?:%|,-)\s*$")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def parse_number(text: str, *, locale: str = INDONESIAN) -> Decimal:
    """Read a number written in ``locale``'s form (Indonesian by default).

    ``Rp``/``Rp.`` before and ``%`` or ``,-`` after the number are allowed and dropped.

    :raises NumberError: for empty text, text that is not a number, text whose separators
        do not fit the locale (``94.41`` in Indonesian form), or a value that is no text at
        all (:func:`to_decimal` takes numbers).
    """
    if not isinstance(text, str):
        raise NumberError(
            f"expected a number written as text (such as '94,41'), got "
            f"{type(text).__name__} {text!r}; for a number that is no text, use to_decimal"
        )
    if locale == INDONESIAN and _CANONICAL_INDONESIAN.fullmatch(text):
        # The common case, nothing around the number; a short one is within range for sure.
        value = _canonical(text)
        return value if len(text) <= _SURELY_IN_RANGE else in_range(value, text)
    if _OTHER_DIGITS.search(text):
        raise NumberError(
            f"{text!r} is not a number: write its digits as 0-9 (it has digits of another "
            f"script, or '_')"
        )
    cleaned = text.translate(_SPACES).strip()
    cleaned = _SUFFIX.sub("", _PREFIX.sub("", cleaned)).strip()
    if not cleaned:
        raise NumberError(f"{text!r} is not a number: the text is empty")
    if sum(char.isdigit() for char in cleaned) > MAX_WHOLE_DIGITS + MAX_DECIMALS:
        raise NumberError(
            f"{text!r} has too many digits: sakip reads at most {MAX_WHOLE_DIGITS} before the "
            f"decimal point and {MAX_DECIMALS} after it"
        )
    try:
        with localcontext(ARITHMETIC):  # babel rounds in the active context: use the library's
            value = _parse(cleaned, locale)
    except NumberFormatError as exc:
        raise NumberError(_explain(text, locale, exc.suggestions)) from None
    except InvalidOperation:
        raise NumberError(_explain(text, locale, None)) from None
    if not value.is_finite():
        raise NumberError(f"{text!r} is not a finite number")
    return in_range(value, text)


NO_VALUE = frozenset({"", "-", "n/a", "N/A", "na", "NA"})
"""What agencies write for "no value" (in a data file, a workbook cell, a printed table):
never read as 0."""

MAX_WHOLE_DIGITS = 18
"""Digits before the decimal point: a quintillion rupiah is far beyond any budget."""
MAX_DECIMALS = 12
"""Decimals: as many as any rounding policy keeps."""
_SURELY_IN_RANGE = 12
"""Characters of canonical text (``-999.999.999``, ``0,0000000001``) that cannot exceed
either limit."""
_OTHER_DIGITS = re.compile(r"(?![0-9])\d|_")
"""A digit of another script (Arabic-Indic, full-width), or ``_``: Python would read either."""


def in_range(value: Decimal, shown: object = None) -> Decimal:
    """``value`` if it is a number an LKjIP can hold: at most :data:`MAX_WHOLE_DIGITS` digits
    before the decimal point and :data:`MAX_DECIMALS` after it, so that every rule computes
    it exactly in the library's context.

    :raises NumberError: naming the limit the value is beyond.
    """
    if not value.is_finite():
        raise NumberError(f"{_shown(value, shown)!r} is not a finite number")
    decimals = -exponent_of(value)
    if decimals > MAX_DECIMALS:
        raise NumberError(
            f"{_shown(value, shown)!r} has {decimals} decimals; sakip keeps at most {MAX_DECIMALS}"
        )
    if value and value.adjusted() >= MAX_WHOLE_DIGITS:  # adjusted(): whole digits − 1
        raise NumberError(
            f"{_shown(value, shown)!r} is too large: at most {MAX_WHOLE_DIGITS} digits before "
            "the decimal point"
        )
    return value


def _shown(value: Decimal, shown: object) -> str:
    """The number as the user wrote it, for a message (spelt out only when one is needed)."""
    return shown if isinstance(shown, str) else str(value)


# A report prints the same few thousand numbers again and again (90,00; 100,00; 0): babel's
# strict parse is the costly part of reading one, and a Decimal is immutable, so remember it.
@lru_cache(maxsize=1 << 16)
def _parse(cleaned: str, locale: str) -> Decimal:
    if locale == INDONESIAN and _CANONICAL_INDONESIAN.fullmatch(cleaned):
        return _canonical(cleaned)
    return parse_decimal(cleaned, locale=_locale(locale), strict=True)


def _canonical(text: str) -> Decimal:
    """What babel's strict parse gives for the form sakip itself prints, read directly."""
    return Decimal(text.replace(".", "").replace(",", "."))


# Groups of three after the first, at most one decimal comma: 4.753.553.212 and 94,41.
_CANONICAL_INDONESIAN = re.compile(r"-?[1-9][0-9]{0,2}(?:\.[0-9]{3})*(?:,[0-9]+)?|-?0(?:,[0-9]+)?")


@cache
def _locale(code: str) -> Locale:
    """babel re-reads a locale named by its code on every call; parse each code once."""
    return Locale.parse(code)


def _explain(text: str, locale: str, suggestions: list[str] | None) -> str:
    if locale != INDONESIAN:
        return f"{text!r} is not a number in the {locale!r} form"
    message = (
        f"{text!r} is not a number in Indonesian form, where '.' groups thousands and ','"
        " marks decimals (4.753.553.212; 94,41)"
    )
    if suggestions:
        message += f"; did you mean {' or '.join(repr(s) for s in suggestions)}?"
        message += " If the text is in English form, name its locale (locale='en')"
    return message


def to_decimal(value: object, *, what: str = "value", locale: str = INDONESIAN) -> Decimal:
    """Convert ``value`` to an exact :class:`~decimal.Decimal`.

    :param value: an ``int``, a finite ``Decimal`` or numeric text (see :func:`parse_number`).
    :param what: the name of the field, used in the error message.
    :param locale: the form numeric text is written in.
    :raises NumberError: for a ``float``, a ``bool``, a non-finite ``Decimal`` or bad text.
    """
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NumberError(f"{what}: {value} is not a finite number")
        return _ranged(value, what)
    if isinstance(value, bool):
        raise NumberError(f"{what}: expected a number, got the boolean {value}")
    if isinstance(value, int):
        return _ranged(Decimal(value), what)
    if isinstance(value, float):
        raise NumberError(
            f"{what}: got the float {value!r}; binary floats cannot hold most decimal "
            f"fractions exactly, so sakip refuses them. Pass Decimal('{value!r}') or "
            f"Indonesian text such as {_indonesian_hint(value)!r} instead"
        )
    if isinstance(value, str):
        try:
            return parse_number(value, locale=locale)
        except NumberError as exc:
            raise NumberError(f"{what}: {exc}") from None
    raise NumberError(
        f"{what}: expected an int, Decimal or numeric text, got {type(value).__name__}"
    )


def _ranged(value: Decimal, what: str) -> Decimal:
    try:
        return in_range(value)
    except NumberError as exc:
        raise NumberError(f"{what}: {exc}") from None


def _indonesian_hint(value: float) -> str:
    return repr(value).replace(".", ",")


def format_number(
    value: Decimal | int, *, places: int | None = None, rounding: RoundingPolicy | None = None
) -> str:
    """Write ``value`` in Indonesian form: ``4.753.553.212``, ``121,98``.

    :param places: decimals to show; ``None`` shows exactly the decimals the value has.
    :param rounding: the policy used when the value has more decimals than ``places``
        (half-up by default).
    """
    # A computed value may have more decimals than an input may: it is rounded here.
    number = value if isinstance(value, Decimal) and value.is_finite() else to_decimal(value)
    exponent = exponent_of(number)
    if places is None:
        places = max(0, -exponent)
    elif exponent < -places:
        # More decimals than shown: rounded by the policy. (A value with as many or fewer
        # needs no rounding: the layout below only pads it with zeros.)
        mode = rounding.mode if rounding is not None else RoundingMode.HALF_UP
        number = _policy(mode, places).apply(number)
    if not number:
        number = number.copy_abs()  # -0,001 rounded is 0,00, never "-0,00"
    # The value has at most `places` decimals now, so this only lays out its digits: Python
    # formats a Decimal exactly, in any context, grouping by three; the separators are then
    # swapped to the Indonesian form (a test holds this equal to babel's id format, digit for
    # digit).
    return f"{number:,.{places}f}".translate(_INDONESIAN_SEPARATORS)


@lru_cache(maxsize=64)
def _policy(mode: RoundingMode, places: int) -> RoundingPolicy:
    """A table writes hundreds of thousands of figures in a handful of policies."""
    return RoundingPolicy(mode, places)


_INDONESIAN_SEPARATORS = str.maketrans({",": ".", ".": ","})


def format_percent(
    value: Decimal | int,
    *,
    places: int | None = 2,
    space: bool = True,
    rounding: RoundingPolicy | None = None,
) -> str:
    """Write a percentage (already ×100) in Indonesian form: ``94,41 %`` or ``94,41%``."""
    return format_number(value, places=places, rounding=rounding) + (" %" if space else "%")


def format_rupiah(value: Decimal | int, *, dash: bool = True) -> str:
    """Write an amount of rupiah as reports do: ``Rp 4.753.553.212,-``."""
    text = "Rp " + format_number(value, places=0)
    return text + ",-" if dash else text
