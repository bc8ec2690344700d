"""The agency and its plan: goals (tujuan) and objectives (sasaran)."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen, validators

from sakip.model._fields import KEY_PATTERN, matches, non_empty_text
from sakip.model.policy import AchievementPolicy

AGENCY_ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def _keys(value: str | Iterable[str]) -> tuple[str, ...]:
    """Converter: one key or several, as a tuple."""
    return (value,) if isinstance(value, str) else tuple(value)


@frozen(kw_only=True)
class Agency:
    """A government agency (instansi / perangkat daerah).

    :ivar id: a stable lower-case id such as ``sampang-disnaker``.
    :ivar policy: the default achievement policy of its indicators.
    :ivar scale: the code of the predicate scale its report uses.
    """

    id: str = field(validator=matches(AGENCY_ID_PATTERN, "sampang-disnaker"))
    name: str = field(validator=non_empty_text)
    region: str = ""
    policy: AchievementPolicy = AchievementPolicy()
    scale: str = "permendagri-86-2017"


@frozen(kw_only=True)
class Goal:
    """A goal (tujuan) of the strategic plan, with its indicators."""

    key: str = field(validator=matches(KEY_PATTERN, "T1"))
    name: str = field(validator=non_empty_text)
    indicators: tuple[str, ...] = field(default=(), converter=_keys)


@frozen(kw_only=True)
class Objective:
    """An objective (sasaran strategis), under a goal where the report names one.

    :ivar funded_by: keys of the programs, activities or sub-activities whose budget is
        allocated to this objective (tables 2.3, 3.4 and 3.5 of an LKjIP).
    """

    key: str = field(validator=matches(KEY_PATTERN, "S1"))
    name: str = field(validator=non_empty_text)
    goal: str | None = field(
        default=None, validator=validators.optional(matches(KEY_PATTERN, "T1"))
    )
    indicators: tuple[str, ...] = field(default=(), converter=_keys)
    funded_by: tuple[str, ...] = field(default=(), converter=_keys)
