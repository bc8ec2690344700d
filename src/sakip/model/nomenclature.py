"""Kemendagri nomenclature codes: ``Urusan.Bidang.Program.Level.Kegiatan.SubKegiatan``.

``2.07.04`` is a program, ``2.07.04.2.01`` an activity of a regency (level 2) and
``2.07.04.2.01.0001`` one of its sub-activities. The last segment has 2 digits in lists
before 2023 and 4 digits since; both are accepted and compare equal. The cross-cutting
placeholders ``X`` and ``XX`` are accepted for urusan and bidang.
"""

from __future__ import annotations

import enum
import re

from attrs import frozen

from sakip.errors import ValidationError


class CodeLevel(enum.Enum):
    PROGRAM = "program"
    ACTIVITY = "activity"
    SUB_ACTIVITY = "sub-activity"


_SEGMENTS = (
    ("urusan", r"\d|X"),
    ("bidang", r"\d{2}|XX"),
    ("program", r"\d{2}"),
    ("level", r"[12]"),
    ("kegiatan", r"\d{2}"),
    ("sub-kegiatan", r"\d{4}|\d{2}"),
)
_LEVEL_BY_LENGTH = {3: CodeLevel.PROGRAM, 5: CodeLevel.ACTIVITY, 6: CodeLevel.SUB_ACTIVITY}
_EXPECTED = (
    "a Kemendagri code such as '2.07.04' (program), '2.07.04.2.01' (activity) or "
    "'2.07.04.2.01.0001' (sub-activity; 2 or 4 final digits)"
)


@frozen
class NomenclatureCode:
    """A validated program, activity or sub-activity code."""

    segments: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> NomenclatureCode:
        """Read and validate a code; the error names the segment that is wrong."""
        parts = tuple(text.strip().split(".")) if isinstance(text, str) else ()
        if len(parts) not in _LEVEL_BY_LENGTH:
            raise ValidationError(f"nomenclature code {text!r}: expected {_EXPECTED}")
        for part, (name, pattern) in zip(parts, _SEGMENTS, strict=False):
            if not re.fullmatch(pattern, part):
                raise ValidationError(
                    f"nomenclature code {text!r}: segment {name} is {part!r}, expected {pattern}; "
                    f"{_EXPECTED}"
                )
        return cls(parts)

    @property
    def level(self) -> CodeLevel:
        return _LEVEL_BY_LENGTH[len(self.segments)]

    @property
    def normalized(self) -> str:
        """The code with a 4-digit sub-activity segment (``.01`` becomes ``.0001``)."""
        parts = list(self.segments)
        if len(parts) == 6:
            parts[5] = parts[5].zfill(4)
        return ".".join(parts)

    @property
    def parent(self) -> NomenclatureCode | None:
        """The code one level up (sub-activity → activity → program), or ``None``."""
        if self.level is CodeLevel.PROGRAM:
            return None
        cut = 5 if self.level is CodeLevel.SUB_ACTIVITY else 3
        return NomenclatureCode(self.segments[:cut])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NomenclatureCode) and self.normalized == other.normalized

    def __hash__(self) -> int:
        return hash(self.normalized)

    def __str__(self) -> str:
        return ".".join(self.segments)
