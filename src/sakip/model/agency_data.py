"""One agency's records together: the plan, indicators, measurements, programs and budget lines.

This is data and its indexes only; every value computed from it (achievements, totals,
absorption, the cascade) comes from :class:`sakip.values.ValueModel`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

from attrs import field, frozen

from sakip.errors import UnknownCodeError, ValidationError
from sakip.model._fields import as_tuple
from sakip.model.budget import BudgetLine
from sakip.model.indicators import Indicator, Measurement
from sakip.model.periods import Period
from sakip.model.plan import Agency, Goal, Objective
from sakip.model.programs import (
    Activity,
    Breakdown,
    BudgetNode,
    ProblemNote,
    Program,
    SubActivity,
)

NARRATIVE = {
    "summary": "ringkasan",
    "background": "latar_belakang",
    "organisation": "organisasi",
    "tasks": "tugas",
    "strategic_issues": "isu_strategis",
    "closing": "penutup",
}
"""The sections an agency may write for its LKjIP document, with their Indonesian names
(the workbook's): the executive summary, background, organisation, tasks and functions,
strategic issues and closing."""


def _sections(value: object) -> tuple[tuple[str, str], ...]:
    pairs = value.items() if isinstance(value, dict) else value
    result = tuple((str(k), str(v)) for k, v in pairs)  # type: ignore[attr-defined]
    unknown = [key for key, _ in result if key not in NARRATIVE]
    if unknown:
        raise ValidationError(
            f"unknown narrative section {', '.join(map(repr, unknown))}; the sections are "
            f"{', '.join(NARRATIVE)}"
        )
    return result


@frozen(kw_only=True)
class AgencyData:
    """Everything an LKjIP is computed from. Cross-references are checked by the reader.

    Lookups by key are dictionary reads built once, so asking again and again (as every
    table and check does) costs no scan of the records.
    """

    agency: Agency
    goals: tuple[Goal, ...] = field(converter=as_tuple)
    objectives: tuple[Objective, ...] = field(converter=as_tuple)
    indicators: tuple[Indicator, ...] = field(converter=as_tuple)
    measurements: tuple[Measurement, ...] = field(converter=as_tuple)
    programs: tuple[Program, ...] = field(converter=as_tuple)
    activities: tuple[Activity, ...] = field(converter=as_tuple)
    sub_activities: tuple[SubActivity, ...] = field(converter=as_tuple)
    budget_lines: tuple[BudgetLine, ...] = field(converter=as_tuple)
    problems: tuple[ProblemNote, ...] = field(default=(), converter=as_tuple)
    breakdowns: tuple[Breakdown, ...] = field(default=(), converter=as_tuple)
    narrative: tuple[tuple[str, str], ...] = field(default=(), converter=_sections)
    """The agency's own text for the LKjIP document, by section (see :data:`NARRATIVE`)."""

    # --- indexes, built on first use ------------------------------------------------------

    @cached_property
    def _indicators(self) -> dict[str, Indicator]:
        return {indicator.code: indicator for indicator in self.indicators}

    @cached_property
    def _measurements(self) -> dict[tuple[str, Period], Measurement]:
        return {(m.indicator, m.period): m for m in self.measurements}

    @cached_property
    def _nodes(self) -> dict[str, BudgetNode]:
        nodes: list[BudgetNode] = [*self.programs, *self.activities, *self.sub_activities]
        return {node.key: node for node in nodes}

    @cached_property
    def _children(self) -> dict[str | None, tuple[BudgetNode, ...]]:
        index: dict[str | None, list[BudgetNode]] = {None: list(self.programs)}
        for activity in self.activities:
            index.setdefault(activity.program, []).append(activity)
        for sub in self.sub_activities:
            index.setdefault(sub.activity, []).append(sub)
        return {key: tuple(nodes) for key, nodes in index.items()}

    @cached_property
    def _objectives(self) -> dict[str, Objective]:
        return {objective.key: objective for objective in self.objectives}

    @cached_property
    def _goals(self) -> dict[str, Goal]:
        return {goal.key: goal for goal in self.goals}

    @cached_property
    def _problems(self) -> dict[tuple[str, Period], ProblemNote]:
        return {(note.node, note.period): note for note in self.problems}

    @cached_property
    def _served(self) -> dict[str, str]:
        """The objective each program serves: its cascading link where the data gives one,
        else the one objective whose ``funded_by`` names the program."""
        funders: dict[str, list[str]] = {}
        for objective in self.objectives:
            for key in objective.funded_by:
                funders.setdefault(key, []).append(objective.key)
        served = {}
        for program in self.programs:
            if program.objective is not None:
                served[program.key] = program.objective
            elif len(funders.get(program.key, ())) == 1:
                served[program.key] = funders[program.key][0]
        return served

    @cached_property
    def _breakdowns(self) -> dict[str, Breakdown]:
        return {breakdown.key: breakdown for breakdown in self.breakdowns}

    # --- lookups ------------------------------------------------------------------------

    def indicator(self, code: str) -> Indicator:
        try:
            return self._indicators[code]
        except KeyError:
            raise UnknownCodeError(f"{self.agency.id}: no indicator {code!r}") from None

    def has_indicator(self, code: str) -> bool:
        return code in self._indicators

    def measurement(self, indicator: str, period: Period) -> Measurement | None:
        return self._measurements.get((indicator, period))

    def node(self, key: str) -> BudgetNode:
        try:
            return self._nodes[key]
        except KeyError:
            raise UnknownCodeError(
                f"{self.agency.id}: no program, activity or sub-activity {key!r}"
            ) from None

    def has_node(self, key: str) -> bool:
        return key in self._nodes

    @property
    def nodes(self) -> Mapping[str, BudgetNode]:
        """Every program, activity and sub-activity by key."""
        return self._nodes

    def children(self, key: str | None) -> tuple[BudgetNode, ...]:
        """The nodes directly under ``key`` (the programs under ``None``), in data order."""
        return self._children.get(key, ())

    def parent(self, node: BudgetNode) -> str | None:
        """The key of the node above ``node``; ``None`` for a program."""
        if isinstance(node, Activity):
            return node.program
        if isinstance(node, SubActivity):
            return node.activity
        return None

    def objective(self, key: str) -> Objective:
        try:
            return self._objectives[key]
        except KeyError:
            raise UnknownCodeError(f"{self.agency.id}: no objective {key!r}") from None

    def served_objective(self, program: str) -> str | None:
        """The key of the objective a program serves (the cascade, pohon kinerja): the
        program's own link, else the one objective funded by it; ``None`` for a supporting
        program."""
        return self._served.get(program)

    def has_objective(self, key: str) -> bool:
        return key in self._objectives

    def goal(self, key: str) -> Goal:
        try:
            return self._goals[key]
        except KeyError:
            raise UnknownCodeError(f"{self.agency.id}: no goal {key!r}") from None

    def activities_of(self, program: str) -> tuple[BudgetNode, ...]:
        return self.children(program)

    def sub_activities_of(self, activity: str) -> tuple[BudgetNode, ...]:
        return self.children(activity)

    def problem(self, node: str, period: Period) -> ProblemNote | None:
        return self._problems.get((node, period))

    def breakdown(self, key: str) -> Breakdown | None:
        return self._breakdowns.get(key)

    def text(self, section: str) -> str | None:
        """The agency's own text of a narrative section, if it wrote one."""
        return dict(self.narrative).get(section)
