"""Reading a report transcribed as printed: what each figure states, and clear errors."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings

from sakip import Agency, BudgetStage, DataError, Indicator, Objective, Period, load_registry
from sakip.model.agency_data import AgencyData
from sakip.model.subjects import Measure, Subject
from sakip.readers.transcript_yaml import load_printed_report
from sakip.reviewing.run import review_report
from sakip.testing.datasets import agency_datasets

GOOD = """\
agency: dinas-contoh
year: 2023
tables:
  - id: "3.6"
    title: Kinerja dan Anggaran
    stage: revised
    columns:
      - NO
      - {heading: TARGET, measure: target, of: indicator}
      - {heading: REALISASI 2022, measure: actual, of: indicator, year: 2022}
      - {heading: ANGGARAN, measure: allocation, of: budget}
      - {heading: PAGU MURNI, measure: allocation, of: budget, stage: initial}
    rows:
      - of: {indicator: IKU-1, budget: S1}
        cells: ["1", "77,85%", "88,73", "90.802.691", "-"]
      - cells: ["JUMLAH", "", "", "", ""]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_figure_states_its_subject(tmp_path: Path) -> None:
    report = load_printed_report(_write(tmp_path, GOOD))
    assert (report.agency, report.year) == ("dinas-contoh", 2023)
    (table,) = report.tables
    assert table.rows[1] == ("JUMLAH", "", "", "", "")
    assert [(f.place.column, f.value, f.subject) for f in report.figures] == [
        ("TARGET", Decimal("77.85"), Subject("IKU-1", Measure.TARGET, Period(2023))),
        ("REALISASI 2022", Decimal("88.73"), Subject("IKU-1", Measure.ACTUAL, Period(2022))),
        (
            "ANGGARAN",
            Decimal(90802691),
            Subject("S1", Measure.ALLOCATION, Period(2023), BudgetStage.REVISED),
        ),
    ]  # "-" prints no figure


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("measure: target,", "measure: goal,", "line 9", "unknown measure 'goal'"),
        (
            '"90.802.691"',
            '"sembilan"',
            "line 15, tables[0].rows[0].cells[3]",
            "starts with a number",
        ),
        ('"77,85%"', '"77.85"', "line 15, tables[0].rows[0].cells[1]", "77.85"),
        (
            ', "-"]',
            "]",
            "line 15, tables[0].rows[0].cells",
            "expected 5 cells, one per column, got 4",
        ),
        (
            "{indicator: IKU-1, budget: S1}",
            "{indicator: IKU-1}",
            "cells[3]",
            "names only indicator",
        ),
        (
            '["JUMLAH", "", "", "", ""]',
            '["JUMLAH", "", "", "1", ""]',
            "rows[1].cells[3]",
            "'of' is missing",
        ),
        ("    stage: revised\n", "", "line 10, tables[0].columns[3]", "needs a stage"),
        ("stage: initial", "stage: murni", "stage", "unknown budget stage 'murni'"),
        ("year: 2023\n", "year: duaribu\n", "line 2", "expected a year"),
        (
            "      - NO\n",
            "      - [NO]\n",
            "line 8, tables[0].columns[0]",
            "expected a column heading",
        ),
        ("    title: Kinerja dan Anggaran\n", "", "tables[0]", "'title' is missing"),
    ],
)
def test_a_bad_transcription_names_file_line_and_what_was_expected(
    tmp_path: Path, old: str, new: str, where: str, message: str
) -> None:
    assert old in GOOD
    path = _write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(DataError) as raised:
        load_printed_report(path)
    assert str(path) in str(raised.value)
    assert where in str(raised.value)
    assert message in str(raised.value)


def test_a_table_transcribed_twice_is_refused(tmp_path: Path) -> None:
    table = GOOD.split("tables:\n", 1)[1]
    path = _write(tmp_path, GOOD + table)
    with pytest.raises(DataError, match=r"table '3\.6' is transcribed twice"):
        load_printed_report(path)


@settings(max_examples=5)
@given(agency_datasets())
def test_a_figure_of_something_the_agency_does_not_have_is_named(data: AgencyData) -> None:
    with tempfile.TemporaryDirectory() as folder:
        text = GOOD.replace("dinas-contoh", data.agency.id)
        report = load_printed_report(_write(Path(folder), text))
    with pytest.raises(DataError, match=r"table 3.6, row 1, column 'TARGET': 'IKU-1' is not an"):
        review_report(load_registry(), report, data)


def test_a_word_where_a_target_is_printed_is_a_grade_the_review_checks(
    tmp_path: Path,
) -> None:
    # Read as a grade (qualitative indicators print WTP, BB...); the review knows IKU-1 has
    # no grades and refuses it, naming the table, row and column.
    report = load_printed_report(_write(tmp_path, GOOD.replace('"77,85%"', '"tujuh"')))
    (label,) = report.labels
    assert (label.text, label.subject) == ("tujuh", Subject("IKU-1", Measure.TARGET, Period(2023)))
    data = AgencyData(
        agency=Agency(id="dinas-contoh", name="Dinas Contoh"),
        goals=[],
        objectives=[Objective(key="S1", name="Sasaran", indicators="IKU-1")],
        indicators=[Indicator(code="IKU-1", name="Persentase")],
        measurements=[],
        programs=[],
        activities=[],
        sub_activities=[],
        budget_lines=[],
    )
    with pytest.raises(
        DataError, match=r"table 3\.6, row 1, column 'TARGET'.*'tujuh' is not a number"
    ):
        review_report(load_registry(), report, data)
