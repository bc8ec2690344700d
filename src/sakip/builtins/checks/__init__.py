"""sakip's own audit checks, registered through the same hook as any plugin's.

Each check reports a defect once, where it is: a figure that follows from a misprinted
input is not reported again (it equals what the agency's data gives), and a total that adds
up its misprinted parts is not either; the part is reported.
"""

from __future__ import annotations

from collections.abc import Callable

from sakip.builtins.checks.cascade import check_cascade
from sakip.builtins.checks.quantities import check_conflicts, check_data
from sakip.builtins.checks.rates import check_rates
from sakip.builtins.checks.revisions import check_revisions
from sakip.builtins.checks.totals import check_totals
from sakip.hookspecs import hookimpl
from sakip.specs import CheckSpec

CHECKS = (
    CheckSpec(
        code="SK101",
        name="derived.rate",
        description="An achievement or absorption does not follow from the target and actual, "
        "or allocation and spending, printed beside it.",
        run=check_rates,
    ),
    CheckSpec(
        code="SK201",
        name="derived.total",
        description="A total is not the sum of the parts printed in its table.",
        run=check_totals,
    ),
    CheckSpec(
        code="SK301",
        name="quantity.conflict",
        description="The same quantity is printed with different values in different places.",
        run=check_conflicts,
    ),
    CheckSpec(
        code="SK302",
        name="quantity.data",
        description="A figure printed alike wherever it appears differs from the agency's data.",
        run=check_data,
    ),
    CheckSpec(
        code="SK401",
        name="cascade.achievement",
        description="A level meets its target while no level below it does, or misses it "
        "while every level below it meets theirs.",
        run=check_cascade,
    ),
    CheckSpec(
        code="SK501",
        name="budget.revision",
        description="A budget figure differs between the initial and the revised budget: a "
        "revision, reported as information.",
        run=check_revisions,
    ),
)


@hookimpl
def sakip_register_checks(register: Callable[[CheckSpec], None]) -> None:
    for check in CHECKS:
        register(check)
