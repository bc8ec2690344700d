"""Issue 14's loading target: load 50.000 sub-activities from YAML and build the report's
tables from them in under 10 s.

Generates an agency of 12.500 programs with 2 activities of 2 sub-activities each (an
indicator, a target and a budget line per sub-activity, as ``bench_scale.py`` does), writes
it to a YAML data folder, then times from the files, best of ``RUNS`` (default 2): loading
it, and building the report's tables. The last line is ``total: X.XX s`` (load + build of
the best run).

Run: ``python benchmarks/bench_load.py [RUNS]``.
"""

from __future__ import annotations

import gc
import sys
import tempfile
import time
from pathlib import Path

from bench_review import agency
from bench_scale import TABLES

from sakip import dump_agency_data, load_agency_data, load_registry
from sakip.testing import printed_report

PROGRAMS = 12_500  # × 2 activities × 2 sub-activities = 50.000 sub-activities


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    registry = load_registry()
    best: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as folder:
        dump_agency_data(agency(PROGRAMS, activities=2, subs=2), Path(folder))
        for _ in range(runs):
            gc.collect()
            start = time.perf_counter()
            data = load_agency_data(Path(folder))
            loaded = time.perf_counter()
            report = printed_report(data, registry, TABLES)
            built = time.perf_counter()
            times = (loaded - start, built - loaded)
            print(
                f"sub-activities {len(data.sub_activities)}  figures {len(report.figures)}  "
                f"load {times[0]:.2f} s  build {times[1]:.2f} s",
                flush=True,
            )
            if best is None or sum(times) < sum(best):
                best = times
            del data, report
    assert best is not None
    print(f"total: {sum(best):.2f} s")


if __name__ == "__main__":
    main()
