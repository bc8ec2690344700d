"""The one home of the library's arithmetic: its decimal context and shared constants.

Every rule computes inside :data:`ARITHMETIC` (``with localcontext(ARITHMETIC)``), whatever
context the caller has set, so a result never depends on the caller's precision or rounding.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import ROUND_05UP, Context, Decimal, localcontext

ARITHMETIC = Context(prec=40, rounding=ROUND_05UP)
"""The context every rule computes in. 40 significant digits leave room for any rounding of
up to 12 places; ``ROUND_05UP`` is a "sticky" rounding that keeps a later rounding to fewer
digits correct (a true 121,98499… never becomes a false tie 121,985)."""

ZERO = Decimal(0)
HUNDRED = Decimal(100)
"""Percentages are ratios × 100."""


@contextmanager
def library_context() -> Iterator[None]:
    """Run a block, or a decorated function, in :data:`ARITHMETIC`: what the engines (tables,
    review, reading a document) compute never depends on the caller's context."""
    with localcontext(ARITHMETIC):
        yield


_COMMON_STEPS = tuple((Decimal(1).scaleb(exponent), exponent) for exponent in (0, -2, -1, -3))
"""The steps most figures are written to: whole numbers, then 2, 1 and 3 decimals."""


def exponent_of(value: Decimal) -> int:
    """The exponent of a finite ``value``: ``-2`` for 94,41, ``0`` for 4.753.553.212.

    The same as ``value.as_tuple().exponent``, found by comparing the value's step with the
    common ones first: :meth:`~decimal.Decimal.as_tuple` builds a named tuple of every digit,
    several times the cost, and tables ask this of every figure they print.
    """
    for step, exponent in _COMMON_STEPS:
        if value.same_quantum(step):
            return exponent
    rare = value.as_tuple().exponent
    assert isinstance(rare, int), "a finite Decimal has a whole exponent"
    return rare
