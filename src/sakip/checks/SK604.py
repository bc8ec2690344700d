"""SK604 derived.grade: a qualitative indicator's printed achievement that its printed target
and actual grades do not give under the indicator's grade rule — grades are not quantities
(a target of BB met with A is met: 100, not 120 %)."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.model.findings import Finding, Severity
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.reviewing.structure import GradeRate
from sakip.values.display import as_written


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for figure in ctx.figures:
        graded = ctx.derivations[figure.place]
        if not isinstance(graded, GradeRate):
            continue
        expected = graded.value(ctx.values)
        if expected is None or figure.shows(expected):
            continue
        target, actual = graded.grades
        code = ctx.values.indicator_of(figure.subject.entity)
        rule = ctx.values.data.indicator(code).grade_rule.value if code else ""
        yield ctx.finding(
            Severity.ERROR,
            (figure.place, target.place, actual.place),
            figure.text,
            expected,
            ctx.say(
                "{printed} does not follow from the grades printed beside it: a target of "
                "{target} and a realisation of {actual} give {expected} under the grade rule "
                "'{rule}'. Grades are ranks, not quantities to divide.",
                printed=figure.text,
                target=target.text,
                actual=actual.text,
                expected=as_written(expected),
                rule=rule,
            ),
        )


CHECK = CheckSpec(
    code="SK604",
    name="derived.grade",
    severities=Severity.ERROR,
    description="A qualitative indicator's achievement does not follow from the target and "
    "actual grades printed beside it.",
    run=check,
)
