"""What a table builder is given: the agency's data, the year and the resolved rules."""

from __future__ import annotations

from decimal import Decimal

from attrs import frozen

from sakip.dataset import AgencyData
from sakip.model.indicators import Indicator, TargetRange
from sakip.model.periods import Period
from sakip.numbers import format_number
from sakip.registry import Registry
from sakip.rules.scales import Scale


@frozen(kw_only=True)
class TableContext:
    """The data, year and rules a table is built from, and the table's number and title."""

    data: AgencyData
    year: int
    registry: Registry
    id: str
    title: str

    @property
    def period(self) -> Period:
        return Period(self.year)

    @property
    def previous(self) -> Period:
        return Period(self.year - 1)

    @property
    def scale(self) -> Scale:
        return self.registry.scales.get(self.data.agency.scale)

    def achievement(self, indicator: Indicator, period: Period | None = None) -> Decimal | None:
        """The indicator's achievement in ``period`` (this year by default), by its rule."""
        measurement = self.data.measurement(indicator.code, period or self.period)
        if measurement is None or measurement.target is None or measurement.actual is None:
            return None
        target, actual = measurement.target, measurement.actual
        if not isinstance(target, Decimal | TargetRange) or not isinstance(actual, Decimal):
            return None
        return self.registry.indicator_rule(indicator, self.data.agency.policy)(target, actual)


def show(value: Decimal | None, *, suffix: str = "") -> str:
    """A figure as reports print it: whole numbers without decimals (``100``), others with
    the decimals they have (``77,85``); ``-`` when there is none."""
    if value is None:
        return "-"
    if value == value.to_integral_value():
        return format_number(value.to_integral_value()) + suffix
    return format_number(value) + suffix


def money(value: Decimal | None) -> str:
    """An amount of rupiah without decimals: ``4.753.553.212``."""
    return "-" if value is None else format_number(value, places=0)


def percent(value: Decimal | None, *, suffix: str = "%") -> str:
    """A computed percentage with all the decimals its rounding kept: ``97,00%``."""
    return "-" if value is None else format_number(value) + suffix
