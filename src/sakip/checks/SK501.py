"""SK501 budget.revision: a budget figure that differs between the initial and the revised budget, reported
as information: a revision, not an inconsistency."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sakip.model.budget import BudgetStage
from sakip.model.findings import Finding, Severity
from sakip.model.periods import Period
from sakip.model.printed import Figure
from sakip.model.subjects import Measure
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext


def check(ctx: ReviewContext) -> Iterator[Finding]:
    groups: dict[tuple[str, Measure, Period], dict[BudgetStage, list[Figure]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for figure in ctx.figures:
        subject = figure.subject
        if subject.stage is not None and not subject.measure.is_rate:
            key = (subject.entity, subject.measure, subject.period)
            groups[key][subject.stage].append(figure)
    for stages in groups.values():
        if len(stages) < 2:
            continue
        initial = _stage_figure(ctx, stages[BudgetStage.INITIAL])
        revised = _stage_figure(ctx, stages[BudgetStage.REVISED])
        if initial.value == revised.value:
            continue
        measure = (
            ctx.say("allocation")
            if initial.subject.measure is Measure.ALLOCATION
            else ctx.say("spending")
        )
        yield ctx.finding(
            Severity.INFO,
            (initial.place, revised.place),
            initial.text,
            None,  # neither stage is wrong
            ctx.say(
                "The {measure} is {initial} in the initial budget (APBD murni, table {first}) and "
                "{revised} in the revised budget (APBD perubahan, table {second}): a budget "
                "revision, not an inconsistency.",
                measure=measure,
                initial=initial.text,
                revised=revised.text,
                first=initial.place.table,
                second=revised.place.table,
            ),
        )


def _stage_figure(ctx: ReviewContext, figures: list[Figure]) -> Figure:
    """The figure that stands for a stage: one that agrees with the data, else the first."""
    expected = ctx.expected(figures[0])
    return next((f for f in figures if f.shows(expected)), figures[0])


CHECK = CheckSpec(
    code="SK501",
    name="budget.revision",
    severities=Severity.INFO,
    description="A budget figure differs between the initial and the revised budget: a "
    "revision, reported as information.",
    run=check,
)
