"""Time to write the LKjIP document (DOCX and PDF) for the example agency and for a generated
agency of many programs, whole processes aside: composing (analysis and charts) and rendering
are both inside the timer.

Run: ``python benchmarks/bench_report.py [PROGRAMS]`` (default 200 programs of 2 activities
of 3 sub-activities). Prints each time, best of 3.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import sampang_disnaker

sys.path.insert(0, str(Path(__file__).parent))
from bench_review import agency

from sakip import (
    ValueModel,
    build_from,
    build_tables,
    load_registry,
    standard_tables,
    write_report,
)


def best_of(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    programs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    registry = load_registry()
    example = ValueModel(sampang_disnaker.load(), registry)
    example_tables = build_tables(registry, "sampang-disnaker", 2023)
    data = agency(programs, activities=2, subs=3)
    year = max(m.period.year for m in data.measurements)
    big = ValueModel(data, registry)
    big_tables = build_from(registry, data, year, standard_tables(data, year))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for label, values, tables, when in (
            ("example agency (Sampang 2023)", example, example_tables, 2023),
            (f"generated agency, {programs} programs", big, big_tables, year),
        ):
            for fmt in ("docx", "pdf"):
                seconds = best_of(
                    3,
                    lambda fmt=fmt, v=values, t=tables, y=when: write_report(
                        v, t, y, fmt, out / f"r.{fmt}"
                    ),
                )
                size = (out / f"r.{fmt}").stat().st_size
                print(f"{label:40} {fmt:5} {seconds:7.2f} s  {size / 1024:8.0f} KiB")


if __name__ == "__main__":
    main()
