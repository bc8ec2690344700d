"""What every table builder shares: cells that carry subjects made into a :class:`Table`,
the objectives and indicators a table lists, and how a unit follows a value."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sakip.model.indicators import Indicator
from sakip.model.plan import Objective
from sakip.model.printed import Table
from sakip.model.programs import Activity, BudgetNode, Program
from sakip.model.subjects import Subject
from sakip.tables.context import Printed, TableContext
from sakip.values.display import MISSING


def make_table(
    ctx: TableContext,
    columns: Sequence[str],
    rows: Sequence[Sequence[Printed]],
    kinds: Mapping[int, str] | None = None,
) -> Table:
    """A table from cells that may carry subjects; a figure printed as ``-`` has none."""
    texts: list[list[str]] = []
    subjects: dict[tuple[int, int], Subject] = {}
    for r, row in enumerate(rows):
        line: list[str] = []
        for c, cell in enumerate(row):
            if isinstance(cell, tuple):
                text, subject = cell
                if text not in ("", MISSING):
                    subjects[(r, c)] = subject
                line.append(text)
            else:
                line.append(cell)
        texts.append(line)
    return Table(
        id=ctx.id,
        title=ctx.title,
        columns=columns,
        rows=texts,
        subjects=subjects,
        row_kinds=dict(kinds or {}),
    )


def kind_of(node: BudgetNode) -> str:
    """``program``, ``activity`` or ``sub-activity``: how a row of a node is set apart."""
    if isinstance(node, Program):
        return "program"
    return "activity" if isinstance(node, Activity) else "sub-activity"


def objectives_of(ctx: TableContext, keys: Sequence[str] | None) -> list[Objective]:
    return [ctx.data.objective(key) for key in keys] if keys else list(ctx.data.objectives)


def indicators_of(ctx: TableContext, objective: Objective) -> list[Indicator]:
    return [ctx.data.indicator(code) for code in objective.indicators]


def unit_suffix(indicator: Indicator) -> str:
    """How a value of the indicator is followed: ``77,85%``, ``100 Orang``, ``12``."""
    unit = indicator.unit
    return "%" if unit == "%" else (f" {unit}" if unit else "")
