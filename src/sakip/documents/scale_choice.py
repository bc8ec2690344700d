"""The predicate scale a report uses, told from the predicates it prints.

Agencies label achievements on different scales: Permendagri 86/2017 (Sangat Tinggi …
Sangat Rendah), East Java's four levels (Sangat Baik, Baik, Cukup, Kurang), or others a
plugin registers. A report read from its file names none; the predicates it prints do. The
scale is the registered one whose labels include every predicate printed and under which
most of those printed beside an achievement follow from it (the default, Permendagri
86/2017, needs only its labels); where several are, the one most of them follow. When none
is (``Sedang`` beside ``Baik``; a lone ``Baik`` for 109,37, which East Java calls Sangat
Baik), the scale cannot be told: the predicates are left unchecked rather than judged on a
scale the report does not use.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from sakip.model.printed import Table, figures_of, labels_of
from sakip.model.subjects import Measure
from sakip.rules.scales import Scale


def known_labels(scales: Sequence[Scale]) -> frozenset[str]:
    """Every label of the scales, compared without case or extra spaces."""
    return frozenset(_key(label) for scale in scales for label in scale.labels)


def choose_scale(tables: Sequence[Table], scales: Sequence[Scale], default: str) -> str | None:
    """The code of the scale the tables' printed predicates are on: ``default`` when they
    print none, ``None`` when no scale is told."""
    printed = list(_printed_predicates(tables))
    if not printed:
        return default
    labels = {_key(label) for label, _ in printed}
    judged = sum(1 for _, achievement in printed if achievement is not None)
    fitting = [
        scale
        for scale in scales
        if labels <= {_key(label) for label in scale.labels}
        and (scale.code == default or 2 * _agreeing(scale, printed) > judged)
    ]
    if not fitting:
        return None
    order = sorted(fitting, key=lambda scale: scale.code != default)  # the default first
    return max(order, key=lambda scale: _agreeing(scale, printed)).code


def _agreeing(scale: Scale, printed: list[tuple[str, Decimal | None]]) -> int:
    return sum(
        1
        for label, achievement in printed
        if achievement is not None and _key(scale.classify(achievement)) == _key(label)
    )


def _printed_predicates(tables: Sequence[Table]) -> list[tuple[str, Decimal | None]]:
    """Each predicate printed, with the achievement printed in its row (or ``None``)."""
    found: list[tuple[str, Decimal | None]] = []
    for table in tables:
        achievements = {
            (figure.place.row, figure.subject.having(Measure.PREDICATE)): figure.value
            for figure in figures_of(table)
            if figure.subject.measure is Measure.ACHIEVEMENT
        }
        found.extend(
            (label.text, achievements.get((label.place.row, label.subject)))
            for label in labels_of(table)
            if label.subject.measure is Measure.PREDICATE
        )
    return found


def _key(label: str) -> str:
    return " ".join(label.casefold().split())


def without_predicates(table: Table) -> Table:
    """``table`` with its predicates as text only: no subject, so no check."""
    subjects = {
        cell: subject
        for cell, subject in table.subjects.items()
        if subject.measure is not Measure.PREDICATE
    }
    return attrs.evolve(table, subjects=subjects, beside={})
