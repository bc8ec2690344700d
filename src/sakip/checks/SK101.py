"""SK101 derived.rate: an achievement or absorption that does not follow from the inputs
printed beside it — an error, or a warning when another rounding explains it (naming that
rounding) or when it follows from an input before that input was rounded for printing
(0,3358 printed 0,34: 0,3358 / 0,53 gives the printed 63,36)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip.model.findings import Finding, Severity
from sakip.model.printed import Figure
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.reviewing.structure import Rate
from sakip.rounding import RoundingMode, RoundingPolicy
from sakip.values.display import as_written
from sakip.values.model import ValueModel

EXACT_PLACES = 12
"""Decimals kept when a rate is worked out at the ends of an input's rounding interval."""


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
        rounded = [] if explains else _rounded_inputs(values, rate, figure)
        if rounded:
            yield ctx.finding(
                Severity.WARNING,
                places,
                figure.text,
                expected,
                ctx.say(
                    "{printed} does not follow from {inputs}, which give {expected}; it follows "
                    "from {columns} before rounding: a value printed as {input} gives "
                    "{printed}.",
                    printed=figure.text,
                    inputs=inputs,
                    expected=as_written(expected),
                    columns=ctx.say(" or ").join(i.place.column for i in rounded),
                    input=ctx.say(" or ").join(i.text for i in rounded),
                ),
            )
        elif explains is None:
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


def _rounded_inputs(values: ValueModel, rate: Rate, figure: Figure) -> list[Figure]:
    """The inputs printed with decimals whose unrounded value can give the printed rate: the
    rate at both ends of an input's rounding interval (half a printed unit either side)
    brackets the printed rate. Inputs printed as whole numbers are taken as exact."""
    found = []
    exact = RoundingPolicy(values.rounding.mode, EXACT_PLACES)
    half_rate = Decimal(5).scaleb(-figure.decimals - 1)
    for position, printed in enumerate(rate.inputs):
        if printed.decimals == 0:
            continue
        half = Decimal(5).scaleb(-printed.decimals - 1)
        ends = []
        for end in (printed.value - half, printed.value + half):
            inputs = [i.value for i in rate.inputs]
            inputs[position] = end
            ends.append(values.rate(figure.subject, (inputs[0], inputs[1]), exact))
        if None in ends:
            continue
        low, high = sorted(end for end in ends if end is not None)
        if low - half_rate <= figure.value <= high + half_rate:
            found.append(printed)
    return found


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
    if policy.places == 1:
        return ctx.say("{mode} to 1 decimal", mode=mode)
    return ctx.say("{mode} to {places} decimals", mode=mode, places=policy.places)


CHECK = CheckSpec(
    code="SK101",
    name="derived.rate",
    severities=(Severity.ERROR, Severity.WARNING),
    description="An achievement or absorption does not follow from the target and actual, "
    "or allocation and spending, printed beside it.",
    run=check,
)
