"""SK702 document.unread_number: a figure printed in no number form (``1.750.00``,
``3.00.000``: a digit short, a separator out of place), in a report read from its file. It is
a misprint, never read as some other number. Where its row pins it, the finding gives the
number meant: a rate's value from the inputs printed beside it; an input's, when exactly one
of the numbers its digits make (as printed, or with its group of the wrong length mended)
gives the rate printed beside it with the other input; when several do, the finding says
between which they lie and gives no expected value."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from sakip.model.findings import Finding, Severity
from sakip.model.printed import Figure, Place, Unread
from sakip.model.subjects import RATE_INPUTS
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.rounding import RoundingMode, RoundingPolicy
from sakip.values.display import as_written

EXACT_PLACES = 12
_WHOLE_DIGITS = re.compile(r"^\s*(?:rp\.?\s*)?(\d[\d.]*)", re.IGNORECASE)
"""A misprinted whole number: digits and dots (``1.750.00``); one with a comma is left
unsolved, its decimals being unknown."""
_RATE_OF = {
    inputs[position]: (rate, position)
    for rate, inputs in RATE_INPUTS.items()
    for position in (0, 1)
}


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for unread in ctx.report.unread:
        solved = _as_rate(ctx, unread) or _as_input(ctx, unread)
        if solved is None:
            yield ctx.finding(
                Severity.ERROR,
                (unread.place,),
                unread.text,
                None,
                ctx.say(
                    "{printed} is no number in either form (1.234,5 or 1,234.5): a misprint, "
                    "left unread; nothing printed beside it tells which number was meant.",
                    printed=unread.text,
                ),
            )
            continue
        expected, beside, message = solved
        yield ctx.finding(Severity.ERROR, (unread.place, *beside), unread.text, expected, message)


_Solved = tuple[Decimal | None, tuple[Place, ...], str]


def _as_rate(ctx: ReviewContext, unread: Unread) -> _Solved | None:
    """A misprinted rate: the value its inputs printed in its row give."""
    inputs = RATE_INPUTS.get(unread.subject.measure)
    if inputs is None:
        return None
    table = ctx.tables[unread.place.table]
    found = [table.find_in_row(unread.subject.having(m), unread.place.row) for m in inputs]
    first, second = found
    if first is None or second is None:
        return None
    expected = ctx.values.rate(unread.subject, (first.value, second.value))
    if expected is None:
        return None
    return (
        expected,
        (first.place, second.place),
        ctx.say(
            "{printed} is no number in either form (1.234,5 or 1,234.5): a misprint; {inputs} "
            "printed beside it give {expected}.",
            printed=unread.text,
            inputs=f"{first.place.column} {first.text}, {second.place.column} {second.text}",
            expected=as_written(expected),
        ),
    )


def _as_input(ctx: ReviewContext, unread: Unread) -> _Solved | None:
    """A misprinted input: the one number its digits make that gives the printed rate."""
    if unread.subject.measure not in _RATE_OF:
        return None
    rate_measure, position = _RATE_OF[unread.subject.measure]
    other_measure = RATE_INPUTS[rate_measure][1 - position]
    table = ctx.tables[unread.place.table]
    rate = table.find_in_row(unread.subject.having(rate_measure), unread.place.row)
    other = table.find_in_row(unread.subject.having(other_measure), unread.place.row)
    if rate is None or other is None:
        return None
    fitting = [
        candidate
        for candidate in digit_variants(unread.text)
        if _gives(ctx, rate, other, candidate, position)
    ]
    if len(fitting) > 1:
        return (
            None,
            (rate.place, other.place),
            ctx.say(
                "{printed} is no number in either form (1.234,5 or 1,234.5): a misprint. "
                "{count} numbers its digits make give {rate_column} {rate} with "
                "{other_column} {other}, from {low} to {high}: which was meant cannot be told.",
                printed=unread.text,
                count=len(fitting),
                rate_column=rate.place.column,
                rate=rate.text,
                other_column=other.place.column,
                other=other.text,
                low=as_written(fitting[0]),
                high=as_written(fitting[-1]),
            ),
        )
    if not fitting:
        return None
    (expected,) = fitting
    return (
        expected,
        (rate.place, other.place),
        ctx.say(
            "{printed} is no number in either form (1.234,5 or 1,234.5): a misprint. Of the "
            "numbers its digits make, as printed or with a group mended, only {expected} "
            "gives {rate_column} {rate} with {other_column} {other}.",
            printed=unread.text,
            expected=as_written(expected),
            rate_column=rate.place.column,
            rate=rate.text,
            other_column=other.place.column,
            other=other.text,
        ),
    )


def _gives(
    ctx: ReviewContext, rate: Figure, other: Figure, candidate: Decimal, position: int
) -> bool:
    """Whether ``candidate`` in the input's place gives the printed rate, rounded half up
    or truncated to the decimals printed."""
    inputs = (candidate, other.value) if position == 0 else (other.value, candidate)
    exact = ctx.values.rate(rate.subject, inputs, RoundingPolicy(places=EXACT_PLACES))
    if exact is None:
        return False
    places = min(rate.decimals, EXACT_PLACES)
    return any(
        RoundingPolicy(mode, places).apply(exact) == rate.value
        for mode in (RoundingMode.HALF_UP, RoundingMode.TRUNCATE)
    )


def digit_variants(text: str) -> list[Decimal]:
    """The whole numbers a misprinted number's groups make: its digits as printed (the
    dots out of place), and each group of the wrong length mended — a two-digit group with
    a digit added, a four-digit one with a digit left out (``3.00.000``: 300.000, and
    3.d00.000, 3.0d0.000, 3.00d.000 for every digit d)."""
    match = _WHOLE_DIGITS.match(text)
    if match is None or "," in text[match.end() : match.end() + 1]:
        return []
    groups = match[1].strip(".").split(".")
    found = {"".join(groups)}
    for index, group in enumerate(groups[1:], 1):
        if len(group) == 2:
            mended = [group[:at] + d + group[at:] for at in range(3) for d in "0123456789"]
        elif len(group) == 4:
            mended = [group[:at] + group[at + 1 :] for at in range(4)]
        else:
            continue
        found.update("".join([*groups[:index], fix, *groups[index + 1 :]]) for fix in mended)
    return sorted(Decimal(variant) for variant in found if variant)


CHECK = CheckSpec(
    code="SK702",
    name="document.unread_number",
    severities=Severity.ERROR,
    description="A figure of a report read from its file is printed in no number form "
    "(1.750.00): a misprint, with the number meant where its row pins it.",
    run=check,
)
