"""SK605 data.overspent: the agency's data spends more than it allocates (absorption above
100 %). A warning, not a refusal: an overrun is possible, but far more often a typing slip
(1094 % for 109,4 %), and a report that prints it should say why."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.model.findings import Finding, Severity
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.values.display import as_written


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for line in ctx.values.data.budget_lines:
        if line.spending is None or line.spending <= line.allocation or not line.period.is_year:
            continue
        yield ctx.finding(
            Severity.WARNING,
            (),
            as_written(line.spending),
            line.allocation,
            ctx.say(
                "The agency's data spends {spending} on {node} in {year} ({stage}) against an "
                "allocation of {allocation}: an absorption above 100 %. Check the figures, or "
                "say in the report why the allocation was exceeded.",
                spending=as_written(line.spending),
                node=_name(ctx, line.node),
                year=line.period.year,
                stage=line.stage.value,
                allocation=as_written(line.allocation),
            ),
        )


def _name(ctx: ReviewContext, key: str) -> str:
    """A program node's or an objective's name (an objective may state its own budget)."""
    data = ctx.values.data
    return data.node(key).name if data.has_node(key) else data.objective(key).name


CHECK = CheckSpec(
    code="SK605",
    name="data.overspent",
    severities=Severity.WARNING,
    description="The agency's data spends more than it allocates (absorption above 100 %).",
    run=check,
)
