"""An amount the text states and then lists the parts of, one per list item::

    Anggaran Belanja Langsung … sebesar Rp. 55.463.202.837,-. masing-masing dapat
    diuraikan sebagai berikut:
    - Belanja Pegawai : Rp. 536.035.400,-
    - Belanja Barang dan Jasa : Rp. 19.545.506.348,-
    - Belanja Modal : Rp. 5.069.499.096,-

A stated total is a paragraph that ends with ``:`` and names one amount of rupiah, followed
by at least two list items (``-``, ``•``, ``a.``, ``1)``) that each name one. A paragraph
that lists only some of the parts (``antara lain``) states no total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from attrs import frozen

from sakip.rules.written_formulas import read_text_number

_AMOUNT = re.compile(r"\bRp\.?\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?)(?:,-)?", re.IGNORECASE)
LIST_ITEM = re.compile(r"^\s*(?:[-–•·▪*]|[a-z0-9]{1,2}[.)])\s+", re.IGNORECASE)
"""How a list item starts: a dash or bullet, or ``a.``, ``1)``."""
_SOME_OF = re.compile(r"\b(?:antara lain|di ?antaranya|seperti|misalnya)\b", re.IGNORECASE)
MIN_PARTS = 2


@frozen
class StatedPart:
    index: int
    """The part's paragraph, among those given."""
    printed: str
    value: Decimal


@frozen
class StatedTotal:
    """A total the text states, with the parts it lists under it."""

    index: int
    """The total's paragraph, among those given."""
    printed: str
    value: Decimal
    parts: tuple[StatedPart, ...]


def stated_totals(paragraphs: Sequence[str]) -> Iterator[StatedTotal]:
    """Every amount stated with its parts listed below it, in reading order."""
    for index, text in enumerate(paragraphs):
        amounts = _AMOUNT.findall(text)
        if len(amounts) != 1 or not text.rstrip().endswith(":") or _SOME_OF.search(text):
            continue
        parts: list[StatedPart] = []
        for below in range(index + 1, len(paragraphs)):
            item = paragraphs[below]
            found = list(_AMOUNT.finditer(item))
            if not LIST_ITEM.match(item) or len(found) != 1:
                break
            parts.append(StatedPart(below, found[0][0], read_text_number(found[0][1])))
        if len(parts) >= MIN_PARTS:
            printed = _AMOUNT.search(text)
            assert printed is not None, "the paragraph names one amount"
            yield StatedTotal(index, printed[0], read_text_number(amounts[0]), tuple(parts))
