"""The review of a large report against building its tables: does review scale with them?

``PROGRAMS`` defaults to 40 programs of 5 activities of 10 sub-activities: 2.000
sub-activities, about 6.000 figures in table 3.7. Both sides
run in one process, interleaved, best of three. The last line is ``ratio: X.XX`` (review /
table building); it should stay about the same as PROGRAMS grows, i.e. the review is linear
in the number of figures, as building the tables is.

Before it, one line per size (10, 100 and 1.000 programs of 2 activities of 2 sub-activities;
``SIZES`` to change them) gives the time per printed figure of three reviews:

- ``warm``: the report and data already in memory (what the ratio above times);
- ``cold``: the agency's data read from its YAML folder inside the timer, and the review of a
  fresh copy of the report (nothing parsed or cached by an earlier run);
- ``misprinted``: like ``cold``, with every 50th figure misprinted (its last digit changed),
  so that the review also finds, explains and sorts findings.

The printed report itself is held in memory, not read from a file: sakip writes no
transcription file to read back.

Run: ``python benchmarks/bench_review.py [PROGRAMS] [SIZES]`` (``SIZES`` like ``10,100,1000``).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from sakip import (
    Activity,
    Agency,
    AgencyData,
    BudgetLine,
    Goal,
    Indicator,
    Measurement,
    Objective,
    PrintedReport,
    Program,
    Registry,
    SubActivity,
    Table,
    dump_agency_data,
    load_agency_data,
    load_registry,
    review_report,
)
from sakip.testing import REPORT_TABLES, printed_report


def agency(programs: int, activities: int = 5, subs: int = 10) -> AgencyData:
    nodes_p: list[Program] = []
    nodes_a: list[Activity] = []
    nodes_s: list[SubActivity] = []
    lines: list[BudgetLine] = []
    indicators: list[Indicator] = []
    measurements: list[Measurement] = []
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


def fresh(report: PrintedReport, misprint_every: int = 0) -> PrintedReport:
    """A new copy of ``report`` (no figure read yet); every ``misprint_every``-th figure cell
    gets its last digit changed."""
    count = 0
    tables = []
    for table in report.tables:
        rows = [list(row) for row in table.rows]
        for row, column in sorted(table.subjects):
            text = rows[row][column]
            if not text[:1].isdigit():
                continue
            count += 1
            if misprint_every and count % misprint_every == 0:
                position = max(i for i, c in enumerate(text) if c.isdigit())
                digit = str((int(text[position]) + 1) % 10)
                rows[row][column] = text[:position] + digit + text[position + 1 :]
        tables.append(
            Table(
                id=table.id,
                title=table.title,
                columns=table.columns,
                rows=rows,
                subjects=dict(table.subjects),
                row_kinds=dict(table.row_kinds),
            )
        )
    return PrintedReport(agency=report.agency, year=report.year, tables=tables)


def per_figure(programs: int, registry: Registry) -> str:
    """One size's line: warm, cold and misprinted review time per printed figure."""
    tables = tuple(t for t in REPORT_TABLES if t[0] != "rincian")
    data = agency(programs, activities=2, subs=2)
    report = printed_report(data, registry, tables)
    count = len(report.figures)
    found: list[int] = []
    with tempfile.TemporaryDirectory() as folder:
        dump_agency_data(data, Path(folder))

        def cold(misprint_every: int) -> None:
            loaded = load_agency_data(Path(folder))
            copy = fresh(report, misprint_every)
            found.append(len(review_report(registry, copy, loaded)))

        warm = best(lambda: review_report(registry, report, data))
        plain = best(lambda: cold(0))
        misprinted = best(lambda: cold(50))
    return (
        f"{programs:>5} programs {count:>6} figures: warm {warm / count * 1e6:6.1f} µs, "
        f"cold {plain / count * 1e6:6.1f} µs, misprinted {misprinted / count * 1e6:6.1f} µs "
        f"per figure ({found[-1]} findings)"
    )


def main() -> None:
    programs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    sizes = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else "10,100,1000").split(",")]
    registry = load_registry()
    for size in sizes:
        print(per_figure(size, registry), flush=True)
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
