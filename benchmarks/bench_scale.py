"""Does every phase grow linearly with the size of the agency?

Generates agencies of 10, 100, 1.000 and 10.000 programs (2 activities of 2 sub-activities
each per program, an indicator, a target and a budget line per sub-activity), writes each to
a YAML data folder, then times from the files: loading, building the report's tables,
rendering them as text, and reviewing the printed report against the data. Prints each
phase's time per size, the growth factor per ×10, and last ``growth: X.XX``: the largest
factor between 1.000 and 10.000 programs for any phase (linear is 10; the aim is at most 12).
Each phase's time is the best of ``RUNS`` (default 2) per size, after a warm-up on a small
agency (so that no size pays for first-use caches), each after a garbage collection: on a
noisy machine one slow run of the 1.000-program agency (half a second a phase) would
otherwise swing the growth factor by a whole unit. The process's peak resident memory is printed at
the end.

Run: ``python benchmarks/bench_scale.py [SIZES] [RUNS]`` (default ``10,100,1000,10000`` and
2; the largest takes a minute a run).
"""

from __future__ import annotations

import gc
import itertools
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bench_review import agency

from sakip import (
    Registry,
    dump_agency_data,
    load_agency_data,
    load_registry,
    render_tables,
    review_report,
)
from sakip.testing import REPORT_TABLES, printed_report

PHASES = ("load", "build", "render", "review")
T = TypeVar("T")
TABLES = tuple(t for t in REPORT_TABLES if t[0] != "rincian")


def timed(run: Callable[[], T]) -> tuple[float, T]:
    gc.collect()
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def measure(
    programs: int, registry: Registry, *, runs: int = 1, show: bool = True
) -> dict[str, float]:
    best = dict.fromkeys(PHASES, float("inf"))
    findings = figures = 0
    with tempfile.TemporaryDirectory() as folder:
        dump_agency_data(agency(programs, activities=2, subs=2), Path(folder))
        for _ in range(runs):
            times, findings, figures = one_run(Path(folder), registry)
            best = {phase: min(best[phase], times[phase]) for phase in PHASES}
    if show:
        print(
            f"{programs:>6} programs {figures:>7} figures {findings:>3} findings  "
            + "  ".join(f"{phase} {best[phase]:7.3f} s" for phase in PHASES),
            flush=True,
        )
    return best


def one_run(folder: Path, registry: Registry) -> tuple[dict[str, float], int, int]:
    """Each phase's time, from the files; the review's findings and the printed figures."""
    load, data = timed(lambda: load_agency_data(folder))
    build, report = timed(lambda: printed_report(data, registry, TABLES))
    shown, _ = timed(lambda: render_tables(report.tables, "text"))
    reviewed, findings = timed(lambda: list(review_report(registry, report, data)))
    times = {"load": load, "build": build, "render": shown, "review": reviewed}
    return times, len(findings), len(report.figures)


def main() -> None:
    sizes = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "10,100,1000,10000").split(",")]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    registry = load_registry()
    measure(10, registry, show=False)
    results = {size: measure(size, registry, runs=runs) for size in sizes}
    last: dict[str, float] = {}
    for small, large in itertools.pairwise(sizes):
        factors = {p: results[large][p] / results[small][p] for p in PHASES}
        print(f"growth {small}→{large}: " + "  ".join(f"{p} {f:.2f}" for p, f in factors.items()))
        last = factors
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")
    print(f"growth: {max(last.values()):.2f}")


if __name__ == "__main__":
    main()
