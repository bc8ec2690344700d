"""Test a plugin on its own: a registry of sakip's built-ins and the plugins given, and
none of the plugins installed beside it."""

from __future__ import annotations

from types import ModuleType

from sakip.plugins.manager import get_plugin_manager, load_registry
from sakip.plugins.registry import Registry


def isolated_registry(*plugins: ModuleType | tuple[str, object]) -> Registry:
    """The registry of the built-ins and ``plugins`` (modules, or ``(name, plugin)``).

    Installed plugins are not loaded, so a test sees only what it names, and a plugin's
    tests pass whether or not it is installed.
    """
    named = [
        (plugin.__name__, plugin) if isinstance(plugin, ModuleType) else plugin
        for plugin in plugins
    ]
    return load_registry(get_plugin_manager(entry_point_plugins=False, plugins=named))
