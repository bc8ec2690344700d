"""Reviewing many agencies with one process and with a pool of two.

Each of AGENCIES reviews (default 200) is the example agency's 2023 report (Sampang: 15
findings), so that every worker does the same, real work; the agencies are reviewed through
:func:`sakip.review_agencies`, first in this process, then on a ``ProcessPoolExecutor`` of
JOBS workers (default 2), which load the plugins themselves (inside the timer). Prints both
times, and last ``speed-up: X.XX`` (one process / the pool).

Run: ``python benchmarks/bench_many.py [AGENCIES] [JOBS]``.
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ProcessPoolExecutor

from sakip import review_agencies


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    agencies = ["sampang-disnaker"] * count
    review_agencies(agencies[:1], 2023)  # warm the file cache
    start = time.perf_counter()
    alone = review_agencies(agencies, 2023)
    one = time.perf_counter() - start
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pooled = review_agencies(agencies, 2023, executor=pool)
    many = time.perf_counter() - start
    if pooled != alone:
        raise SystemExit("the pool's reviews differ from one process's")
    findings = sum(len(review.findings) for review in alone)
    print(f"agencies: {count}, findings: {findings}")
    print(f"1 process:  {one:.2f} s")
    print(f"{jobs} processes: {many:.2f} s")
    print(f"speed-up: {one / many:.2f}")


if __name__ == "__main__":
    main()
