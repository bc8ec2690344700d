"""The review on generated reports: consistent data gives no finding; one figure changed
gives exactly the finding for it. And the checks' rules one by one, on small hand-built
cases."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import Finding, Severity, load_registry
from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetStage
from sakip.model.printed import Figure, PrintedReport
from sakip.model.subjects import Measure
from sakip.numbers import format_number
from sakip.reviewing.run import review_report
from sakip.testing.datasets import INITIAL_TABLES, REPORT_TABLES, agency_datasets, printed_report

REGISTRY = load_registry()


def _review(report: PrintedReport, data: AgencyData, lang: str = "en") -> list[Finding]:
    # The properties here are about the printed report: the checks of the data alone (data.*:
    # quarters, overspending, negative counts, parent totals) have their own cases.
    checks = [check.code for check in REGISTRY.checks if not check.name.startswith("data.")]
    return review_report(REGISTRY, report, data, lang=lang, checks=checks)


def _change(report: PrintedReport, figure: Figure, delta: int) -> PrintedReport:
    """The report with one figure's number moved by ``delta``, its unit and suffix kept."""
    number = re.match(r"-?[0-9][0-9.,]*", figure.text)
    assert number is not None
    text = format_number(figure.value + delta) + figure.text[number.end() :]
    tables = []
    for table in report.tables:
        if table.id == figure.place.table:
            rows = [list(row) for row in table.rows]
            column = table.columns.index(figure.place.column)
            rows[figure.place.row - 1][column] = text
            table = attrs.evolve(table, rows=rows)
        tables.append(table)
    return attrs.evolve(report, tables=tables)


@given(agency_datasets())
def test_a_report_printed_from_consistent_data_has_no_finding(data: AgencyData) -> None:
    assert _review(printed_report(data, REGISTRY), data) == []


@given(agency_datasets(), st.data(), st.integers(min_value=1, max_value=10**6))
def test_one_changed_figure_gives_exactly_its_finding(
    data: AgencyData, pick: st.DataObject, delta: int
) -> None:
    """What a single misprint must produce, precisely:

    - a total changed to the sum of its printed (rounded) parts agrees with its table, and
      no figure is compared with it elsewhere: no finding (its parts' rounding made the
      printed total differ from theirs before the change);
    - any other changed figure: exactly one finding, on that figure. A rate is judged
      against its printed inputs (SK101): an error, or a warning that names the other
      rounding or the input printed rounded that gives it. Any other figure is judged
      against its parts or the same quantity (SK201, SK301, SK302): an error.
    """
    report = printed_report(data, REGISTRY)
    figure = pick.draw(st.sampled_from(report.figures))
    changed = _change(report, figure, delta)
    findings = _review(changed, data)
    if not findings:
        from sakip.reviewing.context import ReviewContext
        from sakip.reviewing.messages import Messages
        from sakip.reviewing.structure import Total
        from sakip.values.model import ValueModel

        context = ReviewContext(changed, ValueModel(data, REGISTRY), Messages("en"))
        total = context.derivations[figure.place]
        assert isinstance(total, Total)
        assert total.value == figure.value + delta
        return
    assert len(findings) == 1, findings
    (finding,) = findings
    assert figure.place in finding.places
    if figure.subject.measure.is_rate:
        assert finding.code == "SK101"
        explained = ("rounding" in finding.message) or ("truncating" in finding.message)
        assert finding.severity is Severity.ERROR or explained
    else:
        assert finding.code in {"SK201", "SK301", "SK302"}
        assert finding.severity is Severity.ERROR


@given(agency_datasets(initial_budget=True))
def test_initial_and_revised_figures_that_differ_are_one_revision_each(data: AgencyData) -> None:
    report = printed_report(data, REGISTRY, REPORT_TABLES + INITIAL_TABLES)
    findings = _review(report, data)
    assert {f.code for f in findings} <= {"SK501"}
    assert all(f.severity is Severity.INFO for f in findings)
    # Which quantities were revised, from the data alone: every allocation printed at both
    # stages whose two values differ.
    printed = {
        (f.subject.entity, f.subject.stage): f.value
        for f in report.figures
        if f.subject.measure is Measure.ALLOCATION
    }
    revised = {
        entity
        for entity, stage in printed
        if stage is BudgetStage.INITIAL
        and (entity, BudgetStage.REVISED) in printed
        and printed[(entity, BudgetStage.INITIAL)] != printed[(entity, BudgetStage.REVISED)]
    }
    assert len(findings) == len(revised)


# --- SK401: a level against the levels below it, case by case ---------------------------


def _cascade(parent: tuple[str, str], children: list[tuple[str, str]]) -> AgencyData:
    """An activity measured ``parent`` (target, actual) over sub-activities measured
    ``children``; no budget, so only the cascade can be judged."""
    from sakip import Activity, Agency, Indicator, Measurement, Program, SubActivity

    subs = [
        SubActivity(key=f"P1.K1.S{n}", name=f"Sub {n}", activity="P1.K1", indicators=f"P1.K1.S{n}")
        for n in range(1, len(children) + 1)
    ]
    codes = ["P1.K1", *(sub.key for sub in subs)]
    values = [parent, *children]
    return AgencyData(
        agency=Agency(id="cascade", name="Dinas Contoh"),
        goals=[],
        objectives=[],
        indicators=[Indicator(code=code, name=f"Indikator {code}") for code in codes],
        measurements=[
            Measurement(indicator=code, period=2023, target=target, actual=actual)
            for code, (target, actual) in zip(codes, values, strict=True)
        ],
        programs=[Program(key="P1", name="Program 1")],
        activities=[Activity(key="P1.K1", name="Kegiatan 1", program="P1", indicators="P1.K1")],
        sub_activities=subs,
        budget_lines=[],
    )


@pytest.mark.parametrize(
    ("parent", "children", "expected"),
    [
        # Met above (100 %), missed at the only level below (5 / 10 = 50 %).
        (("100", "100"), [("10", "5")], "SK401"),
        # Met above and below: nothing to report.
        (("100", "100"), [("10", "10")], None),
        # Met above, one of two below met: not a contradiction (another reading exists).
        (("100", "100"), [("10", "5"), ("4", "4")], None),
        # Missed above (50 %), every level below met (100 %, 150 %).
        (("100", "50"), [("10", "10"), ("2", "3")], "SK401"),
        # Missed above and below.
        (("100", "50"), [("10", "9")], None),
        # 99,99 % is missed: the line is 100.
        (("10000", "9999"), [("1", "1")], "SK401"),
    ],
)
def test_cascade_contradiction(
    parent: tuple[str, str], children: list[tuple[str, str]], expected: str | None
) -> None:
    from sakip.tables.builders import outputs_table

    data = _cascade(parent, children)
    report = printed_report(data, REGISTRY, (("3.9", outputs_table()),))
    findings = _review(report, data)
    assert [f.code for f in findings] == ([expected] if expected else [])
    if expected:
        (finding,) = findings
        assert finding.severity is Severity.WARNING
        assert finding.places[0].row == 2  # the activity's row, under the heading row
        assert len(finding.places) == 1 + len(children)


# --- the message catalog ----------------------------------------------------------------


def _message_ids() -> set[str]:
    from pathlib import Path

    from babel.messages.extract import extract_from_dir

    import sakip

    root = Path(sakip.__file__).parent
    found = extract_from_dir(root, method_map=[("**.py", "python")], keywords={"say": None})
    return {str(message) for _file, _line, message, _comments, _context in found}


def test_every_review_message_has_an_indonesian_translation() -> None:
    from sakip.reviewing.messages import catalog

    indonesian = catalog("id")
    ids = _message_ids()
    assert len(ids) > 20  # the extraction found the messages
    assert sorted(ids - set(indonesian)) == []
    placeholders = re.compile(r"\{(\w+)\}")
    for message in ids:
        assert set(placeholders.findall(message)) == set(placeholders.findall(indonesian[message]))


def test_the_catalog_has_no_message_the_code_no_longer_says() -> None:
    from sakip.reviewing.messages import catalog

    assert sorted(set(catalog("id")) - _message_ids()) == []


def test_an_unknown_language_is_refused_with_the_known_ones() -> None:
    from sakip import UnknownCodeError
    from sakip.reviewing.messages import Messages

    with pytest.raises(UnknownCodeError, match="available: id, en"):
        Messages("fr")


def test_english_is_the_message_itself_and_indonesian_its_translation() -> None:
    from sakip.reviewing.messages import Messages

    assert Messages("en")("Table {table}", table="3.7") == "Table 3.7"
    assert Messages("id")("Table {table}", table="3.7") == "Tabel 3.7"
