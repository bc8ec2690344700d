"""SK401: a level whose achievement contradicts the levels below it in the same table."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip.builtins.checks._common import finding
from sakip.model.figures import Measure
from sakip.review.context import ReviewContext, as_written
from sakip.review.findings import Finding, Severity
from sakip.review.report import Figure

HUNDRED = Decimal(100)


def check_cascade(ctx: ReviewContext) -> Iterator[Finding]:
    for table in ctx.report.tables:
        achieved = _achievements(ctx, table.id)
        for parent, (value, figure) in achieved.items():
            children = [achieved[c] for c in ctx.structure.children(parent) if c in achieved]
            if not children:
                continue
            met = value >= HUNDRED
            children_met = [child >= HUNDRED for child, _ in children]
            if met == any(children_met) or (not met and not all(children_met)):
                continue
            shown = "; ".join(as_written(child) for child, _ in children)
            if met:
                message = ctx.say(
                    "The target is met here (achievement {parent}), but at no level below it "
                    "({children}).",
                    parent=as_written(value),
                    children=shown,
                )
            else:
                message = ctx.say(
                    "The target is missed here (achievement {parent}), but met at every level "
                    "below it ({children}).",
                    parent=as_written(value),
                    children=shown,
                )
            yield finding(
                "SK401",
                Severity.WARNING,
                (figure.place, *(f.place for _, f in children)),
                as_written(value),
                shown,
                message,
            )


def _achievements(ctx: ReviewContext, table_id: str) -> dict[str, tuple[Decimal, Figure]]:
    """Each indicator's achievement in one table: as printed, or from its printed target
    and actual; with the figure it is read from."""
    found: dict[str, tuple[Decimal, Figure]] = {}
    for figure in ctx.figures:
        subject = figure.subject
        if figure.place.table != table_id or subject.period.year != ctx.report.year:
            continue
        if subject.measure is Measure.ACHIEVEMENT:
            found[subject.entity] = (figure.value, figure)
        elif subject.measure is Measure.ACTUAL and subject.entity not in found:
            target = ctx.tables[table_id].find(subject.having(Measure.TARGET), figure.place.row)
            if target is None:
                continue
            value = ctx.structure.achievement(subject.entity, target.value, figure.value)
            if value is not None:
                found[subject.entity] = (value, figure)
    return found
