"""SK101 derived.rate: an achievement or absorption that does not follow from the inputs
printed beside it — an error, or a warning when another rounding explains it, naming that
rounding."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.model.findings import Finding, Severity
from sakip.model.printed import Figure
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.reviewing.structure import Rate
from sakip.rounding import RoundingMode, RoundingPolicy
from sakip.values.display import as_written


def check(ctx: ReviewContext) -> Iterator[Finding]:
    values = ctx.values
    for figure in ctx.figures:
        rate = ctx.derivations[figure.place]
        if not isinstance(rate, Rate):
            continue
        expected = rate.value(values)
        if expected is None or expected == figure.value:
            continue
        if figure.shows(ctx.expected(figure)):
            continue  # it follows the data: one of its inputs is misprinted, reported there
        inputs = ", ".join(f"{i.place.column} {i.text}" for i in rate.inputs)
        places = (figure.place, *(i.place for i in rate.inputs))
        explains = next(
            (
                r
                for r in _other_roundings(values.rounding, figure)
                if rate.value(values, r) == figure.value
            ),
            None,
        )
        if explains is None:
            yield ctx.finding(
                Severity.ERROR,
                places,
                figure.text,
                expected,
                ctx.say(
                    "{printed} does not follow from {inputs}: the agency's rules give {expected}, "
                    "and no other rounding gives {printed}.",
                    printed=figure.text,
                    inputs=inputs,
                    expected=as_written(expected),
                ),
            )
        else:
            yield ctx.finding(
                Severity.WARNING,
                places,
                figure.text,
                expected,
                ctx.say(
                    "{printed} does not follow from {inputs} under the agency's rounding "
                    "({policy}), which gives {expected}; {other} gives {printed}.",
                    printed=figure.text,
                    inputs=inputs,
                    policy=_rounding_name(ctx, values.rounding),
                    expected=as_written(expected),
                    other=_rounding_name(ctx, explains),
                ),
            )


def _other_roundings(agency: RoundingPolicy, figure: Figure) -> Iterator[RoundingPolicy]:
    """Every rounding to the agency's decimals or to the decimals printed, but the agency's."""
    printed = figure.decimals
    for places in dict.fromkeys((agency.places, printed)):
        for mode in RoundingMode:
            policy = RoundingPolicy(mode, places)
            if policy != agency:
                yield policy


def _rounding_name(ctx: ReviewContext, policy: RoundingPolicy) -> str:
    mode = {
        RoundingMode.HALF_UP: ctx.say("rounding half up"),
        RoundingMode.HALF_EVEN: ctx.say("rounding half to even"),
        RoundingMode.TRUNCATE: ctx.say("truncating"),
    }[policy.mode]
    return ctx.say("{mode} to {places} decimals", mode=mode, places=policy.places)


CHECK = CheckSpec(
    code="SK101",
    name="derived.rate",
    severities=(Severity.ERROR, Severity.WARNING),
    description="An achievement or absorption does not follow from the target and actual, "
    "or allocation and spending, printed beside it.",
    run=check,
)
