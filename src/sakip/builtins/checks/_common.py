"""What every built-in check uses: a finding with its expected value written as printed."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sakip.review.context import as_written
from sakip.review.findings import Finding, Severity
from sakip.review.report import Place


def finding(
    code: str,
    severity: Severity,
    places: Iterable[Place],
    printed: str,
    expected: Decimal | str | None,
    message: str,
) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        places=places,
        printed=printed,
        expected=as_written(expected) if isinstance(expected, Decimal) else expected,
        message=message,
    )
