"""The agency data a report gives: for each quantity the value its printings agree on (or
most of them print), the program tree it shows, and the rules its figures follow. A check
that compares a printed figure with "the data" then compares it with the rest of the
report."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sakip.documents.entities import BreakdownEntry, Entities, NodeEntry, Pending, Seen
from sakip.documents.indicator_rules import IndicatorRules
from sakip.documents.links import choose
from sakip.documents.rows import Level
from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetLine
from sakip.model.indicators import Indicator, Measurement
from sakip.model.periods import Period
from sakip.model.plan import Agency, Objective
from sakip.model.printed import Cell
from sakip.model.programs import Activity, Breakdown, BreakdownItem, Program, SubActivity
from sakip.model.subjects import INDICATOR_MEASURES, Measure, Subject
from sakip.numbers import format_number
from sakip.reviewing.messages import say


def build_data(
    entities: Entities, agency: Agency, links: dict[str, str], rules: IndicatorRules
) -> AgencyData:
    """The agency data the report gives, with the rules its figures show (``rules``) and
    the node that funds each objective (``links``) to settle values printed differently."""
    chosen = _chosen(entities, links)
    codes = _node_indicators(entities)
    nodes = [n for n in entities.nodes.values() if n.key in _live(entities)]
    return AgencyData(
        agency=agency,
        goals=(),
        objectives=[
            Objective(key=o.key, name=o.name, indicators=o.indicators)
            for o in entities.objectives.values()
        ],
        indicators=_indicators(entities, codes, rules),
        measurements=_measurements(entities, chosen, codes),
        programs=[
            Program(key=n.key, name=n.name, indicators=_codes(n, codes))
            for n in nodes
            if n.level is Level.PROGRAM
        ],
        activities=[
            Activity(key=n.key, name=n.name, program=n.parent or "", indicators=_codes(n, codes))
            for n in nodes
            if n.level is Level.ACTIVITY
        ],
        sub_activities=[
            SubActivity(
                key=n.key, name=n.name, activity=n.parent or "", indicators=_codes(n, codes)
            )
            for n in nodes
            if n.level is Level.SUB_ACTIVITY
        ],
        budget_lines=_budget_lines(entities, chosen),
        breakdowns=[
            _breakdown(b, chosen, Period(entities.year)) for b in entities.breakdowns.values()
        ],
    )


def _chosen(entities: Entities, links: dict[str, str]) -> dict[Subject, Decimal]:
    """Each quantity's value: a node's indicator figures are its indicator's."""
    merged: dict[Subject, list[Seen]] = defaultdict(list)
    for subject, seen in entities.seen.items():
        entity = subject.entity
        if subject.measure in INDICATOR_MEASURES:
            entity = entities.quantity_entity(entity)
        merged[subject.of(entity)].extend(seen)
    chosen: dict[Subject, Decimal] = {}
    for subject, seen in merged.items():
        prefer = None
        if subject.entity in links and subject.measure.is_budget:
            linked = merged.get(subject.of(links[subject.entity]))
            prefer = choose(linked) if linked else None
        chosen[subject] = choose(seen, prefer)
        if prefer is not None and chosen[subject] != choose(seen):
            _note_funding(entities, subject, seen, links[subject.entity], chosen[subject])
    return chosen


def _node_indicators(entities: Entities) -> dict[str, str]:
    """The indicator code of each node printed with indicator figures: an objective's it
    reports, or its own."""
    measured = {
        subject.entity
        for table in entities.tables
        for subject in table.subjects.values()
        if subject.measure in INDICATOR_MEASURES
    }
    return {
        key: node.indicator or f"{key}-IK"
        for key, node in entities.nodes.items()
        if node.indicator or key in measured
    }


def _indicators(
    entities: Entities, codes: dict[str, str], rules: IndicatorRules
) -> list[Indicator]:
    found = [
        Indicator(code=i.code, name=i.name, unit=i.unit, **rules.of(i.code))
        for i in entities.indicators.values()
    ]
    for key, code in codes.items():
        node = entities.nodes[key]
        if not node.indicator:
            found.append(Indicator(code=code, name=node.name, unit=node.unit, **rules.of(key)))
    return found


def _measurements(
    entities: Entities, chosen: dict[Subject, Decimal], codes: dict[str, str]
) -> list[Measurement]:
    periods: dict[str, set[Period]] = defaultdict(set)
    for subject in chosen:
        measured = subject.entity in entities.indicators or subject.entity in codes
        if subject.measure in (Measure.TARGET, Measure.ACTUAL) and measured:
            periods[subject.entity].add(subject.period)
    found = []
    for entity, entity_periods in periods.items():
        for period in sorted(entity_periods, key=lambda p: (p.year, p.quarter or 0)):
            target, actual = (_value(chosen, Subject(entity, m, period)) for m in _POINTS)
            if target is not None or actual is not None:
                code = codes.get(entity, entity)
                found.append(
                    Measurement(indicator=code, period=period, target=target, actual=actual)
                )
    return found


_POINTS = (Measure.TARGET, Measure.ACTUAL)


def _value(chosen: dict[Subject, Decimal], subject: Subject) -> Decimal | None:
    """A measurement's value. A year printed beside its four quarters is what they make: the
    data holds the quarters, so a misprinted year is found against them (SK601), once."""
    if subject.period.is_year:
        quarters = [subject.at(quarter) for quarter in subject.period.quarters()]
        if all(quarter in chosen for quarter in quarters):
            return None
    return chosen.get(subject)


def _budget_lines(entities: Entities, chosen: dict[Subject, Decimal]) -> list[BudgetLine]:
    lines = []
    for subject, value in chosen.items():
        if subject.measure is not Measure.ALLOCATION or subject.entity.startswith("@"):
            continue
        if subject.entity in entities.nodes and not _stated(entities, chosen, subject):
            continue
        lines.append(
            BudgetLine(
                node=subject.entity,
                period=subject.period,
                stage=subject.stage,
                allocation=value,
                spending=chosen.get(subject.having(Measure.SPENDING)),
            )
        )
    return lines


def _stated(entities: Entities, chosen: dict[Subject, Decimal], subject: Subject) -> bool:
    """Whether a node's printed amounts are taken as data. A parent is what its children add
    up to, and its printed amount is checked against them (SK201); but a parent within the
    rounding of its printed parts (half a unit each: 3.642.763 over parts that add up to
    3.642.762) prints the sum of its parts before they were rounded, and is taken as
    printed."""
    for measure in (Measure.ALLOCATION, Measure.SPENDING):
        own = chosen.get(subject.having(measure))
        parts = _leaf_values(entities, chosen, subject.having(measure))
        if own is None or not parts:
            continue
        half = Decimal(5).scaleb(_exponent(own) - 1)
        if abs(own - sum(parts, Decimal(0))) > half * len(parts):
            return False
    return True


def _leaf_values(
    entities: Entities, chosen: dict[Subject, Decimal], subject: Subject
) -> list[Decimal]:
    """The printed amounts a node's amount is made of: of the nodes below it with no printed
    node below them."""
    found: list[Decimal] = []
    for key in entities.chain(subject.entity)[1:]:
        below = entities.chain(key)[1:]
        if subject.of(key) in chosen and not any(subject.of(k) in chosen for k in below):
            found.append(chosen[subject.of(key)])
    return found


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _live(entities: Entities) -> set[str]:
    """The nodes to keep: every node but a made-up activity no sub-activity stayed under."""
    return {n.key for n in entities.nodes.values() if not n.synthetic} | {
        n.parent for n in entities.nodes.values() if n.parent
    }


def _breakdown(entry: BreakdownEntry, chosen: dict[Subject, Decimal], period: Period) -> Breakdown:
    items = [
        BreakdownItem(label, value)
        for label in entry.items
        if (value := chosen.get(Subject(f"{entry.key}/{label}", Measure.ACTUAL, period)))
        is not None
    ]
    return Breakdown(
        key=entry.key,
        title=entry.title,
        period=period,
        label_heading=entry.label_heading,
        value_heading=entry.value_heading,
        items=items,
    )


def _note_funding(
    entities: Entities, subject: Subject, seen: list[Seen], node: str, value: Decimal
) -> None:
    """Name why a value most places do not print was taken: the node funding the objective
    prints it."""
    by_table: dict[str, list[Cell]] = defaultdict(list)
    for s in seen:
        if s.value != value:
            by_table[s.table].append(s.cell)
    for table, cells in by_table.items():
        entities.pending.append(
            Pending(
                table,
                cells,
                say(
                    "{value} is taken as right: it is what {node} prints, and {node} funds "
                    "objective {objective} (their allocations agree)."
                ),
                {
                    "value": format_number(value),
                    "node": entities.nodes[node].name,
                    "objective": entities.objectives[subject.entity].name,
                },
                sure=True,
            )
        )


def _codes(node: NodeEntry, node_indicator: dict[str, str]) -> tuple[str, ...]:
    code = node_indicator.get(node.key)
    return (code,) if code else ()
