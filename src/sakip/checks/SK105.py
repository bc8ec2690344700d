"""SK105 derived.packed_parts: a figure whose cell lists its parts beside it, each with its
label (``38 Orang 27 (Deportasi) 11 (Meninggal)``), that the parts do not add up to. The
expected value is their sum, as for a total printed over its parts (SK201)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from sakip.errors import NumberError
from sakip.model.findings import Finding, Severity
from sakip.model.printed import Figure
from sakip.numbers import parse_number
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.values.display import as_written

_PART = r"(\d[\d.,]*)\s*\(\s*([^\W\d_][^()]*?)\s*\)"
_PACKED = re.compile(
    rf"^\s*-?\d[\d.,]*\s*(?:%|[^\W\d_]+\.?)?\s*(?P<parts>(?:{_PART}\s*[,;]?\s*){{2,}})$"
)
"""A figure, its unit, then at least two parts: a number and its label in parentheses."""
MIN_PARTS = 2


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for figure in ctx.figures:
        parts = packed_parts(figure.text)
        if not parts:
            continue
        added = sum((value for _, value in parts), start=Decimal(0))
        if added == figure.value:
            continue
        yield ctx.finding(
            Severity.ERROR,
            (figure.place,),
            figure.text,
            added,
            _message(ctx, figure, parts, added),
        )


def packed_parts(text: str) -> list[tuple[str, Decimal]]:
    """The labelled parts a cell lists after its figure, each with its value; none for a cell
    that lists fewer than two or writes anything else after them."""
    match = _PACKED.match(text)
    if match is None:
        return []
    try:
        return [
            (label, parse_number(number)) for number, label in re.findall(_PART, match["parts"])
        ]
    except NumberError:  # a part in no Indonesian form: not read as some other number
        return []


def _message(
    ctx: ReviewContext, figure: Figure, parts: list[tuple[str, Decimal]], added: Decimal
) -> str:
    listed = " + ".join(f"{as_written(value)} ({label})" for label, value in parts)
    return ctx.say(
        "{printed} lists its parts beside it, {parts} = {added}, not {figure}.",
        printed=figure.text,
        parts=listed,
        added=as_written(added),
        figure=as_written(figure.value),
    )


CHECK = CheckSpec(
    code="SK105",
    name="derived.packed_parts",
    severities=Severity.ERROR,
    description="A figure whose cell lists its labelled parts beside it is not their sum.",
    run=check,
)
