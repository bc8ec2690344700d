"""What plugins register besides formulas and scales: agencies, report tables, printed
reports and checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from attrs import field, frozen, validators

from sakip.model._fields import as_tuple, matches, non_empty_text
from sakip.model.findings import Finding, Severity
from sakip.model.plan import AGENCY_ID_PATTERN

if TYPE_CHECKING:
    from sakip.model.agency_data import AgencyData
    from sakip.model.printed import PrintedReport, Table
    from sakip.reviewing.context import ReviewContext
    from sakip.tables.context import TableContext

TABLE_ID_PATTERN = r"[A-Za-z0-9][A-Za-z0-9.\-]*"
CHECK_CODE_PATTERN = r"[A-Z]{2,4}[0-9]{2,4}"


@frozen(kw_only=True)
class AgencySpec:
    """An agency a plugin provides: its id, display name and how to load its data."""

    id: str = field(validator=matches(AGENCY_ID_PATTERN, "sampang-disnaker"))
    name: str = field(validator=non_empty_text)
    load: Callable[[], AgencyData] = field(validator=validators.is_callable())


@frozen(kw_only=True)
class TableSpec:
    """A table an agency publishes, under the report's own number (``3.7``)."""

    agency: str = field(validator=matches(AGENCY_ID_PATTERN, "sampang-disnaker"))
    id: str = field(validator=matches(TABLE_ID_PATTERN, "3.7"))
    title: str = field(validator=non_empty_text)
    build: Callable[[TableContext], Table] = field(validator=validators.is_callable())


def _severities(value: object) -> tuple[Severity, ...]:
    items = (value,) if isinstance(value, Severity | str) else as_tuple(value)  # type: ignore[arg-type]
    severities = tuple(Severity(item) for item in items)
    if not severities:
        raise ValueError("a check declares at least one severity")
    return severities


@frozen(kw_only=True)
class CheckSpec:
    """An audit check's identity and rule, in one place: a stable code, a dotted name, the
    severities it may report, one line of description, and the function.

    :ivar severities: what its findings may be (``error``, ``warning``, ``info``; all three
        unless declared); a finding of another severity is refused as a broken plugin.
    :ivar run: called with the :class:`~sakip.ReviewContext` of the report under review;
        yields its findings. Their ``code`` and ``check`` are filled in by the review from
        this registration.
    """

    code: str = field(validator=matches(CHECK_CODE_PATTERN, "SK101"))
    name: str = field(validator=matches(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+", "derived.rate"))
    description: str = field(validator=non_empty_text)
    run: Callable[[ReviewContext], Iterable[Finding]] = field(validator=validators.is_callable())
    severities: tuple[Severity, ...] = field(default=tuple(Severity), converter=_severities)


@frozen(kw_only=True)
class ReportSpec:
    """A report an agency published, as printed, for review (``sakip check``).

    :ivar load: returns the :class:`~sakip.model.printed.PrintedReport`: every table as
        printed, each figure mapped to what it states.
    """

    agency: str = field(validator=matches(AGENCY_ID_PATTERN, "sampang-disnaker"))
    year: int = field(validator=[validators.instance_of(int), validators.ge(1945)])
    load: Callable[[], PrintedReport] = field(validator=validators.is_callable())
