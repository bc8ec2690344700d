"""The columnar path: every row of a frame equals the scalar rule's result, ties included, in
exact arithmetic; floats and bad text refused; the zero policy and the cap kept."""

from __future__ import annotations

from decimal import Decimal

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip import (
    AchievementPolicy,
    NumberError,
    RoundingPolicy,
    ZeroDenominatorError,
    absorption,
    batch,
    load_registry,
)
from sakip.testing.strategies import achievement_policies

REGISTRY = load_registry()
amounts = st.decimals(min_value=0, max_value=Decimal("99999999.9999"), places=4)
positive = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("99999999.9999"), places=4)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(positive, amounts), min_size=1, max_size=30),
    st.sampled_from(["higher.ratio", "lower.2t-r", "lower.inverse"]),
    achievement_policies,
)
def test_every_row_is_the_scalar_rules_result(
    rows: list[tuple[Decimal, Decimal]], formula: str, policy: AchievementPolicy
) -> None:
    frame = pl.DataFrame(
        {"target": [t for t, _ in rows], "actual": [a for _, a in rows]},
        schema={"target": pl.Decimal(38, 4), "actual": pl.Decimal(38, 4)},
    )
    rule = REGISTRY.achievement_rule(formula, policy)
    try:
        expected = [rule(t, a) for t, a in rows]
    except ZeroDenominatorError:
        with pytest.raises(ZeroDenominatorError):
            batch.achievements(frame, formula=formula, policy=policy)
        return
    got = batch.achievements(frame, formula=formula, policy=policy)["achievement"].to_list()
    assert got == expected


def test_ties_round_as_the_policy_says() -> None:
    # 1 / 8 × 100 = 12,5 exactly: half-up 13, half-even 12, truncate 12; 3 / 8 × 100 = 37,5.
    frame = pl.DataFrame({"target": [8, 8], "actual": [1, 3]})
    for mode, expected in (
        ("half-up", ["13", "38"]),
        ("half-even", ["12", "38"]),
        ("truncate", ["12", "37"]),
    ):
        policy = AchievementPolicy(rounding=RoundingPolicy(mode, 0))
        got = batch.achievements(frame, policy=policy)["achievement"].to_list()
        assert got == [Decimal(e) for e in expected], mode


def test_indonesian_text_and_the_example_agencys_figures() -> None:
    frame = pl.DataFrame({"target": ["77,85", "100"], "actual": ["94,96", "100"]})
    got = batch.achievements(frame, scale=REGISTRY.scale("permendagri-86-2017"))
    # 94,96 / 77,85 × 100 = 121,978… → 121,98 (the source report's table 3.1).
    assert got["achievement"].to_list() == [Decimal("121.98"), Decimal("100.00")]
    assert got["predicate"].to_list() == ["Sangat Tinggi", "Sangat Tinggi"]


def test_floats_and_bad_text_are_refused() -> None:
    with pytest.raises(NumberError, match="column 'target' holds floats"):
        batch.achievements(pl.DataFrame({"target": [77.85], "actual": [94.96]}))
    with pytest.raises(NumberError, match=r"rows \[1\] are not numbers in Indonesian form"):
        batch.achievements(pl.DataFrame({"target": ["77,85", "77.85"], "actual": ["1", "2"]}))


def test_zero_policy_and_cap() -> None:
    frame = pl.DataFrame({"target": [0, 100, 80], "actual": [5, 150, 100]})
    with pytest.raises(ZeroDenominatorError, match="row 0"):
        batch.achievements(frame)
    policy = AchievementPolicy(zero="met-if-meets", cap=Decimal(120))
    got = batch.achievements(frame, policy=policy)["achievement"].to_list()
    # 5 meets a target of 0 (higher): 100; 150 / 100 = 150 capped at 120; 100 / 80 = 125 → 120.
    assert got == [Decimal("100.00"), Decimal("120.00"), Decimal("120.00")]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**12), st.integers(0, 10**12)), min_size=1, max_size=20))
def test_absorption_rows_are_the_scalar_results(rows: list[tuple[int, int]]) -> None:
    frame = pl.DataFrame({"allocation": [p for p, _ in rows], "spending": [s for _, s in rows]})
    got = batch.absorptions(frame)["absorption"].to_list()
    expected = [absorption(Decimal(p), Decimal(s)) if p else None for p, s in rows]
    assert got == expected


def test_a_pyarrow_table_is_taken() -> None:
    import pyarrow as pa

    table = pa.table({"target": pa.array([Decimal("80")]), "actual": pa.array([Decimal("89")])})
    assert batch.achievements(table)["achievement"].to_list() == [Decimal("111.25")]


# --- the numpy lane: a float estimate corrected by the exact integer remainder ------------

_LIMIT = 1 << 52


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, _LIMIT // 10_000 - 1), st.integers(1, _LIMIT - 1)),
        min_size=1,
        max_size=50,
    ),
    st.sampled_from(["half-up", "truncate"]),
)
def test_the_numpy_lane_rounds_as_python_integers_do(
    rows: list[tuple[int, int]], mode: str
) -> None:
    # The reference is Python's own integer arithmetic, independent of the lane and of floats:
    # half-up is ⌊(2n + d) / 2d⌋ and truncation ⌊n / d⌋ for non-negative n and positive d.
    import numpy as np

    from sakip import RoundingMode
    from sakip.batch_kernel import rounded_units

    numerators = np.array([n for n, _ in rows], dtype=np.int64)
    denominators = np.array([d for _, d in rows], dtype=np.int64)
    got = rounded_units(numerators, denominators, 10_000, RoundingMode(mode))
    assert got is not None
    expected = [
        (2 * n * 10_000 + d) // (2 * d) if mode == "half-up" else n * 10_000 // d for n, d in rows
    ]
    assert got.tolist() == expected


def test_the_numpy_lane_repairs_a_wrong_float_estimate() -> None:
    # The estimate rounds ties to even. (2**52 − 1) / 2 = 2.251.799.813.685.247,5 becomes …248:
    # right for half-up, one too high for truncation (…247). 1 / 8 × 100 = 12,5 becomes 12:
    # right for truncation, one too low for half-up (13). The remainder repairs both.
    import numpy as np

    from sakip import RoundingMode
    from sakip.batch_kernel import rounded_units

    n = np.array([(1 << 52) - 1, 1], dtype=np.int64)
    d = np.array([2, 8], dtype=np.int64)
    assert rounded_units(n, d, 1, RoundingMode.HALF_UP).tolist() == [2251799813685248, 0]
    assert rounded_units(n, d, 1, RoundingMode.TRUNCATE).tolist() == [2251799813685247, 0]
    assert rounded_units(n, d, 100, RoundingMode.HALF_UP) is None  # beyond the exact range
    assert rounded_units(n[1:], d[1:], 100, RoundingMode.HALF_UP).tolist() == [13]
    assert rounded_units(n[1:], d[1:], 100, RoundingMode.TRUNCATE).tolist() == [12]


def test_frames_outside_the_numpy_lane_give_the_same_results() -> None:
    # Half-even, a null, a negative actual, mixed scales and text all take the general path;
    # each row is what the scalar rule gives.
    rule = REGISTRY.achievement_rule("higher.ratio", AchievementPolicy())
    frame = pl.DataFrame(
        {"target": [Decimal("8.00"), Decimal("3.00")], "actual": [Decimal("1.00"), None]},
        schema={"target": pl.Decimal(38, 2), "actual": pl.Decimal(38, 1)},
    )
    got = batch.achievements(frame)["achievement"].to_list()
    assert got == [rule(Decimal(8), Decimal(1)), None]
    big = pl.DataFrame({"target": [3, 7], "actual": [10**17, 2]})
    got = batch.achievements(big)["achievement"].to_list()
    assert got == [rule(Decimal(3), Decimal(10**17)), rule(Decimal(7), Decimal(2))]


def test_values_beyond_the_lane_are_computed_exactly_elsewhere() -> None:
    # An actual of 2**64 − 5 units reads as −5 in 64 bits: the lane must not take it. By
    # hand, (2T − R) / T × 100 with T = 10 is (20 − R) × 10, exactly.
    huge = 2**64 - 5
    frame = pl.DataFrame(
        {"target": [10, 10], "actual": [huge, 4]},
        schema={"target": pl.Decimal(38, 0), "actual": pl.Decimal(38, 0)},
    )
    got = batch.achievements(frame, formula="lower.2t-r")["achievement"].to_list()
    assert got == [Decimal((20 - huge) * 10).quantize(Decimal("0.01")), Decimal("160.00")]
    empty = pl.DataFrame(
        {"target": [], "actual": []},
        schema={"target": pl.Decimal(38, 2), "actual": pl.Decimal(38, 2)},
    )
    assert batch.achievements(empty)["achievement"].to_list() == []


@pytest.mark.parametrize("formula", ["higher.ratio", "lower.inverse"])
def test_a_value_whose_low_64_bits_look_small_is_never_read_as_them(formula: str) -> None:
    # 2**64 + 5 has the low word 5 and the high word 1. Placed past the first piece of rows
    # (65.536), in either column, it must be read whole. By hand: higher.ratio gives R × 10
    # against a target of 10 and 5 / (2**64 + 10) × 100, which rounds to 0,00; lower.inverse
    # swaps the two.
    rows = 70_000
    targets = [Decimal(10)] * rows
    actuals = [Decimal(4)] * rows
    targets[-1], actuals[-2] = Decimal(2**64 + 10), Decimal(2**64 + 5)
    frame = pl.DataFrame(
        {"target": targets, "actual": actuals},
        schema={"target": pl.Decimal(38, 0), "actual": pl.Decimal(38, 0)},
    )
    got = batch.achievements(frame, formula=formula)["achievement"].to_list()
    if formula == "higher.ratio":
        expected_big = Decimal((2**64 + 5) * 10).quantize(Decimal("0.01"))
        assert got[-3:] == [Decimal("40.00"), expected_big, Decimal("0.00")]
    else:
        # T / R × 100: 10 / (2**64 + 5) × 100 rounds to 0,00; (2**64 + 10) / 4 × 100 =
        # (2**64 + 10) × 25.
        expected_big = Decimal((2**64 + 10) * 25).quantize(Decimal("0.01"))
        assert got[-3:] == [Decimal("250.00"), Decimal("0.00"), expected_big]
