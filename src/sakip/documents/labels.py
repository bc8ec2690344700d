"""Match the same objective, indicator or program across tables by its label, as real
reports print it: ``Meningktanya``/``Meningkatnya``, ``di Fasilitasi``/``difasilitasi``,
``Kab/Kota``/``KABUPATEN/KOTA``, ``pekrja``/``pekerja``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from sakip.extras import require

SURE = 90.0
"""A match at least this alike (0–100) is taken without comment."""
LIKELY = 80.0
"""A match at least this alike is taken, and named in the findings on it as an assumption."""

_ABBREVIATIONS = (
    (re.compile(r"\bkab\b\.?"), "kabupaten"),
    (re.compile(r"\bpemerintah\b"), "pemerintahan"),
    (re.compile(r"\bdan\b"), " "),
    (re.compile(r"\byang\b"), " "),
)


@lru_cache(maxsize=65536)
def normal(label: str) -> str:
    """A label reduced to what identifies it: lower case, abbreviations written out, no
    punctuation and no spaces (``di Fasilitasi`` and ``difasilitasi`` are one word)."""
    text = label.lower()
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    return re.sub(r"[\W_]+", "", text)


def alike(first: str, second: str) -> float:
    """How alike two labels are, 0–100."""
    fuzz = require("rapidfuzz.fuzz", "reviewing a report from its file")
    return float(fuzz.ratio(normal(first), normal(second)))


def best_match(label: str, candidates: Iterable[tuple[str, str]]) -> tuple[str, float] | None:
    """The key of the candidate (key, label) most like ``label``, if at least
    :data:`LIKELY` alike, with its score."""
    process = require("rapidfuzz.process", "reviewing a report from its file")
    fuzz = require("rapidfuzz.fuzz", "reviewing a report from its file")
    pairs = list(candidates)
    if not pairs or not normal(label):
        return None
    exact = [key for key, other in pairs if normal(other) == normal(label)]
    if exact:
        return exact[0], 100.0
    choices = {index: normal(other) for index, (_, other) in enumerate(pairs)}
    found = process.extractOne(normal(label), choices, scorer=fuzz.ratio, score_cutoff=LIKELY)
    if found is None:
        return None
    _, score, index = found
    return pairs[index][0], float(score)
