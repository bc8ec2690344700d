"""The plugin system: built-ins through the hooks, strict loading, clear plugin errors."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from importlib.metadata import EntryPoint
from typing import Any

import pluggy
import pytest

from sakip import (
    DuplicateCodeError,
    Formula,
    PluginError,
    Polarity,
    UnknownCodeError,
    get_plugin_manager,
    hookimpl,
    load_registry,
)
from sakip.manager import register_plugin
from sakip.rules.formulas import higher_ratio


def clean_manager() -> pluggy.PluginManager:
    return get_plugin_manager(entry_point_plugins=False)


def formula(code: str) -> Formula:
    return Formula(
        code=code,
        name="x",
        polarity=Polarity.HIGHER,
        expression="R / T",
        source="test",
        compute=higher_ratio,
        meets=lambda t, a: a >= t,
    )


def test_builtins_register_through_the_hooks() -> None:
    registry = load_registry(clean_manager())
    assert set(registry.formulas.keys()) >= {
        "higher.ratio",
        "lower.2t-r",
        "lower.inverse",
        "range.nearest",
    }
    assert registry.formulas.plugin_of("higher.ratio") == "sakip.builtins.formulas"
    assert registry.scales.plugin_of("permendagri-86-2017") == "sakip.builtins.scales"


def test_a_plugin_adds_a_formula() -> None:
    class Extra:
        @hookimpl
        def sakip_register_formulas(self, register: Callable[[Formula], None]) -> None:
            register(formula("higher.extra"))

    manager = clean_manager()
    register_plugin(manager, Extra(), "extra")
    registry = load_registry(manager)
    rule = registry.achievement_rule("higher.extra")
    assert rule(Decimal(4), Decimal(3)) == Decimal("75.00")
    assert "formula higher.extra" in registry.plugins["extra"]


def test_duplicate_code_names_both_plugins() -> None:
    class Clash:
        @hookimpl
        def sakip_register_formulas(self, register: Callable[[Formula], None]) -> None:
            register(formula("higher.ratio"))

    manager = clean_manager()
    register_plugin(manager, Clash(), "clash")
    with pytest.raises(
        DuplicateCodeError, match=r"'sakip\.builtins\.formulas' and again by plugin 'clash'"
    ):
        load_registry(manager)


def test_misspelt_hook_fails_at_start_up_with_a_suggestion() -> None:
    class Typo:
        @hookimpl
        def sakip_register_formula(self, register: Any) -> None:  # missing "s"
            pass

    with pytest.raises(PluginError, match=r"plugin 'typo'.*did you mean 'sakip_register_formulas'"):
        get_plugin_manager(entry_point_plugins=False, plugins=[("typo", Typo())])


def test_plugin_that_fails_to_import_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = EntryPoint(name="broken-agency", value="no_such_module_xyz:plugin", group="sakip")
    monkeypatch.setattr("sakip.manager.entry_points", lambda group: [broken])
    with pytest.raises(
        PluginError,
        match=r"plugin 'broken-agency' \(no_such_module_xyz:plugin\) failed to import: ModuleNotFoundError",
    ):
        get_plugin_manager()


def test_plugin_registering_the_wrong_type_is_named() -> None:
    class Wrong:
        @hookimpl
        def sakip_register_scales(self, register: Callable[[Any], None]) -> None:
            register("permendagri")

    manager = clean_manager()
    register_plugin(manager, Wrong(), "wrong")
    with pytest.raises(
        PluginError, match="plugin 'wrong' registered 'permendagri', expected a Scale"
    ):
        load_registry(manager)


def test_plugin_raising_inside_its_hook_is_named() -> None:
    class Crash:
        @hookimpl
        def sakip_register_formulas(self, register: Callable[[Formula], None]) -> None:
            register(formula("Not A Code"))

    manager = clean_manager()
    register_plugin(manager, Crash(), "crash")
    with pytest.raises(
        PluginError, match="plugin 'crash' failed in sakip_register_formulas: ValidationError"
    ):
        load_registry(manager)


def test_unknown_code_suggests_the_nearest() -> None:
    registry = load_registry(clean_manager())
    with pytest.raises(UnknownCodeError, match=r"Did you mean 'higher\.ratio'"):
        registry.formulas.get("higher.ration")


def test_no_manager_is_built_at_import_time(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    import sakip

    built: list[object] = []
    monkeypatch.setattr(pluggy, "PluginManager", lambda *a: built.append(a))
    importlib.reload(sakip)
    assert built == []
