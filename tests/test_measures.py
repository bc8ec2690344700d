"""The measures of BAB III beside target and realisation: quarters, grades, the Renstra,
standards and efficiency — properties over generated values, and the data format's new
fields with their errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import (
    Agency,
    AgencyData,
    Aggregation,
    DataError,
    Indicator,
    Measure,
    Measurement,
    Objective,
    Period,
    Polarity,
    Subject,
    ValueModel,
    load_agency_data,
    load_registry,
)
from sakip.testing.strategies import positive_values, values

REGISTRY = load_registry()
YEAR = Period(2024)


def _agency(indicator: Indicator, measurements: list[Measurement]) -> ValueModel:
    data = AgencyData(
        agency=Agency(id="dinas-uji", name="Dinas Uji"),
        goals=[],
        objectives=[Objective(key="S1", name="Sasaran", indicators=indicator.code)],
        indicators=[indicator],
        measurements=measurements,
        programs=[],
        activities=[],
        sub_activities=[],
        budget_lines=[],
    )
    return ValueModel(data, REGISTRY)


quarters = st.lists(values, min_size=4, max_size=4)


@given(quarters)
def test_a_cumulative_year_is_the_sum_of_its_quarters(actuals: list[Decimal]) -> None:
    indicator = Indicator(code="K", name="Jumlah", aggregation=Aggregation.SUM)
    model = _agency(
        indicator,
        [
            Measurement(indicator="K", period=q, actual=a)
            for q, a in zip(YEAR.quarters(), actuals, strict=True)
        ],
    )
    assert model.value(Subject("K", Measure.ACTUAL, YEAR)) == sum(actuals)


@given(quarters)
def test_a_levels_year_is_its_last_quarter_and_never_a_sum(actuals: list[Decimal]) -> None:
    indicator = Indicator(code="K", name="Persentase", aggregation=Aggregation.LAST)
    model = _agency(
        indicator,
        [
            Measurement(indicator="K", period=q, actual=a)
            for q, a in zip(YEAR.quarters(), actuals, strict=True)
        ],
    )
    assert model.value(Subject("K", Measure.ACTUAL, YEAR)) == actuals[-1]


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=4, max_size=4))
def test_an_average_year_lies_between_its_quarters(actuals: list[int]) -> None:
    indicator = Indicator(code="K", name="Rata-rata", aggregation=Aggregation.AVERAGE)
    model = _agency(
        indicator,
        [
            Measurement(indicator="K", period=q, actual=a)
            for q, a in zip(YEAR.quarters(), actuals, strict=True)
        ],
    )
    year = model.value(Subject("K", Measure.ACTUAL, YEAR))
    assert year is not None
    assert min(actuals) <= year <= max(actuals)
    assert year == (Decimal(sum(actuals)) / 4).quantize(Decimal("0.01"), "ROUND_HALF_UP")


@given(positive_values, values, values)
def test_the_predicate_never_gets_worse_as_the_achievement_grows(
    target: Decimal, low: Decimal, high: Decimal
) -> None:
    low, high = sorted((low, high))
    scale = REGISTRY.scale("permendagri-86-2017")

    def rank(actual: Decimal) -> int:
        model = _agency(
            Indicator(code="K", name="K"),
            [Measurement(indicator="K", period=YEAR, target=target, actual=actual)],
        )
        label = model.label(Subject("K", Measure.PREDICATE, YEAR))
        assert label is not None
        return scale.labels.index(label)

    assert rank(high) <= rank(low)  # best band first


@given(positive_values)
def test_efficiency_index_is_one_when_achievement_equals_absorption(rate: Decimal) -> None:
    from sakip.rules.efficiency import efficiency_gain, efficiency_index

    index = efficiency_index(rate, rate)
    assert index == Decimal(1)
    assert efficiency_gain(index) == 0


@pytest.mark.parametrize(
    ("grades", "target", "actual", "rule", "expected"),
    [
        (["WTP", "WDP", "TW", "TMP"], "WDP", "WTP", "met", "100"),
        (["WTP", "WDP", "TW", "TMP"], "WDP", "WDP", "met", "100"),
        (["WTP", "WDP", "TW", "TMP"], "WDP", "TMP", "met", "0"),
        (["AA", "A", "BB", "B", "CC", "C", "D"], "BB", "A", "steps", "1"),
        (["AA", "A", "BB", "B", "CC", "C", "D"], "BB", "CC", "steps", "-2"),
    ],
)
def test_grade_achievement_by_its_rule(
    grades: list[str], target: str, actual: str, rule: str, expected: str
) -> None:
    from sakip import Grade

    indicator = Indicator(
        code="G", name="Opini", polarity=Polarity.QUALITATIVE, grades=grades, grade_rule=rule
    )
    model = _agency(
        indicator,
        [Measurement(indicator="G", period=YEAR, target=Grade(target), actual=Grade(actual))],
    )
    assert model.value(Subject("G", Measure.ACHIEVEMENT, YEAR)) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "quarter"),
    [("2024-TW1", 1), ("2024-TW IV", 4), ("2024 TW III", 3), ("2024-Q2", 2), ("2024", None)],
)
def test_quarters_are_written_as_agencies_print_them(text: str, quarter: int | None) -> None:
    assert Period.parse(text) == Period(2024, quarter)


# --- the data format --------------------------------------------------------------------

AGENCY = """\
agency: {id: dinas-uji, name: Dinas Uji}
objectives:
  - key: S1
    name: Sasaran tanpa tujuan
    indicators:
      - code: IKU-1
        name: Persentase
        measurements:
          "2023": {actual: "-"}
          "2024": {target: "9.38", actual: n/a, standard: "9,900"}
      - code: IKU-2
        name: Opini
        polarity: qualitative
        grades: [WTP, WDP, TW, TMP]
        baseline: {year: 2021, value: "1"}
        measurements:
          "2024": {target: WDP, actual: WTP}
"""


def _folder(tmp_path: Path, agency: str, programs: str = "programs: []\n") -> Path:
    (tmp_path / "agency.yaml").write_text(agency, encoding="utf-8")
    (tmp_path / "programs.yaml").write_text(programs, encoding="utf-8")
    return tmp_path


def test_no_value_grades_english_numbers_and_no_goals(tmp_path: Path) -> None:
    data = load_agency_data(_folder(tmp_path, "numbers: en\n" + AGENCY))
    assert data.goals == ()
    by = {(m.indicator, m.period.year): m for m in data.measurements}
    assert by[("IKU-1", 2023)].actual is None  # "-" is no value, not 0
    # English form, stated once: 9.38 is nine and 38 hundredths, "9,900" nine thousand nine
    # hundred.
    assert by[("IKU-1", 2024)].target == Decimal("9.38")
    assert by[("IKU-1", 2024)].actual is None
    assert by[("IKU-1", 2024)].standard == Decimal(9900)
    assert str(by[("IKU-2", 2024)].actual) == "WTP"


@pytest.mark.parametrize(
    ("form", "old", "new", "message"),
    [
        ("numbers: en\n", "actual: WTP", "actual: WTB", "'WTB' is not a grade of indicator IKU-2"),
        # Without the form stated, numbers are Indonesian: 9.38 is ambiguous there.
        ("", '"9.38"', '"9.38"', "line 10.*did you mean"),
        (
            "numbers: en\n",
            "baseline: {year: 2021",
            "baseline: {year: 2021-TW1",
            "the baseline is of a year",
        ),
    ],
)
def test_new_fields_refused_with_their_line(
    tmp_path: Path, form: str, old: str, new: str, message: str
) -> None:
    with pytest.raises(DataError, match=message) as error:
        load_agency_data(_folder(tmp_path, form + AGENCY.replace(old, new)))
    assert "agency.yaml" in str(error.value)
    assert "line" in str(error.value)


def test_a_quarter_states_only_spending(tmp_path: Path) -> None:
    programs = (
        "programs:\n  - key: P1\n    name: Program\n"
        '    budget: {"2024-TW1": {revised: {allocation: "1.000", spending: "500"}}}\n'
    )
    with pytest.raises(DataError, match=r"line 4.*a quarter states only its spending"):
        load_agency_data(_folder(tmp_path, "numbers: en\n" + AGENCY, programs))


def test_an_unknown_number_form_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="unknown number form 'fr'"):
        load_agency_data(_folder(tmp_path, "numbers: fr\n" + AGENCY))
