"""Test configuration: hypothesis profiles, and a clean plugin manager per test."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# CI must be repeatable: the same examples every run, no example database carried over.
settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
