"""The full mutation sweep: mutmut changes every operator, constant and string of the rules,
the number converter, rounding, the scales and the review's checks (``[tool.mutmut]`` in
``pyproject.toml`` says which files and which tests), one change at a time, and runs the
tests that cover each change. A change no test notices *survives*.

This script runs the sweep and then holds every survivor to account: each must be listed in
:data:`EQUIVALENT` below with the reason it changes no behaviour a user could see (the
reason is the comment beside it). Any other survivor is a hole in the tests, printed with its
diff; the exit status is then 1.

Run: ``python tools/mutmut_sweep.py`` (about 20 minutes on two cores; mutmut resumes where it
stopped). ``--report`` only reads the last sweep's results. Needs ``pip install mutmut``
(the ``mutation`` extra).

:mod:`tools.mutation` is the quick, targeted companion: 21 plausible mistakes, a minute.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTMUT = [sys.executable, "-m", "mutmut"]

# A survivor is argued equivalent by (the function it is in, a fragment of its changed line).
# Fragments, not mutant numbers: numbers move whenever the code above them changes.
EQUIVALENT: tuple[tuple[str, str, str], ...] = (
    # --- numbers.py -------------------------------------------------------------------------
    (
        "numbers.x_parse_number",
        "<= _SURELY_IN_RANGE) and False",
        "always checking the range, never skipping it for short text: the same result",
    ),
    (
        "numbers.x_parse_number",
        "len(text) < _SURELY_IN_RANGE",
        "a canonical text of 12 characters is within both limits: checked or not, the same",
    ),
    (
        "numbers.x_parse_number",
        "with localcontext(None)",
        "babel reads the at most 30 digits let through exactly at any precision (tested "
        "under a 5-digit context); the guard stays against a change in babel",
    ),
    (
        "numbers.x_parse_number",
        "_explain(text, None, None)",
        "the branch for decimal's InvalidOperation, which babel never lets out (it reports "
        "every malformed number as NumberFormatError): kept as a guard",
    ),
    (
        "numbers.x_parse_number",
        "_explain(None, locale, None)",
        "the same unreachable InvalidOperation branch",
    ),
    ("numbers.x_parse_number", "_explain(locale, None)", "the same unreachable branch"),
    ("numbers.x_parse_number", "_explain(text, None))", "the same unreachable branch"),
    (
        "numbers.x_parse_number",
        "_explain(text, locale, ))",
        "the same unreachable branch (the NumberFormatError branch's like mutant is killed)",
    ),
    (
        "numbers.x_parse_number",
        "raise NumberError(None) from None",
        "the same unreachable branch (the NumberFormatError branch's like mutant is killed)",
    ),
    (
        "numbers.x_format_number",
        "elif exponent <= -places:",
        "rounding a value that already has exactly the decimals shown changes nothing",
    ),
    (
        "numbers.x_format_number",
        "elif exponent < +places:",
        "rounding a value with no more decimals than shown changes nothing, so rounding "
        "more values than needed gives the same text",
    ),
    # --- rules/ -----------------------------------------------------------------------------
    (
        "rules.evaluation.x_evaluation_score",
        "parts.items()), )",
        "a sum of four Decimals started at int 0 instead of Decimal 0: the same Decimal",
    ),
    (
        "rules.aggregation.x_aggregate",
        "total = sum(values, )",
        "values is never empty there; a sum of Decimals started at int 0 is the same Decimal",
    ),
    (
        "rules.achievement.xǁAchievementRuleǁ_finish",
        "value >= cap",
        "a value equal to the cap is the cap",
    ),
    (
        "rules.achievement.xǁAchievementRuleǁmany",
        "value >= cap",
        "a value equal to the cap is the cap",
    ),
    (
        "rules.formulas.xǁZeroDenominatorǁ__init__",
        "super().__init__(None)",
        "the signal's text is never read: the rule reads its `which`",
    ),
    (
        "rules.scales.xǁScaleǁclassify",
        "raise AssertionError(",
        "unreachable: the last band has no lower bound, so the loop always returns",
    ),
    (
        "rules.scales.xǁScaleǁrelabel",
        "zip(new, self.bands",
        "the two have one label per band by construction (checked just above): strict or not",
    ),
    # --- checks/ ----------------------------------------------------------------------------
    (
        "checks.SK701.x_check",
        'assumption.params.get("printed", ',
        "every number-form assumption carries 'printed' and 'read' (documents/inference.py): "
        "the default is never taken",
    ),
    (
        "checks.SK701.x_check",
        'assumption.params.get("read", ',
        "every number-form assumption carries 'read': the default is never taken",
    ),
    (
        "checks.SK604.x_check",
        "grade_rule.value if (code) or True",
        "a grade rate is derived only on a qualitative indicator's row, so its indicator is "
        "always found and the else branch never taken",
    ),
    (
        "checks.SK604.x_check",
        'grade_rule.value if code else "XXXX"',
        "the same else branch, never taken",
    ),
    (
        "checks.SK607.x_check",
        "not data.has_node(line.node) and not line.period.is_year",
        "an objective has no children and a quarter's children no allocation: the guard "
        "below passes both over all the same",
    ),
    (
        "checks.SK607.x_check",
        "sum(amounts, )",
        "amounts is never empty there: a sum of Decimals from int 0 is the same Decimal",
    ),
    (
        "checks.SK601.x_check",
        "sum((part.value for part in combined.parts), )",
        "a combined value always has parts: a sum of Decimals from int 0 is the same Decimal",
    ),
    (
        "checks.SK101.x__rounded_inputs",
        "break",
        "an end of an input's rounding gives no rate only for the first input (the target) "
        "printed as 0 with decimals under lower.inverse, whose negative end is refused; every "
        "actual value then gives 0, which a printed rate other than 0 (the only kind that "
        "gets here) cannot follow from: stopping or going on finds the same",
    ),
    (
        "rules.scales.x__scale",
        "",
        "out of mutmut's reach: it builds the built-in scales when the module is imported, "
        "before a mutant is switched on; those scales are pinned on both sides of every "
        "threshold in tests/test_reference_values.py",
    ),
)


def _run(args: list[str]) -> str:
    done = subprocess.run([*MUTMUT, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return done.stdout


def results() -> dict[str, str]:
    """Every mutant's name and status (killed, survived, timeout, no tests …)."""
    found: dict[str, str] = {}
    for line in _run(["results", "--all", "true"]).splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            found[name] = status
    return found


def changed_line(name: str) -> str:
    """The mutant's new line (the ``+`` side of its diff)."""
    lines = _run(["show", name]).splitlines()
    added = [
        line[1:].strip() for line in lines if line.startswith("+") and not line.startswith("+++")
    ]
    return " / ".join(added)


def function_of(name: str) -> str:
    return re.sub(r"__mutmut_\d+$", "", name)


def argued(name: str, line: str, used: set[int] | None = None) -> str | None:
    function = function_of(name)
    for index, (where, fragment, reason) in enumerate(EQUIVALENT):
        if function.endswith(where) and fragment in line:
            if used is not None:
                used.add(index)
            return reason
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", action="store_true", help="only read the last results")
    options = parser.parse_args()
    if not options.report:
        subprocess.run(
            [*MUTMUT, "run", "--max-children", str(os.cpu_count() or 1)], cwd=ROOT, check=False
        )
    statuses = results()
    counts = Counter(statuses.values())
    per_module: dict[str, Counter[str]] = defaultdict(Counter)
    holes: list[tuple[str, str]] = []
    equivalent = 0
    used: set[int] = set()
    for name, status in sorted(statuses.items()):
        module = name.split(".x")[0]
        per_module[module][status] += 1
        if status not in ("survived", "no tests"):
            continue
        line = changed_line(name)
        if argued(name, line, used) is not None:
            equivalent += 1
        else:
            holes.append((name, line))
    print(f"{'module':<34} {'mutants':>8} {'killed':>7} {'survived':>9}")
    for module, seen in sorted(per_module.items()):
        total = sum(seen.values())
        print(f"{module:<34} {total:>8} {seen['killed']:>7} {seen['survived']:>9}")
    print(
        f"mutants: {len(statuses)}, killed: {counts['killed']}, timeout: {counts['timeout']}, "
        f"survived: {counts['survived']}, no tests: {counts['no tests']}, "
        f"argued equivalent: {equivalent}, unexplained: {len(holes)}"
    )
    for name, line in holes:
        print(f"  {name}: {line}")
    # An argument no survivor needs any more (the code it argued about changed): remove it,
    # so the table keeps only what is still true.
    for index, (where, fragment, _) in enumerate(EQUIVALENT):
        if index not in used:
            print(f"  argued but no longer needed: {where}: {fragment!r}")
    return 1 if holes else 0


if __name__ == "__main__":
    sys.exit(main())
