"""What a table builder is given: the agency's value model, the year, and the table's number
and title. A builder asks it for cells; it computes nothing itself."""

from __future__ import annotations

from attrs import Factory, field, frozen

from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetStage
from sakip.model.periods import Period
from sakip.model.programs import BudgetNode
from sakip.model.subjects import Measure, Subject
from sakip.rules.scales import Scale
from sakip.values.display import MISSING, Display, show
from sakip.values.model import ValueModel

Printed = str | tuple[str, Subject]
"""A cell: plain text, or the text of a figure with what it is a figure of."""


@frozen(kw_only=True)
class TableContext:
    """The values, year, number and title a table is built from."""

    values: ValueModel
    year: int
    id: str
    title: str
    # Asked for by every cell: made once.
    period: Period = field(init=False, default=Factory(lambda self: Period(self.year), True))

    @property
    def previous(self) -> Period:
        return Period(self.year - 1)

    @property
    def data(self) -> AgencyData:
        return self.values.data

    @property
    def scale(self) -> Scale:
        return self.values.scale

    def cell(
        self, subject: Subject, display: Display = show, suffix: str = ""
    ) -> tuple[str, Subject]:
        """The cell that prints ``subject``'s value: its text and its subject together."""
        return display(self.values.value(subject), suffix), subject

    def indicator_cell(
        self, entity: str, measure: Measure, display: Display = show, suffix: str = ""
    ) -> tuple[str, Subject]:
        """A target, actual or achievement of this year."""
        return self.cell(Subject(entity, measure, self.period), display, suffix)

    def budget_cell(
        self, entity: str, measure: Measure, stage: BudgetStage, display: Display, suffix: str = ""
    ) -> tuple[str, Subject]:
        """An allocation, spending or absorption of this year at a budget stage."""
        return self.cell(Subject(entity, measure, self.period, stage), display, suffix)

    def label_cell(self, subject: Subject) -> tuple[str, Subject]:
        """The cell that prints ``subject``'s label (a predicate, a category, a grade)."""
        return self.values.label(subject) or MISSING, subject

    def value_cell(
        self, subject: Subject, display: Display = show, suffix: str = ""
    ) -> tuple[str, Subject]:
        """A target or actual value: its number, or its grade for a qualitative indicator."""
        label = self.values.label(subject)
        return (label, subject) if label is not None else self.cell(subject, display, suffix)

    def name(self, node: BudgetNode) -> str:
        """The name this table prints for a program, activity or sub-activity."""
        return node.name_in(self.id)
