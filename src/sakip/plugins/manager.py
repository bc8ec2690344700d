"""Building the plugin manager: built-ins first, then entry-point plugins, then a strict check.

Nothing here runs at import time; call :func:`get_plugin_manager` (or :func:`load_registry`)
when rules are needed.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points

import pluggy

from sakip import hookspecs
from sakip.errors import PluginError
from sakip.plugins.calls import call_plugin
from sakip.plugins.registry import Registry, registry_from

ENTRY_POINT_GROUP = "sakip"

DEFAULT_PLUGINS = (
    "sakip.rules.builtin",
    "sakip.checks",
)
"""The library's own rules: registered through the same hooks as any other plugin."""


def get_plugin_manager(
    *, entry_point_plugins: bool = True, plugins: Iterable[tuple[str, object]] = ()
) -> pluggy.PluginManager:
    """A new plugin manager with the built-ins and (by default) every installed plugin.

    :param entry_point_plugins: also load the plugins installed in the ``sakip`` entry-point
        group (turn off for a clean manager in tests).
    :param plugins: further ``(name, plugin)`` pairs to register, after the others.

    :raises PluginError: naming the plugin, when one fails to import, implements a hook that
        does not exist (a misspelling), or has a hook with the wrong arguments.
    """
    manager = pluggy.PluginManager(ENTRY_POINT_GROUP)
    manager.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        _register(manager, importlib.import_module(name), name)
    if entry_point_plugins:
        for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            _register(manager, _load(entry_point), entry_point.name)
    for name, plugin in plugins:
        _register(manager, plugin, name)
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(_unknown_hook_message(manager, exc)) from None
    return manager


def load_registry(manager: pluggy.PluginManager | None = None) -> Registry:
    """Everything the plugins register, resolved once into a :class:`~sakip.Registry`."""
    return registry_from(manager if manager is not None else get_plugin_manager())


def register_plugin(manager: pluggy.PluginManager, plugin: object, name: str) -> None:
    """Add one plugin object (a module or class) to ``manager``, with clear errors."""
    _register(manager, plugin, name)


def _load(entry_point: EntryPoint) -> object:
    return call_plugin(
        entry_point.name, f"to import ({entry_point.value})", entry_point.load, passing=PluginError
    )


def _register(manager: pluggy.PluginManager, plugin: object, name: str) -> None:
    try:
        manager.register(plugin, name=name)
    except pluggy.PluginValidationError as exc:
        raise PluginError(f"plugin {name!r}: {exc}") from None
    except ValueError as exc:  # pluggy: a name or object registered twice
        raise PluginError(f"plugin {name!r} cannot be registered: {exc}") from None


def _unknown_hook_message(manager: pluggy.PluginManager, exc: pluggy.PluginValidationError) -> str:
    known = [name for name in dir(hookspecs) if name.startswith("sakip_")]
    message = f"plugin {manager.get_name(exc.plugin)!r}: {exc}"
    for word in str(exc).replace("'", " ").split():
        close = difflib.get_close_matches(word, known, n=1)
        if word.startswith("sakip_") and word not in known and close:
            return f"{message}; did you mean {close[0]!r}?"
    return f"{message}. Hooks are: {', '.join(known)}"
