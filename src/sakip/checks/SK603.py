"""SK603 derived.predicate: a printed predicate (predikat) that the achievement does not
have on the agency's scale — the achievement printed in its row, else the data's."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.model.findings import Finding, Severity
from sakip.model.subjects import Measure
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.values.display import as_written


def _same(printed: str, expected: str) -> bool:
    return " ".join(printed.casefold().split()) == " ".join(expected.casefold().split())


def check(ctx: ReviewContext) -> Iterator[Finding]:
    scale = ctx.values.scale
    for label in ctx.report.labels:
        subject = label.subject
        if subject.measure is not Measure.PREDICATE:
            continue
        table = ctx.tables[label.place.table]
        printed = table.find_in_row(subject.having(Measure.ACHIEVEMENT), label.place.row)
        achievement = (
            printed.value if printed else ctx.values.value(subject.having(Measure.ACHIEVEMENT))
        )
        if achievement is None:
            continue
        expected = scale.classify(achievement)
        if _same(label.text, expected):
            continue
        source = (
            ctx.say("the achievement printed beside it")
            if printed
            else ctx.say("the achievement the agency's data gives")
        )
        yield ctx.finding(
            Severity.ERROR,
            (label.place, *((printed.place,) if printed else ())),
            label.text,
            expected,
            ctx.say(
                "{printed} is not the predicate of {achievement} ({source}): on the scale "
                "{scale} it is {expected}.",
                printed=label.text,
                achievement=as_written(achievement),
                source=source,
                scale=scale.name,
                expected=expected,
            ),
        )


CHECK = CheckSpec(
    code="SK603",
    name="derived.predicate",
    severities=Severity.ERROR,
    description="A printed predicate is not the label the agency's scale gives the achievement.",
    run=check,
)
