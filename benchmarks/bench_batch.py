"""The columnar path against polars float64 on 1.000.000 achievements (R / T × 100, half-up to
2 decimals), in one process, interleaved, best of 3 each after one untimed run of each; then
each result's mismatches
against the decimal module (the reference).

Run: ``python benchmarks/bench_batch.py [ROWS]``. The last line is ``ratio: X.XX`` (the
columnar path's time over polars float64's).
"""

from __future__ import annotations

import random
import sys
import time
from decimal import ROUND_HALF_UP, Decimal

import polars as pl

from sakip import batch


def frame(rows: int) -> pl.DataFrame:
    """Targets and actuals with two decimals, ties included (many x,xx5 achievements)."""
    generator = random.Random(2023)
    targets = [Decimal(generator.randint(1, 100_000)).scaleb(-2) for _ in range(rows)]
    actuals = [Decimal(generator.randint(0, 150_000)).scaleb(-2) for _ in range(rows)]
    return pl.DataFrame(
        {"target": targets, "actual": actuals},
        schema={"target": pl.Decimal(38, 2), "actual": pl.Decimal(38, 2)},
    )


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    data = frame(rows)
    floats = data.select(pl.all().cast(pl.Float64))
    exact: pl.Series | None = None
    fast: pl.Series | None = None
    best = {"sakip": float("inf"), "float64": float("inf")}
    # One untimed run of each first: both start thread pools and touch fresh memory once.
    batch.achievements(data)
    floats.select((pl.col("actual") * 100 / pl.col("target")).round(2))
    for _ in range(3):
        start = time.perf_counter()
        exact = batch.achievements(data)["achievement"]
        best["sakip"] = min(best["sakip"], time.perf_counter() - start)
        start = time.perf_counter()
        fast = floats.select((pl.col("actual") * 100 / pl.col("target")).round(2))["actual"]
        best["float64"] = min(best["float64"], time.perf_counter() - start)
    assert exact is not None
    assert fast is not None
    quantum = Decimal("0.01")
    reference = [
        (a * 100 / t).quantize(quantum, ROUND_HALF_UP)
        for t, a in zip(data["target"].to_list(), data["actual"].to_list(), strict=True)
    ]
    wrong_exact = sum(g != r for g, r in zip(exact.to_list(), reference, strict=True))
    wrong_float = sum(
        Decimal(repr(g)).quantize(quantum) != r
        for g, r in zip(fast.to_list(), reference, strict=True)
    )
    print(f"rows: {rows}")
    print(f"sakip.batch.achievements: {best['sakip']:.3f} s, mismatches {wrong_exact}")
    print(f"polars float64:           {best['float64']:.3f} s, mismatches {wrong_float}")
    print(f"ratio: {best['sakip'] / best['float64']:.2f}")


if __name__ == "__main__":
    main()
