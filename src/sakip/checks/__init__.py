"""sakip's own audit checks, one module per check named by its code, registered through the
same hook as any plugin's.

Each module holds the check's whole identity: its ``CHECK`` registration (code, dotted name,
severities, description) and the function it runs. Each check reports a defect once, where it
is: a figure that follows from a misprinted input is not reported again (it equals what the
agency's data gives), and a total that adds up its misprinted parts is not either; the part
is reported, naming the totals it is carried into.
"""

from __future__ import annotations

from collections.abc import Callable

from sakip.checks import (
    SK101,
    SK102,
    SK103,
    SK104,
    SK105,
    SK201,
    SK301,
    SK302,
    SK401,
    SK501,
    SK601,
    SK602,
    SK603,
    SK604,
    SK605,
    SK606,
    SK607,
    SK701,
    SK702,
)
from sakip.hookspecs import hookimpl
from sakip.plugins.registrations import CheckSpec

CHECKS: tuple[CheckSpec, ...] = tuple(
    module.CHECK
    for module in (
        SK101,
        SK102,
        SK103,
        SK104,
        SK105,
        SK201,
        SK301,
        SK302,
        SK401,
        SK501,
        SK601,
        SK602,
        SK603,
        SK604,
        SK605,
        SK606,
        SK607,
        SK701,
        SK702,
    )
)


@hookimpl
def sakip_register_checks(register: Callable[[CheckSpec], None]) -> None:
    for check in CHECKS:
        register(check)
