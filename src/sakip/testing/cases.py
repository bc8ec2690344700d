"""Table-driven rule tests: cases in YAML (inputs and the expected result), run in one test.

A case file names one rule and lists its cases::

    rule: permenpanrb8.higher          # a formula code; or `scale: CODE` for a scale
                                       # (or `check: CODE`: see sakip.testing.check_cases)
    policy: {rounding: half-up, places: 2}   # optional, for formulas
    cases:
      - {name: on target, target: "100", actual: "100", expected: "100,00"}
      - {name: a range target, target: "10..20", actual: "15", expected: "100"}
      - {name: no target, target: "0", actual: "5", error: ZeroDenominatorError}

and a scale's cases give a value and the label expected::

    scale: permendagri-86-2017
    cases:
      - {value: "91", expected: Sangat Tinggi}

Numbers are written in Indonesian form. A plugin's test is then::

    @pytest.mark.parametrize("case", load_cases(CASES), ids=str)
    def test_rule_cases(case):
        case.check(REGISTRY)
"""

from __future__ import annotations

from decimal import Decimal
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml
from attrs import frozen

import sakip.errors
from sakip.errors import SakipError
from sakip.model.indicators import TargetRange
from sakip.model.policy import AchievementPolicy
from sakip.numbers import parse_number
from sakip.plugins.registry import Registry
from sakip.readers.yaml_cursor import Cursor, required
from sakip.rounding import RoundingPolicy
from sakip.rules.formulas import NumericTarget
from sakip.testing.check_cases import CheckCase, read_check_cases

FILE_FIELDS = {"rule", "scale", "policy", "cases"}
POLICY_FIELDS = {"rounding", "places", "zero", "cap"}
CASE_FIELDS = {"name", "target", "actual", "value", "expected", "error"}


@frozen
class Case:
    """One case: where it is written, the rule it tries, its inputs and what is expected."""

    source: str
    line: int
    name: str
    kind: str
    """``formula`` or ``scale``."""
    rule: str
    policy: AchievementPolicy
    inputs: tuple[NumericTarget | Decimal, ...]
    """(target, actual) for a formula, (value,) for a scale."""
    expected: str | None
    error: str | None

    def __str__(self) -> str:
        return f"{self.rule}: {self.name}"

    def check(self, registry: Registry) -> None:
        """Run the case on the rule ``registry`` holds under its code.

        :raises AssertionError: naming the case file and line, with what came out.
        """
        where = f"{self.source}, line {self.line} ({self.name})"
        try:
            got = self._run(registry)
        except SakipError as exc:
            if type(exc).__name__ != self.error:
                wanted = self.expected if self.error is None else self.error
                raise AssertionError(
                    f"{where}: raised {type(exc).__name__} ({exc}), expected {wanted}"
                ) from exc
            return
        assert self.error is None, f"{where}: gave {got}, expected {self.error}"
        assert got == self._expected(), f"{where}: gave {got}, expected {self.expected}"

    def _run(self, registry: Registry) -> str | Decimal | None:
        if self.kind == "scale":
            (value,) = self.inputs
            assert isinstance(value, Decimal)
            return registry.scales.get(self.rule).classify(value)
        target, actual = self.inputs
        assert isinstance(actual, Decimal)
        return registry.achievement_rule(self.rule, self.policy)(target, actual)

    def _expected(self) -> str | Decimal | None:
        if self.kind == "scale" or self.expected in (None, "-"):
            return None if self.expected == "-" else self.expected
        return _number(self.expected)


def _number(text: str) -> Decimal:
    return parse_number(text.strip())


def load_cases(path: Path | Traversable) -> list[Case | CheckCase]:
    """The cases of one YAML file, or of every ``*.yaml`` file in a folder (by name): cases
    of a formula or scale (:class:`Case`), or of a check (:class:`CheckCase`, see
    :mod:`sakip.testing.check_cases`). Both are run with ``case.check(registry)``.

    :raises DataError: naming the file, line and field of a case that cannot be read.
    """
    if path.is_dir():
        files = sorted(
            (p for p in path.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name
        )
        return [case for file in files for case in _read(file)]
    return _read(path)


def _read(path: Path | Traversable) -> list[Case | CheckCase]:
    source = str(path)
    root = Cursor.parse(path.read_text(encoding="utf-8"), source)
    if isinstance(root.node, yaml.MappingNode) and "check" in root.mapping():
        return list(read_check_cases(root))
    fields = root.mapping(FILE_FIELDS)
    if ("rule" in fields) == ("scale" in fields):
        raise root.error(
            "name either the formula tried ('rule: CODE') or the scale ('scale: CODE')"
        )
    kind = "formula" if "rule" in fields else "scale"
    rule = fields["rule" if kind == "formula" else "scale"].text()
    policy = _policy(fields["policy"]) if "policy" in fields else AchievementPolicy()
    return [
        _case(cursor, source, kind, rule, policy, index)
        for index, cursor in enumerate(required(fields, "cases", root).items(), start=1)
    ]


def _policy(cursor: Cursor) -> AchievementPolicy:
    fields = cursor.mapping(POLICY_FIELDS)
    try:
        rounding = RoundingPolicy(
            fields["rounding"].text() if "rounding" in fields else "half-up",
            int(fields["places"].text()) if "places" in fields else 2,
        )
        return AchievementPolicy(
            rounding=rounding,
            zero=fields["zero"].text() if "zero" in fields else "error",
            cap=fields["cap"].number() if "cap" in fields else None,
        )
    except (SakipError, ValueError) as exc:
        raise cursor.error(str(exc)) from None


def _case(
    cursor: Cursor, source: str, kind: str, rule: str, policy: AchievementPolicy, index: int
) -> Case:
    fields = cursor.mapping(CASE_FIELDS)
    needed = ("target", "actual") if kind == "formula" else ("value",)
    inputs = tuple(_input(required(fields, name, cursor)) for name in needed)
    if ("expected" in fields) == ("error" in fields):
        raise cursor.error(
            "give either what the case gives ('expected') or the error it raises ('error')"
        )
    error = fields["error"].text() if "error" in fields else None
    if error is not None and not _is_sakip_error(error):
        raise fields["error"].error(f"{error!r} is not one of sakip's errors (sakip.errors)")
    expected = fields["expected"].text() if "expected" in fields else None
    if expected not in (None, "-") and kind == "formula":
        fields["expected"].number()  # a readable number, or an error at its line
    return Case(
        source=source,
        line=cursor.node.start_mark.line + 1,
        name=fields["name"].text() if "name" in fields else f"case {index}",
        kind=kind,
        rule=rule,
        policy=policy,
        inputs=inputs,
        expected=expected,
        error=error,
    )


def _input(cursor: Cursor) -> NumericTarget | Decimal:
    text = cursor.text()
    if ".." in text:
        low, high = text.split("..", 1)
        try:
            return TargetRange(_number(low), _number(high))
        except SakipError as exc:
            raise cursor.error(str(exc)) from None
    return cursor.number()


def _is_sakip_error(name: str) -> bool:
    found = getattr(sakip.errors, name, None)
    return isinstance(found, type) and issubclass(found, SakipError)
