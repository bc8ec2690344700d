"""SK301 and SK302: one quantity printed with different values, or printed alike but not as
the agency's data gives it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal

from sakip.builtins.checks._common import finding
from sakip.model.budget import BudgetStage
from sakip.model.figures import Subject
from sakip.model.periods import Period
from sakip.review.context import ReviewContext, as_written
from sakip.review.findings import Finding, Severity
from sakip.review.report import Figure


def _quantities(ctx: ReviewContext) -> dict[Subject, list[Figure]]:
    groups: dict[Subject, list[Figure]] = defaultdict(list)
    for figure in ctx.base_figures():
        groups[figure.subject].append(figure)
    return groups


def check_conflicts(ctx: ReviewContext) -> Iterator[Finding]:
    for subject, figures in _quantities(ctx).items():
        if len(_by_value(figures)) < 2:
            continue
        reference = ctx.structure.reference(subject)
        if reference is not None:
            yield from _against_data(ctx, subject, figures, reference)
            continue
        majority = _majority(_by_value(figures))
        if majority is not None:
            right = [f for f in figures if f.value == majority]
            for wrong in _by_value(f for f in figures if f.value != majority).values():
                yield _conflict(ctx, subject, wrong, right, majority, source="")
            continue
        yield finding(
            "SK301",
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
    ctx: ReviewContext, subject: Subject, figures: list[Figure], reference: Decimal
) -> Iterator[Finding]:
    """One finding per value printed that does not show the data's value."""
    right = [f for f in figures if f.shows(reference)]
    wrong_groups = _by_value(f for f in figures if not f.shows(reference)).values()
    for wrong in wrong_groups:
        if right:
            source = ctx.say(" and in the agency's data")
            yield _conflict(ctx, subject, wrong, right, reference, source=source)
            continue
        others = [f for f in figures if f.value != wrong[0].value]
        yield finding(
            "SK301",
            Severity.ERROR,
            tuple(f.place for f in wrong),
            wrong[0].text,
            reference,
            ctx.say(
                "Printed as {printed} here and as {others} in {tables}; the agency's data "
                "gives {expected}.{hint}",
                printed=wrong[0].text,
                others=", ".join(dict.fromkeys(f.text for f in others)),
                tables=ctx.tables_of(others),
                expected=as_written(reference),
                hint=_hint(ctx, subject, wrong[0]),
            ),
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
    return finding(
        "SK301",
        Severity.ERROR,
        (*(f.place for f in wrong), *(f.place for f in right)),
        wrong[0].text,
        expected,
        ctx.say(
            "Printed as {printed} here, but as {expected} in {tables}{source}.{hint}",
            printed=wrong[0].text,
            expected=right[0].text,
            tables=ctx.tables_of(right),
            source=source,
            hint=_hint(ctx, subject, wrong[0]),
        ),
    )


def check_data(ctx: ReviewContext) -> Iterator[Finding]:
    for subject, figures in _quantities(ctx).items():
        reference = ctx.structure.reference(subject)
        if len(_by_value(figures)) != 1 or reference is None or figures[0].shows(reference):
            continue
        yield finding(
            "SK302",
            Severity.ERROR,
            tuple(f.place for f in figures),
            figures[0].text,
            reference,
            ctx.say(
                "Printed as {printed}, but the agency's data gives {expected}.{hint}",
                printed=figures[0].text,
                expected=as_written(reference),
                hint=_hint(ctx, subject, figures[0]),
            ),
        )


def _by_value(figures: Iterable[Figure]) -> dict[Decimal, list[Figure]]:
    groups: dict[Decimal, list[Figure]] = defaultdict(list)
    for figure in figures:
        groups[figure.value].append(figure)
    return dict(groups)


def _majority(by_value: dict[Decimal, list[Figure]]) -> Decimal | None:
    total = sum(len(group) for group in by_value.values())
    return next((value for value, group in by_value.items() if 2 * len(group) > total), None)


def _hint(ctx: ReviewContext, subject: Subject, figure: Figure) -> str:
    """`` 88,73 is the value for 2022.``: the quantity a misprint most likely copied."""
    year = subject.period.year
    for period in (Period(year - 1), Period(year + 1)):
        other = Subject(subject.entity, subject.measure, period, subject.stage)
        if figure.shows(ctx.structure.reference(other)):
            return ctx.say(
                " {printed} is the value for {period}.", printed=figure.text, period=period
            )
    if subject.stage is not None:
        for stage in BudgetStage:
            other = Subject(subject.entity, subject.measure, subject.period, stage)
            if stage is not subject.stage and figure.shows(ctx.structure.reference(other)):
                return ctx.say(
                    " {printed} is the value in the {stage}.",
                    printed=figure.text,
                    stage=_stage_name(ctx, stage),
                )
    return ""


def _stage_name(ctx: ReviewContext, stage: BudgetStage) -> str:
    if stage is BudgetStage.INITIAL:
        return ctx.say("initial budget (APBD murni)")
    return ctx.say("revised budget (APBD perubahan)")
