"""Links the report shows between entities it prints in different tables: the node that
funds an objective (they print the same allocation), and the node that reports an
objective's indicator (it funds the objective and prints the indicator's target); and the
value a quantity printed several times is taken to have."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from sakip.documents.entities import Entities, Pending, Seen
from sakip.model.budget import BudgetStage
from sakip.model.periods import Period
from sakip.model.printed import Cell
from sakip.model.subjects import INDICATOR_MEASURES, Measure, Subject
from sakip.numbers import format_number
from sakip.reviewing.messages import say


def choose(seen: list[Seen], prefer: Decimal | None = None) -> Decimal:
    """The value a quantity is taken to have: ``prefer`` (what the node funding an objective
    prints) when it is printed at all; else the value its printings agree on, or the one most
    print; a tie goes to the value printed in the later chapter."""
    counts = Counter(s.value for s in seen)
    if prefer is not None and prefer in counts:
        return prefer
    best = max(counts.values())
    tied = [value for value, count in counts.items() if count == best]
    if len(tied) == 1:
        return tied[0]
    return max(seen, key=lambda s: (s.value in tied, s.chapter)).value


def link_funding(entities: Entities) -> dict[str, str]:
    """Each objective and the node whose budget is its own, where the report shows one: the
    node with the objective's allocation at the most stages, the highest level first."""
    links: dict[str, str] = {}
    for key in entities.objectives:
        scores: Counter[str] = Counter()
        for subject, seen in entities.seen.items():
            if subject.entity != key or subject.measure is not Measure.ALLOCATION:
                continue
            printed = {s.value for s in seen}
            for node in entities.nodes:
                other = entities.seen.get(subject.of(node))
                if other and choose(other) in printed:
                    scores[node] += 1
        if scores:
            best = max(scores.values())
            top = sorted(
                (n for n, s in scores.items() if s == best), key=lambda n: entities.nodes[n].level
            )
            if len(top) == 1 or entities.nodes[top[0]].level < entities.nodes[top[1]].level:
                links[key] = top[0]
    return links


def link_indicators(entities: Entities, links: dict[str, str]) -> None:
    """A node that funds an objective and prints the target of one of its indicators reports
    that indicator (and so do the nodes below it that print the same target)."""
    for objective, node_key in links.items():
        for code in entities.objectives[objective].indicators:
            targets = entities.seen.get(Subject(code, Measure.TARGET, Period(entities.year)))
            if not targets:
                continue
            target = choose(targets)
            allocation = entities.seen.get(
                Subject(node_key, Measure.ALLOCATION, Period(entities.year), BudgetStage.REVISED)
            ) or entities.seen.get(
                Subject(node_key, Measure.ALLOCATION, Period(entities.year), BudgetStage.INITIAL)
            )
            unit = unit_key(entities.indicators[code].unit)
            for key in entities.chain(node_key):
                own = entities.seen.get(Subject(key, Measure.TARGET, Period(entities.year)))
                if not own or choose(own) != target or entities.nodes[key].indicator:
                    continue
                node_unit = unit_key(entities.nodes[key].unit)
                if unit and node_unit and unit != node_unit:
                    continue  # the same number of another unit: 100 % is not 100 Orang
                entities.nodes[key].indicator = code
                cells = [
                    (s.table, s.cell)
                    for subject, seen in entities.seen.items()
                    if subject.entity == key and subject.measure in INDICATOR_MEASURES
                    for s in seen
                ]
                by_table: dict[str, list[Cell]] = defaultdict(list)
                for table, cell in cells:
                    by_table[table].append(cell)
                for table, table_cells in by_table.items():
                    entities.pending.append(
                        Pending(
                            table,
                            table_cells,
                            say(
                                "{node} was taken to report indicator {indicator} of "
                                "objective {objective}: it has that objective's allocation "
                                "({allocation}) and prints its target ({target})."
                            ),
                            {
                                "node": entities.nodes[key].name,
                                "indicator": entities.indicators[code].name,
                                "objective": entities.objectives[objective].name,
                                "allocation": format_number(choose(allocation))
                                if allocation
                                else "",
                                "target": format_number(target),
                            },
                            sure=True,
                        )
                    )


def unit_key(unit: str) -> str:
    return unit.strip().lower().rstrip(".")
