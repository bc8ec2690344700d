"""Review a printed report: run every registered check on it, findings in report order."""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from sakip.arithmetic import library_context
from sakip.errors import DataError, PluginError
from sakip.gc_pause import paused_gc
from sakip.model.agency_data import AgencyData
from sakip.model.findings import Finding, Severity
from sakip.model.printed import NUMBER_FORM, Assumption, Label, Place, PrintedReport
from sakip.model.subjects import Measure
from sakip.plugins.calls import call_plugin
from sakip.plugins.loaders import load_agency, load_report
from sakip.plugins.registrations import CheckSpec
from sakip.plugins.registry import Registry
from sakip.reviewing.context import ReviewContext
from sakip.reviewing.messages import Messages
from sakip.values.model import ValueModel


@library_context()
@paused_gc()
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
    :raises SakipError: when the agency's data cannot be computed by its rules (the same
        error ``sakip tables`` gives for that data).
    :raises PluginError: for a check that crashes, naming its plugin.
    """
    values = ValueModel(data, registry)
    _known_subjects(report, values)
    messages = Messages(lang, read_from_report=bool(report.assumptions))
    ctx = ReviewContext(report, values, messages)
    specs = [registry.checks.get(code) for code in checks] if checks else list(registry.checks)
    findings: list[Finding] = []
    for spec in specs:
        findings += _run(registry, spec, ctx)
    findings = [qualified(finding, report.assumptions, messages) for finding in findings]
    order = report.table_order()
    return sorted(
        findings,
        key=lambda f: (
            (order.get(f.places[0].table, len(order)), f.places[0].row, _in_text_at(f.places[0]))
            if f.places
            else (-1, 0, 0),
            f.code,
        ),
    )


def _in_text_at(place: Place) -> int:
    """Where a figure in the text is, for reading order: its passage's number (``paragraph
    19``, ``page 4``, ``line 315``); 0 for a figure in a table."""
    numbers = re.findall(r"\d+", place.table) if place.in_text else []
    return int(numbers[-1]) if numbers else 0


def qualified(finding: Finding, assumptions: Sequence[Assumption], say: Messages) -> Finding:
    """A finding that names what reading the figure at fault assumed (its first place); one
    that rests on an unsure assumption is at most a warning."""
    if not finding.places:
        return finding
    made = [a for a in assumptions if a.kind != NUMBER_FORM and finding.places[0] in a.places]
    if not made:
        return finding
    severity = finding.severity
    if severity is Severity.ERROR and not all(a.sure for a in made):
        severity = Severity.WARNING
    assumed = " ".join(dict.fromkeys(say(a.message, **a.params) for a in made))
    return attrs.evolve(
        finding,
        severity=severity,
        message=finding.message + say(" Assumed: {assumed}", assumed=assumed),
    )


def _run(registry: Registry, spec: CheckSpec, ctx: ReviewContext) -> list[Finding]:
    """One check's findings, each stamped with the check's code and name."""
    plugin = registry.checks.plugin_of(spec.code)
    found = call_plugin(plugin, f"in check {spec.code} ({spec.name})", lambda: list(spec.run(ctx)))
    for finding in found:
        if not isinstance(finding, Finding):
            raise PluginError(
                f"plugin {plugin!r}: check {spec.code} yielded {finding!r}, expected a Finding"
            )
        if finding.severity not in spec.severities:
            raise PluginError(
                f"plugin {plugin!r}: check {spec.code} gave a finding of severity "
                f"{finding.severity.value!r}, which it does not declare "
                f"({', '.join(s.value for s in spec.severities)})"
            )
    return [attrs.evolve(finding, code=spec.code, check=spec.name) for finding in found]


def review(
    registry: Registry, agency: str, year: int, *, lang: str = "id", checks: Sequence[str] = ()
) -> list[Finding]:
    """Load the agency's printed report and data for ``year`` and review the report."""
    report = load_report(registry, agency, year)
    return review_report(registry, report, load_agency(registry, agency), lang=lang, checks=checks)


def _known_subjects(report: PrintedReport, values: ValueModel) -> None:
    """Every printed figure is of something the agency has, and every word printed as a
    target or actual value is a grade of that (qualitative) indicator."""
    source = report.source or f"printed report {report.agency}:{report.year}"
    for table in report.tables:
        for (row, column), subject in table.subjects.items():
            where = f"table {table.id}, row {row + 1}, column {table.columns[column]!r}"
            if subject.entity not in values.entities:
                raise DataError(
                    source,
                    where,
                    f"{subject.entity!r} is not an indicator, objective, program, activity, "
                    f"sub-activity or breakdown of agency {report.agency!r}",
                )
    for label in report.labels:
        if label.subject.measure in (Measure.TARGET, Measure.ACTUAL):
            _a_grade(label, values, source)


def _a_grade(label: Label, values: ValueModel, source: str) -> None:
    code = values.indicator_of(label.subject.entity)
    grades = values.data.indicator(code).grades if code is not None else ()
    if label.text not in grades:
        place = label.place
        known = f"its grades are {', '.join(grades)}" if grades else "it has no grades"
        raise DataError(
            source,
            f"table {place.table}, row {place.row}, column {place.column!r}",
            f"{label.text!r} is not a number, nor a grade of indicator {code} ({known})",
        )
