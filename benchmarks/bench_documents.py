"""How long does reviewing a report from its file take?

Times ``sakip.review_document`` (reading the file, finding its tables, inferring what each
figure states, building the data the report gives, and running every check) on:

- the source report's text (``examples/sampang_disnaker/source/``), and
- a Word file sakip writes for a generated agency of 200 programs (2 activities of 2
  sub-activities each: 1.400 nodes), as an auditor would receive it, and
- the corpus of real published reports (``tests/real_reports/``), each as Word, PDF and text,
  built once outside the timer: time per PDF page and per printed figure, by kind.

Each is timed best of 3 in one process, after a warm-up run; the Word file is written once,
outside the timer. Prints the time of each, its tables, figures and findings, and the time
per printed figure.

Run: ``python benchmarks/bench_documents.py [PROGRAMS]`` (default 200).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench_review import agency

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests/real_reports"))
import build

from sakip import SakipError, ValueModel, load_registry, review_document, write_report
from sakip.testing import REPORT_TABLES, printed_report

SOURCE = (
    Path(__file__).resolve().parents[1]
    / "examples/sampang_disnaker/source/lkjip-2023-disnaker-sampang.txt"
)
RUNS = 3


def best(path: Path) -> tuple[float, int, int, int]:
    registry = load_registry()
    review_document(registry, path)  # warm-up: first-use caches, imports
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        result = review_document(registry, path)
        times.append(time.perf_counter() - start)
    report = result.inference.report
    return min(times), len(report.tables), len(report.figures), len(result.findings)


def corpus(folder: Path) -> None:
    """Each kind of file of the corpus: its reports reviewed once each after a warm-up, as
    an auditor runs through a pile of reports; refused files are counted, not timed."""
    registry = load_registry()
    print(
        f"\n{'corpus':<12}{'files':>6}{'refused':>8}{'time':>10}{'pages':>7}{'figures':>9}"
        f"{'per page':>11}{'per figure':>12}"
    )
    for kind in build.KINDS:
        paths = [build.build(slug, folder, [kind])[kind] for slug in build.reports()]
        seconds = 0.0
        pages = figures = refused = 0
        for path in paths:
            try:
                review_document(registry, path)  # warm-up of this file's reader
                start = time.perf_counter()
                result = review_document(registry, path)
                seconds += time.perf_counter() - start
            except SakipError:
                refused += 1
                continue
            figures += len(result.inference.report.figures)
            if kind == "pdf":
                from pypdf import PdfReader

                pages += len(PdfReader(str(path)).pages)
        per_page = f"{seconds / pages * 1e3:>9.1f}ms" if pages else f"{'':>11}"
        per_figure = seconds / figures * 1e6 if figures else 0.0
        print(
            f"{kind:<12}{len(paths):>6}{refused:>8}{seconds:>9.3f}s{pages or '':>7}"
            f"{figures:>9}{per_page}{per_figure:>10.1f}µs"
        )


def main() -> None:
    programs = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    registry = load_registry()
    rows = [("source report (text)", SOURCE)]
    with tempfile.TemporaryDirectory() as folder:
        data = agency(programs, activities=2, subs=2)
        tables = [t for t in REPORT_TABLES if t[0] != "rincian"]
        report = printed_report(data, registry, tables)
        path = Path(folder) / f"lkjip-{programs}-program.docx"
        write_report(ValueModel(data, registry), report.tables, 2023, "docx", path)
        rows.append((f"{programs}-program Word file", path))
        print(
            f"{'document':<28}{'time':>10}{'tables':>8}{'figures':>9}{'findings':>10}{'per figure':>12}"
        )
        for name, source in rows:
            seconds, count, figures, findings = best(source)
            per = seconds / figures * 1e6 if figures else 0.0
            print(f"{name:<28}{seconds:>9.3f}s{count:>8}{figures:>9}{findings:>10}{per:>10.1f}µs")
        corpus(Path(folder))


if __name__ == "__main__":
    main()
