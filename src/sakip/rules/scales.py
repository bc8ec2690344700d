"""Predicate scales: bands of achievement (or score) with a label each.

A band's threshold is a *lower bound*, inclusive (``≥ 91``) or exclusive (``> 100``), and the
last band has none, so every value falls in exactly one band: there can be no gap.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

from attrs import field, frozen

from sakip.errors import ValidationError
from sakip.model._fields import matches, non_empty_text, optional_decimal
from sakip.numbers import to_decimal
from sakip.rules.formulas import RULE_CODE_PATTERN


@frozen
class Band:
    """One band: ``label`` for values ``≥ lower`` (or ``> lower`` when not inclusive)."""

    label: str = field(validator=non_empty_text)
    lower: Decimal | None = field(default=None, converter=optional_decimal)
    inclusive: bool = True

    def describe(self) -> str:
        if self.lower is None:
            return "otherwise"
        return f"{'≥' if self.inclusive else '>'} {self.lower}"


def _bands(value: Iterable[Band]) -> tuple[Band, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Scale:
    """An ordered set of bands, best first.

    :ivar bands: best band first; thresholds strictly decreasing; the last band, and only
        it, has no threshold.
    """

    code: str = field(validator=matches(RULE_CODE_PATTERN, "permendagri-86-2017"))
    name: str = field(validator=non_empty_text)
    source: str = field(validator=non_empty_text)
    bands: tuple[Band, ...] = field(converter=_bands)

    def __attrs_post_init__(self) -> None:
        if len(self.bands) < 2:
            raise ValidationError(f"Scale {self.code}: needs at least two bands")
        *upper, last = self.bands
        if last.lower is not None or any(band.lower is None for band in upper):
            raise ValidationError(
                f"Scale {self.code}: every band but the last needs a lower bound, and the last "
                "must have none (it catches everything below), so that no value falls in a gap"
            )
        bounds = [band.lower for band in upper if band.lower is not None]
        if any(a <= b for a, b in itertools.pairwise(bounds)):
            raise ValidationError(
                f"Scale {self.code}: thresholds must decrease strictly from the best band, "
                f"got {', '.join(str(b) for b in bounds)}"
            )
        labels = [band.label for band in self.bands]
        if len(set(labels)) != len(labels):
            raise ValidationError(f"Scale {self.code}: labels must be distinct, got {labels}")

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(band.label for band in self.bands)

    def classify(self, value: Decimal) -> str:
        """The label of the band ``value`` falls in.

        :raises NumberError: for a value that is no exact number (``None``, a float).
        """
        if not isinstance(value, Decimal) or not value.is_finite():
            # A computed achievement may be of any size; anything else is read as input is.
            value = to_decimal(value, what=f"scale {self.code}: the achievement")
        for band in self.bands:
            lower = band.lower
            if lower is None or value > lower or (band.inclusive and value == lower):
                return band.label
        raise AssertionError("unreachable: the last band has no lower bound")

    def classifier(self) -> Callable[[Decimal], str]:
        """A fast ``classify`` for bulk use: a binary search over the thresholds."""
        upper = self.bands[:-1]
        inclusive = {band.inclusive for band in upper}
        if len(inclusive) != 1:
            return self.classify
        thresholds = [band.lower for band in reversed(upper) if band.lower is not None]
        ascending = tuple(band.label for band in reversed(self.bands))
        search = bisect_right if inclusive.pop() else bisect_left

        def classify(value: Decimal) -> str:
            return ascending[search(thresholds, value)]

        return classify

    def relabel(self, labels: Mapping[str, str] | Iterable[str]) -> Scale:
        """The same bands with other labels: a mapping old → new, or all new labels in order.

        Permendagri's Sangat Tinggi … Sangat Rendah are called Sangat Baik … Sangat Kurang by
        some agencies; the thresholds stay.
        """
        if isinstance(labels, Mapping):
            unknown = set(labels) - set(self.labels)
            if unknown:
                raise ValidationError(
                    f"Scale {self.code}: no band labelled {sorted(unknown)}; labels are {self.labels}"
                )
            new = [labels.get(label, label) for label in self.labels]
        else:
            new = list(labels)
            if len(new) != len(self.bands):
                raise ValidationError(
                    f"Scale {self.code}: expected {len(self.bands)} labels, best first, got {len(new)}"
                )
        bands = tuple(
            Band(label, band.lower, band.inclusive)
            for label, band in zip(new, self.bands, strict=True)
        )
        return Scale(code=self.code, name=self.name, source=self.source, bands=bands)


def _scale(code: str, name: str, source: str, *bands: tuple[str, str | None, bool]) -> Scale:
    return Scale(
        code=code,
        name=name,
        source=source,
        bands=tuple(Band(label, lower, inclusive) for label, lower, inclusive in bands),
    )


PERMENDAGRI_86_2017 = _scale(
    "permendagri-86-2017",
    "Permendagri 86/2017, lima tingkat",
    "Permendagri 86/2017 (evaluasi hasil rencana pembangunan daerah)",
    ("Sangat Tinggi", "91", True),
    ("Tinggi", "76", True),
    ("Sedang", "66", True),
    ("Rendah", "51", True),
    ("Sangat Rendah", None, True),
)

EAST_JAVA = _scale(
    "jatim",
    "Praktik Provinsi Jawa Timur, empat tingkat",
    "East Java provincial evaluation practice",
    ("Sangat Baik", "100", False),
    ("Baik", "75", True),
    ("Cukup", "55", True),
    ("Kurang", None, True),
)

PERMENPANRB_88_2021 = _scale(
    "permenpanrb-88-2021",
    "PermenPANRB 88/2021, nilai evaluasi SAKIP",
    "PermenPANRB 88/2021 (evaluasi akuntabilitas kinerja instansi pemerintah)",
    ("AA", "90", False),
    ("A", "80", False),
    ("BB", "70", False),
    ("B", "60", False),
    ("CC", "50", False),
    ("C", "30", False),
    ("D", None, True),
)

BUILTIN_SCALES = (PERMENDAGRI_86_2017, EAST_JAVA, PERMENPANRB_88_2021)
