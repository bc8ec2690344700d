"""SK102 derived.written_formula: a formula written out in the report's text (``12.450 /
13.900 × 100 = 89,60 %``, ``realisasi 215 dibagi target 240 dikalikan 100 persen sama dengan
89,58 %``) whose printed result its own numbers do not give. A result that some rounding of
the exact value to the decimals printed gives is no finding; a percentage read as a fraction
(``80% × 50 = 40``) is the other reading tried."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from sakip.model.findings import Finding, Severity
from sakip.model.printed import text_place
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.rounding import RoundingMode, RoundingPolicy
from sakip.rules.written_formulas import WrittenFormula, written_formulas
from sakip.values.display import as_written

MOST_PLACES = 12
"""The most decimals a rounding policy keeps: a result printed with more is compared at 12."""
SHOWN_PLACES = 4
"""Decimals of the exact value quoted in a message."""


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for passage in ctx.report.passages:
        for formula in written_formulas(passage.text):
            exact = formula.exact()
            if exact is None or _printed_as(formula, exact):
                continue
            other = formula.as_fractions()
            if other is not None and _printed_as(formula, other):
                continue
            places = min(formula.decimals, MOST_PLACES)
            expected = RoundingPolicy(ctx.values.rounding.mode, places).apply(exact)
            yield ctx.finding(
                Severity.ERROR,
                (text_place(passage.origin, formula.sentence),),
                formula.printed,
                expected,
                _message(ctx, formula, exact, expected),
            )


def _message(ctx: ReviewContext, formula: WrittenFormula, exact: Decimal, expected: Decimal) -> str:
    if exact == expected:
        return ctx.say(
            "The text computes {formula}, but its numbers give {expected}, not {printed}.",
            formula=formula.written,
            expected=as_written(expected),
            printed=formula.printed,
        )
    return ctx.say(
        "The text computes {formula}, but its numbers give {exact}, which is {expected} "
        "rounded as printed, not {printed}.",
        formula=formula.written,
        exact=_quoted(exact, min(formula.decimals, MOST_PLACES)),
        expected=as_written(expected),
        printed=formula.printed,
    )


def _quoted(exact: Decimal, places: int) -> str:
    """The exact value as a message quotes it: whole, or to a few more decimals than printed."""
    if exact == exact.to_integral_value():
        return as_written(exact.to_integral_value())
    shown = RoundingPolicy(RoundingMode.HALF_UP, max(places, SHOWN_PLACES)).apply(exact)
    return as_written(shown)


def _printed_as(formula: WrittenFormula, value: Decimal) -> bool:
    """Whether rounding ``value`` to the decimals printed, in any mode, gives the result."""
    places = min(formula.decimals, MOST_PLACES)
    return any(RoundingPolicy(mode, places).apply(value) == formula.result for mode in RoundingMode)


CHECK = CheckSpec(
    code="SK102",
    name="derived.written_formula",
    severities=Severity.ERROR,
    description="A formula written out in the report's text does not give the result it prints.",
    run=check,
)
