"""What a check reports: one finding, with its place in the report."""

from __future__ import annotations

import enum

from attrs import field, frozen

from sakip.model._fields import as_tuple
from sakip.model.printed import Place


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

    :ivar code: the code of the check that found it, e.g. ``SK101``: filled in by the
        review from the check's registration (a check need not set it).
    :ivar places: where in the report; the figure at fault first, then the figures it is
        compared with.
    :ivar printed: the figure as the report prints it.
    :ivar expected: what the rule gives, written as the report writes numbers; ``None``
        when nothing decides which value is right.
    :ivar message: a sentence an auditor understands, already in the review's language.
    :ivar check: the check's dotted name, filled in by the review.
    """

    severity: Severity
    places: tuple[Place, ...] = field(converter=as_tuple)
    printed: str
    expected: str | None
    message: str
    code: str = ""
    check: str = ""
