"""The one mutable object: what the plugins registered, by code, with who registered it.

Built once from a plugin manager (:func:`load_registry`); after that, lookups are plain dict
reads and rules are plain objects, so no calculation goes through pluggy.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any, Generic, TypeVar

import attrs
import pluggy
from attrs import define, field

from sakip.errors import DuplicateCodeError, PluginError, SakipError, UnknownCodeError
from sakip.model.indicators import Indicator, Polarity
from sakip.model.policy import AchievementPolicy
from sakip.plugins.calls import call_plugin
from sakip.plugins.registrations import AgencySpec, CheckSpec, ReportSpec, TableSpec
from sakip.rules.achievement import AchievementRule
from sakip.rules.formulas import (
    DEFAULT_FORMULA,
    Formula,
    FormulaFunction,
    NumericTarget,
    ZeroDenominator,
)
from sakip.rules.scales import Scale

T = TypeVar("T")


@define
class Entries(Generic[T]):
    """Entries of one kind, keyed by code, remembering which plugin gave each."""

    kind: str
    _items: dict[str, tuple[T, str]] = field(factory=dict)

    def add(self, key: str, item: T, plugin: str) -> None:
        if key in self._items:
            other = self._items[key][1]
            raise DuplicateCodeError(
                f"duplicate {self.kind} {key!r}: registered by plugin {other!r} and again by "
                f"plugin {plugin!r}"
            )
        self._items[key] = (item, plugin)

    def get(self, key: str) -> T:
        try:
            return self._items[key][0]
        except KeyError:
            known = sorted(self._items)
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise UnknownCodeError(
                f"unknown {self.kind} {key!r}.{hint} Known: {', '.join(known) or 'none'}"
            ) from None

    def plugin_of(self, key: str) -> str:
        return self._items[key][1]

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Any:
        return iter(item for item, _ in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def keys(self) -> list[str]:
        return list(self._items)

    def remove_plugin(self, plugin: str) -> None:
        """Forget everything ``plugin`` registered (a plugin found broken part way)."""
        self._items = {key: entry for key, entry in self._items.items() if entry[1] != plugin}


@define
class Registry:
    """Formulas, scales, agencies, tables, checks and printed reports, each under a unique code."""

    formulas: Entries[Formula] = field(factory=lambda: Entries("formula"))
    scales: Entries[Scale] = field(factory=lambda: Entries("scale"))
    agencies: Entries[AgencySpec] = field(factory=lambda: Entries("agency"))
    tables: Entries[TableSpec] = field(factory=lambda: Entries("table"))
    checks: Entries[CheckSpec] = field(factory=lambda: Entries("check"))
    reports: Entries[ReportSpec] = field(factory=lambda: Entries("printed report"))
    plugins: dict[str, list[str]] = field(factory=dict)
    """Each plugin's name mapped to what it registered, for ``sakip plugins``."""
    broken: dict[str, str] = field(factory=dict)
    """Each plugin left out because it is broken, with what is wrong: filled when the
    registry is built to go on without broken plugins (as the ``sakip`` command does)."""

    def _note(self, plugin: str, what: str) -> None:
        self.plugins.setdefault(plugin, []).append(what)

    def _register_formula(self, formula: Formula, plugin: str) -> None:
        formula = _typed(formula, Formula, plugin)
        if plugin not in _OWN:
            formula = attrs.evolve(formula, compute=_checked(formula, plugin))
        self.formulas.add(formula.code, formula, plugin)
        self._note(plugin, f"formula {formula.code}")

    def _register_scale(self, scale: Scale, plugin: str) -> None:
        scale = _typed(scale, Scale, plugin)
        self.scales.add(scale.code, scale, plugin)
        self._note(plugin, f"scale {scale.code}")

    def _register_agency(self, agency: AgencySpec, plugin: str) -> None:
        agency = _typed(agency, AgencySpec, plugin)
        self.agencies.add(agency.id, agency, plugin)
        self._note(plugin, f"agency {agency.id}")

    def _register_table(self, table: TableSpec, plugin: str) -> None:
        table = _typed(table, TableSpec, plugin)
        self.tables.add(f"{table.agency}:{table.id}", table, plugin)
        self._note(plugin, f"table {table.agency}:{table.id}")

    def _register_check(self, check: CheckSpec, plugin: str) -> None:
        check = _typed(check, CheckSpec, plugin)
        self.checks.add(check.code, check, plugin)
        self._note(plugin, f"check {check.code}")

    def _register_report(self, report: ReportSpec, plugin: str) -> None:
        report = _typed(report, ReportSpec, plugin)
        self.reports.add(f"{report.agency}:{report.year}", report, plugin)
        self._note(plugin, f"report {report.agency}:{report.year}")

    def scale(self, code: str) -> Scale:
        """The scale registered under ``code``; a misspelt code gets a did-you-mean."""
        return self.scales.get(code)

    def tables_of(self, agency: str) -> list[TableSpec]:
        """The tables an agency publishes, in registration order."""
        return [table for table in self.tables if table.agency == agency]

    def formula_for(self, indicator: Indicator) -> Formula:
        """The indicator's own formula, or the default for its polarity."""
        if indicator.formula is not None:
            return self.formulas.get(indicator.formula)
        if indicator.polarity is Polarity.QUALITATIVE:
            raise UnknownCodeError(
                f"indicator {indicator.code} is qualitative: use sakip.rules.qualitative"
            )
        return self.formulas.get(DEFAULT_FORMULA[indicator.polarity])

    def achievement_rule(
        self, formula: str, policy: AchievementPolicy = AchievementPolicy()
    ) -> AchievementRule:
        """The rule for a formula code under a policy, resolved once and reused."""
        return _rule(self.formulas.get(formula), policy)

    def indicator_rule(self, indicator: Indicator, default: AchievementPolicy) -> AchievementRule:
        """The rule an indicator's achievement is computed by: its formula (or its polarity's
        default) under its own policy, or under ``default`` (the agency's) when it has none."""
        return self.achievement_rule(self.formula_for(indicator).code, indicator.policy or default)


_OWN = frozenset({"sakip.rules.builtin", "sakip.checks"})
"""sakip's own plugins, whose results need no check at the boundary."""


def _checked(formula: Formula, plugin: str) -> FormulaFunction:
    """A plugin formula's computation, named when it fails or returns no exact number."""
    compute = formula.compute

    def checked(target: NumericTarget, actual: Decimal) -> Decimal:
        try:
            result = compute(target, actual)
        except (ZeroDenominator, SakipError):
            raise
        except Exception as exc:
            raise PluginError(
                f"plugin {plugin!r}: formula {formula.code} failed: {type(exc).__name__}: {exc}"
            ) from exc
        if not isinstance(result, Decimal) or not result.is_finite():
            raise PluginError(
                f"plugin {plugin!r}: formula {formula.code} returned {result!r}, expected a "
                f"finite Decimal"
            )
        return result

    return checked


@cache
def _rule(formula: Formula, policy: AchievementPolicy) -> AchievementRule:
    return AchievementRule(formula, policy)


def _typed(item: T, kind: type, plugin: str) -> T:
    if not isinstance(item, kind):
        raise PluginError(f"plugin {plugin!r} registered {item!r}, expected a {kind.__name__}")
    return item


_HOOKS: tuple[tuple[str, Callable[[Registry], Callable[[Any, str], None]]], ...] = (
    ("sakip_register_formulas", lambda r: r._register_formula),
    ("sakip_register_scales", lambda r: r._register_scale),
    ("sakip_register_agencies", lambda r: r._register_agency),
    ("sakip_register_tables", lambda r: r._register_table),
    ("sakip_register_checks", lambda r: r._register_check),
    ("sakip_register_reports", lambda r: r._register_report),
)


def registry_from(
    manager: pluggy.PluginManager, *, broken: dict[str, str] | None = None
) -> Registry:
    """Call every registration hook of every plugin, in load order, into a new registry.

    Each implementation gets a ``register`` bound to its plugin's name, so errors and
    ``sakip plugins`` can say which plugin registered what.

    :param broken: when given, a plugin whose hooks fail (or whose registrations are refused)
        is left out, with everything it registered, and named there with its error; the
        others are registered all the same. Without it, the first broken plugin raises.
    :raises PluginError: for a broken plugin, unless ``broken`` is given.
    """
    registry = Registry()
    if broken is not None:
        registry.broken = broken
    for hook_name, adder in _HOOKS:
        add = adder(registry)
        hook = getattr(manager.hook, hook_name)
        # In registration order (built-ins first), so a clash blames the later plugin.
        for impl in hook.get_hookimpls():
            if impl.plugin_name in registry.broken:
                continue
            try:
                _call(impl, add)
            except SakipError as exc:
                if broken is None:
                    raise
                _leave_out(registry, impl.plugin_name, str(exc))
    return registry


def _leave_out(registry: Registry, plugin: str, error: str) -> None:
    registry.broken[plugin] = error
    for entries in (
        registry.formulas,
        registry.scales,
        registry.agencies,
        registry.tables,
        registry.checks,
        registry.reports,
    ):
        entries.remove_plugin(plugin)
    registry.plugins.pop(plugin, None)


def _call(impl: pluggy.HookImpl, add: Callable[[Any, str], None]) -> None:
    plugin = impl.plugin_name

    def register(item: Any) -> None:
        add(item, plugin)

    result = call_plugin(
        plugin,
        f"in {impl.function.__name__}",
        lambda: impl.function(*[register for _ in impl.argnames]),
        passing=PluginError,
    )
    if inspect.isgenerator(result):
        raise PluginError(
            f"plugin {plugin!r}: {impl.function.__name__} is a generator, so it registers "
            f"nothing; call register(item) for each item instead of yielding it"
        )
