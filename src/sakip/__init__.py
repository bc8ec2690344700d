"""sakip: reference implementation of Indonesia's SAKIP performance-accountability rules.

Import what you need from here (plugins and tools import only ``sakip`` and
``sakip.testing``); everything not listed in ``__all__`` is private.

Names are loaded on first use, so ``import sakip`` (and ``sakip --help``) stays cheap: the
review, the table builders, YAML and babel's locale data load only when asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sakip.documents.inference import Inference
    from sakip.documents.review import DocumentReview, read_document, review_document
    from sakip.errors import (
        CollectedDataError,
        DataError,
        DuplicateCodeError,
        MissingExtraError,
        NoDataError,
        NumberError,
        PluginError,
        SakipError,
        UnknownCodeError,
        ValidationError,
        WorkbookError,
        ZeroDenominatorError,
    )
    from sakip.hookspecs import hookimpl
    from sakip.many import (
        AgencyReview,
        AgencyTables,
        build_agencies,
        review_agencies,
        write_cells,
        write_findings,
    )
    from sakip.model.agency_data import AgencyData
    from sakip.model.budget import BudgetLine, BudgetStage
    from sakip.model.findings import Finding, Severity
    from sakip.model.indicators import (
        Aggregation,
        Grade,
        GradeRule,
        Indicator,
        Measurement,
        Polarity,
        RenstraValue,
        TargetRange,
    )
    from sakip.model.nomenclature import CodeLevel, NomenclatureCode
    from sakip.model.periods import Period
    from sakip.model.plan import Agency, Goal, Objective
    from sakip.model.policy import AchievementPolicy, ZeroPolicy
    from sakip.model.printed import Assumption, Figure, Label, Place, PrintedReport, Table
    from sakip.model.programs import (
        Activity,
        Breakdown,
        BreakdownItem,
        ProblemNote,
        Program,
        SubActivity,
    )
    from sakip.model.subjects import ALL_OBJECTIVES, ALL_PROGRAMS, Measure, Subject
    from sakip.numbers import format_number, format_percent, format_rupiah, parse_number, to_decimal
    from sakip.plugins.loaders import load_agency, load_report
    from sakip.plugins.manager import get_plugin_manager, load_registry
    from sakip.plugins.registrations import AgencySpec, CheckSpec, ReportSpec, TableSpec
    from sakip.plugins.registry import Registry
    from sakip.readers.agency_yaml import load_agency_data
    from sakip.readers.transcript_yaml import load_printed_report
    from sakip.report.write import write_report
    from sakip.reviewing.context import ReviewContext
    from sakip.reviewing.run import review, review_report
    from sakip.rounding import RoundingMode, RoundingPolicy
    from sakip.rules.achievement import AchievementRule
    from sakip.rules.aggregation import aggregate
    from sakip.rules.budget import Amounts, BudgetTree, absorption
    from sakip.rules.efficiency import (
        Efficiency,
        classify_difference,
        classify_index,
        efficiency_difference,
        efficiency_gain,
        efficiency_index,
    )
    from sakip.rules.evaluation import evaluation_score
    from sakip.rules.formulas import (
        BUILTIN_FORMULAS,
        Formula,
        NumericTarget,
        ZeroDenominator,
        higher_ratio,
        lower_inverse_ratio,
        lower_two_t_minus_r,
        range_nearest,
    )
    from sakip.rules.scales import BUILTIN_SCALES, Band, Scale
    from sakip.tables.build import build_from, build_tables
    from sakip.tables.builders import (
        Builder,
        breakdown_table,
        cascading_table,
        objective_budget_table,
        outputs_table,
        performance_budget_table,
        performance_table,
        program_budget_table,
    )
    from sakip.tables.context import TableContext
    from sakip.tables.measures import (
        efficiency_table,
        multi_year_table,
        quarterly_table,
        renja_evaluation_table,
        renstra_table,
        standard_table,
    )
    from sakip.tables.render import render_tables
    from sakip.tables.standard import standard_tables
    from sakip.values.model import ValueModel
    from sakip.workbook.reader import load_workbook_data
    from sakip.workbook.writer import export_workbook, template_workbook
    from sakip.writers.agency_yaml import dump_agency_data
    from sakip.writers.transcript_yaml import dump_printed_report

_EXPORTS: dict[str, str] = {
    "CollectedDataError": "sakip.errors",
    "DataError": "sakip.errors",
    "DuplicateCodeError": "sakip.errors",
    "MissingExtraError": "sakip.errors",
    "NoDataError": "sakip.errors",
    "NumberError": "sakip.errors",
    "PluginError": "sakip.errors",
    "SakipError": "sakip.errors",
    "UnknownCodeError": "sakip.errors",
    "ValidationError": "sakip.errors",
    "WorkbookError": "sakip.errors",
    "ZeroDenominatorError": "sakip.errors",
    "hookimpl": "sakip.hookspecs",
    "AgencyReview": "sakip.many",
    "AgencyTables": "sakip.many",
    "build_agencies": "sakip.many",
    "review_agencies": "sakip.many",
    "write_cells": "sakip.many",
    "write_findings": "sakip.many",
    "AgencyData": "sakip.model.agency_data",
    "BudgetLine": "sakip.model.budget",
    "BudgetStage": "sakip.model.budget",
    "Finding": "sakip.model.findings",
    "Severity": "sakip.model.findings",
    "Aggregation": "sakip.model.indicators",
    "Grade": "sakip.model.indicators",
    "GradeRule": "sakip.model.indicators",
    "Indicator": "sakip.model.indicators",
    "Measurement": "sakip.model.indicators",
    "Polarity": "sakip.model.indicators",
    "RenstraValue": "sakip.model.indicators",
    "TargetRange": "sakip.model.indicators",
    "CodeLevel": "sakip.model.nomenclature",
    "NomenclatureCode": "sakip.model.nomenclature",
    "Period": "sakip.model.periods",
    "Agency": "sakip.model.plan",
    "Goal": "sakip.model.plan",
    "Objective": "sakip.model.plan",
    "AchievementPolicy": "sakip.model.policy",
    "ZeroPolicy": "sakip.model.policy",
    "Figure": "sakip.model.printed",
    "Label": "sakip.model.printed",
    "Place": "sakip.model.printed",
    "PrintedReport": "sakip.model.printed",
    "Table": "sakip.model.printed",
    "read_document": "sakip.documents.review",
    "review_document": "sakip.documents.review",
    "DocumentReview": "sakip.documents.review",
    "Inference": "sakip.documents.inference",
    "Assumption": "sakip.model.printed",
    "dump_printed_report": "sakip.writers.transcript_yaml",
    "Activity": "sakip.model.programs",
    "Breakdown": "sakip.model.programs",
    "BreakdownItem": "sakip.model.programs",
    "ProblemNote": "sakip.model.programs",
    "Program": "sakip.model.programs",
    "SubActivity": "sakip.model.programs",
    "ALL_OBJECTIVES": "sakip.model.subjects",
    "ALL_PROGRAMS": "sakip.model.subjects",
    "Measure": "sakip.model.subjects",
    "Subject": "sakip.model.subjects",
    "format_number": "sakip.numbers",
    "format_percent": "sakip.numbers",
    "format_rupiah": "sakip.numbers",
    "parse_number": "sakip.numbers",
    "to_decimal": "sakip.numbers",
    "load_agency": "sakip.plugins.loaders",
    "load_report": "sakip.plugins.loaders",
    "get_plugin_manager": "sakip.plugins.manager",
    "load_registry": "sakip.plugins.manager",
    "AgencySpec": "sakip.plugins.registrations",
    "CheckSpec": "sakip.plugins.registrations",
    "ReportSpec": "sakip.plugins.registrations",
    "TableSpec": "sakip.plugins.registrations",
    "Registry": "sakip.plugins.registry",
    "load_agency_data": "sakip.readers.agency_yaml",
    "load_printed_report": "sakip.readers.transcript_yaml",
    "write_report": "sakip.report.write",
    "ReviewContext": "sakip.reviewing.context",
    "review": "sakip.reviewing.run",
    "review_report": "sakip.reviewing.run",
    "RoundingMode": "sakip.rounding",
    "RoundingPolicy": "sakip.rounding",
    "AchievementRule": "sakip.rules.achievement",
    "aggregate": "sakip.rules.aggregation",
    "Amounts": "sakip.rules.budget",
    "BudgetTree": "sakip.rules.budget",
    "absorption": "sakip.rules.budget",
    "Efficiency": "sakip.rules.efficiency",
    "classify_difference": "sakip.rules.efficiency",
    "classify_index": "sakip.rules.efficiency",
    "efficiency_difference": "sakip.rules.efficiency",
    "efficiency_gain": "sakip.rules.efficiency",
    "efficiency_index": "sakip.rules.efficiency",
    "evaluation_score": "sakip.rules.evaluation",
    "BUILTIN_FORMULAS": "sakip.rules.formulas",
    "Formula": "sakip.rules.formulas",
    "NumericTarget": "sakip.rules.formulas",
    "ZeroDenominator": "sakip.rules.formulas",
    "higher_ratio": "sakip.rules.formulas",
    "lower_inverse_ratio": "sakip.rules.formulas",
    "lower_two_t_minus_r": "sakip.rules.formulas",
    "range_nearest": "sakip.rules.formulas",
    "BUILTIN_SCALES": "sakip.rules.scales",
    "Band": "sakip.rules.scales",
    "Scale": "sakip.rules.scales",
    "build_from": "sakip.tables.build",
    "build_tables": "sakip.tables.build",
    "Builder": "sakip.tables.builders",
    "breakdown_table": "sakip.tables.builders",
    "cascading_table": "sakip.tables.builders",
    "objective_budget_table": "sakip.tables.builders",
    "outputs_table": "sakip.tables.builders",
    "performance_budget_table": "sakip.tables.builders",
    "performance_table": "sakip.tables.builders",
    "program_budget_table": "sakip.tables.builders",
    "TableContext": "sakip.tables.context",
    "efficiency_table": "sakip.tables.measures",
    "multi_year_table": "sakip.tables.measures",
    "quarterly_table": "sakip.tables.measures",
    "renja_evaluation_table": "sakip.tables.measures",
    "renstra_table": "sakip.tables.measures",
    "standard_table": "sakip.tables.measures",
    "render_tables": "sakip.tables.render",
    "standard_tables": "sakip.tables.standard",
    "ValueModel": "sakip.values.model",
    "load_workbook_data": "sakip.workbook.reader",
    "export_workbook": "sakip.workbook.writer",
    "template_workbook": "sakip.workbook.writer",
    "dump_agency_data": "sakip.writers.agency_yaml",
}
"""Each public name and the module that defines it."""

__all__ = [
    "ALL_OBJECTIVES",
    "ALL_PROGRAMS",
    "BUILTIN_FORMULAS",
    "BUILTIN_SCALES",
    "AchievementPolicy",
    "AchievementRule",
    "Activity",
    "Agency",
    "AgencyData",
    "AgencyReview",
    "AgencySpec",
    "AgencyTables",
    "Aggregation",
    "Amounts",
    "Assumption",
    "Band",
    "Breakdown",
    "BreakdownItem",
    "BudgetLine",
    "BudgetStage",
    "BudgetTree",
    "Builder",
    "CheckSpec",
    "CodeLevel",
    "CollectedDataError",
    "DataError",
    "DocumentReview",
    "DuplicateCodeError",
    "Efficiency",
    "Figure",
    "Finding",
    "Formula",
    "Goal",
    "Grade",
    "GradeRule",
    "Indicator",
    "Inference",
    "Label",
    "Measure",
    "Measurement",
    "MissingExtraError",
    "NoDataError",
    "NomenclatureCode",
    "NumberError",
    "NumericTarget",
    "Objective",
    "Period",
    "Place",
    "PluginError",
    "Polarity",
    "PrintedReport",
    "ProblemNote",
    "Program",
    "Registry",
    "RenstraValue",
    "ReportSpec",
    "ReviewContext",
    "RoundingMode",
    "RoundingPolicy",
    "SakipError",
    "Scale",
    "Severity",
    "SubActivity",
    "Subject",
    "Table",
    "TableContext",
    "TableSpec",
    "TargetRange",
    "UnknownCodeError",
    "ValidationError",
    "ValueModel",
    "WorkbookError",
    "ZeroDenominator",
    "ZeroDenominatorError",
    "ZeroPolicy",
    "absorption",
    "aggregate",
    "breakdown_table",
    "build_agencies",
    "build_from",
    "build_tables",
    "cascading_table",
    "classify_difference",
    "classify_index",
    "dump_agency_data",
    "dump_printed_report",
    "efficiency_difference",
    "efficiency_gain",
    "efficiency_index",
    "efficiency_table",
    "evaluation_score",
    "export_workbook",
    "format_number",
    "format_percent",
    "format_rupiah",
    "get_plugin_manager",
    "higher_ratio",
    "hookimpl",
    "load_agency",
    "load_agency_data",
    "load_printed_report",
    "load_registry",
    "load_report",
    "load_workbook_data",
    "lower_inverse_ratio",
    "lower_two_t_minus_r",
    "multi_year_table",
    "objective_budget_table",
    "outputs_table",
    "parse_number",
    "performance_budget_table",
    "performance_table",
    "program_budget_table",
    "quarterly_table",
    "range_nearest",
    "read_document",
    "render_tables",
    "renja_evaluation_table",
    "renstra_table",
    "review",
    "review_agencies",
    "review_document",
    "review_report",
    "standard_table",
    "standard_tables",
    "template_workbook",
    "to_decimal",
    "write_cells",
    "write_findings",
    "write_report",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'sakip' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
