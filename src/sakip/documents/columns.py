"""What a column holds, from its heading and its cells: a label of the row (objective,
indicator, program or activity), a figure of some measure (target, realisation — this
year's, a named year's, a quarter's —, achievement, allocation, spending, absorption), a
unit, a predicate, or text a review does not read (problems, remedies).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

from attrs import frozen

from sakip.documents.number_forms import read_cell
from sakip.model.periods import Period
from sakip.model.subjects import Measure


class Kind(enum.Enum):
    NUMBER = "number"
    """The row's number (``NO``) or code."""
    OBJECTIVE = "objective"
    INDICATOR = "indicator"
    NODE = "node"
    """A program, activity or sub-activity (``URAIAN``, ``PROGRAM/KEGIATAN``)."""
    ITEM = "item"
    """The label of a row of a table that splits a figure (``Negara``)."""
    FIGURE = "figure"
    LABEL = "label"
    """A predicate or category printed as a word."""
    UNIT = "unit"
    TEXT = "text"


@frozen
class Column:
    """One column's role: its heading as printed, what it holds, and for figures the
    measure, the year or quarter (``None``: the report's year) and any budget stage named
    in the heading (``None``: by the chapter)."""

    heading: str
    kind: Kind
    measure: Measure | None = None
    year: int | None = None
    quarter: int | None = None
    stage_word: str | None = None

    def period(self, report_year: int) -> Period:
        """The period of the column's figures: its own year or quarter, else the report's."""
        return Period(self.year or report_year, self.quarter)


_BUDGET = re.compile(r"\b(ANGGARAN|PAGU|ALOKASI|BIAYA|DPA|DPPA|APBD|BELANJA)\b|\bRP\b")
_YEAR = re.compile(r"\b(20\d\d)\b")
_QUARTER = re.compile(r"\b(?:TW|TRIWULAN|TRW)\.?\s*(IV|III|II|I|[1-4])\b")
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
_TEXT_HEADINGS = re.compile(
    r"PERMASALAHAN|UPAYA|TINDAK LANJUT|KETERANGAN|KEBIJAKAN|URUSAN|ORGANISASI|ANALISIS|"
    r"PENJELASAN|SUMBER|FORMULA|RUMUS|PENANGGUNG"
)
MOSTLY = 0.6
"""The share of a column's filled cells that must start with a number for it to hold figures."""


def infer_columns(headings: Sequence[Sequence[str]], rows: Sequence[Sequence[str]]) -> list[Column]:
    """Every column's role, left to right (a rate's meaning depends on the inputs before it)."""
    columns: list[Column] = []
    for index, parts in enumerate(headings):
        cells = [row[index] for row in rows if row[index].strip()]
        columns.append(_column(tuple(parts), cells, columns))
    return columns


def _column(parts: tuple[str, ...], cells: list[str], before: list[Column]) -> Column:
    printed = parts[-1] if parts else ""
    heading = " ".join(parts).upper()
    filled = [cell for cell in cells if cell.strip() not in NOT_A_VALUE]
    numeric = bool(filled) and sum(read_cell(c) is not None for c in filled) >= MOSTLY * len(filled)
    if re.fullmatch(r"\W*(NO|NOMOR|NO\.? URUT|KODE|KODE REKENING)\W*", heading) or not heading:
        return Column(printed, Kind.NUMBER if numeric or not cells or heading else Kind.TEXT)
    if "SATUAN" in heading:
        return Column(printed, Kind.UNIT)
    if re.search(r"PREDIKAT|KRITERIA|KATEGORI", heading):
        efficiency = "KATEGORI" in heading and _after(before, Measure.EFFICIENCY_INDEX)
        if numeric and not efficiency:
            # "63,36 % (Sedang)": the achievement, with its predicate beside it in the cell
            year, quarter = _period(heading)
            return Column(printed, Kind.FIGURE, Measure.ACHIEVEMENT, year, quarter)
        label = Measure.EFFICIENCY_CATEGORY if efficiency else Measure.PREDICATE
        return Column(printed, Kind.LABEL, label)
    if _TEXT_HEADINGS.search(heading) or _NOT_REVIEWED.search(heading):
        return Column(printed, Kind.TEXT)
    if not numeric:
        return Column(printed, _label_kind(heading, bool(filled)))
    measure = _measure(heading, printed.upper(), before)
    if measure is None:
        return Column(printed, Kind.TEXT)
    year, quarter = _period(heading)
    if measure is Measure.CHANGE:
        year = None  # "PERUBAHAN DARI 2023" names the year compared with, not its own
    return Column(printed, Kind.FIGURE, measure, year, quarter, _stage_word(heading))


def _label_kind(heading: str, filled: bool) -> Kind:
    """What a column of words names: the row's indicator, objective, program or activity, or
    an item of a breakdown."""
    if "INDIKATOR" in heading:
        return Kind.INDICATOR
    if "SASARAN" in heading or "TUJUAN" in heading:
        return Kind.OBJECTIVE
    if re.search(r"PROGRAM|KEGIATAN|URAIAN", heading):
        return Kind.NODE
    return Kind.ITEM if filled else Kind.TEXT


NOT_A_VALUE = {"", "-", "—", "–", "N/A", "n/a", "na"}
_NOT_REVIEWED = re.compile(
    # Renstra columns whose subject needs years the heading does not give.
    r"TAHUN AWAL|TAHUN AKHIR|KONDISI AWAL|BASELINE|AKHIR RENSTRA|AKHIR PERIODE"
)
_MONEY = re.compile(r"\(\s*RP\b|\bRP\.?\s*\)|\bRP\b")
_PERFORMANCE = re.compile(r"\(\s*K\b")


def _after(before: list[Column], measure: Measure) -> bool:
    return any(column.measure is measure for column in before)


@frozen
class _Heading:
    """What a figure column's heading says, and the columns before it."""

    text: str
    own: str
    """Its own (lowest) part: ``%`` under ``ALOKASI BIAYA``."""
    before: list[Column]

    @property
    def last_input(self) -> Measure | None:
        inputs = [c.measure for c in self.before if c.measure in _INPUTS]
        return inputs[-1] if inputs else None

    @property
    def money(self) -> bool:
        return _MONEY.search(self.text) is not None

    @property
    def performance(self) -> bool:
        """``(K)``: the performance side of a form that prints ``(K)`` and ``(Rp)``."""
        return _PERFORMANCE.search(self.text) is not None

    @property
    def budget(self) -> bool:
        return not self.performance and (self.money or _BUDGET.search(self.text) is not None)

    def says(self, pattern: str, *, own: bool = False) -> bool:
        return re.search(pattern, self.own if own else self.text) is not None


def _measure(heading: str, own: str, before: list[Column]) -> Measure | None:
    """The measure a figure column's heading names, the rules tried in order."""
    said = _Heading(heading, own, before)
    for rule in (_to_date, _efficiency_or_standard, _rate, _amount_or_value):
        found = rule(said)
        if not isinstance(found, _Undecided):
            return found
    return None


class _Undecided(enum.Enum):
    """What a rule says when its words are not in the heading: the next rule decides."""

    UNDECIDED = "undecided"


_UNDECIDED = _Undecided.UNDECIDED
_Said = Measure | None | _Undecided
_TO_DATE = r"S\.?\s?D\.?\b|S/D|SAMPAI DENGAN|KUMULATIF"
_RATE = r"CAPAIAN|%|PERSEN"


def _to_date(said: _Heading) -> _Said:
    if not said.says(_TO_DATE):
        return _UNDECIDED
    if _QUARTER.search(said.text) is None:
        return None  # a Renstra to date needs years the heading does not give
    if said.says(_RATE, own=True):
        return Measure.ACHIEVEMENT_TO_DATE
    return Measure.TO_DATE if said.says("REALISASI") else _UNDECIDED


def _efficiency_or_standard(said: _Heading) -> _Said:
    if said.says(r"\bIE\b|INDEKS EFISIENSI"):
        return Measure.EFFICIENCY_INDEX
    if said.says(r"\bTE\b|TINGKAT EFISIENSI"):
        return Measure.EFFICIENCY_GAIN
    if said.says("SELISIH|GAP"):
        if _after(said.before, Measure.STANDARD):
            return Measure.STANDARD_GAP
        return Measure.EFFICIENCY_DIFFERENCE if _after(said.before, Measure.ABSORPTION) else None
    if said.says("STANDAR"):
        return Measure.STANDARD
    if said.says("PERUBAHAN") and not said.budget:
        return Measure.CHANGE
    return _UNDECIDED


def _rate(said: _Heading) -> _Said:
    if said.says("SERAPAN|PENYERAPAN"):
        return Measure.ABSORPTION
    if not said.says(_RATE, own=True):
        return _UNDECIDED
    if said.performance:
        return Measure.ACHIEVEMENT
    if said.money or said.last_input in (Measure.SPENDING, Measure.ALLOCATION):
        return Measure.ABSORPTION
    return Measure.ACHIEVEMENT


def _amount_or_value(said: _Heading) -> _Said:
    if said.says("TARGET"):
        return Measure.ALLOCATION if said.money else Measure.TARGET
    if said.says("REALISASI"):
        spent = said.budget or said.last_input is Measure.ALLOCATION
        return Measure.SPENDING if spent and not said.performance else Measure.ACTUAL
    if said.budget:
        return Measure.ALLOCATION
    if said.says("JUMLAH|BANYAK|TOTAL|NILAI", own=True):
        return Measure.ACTUAL
    return None


_INPUTS = {Measure.TARGET, Measure.ACTUAL, Measure.ALLOCATION, Measure.SPENDING}


def _period(heading: str) -> tuple[int | None, int | None]:
    """The year and quarter a heading names (``REALISASI TAHUN 2022``, ``TW II``)."""
    year = _YEAR.search(heading)
    quarter = _QUARTER.search(heading)
    number = quarter[1] if quarter else None
    return (
        int(year[1]) if year else None,
        None if number is None else int(number) if number.isdigit() else _QUARTERS[number],
    )


def _stage_word(heading: str) -> str | None:
    if re.search(r"PERUBAHAN|DPPA|SETELAH", heading):
        return "revised"
    if re.search(r"MURNI|SEBELUM|AWAL", heading):
        return "initial"
    return None
