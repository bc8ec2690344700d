"""The rule pack's formulas: sakip's rule contract, and hand-worked cases in cases/*.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import sakip_permenpanrb_8_2021 as pack

from sakip import Formula
from sakip.testing import Case, check_formula, isolated_registry, load_cases

REGISTRY = isolated_registry(pack)
CASES = load_cases(Path(__file__).parent / "cases")


@pytest.mark.parametrize("formula", pack.FORMULAS, ids=lambda f: f.code)
def test_formula_keeps_the_rule_contract(formula: Formula) -> None:
    check_formula(formula)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_case(case: Case) -> None:
    case.check(REGISTRY)


def test_every_formula_has_cases() -> None:
    assert {case.rule for case in CASES} == {formula.code for formula in pack.FORMULAS}


def test_sakip_register_formulas_registers_all_four_under_this_plugin() -> None:
    codes = [f.code for f in pack.FORMULAS]
    assert codes == [
        "permenpanrb8.higher",
        "permenpanrb8.lower",
        "permenpanrb8.range-higher",
        "permenpanrb8.range-lower",
    ]
    assert [REGISTRY.formulas.plugin_of(code) for code in codes] == ["sakip_permenpanrb_8_2021"] * 4
