"""SK101: an achievement or absorption that does not follow from the inputs printed beside it,
and whether another rounding explains it."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.builtins.checks._common import finding
from sakip.review.context import ReviewContext, as_written
from sakip.review.derive import Rate
from sakip.review.findings import Finding, Severity
from sakip.review.report import Figure
from sakip.rounding import RoundingMode, RoundingPolicy


def check_rates(ctx: ReviewContext) -> Iterator[Finding]:
    structure = ctx.structure
    for figure in ctx.figures:
        rate = ctx.derivations[figure.place]
        if not isinstance(rate, Rate):
            continue
        expected = rate.value(structure)
        if expected is None or expected == figure.value:
            continue
        if figure.shows(structure.reference(figure.subject)):
            continue  # it follows the data: one of its inputs is misprinted, reported there
        inputs = ", ".join(f"{i.place.column} {i.text}" for i in rate.inputs)
        places = (figure.place, *(i.place for i in rate.inputs))
        explains = next(
            (
                r
                for r in _other_roundings(structure.rounding, figure)
                if rate.value(structure, r) == figure.value
            ),
            None,
        )
        if explains is None:
            yield finding(
                "SK101",
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
            yield finding(
                "SK101",
                Severity.WARNING,
                places,
                figure.text,
                expected,
                ctx.say(
                    "{printed} does not follow from {inputs} under the agency's rounding "
                    "({policy}), which gives {expected}; {other} gives {printed}.",
                    printed=figure.text,
                    inputs=inputs,
                    policy=_rounding_name(ctx, structure.rounding),
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
