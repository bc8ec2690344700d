"""The plugin system: built-ins through the hooks, strict loading, clear plugin errors."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from importlib.metadata import EntryPoint
from typing import Any

import attrs
import pluggy
import pytest

from sakip import (
    Activity,
    Agency,
    AgencySpec,
    Band,
    BudgetLine,
    BudgetStage,
    CheckSpec,
    DuplicateCodeError,
    Finding,
    Formula,
    Measure,
    PluginError,
    Polarity,
    PrintedReport,
    Program,
    Registry,
    ReportSpec,
    ReviewContext,
    Scale,
    Severity,
    SubActivity,
    TableSpec,
    UnknownCodeError,
    get_plugin_manager,
    hookimpl,
    load_registry,
    review,
    review_report,
)
from sakip.model.agency_data import AgencyData
from sakip.plugins.manager import register_plugin
from sakip.rules.formulas import higher_ratio
from sakip.tables import builders
from sakip.tables.build import build_tables, load_agency
from sakip.testing import isolated_registry


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
    assert registry.formulas.plugin_of("higher.ratio") == "sakip.rules.builtin"
    assert registry.scales.plugin_of("permendagri-86-2017") == "sakip.rules.builtin"


def test_sakip_register_formulas_adds_a_formula_rules_use() -> None:
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
        DuplicateCodeError, match=r"'sakip\.rules\.builtin' and again by plugin 'clash'"
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
    monkeypatch.setattr("sakip.plugins.manager.entry_points", lambda group: [broken])
    with pytest.raises(
        PluginError,
        match=r"plugin 'broken-agency' failed to import \(no_such_module_xyz:plugin\): ModuleNotFoundError",
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


# --- one test per hook: what a plugin registers through it is used where it should be ----


def _tiny_agency() -> AgencyData:
    """One program with one sub-activity: 40.000 of 50.000 spent (80 %)."""
    return AgencyData(
        agency=Agency(id="dinas-uji", name="Dinas Uji"),
        goals=[],
        objectives=[],
        indicators=[],
        measurements=[],
        programs=[Program(key="P1", name="Program Uji")],
        activities=[Activity(key="P1.K1", name="Kegiatan Uji", program="P1")],
        sub_activities=[SubActivity(key="P1.K1.S1", name="Sub Uji", activity="P1.K1")],
        budget_lines=[
            BudgetLine(
                node="P1.K1.S1", period=2024, stage="revised", allocation=50000, spending=40000
            )
        ],
    )


class TinyAgency:
    @hookimpl
    def sakip_register_agencies(self, register: Callable[[AgencySpec], None]) -> None:
        register(AgencySpec(id="dinas-uji", name="Dinas Uji", load=_tiny_agency))

    @hookimpl
    def sakip_register_tables(self, register: Callable[[TableSpec], None]) -> None:
        build = builders.program_budget_table(stage=BudgetStage.REVISED)
        register(TableSpec(agency="dinas-uji", id="3.7", title="Anggaran", build=build))


def test_sakip_register_scales_adds_a_scale_that_classifies() -> None:
    class Pass:
        @hookimpl
        def sakip_register_scales(self, register: Callable[[Scale], None]) -> None:
            register(
                Scale(
                    code="lulus",
                    name="Lulus / tidak",
                    source="test",
                    bands=[Band("Lulus", Decimal(60)), Band("Tidak lulus")],
                )
            )

    registry = isolated_registry(("pass", Pass()))
    scale = registry.scales.get("lulus")
    assert [scale.classify(Decimal(v)) for v in ("60", "59.99")] == ["Lulus", "Tidak lulus"]
    assert registry.scales.plugin_of("lulus") == "pass"


def test_sakip_register_agencies_adds_an_agency_whose_data_loads() -> None:
    registry = isolated_registry(("tiny", TinyAgency()))
    assert registry.agencies.plugin_of("dinas-uji") == "tiny"
    assert load_agency(registry, "dinas-uji").agency.name == "Dinas Uji"


def test_an_agency_a_plugin_builds_with_a_broken_reference_is_refused_naming_both() -> None:
    """A plugin's data whose program serves objective S9, which it never defines, and whose
    budget line is written for a sub-activity it never defines: before, the achievement of
    such a program came out ``None`` far from its cause."""

    def broken() -> AgencyData:
        data = _tiny_agency()
        return attrs.evolve(
            data,
            programs=[Program(key="P1", name="Program Uji", objective="S9")],
            budget_lines=[*data.budget_lines, attrs.evolve(data.budget_lines[0], node="P1.K1.S7")],
        )

    class Broken:
        @hookimpl
        def sakip_register_agencies(self, register: Callable[[AgencySpec], None]) -> None:
            register(AgencySpec(id="dinas-uji", name="Dinas Uji", load=broken))

    registry = isolated_registry(("rusak", Broken()))
    with pytest.raises(PluginError) as error:
        load_agency(registry, "dinas-uji")
    message = str(error.value)
    assert "plugin 'rusak' loaded agency 'dinas-uji' with 2 reference(s) to no record" in message
    assert (
        "P1: objective names 'S9', which is no objective (sasaran); the known ones are none"
        in message
    )
    assert "P1.K1.S7@2024: node names 'P1.K1.S7'" in message


def test_sakip_register_tables_adds_a_table_built_for_its_agency() -> None:
    registry = isolated_registry(("tiny", TinyAgency()))
    (table,) = build_tables(registry, "dinas-uji", 2024)
    # 40.000 / 50.000 × 100 = 80; program, sub-activity and total
    assert table.column("%") == ["80,00%", "80,00%", "80,00%"]


def test_sakip_register_tables_a_crashing_builder_is_named() -> None:
    class Broken:
        @hookimpl
        def sakip_register_tables(self, register: Callable[[TableSpec], None]) -> None:
            def build(ctx: object) -> object:
                raise KeyError("no such column")

            register(TableSpec(agency="dinas-uji", id="9.9", title="Rusak", build=build))

    registry = isolated_registry(("tiny", TinyAgency()), ("broken", Broken()))
    with pytest.raises(PluginError, match=r"plugin 'broken' failed to build table 9\.9"):
        build_tables(registry, "dinas-uji", 2024, ["9.9"])


class EveryFigure:
    """A check that reports every figure of table 3.7, to see the review run it."""

    @hookimpl
    def sakip_register_checks(self, register: Callable[[CheckSpec], None]) -> None:
        def run(ctx: ReviewContext) -> list[Finding]:
            return [
                Finding(
                    code="UJ001",
                    severity=Severity.INFO,
                    places=[figure.place],
                    printed=figure.text,
                    expected=None,
                    message=ctx.say("Table {table}", table=figure.place.table),
                )
                for figure in ctx.figures
                if figure.subject.measure is Measure.ABSORPTION
            ]

        register(CheckSpec(code="UJ001", name="uji.every_rate", description="Test.", run=run))


def _printed(registry: Registry) -> PrintedReport:
    tables = build_tables(registry, "dinas-uji", 2024)
    return PrintedReport(agency="dinas-uji", year=2024, tables=tables)


def test_sakip_register_checks_adds_a_check_the_review_runs() -> None:
    registry = isolated_registry(("tiny", TinyAgency()), ("every", EveryFigure()))
    findings = review_report(registry, _printed(registry), _tiny_agency(), checks=["UJ001"])
    assert [(f.code, f.check, f.places[0].row, f.printed) for f in findings] == [
        ("UJ001", "uji.every_rate", 1, "80,00%"),
        ("UJ001", "uji.every_rate", 2, "80,00%"),
        ("UJ001", "uji.every_rate", 3, "80,00%"),
    ]
    assert findings[0].message == "Tabel 3.7"  # Indonesian by default, through the catalog


def test_sakip_register_checks_a_crashing_check_is_named() -> None:
    class Crash:
        @hookimpl
        def sakip_register_checks(self, register: Callable[[CheckSpec], None]) -> None:
            def run(ctx: ReviewContext) -> list[Finding]:
                raise KeyError("oops")

            register(CheckSpec(code="UJ002", name="uji.crash", description="Test.", run=run))

    registry = isolated_registry(("tiny", TinyAgency()), ("crash", Crash()))
    with pytest.raises(
        PluginError, match=r"plugin 'crash' failed in check UJ002 \(uji.crash\): KeyError"
    ):
        review_report(registry, _printed(registry), _tiny_agency())


def test_sakip_register_reports_adds_a_report_sakip_check_reviews() -> None:
    class Report:
        @hookimpl
        def sakip_register_reports(self, register: Callable[[ReportSpec], None]) -> None:
            register(ReportSpec(agency="dinas-uji", year=2024, load=lambda: _printed(registry)))

    registry = isolated_registry(("tiny", TinyAgency()), ("report", Report()))
    assert registry.reports.plugin_of("dinas-uji:2024") == "report"
    assert review(registry, "dinas-uji", 2024) == []  # printed by sakip: consistent


def test_sakip_register_reports_a_loader_returning_another_report_is_named() -> None:
    class Wrong:
        @hookimpl
        def sakip_register_reports(self, register: Callable[[ReportSpec], None]) -> None:
            other = PrintedReport(agency="dinas-lain", year=2024, tables=[])
            register(ReportSpec(agency="dinas-uji", year=2024, load=lambda: other))

    registry = isolated_registry(("tiny", TinyAgency()), ("wrong", Wrong()))
    with pytest.raises(PluginError, match="returned the report of dinas-lain:2024"):
        review(registry, "dinas-uji", 2024)
