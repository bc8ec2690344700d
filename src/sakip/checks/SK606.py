"""SK606 data.negative: a count below zero in the agency's data (a negative number of
people, companies, cases or documents). A warning: the figure is used as given, but a count
cannot be negative, so it is most likely a typing slip."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from sakip.model.findings import Finding, Severity
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.values.display import as_written

NOT_A_COUNT = re.compile(r"%|persen|poin|point|indeks|index|nilai|rasio|skor|score|laju|rate", re.I)
"""Units whose values may be negative (a change of a rate, an index): no warning for them."""


def check(ctx: ReviewContext) -> Iterator[Finding]:
    data = ctx.values.data
    for measurement in data.measurements:
        indicator = data.indicator(measurement.indicator)
        if not indicator.unit or NOT_A_COUNT.search(indicator.unit):
            continue
        for name, value in (("target", measurement.target), ("actual value", measurement.actual)):
            if isinstance(value, Decimal) and value < 0:
                yield ctx.finding(
                    Severity.WARNING,
                    (),
                    as_written(value),
                    None,
                    ctx.say(
                        "The agency's data gives indicator {indicator} a {period} {measure} of "
                        "{value} {unit}: a count cannot be negative.",
                        indicator=indicator.code,
                        period=measurement.period,
                        measure=ctx.say(name),
                        value=as_written(value),
                        unit=indicator.unit,
                    ),
                )


CHECK = CheckSpec(
    code="SK606",
    name="data.negative",
    severities=Severity.WARNING,
    description="A count below zero in the agency's data (people, companies, documents).",
    run=check,
)
