"""How the printed figures of a report relate within their tables.

A rate (achievement, absorption) follows from its two inputs when both are printed in its
table; a qualitative indicator's achievement from the grades printed beside it; a year's
value from its four quarters printed in its row, and a Renstra realisation to date from last
year's and this year's, by the indicator's aggregation; a total follows from its parts when
each part, or the parts of that part, is printed there. Such a figure is checked against the figures it follows from; every other figure is
a *base* figure, checked against the same quantity elsewhere and against the data. Which
entities add up to which is the value model's (:meth:`~sakip.ValueModel.parts`); this module
only finds those parts among the printed figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from attrs import frozen

from sakip.arithmetic import ZERO
from sakip.model.indicators import Aggregation
from sakip.model.periods import Period
from sakip.model.printed import Figure, Label
from sakip.model.subjects import RATE_INPUTS, Measure, Subject
from sakip.rounding import RoundingPolicy
from sakip.values.model import ValueModel


class TableFigures:
    """The figures (and labels) of one table, found by subject (the one in a given row
    first)."""

    def __init__(self, figures: Iterable[Figure], labels: Iterable[Label] = ()) -> None:
        self._figures = tuple(figures)
        self._by_subject: dict[Subject, list[Figure]] = defaultdict(list)
        for figure in self._figures:
            self._by_subject[figure.subject].append(figure)
        self._labels: dict[tuple[Subject, int], Label] = {
            (label.subject, label.place.row): label for label in labels
        }

    def find_label(self, subject: Subject, row: int) -> Label | None:
        """The label printed for ``subject`` in ``row``."""
        return self._labels.get((subject, row))

    def figures(self) -> tuple[Figure, ...]:
        """The table's figures, top to bottom, left to right."""
        return self._figures

    def find_in_row(self, subject: Subject, row: int) -> Figure | None:
        """The figure printed for ``subject`` in ``row``, and nowhere else."""
        return next((f for f in self._by_subject.get(subject, []) if f.place.row == row), None)

    def find(self, subject: Subject, row: int | None = None) -> Figure | None:
        found = self._by_subject.get(subject, [])
        same_row = [figure for figure in found if figure.place.row == row]
        candidates = same_row or found
        return candidates[0] if candidates else None


@frozen
class Rate:
    """A rate printed with both its inputs: (target, actual) or (allocation, spending)."""

    figure: Figure
    inputs: tuple[Figure, Figure]

    def value(self, values: ValueModel, rounding: RoundingPolicy | None = None) -> Decimal | None:
        """The rate its printed inputs give under the agency's rules (another rounding if
        asked); ``None`` when the rules give none (a zero denominator)."""
        first, second = self.inputs
        return values.rate(self.figure.subject, (first.value, second.value), rounding)


@frozen
class Total:
    """A total printed with all its parts (or their parts)."""

    figure: Figure
    parts: tuple[Figure, ...]

    @property
    def value(self) -> Decimal:
        """The sum of the parts as printed."""
        return sum((part.value for part in self.parts), ZERO)


@frozen
class GradeRate:
    """A qualitative indicator's achievement printed beside its target and actual grades."""

    figure: Figure
    grades: tuple[Label, Label]

    def value(self, values: ValueModel) -> Decimal | None:
        """The achievement the printed grades give under the indicator's grade rule."""
        target, actual = self.grades
        return values.grade_achievement(self.figure.subject.entity, target.text, actual.text)


@frozen
class Aggregate:
    """A value printed with the values it combines, by the indicator's aggregation: a year
    with its four quarters, or a realisation to date with last year's to date and this
    year's."""

    figure: Figure
    parts: tuple[Figure, ...]
    how: Aggregation

    def value(self, values: ValueModel) -> Decimal:
        """What the printed parts give under the indicator's aggregation."""
        return values.combine([part.value for part in self.parts], self.how)


Derivation = Rate | GradeRate | Aggregate | Total


def derivation(figure: Figure, table: TableFigures, values: ValueModel) -> Derivation | None:
    """How ``figure`` follows from the other figures of its table, if it does."""
    subject, row = figure.subject, figure.place.row
    if subject.measure is Measure.ACHIEVEMENT and values.is_qualitative(subject.entity):
        grades = [
            table.find_label(subject.having(m), row) for m in (Measure.TARGET, Measure.ACTUAL)
        ]
        target, actual = grades
        return GradeRate(figure, (target, actual)) if target and actual else None
    if subject.measure in RATE_INPUTS:
        first, second = (
            table.find(subject.having(measure), row) for measure in RATE_INPUTS[subject.measure]
        )
        return Rate(figure, (first, second)) if first and second else None
    aggregate = _aggregate(figure, table, values)
    if aggregate is not None:
        return aggregate
    parts = _cover(subject, table, values)
    return Total(figure, tuple(parts)) if parts else None


def _aggregate(figure: Figure, table: TableFigures, values: ValueModel) -> Aggregate | None:
    subject, row = figure.subject, figure.place.row
    how = values.aggregation(subject.entity)
    if how is None or not subject.period.is_year:
        return None
    if subject.measure in (Measure.TARGET, Measure.ACTUAL):
        found = [
            table.find_in_row(subject.at(quarter), row) for quarter in subject.period.quarters()
        ]
    elif subject.measure is Measure.TO_DATE and how is not Aggregation.AVERAGE:
        # To date = last year's to date with this year's added (cumulative), or this year's.
        before = subject.at(Period(subject.period.year - 1))
        found = [
            table.find_in_row(before, row),
            table.find_in_row(subject.having(Measure.ACTUAL), row),
        ]
    else:
        return None
    parts = [part for part in found if part is not None]
    return Aggregate(figure, tuple(parts), how) if len(parts) == len(found) else None


def _cover(subject: Subject, table: TableFigures, values: ValueModel) -> list[Figure] | None:
    """The printed figures that add up to ``subject``: each part as printed, or else its own
    parts; ``None`` when some part is printed at no level of the table."""
    parts = values.parts(subject)
    if not parts:
        return None
    cover: list[Figure] = []
    for entity in parts:
        printed = table.find(subject.of(entity))
        if printed is not None:
            cover.append(printed)
            continue
        below = _cover(subject.of(entity), table, values)
        if below is None:
            return None
        cover.extend(below)
    return cover
