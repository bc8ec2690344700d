"""Read a column's numbers in the form the column writes them.

Indonesian reports write ``4.753.553.212`` and ``94,41``; some tables, pasted from other
tools, write ``9.38`` for a decimal. A number such as ``9.900`` reads both ways (nine
thousand nine hundred, or nine point nine). Each column is read in the form its
unambiguous cells show (Indonesian when they show none), and a cell that reads two ways
in a column whose evidence is mixed, or in a document that uses the other form elsewhere,
is reported instead of guessed silently.

A cell packs more than its number: a currency before it (``Rp.2.145.870.000``, ``Rp
1.234.567,00``), a unit, a predicate or a remark after it (``71,25 % (Baik)``, ``100
persen``, ``38 Orang 27 (Deportasi)``): the number is read and the rest kept as printed. A
number in parentheses with a decimal or group separator (``(12,5)``, ``(1.250.000)``) is
negative, as accounts write it; ``(3)`` alone is a column's number, not a figure. A cell
that writes a formula (``5 = 4/3x100%``) states no figure.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from decimal import Decimal

from attrs import frozen

from sakip.numbers import format_number

NUMBER = re.compile(
    r"^\s*(?P<prefix>rp\.?\s*)?(?P<sign>[-−]?)(?P<digits>\d{1,3}(?:[.,]\d+)*|\d+(?:[.,]\d+)*)"
    r"(?=$|[^\d.,]|[.,](?!\d))(?P<rest>.*)$",
    re.DOTALL | re.IGNORECASE,
)
_IN_PARENTHESES = re.compile(
    r"^\s*\(\s*(?P<prefix>rp\.?\s*)?(?P<digits>\d{1,3}(?:[.,]\d+)+|\d+[.,]\d+)\s*\)(?P<rest>.*)$",
    re.DOTALL | re.IGNORECASE,
)
"""An accounting negative: ``(12,5)``, ``(1.250.000)``; a separator is required."""
_FORMULA = re.compile(r"^\s*=")
"""What follows a number in a cell that writes a formula (``5 = 4/3x100%``)."""


class Form(enum.Enum):
    INDONESIAN = "id"
    """``.`` groups thousands, ``,`` marks decimals."""
    ENGLISH = "en"
    """``,`` groups thousands, ``.`` marks decimals."""


@frozen
class Reading:
    """What one cell's leading number reads as in each form (``None``: not in that form)."""

    sign: str
    digits: str
    rest: str
    indonesian: Decimal | None
    english: Decimal | None
    prefix: str = ""
    """A currency printed before the number (``Rp.``), kept as printed."""

    @property
    def evidence(self) -> Form | None:
        """The form this cell alone shows, if only one reads it or the two differ in a way
        only one form writes."""
        if self.indonesian is None:
            return Form.ENGLISH if self.english is not None else None
        if self.english is None:
            return Form.INDONESIAN
        return None

    @property
    def ambiguous(self) -> bool:
        return (
            self.indonesian is not None
            and self.english is not None
            and self.indonesian != self.english
        )

    def value(self, form: Form) -> Decimal | None:
        read = self.indonesian if form is Form.INDONESIAN else self.english
        if read is None:
            read = self.english if form is Form.INDONESIAN else self.indonesian
        if read is None:
            return None
        return -read if self.sign else read


_SPACED_GROUPS = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}(?!\d))")
_SPACED_NUMBER = re.compile(
    r"^\s*(?:rp\.?\s*)?\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?\s*%?\s*$",
    re.IGNORECASE,
)


def read_cell(text: str) -> Reading | None:
    """The readings of a cell that starts with a number (after a currency, or in an
    accounting's parentheses); ``None`` for any other cell, and for a formula. Thousands
    grouped with spaces (``2 145 870 000``) are one number, not 2 followed by a remark."""
    if _SPACED_NUMBER.match(text):
        text = _SPACED_GROUPS.sub("", text)
    match = _IN_PARENTHESES.match(text)
    sign = "-" if match is not None else ""
    match = match or NUMBER.match(text)
    if match is None or _FORMULA.match(match["rest"]):
        return None
    sign = sign or match.groupdict().get("sign") or ""
    digits, rest, prefix = match["digits"], match["rest"], match["prefix"] or ""
    return Reading(
        sign, digits, rest, _read(digits, ".", ","), _read(digits, ",", "."), prefix=prefix
    )


def _read(digits: str, group: str, point: str) -> Decimal | None:
    """``digits`` with ``group`` between groups of three and ``point`` before decimals."""
    whole, _, decimals = digits.partition(point)
    if decimals and not decimals.isdigit():
        return None  # a separator after the decimal point: not this form
    groups = whole.split(group)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    number = "".join(groups) + ("." + decimals if decimals else "")
    if point in digits and not decimals:
        return None
    return Decimal(number)


@frozen
class ColumnNumbers:
    """A column's numbers read in its form.

    :ivar texts: each cell rewritten in Indonesian form (its unit or remark kept), for the
        cells that start with a number; other cells as they are.
    :ivar ambiguous: the rows whose number reads two ways and was read in the column's form
        on weak evidence, with both readings.
    """

    form: Form
    texts: tuple[str, ...]
    ambiguous: tuple[tuple[int, Decimal, Decimal], ...]


def read_column(cells: Sequence[str], *, document_forms: frozenset[Form]) -> ColumnNumbers:
    """Decide a column's form from its cells and read every cell in it."""
    readings = [read_cell(cell) for cell in cells]
    votes = dict.fromkeys(Form, 0)
    for reading in readings:
        if reading is not None and reading.evidence is not None:
            votes[reading.evidence] += 1
    form = Form.ENGLISH if votes[Form.ENGLISH] > votes[Form.INDONESIAN] else Form.INDONESIAN
    mixed = votes[Form.ENGLISH] > 0 and votes[Form.INDONESIAN] > 0
    unsure = mixed or (not any(votes.values()) and Form.ENGLISH in document_forms)
    texts: list[str] = []
    ambiguous: list[tuple[int, Decimal, Decimal]] = []
    for row, (cell, reading) in enumerate(zip(cells, readings, strict=True)):
        if reading is None:
            texts.append(cell)
            continue
        value = reading.value(form)
        if reading.ambiguous and (unsure or form is Form.ENGLISH):
            ambiguous.append((row, reading.indonesian or Decimal(0), reading.english or Decimal(0)))
        texts.append(cell if value is None else reading.prefix + written(value) + reading.rest)
    return ColumnNumbers(form, tuple(texts), tuple(ambiguous))


def fits_no_form(text: str) -> bool:
    """Whether a cell starts with digits that are a number in neither form (``1.750.00``,
    ``3.00.000``): a misprint, never to be read as some other number."""
    reading = read_cell(text)
    return reading is not None and reading.indonesian is None and reading.english is None


def forms_shown(cells: Sequence[str]) -> frozenset[Form]:
    """The forms some cell shows on its own, over a whole document."""
    return frozenset(
        evidence
        for cell in cells
        if (reading := read_cell(cell)) is not None and (evidence := reading.evidence) is not None
    )


def written(value: Decimal) -> str:
    """A number in Indonesian form with the decimals it has: ``9,38``, ``9.900``."""
    return format_number(value)
