"""The SAKIP evaluation score of PermenPANRB 88/2021 (0-100), from its four components.

Each component is scored as a percentage of its own maximum; the weights are planning 30,
measurement 30, reporting 15 and internal evaluation 25. Grade the total with the
``permenpanrb-88-2021`` scale.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from sakip.arithmetic import ARITHMETIC, HUNDRED, ZERO
from sakip.errors import ValidationError

WEIGHTS = {
    "planning": Decimal(30),
    "measurement": Decimal(30),
    "reporting": Decimal(15),
    "internal_evaluation": Decimal(25),
}
"""Component weights (perencanaan, pengukuran, pelaporan, evaluasi internal)."""


def evaluation_score(
    *, planning: Decimal, measurement: Decimal, reporting: Decimal, internal_evaluation: Decimal
) -> Decimal:
    """The weighted total: ``Σ component % × weight / 100`` (exact)."""
    parts = {
        "planning": planning,
        "measurement": measurement,
        "reporting": reporting,
        "internal_evaluation": internal_evaluation,
    }
    for name, value in parts.items():
        if not ZERO <= value <= HUNDRED:
            raise ValidationError(
                f"evaluation_score: {name} must be a percentage 0-100, got {value}"
            )
    with localcontext(ARITHMETIC):
        return sum((value * WEIGHTS[name] / HUNDRED for name, value in parts.items()), ZERO)
