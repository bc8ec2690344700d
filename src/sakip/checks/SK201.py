"""SK201 derived.total: a total that is not the sum of the parts printed in its table (above
or below it), unless the total is right and a part is misprinted (reported on the part)."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.model.findings import Finding, Severity
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.reviewing.structure import Total
from sakip.values.display import as_written


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for figure in ctx.figures:
        total = ctx.derivations[figure.place]
        if not isinstance(total, Total) or total.value == figure.value:
            continue
        if figure.shows(ctx.expected(figure)):
            continue  # the total is right: a misprinted part is reported on its own
        yield ctx.finding(
            Severity.ERROR,
            (figure.place,),
            figure.text,
            total.value,
            ctx.say(
                "{printed} is not the sum of the {count} parts printed in this table, which "
                "add up to {expected}.",
                printed=figure.text,
                count=len(total.parts),
                expected=as_written(total.value),
            ),
        )


CHECK = CheckSpec(
    code="SK201",
    name="derived.total",
    severities=Severity.ERROR,
    description="A total is not the sum of the parts printed in its table.",
    run=check,
)
