"""sakip.testing: the helpers plugin authors test with must themselves catch what they
promise to catch."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sakip
from sakip import Band, Formula, Polarity, Scale, ZeroDenominator, load_registry
from sakip.rules.formulas import NumericTarget, higher_ratio
from sakip.testing import check_formula, check_scale, load_cases
from sakip.testing.strategies import STRATEGIES

# --- strategies: st.from_type works for every public record ----------------------------

NOT_GENERATED = {
    # Registrations: they hold a plugin's callables, so a plugin builds them.
    "AgencySpec", "TableSpec", "CheckSpec", "ReportSpec",
    # The one mutable registry, and contexts that hold a value model built from one.
    "Registry", "ReviewContext", "TableContext",
    # Built by the value model from an agency's nodes.
    "BudgetTree",
    # What review_agencies and build_agencies give for one agency.
    "AgencyReview", "AgencyTables",
    # What reading a document gives: made from a file, with the report and data it holds.
    "DocumentReview", "Inference", "Assumption",
}  # fmt: skip


def _public_records() -> list[type]:
    found = [getattr(sakip, name) for name in sakip.__all__]
    return [cls for cls in found if isinstance(cls, type) and attrs.has(cls)]


def test_every_public_record_has_a_strategy_or_a_reason() -> None:
    records = {cls.__name__ for cls in _public_records()}
    assert records - NOT_GENERATED == {cls.__name__ for cls in STRATEGIES}


@pytest.mark.parametrize("cls", list(STRATEGIES), ids=lambda cls: cls.__name__)
def test_from_type_gives_valid_records_through_the_entry_point(cls: type) -> None:
    @given(st.from_type(cls))
    def check(record: object) -> None:
        assert type(record) is cls
        if attrs.has(cls):
            assert attrs.evolve(record) == record  # validators pass on a rebuild

    check()


@pytest.mark.parametrize("no_plugins", [False, True])
def test_the_entry_point_registers_the_strategies_in_a_fresh_interpreter(no_plugins: bool) -> None:
    # Nothing imports sakip.testing here: only hypothesis's entry point can register them.
    # With hypothesis's plugins turned off, the same code fails: the test can tell.
    code = (
        "from hypothesis import strategies as st\n"
        "from sakip import Indicator\n"
        "print(st.from_type(Indicator).example().code)\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "HYPOTHESIS_NO_PLUGINS"}
    if no_plugins:
        env["HYPOTHESIS_NO_PLUGINS"] = "1"
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    if no_plugins:
        assert run.returncode != 0
    else:
        assert run.returncode == 0, run.stderr
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", run.stdout.strip())


# --- the contract catches broken formulas and scales ------------------------------------


def _formula(compute: object, polarity: Polarity = Polarity.HIGHER) -> Formula:
    return Formula(
        code="broken.formula",
        name="Broken",
        polarity=polarity,
        expression="?",
        source="a test",
        compute=compute,  # type: ignore[arg-type]
        meets=(lambda t, a: a >= t) if polarity is Polarity.HIGHER else (lambda t, a: a <= t),
    )


def _float_result(target: NumericTarget, actual: Decimal) -> Decimal:
    return float(higher_ratio(target, actual))  # type: ignore[return-value]


def _crashes_on_zero(target: NumericTarget, actual: Decimal) -> Decimal:
    assert isinstance(target, Decimal)
    return actual / target * 100  # ZeroDivisionError / InvalidOperation, not sakip's


def _decreasing(target: NumericTarget, actual: Decimal) -> Decimal:
    assert isinstance(target, Decimal)
    if not target:
        raise ZeroDenominator("target")
    return (2 * target - actual) / target * 100


def _ninety_nine_on_target(target: NumericTarget, actual: Decimal) -> Decimal:
    return higher_ratio(target, actual) * Decimal("0.99")


@pytest.mark.parametrize(
    ("compute", "message"),
    [
        (_float_result, "expected a Decimal"),
        (_decreasing, "higher is better"),
        (_ninety_nine_on_target, "expected 100"),
    ],
)
def test_contract_catches_a_broken_formula(compute: object, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        check_formula(_formula(compute), max_examples=100)


def test_contract_catches_an_error_that_is_not_sakips() -> None:
    # Values are drawn from 0 upwards, so a zero actual is tried; with a zero *target* the
    # formula divides by zero without sakip's signal.
    def compute(target: NumericTarget, actual: Decimal) -> Decimal:
        assert isinstance(target, Decimal)
        return target / actual * 100

    with pytest.raises(AssertionError, match="errors must be sakip's own"):
        check_formula(_formula(compute, Polarity.LOWER), max_examples=100)


def test_contract_passes_every_builtin_rule() -> None:
    registry = load_registry()
    for formula in registry.formulas:
        check_formula(formula, max_examples=50)
    for scale in registry.scales:
        check_scale(scale, max_examples=50)


def test_contract_catches_a_scale_whose_fast_classifier_disagrees() -> None:
    class Broken(Scale):
        def classifier(self) -> Callable[[Decimal], str]:
            return lambda value: self.labels[-1]

    broken = Broken(
        code="broken.scale",
        name="Broken",
        source="a test",
        bands=[Band("Good", Decimal(50)), Band("Bad")],
    )
    with pytest.raises(AssertionError, match="fast classifier"):
        check_scale(broken, max_examples=100)


# --- table-driven cases -------------------------------------------------------------------


def _cases(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_cases_pass_when_the_rule_gives_what_they_expect(tmp_path: Path) -> None:
    path = _cases(
        tmp_path,
        """\
rule: higher.ratio
policy: {rounding: truncate, places: 2}
cases:
  # 88,73 / 77,85 × 100 = 113,9756…, truncated
  - {name: truncated, target: "77,85", actual: "88,73", expected: "113,97"}
  - {name: zero target, target: "0", actual: "1", error: ZeroDenominatorError}
""",
    )
    registry = load_registry()
    cases = load_cases(path)
    assert [str(case) for case in cases] == ["higher.ratio: truncated", "higher.ratio: zero target"]
    for case in cases:
        case.check(registry)


@pytest.mark.parametrize(
    ("expected", "message"),
    [
        ('expected: "113,98"', r"line 4 \(c\): gave 113\.97, expected 113,98"),
        ("error: ZeroDenominatorError", "gave 113.97, expected ZeroDenominatorError"),
    ],
)
def test_a_case_that_does_not_hold_fails_naming_its_line(
    tmp_path: Path, expected: str, message: str
) -> None:
    path = _cases(
        tmp_path,
        f"""\
rule: higher.ratio
policy: {{rounding: truncate}}
cases:
  - {{name: c, target: "77,85", actual: "88,73", {expected}}}
""",
    )
    (case,) = load_cases(path)
    with pytest.raises(AssertionError, match=message):
        case.check(load_registry())


def test_scale_cases_and_a_folder_of_case_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        "scale: permendagri-86-2017\ncases:\n"
        '  - {value: "91", expected: Sangat Tinggi}\n'
        '  - {value: "90,99", expected: Tinggi}\n',
        encoding="utf-8",
    )
    (tmp_path / "b.yaml").write_text(
        'rule: range.nearest\ncases:\n  - {target: "10..20", actual: "15", expected: "100"}\n',
        encoding="utf-8",
    )
    cases = load_cases(tmp_path)
    assert [case.rule for case in cases] == ["permendagri-86-2017"] * 2 + ["range.nearest"]
    for case in cases:
        case.check(load_registry())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("cases: []\n", "name either the formula"),
        ('rule: higher.ratio\ncases:\n  - {target: "1", actual: "1"}\n', "give either what"),
        ('rule: higher.ratio\ncases:\n  - {target: "1", expected: "1"}\n', "'actual' is missing"),
        (
            'rule: higher.ratio\ncases:\n  - {target: "1", actual: "1", error: KeyError}\n',
            "not one of sakip's errors",
        ),
        ('rule: higher.ratio\ncases:\n  - {target: "1", actual: "1", expected: "1.5"}\n', "1.5"),
        ("rule: higher.ratio\npolicy: {rounding: up}\ncases: []\n", "line 2"),
    ],
)
def test_a_bad_case_file_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    from sakip import DataError

    path = _cases(tmp_path, text)
    with pytest.raises(DataError, match=message) as raised:
        load_cases(path)
    assert str(path) in str(raised.value)
