"""Hypothesis strategies for the core tests."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

# Indicator values as agencies write them: up to 9 integer digits and 4 decimals.
values = st.decimals(
    min_value=0,
    max_value=Decimal("999999999.9999"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)
positive = values.filter(lambda d: d > 0)
scales = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(1000), places=3)
money = st.integers(min_value=0, max_value=10**13).map(Decimal)
