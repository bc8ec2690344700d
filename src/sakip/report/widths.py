"""Column widths of a table in the document (Word and PDF alike) from its content, so that no word breaks inside
(``Pemerinta/han``) and a figure stays on one line: each column gets at least its longest word
(a numeric column its widest figure with its unit), and the room left goes to the columns
whose text is longest, in proportion to what they would need on one line. Where the words do
not fit at 8 points, the table is set at 7.

Widths are estimated from the number of characters at the table's font size, in whole twips;
the estimate is generous (an average advance of 0,55 em, 0,7 em for capitals, where the
document's font, Calibri or its metric twin Carlito, averages about 0,5), so that a word fits
whatever font Word or LibreOffice substitutes.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from decimal import Decimal

ADVANCE = 11
WIDE_ADVANCE = 14
BOLD_EXTRA = 1
"""A character's advance in twips per point of font size (1 pt = 20 twips): 0,55 em, 0,7 em
for a capital letter (``NO``, ``PENUNJANG``), 0,05 em more in bold."""
PADDING_TWIPS = 2 * 115 + 30
"""A cell's left and right margins (0,19 cm each in Word's default) and its borders."""
SIZES = (8, 7)
"""The table font sizes tried, largest first: the smaller one where the larger breaks words."""
PORTRAIT_TWIPS = 11906 - 1701 - 1134
LANDSCAPE_TWIPS = 16838 - 1701 - 1134
"""The text width of an A4 page with the tata naskah dinas margins (3 cm left, 2 cm right),
upright and turned, in twips."""


def needs_landscape(
    headings: Sequence[str], rows: Sequence[Sequence[str]], numeric: Collection[int]
) -> bool:
    """Whether a table's words do not fit an upright page at the largest size: only then is
    it set on a turned page (a narrow table on a turned page is set small and left empty)."""
    return sum(needs(headings, rows, numeric, SIZES[0])[0]) > PORTRAIT_TWIPS


_BREAKS = re.compile(r"(?<=[/-])|\s+")
"""Where a line may break: at spaces, after a hyphen, and after a slash between words, where
:func:`breakable` marks the break (``Bulanan/Triwulanan/Semesteran``)."""
_SLASH_IN_WORD = re.compile(r"(?<=\w/)(?=\w)")
ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str) -> str:
    """``text`` with a zero-width space after each slash between words: Word and LibreOffice
    may break a line there (neither does after a bare slash), nothing shows."""
    return _SLASH_IN_WORD.sub(ZERO_WIDTH_SPACE, text) if "/" in text else text


def words(text: str) -> list[str]:
    """The pieces of ``text`` no line break may split."""
    return [word for word in _BREAKS.split(text) if word]


def text_twips(text: str, size_pt: int, *, bold: bool = False) -> int:
    """The estimated width of ``text`` on one line, in twips."""
    capitals = sum(char.isupper() for char in text)
    advance = capitals * WIDE_ADVANCE + (len(text) - capitals) * ADVANCE
    return size_pt * (advance + (len(text) * BOLD_EXTRA if bold else 0))


def table_layout(
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    numeric: Collection[int],
    available: int,
) -> tuple[int, list[int]]:
    """A table's font size and each column's width in twips, summing to ``available`` (the
    page's text width): the largest of :data:`SIZES` at which no word breaks, else the
    smallest (Word then breaks the longest words itself).

    :param numeric: the columns that hold figures: a figure with its unit never wraps.
    """
    for size in SIZES:
        least, wanted, volume = needs(headings, rows, numeric, size)
        if sum(least) <= available or size == SIZES[-1]:
            return size, _share(least, wanted, volume, available)
    raise AssertionError("unreachable: the last size always returns")


SMALLEST_TENTHS = 45
"""4,5 pt: the smallest a fitted table is set; below it the columns shrink instead."""


def fitted_layout(
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    numeric: Collection[int],
    available: int,
    *,
    padding: int,
) -> tuple[Decimal, list[int]]:
    """Like :func:`table_layout`, for a renderer that overflows a word it cannot break (Typst):
    a table whose words do not fit at the smallest of :data:`SIZES` is set at the largest
    size, in tenths of a point, at which they do (a 19-column Renja form at 5,6 pt), so that
    no word runs into the next column.

    :param padding: a cell's inner margins and borders in twips, as the renderer draws them.
    """
    for size in SIZES:
        least, wanted, volume = needs(headings, rows, numeric, size, padding=padding)
        if sum(least) <= available:
            return Decimal(size), _share(least, wanted, volume, available)
    # A text's width grows with its size: measured at one point, scaled in tenths.
    per_point, wanted_per_point, volume = needs(headings, rows, numeric, 1, padding=0)
    room = available - padding * len(headings)
    tenths = max(SMALLEST_TENTHS, room * 10 // max(sum(per_point), 1))
    least = [width * tenths // 10 + padding for width in per_point]
    wanted = [
        max(w * tenths // 10 + padding, low) for w, low in zip(wanted_per_point, least, strict=True)
    ]
    return Decimal(tenths).scaleb(-1), _share(least, wanted, volume, available)


def needs(
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    numeric: Collection[int],
    size: int,
    *,
    padding: int = PADDING_TWIPS,
) -> tuple[list[int], list[int], list[int]]:
    """Each column's least width (its longest word, or figure with its unit), the width its
    longest text wants on one line, and the width of all its text laid end to end (how much
    it has to say), in twips."""
    count = len(headings)
    least = [0] * count
    wanted = [0] * count
    volume = [0] * count
    for column, heading in enumerate(headings):
        least[column] = max((text_twips(w, size, bold=True) for w in words(heading)), default=0)
        wanted[column] = text_twips(heading, size, bold=True)
    for row in rows:
        for column, text in enumerate(row):
            whole = text_twips(text, size)
            parts = words(text)
            kept = column in numeric and len(parts) <= 2  # 121,98 % or 1.234.567: one line
            longest = whole if kept else max((text_twips(w, size) for w in parts), default=0)
            least[column] = max(least[column], longest)
            wanted[column] = max(wanted[column], whole)
            volume[column] += whole
    least = [width + padding for width in least]
    wanted = [max(w + padding, low) for w, low in zip(wanted, least, strict=True)]
    return least, wanted, volume


def _share(least: list[int], wanted: list[int], volume: list[int], available: int) -> list[int]:
    """Each column its least width, then the room left shared in proportion to how much
    each has to say, no column past what its longest text wants (what one cannot take goes
    to the others); room beyond every want is shared alike."""
    room = available - sum(least)
    if room <= 0:
        # Wider than the page even with every word whole: shrink alike (a word may break).
        return _summing_to([width * available // sum(least) for width in least], available)
    widths = list(least)
    growing = [c for c in range(len(widths)) if wanted[c] > widths[c]]
    while room > 0 and growing:
        said = sum(volume[c] for c in growing)
        given = 0
        for column in growing:
            share = room * volume[column] // said if said else room // len(growing)
            step = min(share, wanted[column] - widths[column])
            widths[column] += step
            given += step
        if given == 0:
            break  # less than a twip a column is left: the last column takes it
        room -= given
        growing = [c for c in growing if wanted[c] > widths[c]]
    if not growing:
        widths = [width + room // len(widths) for width in widths]
    return _summing_to(widths, available)


def _summing_to(widths: list[int], total: int) -> list[int]:
    """Whole twips that add up to ``total`` exactly (the last column takes what the integer
    division left)."""
    widths[-1] += total - sum(widths)
    return widths
