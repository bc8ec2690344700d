"""SK607 data.parent_total: a program or activity states its own budget, every node below it
states (or adds up to) its own, and the two differ. The node's own figure is used (as the budget roll-up
rule says) and the children's are set aside: that is never done silently."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip.arithmetic import ZERO
from sakip.model.findings import Finding, Severity
from sakip.model.subjects import Measure, Subject
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.values.display import as_written


def check(ctx: ReviewContext) -> Iterator[Finding]:
    data, values = ctx.values.data, ctx.values
    for line in data.budget_lines:
        if not data.has_node(line.node) or not line.period.is_year:
            continue
        # What each child amounts to at this stage: its own line, or its children's sum.
        amounts = [
            value
            for child in data.children(line.node)
            if (
                value := values.value(
                    Subject(child.key, Measure.ALLOCATION, line.period, line.stage)
                )
            )
            is not None
        ]
        if not amounts or len(amounts) < len(data.children(line.node)):
            continue  # a child with no amount at this stage: their sum is not the whole
        added: Decimal = sum(amounts, ZERO)
        if added == line.allocation:
            continue
        yield ctx.finding(
            Severity.WARNING,
            (),
            as_written(line.allocation),
            added,
            ctx.say(
                "The agency's data states an allocation of {own} for {node} ({year}, {stage}), "
                "but the {count} nodes below it state {added} in all; {own} is used and theirs "
                "are set aside.",
                own=as_written(line.allocation),
                node=data.node(line.node).name,
                year=line.period.year,
                stage=line.stage.value,
                count=len(amounts),
                added=as_written(added),
            ),
        )


CHECK = CheckSpec(
    code="SK607",
    name="data.parent_total",
    severities=Severity.WARNING,
    description="A program or activity states its own budget, unlike the sum of the nodes "
    "below it that state theirs.",
    run=check,
)
