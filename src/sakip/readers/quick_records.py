"""The records a large data file holds by the ten thousand — an indicator, its
measurements, a node's budget lines — read straight from their YAML nodes when they are
written the usual way.

Each reader gives ``None`` for anything unusual (a field it does not know, a key given twice,
a value that is no number, a range, a grade, "no value"); the careful reading in
:mod:`sakip.readers.agency_yaml` then reads it, and names the file, line and path of any
problem. What a quick reader accepts it reads exactly as the careful one does (the tests read
the same files both ways and compare), in about a third of the time: it makes no cursor per
value and no error context per record.
"""

from __future__ import annotations

import yaml

from sakip.errors import SakipError
from sakip.model.budget import BudgetLine, BudgetStage
from sakip.model.indicators import Indicator, Measurement
from sakip.model.periods import Period
from sakip.numbers import parse_number
from sakip.readers.yaml_cursor import Cursor, is_no_value, text_of

_STAGES = {stage.value: stage for stage in BudgetStage}
_AMOUNTS = frozenset({"allocation", "spending"})
_VALUES = frozenset({"target", "actual"})
_INDICATOR_TEXTS = frozenset({"code", "name", "unit", "polarity", "aggregation", "formula"})
_PROBLEMS = (SakipError, ValueError, TypeError)
"""What a record or a period refuses: left to the careful reading to name."""


def budget_lines(key: str, cursor: Cursor) -> list[BudgetLine] | None:
    """``{year: {stage: {allocation, spending}}}`` as budget lines of node ``key``; ``None``
    when it is written any other way (a quarter, a missing allocation, …)."""
    if not isinstance(cursor.node, yaml.MappingNode):
        return None
    locale, lines, periods = cursor.locale, [], set()
    try:
        for period_node, stages_node in cursor.node.value:
            if not _is_text(period_node) or not isinstance(stages_node, yaml.MappingNode):
                return None
            period = Period.parse(period_node.value)
            if not period.is_year or period in periods:
                return None
            periods.add(period)
            stages: set[BudgetStage] = set()
            for stage_node, amounts_node in stages_node.value:
                stage = _STAGES.get(stage_node.value) if _is_text(stage_node) else None
                if stage is None or stage in stages:
                    return None
                stages.add(stage)
                amounts = _numbers(amounts_node, _AMOUNTS, locale)
                if amounts is None or "allocation" not in amounts:
                    return None
                lines.append(
                    BudgetLine(
                        node=key,
                        period=period,
                        stage=stage,
                        allocation=amounts["allocation"],
                        spending=amounts.get("spending"),
                    )
                )
    except _PROBLEMS:
        return None
    return lines


def measurements(indicator: Indicator, cursor: Cursor) -> list[Measurement] | None:
    """``{period: {target, actual}}`` of a quantitative indicator as its measurements;
    ``None`` when they are written any other way (a range, a standard, a breakdown, a grade,
    "no value")."""
    if indicator.is_qualitative or not isinstance(cursor.node, yaml.MappingNode):
        return None
    locale, found, periods = cursor.locale, [], set()
    try:
        for period_node, entry_node in cursor.node.value:
            if not _is_text(period_node):
                return None
            period = Period.parse(period_node.value)
            if period in periods:
                return None
            periods.add(period)
            values = _numbers(entry_node, _VALUES, locale)
            if values is None:
                return None
            found.append(
                Measurement(
                    indicator=indicator.code,
                    period=period,
                    target=values.get("target"),
                    actual=values.get("actual"),
                )
            )
    except _PROBLEMS:
        return None
    return found


def indicator(
    cursor: Cursor, default_code: str | None
) -> tuple[Indicator, yaml.Node | None] | None:
    """An indicator whose fields are plain texts (code, name, unit, polarity, aggregation,
    formula) and its measurements' node, if any; ``None`` for any other field (grades, a
    Renstra value, …) or a text that is missing, null or empty."""
    if not isinstance(cursor.node, yaml.MappingNode):
        return None
    texts: dict[str, str] = {}
    measured: yaml.Node | None = None
    for name_node, value_node in cursor.node.value:
        if not _is_text(name_node):
            return None
        name = name_node.value
        if name == "measurements" and measured is None:
            measured = value_node
            continue
        if name not in _INDICATOR_TEXTS or name in texts:
            return None
        # The careful reading's own rules: a unit may be "no value"; every text is text.
        text = "" if name == "unit" and is_no_value(value_node) else text_of(value_node)
        if text is None:
            return None
        texts[name] = text
    code = texts.get("code", default_code)
    if code is None or "name" not in texts:
        return None
    try:
        found = Indicator(
            code=code,
            name=texts["name"],
            unit=texts.get("unit", ""),
            polarity=texts.get("polarity", "higher"),
            aggregation=texts.get("aggregation", "last"),
            formula=texts.get("formula"),
        )
    except _PROBLEMS:
        return None
    return found, measured


def _numbers(node: yaml.Node, allowed: frozenset[str], locale: str) -> dict[str, object] | None:
    """A mapping of ``allowed`` fields to plain numbers (``None`` for anything else)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    numbers: dict[str, object] = {}
    for name_node, value_node in node.value:
        if not _is_text(name_node) or not _is_text(value_node):
            return None
        name = name_node.value
        if name not in allowed or name in numbers:
            return None
        text = value_node.value
        if ".." in text:  # a target range: read carefully
            return None
        numbers[name] = parse_number(text, locale=locale)
    return numbers


def _is_text(node: yaml.Node) -> bool:
    """A scalar node whose value is a string (a plain key or value)."""
    return isinstance(node, yaml.ScalarNode) and isinstance(node.value, str)
