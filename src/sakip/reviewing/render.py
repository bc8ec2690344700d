"""Write findings for an auditor (text, grouped by table) or for a program (JSON)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from sakip.model.findings import Finding, Severity
from sakip.reviewing.messages import Messages, describe_place
from sakip.safe_text import safe_text

FINDING_FORMATS = ("text", "json")


def render_findings(findings: Sequence[Finding], fmt: str, say: Messages) -> str:
    if fmt == "json":
        return json.dumps([as_json(f) for f in findings], ensure_ascii=False, indent=2)
    return _text(findings, say)


def as_json(finding: Finding) -> dict[str, object]:
    """A finding as plain JSON values; places as objects with table, row, column, label."""
    return {
        "code": finding.code,
        "check": finding.check,
        "severity": finding.severity.value,
        "places": [
            {"table": p.table, "row": p.row, "column": p.column, "label": p.label}
            for p in finding.places
        ],
        "printed": finding.printed,
        "expected": finding.expected,
        "message": finding.message,
    }


def severity_name(say: Messages, severity: Severity) -> str:
    return {
        Severity.ERROR: say("error"),
        Severity.WARNING: say("warning"),
        Severity.INFO: say("info"),
    }[severity]


def _text(findings: Sequence[Finding], say: Messages) -> str:
    lines: list[str] = []
    table = None
    for finding in findings:
        first = finding.places[0] if finding.places else None
        group = None if first is None else ("" if first.in_text else first.table)
        if first is not None and group != table:
            table = group
            if lines:
                lines.append("")
            lines.append(say("Text") if first.in_text else say("Table {table}", table=table))
        lines.append(
            f"  {finding.code} {severity_name(say, finding.severity)}: "
            + (describe_place(say, first) if first else say("the agency's data"))
        )
        values = say("printed {printed}", printed=finding.printed)
        if finding.expected is not None:
            values += "; " + say("expected {expected}", expected=finding.expected)
        lines.append(f"    {values}")
        lines.append(f"    {finding.message}")
        for other in finding.places[1:]:
            # Inputs in the figure's own row are named in the message already.
            if first is None or (other.table, other.row) != (first.table, first.row):
                lines.append("    " + say("see also: {place}", place=describe_place(say, other)))
    counts = Counter(f.severity for f in findings)
    summary = say(
        "{errors} error(s), {warnings} warning(s), {infos} information",
        errors=counts[Severity.ERROR],
        warnings=counts[Severity.WARNING],
        infos=counts[Severity.INFO],
    )
    if lines:
        lines.append("")
    lines.append(summary)
    # Names and figures come from data: no control character reaches the auditor's terminal.
    return "\n".join(safe_text(line, lines=False) for line in lines)
