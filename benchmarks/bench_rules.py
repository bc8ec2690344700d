"""Achievement and predicate for many measurements: the library's bulk path vs a plain loop.

Run: ``python benchmarks/bench_rules.py [N]`` (N defaults to 1,000,000). Both sides run in
the same process, interleaved, best of three, so the ratio is fair on a noisy machine. The
last line is ``ratio: X.XX`` (library / plain loop).

Before it, two more comparisons, so the figure is not flattering:

- from text: the inputs as Indonesian text (``77,85``), read inside the timer — by
  :func:`sakip.to_decimal` on the library's side, by ``str.replace`` and ``Decimal`` in the
  plain loop;
- the fast peer: :func:`sakip.batch.achievements` over the same values in a polars frame
  (exact), when the ``batch`` extra is installed; ``bench_batch.py`` compares it with polars
  float64.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from sakip import AchievementPolicy, format_number, load_registry, to_decimal

Q = Decimal("0.01")
HUNDRED = Decimal(100)
BANDS = (
    (Decimal(91), "Sangat Tinggi"),
    (Decimal(76), "Tinggi"),
    (Decimal(66), "Sedang"),
    (Decimal(51), "Rendah"),
)


def generate(count: int) -> tuple[list[Decimal], list[Decimal]]:
    rng = random.Random(2023)
    targets = [Decimal(rng.randint(1, 1_000_000)).scaleb(-2) for _ in range(count)]
    actuals = [Decimal(rng.randint(0, 1_500_000)).scaleb(-2) for _ in range(count)]
    return targets, actuals


def plain_loop(targets: list[Decimal], actuals: list[Decimal]) -> list[tuple[Decimal, str]]:
    results = []
    for target, actual in zip(targets, actuals, strict=True):
        value = (actual * HUNDRED / target).quantize(Q, rounding=ROUND_HALF_UP)
        label = "Sangat Rendah"
        for lower, name in BANDS:
            if value >= lower:
                label = name
                break
        results.append((value, label))
    return results


def library(targets: list[Decimal], actuals: list[Decimal]) -> list[tuple[Decimal, str]]:
    registry = load_registry()
    rule = registry.achievement_rule("higher.ratio", AchievementPolicy())
    classify = registry.scales.get("permendagri-86-2017").classifier()
    values = rule.many(targets, actuals)
    return [(value, classify(value)) for value in values if value is not None]


def plain_from_text(targets: list[str], actuals: list[str]) -> list[tuple[Decimal, str]]:
    def read(text: str) -> Decimal:
        return Decimal(text.replace(".", "").replace(",", "."))

    return plain_loop([read(t) for t in targets], [read(a) for a in actuals])


def library_from_text(targets: list[str], actuals: list[str]) -> list[tuple[Decimal, str]]:
    return library([to_decimal(t) for t in targets], [to_decimal(a) for a in actuals])


def batch_peer(targets: list[Decimal], actuals: list[Decimal]) -> float | None:
    """sakip.batch over a polars frame of the same values (best of three), if installed."""
    try:
        import polars as pl

        from sakip import batch
    except ImportError:
        return None
    frame = pl.DataFrame(
        {"target": targets, "actual": actuals},
        schema={"target": pl.Decimal(38, 2), "actual": pl.Decimal(38, 2)},
    )
    scale = load_registry().scales.get("permendagri-86-2017")
    return best_of(3, lambda: batch.achievements(frame, scale=scale))


def best_of(runs: int, job: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    targets, actuals = generate(count)
    if library(targets[:1000], actuals[:1000]) != plain_loop(targets[:1000], actuals[:1000]):
        raise SystemExit("the two paths disagree; the comparison would be meaningless")
    plain_times, library_times = [], []
    for _ in range(3):  # interleaved, so both see the same machine load
        plain_times.append(best_of(1, lambda: plain_loop(targets, actuals)))
        library_times.append(best_of(1, lambda: library(targets, actuals)))
    plain, lib = min(plain_times), min(library_times)
    target_texts = [format_number(t) for t in targets]
    actual_texts = [format_number(a) for a in actuals]
    plain_text = best_of(3, lambda: plain_from_text(target_texts, actual_texts))
    library_text = best_of(3, lambda: library_from_text(target_texts, actual_texts))
    print(f"from text: plain loop {plain_text:.3f} s, sakip {library_text:.3f} s")
    print(f"           ratio {library_text / plain_text:.2f}")
    peer = batch_peer(targets, actuals)
    if peer is not None:
        print(f"fast peer: sakip.batch.achievements (exact, polars) {peer:.3f} s")
    print(f"measurements: {count:,}")
    print(f"plain decimal loop: {plain:.3f} s")
    print(f"sakip bulk path:    {lib:.3f} s")
    print(f"ratio: {lib / plain:.2f}")


if __name__ == "__main__":
    main()
