"""What a check is given: the printed report, the agency's data seen as a structure, and
the auditor's language."""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import Any

from attrs import frozen

from sakip.numbers import format_number
from sakip.review.derive import Derivation, TableFigures, derivation
from sakip.review.messages import Messages
from sakip.review.report import Figure, Place, PrintedReport
from sakip.review.structure import Structure


@frozen
class ReviewContext:
    """The report under review with everything a check needs to judge it."""

    report: PrintedReport
    structure: Structure
    messages: Messages

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.report.figures

    @cached_property
    def tables(self) -> dict[str, TableFigures]:
        """Each table's figures, by table number."""
        return {
            table.id: TableFigures(f for f in self.figures if f.place.table == table.id)
            for table in self.report.tables
        }

    @cached_property
    def derivations(self) -> dict[Place, Derivation | None]:
        """For each printed figure, how it follows from its table (``None``: a base figure)."""
        return {
            figure.place: derivation(figure, self.tables[figure.place.table], self.structure)
            for figure in self.figures
        }

    def base_figures(self) -> list[Figure]:
        """The figures that follow from no other figure of their table."""
        return [f for f in self.figures if self.derivations[f.place] is None]

    def say(self, message: str, /, **params: Any) -> str:
        """The message in the auditor's language, placeholders filled in."""
        return self.messages(message, **params)

    def tables_of(self, figures: list[Figure]) -> str:
        """``table 3.6`` or ``tables 3.1, 3.2 and 3.6``: where some figures are printed."""
        names = list(dict.fromkeys(figure.place.table for figure in figures))
        if len(names) == 1:
            return self.say("table {table}", table=names[0])
        listed = self.say("{first} and {last}", first=", ".join(names[:-1]), last=names[-1])
        return self.say("tables {tables}", tables=listed)


def as_written(value: Decimal | None) -> str:
    """A number as the report writes it, all its decimals kept: ``113,98``, ``90.802.691``."""
    return "" if value is None else format_number(value)
