"""Many agencies at once — reviewed, or their tables built — here or on any executor.

:func:`review_agencies` reviews each agency's printed report against its data, the same review
``sakip check`` runs for one. Give it a :class:`concurrent.futures.Executor` to run agencies in
parallel: a ``ProcessPoolExecutor`` on one machine, or a Dask cluster's
``client.get_executor()`` across several. Each worker loads the plugins once and reviews the
agencies it is sent. An agency that cannot be reviewed (unknown id, bad data, a plugin that
crashes) is reported with its message, and the others go on.

:func:`build_agencies` builds each agency's tables the same way; agencies given as data
(workbooks, data folders) need no plugin.

:func:`write_findings` writes one row per finding and :func:`write_cells` one row per table
cell, each with its agency, ready for DuckDB or polars: Parquet, JSON lines or CSV, by the
file's suffix.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, as_completed
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from attrs import field, frozen

from sakip.errors import SakipError, ValidationError
from sakip.extras import require
from sakip.model._fields import as_tuple
from sakip.model.findings import Finding, Severity
from sakip.model.printed import Table, row_label
from sakip.plugins.manager import load_registry
from sakip.plugins.registry import Registry
from sakip.reviewing.run import review_report
from sakip.sources import load_source, printed_report_of
from sakip.tables.build import build_from, choose_tables
from sakip.tables.spreadsheet import safe_cell

__all__ = [
    "CELL_COLUMNS",
    "FINDING_COLUMNS",
    "AgencyReview",
    "AgencyTables",
    "build_agencies",
    "review_agencies",
    "write_cells",
    "write_findings",
]

FINDING_COLUMNS = (
    "agency",
    "table",
    "row",
    "column",
    "label",
    "code",
    "severity",
    "printed",
    "expected",
    "message",
)
"""The columns of :func:`write_findings`, in order."""

CELL_COLUMNS = ("agency", "table", "row", "column", "label", "text", "value")
"""The columns of :func:`write_cells`, in order: ``value`` is the number a figure cell
prints, as exact decimal text (``94.96``), empty for a label or heading cell."""

OUTPUT_SUFFIXES = (".parquet", ".jsonl", ".csv")


@frozen
class AgencyReview:
    """One agency's review: its findings, or why it could not be reviewed.

    :ivar error: the message of the error that stopped this agency's review; ``None`` when
        it was reviewed (with or without findings).
    """

    agency: str
    findings: tuple[Finding, ...] = field(default=(), converter=as_tuple)
    error: str | None = None

    @property
    def has_errors(self) -> bool:
        """Whether a finding is an error (what makes ``sakip check`` exit 1)."""
        return any(finding.severity is Severity.ERROR for finding in self.findings)


@frozen
class AgencyTables:
    """One agency's tables, or why they could not be built.

    :ivar error: the message of the error that stopped this agency; ``None`` when built.
    """

    agency: str
    tables: tuple[Table, ...] = field(default=(), converter=as_tuple)
    error: str | None = None


def review_agencies(
    agencies: Sequence[str],
    year: int,
    *,
    executor: Executor | None = None,
    lang: str = "id",
    checks: Sequence[str] = (),
    on_done: Callable[[AgencyReview], None] | None = None,
) -> list[AgencyReview]:
    """Review each agency's registered printed report for ``year``, in the order given.

    :param agencies: registered ids, or data folders that hold the printed report of the
        year as ``report-<year>.yaml`` (these need no plugin).
    :param executor: where to run the reviews; ``None`` runs them one after another here.
    :param on_done: called with each review as it finishes (in finishing order), e.g. to
        show progress.
    """
    args = (year, lang, tuple(checks))
    if executor is None:
        registry = load_registry()
        return _here(agencies, lambda agency: _review(registry, agency, *args), on_done)
    return _on(executor, agencies, review_in_worker, args, AgencyReview, on_done)


def build_agencies(
    agencies: Sequence[str],
    year: int,
    *,
    executor: Executor | None = None,
    table_ids: Sequence[str] = (),
    on_done: Callable[[AgencyTables], None] | None = None,
) -> list[AgencyTables]:
    """Build each agency's tables for ``year`` (the ones named, or all), in the order given.

    :param agencies: registered ids, workbooks (``.xlsx``) or YAML data folders, as for
        ``sakip tables``; an agency given as data needs no plugin.
    :param executor: where to build them; ``None`` builds them one after another here.
    """
    args = (year, tuple(table_ids))
    if executor is None:
        registry = load_registry()
        return _here(agencies, lambda agency: _tables(registry, agency, *args), on_done)
    return _on(executor, agencies, tables_in_worker, args, AgencyTables, on_done)


Result = TypeVar("Result")


def _here(
    agencies: Sequence[str],
    work: Callable[[str], Result],
    on_done: Callable[[Result], None] | None,
) -> list[Result]:
    """``work`` for each agency in this process, one after another."""
    results = []
    for agency in agencies:
        result = work(agency)
        if on_done is not None:
            on_done(result)
        results.append(result)
    return results


def _on(
    executor: Executor,
    agencies: Sequence[str],
    work: Callable[..., Result],
    args: tuple[object, ...],
    failed: Callable[..., Result],
    on_done: Callable[[Result], None] | None,
) -> list[Result]:
    """``work(agency, *args)`` for each agency on ``executor``, back in the order given; a
    worker that is lost gives ``failed(agency, error=message)`` instead."""
    futures: dict[Future[Result], int] = {
        executor.submit(work, agency, *args): index for index, agency in enumerate(agencies)
    }
    done: dict[int, Result] = {}
    for future in as_completed(futures):
        index = futures[future]
        try:
            result = future.result()
        except Exception as exc:  # a worker lost or a result that did not come back
            result = failed(agencies[index], error=f"{type(exc).__name__}: {exc}")
        if on_done is not None:
            on_done(result)
        done[index] = result
    return [done[index] for index in range(len(agencies))]


def review_in_worker(agency: str, year: int, lang: str, checks: tuple[str, ...]) -> AgencyReview:
    """One agency's review, with this process's plugins (loaded once per process)."""
    return _review(_process_registry(), agency, year, lang, checks)


def tables_in_worker(agency: str, year: int, table_ids: tuple[str, ...]) -> AgencyTables:
    """One agency's tables, with this process's plugins (loaded once per process)."""
    return _tables(_process_registry(), agency, year, table_ids)


def _tables(registry: Registry, agency: str, year: int, table_ids: tuple[str, ...]) -> AgencyTables:
    try:
        source = load_source(registry, agency, year)
        specs = choose_tables(source.id, source.tables, table_ids)
        tables = build_from(registry, source.data, year, specs)
    except SakipError as exc:
        return AgencyTables(agency, error=str(exc))
    return AgencyTables(agency, tables)


def _review(
    registry: Registry, agency: str, year: int, lang: str, checks: tuple[str, ...]
) -> AgencyReview:
    try:
        report = printed_report_of(registry, agency, year)
        data = load_source(registry, agency, year).data
        findings = review_report(registry, report, data, lang=lang, checks=checks)
    except SakipError as exc:
        return AgencyReview(agency, error=str(exc))
    return AgencyReview(agency, findings)


@cache
def _process_registry() -> Registry:
    return load_registry()


def finding_rows(reviews: Sequence[AgencyReview]) -> list[dict[str, str | int | None]]:
    """One row per finding (the place of the figure at fault), agencies in order."""
    rows: list[dict[str, str | int | None]] = []
    for review in reviews:
        for finding in review.findings:
            place = finding.places[0] if finding.places else None
            rows.append(
                {
                    "agency": review.agency,
                    "table": place.table if place else None,
                    "row": place.row if place else None,
                    "column": place.column if place else None,
                    "label": place.label if place else None,
                    "code": finding.code,
                    "severity": finding.severity.value,
                    "printed": finding.printed,
                    "expected": finding.expected,
                    "message": finding.message,
                }
            )
    return rows


def write_findings(reviews: Sequence[AgencyReview], path: Path) -> None:
    """Write one row per finding to ``path`` (:data:`FINDING_COLUMNS`): Parquet, JSON lines
    or CSV by its suffix.

    :raises ValidationError: for another suffix.
    :raises MissingExtraError: for Parquet without polars (``sakip[batch]``).
    """
    _write_rows(finding_rows(reviews), FINDING_COLUMNS, path)


def cell_rows(results: Sequence[AgencyTables]) -> list[dict[str, str | int | None]]:
    """One row per table cell, agencies and tables in order, rows and columns from 1."""
    rows: list[dict[str, str | int | None]] = []
    for result in results:
        for table in result.tables:
            numbers = table.numbers()
            figure_columns = {column for _, column in table.subjects}
            for r, cells in enumerate(table.rows):
                label = row_label(cells, figure_columns)
                for c, text in enumerate(cells):
                    number = numbers.get((r, c))
                    rows.append(
                        {
                            "agency": result.agency,
                            "table": table.id,
                            "row": r + 1,
                            "column": table.columns[c],
                            "label": label,
                            "text": text,
                            "value": None if number is None else str(number),
                        }
                    )
    return rows


def write_cells(results: Sequence[AgencyTables], path: Path) -> None:
    """Write one row per table cell to ``path`` (:data:`CELL_COLUMNS`): Parquet, JSON lines
    or CSV by its suffix.

    :raises ValidationError: for another suffix.
    :raises MissingExtraError: for Parquet without polars (``sakip[batch]``).
    """
    _write_rows(cell_rows(results), CELL_COLUMNS, path)


def check_output(path: Path) -> None:
    """Refuse an output file whose suffix names no format, before any work is done."""
    if path.suffix.lower() not in OUTPUT_SUFFIXES:
        raise ValidationError(
            f"--output {path}: expected a file ending in {', '.join(OUTPUT_SUFFIXES)}"
        )


def _write_rows(rows: list[dict[str, Any]], columns: tuple[str, ...], path: Path) -> None:
    check_output(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        pl = require("polars", "writing Parquet")
        schema = {name: pl.Int64 if name == "row" else pl.String for name in columns}
        pl.DataFrame(rows, schema=schema, orient="row").write_parquet(path)
    elif suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                writer.writerow(
                    {k: safe_cell(v) if isinstance(v, str) else v for k, v in row.items()}
                )
