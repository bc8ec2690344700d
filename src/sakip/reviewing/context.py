"""What a check is given: the printed report, the agency's value model and the auditor's
language."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cached_property
from typing import Any

from attrs import frozen

from sakip.model.findings import Finding, Severity
from sakip.model.printed import Figure, Label, Place, PrintedReport
from sakip.model.subjects import Subject
from sakip.reviewing.messages import Messages
from sakip.reviewing.structure import Derivation, TableFigures, derivation
from sakip.values.display import as_written
from sakip.values.model import ValueModel


@frozen
class ReviewContext:
    """The report under review with everything a check needs to judge it.

    :ivar values: the value model of the agency's data: what each figure should be.
    """

    report: PrintedReport
    values: ValueModel
    messages: Messages

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self.report.figures

    @cached_property
    def tables(self) -> dict[str, TableFigures]:
        """Each table's figures, by table number."""
        by_table: dict[str, list[Figure]] = {table.id: [] for table in self.report.tables}
        for figure in self.figures:
            by_table[figure.place.table].append(figure)
        labels: dict[str, list[Label]] = {table.id: [] for table in self.report.tables}
        for label in self.report.labels:
            labels[label.place.table].append(label)
        return {table: TableFigures(figures, labels[table]) for table, figures in by_table.items()}

    @cached_property
    def derivations(self) -> dict[Place, Derivation | None]:
        """For each printed figure, how it follows from its table (``None``: a base figure)."""
        return {
            figure.place: derivation(figure, self.tables[figure.place.table], self.values)
            for figure in self.figures
        }

    def base_figures(self) -> list[Figure]:
        """The figures that follow from no other figure of their table."""
        return [f for f in self.figures if self.derivations[f.place] is None]

    @cached_property
    def quantities(self) -> dict[Subject, list[Figure]]:
        """The base figures grouped by the quantity they state, worked out once for every
        check that compares a quantity's printings (SK301, SK302)."""
        groups: dict[Subject, list[Figure]] = {}
        for figure in self.base_figures():
            groups.setdefault(self.quantity(figure), []).append(figure)
        return groups

    def expected(self, figure: Figure) -> Decimal | None:
        """What the agency's data gives the quantity ``figure`` states."""
        return self.values.value(figure.subject)

    def quantity(self, figure: Figure) -> Subject:
        """The quantity a figure states, the same for every figure that states it."""
        return self.values.quantity(figure.subject)

    def say(self, message: str, /, **params: Any) -> str:
        """The message in the auditor's language, placeholders filled in."""
        return self.messages(message, **params)

    def tables_of(self, figures: Iterable[Figure]) -> str:
        """``table 3.6`` or ``tables 3.1, 3.2 and 3.6``: where some figures are printed."""
        names = list(dict.fromkeys(figure.place.table for figure in figures))
        if len(names) == 1:
            return self.say("table {table}", table=names[0])
        listed = self.say("{first} and {last}", first=", ".join(names[:-1]), last=names[-1])
        return self.say("tables {tables}", tables=listed)

    @staticmethod
    def finding(
        severity: Severity,
        places: Iterable[Place],
        printed: str,
        expected: Decimal | str | None,
        message: str,
    ) -> Finding:
        """A finding, its expected value written as the report writes numbers; its code and
        check name are filled in from the check's registration."""
        return Finding(
            severity=severity,
            places=places,
            printed=printed,
            expected=as_written(expected) if isinstance(expected, Decimal) else expected,
            message=message,
        )
