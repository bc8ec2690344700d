"""The columnar path's fast lane: a rate over a million rows in numpy, exactly.

A rate's units (``R × 100 × 10^places / T``, rounded) are first estimated in binary floating
point, then *corrected with integers*: for each row the exact integer remainder decides
whether the estimate is one too high or one too low. The float only proposes; the integers
decide, so the result is the same as :mod:`decimal`'s, ties included.

Why the estimate is within one: the lane is taken only when every numerator and denominator
is below 2**52, so both are exact as floats and IEEE division is correctly rounded: the
quotient's error is at most half a unit in its last place, under 0.5 for any quotient below
2**52. Rounding it to the nearest integer is then at most one away from the true rounding,
which the remainder test repairs. Every product in that test stays below 2**62.

The lane covers what real frames hold: non-negative Decimal or integer columns with no null
and no zero denominator, rounded half-up or truncated. Anything else takes the general
polars path in :mod:`sakip.batch`, which is exact too.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import Any

from sakip.extras import require
from sakip.rounding import RoundingMode

EXACT_BELOW = 1 << 52
"""Numerators and denominators below this are exact as floats, and so is the estimate's
bound."""

_CHUNK = 1 << 16
"""Rows per piece of work: numpy releases the GIL on arrays this large, so pieces run on
every core at once, as polars' own kernels do."""


def int64_words(series: Any) -> Any | None:
    """A Decimal or integer column's unscaled integers as an int64 numpy array; ``None`` when
    a value does not fit in 63 bits or the column has nulls."""
    pl = _polars()
    if series.null_count():
        return None
    try:
        # polars' checked cast, on every core: a Decimal's physical value is its integer.
        return series.to_physical().cast(pl.Int64, strict=True).to_numpy()
    except (pl.exceptions.InvalidOperationError, pl.exceptions.ComputeError):
        return None  # beyond 63 bits: the general path


def rounded_units(numerator: Any, denominator: Any, factor: int, mode: RoundingMode) -> Any | None:
    """``numerator × factor / denominator`` rounded to an integer by ``mode``, row by row;
    ``None`` when the lane does not apply (see the module's note)."""
    np = require("numpy", "the batch path")
    if mode is RoundingMode.HALF_EVEN or not len(numerator):
        return None
    smallest = min(int(numerator.min()), int(denominator.min()))
    largest_numerator = int(numerator.max()) * factor
    if smallest < 0 or int(denominator.min()) == 0:
        return None
    if largest_numerator >= EXACT_BELOW or int(denominator.max()) >= EXACT_BELOW:
        return None
    units = np.empty(len(numerator), dtype=np.int64)

    def work(start: int) -> None:
        stop = start + _CHUNK
        _units(numerator[start:stop], denominator[start:stop], factor, mode, units[start:stop])

    list(_pool().map(work, range(0, len(numerator), _CHUNK)))
    return units


@cache
def _pool() -> ThreadPoolExecutor:
    """One pool for the process: starting threads on every call would cost more than a
    small frame's whole computation."""
    return ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="sakip-batch")


def _units(n: Any, d: Any, factor: int, mode: RoundingMode, out: Any) -> None:
    """One piece of rows, written into ``out``; in place where it can be, since each pass
    over the arrays is what costs."""
    np = require("numpy", "the batch path")
    n = n * factor
    estimate = n / d  # exact inputs, correctly rounded quotient
    np.rint(estimate, out=estimate)  # … so this is at most one away from the rounding
    out[:] = estimate
    remainder = out * d
    if mode is RoundingMode.TRUNCATE:
        # floor(n / d) = q exactly when 0 ≤ n − q·d < d
        np.subtract(n, remainder, out=remainder)
        out -= remainder < 0
        out += remainder >= d
        return
    # half-up of n / d is q exactly when (2q − 1)·d ≤ 2n < (2q + 1)·d, that is when
    # 0 ≤ 2(n − q·d) + d < 2d
    np.subtract(n, remainder, out=remainder)
    remainder *= 2
    remainder += d
    out -= remainder < 0
    out += remainder >= 2 * d


def decimal_column(units: Any, places: int, name: str) -> Any:
    """Integer counts of 10 ** -places as a polars Decimal(38, places) column: the integers
    are laid out as decimal128 words, so no value is multiplied or divided again."""
    np = require("numpy", "the batch path")
    pa = require("pyarrow", "the batch path")
    words = np.empty((len(units), 2), dtype=np.int64)
    words[:, 0] = units
    np.right_shift(units, 63, out=words[:, 1])  # the sign, extended to the high word
    array = pa.Array.from_buffers(
        pa.decimal128(38, places), len(units), [None, pa.py_buffer(words)]
    )
    return _polars().Series(name, array)


def _polars() -> Any:
    return require("polars", "the batch path")
