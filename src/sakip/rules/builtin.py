"""Built-in plugin: sakip's own formulas and scales, registered through the same hooks as
any other plugin's (:mod:`sakip.checks` registers the built-in checks)."""

from __future__ import annotations

from collections.abc import Callable

from sakip.hookspecs import hookimpl
from sakip.rules.formulas import BUILTIN_FORMULAS, Formula
from sakip.rules.scales import BUILTIN_SCALES, Scale


@hookimpl
def sakip_register_formulas(register: Callable[[Formula], None]) -> None:
    for formula in BUILTIN_FORMULAS:
        register(formula)


@hookimpl
def sakip_register_scales(register: Callable[[Scale], None]) -> None:
    for scale in BUILTIN_SCALES:
        register(scale)
