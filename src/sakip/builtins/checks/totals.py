"""SK201: a total that is not the sum of the parts printed in its table."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.builtins.checks._common import finding
from sakip.review.context import ReviewContext, as_written
from sakip.review.derive import Total
from sakip.review.findings import Finding, Severity


def check_totals(ctx: ReviewContext) -> Iterator[Finding]:
    for figure in ctx.figures:
        total = ctx.derivations[figure.place]
        if not isinstance(total, Total) or total.value == figure.value:
            continue
        if figure.shows(ctx.structure.reference(figure.subject)):
            continue  # the total is right: a misprinted part is reported on its own
        yield finding(
            "SK201",
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
