"""The review of a large report against building its tables: does review scale with them?

Run: ``python benchmarks/bench_review.py [PROGRAMS]`` (default 40 programs of 5 activities
of 10 sub-activities: 2.000 sub-activities, about 6.000 figures in table 3.7). Both sides
run in one process, interleaved, best of three. The last line is ``ratio: X.XX`` (review /
table building); it should stay about the same as PROGRAMS grows, i.e. the review is linear
in the number of figures, as building the tables is.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from decimal import Decimal

from sakip import (
    Activity,
    Agency,
    AgencyData,
    BudgetLine,
    Goal,
    Indicator,
    Measurement,
    Objective,
    Program,
    SubActivity,
    load_registry,
    review_report,
)
from sakip.testing import REPORT_TABLES, printed_report


def agency(programs: int, activities: int = 5, subs: int = 10) -> AgencyData:
    nodes_p, nodes_a, nodes_s, lines, indicators, measurements = [], [], [], [], [], []
    for p in range(programs):
        nodes_p.append(Program(key=f"P{p}", name=f"Program {p}"))
        for a in range(activities):
            nodes_a.append(Activity(key=f"P{p}.K{a}", name=f"Kegiatan {p}.{a}", program=f"P{p}"))
            for s in range(subs):
                key = f"P{p}.K{a}.S{s}"
                nodes_s.append(
                    SubActivity(key=key, name=f"Sub {key}", activity=f"P{p}.K{a}", indicators=key)
                )
                indicators.append(Indicator(code=key, name=f"Indikator {key}"))
                measurements.append(Measurement(indicator=key, period=2023, target=10, actual=9))
                allocation = Decimal(1_000_000 + 7919 * len(lines))
                lines.append(
                    BudgetLine(
                        node=key,
                        period=2023,
                        stage="revised",
                        allocation=allocation,
                        spending=allocation * Decimal("0.9"),
                    )
                )
    indicators.append(Indicator(code="IK-1", name="Indikator sasaran"))
    measurements.append(Measurement(indicator="IK-1", period=2023, target=80, actual=85))
    return AgencyData(
        agency=Agency(id="bench", name="Dinas Bench"),
        goals=[Goal(key="T1", name="Tujuan")],
        objectives=[
            Objective(key="S1", name="Sasaran", goal="T1", indicators="IK-1", funded_by="P0")
        ],
        indicators=indicators,
        measurements=measurements,
        programs=nodes_p,
        activities=nodes_a,
        sub_activities=nodes_s,
        budget_lines=lines,
        breakdowns=[],
    )


def best(run: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    programs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    registry = load_registry()
    data = agency(programs)
    tables = tuple(t for t in REPORT_TABLES if t[0] != "rincian")
    report = printed_report(data, registry, tables)
    figures = len(report.figures)
    build = best(lambda: printed_report(data, registry, tables))
    findings: list[object] = []
    review = best(lambda: findings.extend(review_report(registry, report, data)))
    print(f"programs: {programs}, figures: {figures}, findings: {len(findings) // 3}")
    print(f"build tables: {build:.3f} s")
    print(f"review:       {review:.3f} s")
    print(f"ratio: {review / build:.2f}")


if __name__ == "__main__":
    main()
