"""Write an agency's data as a YAML data folder (``agency.yaml``, ``programs.yaml``,
``breakdowns.yaml``) that :func:`sakip.load_agency_data` reads back as the same data:
``sakip workbook import`` turns a workbook into the folder a plugin ships.

Numbers are written in Indonesian form, exactly as held; an indicator is written once, where
its first owner is, and named by its code by every other owner.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import yaml

from sakip.files import write_text
from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetLine
from sakip.model.indicators import Grade, GradeRule, Indicator, RenstraValue, TargetRange
from sakip.model.periods import Period
from sakip.model.programs import BudgetNode, ProblemNote
from sakip.numbers import format_number

# libyaml's emitter where PyYAML was built with it: the same text, several times faster.
_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

HEADER = "# Written by sakip: an agency's data in the folder format (docs: data format).\n"


def _number(value: Decimal) -> str:
    return format_number(value)


def _value(value: Decimal | Grade | TargetRange | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, Grade):
        return value.label
    if isinstance(value, TargetRange):
        return f"{_number(value.lower)}..{_number(value.upper)}"
    return _number(value)


def _period(period: Period) -> str:
    return str(period.year) if period.quarter is None else f"{period.year}-TW{period.quarter}"


T = TypeVar("T")


# The writer asks for each node's and indicator's records in turn: index them once, in data
# order, instead of scanning every record per node.
def _by(records: Iterable[T], key: str) -> dict[str, list[T]]:
    index: dict[str, list[T]] = defaultdict(list)
    for record in records:
        index[getattr(record, key)].append(record)
    return index


class _Writer:
    def __init__(self, data: AgencyData) -> None:
        self.data = data
        self.defined: set[str] = set()
        self.measurements_of = _by(data.measurements, "indicator")
        self.budget_lines_of: dict[str, list[BudgetLine]] = _by(data.budget_lines, "node")
        self.problems_of: dict[str, list[ProblemNote]] = _by(data.problems, "node")

    def indicator(self, code: str) -> dict[str, Any] | str:
        """The indicator written in full the first time, by its code after."""
        if code in self.defined:
            return code
        self.defined.add(code)
        indicator = self.data.indicator(code)
        fields: dict[str, Any] = {"code": code, "name": indicator.name}
        if indicator.unit:
            fields["unit"] = indicator.unit
        fields["polarity"] = indicator.polarity.value
        fields["aggregation"] = indicator.aggregation.value
        if indicator.formula:
            fields["formula"] = indicator.formula
        if indicator.grades:
            fields["grades"] = list(indicator.grades)
        if indicator.grade_rule is not GradeRule.MET:
            fields["grade_rule"] = indicator.grade_rule.value
        for name, point in (("baseline", indicator.baseline), ("end_target", indicator.end_target)):
            if point is not None:
                fields[name] = _renstra(point)
        measurements = self.measurements(indicator)
        if measurements:
            fields["measurements"] = measurements
        return fields

    def measurements(self, indicator: Indicator) -> dict[str, dict[str, str]]:
        found: dict[str, dict[str, str]] = {}
        for m in self.measurements_of.get(indicator.code, ()):
            entry = {
                name: text
                for name, value in (
                    ("target", m.target),
                    ("actual", m.actual),
                    ("standard", m.standard),
                )
                if (text := _value(value)) is not None
            }
            found[_period(m.period)] = entry
        return found

    def node(self, node: BudgetNode, children: str | None) -> dict[str, Any]:
        fields: dict[str, Any] = {"key": node.key, "name": node.name}
        if node.names:
            fields["names"] = dict(node.names)
        if node.code is not None:
            fields["code"] = str(node.code)
        objective = getattr(node, "objective", None)
        if objective:
            fields["objective"] = objective
        if node.indicators:
            (code,) = node.indicators
            fields["indicator"] = self.indicator(code)
        budget = self.budget(node.key)
        if budget:
            fields["budget"] = budget
        problems = {
            _period(n.period): {
                name: text
                for name, text in (
                    ("problem", n.problem),
                    ("remedy", n.remedy),
                    ("follow_up", n.follow_up),
                )
                if text
            }
            for n in self.problems_of.get(node.key, ())
        }
        if problems:
            fields["problems"] = problems
        if children is not None:
            below = [self.node(child, _below(children)) for child in self.data.children(node.key)]
            if below:
                fields[children] = below
        return fields

    def budget(self, key: str) -> dict[str, dict[str, dict[str, str]]]:
        found: dict[str, dict[str, dict[str, str]]] = {}
        for line in self.budget_lines_of.get(key, ()):
            amounts: dict[str, str] = {}
            if line.period.is_year:
                amounts["allocation"] = _number(line.allocation)
            if line.spending is not None:
                amounts["spending"] = _number(line.spending)
            found.setdefault(_period(line.period), {})[line.stage.value] = amounts
        return found


def _below(level: str) -> str | None:
    return {"activities": "sub_activities", "sub_activities": None}[level]


def _renstra(point: RenstraValue) -> dict[str, str]:
    return {"year": str(point.period.year), "value": _value(point.value) or ""}


DATA_FILES = ("agency.yaml", "programs.yaml", "breakdowns.yaml", "narrative.yaml")
"""The files a data folder may hold."""


def dump_agency_data(data: AgencyData, folder: Path) -> list[Path]:
    """Write ``data`` as a data folder; returns the files written.

    :raises ValueError: for a node with more than one indicator, which the folder format
        cannot hold.
    """
    for node in data.nodes.values():
        if len(node.indicators) > 1:
            raise ValueError(f"{node.key} has {len(node.indicators)} indicators: one at most")
    writer = _Writer(data)
    documents = {
        "agency.yaml": _plan(writer, data),
        "programs.yaml": {"programs": [writer.node(p, "activities") for p in data.programs]},
    }
    if data.breakdowns:
        documents["breakdowns.yaml"] = _breakdowns(data)
    if data.narrative:
        documents["narrative.yaml"] = dict(data.narrative)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in documents.items():
        _write(folder / name, content)
    return [folder / name for name in documents]


def _agency(data: AgencyData) -> dict[str, Any]:
    agency, policy = data.agency, data.agency.policy
    head: dict[str, Any] = {"id": agency.id, "name": agency.name}
    if agency.region:
        head["region"] = agency.region
    head |= {
        "rounding": policy.rounding.mode.value,
        "places": str(policy.rounding.places),
        "scale": agency.scale,
    }
    if policy.zero.value != "error":
        head["zero"] = policy.zero.value
    if policy.cap is not None:
        head["cap"] = _number(policy.cap)
    return head


def _plan(writer: _Writer, data: AgencyData) -> dict[str, Any]:
    plan: dict[str, Any] = {"agency": _agency(data)}
    if data.goals:
        plan["goals"] = [
            {
                "key": g.key,
                "name": g.name,
                "indicators": [writer.indicator(c) for c in g.indicators],
            }
            for g in data.goals
        ]
    plan["objectives"] = [
        {
            "key": o.key,
            **({"goal": o.goal} if o.goal else {}),
            "name": o.name,
            **({"funded_by": list(o.funded_by)} if o.funded_by else {}),
            "indicators": [writer.indicator(c) for c in o.indicators],
            **({"budget": budget} if (budget := writer.budget(o.key)) else {}),
        }
        for o in data.objectives
    ]
    return plan


def _breakdowns(data: AgencyData) -> dict[str, Any]:
    return {
        "breakdowns": [
            {
                "key": b.key,
                "title": b.title,
                "period": _period(b.period),
                "label_heading": b.label_heading,
                "value_heading": b.value_heading,
                "items": [{"label": i.label, "value": _number(i.value)} for i in b.items],
            }
            for b in data.breakdowns
        ]
    }


def _write(path: Path, content: dict[str, Any]) -> None:
    text = yaml.dump(content, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100)
    write_text(path, HEADER + text)
