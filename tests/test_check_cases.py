"""The built-in checks, each from its hand-worked YAML cases (tests/cases/checks), run through
the same sakip.testing helper a plugin's checks are tested with."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip import DataError, load_registry
from sakip.checks import CHECKS
from sakip.testing import CheckCase, load_cases

FOLDER = Path(__file__).parent / "cases" / "checks"
CASES = load_cases(FOLDER)
REGISTRY = load_registry()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_check_case(case: CheckCase) -> None:
    case.check(REGISTRY)


def test_every_built_in_check_has_cases_with_and_without_a_finding() -> None:
    assert all(isinstance(case, CheckCase) for case in CASES)
    checks = [case for case in CASES if isinstance(case, CheckCase)]
    # SK701 and SK702 report what reading a file assumed or could not read, which a
    # transcription never has: their cases are documents (tests/test_documents.py,
    # tests/test_packed_cells.py).
    codes = {check.code for check in CHECKS} - {"SK701", "SK702"}
    assert {case.check_code for case in checks if case.findings} == codes
    assert {case.check_code for case in checks if not case.findings} == codes


def test_a_wrong_expectation_fails_naming_the_case(tmp_path: Path) -> None:
    source = (FOLDER / "SK302.yaml").read_text(encoding="utf-8")
    wrong = tmp_path / "SK302.yaml"
    wrong.write_text(source.replace('expected: "90"', 'expected: "91"'), encoding="utf-8")
    case = next(c for c in load_cases(wrong) if isinstance(c, CheckCase) and c.findings)
    with pytest.raises(AssertionError, match=r"SK302.yaml, line \d+ .*\n  missing: error at a:1"):
        case.check(REGISTRY)


def test_a_case_without_data_is_refused_at_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "check: SK101\ncases:\n  - report: {year: 2024, tables: []}\n    findings: []\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"line 3.*needs the agency's 'data'"):
        load_cases(broken)
