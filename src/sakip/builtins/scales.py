"""Built-in plugin: the predicate scales of :mod:`sakip.rules.scales`."""

from __future__ import annotations

from collections.abc import Callable

from sakip.hookspecs import hookimpl
from sakip.rules.scales import BUILTIN_SCALES, Scale


@hookimpl
def sakip_register_scales(register: Callable[[Scale], None]) -> None:
    for scale in BUILTIN_SCALES:
        register(scale)
