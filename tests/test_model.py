from __future__ import annotations

from decimal import Decimal

import pytest

from sakip import (
    Agency,
    Grade,
    Indicator,
    Measurement,
    NomenclatureCode,
    Period,
    Polarity,
    Program,
    SubActivity,
    TargetRange,
    ValidationError,
)
from sakip.model.indicators import Aggregation
from sakip.model.nomenclature import CodeLevel
from sakip.rules import qualitative
from sakip.rules.aggregation import aggregate


def test_nomenclature_codes_at_each_level() -> None:
    sub = NomenclatureCode.parse("2.07.04.2.01.0001")
    assert sub.level is CodeLevel.SUB_ACTIVITY
    assert str(sub.parent) == "2.07.04.2.01"
    assert NomenclatureCode.parse("2.07.04.2.01").level is CodeLevel.ACTIVITY
    assert NomenclatureCode.parse("X.XX.01").level is CodeLevel.PROGRAM


def test_two_and_four_digit_sub_activity_codes_are_the_same_code() -> None:
    assert NomenclatureCode.parse("2.07.04.2.01.01") == NomenclatureCode.parse("2.07.04.2.01.0001")
    assert NomenclatureCode.parse("2.07.04.2.01.01").normalized == "2.07.04.2.01.0001"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2.07", "expected a Kemendagri code"),
        ("2.7.04", "segment bidang is '7'"),
        ("2.07.04.3.01", "segment level is '3'"),
        ("2.07.04.2.01.001", "segment sub-kegiatan is '001'"),
    ],
)
def test_bad_codes_name_the_segment(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        NomenclatureCode.parse(text)


def test_code_level_must_fit_the_record() -> None:
    with pytest.raises(ValidationError, match="expected a sub-activity code"):
        SubActivity(key="S", name="x", activity="K", code="2.07.04")
    assert Program(key="P", name="x", code="2.07.04").code == NomenclatureCode.parse("2.07.04")


def test_periods() -> None:
    assert Period.parse("2023-Q2") == Period(2023, 2)
    assert str(Period(2023)) == "2023"
    with pytest.raises(ValidationError, match="2023-Q1"):
        Period.parse("Q5 2023")


def test_validation_messages_name_the_field() -> None:
    with pytest.raises(ValidationError, match=r"Indicator\.name: expected non-empty text"):
        Indicator(code="IKU-1", name=" ")
    with pytest.raises(
        ValidationError, match=r"Indicator\.code: expected text of the form 'IKU-1'"
    ):
        Indicator(code="IKU 1", name="x")
    with pytest.raises(ValidationError, match=r"Agency\.id"):
        Agency(id="Sampang Disnaker", name="x")
    with pytest.raises(ValueError, match="'sideways'"):
        Indicator(code="I", name="x", polarity="sideways")


def test_measurement_converts_numbers_and_refuses_floats() -> None:
    m = Measurement(indicator="IKU-1", period="2023", target="77,85", actual=Decimal("94.96"))
    assert m.target == Decimal("77.85")
    assert m.period == Period(2023)
    with pytest.raises(ValidationError, match="float"):
        Measurement(indicator="IKU-1", period=2023, target=77.85)
    with pytest.raises(ValidationError, match="lower bound 10 is above upper bound 5"):
        TargetRange(10, 5)


def test_qualitative_indicators_need_grades_and_compare_by_steps() -> None:
    with pytest.raises(ValidationError, match="grades"):
        Indicator(code="OPINI", name="Opini BPK", polarity=Polarity.QUALITATIVE)
    grades = qualitative.AUDIT_OPINIONS
    assert qualitative.steps(grades, Grade("WDP"), Grade("WTP")) == 1
    assert qualitative.met(grades, "WTP", "WTP")
    assert not qualitative.met(grades, "WTP", "TW")
    assert qualitative.achievement(qualitative.SAKIP_GRADES, "BB", "A") == Decimal(100)
    with pytest.raises(ValidationError, match="not one of"):
        qualitative.steps(grades, "WTP", "BAIK")


def test_aggregation_of_quarters() -> None:
    quarters = [Decimal(10), Decimal(20), Decimal(30), Decimal(41)]
    assert aggregate(quarters, Aggregation.SUM) == Decimal(101)
    assert aggregate(quarters, Aggregation.LAST) == Decimal(41)
    assert aggregate(quarters, Aggregation.AVERAGE) == Decimal("25.25")
    with pytest.raises(ValidationError):
        aggregate([], Aggregation.SUM)
