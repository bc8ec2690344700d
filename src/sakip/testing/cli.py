"""Run the ``sakip`` command inside a test, as a user would, and read what it printed."""

from __future__ import annotations

from collections.abc import Sequence

from click.testing import CliRunner, Result


def run_cli(args: Sequence[str]) -> Result:
    """Run ``sakip ARGS…`` in this process; the result has ``exit_code``, ``stdout`` and
    ``stderr`` (kept apart, as a terminal shows them)."""
    from sakip.cli import main

    return CliRunner().invoke(main, list(args))
