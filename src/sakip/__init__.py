"""sakip: reference implementation of Indonesia's SAKIP performance-accountability rules.

Import what you need from here; everything not listed in ``__all__`` is private.
"""

from sakip.errors import (
    DataError,
    DuplicateCodeError,
    NumberError,
    PluginError,
    SakipError,
    UnknownCodeError,
    ValidationError,
    ZeroDenominatorError,
)
from sakip.hookspecs import hookimpl
from sakip.manager import get_plugin_manager, load_registry
from sakip.model.budget import BudgetLine, BudgetStage
from sakip.model.figures import ALL_OBJECTIVES, ALL_PROGRAMS, Measure, Subject
from sakip.model.indicators import (
    Aggregation,
    Grade,
    Indicator,
    Measurement,
    Polarity,
    TargetRange,
)
from sakip.model.nomenclature import CodeLevel, NomenclatureCode
from sakip.model.periods import Period
from sakip.model.plan import Agency, Goal, Objective
from sakip.model.programs import (
    Activity,
    Breakdown,
    BreakdownItem,
    ProblemNote,
    Program,
    SubActivity,
)
from sakip.numbers import format_number, format_percent, format_rupiah, parse_number, to_decimal
from sakip.policy import AchievementPolicy, ZeroPolicy
from sakip.registry import Registry
from sakip.review.context import ReviewContext
from sakip.review.findings import Finding, Severity
from sakip.review.report import Figure, Place, PrintedReport
from sakip.review.run import review, review_report
from sakip.review.transcript import load_printed_report
from sakip.rounding import RoundingMode, RoundingPolicy
from sakip.rules.achievement import AchievementRule
from sakip.rules.aggregation import aggregate
from sakip.rules.budget import Amounts, BudgetTree, absorption
from sakip.rules.efficiency import (
    Efficiency,
    classify_difference,
    classify_index,
    efficiency_difference,
    efficiency_index,
)
from sakip.rules.evaluation import evaluation_score
from sakip.rules.formulas import Formula, ZeroDenominator
from sakip.rules.scales import Band, Scale
from sakip.specs import AgencySpec, CheckSpec, ReportSpec, TableSpec

__all__ = [
    "ALL_OBJECTIVES",
    "ALL_PROGRAMS",
    "AchievementPolicy",
    "AchievementRule",
    "Activity",
    "Agency",
    "AgencySpec",
    "Aggregation",
    "Amounts",
    "Band",
    "Breakdown",
    "BreakdownItem",
    "BudgetLine",
    "BudgetStage",
    "BudgetTree",
    "CheckSpec",
    "CodeLevel",
    "DataError",
    "DuplicateCodeError",
    "Efficiency",
    "Figure",
    "Finding",
    "Formula",
    "Goal",
    "Grade",
    "Indicator",
    "Measure",
    "Measurement",
    "NomenclatureCode",
    "NumberError",
    "Objective",
    "Period",
    "Place",
    "PluginError",
    "Polarity",
    "PrintedReport",
    "ProblemNote",
    "Program",
    "Registry",
    "ReportSpec",
    "ReviewContext",
    "RoundingMode",
    "RoundingPolicy",
    "SakipError",
    "Scale",
    "Severity",
    "SubActivity",
    "Subject",
    "TableSpec",
    "TargetRange",
    "UnknownCodeError",
    "ValidationError",
    "ZeroDenominator",
    "ZeroDenominatorError",
    "ZeroPolicy",
    "absorption",
    "aggregate",
    "classify_difference",
    "classify_index",
    "efficiency_difference",
    "efficiency_index",
    "evaluation_score",
    "format_number",
    "format_percent",
    "format_rupiah",
    "get_plugin_manager",
    "hookimpl",
    "load_printed_report",
    "load_registry",
    "parse_number",
    "review",
    "review_report",
    "to_decimal",
]
