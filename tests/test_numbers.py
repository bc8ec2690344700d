from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip import (
    NumberError,
    format_number,
    format_percent,
    format_rupiah,
    parse_number,
    to_decimal,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.753.553.212", Decimal("4753553212")),
        ("94,41 %", Decimal("94.41")),
        ("94,41%", Decimal("94.41")),
        ("Rp 4.753.553.212,-", Decimal("4753553212")),
        ("Rp. 4.224.057.472,-", Decimal("4224057472")),
        ("121,98", Decimal("121.98")),
        ("100", Decimal("100")),
        ("-5,5", Decimal("-5.5")),
        ("1.000,5", Decimal("1000.5")),
    ],
)
def test_parse_indonesian_forms(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["94.41", "1.5"])
def test_parse_refuses_ambiguous_text_and_suggests(text: str) -> None:
    with pytest.raises(NumberError, match="Indonesian form") as info:
        parse_number(text)
    assert text.replace(".", ",") in str(info.value)


def test_parse_accepts_ambiguous_text_when_locale_is_named() -> None:
    assert parse_number("94.41", locale="en") == Decimal("94.41")


@pytest.mark.parametrize("text", ["", "  ", "abc", "12,3,4", "Rp", "%", "1.00"])
def test_parse_refuses_non_numbers(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text)


def test_to_decimal_refuses_float_and_says_what_to_pass() -> None:
    with pytest.raises(NumberError, match=r"float 94\.41.*Decimal\('94\.41'\).*'94,41'"):
        to_decimal(94.41, what="target")


@pytest.mark.parametrize("bad", [True, None, [1], Decimal("NaN"), Decimal("Infinity")])
def test_to_decimal_refuses_other_types(bad: object) -> None:
    with pytest.raises(NumberError):
        to_decimal(bad)


def test_to_decimal_accepts_int_decimal_and_text() -> None:
    assert to_decimal(7) == Decimal(7)
    assert to_decimal(Decimal("1.5")) == Decimal("1.5")
    assert to_decimal("77,85") == Decimal("77.85")


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Decimal("4753553212"), None, "4.753.553.212"),
        (Decimal("121.98"), None, "121,98"),
        (Decimal("100"), 2, "100,00"),
        (Decimal("0.125"), 2, "0,13"),  # half-up by default, not babel's half-even
        (Decimal("-1234.5"), 1, "-1.234,5"),
    ],
)
def test_format_number(value: Decimal, places: int | None, expected: str) -> None:
    assert format_number(value, places=places) == expected


def test_format_percent_and_rupiah() -> None:
    assert format_percent(Decimal("94.41")) == "94,41 %"
    assert format_percent(Decimal("89.4"), space=False) == "89,40%"
    assert format_rupiah(Decimal("4753553212")) == "Rp 4.753.553.212,-"


@given(
    st.decimals(
        min_value=Decimal("-1e12"),
        max_value=Decimal("1e12"),
        places=4,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_format_parse_round_trip(value: Decimal) -> None:
    assert parse_number(format_number(value)) == value
    assert parse_number(format_percent(value)) == value.quantize(
        Decimal("0.01"), rounding="ROUND_HALF_UP"
    )


@given(
    st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, allow_infinity=False)
    | st.integers(-(10**15), 10**15),
    st.integers(0, 6),
)
def test_reading_what_sakip_prints_agrees_with_babel_digit_for_digit(
    value: Decimal | int, places: int
) -> None:
    # sakip reads its own printed form without babel; the result must be babel's exactly.
    from babel.numbers import parse_decimal

    text = format_number(value, places=places)
    assert str(parse_number(text)) == str(parse_decimal(text, locale="id", strict=True))


@pytest.mark.parametrize("text", ["-0", "-0,00", "0", "0,5", "1.000", "12.345.678,901", "999"])
def test_edge_forms_agree_with_babel(text: str) -> None:
    from babel.numbers import parse_decimal

    assert str(parse_number(text)) == str(parse_decimal(text, locale="id", strict=True))


@pytest.mark.parametrize("text", ["1234", "01", "1.23", "1.2345", "1,234.5"])
def test_other_forms_are_read_as_babel_reads_them(text: str) -> None:
    from babel.numbers import NumberFormatError, parse_decimal

    try:
        expected: Decimal | None = parse_decimal(text, locale="id", strict=True)
    except NumberFormatError:
        expected = None
    if expected is None:
        with pytest.raises(NumberError):
            parse_number(text)
    else:
        assert str(parse_number(text)) == str(expected)


@settings(max_examples=300)
@given(
    st.decimals(min_value=-(10**15), max_value=10**15, allow_nan=False, allow_infinity=False)
    | st.integers(-(10**15), 10**15),
    st.none() | st.integers(0, 12),
)
def test_format_number_writes_what_babel_writes_for_indonesian(
    value: Decimal | int, places: int | None
) -> None:
    # sakip lays out the digits itself (babel re-parses its pattern on every call); the text
    # must be babel's Indonesian form exactly.
    from babel.numbers import format_decimal

    from sakip.rounding import RoundingPolicy

    number = Decimal(value)
    if places is None:
        exponent = number.as_tuple().exponent
        shown = max(0, -exponent) if isinstance(exponent, int) else 0
    else:
        shown = places
        number = RoundingPolicy("half-up", places).apply(number)
    if not number:
        number = number.copy_abs()
    pattern = "#,##0" + ("." + "0" * shown if shown else "")
    with localcontext() as wide:  # babel quantizes in the active context
        wide.prec = 60
        expected = format_decimal(number, format=pattern, locale="id")
    assert format_number(value, places=places) == expected
