from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import Band, Scale, ValidationError
from sakip.rules.scales import BUILTIN_SCALES, EAST_JAVA, PERMENDAGRI_86_2017, PERMENPANRB_88_2021

D = Decimal


@pytest.mark.parametrize(
    ("scale", "value", "label"),
    [
        (PERMENDAGRI_86_2017, D("121.98"), "Sangat Tinggi"),  # the report's indicator 1
        (PERMENDAGRI_86_2017, D("91"), "Sangat Tinggi"),
        (PERMENDAGRI_86_2017, D("90.99"), "Tinggi"),
        (PERMENDAGRI_86_2017, D("76"), "Tinggi"),
        (PERMENDAGRI_86_2017, D("66"), "Sedang"),
        (PERMENDAGRI_86_2017, D("51"), "Rendah"),
        (PERMENDAGRI_86_2017, D("50.99"), "Sangat Rendah"),
        (PERMENDAGRI_86_2017, D("-10"), "Sangat Rendah"),
        (EAST_JAVA, D("100"), "Baik"),  # > 100 for Sangat Baik: 100 itself is Baik
        (EAST_JAVA, D("100.01"), "Sangat Baik"),
        (EAST_JAVA, D("75"), "Baik"),
        (EAST_JAVA, D("55"), "Cukup"),
        (EAST_JAVA, D("54.99"), "Kurang"),
        (PERMENPANRB_88_2021, D("90"), "A"),
        (PERMENPANRB_88_2021, D("90.01"), "AA"),
        (PERMENPANRB_88_2021, D("70.5"), "BB"),
        (PERMENPANRB_88_2021, D("50"), "C"),
        (PERMENPANRB_88_2021, D("30"), "D"),
    ],
)
def test_thresholds_are_lower_bounds(scale: Scale, value: D, label: str) -> None:
    assert scale.classify(value) == label
    assert scale.classifier()(value) == label


def test_relabel_keeps_thresholds() -> None:
    renamed = PERMENDAGRI_86_2017.relabel(
        ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]
    )
    assert renamed.classify(D("80")) == "Baik"
    assert PERMENDAGRI_86_2017.relabel({"Tinggi": "Baik"}).classify(D("80")) == "Baik"
    with pytest.raises(ValidationError, match="expected 5 labels"):
        PERMENDAGRI_86_2017.relabel(["A", "B"])
    with pytest.raises(ValidationError, match="no band labelled"):
        PERMENDAGRI_86_2017.relabel({"Luar Biasa": "X"})


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ((Band("A", "50"), Band("B", "60"), Band("C")), "decrease strictly"),
        ((Band("A", "50"), Band("B", "40")), "last must have none"),
        ((Band("A"), Band("B")), "every band but the last"),
        ((Band("A", "50"), Band("A")), "distinct"),
    ],
)
def test_bad_scales_are_refused(bands: tuple[Band, ...], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Scale(code="x", name="x", source="x", bands=bands)


@given(
    scale=st.sampled_from(BUILTIN_SCALES),
    value=st.decimals(min_value=-1000, max_value=1000, places=3),
)
def test_property_every_value_in_exactly_one_band(scale: Scale, value: D) -> None:
    def inside(index: int) -> bool:
        band = scale.bands[index]
        above_lower = (
            band.lower is None or value > band.lower or (band.inclusive and value == band.lower)
        )
        if index == 0:
            return above_lower
        better = scale.bands[index - 1]
        assert better.lower is not None
        below_better = value < better.lower or (not better.inclusive and value == better.lower)
        return above_lower and below_better

    holding = [band.label for index, band in enumerate(scale.bands) if inside(index)]
    assert holding == [scale.classify(value)]
    assert scale.classifier()(value) == scale.classify(value)


def test_permenpanrb_evaluation_score_and_grade() -> None:
    from sakip.rules.evaluation import evaluation_score

    # 80 % of 30 + 70 % of 30 + 60 % of 15 + 90 % of 25 = 24 + 21 + 9 + 22,5 = 76,5
    score = evaluation_score(
        planning=D(80), measurement=D(70), reporting=D(60), internal_evaluation=D(90)
    )
    assert score == D("76.5")
    assert PERMENPANRB_88_2021.classify(score) == "BB"
    full = evaluation_score(
        planning=D(100), measurement=D(100), reporting=D(100), internal_evaluation=D(100)
    )
    assert full == D(100)
    with pytest.raises(ValidationError, match="planning must be a percentage"):
        evaluation_score(
            planning=D(101), measurement=D(0), reporting=D(0), internal_evaluation=D(0)
        )
