"""A document's text outside its tables, in paragraphs, for the checks that read what the
text states (a formula written out, ``55 / 58 × 100% = 94,83%``).

A Word paragraph is a paragraph. A PDF's text layer and a text file break a paragraph into
lines: the lines that follow one another (on one page, or on consecutive lines of the file,
no table between) are joined until a line ends a sentence, so a formula wrapped over two
lines is read whole. A paragraph or line that starts with ``=`` or an operator goes on with
the formula above it, whatever the file; one that starts a list item (``- Belanja Pegawai
: Rp. …``, ``a.``) starts a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sakip.documents.blocks import Block, Line
from sakip.model.printed import Passage
from sakip.rules.stated_totals import LIST_ITEM

_ORIGIN = re.compile(r"^(.*?)(\d+)$")
_ENDS_SENTENCE = re.compile(r"[.:;!?]\W*$")
_COMPUTES_ON = re.compile(r"^\s*[=×x*/:+]\s*[\d(]")
"""A line that goes on computing what the line above wrote (``= 120,22``)."""
_LEFT_OPEN = re.compile(r"(?:^|[\s\d)%])[=×x*/+]\s*$")
"""A paragraph that ends with ``=`` or an operator (not ``:``, which ends a lead-in): its
formula goes on below."""
_PARAGRAPHS = "paragraph"
"""A Word paragraph's origin: never joined with the next."""
_PAGES = "page"
"""A PDF's lines: joined on one page (a page's header and footer stand between pages)."""


def passages_of(blocks: Sequence[Block]) -> list[Passage]:
    """The paragraphs of text of a document, in reading order, each with where it starts."""
    found: list[Passage] = []
    last: Line | None = None
    for block in blocks:
        if not isinstance(block, Line):
            last = None
            continue
        text = " ".join(block.text.split())
        if not text:
            continue
        if last is not None and found and _goes_on(found[-1], last, block):
            found[-1] = Passage(f"{found[-1].text} {text}", found[-1].origin)
        else:
            found.append(Passage(text, block.origin))
        last = block
    return found


def _goes_on(passage: Passage, last: Line, line: Line) -> bool:
    """Whether ``line`` carries on the paragraph whose last line is ``last``: a line of the
    same page, or the next line of the file, after a line that ends no sentence."""
    if _COMPUTES_ON.match(line.text) or _LEFT_OPEN.search(passage.text):
        return True  # "= 120,22" under "= (2 x 73 - 58,24) / 73 x 100": one formula
    if LIST_ITEM.match(line.text):
        return False  # "- Belanja Pegawai : Rp. 536.035.400,-": an item of its own
    if _ENDS_SENTENCE.search(passage.text):
        return False
    before, now = _ORIGIN.match(last.origin), _ORIGIN.match(line.origin)
    if before is None or now is None or before[1] != now[1]:
        return False
    kind = before[1].strip()
    if kind == _PARAGRAPHS:
        return False
    if kind == _PAGES:
        return last.origin == line.origin
    return int(now[2]) == int(before[2]) + 1
