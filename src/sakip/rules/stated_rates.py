"""An achievement a sentence states with its target and realisation, in words:
``ditargetkan pada 15 Nagari terealisasi sebanyak 11 Nagari dengan tingkat capaian sebesar
73,30``, ``realisasi mencapai 129,03 dari target sebesar 60 sehingga capaian kinerja sebesar
46,5``.

Each number takes the role of the last role word before it (``target``, ``terealisasi``,
``capaian`` …), within a few words and with no other number between; ``A dari target B``
makes A the realisation. Only a sentence with exactly one target, one realisation and one
achievement states a rate; a year (``tahun 2015``, ``2020``) or an ordinal (``indikator 1``)
takes no role, a sentence naming two years compares periods, and one that writes out a
formula is the formula's (SK102).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from attrs import frozen

from sakip.arithmetic import exponent_of
from sakip.rules.written_formulas import Token, sentences, tokens, written_formulas


class Role(enum.Enum):
    TARGET = "target"
    ACTUAL = "actual"
    ACHIEVEMENT = "achievement"


_ACTUAL_WORD = re.compile(r"^(?:realisasi\w*|terealisasi|terealisir|tercapai|direalisasikan)$")
_ROLE_WORDS = (
    (re.compile(r"^(?:target\w*|ditargetkan|menargetkan)$"), Role.TARGET),
    (_ACTUAL_WORD, Role.ACTUAL),
    (re.compile(r"^(?:capaian\w*|pencapaian\w*)$"), Role.ACHIEVEMENT),
)
_NO_ROLE_BEFORE = re.compile(
    r"^(?:tahun|ta|indikator|sasaran|tabel|no|nomor|ke|bab|triwulan|tw|semester|periode)$"
)
"""A number right after one of these is a year or an ordinal."""
WINDOW = 10
"""Tokens a role word may stand before its number."""
_YEAR = range(1990, 2101)


@frozen
class StatedRate:
    """A sentence's target, realisation and achievement, each as printed and read."""

    sentence: str
    target: Decimal
    actual: Decimal
    achievement: Decimal
    printed: str
    """The achievement as printed (``73,30``, ``104,96 %``)."""

    @property
    def decimals(self) -> int:
        return max(0, -exponent_of(self.achievement))


def stated_rates(text: str) -> Iterator[StatedRate]:
    """Every achievement stated in words with its target and realisation in a paragraph."""
    for sentence in sentences(text):
        if any(True for _ in written_formulas(sentence)):
            continue
        words = tokens(sentence)
        if len({token.value for token in words if _is_year(token)}) > 1:
            continue  # figures of different years: no one rate
        found = _roles(words)
        if sorted(role.value for role, _ in found) != ["achievement", "actual", "target"]:
            continue
        by_role = dict(found)
        achievement = by_role[Role.ACHIEVEMENT]
        assert achievement.value is not None
        values = [by_role[role].value for role in (Role.TARGET, Role.ACTUAL)]
        target, actual = (value for value in values if value is not None)
        yield StatedRate(
            sentence=sentence,
            target=target,
            actual=actual,
            achievement=achievement.value,
            printed=achievement.text.strip(),
        )


def _roles(found: Sequence[Token]) -> list[tuple[Role, Token]]:
    roles: list[tuple[Role, Token]] = []
    for index, token in enumerate(found):
        if token.kind != "number" or not _takes_a_role(found, index):
            continue
        role = _actual_of_target(found, index) or _role_before(found, index)
        if role is not None:
            roles.append((role, token))
    return roles


def _takes_a_role(found: Sequence[Token], index: int) -> bool:
    before = found[index - 1] if index else None
    ordinal = (
        before is not None and before.kind == "word" and _NO_ROLE_BEFORE.match(before.text.lower())
    )
    return not (ordinal or _is_year(found[index]))


def _is_year(token: Token) -> bool:
    value = token.value
    return (
        value is not None
        and token.text.strip().isdigit()
        and value == value.to_integral_value()
        and int(value) in _YEAR
    )


def _role_before(found: Sequence[Token], index: int) -> Role | None:
    """The role of the last role word before a number, with no number between."""
    for at in range(index - 1, max(index - 1 - WINDOW, -1), -1):
        token = found[at]
        if token.kind == "number" and not _is_year(token):
            return None  # a year between (capaian … tahun 2015 adalah 101,97%) is no input
        if token.kind != "word":
            continue
        word = token.text.lower()
        for pattern, role in _ROLE_WORDS:
            if pattern.match(word):
                earlier = found[at - 1].text.lower() if at and found[at - 1].kind == "word" else ""
                if role is Role.ACHIEVEMENT and _ACTUAL_WORD.match(earlier):
                    return Role.ACTUAL  # "realisasi capaian sebesar 0,19%" is a realisation
                return role
    return None


def _actual_of_target(found: Sequence[Token], index: int) -> Role | None:
    """``88,95 dari target 84,75``: the number before ``dari target`` is the realisation."""
    after = [t.text.lower() for t in found[index + 1 : index + 3] if t.kind == "word"]
    return Role.ACTUAL if after[:2] == ["dari", "target"] else None
