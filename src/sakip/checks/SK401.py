"""SK401 cascade.achievement: a level whose achievement contradicts the levels below it in the
same table — it meets its target while no level below meets theirs, or misses it while every
level below meets theirs. A warning: the levels measure different things, but an auditor
should ask why."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from attrs import frozen

from sakip.arithmetic import HUNDRED
from sakip.model.findings import Finding, Severity
from sakip.model.printed import Figure
from sakip.model.subjects import Measure
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.values.display import as_written


@frozen
class _Level:
    """One level's achievement in a table: printed, or implied by its printed target and
    actual value."""

    achievement: Decimal
    figure: Figure
    """The figure it is read from: the printed achievement, else the printed actual value."""
    target: Figure | None = None
    """The printed target, when the achievement is implied rather than printed."""

    @property
    def met(self) -> bool:
        return self.achievement >= HUNDRED

    def describe(self, ctx: ReviewContext) -> str:
        """What the level prints and implies: ``82 of 90 Perusahaan, 91,11 %``, or the
        achievement as printed."""
        if self.target is None:
            return ctx.say("achievement {printed}", printed=self.figure.text)
        return ctx.say(
            "{actual} of {target}, {achievement} %",
            actual=as_written(self.figure.value),
            target=self.target.text,
            achievement=as_written(self.achievement),
        )

    def named(self, ctx: ReviewContext) -> str:
        label = self.figure.place.label
        return f"{label}: {self.describe(ctx)}" if label else self.describe(ctx)


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for table in ctx.report.tables:
        levels = _levels(ctx, table.id)
        for entity, level in levels.items():
            below = [levels[c] for c in ctx.values.children(entity) if c in levels]
            if not below:
                continue
            below_met = [child.met for child in below]
            if level.met == any(below_met) or (not level.met and not all(below_met)):
                continue
            children = "; ".join(child.named(ctx) for child in below)
            if level.met:
                message = ctx.say(
                    "Printed here: {printed}, which meets the target; but no level below "
                    "meets its own: {children}.",
                    printed=level.describe(ctx),
                    children=children,
                )
            else:
                message = ctx.say(
                    "Printed here: {printed}, which misses the target; but every level below "
                    "meets its own: {children}.",
                    printed=level.describe(ctx),
                    children=children,
                )
            yield ctx.finding(
                Severity.WARNING,
                (level.figure.place, *(child.figure.place for child in below)),
                level.figure.text,
                "; ".join(as_written(child.achievement) for child in below),
                message,
            )


def _levels(ctx: ReviewContext, table_id: str) -> dict[str, _Level]:
    """Each entity's level in one table, from the figures of the report's year."""
    found: dict[str, _Level] = {}
    for figure in ctx.tables[table_id].figures():
        subject = figure.subject
        if subject.period.year != ctx.report.year:
            continue
        if subject.measure is Measure.ACHIEVEMENT:
            found[subject.entity] = _Level(figure.value, figure)
        elif subject.measure is Measure.ACTUAL and subject.entity not in found:
            target = ctx.tables[table_id].find(subject.having(Measure.TARGET), figure.place.row)
            if target is None:
                continue
            value = ctx.values.rate(
                subject.having(Measure.ACHIEVEMENT), (target.value, figure.value)
            )
            if value is not None:
                found[subject.entity] = _Level(value, figure, target)
    return found


CHECK = CheckSpec(
    code="SK401",
    name="cascade.achievement",
    severities=Severity.WARNING,
    description="A level meets its target while no level below it does, or misses it "
    "while every level below it meets theirs.",
    run=check,
)
