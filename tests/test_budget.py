from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import (
    Activity,
    BudgetLine,
    BudgetStage,
    BudgetTree,
    Efficiency,
    Period,
    Program,
    SubActivity,
    ValidationError,
    ZeroDenominatorError,
    absorption,
    classify_difference,
    classify_index,
    efficiency_difference,
    efficiency_index,
)
from tests.strategies import money

D = Decimal
YEAR = Period(2023)
REVISED = BudgetStage.REVISED

TREE = BudgetTree.from_nodes(
    [Program(key="P", name="Program Hubungan Industrial")],
    [
        Activity(key="P.1", name="Pengesahan", program="P"),
        Activity(key="P.2", name="Perselisihan", program="P"),
    ],
    [
        SubActivity(key="P.1.1", name="Pengesahan PP", activity="P.1"),
        SubActivity(key="P.2.1", name="Penyelesaian", activity="P.2"),
    ],
)


def line(
    node: str, allocation: int, spending: int | None, stage: BudgetStage = REVISED
) -> BudgetLine:
    return BudgetLine(node=node, period=YEAR, stage=stage, allocation=allocation, spending=spending)


def test_absorption_hand_computed() -> None:
    # Table 3.7, Program Hubungan Industrial: 98.212.600 / 215.040.000 = 45,6718…
    assert absorption(D(215040000), D(98212600)) == D("45.67")
    # its sub-activity Pengesahan Peraturan Perusahaan: 97.452.600 / 214.160.000 = 45,5045…
    assert absorption(D(214160000), D(97452600)) == D("45.50")


def test_absorption_refuses_zero_and_negative() -> None:
    with pytest.raises(ZeroDenominatorError):
        absorption(D(0), D(0))
    with pytest.raises(ValidationError, match="negative"):
        absorption(D(-1), D(0))


def test_roll_up_from_sub_activities() -> None:
    totals = TREE.totals(
        [line("P.1.1", 214160000, 97452600), line("P.2.1", 880000, 760000)], YEAR, REVISED
    )
    assert totals["P"].allocation == D(215040000)
    assert totals["P"].spending == D(98212600)
    assert totals["P.2"].absorption() == D("86.36")
    assert TREE.agency_total(totals).allocation == D(215040000)


def test_a_stated_parent_total_wins_over_partial_children() -> None:
    initial = BudgetStage.INITIAL
    totals = TREE.totals(
        [line("P", 23469404, None, initial), line("P.2.1", 4895000, None, initial)], YEAR, initial
    )
    assert totals["P"].allocation == D(23469404)
    assert totals["P.2"].allocation == D(4895000)
    assert "P.1" not in totals
    assert totals["P"].absorption() is None


def test_roll_up_refuses_unknown_node_and_duplicate_line() -> None:
    with pytest.raises(ValidationError, match="'Q'"):
        TREE.totals([line("Q", 1, 1)], YEAR, REVISED)
    with pytest.raises(ValidationError, match="two revised lines"):
        TREE.totals([line("P.1.1", 1, 1), line("P.1.1", 2, 2)], YEAR, REVISED)


def test_negative_budget_line_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"BudgetLine.allocation: must not be negative"):
        line("P.1.1", -5, 0)


@given(amounts=st.lists(st.tuples(money, money), min_size=2, max_size=2), seed=st.integers())
def test_property_roll_up_independent_of_order(amounts: list[tuple[D, D]], seed: int) -> None:
    lines = [
        line(key, int(a), int(s)) for key, (a, s) in zip(["P.1.1", "P.2.1"], amounts, strict=True)
    ]
    shuffled = lines[:]
    random.Random(seed).shuffle(shuffled)
    assert TREE.totals(lines, YEAR, REVISED) == TREE.totals(shuffled, YEAR, REVISED)
    assert TREE.totals(lines, YEAR, REVISED)["P"].allocation == amounts[0][0] + amounts[1][0]


def test_efficiency_forms() -> None:
    # Objective 1: achievement 121,98 with absorption 94,41.
    assert efficiency_difference(D("121.98"), D("94.41")) == D("27.57")
    assert classify_difference(D("27.57")) is Efficiency.EFFICIENT
    assert classify_difference(D("-5")) is Efficiency.FAIRLY_EFFICIENT
    assert classify_difference(D("-5.01")) is Efficiency.NOT_EFFICIENT
    assert efficiency_index(D("121.98"), D("94.41")) == D("1.29")  # 1,29202…
    assert classify_index(D("1.00")) is Efficiency.EFFICIENT
    assert classify_index(D("0.99")) is Efficiency.NOT_EFFICIENT
