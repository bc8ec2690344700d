"""Achievements and absorption over whole frames, exactly: for developers who hold their data
in polars (or pyarrow) frames.

Every row is computed with the same formula, policies and rounding as the scalar rules, in
scaled integer arithmetic (``Int128``): each input becomes an integer count of its smallest
decimal unit, the rate is one integer division, and the rounding is decided from the exact
remainder — never from a binary float. The results are ``Decimal`` columns with the policy's
decimals. Built-in formulas run as column expressions; a plugin's formula, which is Python,
runs row by row through its scalar rule (exact, slower).

The common case — non-negative Decimal or integer columns, no null, no zero denominator,
half-up or truncation — takes a faster lane (:mod:`sakip.batch_kernel`): a floating-point
estimate of each rate, corrected row by row with the exact integer remainder, so the result
is the same, ties included.

Needs the ``batch`` extra: ``pip install 'sakip[batch]'``.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from typing import Any

from sakip import batch_kernel
from sakip.errors import NumberError, ValidationError, ZeroDenominatorError
from sakip.extras import require
from sakip.model.policy import AchievementPolicy, ZeroPolicy
from sakip.rounding import RoundingMode, RoundingPolicy
from sakip.rules.achievement import AchievementRule
from sakip.rules.formulas import BUILTIN_FORMULAS, Formula
from sakip.rules.scales import Scale

MAX_SCALE = 12
"""Decimals an input column may have."""

_INDONESIAN = r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$"
"""A number written in Indonesian form: ``4.753.553.212``, ``94,41``, ``100``."""

_BUILTIN = {formula.code: formula for formula in BUILTIN_FORMULAS}


def _polars() -> Any:
    return require("polars", "the batch path")


def achievements(
    frame: Any,
    *,
    target: str = "target",
    actual: str = "actual",
    formula: str | Formula | None = None,
    policy: AchievementPolicy | None = None,
    scale: Scale | None = None,
) -> Any:
    """The frame with an ``achievement`` column (``Decimal`` with the policy's decimals; null
    where the zero policy says not applicable) and, given a scale, a ``predicate`` column.

    :param frame: a polars DataFrame or a pyarrow Table; ``target`` and ``actual`` are
        ``Decimal``, integer or Indonesian text columns (floats are refused).
    :param formula: a built-in formula code (``higher.ratio`` by default), or any
        :class:`~sakip.Formula` (a plugin's runs row by row).
    :raises NumberError: for a float column or text not in Indonesian form (rows named).
    :raises ZeroDenominatorError: under the ``error`` zero policy, naming the first row.
    """
    pl = _polars()
    policy = policy or AchievementPolicy()
    found = _BUILTIN.get(formula) if isinstance(formula, str) else formula
    if found is None:
        found = _BUILTIN["higher.ratio"] if formula is None else None
    if found is None:
        raise ValidationError(
            f"unknown formula {formula!r}: give a built-in code ({', '.join(_BUILTIN)}) or a "
            "Formula object"
        )
    data = _frame(frame)
    places = policy.rounding.places
    t, a, _ = _scaled(data, target, actual)
    rule = AchievementRule(found, policy)
    vectorised = ("higher.ratio", "lower.2t-r", "lower.inverse")
    if found.code not in vectorised or found is not _BUILTIN.get(found.code):
        result = data.with_columns(_row_by_row(data, target, actual, rule, places))
    elif (units := _fast_lane(data, target, actual, found.code, policy)) is not None:
        result = data.with_columns(units)
    else:
        numerator, denominator = _fraction(found.code, t, a)
        # One pass for what decides the path: the smallest target and actual value, and
        # whether any denominator is zero.
        smallest_target, smallest_actual, any_zero = data.select(
            t.min().alias("t"), a.min().alias("a"), (denominator == 0).any().alias("z")
        ).row(0)
        if smallest_target is not None and smallest_target < 0:
            rows = _rows_where(data, t < 0)
            raise ValidationError(
                f"formula {found.code}: a negative target has no achievement (rows {rows})"
            )
        meets = (a >= t) if found.polarity.value == "higher" else (a <= t)
        # (2T − R) is negative beyond twice the target: that formula is always signed.
        signed = found.code == "lower.2t-r" or (smallest_actual is not None and smallest_actual < 0)
        units = _rounded(numerator * 10**places, denominator, policy.rounding.mode, signed=signed)
        zero = denominator == 0
        if any_zero:
            _refuse_zero(data, zero, policy, found)
        met_value = pl.when(meets).then(100 * 10**places).otherwise(0)
        units = (
            pl.when(zero)
            .then(met_value if policy.zero is ZeroPolicy.MET_IF_MEETS else None)
            .otherwise(units)
        )
        cap = _cap_units(policy)
        if cap is not None:
            units = pl.when(units > cap).then(cap).otherwise(units)
        result = data.with_columns(_decimal(units, places).alias("achievement"))
    if scale is not None:
        result = result.with_columns(_predicate(scale))
    return result


def _fast_lane(
    data: Any, target: str, actual: str, code: str, policy: AchievementPolicy
) -> Any | None:
    """The achievement column from :mod:`sakip.batch_kernel`'s exact numpy lane, or ``None``
    where that lane does not apply (text, mixed scales, nulls, negatives, a zero
    denominator, very large values, half-even): the general path then computes it."""
    pl = _polars()
    dtypes = [data.schema[target], data.schema[actual]]
    scales = {int(dtype.scale or 0) if isinstance(dtype, pl.Decimal) else 0 for dtype in dtypes}
    if len(scales) != 1 or not all(d.is_integer() or isinstance(d, pl.Decimal) for d in dtypes):
        return None
    target_words = batch_kernel.int64_words(data[target])
    actual_words = batch_kernel.int64_words(data[actual])
    if target_words is None or actual_words is None or not len(target_words[0]):
        return None
    (t, t_high), (a, a_high) = target_words, actual_words
    places = policy.rounding.places
    if code == "higher.ratio":
        numerator, denominator, high = a, t, (a_high, t_high)
    elif code == "lower.inverse":
        numerator, denominator, high = t, a, (t_high, a_high)
    elif (
        not any(words is not None and words.any() for words in (t_high, a_high))
        and min(int(t.min()), int(a.min())) >= 0
        and max(int(t.max()), int(a.max())) < batch_kernel.EXACT_BELOW
    ):
        # lower.2t-r, its inputs small enough to double
        numerator, denominator, high = 2 * t - a, t, (None, None)
    else:
        return None
    units = batch_kernel.rounded_units(
        numerator, denominator, 100 * 10**places, policy.rounding.mode, high
    )
    if units is None:
        return None
    cap = _cap_units(policy)
    if cap is not None:
        units[units > cap] = cap
    return batch_kernel.decimal_column(units, places, "achievement")


def _cap_units(policy: AchievementPolicy) -> int | None:
    """The cap in units of the policy's last decimal, rounded down so it never exceeds the
    cap (as the scalar rule caps)."""
    if policy.cap is None:
        return None
    rounding = policy.rounding
    return int(policy.cap.quantize(rounding.quantum, ROUND_DOWN).scaleb(rounding.places))


def absorptions(
    frame: Any,
    *,
    allocation: str = "allocation",
    spending: str = "spending",
    rounding: RoundingPolicy | None = None,
) -> Any:
    """The frame with an ``absorption`` column: spending × 100 / allocation, rounded by
    ``rounding`` (half-up to 2 decimals by default); null where the allocation is 0 (nothing
    to absorb), as the value model gives.

    :raises ValidationError: for a negative amount (rows named).
    """
    pl = _polars()
    rounding = rounding or RoundingPolicy()
    data = _frame(frame)
    pagu, spent, _ = _scaled(data, allocation, spending)
    negative = data.select(((pagu < 0) | (spent < 0)).alias("n")).to_series()
    if negative.any():
        rows = [i for i, bad in enumerate(negative.to_list()) if bad][:5]
        raise ValidationError(f"absorption: amounts must not be negative (rows {rows})")
    units = _rounded(spent * 100 * 10**rounding.places, pagu, rounding.mode, signed=False)
    units = pl.when(pagu == 0).then(None).otherwise(units)
    return data.with_columns(_decimal(units, rounding.places).alias("absorption"))


# --- inputs ------------------------------------------------------------------------------


def _frame(frame: Any) -> Any:
    pl = _polars()
    if isinstance(frame, pl.DataFrame):
        return frame
    if type(frame).__module__.startswith("pyarrow"):
        return pl.from_arrow(frame)
    raise ValidationError(
        f"expected a polars DataFrame or a pyarrow Table, got {type(frame).__name__}"
    )


def _scaled(data: Any, first: str, second: str) -> tuple[Any, Any, int]:
    """Both columns as integer counts of one smallest unit (10 ** -exponent), exactly: each
    is cast to a Decimal of that scale, then its digits are read as an integer."""
    pl = _polars()
    columns = {name: _as_decimal(data, name) for name in (first, second)}
    exponent = max(_decimals(data, name, column) for name, column in columns.items())
    if exponent > MAX_SCALE:
        raise NumberError(f"more than {MAX_SCALE} decimals in {first!r} or {second!r}")
    scaled = []
    for name, column in columns.items():
        dtype = data.schema[name]
        if isinstance(dtype, pl.Decimal) and (dtype.scale or 0) == exponent:
            scaled.append(column.to_physical())  # a Decimal's digits are its integer already
        else:
            scaled.append((column.cast(pl.Decimal(38, exponent)) * 10**exponent).cast(pl.Int128))
    return scaled[0], scaled[1], exponent


def _as_decimal(data: Any, name: str) -> Any:
    """A column as an exact decimal expression: Decimal and integers as they are, text read in
    Indonesian form; a float refused."""
    pl = _polars()
    if name not in data.columns:
        raise ValidationError(f"no column {name!r}; the frame has {', '.join(data.columns)}")
    dtype = data.schema[name]
    column = pl.col(name)
    if dtype.is_float():
        raise NumberError(
            f"column {name!r} holds floats ({dtype}); binary floats cannot hold most decimal "
            "fractions exactly: give Decimal, integers or Indonesian text"
        )
    if dtype.is_integer() or isinstance(dtype, pl.Decimal):
        return column
    if dtype == pl.String:
        bad = data.select(
            ~column.str.strip_chars().str.contains(_INDONESIAN) & column.is_not_null()
        )
        flags = bad.to_series().to_list()
        if any(flags):
            rows = [i for i, flag in enumerate(flags) if flag][:5]
            raise NumberError(
                f"column {name!r}: rows {rows} are not numbers in Indonesian form "
                "(4.753.553.212; 94,41)"
            )
        text = column.str.strip_chars().str.replace_all(".", "", literal=True)
        return text.str.replace(",", ".", literal=True)
    raise NumberError(f"column {name!r} of type {dtype}: expected Decimal, integers or text")


def _decimals(data: Any, name: str, column: Any) -> int:
    pl = _polars()
    dtype = data.schema[name]
    if dtype.is_integer():
        return 0
    if isinstance(dtype, pl.Decimal):
        return int(dtype.scale or 0)
    lengths = data.select(column.str.split(".").list.get(1, null_on_oob=True).str.len_chars().max())
    longest = lengths.item()
    return int(longest or 0)


# --- arithmetic ---------------------------------------------------------------------------


def _fraction(code: str, t: Any, a: Any) -> tuple[Any, Any]:
    """The raw achievement as numerator / denominator of integer expressions."""
    if code == "higher.ratio":
        return a * 100, t
    if code == "lower.2t-r":
        return (2 * t - a) * 100, t
    return t * 100, a  # lower.inverse


def _rounded(numerator: Any, denominator: Any, mode: RoundingMode, *, signed: bool = True) -> Any:
    """``numerator / denominator`` rounded to an integer by ``mode``, from the exact
    remainder (the sign handled apart, as :mod:`decimal` does). With no negative value
    (``signed=False``) half-up is one integer division: ⌊(2n + d) / 2d⌋."""
    pl = _polars()
    if not signed and mode is not RoundingMode.HALF_EVEN:
        safe = pl.when(denominator == 0).then(1).otherwise(denominator)
        if mode is RoundingMode.TRUNCATE:
            return numerator // safe
        return (numerator * 2 + safe) // (safe * 2)
    negative = (numerator < 0) != (denominator < 0)
    n, d = numerator.abs(), denominator.abs()
    safe = pl.when(d == 0).then(1).otherwise(d)
    quotient = n // safe
    twice = (n - quotient * safe) * 2
    if mode is RoundingMode.HALF_UP:
        quotient = quotient + (twice >= safe).cast(pl.Int128)
    elif mode is RoundingMode.HALF_EVEN:
        up = (twice > safe) | ((twice == safe) & (quotient % 2 == 1))
        quotient = quotient + up.cast(pl.Int128)
    return pl.when(negative).then(quotient * -1).otherwise(quotient)  # i128 has no negate


def _rows_where(data: Any, condition: Any) -> list[int]:
    """The first five rows (from 0) where ``condition`` holds, to name in an error."""
    flags = data.select(condition.alias("flag")).to_series().to_list()
    return [row for row, flag in enumerate(flags) if flag][:5]


def _decimal(units: Any, places: int) -> Any:
    """Integer counts of 10 ** -places as a Decimal column with ``places`` decimals."""
    pl = _polars()
    whole = units.cast(pl.Decimal(38, 0))
    if not places:
        return whole
    return (whole * pl.lit(Decimal(1).scaleb(-places), pl.Decimal(38, places))).cast(
        pl.Decimal(38, places)
    )


def _refuse_zero(data: Any, zero: Any, policy: AchievementPolicy, formula: Formula) -> None:
    if policy.zero is not ZeroPolicy.ERROR:
        return
    flags = data.select(zero.alias("z")).to_series()
    if flags.any():
        row = flags.to_list().index(True)
        raise ZeroDenominatorError(
            f"row {row}: the denominator is 0, so formula {formula.code} ({formula.expression}) "
            "is undefined. Choose a zero policy ('not-applicable' or 'met-if-meets')"
        )


def _row_by_row(data: Any, target: str, actual: str, rule: AchievementRule, places: int) -> Any:
    """A plugin's formula: its scalar rule on each row (exact; the formula is Python)."""
    pl = _polars()
    from sakip.numbers import to_decimal

    def compute(row: dict[str, Any]) -> Decimal | None:
        return rule(to_decimal(row[target]), to_decimal(row[actual]))

    values = [compute(row) for row in data.select(target, actual).iter_rows(named=True)]
    return pl.Series("achievement", values, dtype=pl.Decimal(38, places))


def _predicate(scale: Scale) -> Any:
    """The scale's label of each achievement, as its bands decide (lower bounds)."""
    pl = _polars()
    achievement = pl.col("achievement")
    expression: Any = None
    for band in scale.bands:
        if band.lower is None:
            expression = (
                expression.otherwise(pl.lit(band.label))
                if expression is not None
                else pl.lit(band.label)
            )
            break
        bound = pl.lit(band.lower)
        test = achievement >= bound if band.inclusive else achievement > bound
        expression = (
            pl.when(test).then(pl.lit(band.label))
            if expression is None
            else expression.when(test).then(pl.lit(band.label))
        )
    return pl.when(achievement.is_null()).then(None).otherwise(expression).alias("predicate")
