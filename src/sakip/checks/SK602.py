"""SK602 data.quarters: the agency's own data gives a year a value that its quarters do not
make under the indicator's aggregation. sakip uses the year's value as given, and says so:
a choice between two of the agency's own figures is never made silently."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip.model.findings import Finding, Severity
from sakip.model.subjects import Measure, Subject
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.values.display import as_written

_MEASURES = (Measure.TARGET, Measure.ACTUAL)


def check(ctx: ReviewContext) -> Iterator[Finding]:
    data, values = ctx.values.data, ctx.values
    for measurement in data.measurements:
        if not measurement.period.is_year:
            continue
        for measure in _MEASURES:
            subject = Subject(measurement.indicator, measure, measurement.period)
            given = measurement.target if measure is Measure.TARGET else measurement.actual
            quarters = values.quarters(subject)
            if quarters is None or not isinstance(given, Decimal):
                continue
            parts, how = quarters
            if len(parts) != len(measurement.period.quarters()):
                continue  # not every quarter given: nothing to compare with
            made = values.combine(parts, how)
            if made == given:
                continue
            yield ctx.finding(
                Severity.WARNING,
                (),
                as_written(given),
                made,
                ctx.say(
                    "The agency's data gives indicator {indicator} a {year} {measure} of "
                    "{given}, but its quarters ({quarters}) make {made} by its aggregation "
                    "({how}); the year's value is used as given.",
                    indicator=measurement.indicator,
                    year=measurement.period.year,
                    measure=ctx.say("target")
                    if measure is Measure.TARGET
                    else ctx.say("actual value"),
                    given=as_written(given),
                    quarters="; ".join(as_written(part) for part in parts),
                    made=as_written(made),
                    how=how.value,
                ),
            )


CHECK = CheckSpec(
    code="SK602",
    name="data.quarters",
    severities=Severity.WARNING,
    description="The agency's data gives a year a target or actual value that its four "
    "quarters do not make under the indicator's aggregation.",
    run=check,
)
