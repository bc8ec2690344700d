"""The references between an agency's records, checked once for every reader: an objective's
goal and the nodes that fund it, a program's objective. Each reader names the place of a broken
one in its own terms (``agency.yaml:12``, ``sasaran!D3``)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator

from attrs import frozen

from sakip.model.plan import Goal, Objective
from sakip.model.programs import Program


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
