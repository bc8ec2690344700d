"""Reviewing many agencies at once, in this process or on any executor.

:func:`review_agencies` reviews each agency's printed report against its data, the same review
``sakip check`` runs for one. Give it a :class:`concurrent.futures.Executor` to run agencies in
parallel: a ``ProcessPoolExecutor`` on one machine, or a Dask cluster's
``client.get_executor()`` across several. Each worker loads the plugins once and reviews the
agencies it is sent. An agency that cannot be reviewed (unknown id, bad data, a plugin that
crashes) is reported with its message, and the others go on.

:func:`write_findings` writes one row per finding, with the agency, ready for DuckDB or
polars: Parquet, JSON lines or CSV, by the file's suffix.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future, as_completed
from functools import cache
from pathlib import Path

from attrs import field, frozen

from sakip.errors import SakipError, ValidationError
from sakip.extras import require
from sakip.model._fields import as_tuple
from sakip.model.findings import Finding, Severity
from sakip.plugins.loaders import load_report
from sakip.plugins.manager import load_registry
from sakip.plugins.registry import Registry
from sakip.reviewing.run import review_report
from sakip.sources import is_path, load_source
from sakip.tables.spreadsheet import safe_cell

__all__ = ["FINDING_COLUMNS", "AgencyReview", "review_agencies", "write_findings"]

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

    :param agencies: registered agency ids.
    :param executor: where to run the reviews; ``None`` runs them one after another here.
    :param on_done: called with each review as it finishes (in finishing order), e.g. to
        show progress.
    """
    checks = tuple(checks)
    if executor is None:
        registry = load_registry()
        reviews = []
        for agency in agencies:
            review = _review(registry, agency, year, lang, checks)
            if on_done is not None:
                on_done(review)
            reviews.append(review)
        return reviews
    futures: dict[Future[AgencyReview], int] = {
        executor.submit(review_in_worker, agency, year, lang, checks): index
        for index, agency in enumerate(agencies)
    }
    done: dict[int, AgencyReview] = {}
    for future in as_completed(futures):
        index = futures[future]
        try:
            review = future.result()
        except Exception as exc:  # a worker lost or a result that did not come back
            review = AgencyReview(agencies[index], error=f"{type(exc).__name__}: {exc}")
        if on_done is not None:
            on_done(review)
        done[index] = review
    return [done[index] for index in range(len(agencies))]


def review_in_worker(agency: str, year: int, lang: str, checks: tuple[str, ...]) -> AgencyReview:
    """One agency's review in a worker process, with the worker's own plugins (loaded once)."""
    return _review(_worker_registry(), agency, year, lang, checks)


@cache
def _worker_registry() -> Registry:
    return load_registry()


def _review(
    registry: Registry, agency: str, year: int, lang: str, checks: tuple[str, ...]
) -> AgencyReview:
    try:
        if is_path(agency):
            raise ValidationError(
                f"{agency}: an agency given as data has no registered report; review it alone "
                "with sakip check AGENCY --report FILE"
            )
        report = load_report(registry, agency, year)
        data = load_source(registry, agency, year).data
        findings = review_report(registry, report, data, lang=lang, checks=checks)
    except SakipError as exc:
        return AgencyReview(agency, error=str(exc))
    return AgencyReview(agency, findings)


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
    """Write one row per finding to ``path``: Parquet, JSON lines or CSV by its suffix.

    :raises ValidationError: for another suffix.
    :raises MissingExtraError: for Parquet without polars (``sakip[batch]``).
    """
    suffix = path.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise ValidationError(
            f"--output {path}: expected a file ending in {', '.join(OUTPUT_SUFFIXES)}"
        )
    rows = finding_rows(reviews)
    if suffix == ".parquet":
        pl = require("polars", "writing findings as Parquet")
        schema = {name: pl.Int64 if name == "row" else pl.String for name in FINDING_COLUMNS}
        pl.DataFrame(rows, schema=schema, orient="row").write_parquet(path)
    elif suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=FINDING_COLUMNS)
            writer.writeheader()
            for row in rows:
                writer.writerow(
                    {k: safe_cell(v) if isinstance(v, str) else v for k, v in row.items()}
                )
