"""SK302 quantity.data: a figure printed alike wherever it appears that differs from the
agency's data."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.checks._quantities import by_value, hint
from sakip.model.findings import Finding, Severity
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.values.display import as_written


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for subject, figures in ctx.quantities.items():
        expected = ctx.values.value(subject)
        if len(by_value(figures)) != 1 or expected is None or figures[0].shows(expected):
            continue
        yield ctx.finding(
            Severity.ERROR,
            tuple(f.place for f in figures),
            figures[0].text,
            expected,
            ctx.say(
                "Printed as {printed}, but the agency's data gives {expected}.{hint}",
                printed=figures[0].text,
                expected=as_written(expected),
                hint=hint(ctx, subject, figures[0]),
            ),
        )


CHECK = CheckSpec(
    code="SK302",
    name="quantity.data",
    severities=Severity.ERROR,
    description="A figure printed alike wherever it appears differs from the agency's data.",
    run=check,
)
