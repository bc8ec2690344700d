"""SK601 derived.aggregate: a year's value that its printed quarters do not make, or a
realisation to date that last year's to date and this year's do not, under the indicator's
aggregation — in particular a percentage or a level added up across quarters or years, the
defect of real Renja evaluation workbooks (a percentage indicator at 200 %)."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.arithmetic import ZERO
from sakip.model.findings import Finding, Severity
from sakip.model.indicators import Aggregation
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.reviewing.structure import Aggregate
from sakip.values.display import as_written


def _how(ctx: ReviewContext, how: Aggregation) -> str:
    if how is Aggregation.SUM:
        return ctx.say("sum: cumulative")
    if how is Aggregation.LAST:
        return ctx.say("last: the latest value stands")
    return ctx.say("average: the mean")


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for figure in ctx.figures:
        combined = ctx.derivations[figure.place]
        if not isinstance(combined, Aggregate):
            continue
        expected = combined.value(ctx.values)
        if figure.shows(expected):
            continue
        parts = "; ".join(part.text for part in combined.parts)
        summed = sum((part.value for part in combined.parts), ZERO)
        if combined.how is not Aggregation.SUM and figure.shows(summed):
            message = ctx.say(
                "{printed} adds up {parts}, but the indicator is not cumulative ({how}): "
                "its value is {expected}.",
                printed=figure.text,
                parts=parts,
                how=_how(ctx, combined.how),
                expected=as_written(expected),
            )
        else:
            message = ctx.say(
                "{printed} does not follow from {parts} printed beside it: by the "
                "indicator's aggregation ({how}) they give {expected}.",
                printed=figure.text,
                parts=parts,
                how=_how(ctx, combined.how),
                expected=as_written(expected),
            )
        yield ctx.finding(
            Severity.ERROR,
            (figure.place, *(part.place for part in combined.parts)),
            figure.text,
            expected,
            message,
        )


CHECK = CheckSpec(
    code="SK601",
    name="derived.aggregate",
    severities=Severity.ERROR,
    description="A year's value does not follow from its quarters, or a realisation to date "
    "from the years before, under the indicator's aggregation.",
    run=check,
)
