"""Built-in plugin: the achievement formulas of :mod:`sakip.rules.formulas`."""

from __future__ import annotations

from collections.abc import Callable

from sakip.hookspecs import hookimpl
from sakip.rules.formulas import BUILTIN_FORMULAS, Formula


@hookimpl
def sakip_register_formulas(register: Callable[[Formula], None]) -> None:
    for formula in BUILTIN_FORMULAS:
        register(formula)
