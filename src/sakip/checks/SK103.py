"""SK103 derived.stated_rate: an achievement a sentence of the text states with its target
and realisation (``ditargetkan pada 15 Nagari terealisasi sebanyak 11 Nagari dengan tingkat
capaian sebesar 73,30``) that none of the achievement formulas gives from them. A sentence
does not say which way its indicator goes: realisasi / target, target / realisasi and
(2 × target − realisasi) / target are all tried, each rounded half up, half to even or
truncated to the decimals printed; the expected value is realisasi / target × 100."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext

from sakip.arithmetic import ARITHMETIC, HUNDRED
from sakip.model.findings import Finding, Severity
from sakip.model.printed import text_place
from sakip.plugins.registrations import CheckSpec
from sakip.reviewing.context import ReviewContext
from sakip.rounding import RoundingMode, RoundingPolicy
from sakip.rules.stated_rates import StatedRate, stated_rates
from sakip.values.display import as_written

MOST_PLACES = 12
SHOWN_PLACES = 4
"""Decimals of the exact value quoted in a message."""


def check(ctx: ReviewContext) -> Iterator[Finding]:
    for passage in ctx.report.passages:
        for stated in stated_rates(passage.text):
            higher = _achievements(stated)
            if higher is None or _printed_by_any(stated):
                continue
            places = min(stated.decimals, MOST_PLACES)
            expected = RoundingPolicy(ctx.values.rounding.mode, places).apply(higher)
            shown = RoundingPolicy(RoundingMode.HALF_UP, max(places, SHOWN_PLACES)).apply(higher)
            yield ctx.finding(
                Severity.ERROR,
                (text_place(passage.origin, stated.sentence),),
                stated.printed,
                expected,
                ctx.say(
                    "The text states target {target}, realisation {actual} and achievement "
                    "{printed}: {actual} / {target} × 100 gives {exact}, which is {expected} "
                    "rounded as printed; no lower-is-better formula gives {printed} either.",
                    target=as_written(stated.target),
                    actual=as_written(stated.actual),
                    printed=stated.printed,
                    exact=as_written(shown.normalize() if shown == shown.to_integral() else shown),
                    expected=as_written(expected),
                ),
            )


def _achievements(stated: StatedRate) -> Decimal | None:
    """realisasi / target × 100; ``None`` for a target of 0."""
    return _formulas(stated)[0]


def _formulas(stated: StatedRate) -> list[Decimal | None]:
    """The achievement by each formula: higher is better, then the two lower-is-better."""
    target, actual = stated.target, stated.actual
    with localcontext(ARITHMETIC) as context:
        context.traps[DivisionByZero] = context.traps[InvalidOperation] = True
        found: list[Decimal | None] = []
        for numerator, denominator in (
            (actual, target),
            (target, actual),
            (2 * target - actual, target),
        ):
            try:
                found.append(numerator / denominator * HUNDRED)
            except (DivisionByZero, InvalidOperation):
                found.append(None)
        return found


def _printed_by_any(stated: StatedRate) -> bool:
    places = min(stated.decimals, MOST_PLACES)
    return any(
        RoundingPolicy(mode, places).apply(value) == stated.achievement
        for value in _formulas(stated)
        if value is not None
        for mode in RoundingMode
    )


CHECK = CheckSpec(
    code="SK103",
    name="derived.stated_rate",
    severities=Severity.ERROR,
    description="An achievement a sentence states with its target and realisation follows "
    "from them by no achievement formula.",
    run=check,
)
