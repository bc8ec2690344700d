"""Which achievement formula and which aggregation of quarters each indicator follows, read
from the report's own figures: the formula that gives the achievements printed beside its
targets and actual values (so a lower-is-better indicator is found by its figures), and the
aggregation that gives the year printed beside its four quarters."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from attrs import frozen

from sakip.errors import SakipError
from sakip.model.indicators import Aggregation
from sakip.model.policy import AchievementPolicy
from sakip.model.printed import Figure, Table, figures_of
from sakip.model.subjects import Measure
from sakip.rules.achievement import AchievementRule
from sakip.rules.aggregation import aggregate
from sakip.rules.formulas import DEFAULT_FORMULA, Formula

_AGGREGATIONS = (Aggregation.LAST, Aggregation.SUM, Aggregation.AVERAGE)
"""In order of preference where several give the printed year (a level is the default)."""


@frozen
class IndicatorRules:
    """The formula and aggregation the report's figures show for each indicator (by the
    entity its figures are printed for)."""

    formulas: dict[str, Formula]
    aggregations: dict[str, Aggregation]

    def of(self, entity: str) -> dict[str, Any]:
        """The fields of an :class:`~sakip.Indicator` the figures decide, for ``entity``."""
        fields: dict[str, Any] = {}
        formula = self.formulas.get(entity)
        if formula is not None:
            fields["polarity"] = formula.polarity
            if DEFAULT_FORMULA[formula.polarity] != formula.code:
                fields["formula"] = formula.code
        if entity in self.aggregations:
            fields["aggregation"] = self.aggregations[entity]
        return fields

    @classmethod
    def from_report(
        cls,
        tables: Iterable[Table],
        quantity: Callable[[str], str],
        formulas: Sequence[Formula],
        policy: AchievementPolicy,
    ) -> IndicatorRules:
        rows = _rows(tables, quantity)
        aggregations = _aggregations(rows)
        return cls(_formulas(rows, formulas, policy, aggregations), aggregations)


_Row = dict[tuple[Measure, object], Figure]


def _rows(tables: Iterable[Table], quantity: Callable[[str], str]) -> dict[str, list[_Row]]:
    """Each entity's printed rows: its figures in one table row, by measure and period."""
    found: dict[tuple[str, int, str], _Row] = defaultdict(dict)
    for table in tables:
        for figure in figures_of(table):
            subject = figure.subject
            key = (table.id, figure.place.row, quantity(subject.entity))
            found[key][(subject.measure, subject.period)] = figure
    by_entity: dict[str, list[_Row]] = defaultdict(list)
    for (_, _, entity), row in found.items():
        by_entity[entity].append(row)
    return by_entity


def _formulas(
    rows: dict[str, list[_Row]],
    formulas: Sequence[Formula],
    policy: AchievementPolicy,
    aggregations: dict[str, Aggregation],
) -> dict[str, Formula]:
    chosen: dict[str, Formula] = {}
    for entity, entity_rows in rows.items():
        how = aggregations.get(entity, Aggregation.LAST)
        cases = [case for row in entity_rows for case in _cases(row, how)]
        if not cases:
            continue
        scores = Counter(
            {f.code: sum(_gives(f, policy, *case) for case in cases) for f in formulas}
        )
        best = max(scores.values(), default=0)
        if best == 0:
            continue
        default = {DEFAULT_FORMULA[f.polarity] for f in formulas}
        top = [f for f in formulas if scores[f.code] == best]
        # The default of a polarity first, so a formula no figure tells apart is not guessed.
        chosen[entity] = next((f for f in top if f.code in default), top[0])
    return chosen


def _cases(row: _Row, how: Aggregation) -> Iterable[tuple[Decimal, Decimal, Figure]]:
    """(target, actual, printed achievement) of one printed row: a period's achievement
    beside its target and actual, and a quarter's achievement to date beside the year's
    target and the quarters so far (combined by the indicator's aggregation)."""
    for (measure, period), figure in row.items():
        if measure is Measure.ACHIEVEMENT:
            target, actual = row.get((Measure.TARGET, period)), row.get((Measure.ACTUAL, period))
            if target is not None and actual is not None:
                yield target.value, actual.value, figure
        elif measure is Measure.ACHIEVEMENT_TO_DATE and not getattr(period, "is_year", True):
            year = period.year_period  # type: ignore[attr-defined]
            target = row.get((Measure.TARGET, year))
            so_far = [row.get((Measure.ACTUAL, q)) for q in year.quarters()[: period.quarter]]  # type: ignore[attr-defined]
            if target is not None and so_far and all(q is not None for q in so_far):
                done = aggregate([q.value for q in so_far if q is not None], how)
                yield target.value, done, figure


def _gives(
    formula: Formula, policy: AchievementPolicy, target: Decimal, actual: Decimal, printed: Figure
) -> bool:
    try:
        value = AchievementRule(formula, policy)(target, actual)
    except (SakipError, ArithmeticError):  # a formula that cannot take these figures
        return False
    return printed.shows(value)


def _aggregations(rows: dict[str, list[_Row]]) -> dict[str, Aggregation]:
    """The aggregation whose result each entity's printed years show beside their quarters.
    An entity none of whose rows agrees with any aggregation (a misprinted year) takes the
    one most rows of its tables show, so its misprint is found against it."""
    chosen: dict[str, Aggregation] = {}
    undecided: dict[str, set[str]] = {}
    by_table: dict[str, Counter[Aggregation]] = defaultdict(Counter)
    for entity, entity_rows in rows.items():
        votes: Counter[Aggregation] = Counter()
        tables: set[str] = set()
        for row in entity_rows:
            for figure, quarters in _years_with_quarters(row):
                tables.add(figure.place.table)
                values = [quarter.value for quarter in quarters]
                for how in _AGGREGATIONS:
                    if figure.shows(aggregate(values, how)):
                        votes[how] += 1
                        by_table[figure.place.table][how] += 1
        if votes:
            best = max(votes.values())
            chosen[entity] = next(how for how in _AGGREGATIONS if votes[how] == best)
        elif tables:
            undecided[entity] = tables
    for entity, tables in undecided.items():
        votes = sum((by_table[table] for table in tables), Counter())
        if votes:
            best = max(votes.values())
            chosen[entity] = next(how for how in _AGGREGATIONS if votes[how] == best)
    return chosen


def _years_with_quarters(row: _Row) -> Iterable[tuple[Figure, list[Figure]]]:
    """Each year's target or actual printed in a row with its four quarters."""
    for (measure, period), figure in row.items():
        if measure not in (Measure.TARGET, Measure.ACTUAL) or not getattr(period, "is_year", False):
            continue
        quarters = [row.get((measure, quarter)) for quarter in period.quarters()]  # type: ignore[attr-defined]
        found = [quarter for quarter in quarters if quarter is not None]
        if len(found) == len(quarters):
            yield figure, found
