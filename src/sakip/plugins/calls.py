"""Calling plugin code: the one place that turns a plugin's crash into an error naming it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sakip.errors import PluginError, SakipError

T = TypeVar("T")


def call_plugin(
    plugin: str,
    doing: str,
    function: Callable[[], T],
    *,
    passing: type[SakipError] = SakipError,
    returns: type | None = None,
) -> T:
    """Run ``function``, plugin code, on behalf of ``plugin``.

    Errors of type ``passing`` go through unchanged: by default all of sakip's own errors,
    which already say what is wrong (bad data, an unknown code). Any other exception becomes
    a :class:`~sakip.errors.PluginError` that names the plugin and what it was doing, e.g.
    ``plugin 'dinas-x' failed to build table 3.7 of 'dinas-x': KeyError: 'S9'``. Registration
    hooks pass only :class:`~sakip.errors.PluginError`: whatever goes wrong there is the
    plugin's. With ``returns``, what the plugin returns must be of that type (a table
    builder returning ``None`` is named, not a crash further on).
    """
    try:
        result = function()
    except passing:
        raise
    except Exception as exc:
        raise PluginError(f"plugin {plugin!r} failed {doing}: {type(exc).__name__}: {exc}") from exc
    if returns is not None and not isinstance(result, returns):
        raise PluginError(
            f"plugin {plugin!r} returned {_shown(result)} {doing}, expected a {returns.__name__}"
        )
    return result


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
