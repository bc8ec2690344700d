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
import threading
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


def int64_words(series: Any) -> tuple[Any, Any | None] | None:
    """A Decimal or integer column's unscaled integers as int64 numpy arrays, read in place
    where the column allows: ``(low words, high words)``, the high words (``None`` for an
    integer column) to be all 0 for the lane to apply; ``None`` when the column has nulls or
    is beyond 64 bits. A value from 2**63 to 2**64 − 1 reads as negative here, which
    :func:`rounded_units` refuses."""
    np = require("numpy", "the batch path")
    pa = require("pyarrow", "the batch path")
    pl = _polars()
    if series.null_count():
        return None
    if isinstance(series.dtype, pl.Decimal):
        array = series.to_arrow()
        if isinstance(array, pa.ChunkedArray):
            array = array.combine_chunks()
        # A decimal128 is two little-endian 64-bit words per value, low word first: a value
        # from 0 to 2**63 − 1 has a high word of 0, and its low word is the integer itself.
        # The high words are checked piece by piece with the low ones (they share cache
        # lines), not in a pass of their own.
        words = np.frombuffer(array.buffers()[1], dtype=np.int64)
        words = words[2 * array.offset : 2 * (array.offset + len(array))].reshape(-1, 2)
        return words[:, 0], words[:, 1]
    try:
        values = series.cast(pl.Int64, strict=True).to_numpy()
    except (pl.exceptions.InvalidOperationError, pl.exceptions.ComputeError):
        return None
    return values, None


def rounded_units(
    numerator: Any,
    denominator: Any,
    factor: int,
    mode: RoundingMode,
    high: tuple[Any | None, Any | None] = (None, None),
) -> Any | None:
    """``numerator × factor / denominator`` rounded to an integer by ``mode``, row by row;
    ``None`` when the lane does not apply (see the module's note), or when ``high`` (the
    high words of decimal inputs, as :func:`int64_words` gives them) is not all 0. The result
    is the low-word view of a decimal128 layout, which :func:`decimal_column` takes without a
    copy."""
    np = require("numpy", "the batch path")
    if mode is RoundingMode.HALF_EVEN or not len(numerator):
        return None
    largest = (EXACT_BELOW - 1) // factor  # the largest numerator whose product is exact
    # The units are written straight into the low words of the decimal128 column to come
    # (a rate in the lane is never negative, so every high word is 0).
    words = np.zeros((len(numerator), 2), dtype=np.int64)
    units = words[:, 0]

    def work(start: int) -> bool:
        stop = start + _CHUNK
        n, d = numerator[start:stop], denominator[start:stop]
        # Whether the lane applies is decided piece by piece, while the piece is in cache:
        # one piece outside it sends the whole frame to the general path.
        if any(part is not None and part[start:stop].any() for part in high):
            return False
        # As unsigned, a negative value is above 2**63: one pass checks both ends.
        if n.view(np.uint64).max() > largest or d.view(np.uint64).max() >= EXACT_BELOW:
            return False
        if d.min() == 0:
            return False
        _units(n, d, factor, mode, units[start:stop])
        return True

    applies = list(_pool().map(work, range(0, len(numerator), _CHUNK)))
    return units if all(applies) else None


@cache
def _pool() -> ThreadPoolExecutor:
    """One pool for the process: starting threads on every call would cost more than a
    small frame's whole computation."""
    return ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="sakip-batch")


_SCRATCH = threading.local()


def _scratch() -> tuple[Any, Any, Any, Any]:
    """Each thread's working arrays, one chunk long, kept between calls: fresh arrays of a
    few megabytes cost page faults on every call, which were most of the lane's time."""
    np = require("numpy", "the batch path")
    arrays = getattr(_SCRATCH, "arrays", None)
    if arrays is None:
        arrays = (
            np.empty(_CHUNK, dtype=np.int64),  # n × factor, then −d
            np.empty(_CHUNK, dtype=np.float64),  # the estimate
            np.empty(_CHUNK, dtype=np.int64),  # the remainder
            np.empty(_CHUNK, dtype=np.bool_),  # a correction
        )
        _SCRATCH.arrays = arrays
    return arrays


def _units(n_in: Any, d: Any, factor: int, mode: RoundingMode, out: Any) -> None:
    """One piece of rows, written into ``out``; every pass in place, since each pass over
    the arrays is what costs."""
    np = require("numpy", "the batch path")
    size = len(n_in)
    n, estimate, remainder, step = (array[:size] for array in _scratch())
    np.multiply(n_in, factor, out=n)
    np.divide(n, d, out=estimate)  # exact inputs, correctly rounded quotient …
    np.rint(estimate, out=estimate)  # … so this is at most one away from the rounding
    np.copyto(out, estimate, casting="unsafe")  # q
    np.multiply(out, d, out=remainder)
    np.subtract(n, remainder, out=remainder)  # r = n − q·d
    if mode is RoundingMode.TRUNCATE:
        # floor(n / d) = q exactly when 0 ≤ r < d
        low, high = 0, d
    else:
        # half-up of n / d is q exactly when (2q − 1)·d ≤ 2n < (2q + 1)·d, that is when
        # −d ≤ 2r < d
        remainder *= 2
        low, high = np.negative(d, out=n), d
    np.less(remainder, low, out=step)
    out -= step
    np.greater_equal(remainder, high, out=step)
    out += step


def decimal_column(units: Any, places: int, name: str) -> Any:
    """Integer counts of 10 ** -places as a polars Decimal(38, places) column: the integers
    are laid out as decimal128 words, so no value is multiplied or divided again.

    ``units`` may be the low-word view that :func:`rounded_units` returns, whose high words
    are already in place; any other int64 array is laid out here."""
    np = require("numpy", "the batch path")
    pa = require("pyarrow", "the batch path")
    base = units.base
    if isinstance(base, np.ndarray) and base.shape == (len(units), 2) and units.strides == (16,):
        words = base
    else:
        words = np.empty((len(units), 2), dtype=np.int64)
        words[:, 0] = units
        np.right_shift(units, 63, out=words[:, 1])  # the sign, extended to the high word
    array = pa.Array.from_buffers(
        pa.decimal128(38, places), len(units), [None, pa.py_buffer(words)]
    )
    return _polars().Series(name, array)


def _polars() -> Any:
    return require("polars", "the batch path")
