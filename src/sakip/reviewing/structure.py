"""How the printed figures of a report relate within their tables.

A rate (achievement, absorption) follows from its two inputs when both are printed in its
table; a total follows from its parts when each part, or the parts of that part, is printed
there. Such a figure is checked against the figures it follows from; every other figure is
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
from sakip.model.printed import Figure
from sakip.model.subjects import RATE_INPUTS, Subject
from sakip.rounding import RoundingPolicy
from sakip.values.model import ValueModel


class TableFigures:
    """The figures of one table, found by subject (the one in a given row first)."""

    def __init__(self, figures: Iterable[Figure]) -> None:
        self._figures = tuple(figures)
        self._by_subject: dict[Subject, list[Figure]] = defaultdict(list)
        for figure in self._figures:
            self._by_subject[figure.subject].append(figure)

    def figures(self) -> tuple[Figure, ...]:
        """The table's figures, top to bottom, left to right."""
        return self._figures

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


Derivation = Rate | Total


def derivation(figure: Figure, table: TableFigures, values: ValueModel) -> Derivation | None:
    """How ``figure`` follows from the other figures of its table, if it does."""
    subject, row = figure.subject, figure.place.row
    if subject.measure in RATE_INPUTS:
        first, second = (
            table.find(subject.having(measure), row) for measure in RATE_INPUTS[subject.measure]
        )
        return Rate(figure, (first, second)) if first and second else None
    parts = _cover(subject, table, values)
    return Total(figure, tuple(parts)) if parts else None


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
