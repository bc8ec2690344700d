"""The references between an agency's records, checked once for every reader: an objective's
goal and the nodes that fund it, a program's objective. Each reader names the place of a broken
one in its own terms (``agency.yaml:12``, ``sasaran!D3``)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING

from attrs import frozen

from sakip.model.budget import BudgetLine
from sakip.model.plan import Goal, Objective
from sakip.model.programs import Activity, ProblemNote, Program, SubActivity

if TYPE_CHECKING:
    from sakip.model.agency_data import AgencyData


@frozen
class BrokenReference:
    """A record names another that does not exist.

    :ivar record: the key of the record that names it (an objective's ``S1``).
    :ivar field: which of its fields: ``goal``, ``funded_by`` or ``objective``.
    :ivar name: the key it names.
    :ivar known: the keys it could name.
    """

    record: str
    field: str
    name: str
    known: tuple[str, ...]

    def message(self, field_name: str | None = None) -> str:
        """What is wrong, the field named as the reader's form names it."""
        said = field_name or self.field
        kinds = {
            "goal": "goal (tujuan)",
            "funded_by": "program, activity or sub-activity",
            "objective": "objective (sasaran)",
            "indicators": "indicator",
            "indicator": "indicator",
            "program": "program",
            "activity": "activity (kegiatan)",
            "node": "program, activity, sub-activity or objective",
        }[self.field]
        known = ", ".join(self.known[:12]) + (" …" if len(self.known) > 12 else "")
        return (
            f"{said} names {self.name!r}, which is no {kinds}; the known ones are {known or 'none'}"
        )


def broken_references(
    goals: Iterable[Goal],
    objectives: Iterable[Objective],
    programs: Iterable[Program],
    nodes: Collection[str],
) -> Iterator[BrokenReference]:
    """Every reference that names no record, in the order of the records."""
    goal_keys = sorted(goal.key for goal in goals)
    objectives = list(objectives)
    objective_keys = sorted(objective.key for objective in objectives)
    for objective in objectives:
        if objective.goal is not None and objective.goal not in goal_keys:
            yield BrokenReference(objective.key, "goal", objective.goal, tuple(goal_keys))
        for key in objective.funded_by:
            if key not in nodes:
                yield BrokenReference(objective.key, "funded_by", key, tuple(sorted(nodes)))
    for program in programs:
        if program.objective is not None and program.objective not in objective_keys:
            yield BrokenReference(
                program.key, "objective", program.objective, tuple(objective_keys)
            )


def data_references(data: AgencyData) -> Iterator[BrokenReference]:
    """Every reference of an agency's data that names no record: what a reader checks as it
    reads, checked again for data a plugin builds itself (where a broken one would make a
    figure ``None`` far from its cause)."""
    nodes = data.nodes
    yield from broken_references(data.goals, data.objectives, data.programs, nodes)
    codes = sorted(indicator.code for indicator in data.indicators)
    known = set(codes)
    owners: list[Goal | Objective | Program | Activity | SubActivity] = [
        *data.goals,
        *data.objectives,
        *nodes.values(),
    ]
    for owner in owners:
        for code in owner.indicators:
            if code not in known:
                yield BrokenReference(owner.key, "indicators", code, tuple(codes))
    programs = sorted(p.key for p in data.programs)
    activities = sorted(a.key for a in data.activities)
    for activity in data.activities:
        if activity.program not in nodes:
            yield BrokenReference(activity.key, "program", activity.program, tuple(programs))
    for sub in data.sub_activities:
        if sub.activity not in nodes:
            yield BrokenReference(sub.key, "activity", sub.activity, tuple(activities))
    for measurement in data.measurements:
        if measurement.indicator not in known:
            where = f"{measurement.indicator}@{measurement.period}"
            yield BrokenReference(where, "indicator", measurement.indicator, tuple(codes))
    places = sorted({*nodes, *(o.key for o in data.objectives)})
    written: list[BudgetLine | ProblemNote] = [*data.budget_lines, *data.problems]
    for line in written:
        if line.node not in nodes and not data.has_objective(line.node):
            yield BrokenReference(f"{line.node}@{line.period}", "node", line.node, tuple(places))
