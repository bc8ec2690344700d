"""SK301 quantity.conflict: the same quantity printed with different values in different
places. The value the agency's data gives decides which is right (else the majority of the
places), and a total that carries the misprint into its own figure is named in the same
finding, with both printed totals."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from sakip.checks._quantities import by_value, hint
from sakip.model.findings import Finding, Severity
from sakip.model.printed import Figure
from sakip.model.subjects import Subject
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.reviewing.structure import Total
from sakip.values.display import as_written


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for subject, figures in ctx.quantities.items():
        groups = by_value(figures)
        if len(groups) < 2:
            continue
        expected = ctx.values.value(subject)
        if expected is not None:
            yield from _against_data(ctx, subject, figures, expected)
            continue
        majority = _majority(groups)
        if majority is not None:
            right = groups[majority]
            for value, wrong in groups.items():
                if value != majority:
                    yield _conflict(ctx, subject, wrong, right, majority, source="")
            continue
        yield ctx.finding(
            Severity.ERROR,
            tuple(f.place for f in figures),
            figures[0].text,
            None,
            ctx.say(
                "The same quantity is printed as {values}; neither the agency's data nor a "
                "majority of the places shows which is right.",
                values=", ".join(dict.fromkeys(f.text for f in figures)),
            ),
        )


def _against_data(
    ctx: ReviewContext, subject: Subject, figures: list[Figure], expected: Decimal
) -> Iterator[Finding]:
    """One finding per value printed that does not show the data's value."""
    right = [f for f in figures if f.shows(expected)]
    for wrong in by_value(f for f in figures if not f.shows(expected)).values():
        if right:
            source = ctx.say(" and in the agency's data")
            yield _conflict(ctx, subject, wrong, right, expected, source=source)
            continue
        others = [f for f in figures if f.value != wrong[0].value]
        carried = _carried(ctx, wrong)
        yield ctx.finding(
            Severity.ERROR,
            (*(f.place for f in wrong), *(f.place for f in carried)),
            wrong[0].text,
            expected,
            ctx.say(
                "Printed as {printed} here and as {others} in {tables}; the agency's data "
                "gives {expected}.{hint}",
                printed=wrong[0].text,
                others=", ".join(dict.fromkeys(f.text for f in others)),
                tables=ctx.tables_of(others),
                expected=as_written(expected),
                hint=hint(ctx, subject, wrong[0]),
            )
            + _carried_message(ctx, carried),
        )


def _conflict(
    ctx: ReviewContext,
    subject: Subject,
    wrong: list[Figure],
    right: list[Figure],
    expected: Decimal,
    *,
    source: str,
) -> Finding:
    carried = _carried(ctx, wrong)
    return ctx.finding(
        Severity.ERROR,
        (*(f.place for f in wrong), *(f.place for f in right), *(f.place for f in carried)),
        wrong[0].text,
        expected,
        ctx.say(
            "Printed as {printed} here, but as {expected} in {tables}{source}.{hint}",
            printed=wrong[0].text,
            expected=right[0].text,
            tables=ctx.tables_of(right),
            source=source,
            hint=hint(ctx, subject, wrong[0]),
        )
        + _carried_message(ctx, carried),
    )


def _carried(ctx: ReviewContext, wrong: Sequence[Figure]) -> list[Figure]:
    """The printed totals that add up a misprinted figure (or a total that does) and so
    print a wrong total themselves."""
    tainted = {figure.place for figure in wrong}
    carried: list[Figure] = []
    while True:  # until a round finds no more: a total may be printed before its parts' total
        found_before = len(carried)
        for figure in ctx.figures:
            total = ctx.derivations[figure.place]
            if figure.place in tainted or not isinstance(total, Total):
                continue
            if any(part.place in tainted for part in total.parts) and not figure.shows(
                ctx.expected(figure)
            ):
                tainted.add(figure.place)
                carried.append(figure)
        if len(carried) == found_before:
            return carried


def _carried_message(ctx: ReviewContext, carried: list[Figure]) -> str:
    """`` It is carried into the total JUMLAH, printed 91.682.291 in tables 3.4 and 3.5,
    where table 3.6 prints 91.682.691.``, once per total quantity."""
    sentences = []
    by_quantity: dict[Subject, list[Figure]] = {}
    for figure in carried:
        by_quantity.setdefault(ctx.quantity(figure), []).append(figure)
    for quantity, wrong in by_quantity.items():
        expected = ctx.values.value(quantity)
        right = [f for f in ctx.figures if ctx.quantity(f) == quantity and f.shows(expected)]
        if right:
            sentences.append(
                ctx.say(
                    " It is carried into the total {label}, printed {printed} in {tables}, "
                    "where {right_tables} prints {right}.",
                    label=wrong[0].place.label,
                    printed=wrong[0].text,
                    tables=ctx.tables_of(wrong),
                    right_tables=ctx.tables_of(right),
                    right=right[0].text,
                )
            )
        else:
            sentences.append(
                ctx.say(
                    " It is carried into the total {label}, printed {printed} in {tables}; "
                    "the agency's data gives {expected}.",
                    label=wrong[0].place.label,
                    printed=wrong[0].text,
                    tables=ctx.tables_of(wrong),
                    expected=as_written(expected),
                )
            )
    return "".join(sentences)


def _majority(groups: dict[Decimal, list[Figure]]) -> Decimal | None:
    total = sum(len(group) for group in groups.values())
    return next((value for value, group in groups.items() if 2 * len(group) > total), None)


CHECK = CheckSpec(
    code="SK301",
    name="quantity.conflict",
    severities=Severity.ERROR,
    description="The same quantity is printed with different values in different places.",
    run=check,
)
