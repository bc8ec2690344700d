"""What SK301 and SK302 share: the printed figures grouped by the quantity they state, and
the hint that names the value a misprint most likely copied."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from sakip.model.budget import BudgetStage
from sakip.model.periods import Period
from sakip.model.printed import Figure
from sakip.model.subjects import Measure, Subject
from sakip.reviewing.context import ReviewContext
from sakip.values.model import neighbour_value


def by_value(figures: Iterable[Figure]) -> dict[Decimal, list[Figure]]:
    """Figures grouped by the number they print, in order of first appearance."""
    groups: dict[Decimal, list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[figure.value].append(figure)
    return dict(groups)


def hint(ctx: ReviewContext, subject: Subject, figure: Figure) -> str:
    """`` 88,73 is the value for 2022.``: the quantity a misprint most likely copied — the
    same quantity in the year before or after, the target printed as the actual value, or
    the other budget stage."""
    values, year = ctx.values, subject.period.year
    for period in (Period(year - 1), Period(year + 1)):
        other = Subject(subject.entity, subject.measure, period, subject.stage)
        if figure.shows(neighbour_value(values, other)):
            return ctx.say(
                " {printed} is the value for {period}.", printed=figure.text, period=period
            )
    if subject.measure is Measure.ACTUAL:
        target = subject.having(Measure.TARGET)
        if figure.shows(neighbour_value(values, target)):
            return ctx.say(
                " {printed} is the target for {period}.",
                printed=figure.text,
                period=subject.period,
            )
    if subject.stage is not None:
        for stage in BudgetStage:
            other = Subject(subject.entity, subject.measure, subject.period, stage)
            if stage is not subject.stage and figure.shows(neighbour_value(values, other)):
                return ctx.say(
                    " {printed} is the value in the {stage}.",
                    printed=figure.text,
                    stage=stage_name(ctx, stage),
                )
    return ""


def stage_name(ctx: ReviewContext, stage: BudgetStage) -> str:
    if stage is BudgetStage.INITIAL:
        return ctx.say("initial budget (APBD murni)")
    return ctx.say("revised budget (APBD perubahan)")
