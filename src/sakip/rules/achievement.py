"""Achievement (capaian): a formula plus the policy that makes it a published figure.

:class:`AchievementRule` is resolved once (formula looked up, policy fixed) and then called
per measurement or over many at once with :meth:`AchievementRule.many`, which costs little
more than a plain loop over :mod:`decimal`.

Exactness: the division is done at 40 significant digits with ``ROUND_05UP``, a "sticky"
rounding that keeps a later rounding to fewer digits correct (a true 121,98499… can never
become a false tie 121,985). The result is then rounded and capped by the policy, so the
published figure never exceeds the cap.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_DOWN, Decimal, InvalidOperation, localcontext

from attrs import frozen

from sakip.arithmetic import ARITHMETIC, HUNDRED, ZERO
from sakip.errors import ZeroDenominatorError
from sakip.model.indicators import TargetRange
from sakip.model.policy import AchievementPolicy, ZeroPolicy
from sakip.numbers import to_decimal
from sakip.rules.formulas import Formula, NumericTarget, ZeroDenominator


@frozen
class AchievementRule:
    """A formula with its policy, ready to compute."""

    formula: Formula
    policy: AchievementPolicy = AchievementPolicy()

    def __call__(self, target: NumericTarget, actual: Decimal) -> Decimal | None:
        """The achievement of one measurement (``None`` only under ``not-applicable``).

        :raises NumberError: for a target or actual value that is no exact number (a float,
            ``None``, text that is no number in Indonesian form).
        """
        if not isinstance(target, TargetRange):
            target = to_decimal(target, what="target")
        actual = to_decimal(actual, what="actual")
        with localcontext(ARITHMETIC):
            try:
                raw = self.formula.compute(target, actual)
            except ZeroDenominator as zero:
                return self._on_zero(None, zero.which, target, actual)
        return self._finish(raw)

    def _finish(self, raw: Decimal) -> Decimal:
        value = self.policy.rounding.apply(raw)
        cap = self._cap()
        return cap if cap is not None and value > cap else value

    def _cap(self) -> Decimal | None:
        """The cap at the policy's precision, rounded down so it never exceeds the cap."""
        cap = self.policy.cap
        return None if cap is None else cap.quantize(self.policy.rounding.quantum, ROUND_DOWN)

    def raw(self, target: NumericTarget, actual: Decimal) -> Decimal:
        """The unrounded, uncapped achievement (for audits that try other policies)."""
        with localcontext(ARITHMETIC):
            return self.formula.compute(target, actual)

    def many(
        self, targets: Iterable[NumericTarget], actuals: Iterable[Decimal]
    ) -> list[Decimal | None]:
        """The achievements of many measurements, pairwise, in one pass.

        :raises ZeroDenominatorError: under the ``error`` zero policy, naming the position.
        :raises NumberError: for a value that is no exact number within range (a float, a
            number of 19 whole digits), naming the position.
        :raises ValueError: when the two sequences differ in length.
        """
        compute = self.formula.compute
        quantum = self.policy.rounding.quantum
        rounding = self.policy.rounding.mode.decimal_rounding
        cap = self._cap()
        results: list[Decimal | None] = []
        append = results.append
        with localcontext(ARITHMETIC):
            for position, (target, actual) in enumerate(zip(targets, actuals, strict=True)):
                try:
                    value = compute(target, actual).quantize(quantum, rounding)
                except ZeroDenominator as zero:
                    append(self._on_zero(position, zero.which, target, actual))
                    continue
                except (TypeError, AttributeError, InvalidOperation):
                    # Not Decimals, or beyond the library's precision: the one converter says
                    # which input and why (the common case pays nothing for it).
                    where = f"measurement #{position + 1}"
                    if not isinstance(target, TargetRange):
                        target = to_decimal(target, what=f"{where}: target")
                    actual = to_decimal(actual, what=f"{where}: actual")
                    value = self._finish(self.raw(target, actual))
                    append(value)
                    continue
                append(cap if cap is not None and value > cap else value)
        return results

    def _on_zero(
        self, position: int | None, which: str, target: NumericTarget, actual: Decimal
    ) -> Decimal | None:
        zero = self.policy.zero
        if zero is ZeroPolicy.NOT_APPLICABLE:
            return None
        if zero is ZeroPolicy.MET_IF_MEETS:
            met = self.formula.meets(target, actual)
            return self._finish(HUNDRED if met else ZERO)
        where = "" if position is None else f"measurement #{position + 1}: "
        raise ZeroDenominatorError(
            f"{where}the {which} is 0, so formula {self.formula.code} "
            f"({self.formula.expression}) is undefined. Choose a zero policy "
            "('not-applicable' or 'met-if-meets') if the agency has one"
        )
