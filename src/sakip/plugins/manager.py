"""Building the plugin manager: built-ins first, then entry-point plugins, then a strict check.

Nothing here runs at import time; call :func:`get_plugin_manager` (or :func:`load_registry`)
when rules are needed.
"""

from __future__ import annotations

import contextlib
import decimal
import difflib
import importlib
import os
import sys
from collections.abc import Callable, Iterable
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


PLUGINS_VARIABLE = "SAKIP_PLUGINS"
"""The environment variable that chooses which installed plugins load: their entry-point
names, comma-separated (``SAKIP_PLUGINS=sampang-disnaker,permenpanrb-8-2021``); empty for
none. Unset, every installed plugin loads. The built-in rules always load."""


def get_plugin_manager(
    *,
    entry_point_plugins: bool = True,
    plugins: Iterable[tuple[str, object]] = (),
    broken: dict[str, str] | None = None,
) -> pluggy.PluginManager:
    """A new plugin manager with the built-ins and (by default) every installed plugin
    (those :data:`PLUGINS_VARIABLE` names, when it is set).

    :param entry_point_plugins: also load the plugins installed in the ``sakip`` entry-point
        group (turn off for a clean manager in tests).
    :param plugins: further ``(name, plugin)`` pairs to register, after the others.
    :param broken: when given, a plugin that fails to import, implements a hook that does not
        exist or has a hook with the wrong arguments is left out and named there with its
        error; the others load all the same.

    :raises PluginError: naming the plugin, when one fails to import, implements a hook that
        does not exist (a misspelling), or has a hook with the wrong arguments (unless
        ``broken`` is given).
    """
    manager = pluggy.PluginManager(ENTRY_POINT_GROUP)
    manager.add_hookspecs(hookspecs)
    for name in DEFAULT_PLUGINS:
        _register(manager, importlib.import_module(name), name)
    found: list[tuple[str, Callable[[], object]]] = []
    if entry_point_plugins:
        found += [(e.name, _loader(e)) for e in _chosen(entry_points(group=ENTRY_POINT_GROUP))]
    found += [(name, _given(plugin)) for name, plugin in plugins]
    for name, load in found:
        try:
            _register(manager, load(), name)
        except PluginError as exc:
            if broken is None:
                raise
            broken[name] = str(exc)
    _check_hooks(manager, broken)
    return manager


def _chosen(found: Iterable[EntryPoint]) -> list[EntryPoint]:
    """The installed plugins to load, by name: those :data:`PLUGINS_VARIABLE` names."""
    ordered = sorted(found, key=lambda e: e.name)
    chosen = os.environ.get(PLUGINS_VARIABLE)
    if chosen is None:
        return ordered
    names = {name.strip() for name in chosen.split(",") if name.strip()}
    return [entry for entry in ordered if entry.name in names]


def _given(plugin: object) -> Callable[[], object]:
    return lambda: plugin


def _check_hooks(manager: pluggy.PluginManager, broken: dict[str, str] | None) -> None:
    """Every hook a plugin implements exists: a misspelt one is named with a suggestion."""
    while True:
        try:
            manager.check_pending()
            return
        except pluggy.PluginValidationError as exc:
            message = _unknown_hook_message(manager, exc)
            if broken is None:
                raise PluginError(message) from None
            broken[manager.get_name(exc.plugin) or repr(exc.plugin)] = message
            manager.unregister(exc.plugin)


def load_registry(
    manager: pluggy.PluginManager | None = None, *, isolate: bool = False
) -> Registry:
    """Everything the plugins register, resolved once into a :class:`~sakip.Registry`.

    :param isolate: leave out a broken plugin, naming it in ``registry.broken`` with its
        error, instead of raising (what the ``sakip`` command does, so that one broken plugin
        does not stop commands that do not need it).
    """
    if not isolate:
        return registry_from(manager if manager is not None else get_plugin_manager())
    broken: dict[str, str] = {}
    if manager is None:
        manager = get_plugin_manager(broken=broken)
    return registry_from(manager, broken=broken)


def register_plugin(manager: pluggy.PluginManager, plugin: object, name: str) -> None:
    """Add one plugin object (a module or class) to ``manager``, with clear errors."""
    _register(manager, plugin, name)


def _loader(entry_point: EntryPoint) -> Callable[[], object]:
    """Import a plugin, naming it if that fails. What it prints while importing goes to
    stderr, so that it cannot corrupt a command's output (``--format json``); a plugin that
    exits at import is broken, not the end of the command."""

    def load() -> object:
        context = decimal.getcontext().copy()
        with contextlib.redirect_stdout(sys.stderr):
            try:
                plugin = entry_point.load()
            except SystemExit as exc:
                raise RuntimeError(f"SystemExit({exc.code!r}) raised at import") from None
            finally:
                changed = _context_changes(context, decimal.getcontext())
                decimal.setcontext(context)
        if changed:
            # Global state changed at import would be blamed on whatever runs next.
            raise RuntimeError(f"it changed the decimal context at import ({changed})")
        return plugin

    return lambda: call_plugin(
        entry_point.name, f"to import ({entry_point.value})", load, passing=PluginError
    )


def _context_changes(before: decimal.Context, after: decimal.Context) -> str:
    """What differs between two decimal contexts (precision, rounding, traps), if anything."""
    changes = [
        f"{name} {getattr(before, name)!r} → {getattr(after, name)!r}"
        for name in ("prec", "rounding", "Emin", "Emax")
        if getattr(before, name) != getattr(after, name)
    ]
    if before.traps != after.traps:
        changes.append("traps")
    return ", ".join(changes)


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
