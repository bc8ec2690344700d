"""The entities a report's tables name, matched across tables by their labels, and the
values printed for each quantity."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from attrs import define, field, frozen

from sakip.documents.labels import SURE, best_match
from sakip.documents.rows import Level, strip_level_word
from sakip.model.printed import Cell, Table
from sakip.model.subjects import Subject
from sakip.reviewing.messages import say

_RUPIAH = re.compile(r"^\s*rp\.?\s*[-−]?\d", re.IGNORECASE)


@frozen
class Seen:
    value: Decimal
    table: str
    cell: Cell
    chapter: int


@define
class ObjectiveEntry:
    key: str
    name: str
    indicators: list[str] = field(factory=list)


@define
class IndicatorEntry:
    code: str
    name: str
    unit: str = ""


@define
class NodeEntry:
    key: str
    level: Level
    name: str
    parent: str | None
    synthetic: bool = False
    indicator: str | None = None
    """Another entity's indicator this node reports (an objective's IKU)."""
    unit: str = ""


@define
class BreakdownEntry:
    key: str
    title: str
    label_heading: str
    value_heading: str
    items: dict[str, str] = field(factory=dict)


@define
class Pending:
    """A cell's assumption, before the table it is in has places."""

    table: str
    cells: list[Cell]
    message: str
    params: dict[str, str]
    sure: bool
    kind: str = "match"


class Entities:
    """What a report's tables are found to name, built up table by table: objectives and
    their indicators, programs, activities and sub-activities, breakdowns; every printed
    value of each quantity (``seen``); and the assumptions made on the way (``pending``)."""

    def __init__(self, year: int) -> None:
        self.year = year
        self.objectives: dict[str, ObjectiveEntry] = {}
        self.indicators: dict[str, IndicatorEntry] = {}
        self.nodes: dict[str, NodeEntry] = {}
        self.breakdowns: dict[str, BreakdownEntry] = {}
        self.seen: dict[Subject, list[Seen]] = defaultdict(list)
        self.pending: list[Pending] = []
        self.tables: list[Table] = []

    # --- entities ---------------------------------------------------------------------------

    def objective(self, label: str, used: set[str], table: str, cells: list[Cell]) -> str:
        candidates = [(k, o.name) for k, o in self.objectives.items() if k not in used]
        found = best_match(label, candidates)
        if found is not None:
            self.note_match(found, label, self.objectives[found[0]].name, table, cells)
            return found[0]
        key = f"S{len(self.objectives) + 1}"
        self.objectives[key] = ObjectiveEntry(key, label)
        return key

    def indicator(
        self,
        label: str | None,
        objective: str | None,
        used: set[str],
        table: str,
        cells: list[Cell],
    ) -> str:
        own = self.objectives[objective].indicators if objective else list(self.indicators)
        free = [code for code in own if code not in used]
        if label:
            found = best_match(label, [(c, self.indicators[c].name) for c in free])
            if found is not None:
                self.note_match(found, label, self.indicators[found[0]].name, table, cells)
                return found[0]
        if objective and len(own) == 1 and own[0] in free:
            return own[0]  # the row names its objective, which has this one indicator
        code = f"IKU-{len(self.indicators) + 1}"
        name = label or (self.objectives[objective].name if objective else code)
        self.indicators[code] = IndicatorEntry(code, name)
        if objective:
            self.objectives[objective].indicators.append(code)
        return code

    def node(
        self,
        label: str,
        level: Level,
        program: str | None,
        activity: str | None,
        used: set[str],
        table: str,
        cells: list[Cell],
    ) -> str:
        name = strip_level_word(label)
        candidates = [
            (key, node.name)
            for key, node in self.nodes.items()
            if node.level is level
            and key not in used
            and not node.synthetic
            and (program is None or level is Level.PROGRAM or self.program_of(key) == program)
        ]
        found = best_match(name, candidates)
        if found is not None:
            key = found[0]
            self.note_match(found, name, self.nodes[key].name, table, cells)
            node = self.nodes[key]
            moves = level is Level.SUB_ACTIVITY and activity and node.parent != activity
            if moves and node.parent is not None and self.nodes[node.parent].synthetic:
                node.parent = activity  # a table that shows the activity places it
            return key
        if level is Level.PROGRAM:
            key = f"P{sum(n.level is Level.PROGRAM for n in self.nodes.values()) + 1}"
            self.nodes[key] = NodeEntry(key, level, name, None)
            return key
        if program is None:
            program = self._unnamed_program()
        if level is Level.ACTIVITY:
            key = f"{program}.K{self._count(program, Level.ACTIVITY) + 1}"
            self.nodes[key] = NodeEntry(key, level, name, program)
            return key
        parent = activity or self._synthetic_activity(program)
        key = f"{parent}.S{self._count(parent, Level.SUB_ACTIVITY) + 1}"
        self.nodes[key] = NodeEntry(key, level, name, parent)
        return key

    def program_of(self, key: str) -> str:
        node = self.nodes[key]
        while node.parent is not None:
            node = self.nodes[node.parent]
        return node.key

    def _count(self, parent: str, level: Level) -> int:
        return sum(1 for n in self.nodes.values() if n.parent == parent and n.level is level)

    def _synthetic_activity(self, program: str) -> str:
        """The activity of sub-activities printed with no activity above them."""
        key = f"{program}.K0"
        if key not in self.nodes:
            self.nodes[key] = NodeEntry(
                key, Level.ACTIVITY, self.nodes[program].name, program, True
            )
        return key

    def _unnamed_program(self) -> str:
        key = "P0"
        if key not in self.nodes:
            self.nodes[key] = NodeEntry(key, Level.PROGRAM, "Program", None, True)
        return key

    def note_match(
        self, found: tuple[str, float], label: str, name: str, table: str, cells: list[Cell]
    ) -> None:
        _, score = found
        if score < SURE:
            self.pending.append(
                Pending(
                    table,
                    cells,
                    say("{printed} was taken to be {name} (the labels are {score}% alike)."),
                    {"printed": label, "name": name, "score": str(int(score))},
                    sure=False,
                )
            )

    def unit(self, entity: str, text: str) -> None:
        if _RUPIAH.match(text):
            unit = "Rp"  # Rp.2.500.000: the currency before the number is its unit
        else:
            unit = re.sub(r"^\s*[-−]?[\d.,]+\s*", "", text).split("(")[0].strip()
            unit = unit.split()[0] if unit.split() else ""
            unit = "%" if unit.casefold() == "persen" else unit  # 100 persen is 100 %
        if not unit:
            return
        if entity in self.indicators and not self.indicators[entity].unit:
            self.indicators[entity].unit = unit
        elif entity in self.nodes and not self.nodes[entity].unit:
            self.nodes[entity].unit = unit

    def quantity_entity(self, entity: str) -> str:
        """The entity whose quantity a figure of ``entity`` states: a node that reports an
        objective's indicator states that indicator's."""
        node = self.nodes.get(entity)
        return node.indicator if node is not None and node.indicator else entity

    def chain(self, key: str) -> list[str]:
        """A node and the nodes below it."""
        found = [key]
        for other in self.nodes.values():
            if other.parent == key:
                found.extend(self.chain(other.key))
        return found
