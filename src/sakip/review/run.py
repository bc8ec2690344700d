"""Review a printed report: run every registered check on it, findings in report order."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from sakip.dataset import AgencyData
from sakip.errors import DataError, PluginError, SakipError
from sakip.registry import Registry
from sakip.review.context import ReviewContext
from sakip.review.findings import Finding
from sakip.review.messages import Messages
from sakip.review.report import PrintedReport
from sakip.review.structure import Structure
from sakip.tables.publish import load_agency


def load_report(registry: Registry, agency: str, year: int) -> PrintedReport:
    """The printed report a plugin registered for ``agency`` and ``year``."""
    key = f"{agency}:{year}"
    spec = registry.reports.get(key)
    try:
        report = spec.load()
    except SakipError:
        raise
    except Exception as exc:
        plugin = registry.reports.plugin_of(key)
        raise PluginError(
            f"plugin {plugin!r} failed to load the printed report {key}: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    if (report.agency, report.year) != (agency, year):
        raise PluginError(
            f"plugin {registry.reports.plugin_of(key)!r} registered the report {key} but its "
            f"loader returned the report of {report.agency}:{report.year}"
        )
    return report


def review_report(
    registry: Registry,
    report: PrintedReport,
    data: AgencyData,
    *,
    lang: str = "id",
    checks: Sequence[str] = (),
) -> list[Finding]:
    """Run the checks named (or all registered checks) on ``report``.

    :raises DataError: for a figure whose subject is not in the agency's data.
    :raises PluginError: for a check that crashes, naming its plugin.
    """
    structure = Structure(data, registry)
    _known_subjects(report, structure)
    ctx = ReviewContext(report, structure, Messages(lang))
    specs = [registry.checks.get(code) for code in checks] if checks else list(registry.checks)
    findings: list[Finding] = []
    for spec in specs:
        try:
            found = list(spec.run(ctx))
        except SakipError:
            raise
        except Exception as exc:
            plugin = registry.checks.plugin_of(spec.code)
            raise PluginError(
                f"plugin {plugin!r}: check {spec.code} ({spec.name}) failed: "
                f"{type(exc).__name__}: {exc}"
            ) from exc
        findings += [attrs.evolve(finding, check=spec.name) for finding in found]
    order = report.table_order()
    return sorted(
        findings,
        key=lambda f: (
            (order.get(f.places[0].table, len(order)), f.places[0].row) if f.places else (-1, 0),
            f.code,
        ),
    )


def review(
    registry: Registry, agency: str, year: int, *, lang: str = "id", checks: Sequence[str] = ()
) -> list[Finding]:
    """Load the agency's printed report and data for ``year`` and review the report."""
    report = load_report(registry, agency, year)
    return review_report(registry, report, load_agency(registry, agency), lang=lang, checks=checks)


def _known_subjects(report: PrintedReport, structure: Structure) -> None:
    for table in report.tables:
        for (row, column), subject in table.subjects.items():
            if subject.entity not in structure.entities:
                raise DataError(
                    report.source or f"printed report {report.agency}:{report.year}",
                    f"table {table.id}, row {row + 1}, column {table.columns[column]!r}",
                    f"{subject.entity!r} is not an indicator, objective, program, activity, "
                    f"sub-activity or breakdown of agency {report.agency!r}",
                )
