"""Write a printed report as a YAML transcription (the format ``sakip check --report``
reads): every table cell by cell, with the subject of each figure, so what a review
inferred can be corrected by hand and the review run again."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from sakip.files import write_text
from sakip.model.periods import Period
from sakip.model.printed import PrintedReport, Table
from sakip.model.subjects import Measure, Subject

INDICATOR_ROLE = "indicator"
BUDGET_ROLE = "budget"


def transcript(report: PrintedReport) -> dict[str, Any]:
    """The transcription of ``report`` as plain data, in the order the file is written."""
    written: dict[str, Any] = {
        "agency": report.agency,
        "year": report.year,
        "tables": [_table(table, report.year) for table in report.tables],
    }
    if report.passages:
        written["text"] = [passage.text for passage in report.passages]
    return written


def dump_printed_report(report: PrintedReport, path: Path) -> None:
    """Write ``report`` as a YAML transcription to ``path``."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(
        transcript(report), Dumper=dumper, allow_unicode=True, sort_keys=False, width=100
    )
    write_text(
        path,
        "# What sakip read from the report: correct a subject (`of`) or a cell and run the\n"
        "# review again on this file.\n" + text,
    )


def _table(table: Table, year: int) -> dict[str, Any]:
    by_column: dict[int, list[Subject]] = defaultdict(list)
    for (_, place), subject in table.subjects.items():
        by_column[place].append(subject)
    two_roles = _two_roles(table)
    columns: list[Any] = []
    for index, heading in enumerate(table.columns):
        subjects = by_column.get(index)
        if not subjects:
            columns.append(heading)
            continue
        first = subjects[0]
        column: dict[str, Any] = {"heading": heading, "measure": first.measure.value}
        if two_roles:
            column["of"] = _role(first.measure)
        if first.period != Period(year):
            column["year"] = str(first.period)
        if first.stage is not None:
            column["stage"] = first.stage.value
        columns.append(column)
    rows = []
    for index, cells in enumerate(table.rows):
        keys: dict[str, str] = {}
        for (row, _), subject in table.subjects.items():
            if row == index:
                keys[_role(subject.measure) if two_roles else "entity"] = subject.entity
        row_fields: dict[str, Any] = {}
        if keys:
            row_fields["of"] = keys if two_roles else keys["entity"]
        row_fields["cells"] = list(cells)
        rows.append(row_fields)
    return {"id": table.id, "title": table.title, "columns": columns, "rows": rows}


def _role(measure: Measure) -> str:
    return BUDGET_ROLE if measure.is_budget else INDICATOR_ROLE


def _two_roles(table: Table) -> bool:
    """Whether some row states figures of two entities (an indicator and its objective's
    budget), so each column names whose figures it holds."""
    entities: dict[tuple[int, str], set[str]] = defaultdict(set)
    for (row, _), subject in table.subjects.items():
        entities[(row, _role(subject.measure))].add(subject.entity)
    rows: dict[int, set[str]] = defaultdict(set)
    for (row, _), found in entities.items():
        rows[row] |= found
    return any(len(found) > 1 for found in rows.values())
