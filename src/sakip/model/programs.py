"""The budget hierarchy: program → activity (kegiatan) → sub-activity (sub kegiatan).

Each level links upwards by key, so the cascading tree (pohon kinerja) and the budget
roll-ups are both read off the same records.
"""

from __future__ import annotations

from decimal import Decimal

from attrs import field, frozen, validators

from sakip.arithmetic import ZERO
from sakip.errors import ValidationError
from sakip.model._fields import KEY_PATTERN, as_tuple, matches, non_empty_text
from sakip.model.nomenclature import CodeLevel, NomenclatureCode
from sakip.model.periods import Period, to_period
from sakip.model.plan import _keys


def _code(value: object, level: CodeLevel) -> NomenclatureCode | None:
    if value is None or value == "":
        return None
    code = value if isinstance(value, NomenclatureCode) else NomenclatureCode.parse(str(value))
    if code.level is not level:
        raise ValidationError(
            f"nomenclature code {code}: this is a {code.level.value} code, "
            f"expected a {level.value} code"
        )
    return code


def program_code(value: object) -> NomenclatureCode | None:
    """Converter: an optional program code (``2.07.04``)."""
    return _code(value, CodeLevel.PROGRAM)


def activity_code(value: object) -> NomenclatureCode | None:
    """Converter: an optional activity code (``2.07.04.2.01``)."""
    return _code(value, CodeLevel.ACTIVITY)


def sub_activity_code(value: object) -> NomenclatureCode | None:
    """Converter: an optional sub-activity code (``2.07.04.2.01.0001``)."""
    return _code(value, CodeLevel.SUB_ACTIVITY)


def _names(value: object) -> tuple[tuple[str, str], ...]:
    """Converter: the names some tables print instead of ``name``, as (table id, name)."""
    pairs = value.items() if isinstance(value, dict) else value
    result = tuple((str(table), str(name)) for table, name in pairs)  # type: ignore[attr-defined]
    for table, name in result:
        if not name.strip():
            raise ValidationError(f"the name printed in table {table!r} is empty")
    return result


class _Named:
    """A node's name, and the name each table prints where they differ."""

    __slots__ = ()
    name: str
    names: tuple[tuple[str, str], ...]

    def name_in(self, table: str) -> str:
        """The name table ``table`` prints: its own where the data gives one, else ``name``."""
        return next((name for id_, name in self.names if id_ == table), self.name)


@frozen(kw_only=True)
class Program(_Named):
    """A program; ``objective`` is the cascading link to the objective it serves (if any)."""

    key: str = field(validator=matches(KEY_PATTERN, "P1"))
    name: str = field(validator=non_empty_text)
    code: NomenclatureCode | None = field(default=None, converter=program_code)
    objective: str | None = None
    indicators: tuple[str, ...] = field(default=(), converter=_keys)
    names: tuple[tuple[str, str], ...] = field(default=(), converter=_names)
    """Names printed by particular tables, where they differ from ``name``."""


@frozen(kw_only=True)
class Activity(_Named):
    """An activity (kegiatan) of a program."""

    key: str = field(validator=matches(KEY_PATTERN, "P1.K1"))
    name: str = field(validator=non_empty_text)
    program: str = field(validator=matches(KEY_PATTERN, "P1"))
    code: NomenclatureCode | None = field(default=None, converter=activity_code)
    indicators: tuple[str, ...] = field(default=(), converter=_keys)
    names: tuple[tuple[str, str], ...] = field(default=(), converter=_names)
    """Names printed by particular tables, where they differ from ``name``."""


@frozen(kw_only=True)
class SubActivity(_Named):
    """A sub-activity (sub kegiatan) of an activity: where budget lines are written."""

    key: str = field(validator=matches(KEY_PATTERN, "P1.K1.S1"))
    name: str = field(validator=non_empty_text)
    activity: str = field(validator=matches(KEY_PATTERN, "P1.K1"))
    code: NomenclatureCode | None = field(default=None, converter=sub_activity_code)
    indicators: tuple[str, ...] = field(default=(), converter=_keys)
    names: tuple[tuple[str, str], ...] = field(default=(), converter=_names)
    """Names printed by particular tables, where they differ from ``name``."""


BudgetNode = Program | Activity | SubActivity


@frozen(kw_only=True)
class ProblemNote:
    """Problems met and the remedies taken for a program, activity or sub-activity (table 3.9)."""

    node: str = field(validator=matches(KEY_PATTERN, "P1"))
    period: Period = field(converter=to_period)
    problem: str = ""
    remedy: str = ""
    follow_up: str = ""
    """Follow-up of the regional parliament's (DPRD) recommendations."""


@frozen
class BreakdownItem:
    label: str = field(validator=non_empty_text)
    value: Decimal = field(validator=validators.instance_of(Decimal))


@frozen(kw_only=True)
class Breakdown:
    """A table that splits one figure into parts, e.g. migrant workers by destination."""

    key: str = field(validator=matches(KEY_PATTERN, "destinations"))
    title: str = field(validator=non_empty_text)
    period: Period = field(converter=to_period)
    label_heading: str = field(validator=non_empty_text)
    value_heading: str = field(validator=non_empty_text)
    items: tuple[BreakdownItem, ...] = field(converter=as_tuple)

    @property
    def total(self) -> Decimal:
        return sum((item.value for item in self.items), ZERO)
