"""SK701 document.number_form: a number that reads two ways (``9.900``: nine thousand nine
hundred, or nine point nine), read in the form its column shows on weak evidence. Reported
for reports read from their file, so an auditor sees what was assumed instead of a silent
guess; a transcription declares its numbers and never has one."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.model.findings import Finding, Severity
from sakip.model.printed import NUMBER_FORM
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for assumption in ctx.report.assumptions:
        if assumption.kind != NUMBER_FORM:
            continue
        yield ctx.finding(
            Severity.WARNING,
            assumption.places,
            assumption.params.get("printed", ""),
            assumption.params.get("read", ""),
            ctx.say(assumption.message, **assumption.params),
        )


CHECK = CheckSpec(
    code="SK701",
    name="document.number_form",
    severities=Severity.WARNING,
    description="A number of a report read from its file reads two ways (9.900: thousands or "
    "decimals); the review names the reading it took.",
    run=check,
)
