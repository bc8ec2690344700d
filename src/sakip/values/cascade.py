"""The cascade (pohon kinerja): which indicator, and which node, sits one level below which."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sakip.model.agency_data import AgencyData


def cascade(data: AgencyData) -> dict[str, tuple[str, ...]]:
    """Each entity mapped to the entities one level below it: indicators below an indicator
    (goal → objective → program → activity → sub-activity), nodes with an indicator below a
    node. No entity is its own child, even where two levels share an indicator."""
    links: dict[str, list[str]] = {}
    for parents, children in (*_plan_links(data), *_node_links(data)):
        for parent in parents:
            links.setdefault(parent, []).extend(c for c in children if c != parent)
    return {parent: tuple(dict.fromkeys(below)) for parent, below in links.items()}


def _plan_links(data: AgencyData) -> Iterator[tuple[Sequence[str], list[str]]]:
    """(parents, children) pairs of the plan: goal → objective → program indicators."""
    for goal in data.goals:
        below = [o for o in data.objectives if o.goal == goal.key]
        yield goal.indicators, [code for o in below for code in o.indicators]
    for objective in data.objectives:
        serving = [p for p in data.programs if data.served_objective(p.key) == objective.key]
        yield objective.indicators, [code for p in serving for code in p.indicators]


def _node_links(data: AgencyData) -> Iterator[tuple[Sequence[str], list[str]]]:
    """(parents, children) pairs down the program tree, by indicator and by node."""
    for node in data.nodes.values():
        children = data.children(node.key)
        yield node.indicators, [code for child in children for code in child.indicators]
        # A node stands for its indicator: its children are the nodes below it.
        yield [node.key], [child.key for child in children if child.indicators]
