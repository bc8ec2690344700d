"""Hypothesis's entry point: registers sakip's record strategies when hypothesis starts."""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    from sakip.testing.strategies import register_strategies

    register_strategies()
