"""SK103 derived.stated_rate: an achievement a sentence of the text states with its target
and realisation (``ditargetkan pada 15 Nagari terealisasi sebanyak 11 Nagari dengan tingkat
capaian sebesar 73,30``) that none of the achievement formulas gives from them. A sentence
does not say which way its indicator goes: realisasi / target, target / realisasi and
(2 × target − realisasi) / target are all tried, each rounded half up, half to even or
truncated to the decimals printed, and from inputs anywhere within their own printed
rounding (a sentence quotes rounded percentages); the expected value is realisasi / target
× 100."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext

from sakip.arithmetic import ARITHMETIC, HUNDRED, exponent_of
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
                    "rounded as printed; no lower-is-better formula gives {printed} either, nor "
                    "do the inputs anywhere within their rounding.",
                    target=as_written(stated.target),
                    actual=as_written(stated.actual),
                    printed=stated.printed,
                    exact=as_written(shown.normalize() if shown == shown.to_integral() else shown),
                    expected=as_written(expected),
                ),
            )


def _achievements(stated: StatedRate) -> Decimal | None:
    """realisasi / target × 100; ``None`` for a target of 0."""
    return _formulas(stated.target, stated.actual)[0]


def _formulas(target: Decimal, actual: Decimal) -> list[Decimal | None]:
    """The achievement by each formula: higher is better, then the two lower-is-better."""
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
    """Whether a formula gives the printed achievement, rounded in any mode to the decimals
    printed; or gives it from inputs within half a printed unit of those printed with
    decimals (``1,49`` and ``1,81`` are rounded percentages), each formula being monotonic
    in each input."""
    places = min(stated.decimals, MOST_PLACES)
    exact = _formulas(stated.target, stated.actual)
    if any(
        RoundingPolicy(mode, places).apply(value) == stated.achievement
        for value in exact
        if value is not None
        for mode in RoundingMode
    ):
        return True
    half = Decimal(5).scaleb(-places - 1)
    corners = [
        _formulas(target, actual)
        for target in _ends(stated.target)
        for actual in _ends(stated.actual)
    ]
    for formula in range(len(exact)):
        values = [corner[formula] for corner in corners]
        if None in values or len(corners) == 1:
            continue
        ends = [value for value in values if value is not None]
        if min(ends) - half <= stated.achievement <= max(ends) + half:
            return True
    return False


def _ends(value: Decimal) -> list[Decimal]:
    """The ends of a printed value's rounding interval; a whole number is exact."""
    decimals = max(0, -exponent_of(value))
    if decimals == 0:
        return [value]
    half = Decimal(5).scaleb(-decimals - 1)
    return [value - half, value + half]


CHECK = CheckSpec(
    code="SK103",
    name="derived.stated_rate",
    severities=Severity.ERROR,
    description="An achievement a sentence states with its target and realisation follows "
    "from them by no achievement formula.",
    run=check,
)
