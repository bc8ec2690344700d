"""What a check reports: one finding, with its place in the report."""

from __future__ import annotations

import enum

from attrs import field, frozen


class Severity(enum.Enum):
    ERROR = "error"
    """The report states something that does not follow from its own figures."""
    WARNING = "warning"
    """Probably wrong, but another reading exists."""
    INFO = "info"
    """Worth knowing, not a defect (such as a budget revision between stages)."""


@frozen(kw_only=True)
class Finding:
    """One problem a check found.

    :param code: the check's code, e.g. ``SK101``.
    :param places: where in the report, e.g. ``("Tabel 3.7, Pengesahan Peraturan …, %",)``.
    :param printed: the figure as the report prints it.
    :param expected: what the rule gives, in the same form.
    :param message: a sentence an auditor understands (already translated).
    """

    code: str
    severity: Severity
    places: tuple[str, ...] = field(converter=tuple)
    printed: str
    expected: str
    message: str
