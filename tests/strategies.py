"""Hypothesis strategies for the core tests: sakip.testing's, and one of their own."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from sakip.testing.strategies import money, values
from sakip.testing.strategies import positive_values as positive

scales = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(1000), places=3)
"""Factors to scale a target and an actual value by together."""

__all__ = ["money", "positive", "scales", "values"]
