from __future__ import annotations

from decimal import Decimal, localcontext

import pytest
from hypothesis import example, given, settings
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
@example(Decimal("1281528468082.053832177163908217940771616580411756892019437709"), None)
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
    with localcontext() as wide:  # babel quantizes in the active context: wide enough for
        wide.prec = len(number.as_tuple().digits) + shown + 20  # every digit drawn
        expected = format_decimal(number, format=pattern, locale="id")
    assert format_number(value, places=places) == expected


# --- limits and messages, exactly as the user reads them (the mutation sweep's survivors) -----


def _message(call: object) -> str:
    from sakip import NumberError

    with pytest.raises(NumberError) as caught:
        call()  # type: ignore[operator]
    return str(caught.value)


def test_a_long_number_in_canonical_form_is_still_checked_against_the_limits() -> None:
    from sakip import parse_number

    # 19 digits before the decimal point, written as sakip itself writes numbers.
    text = "1.000.000.000.000.000.000"
    assert _message(lambda: parse_number(text)) == (
        f"'{text}' is too large: at most 18 digits before the decimal point"
    )
    assert parse_number("100.000.000.000.000.000") == Decimal(10**17)  # 18 digits: taken


def test_thirty_digits_are_read_and_thirty_one_are_refused() -> None:
    from sakip import parse_number

    # Not in canonical form (no groups), so read by babel: 18 + 12 digits is the most.
    assert parse_number("123456789012345678,123456789012") == Decimal(
        "123456789012345678.123456789012"
    )
    assert _message(lambda: parse_number("1234567890123456789,123456789012")) == (
        "'1234567890123456789,123456789012' has too many digits: sakip reads at most 18 "
        "before the decimal point and 12 after it"
    )


def test_the_range_check_counts_decimals_and_whole_digits() -> None:
    from sakip.numbers import in_range

    assert _message(lambda: in_range(Decimal("0.0000000000001"))) == (
        "'1E-13' has 13 decimals; sakip keeps at most 12"
    )
    assert in_range(Decimal("0.000000000001")) == Decimal("1E-12")
    assert _message(lambda: in_range(Decimal("1E+18"))) == (
        "'1E+18' is too large: at most 18 digits before the decimal point"
    )
    assert _message(lambda: in_range(Decimal(10**19))) == (
        "'10000000000000000000' is too large: at most 18 digits before the decimal point"
    )
    # Zero is in range whatever its exponent; so is a value with trailing zeros in its digits.
    assert in_range(Decimal("0E+30")) == 0
    assert in_range(Decimal("1.000000000000000000E+17")) == Decimal(10**17)
    assert _message(lambda: in_range(Decimal("NaN"))) == "'NaN' is not a finite number"


def test_messages_name_the_text_as_written_and_the_field() -> None:
    from sakip import parse_number, to_decimal

    arabic_indic_ten = "\u0661\u0660"
    assert _message(lambda: parse_number(arabic_indic_ten)) == (
        f"'{arabic_indic_ten}' is not a number: write its digits as 0-9 (it has digits of "
        "another script, or '_')"
    )
    assert _message(lambda: parse_number(" Rp  ")) == "' Rp  ' is not a number: the text is empty"
    assert _message(lambda: parse_number("94.41")) == (
        "'94.41' is not a number in Indonesian form, where '.' groups thousands and ',' marks "
        "decimals (4.753.553.212; 94,41); did you mean '9.441' or '94,41'? If the text is in "
        "English form, name its locale (locale='en')"
    )
    assert _message(lambda: parse_number("12,3,4")) == (
        "'12,3,4' is not a number in Indonesian form, where '.' groups thousands and ',' marks "
        "decimals (4.753.553.212; 94,41)"
    )
    assert _message(lambda: parse_number("1e99999999999999999999")) == (
        "'1e99999999999999999999' is not a number in Indonesian form, where '.' groups "
        "thousands and ',' marks decimals (4.753.553.212; 94,41)"
    )
    assert _message(lambda: parse_number("sNaN")) == "'sNaN' is not a finite number"
    assert _message(lambda: parse_number("1e20")) == (
        "'1e20' is too large: at most 18 digits before the decimal point"
    )
    assert _message(lambda: parse_number("1,2.3", locale="en")) == (
        "'1,2.3' is not a number in the 'en' form"
    )
    assert _message(lambda: to_decimal(Decimal("Infinity"), what="target")) == (
        "target: Infinity is not a finite number"
    )
    assert _message(lambda: to_decimal(True, what="target")) == (
        "target: expected a number, got the boolean True"
    )
    assert _message(lambda: to_decimal(Decimal(10**19), what="allocation")) == (
        "allocation: '10000000000000000000' is too large: at most 18 digits before the "
        "decimal point"
    )
    assert _message(lambda: to_decimal(10**19)) == (
        "value: '10000000000000000000' is too large: at most 18 digits before the decimal point"
    )
    assert _message(lambda: to_decimal("abc", what="actual")) == (
        "actual: 'abc' is not a number in Indonesian form, where '.' groups thousands and ',' "
        "marks decimals (4.753.553.212; 94,41)"
    )
    assert _message(lambda: to_decimal([1], what="actual")) == (
        "actual: expected an int, Decimal or numeric text, got list"
    )
    assert to_decimal("9.38", locale="en") == Decimal("9.38")


def test_writing_follows_the_policy_asked_for() -> None:
    from sakip import RoundingPolicy, format_number, format_percent, format_rupiah

    truncate = RoundingPolicy("truncate", 2)
    assert format_number(Decimal("2.349"), places=2, rounding=truncate) == "2,34"
    assert format_number(Decimal("2.345"), places=2) == "2,35"  # half-up by default
    assert format_percent(Decimal("2.349"), rounding=truncate) == "2,34 %"
    assert format_percent(Decimal("2.349"), space=False) == "2,35%"
    assert format_rupiah(Decimal("1500.5")) == "Rp 1.501,-"
    assert format_rupiah(Decimal("1500.5"), dash=False) == "Rp 1.501"
    assert format_number(Decimal("0.0100")) == "0,0100"  # the decimals the value has


def test_an_unknown_rounding_mode_lists_the_three() -> None:
    from sakip import RoundingPolicy, ValidationError

    with pytest.raises(ValidationError) as caught:
        RoundingPolicy("trunc")
    assert str(caught.value) == (
        "unknown rounding mode 'trunc'; expected one of: half-up, half-even, truncate"
    )


@pytest.mark.parametrize(
    ("text", "exponent"),
    [
        ("4753553212", 0),
        ("94.41", -2),
        ("0.5", -1),
        ("1.063", -3),
        ("0.0000000001", -10),  # none of the common steps
        ("1E+3", 3),
        ("0", 0),
        ("0.00", -2),
        ("-0.005", -3),
        ("-12.5", -1),
    ],
)
def test_exponent_of_a_decimal(text: str, exponent: int) -> None:
    from sakip.arithmetic import exponent_of

    assert exponent_of(Decimal(text)) == exponent


@settings(max_examples=300, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=None))
def test_exponent_of_is_the_decimal_modules_own(value: Decimal) -> None:
    from sakip.arithmetic import exponent_of

    assert exponent_of(value) == value.as_tuple().exponent


@pytest.mark.parametrize(
    ("value", "shown", "message"),
    [
        # The number as the caller wrote it when it is given, else as Python writes it.
        ("1.0000000000001", None, "'1.0000000000001' has 13 decimals; sakip keeps at most 12"),
        ("1.0000000000001", "1,0000000000001", "'1,0000000000001' has 13 decimals"),
        ("1E+18", None, "'1E+18' is too large: at most 18 digits before the decimal point"),
        ("1E+18", "1.000.000.000.000.000.000", "'1.000.000.000.000.000.000' is too large"),
        ("NaN", None, "'NaN' is not a finite number"),
        ("NaN", "bukan angka", "'bukan angka' is not a finite number"),
    ],
)
def test_a_number_out_of_range_is_named_as_written(
    value: str, shown: str | None, message: str
) -> None:
    from sakip.numbers import in_range

    with pytest.raises(NumberError) as refused:
        in_range(Decimal(value), shown)
    assert str(refused.value).startswith(message)
    assert in_range(Decimal("999999999999999999.999999999999")) == Decimal(
        "999999999999999999.999999999999"
    )
