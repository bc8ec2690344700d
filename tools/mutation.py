"""Mutation testing of the places where a wrong rule would go unnoticed: each mutation
changes one rule as a plausible mistake would, runs the tests that should notice, and
reports whether they did (killed) or not (survived).

The mutations are the project's own list, kept with the code they test: the places issue 14's
survey found untested (the bulk path and the cap, a scale's thresholds and strictness, the
truncation of negatives, the budget year filter, the total check, the locale, NaN …) and the
guards added since (number ranges, safe output, the document review's number forms). Each is
a text replacement that must match exactly once, so a refactoring that moves the code fails
loudly here instead of silently testing nothing.

Run: ``python tools/mutation.py`` (about a minute per ten mutations); ``--list`` to list them.
Exit status 1 when a mutation survives.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str
    before: str
    after: str
    tests: tuple[str, ...]


RULES = ("tests/test_reference_values.py", "tests/test_achievement.py", "tests/test_scales.py")
MUTATIONS = (
    Mutation(
        "truncation rounds toward minus infinity",
        "src/sakip/rounding.py",
        "RoundingMode.TRUNCATE: ROUND_DOWN,",
        "RoundingMode.TRUNCATE: ROUND_FLOOR,",
        RULES,
    ),
    Mutation(
        "the bulk path ignores the cap",
        "src/sakip/rules/achievement.py",
        "append(cap if cap is not None and value > cap else value)",
        "append(value)",
        RULES,
    ),
    Mutation(
        "the bulk path stops at the first zero target",
        "src/sakip/rules/achievement.py",
        "append(self._on_zero(position, zero.which, target, actual))\n                    continue",
        "append(self._on_zero(position, zero.which, target, actual))\n                    break",
        RULES,
    ),
    Mutation(
        "relabelling makes every threshold inclusive",
        "src/sakip/rules/scales.py",
        "Band(label, band.lower, band.inclusive)",
        "Band(label, band.lower, True)",
        RULES,
    ),
    Mutation(
        "Permendagri's Tinggi starts at 75",
        "src/sakip/rules/scales.py",
        '("Tinggi", "76", True),',
        '("Tinggi", "75", True),',
        RULES,
    ),
    Mutation(
        "PermenPANRB 88's A starts above 85",
        "src/sakip/rules/scales.py",
        '("A", "80", False),',
        '("A", "85", False),',
        RULES,
    ),
    Mutation(
        "East Java's Baik starts at 74",
        "src/sakip/rules/scales.py",
        '("Baik", "75", True),',
        '("Baik", "74", True),',
        RULES,
    ),
    Mutation(
        "a range's bounds swapped",
        "src/sakip/rules/formulas.py",
        "    if actual > high:\n        return lower_two_t_minus_r(high, actual)",
        "    if actual > low:\n        return lower_two_t_minus_r(high, actual)",
        RULES,
    ),
    Mutation(
        "every grade is met",
        "src/sakip/rules/qualitative.py",
        "return HUNDRED if met(grades, target, actual) else ZERO",
        "return HUNDRED",
        RULES,
    ),
    Mutation(
        "the caller's locale is dropped",
        "src/sakip/numbers.py",
        "return parse_decimal(cleaned, locale=_locale(locale), strict=True)",
        "return parse_decimal(cleaned, locale=_locale(INDONESIAN), strict=True)",
        ("tests/test_reference_values.py", "tests/test_numbers.py"),
    ),
    Mutation(
        "NaN is a number",
        "src/sakip/numbers.py",
        '    if not value.is_finite():\n        raise NumberError(f"{text!r} is not a finite number")\n    return in_range(value, text)',
        "    return value",
        ("tests/test_reference_values.py", "tests/test_numbers.py"),
    ),
    Mutation(
        "twelve decimals are too many",
        "src/sakip/numbers.py",
        "    if decimals > MAX_DECIMALS:",
        "    if decimals >= MAX_DECIMALS:",
        ("tests/test_hardening.py",),
    ),
    Mutation(
        "the budget roll-up takes earlier years too",
        "src/sakip/rules/budget.py",
        "if line.period != period or line.stage is not stage:",
        "if line.period > period or line.stage is not stage:",
        ("tests/test_reference_values.py", "tests/test_budget.py"),
    ),
    Mutation(
        "a total printed below its parts passes",
        "src/sakip/checks/SK201.py",
        "if not isinstance(total, Total) or total.value == figure.value:",
        "if not isinstance(total, Total) or total.value <= figure.value:",
        ("tests/test_check_cases.py",),
    ),
    Mutation(
        "no other rounding explains a rate",
        "src/sakip/checks/SK101.py",
        "        for mode in RoundingMode:",
        "        for mode in (RoundingMode.HALF_UP,):",
        ("tests/test_check_cases.py", "tests/test_documents.py"),
    ),
    Mutation(
        "a '|' splits a Markdown cell",
        "src/sakip/tables/render.py",
        '_MARKDOWN_SPECIAL = re.compile(r"([\\\\`*_\\[\\]|])")',
        '_MARKDOWN_SPECIAL = re.compile(r"([\\\\`*_\\[\\]])")',
        ("tests/test_hardening.py",),
    ),
    Mutation(
        "a terminal escape passes",
        "src/sakip/safe_text.py",
        "    escaped = _CONTROL.sub(",
        "    escaped = text or _CONTROL.sub(",
        ("tests/test_hardening.py",),
    ),
    Mutation(
        "a column's number form decided on a tie for English",
        "src/sakip/documents/number_forms.py",
        "form = Form.ENGLISH if votes[Form.ENGLISH] > votes[Form.INDONESIAN] else Form.INDONESIAN",
        "form = Form.ENGLISH if votes[Form.ENGLISH] >= votes[Form.INDONESIAN] else Form.INDONESIAN",
        ("tests/test_documents.py",),
    ),
    Mutation(
        "a parent total compared with only some of its children",
        "src/sakip/checks/SK607.py",
        "if not amounts or len(amounts) < len(data.children(line.node)):",
        "if not amounts:",
        ("tests/test_check_cases.py", "tests/test_review.py"),
    ),
    Mutation(
        "the review runs in the caller's decimal context",
        "src/sakip/reviewing/run.py",
        "@library_context()\n@paused_gc()\ndef review_report(",
        "@paused_gc()\ndef review_report(",
        ("tests/test_hardening.py",),
    ),
    Mutation(
        "an unsure match keeps its error",
        "src/sakip/reviewing/run.py",
        "if severity is Severity.ERROR and not all(a.sure for a in made):",
        "if severity is Severity.ERROR and False:",
        ("tests/test_documents.py",),
    ),
)


def run(mutation: Mutation) -> bool:
    """Apply ``mutation``, run its tests, restore the file; whether the tests failed."""
    path = ROOT / mutation.path
    original = path.read_text(encoding="utf-8")
    count = original.count(mutation.before)
    if count != 1:
        raise SystemExit(f"{mutation.name}: the text to mutate is found {count} times in {path}")
    path.write_text(original.replace(mutation.before, mutation.after), encoding="utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *mutation.tests],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
    finally:
        path.write_text(original, encoding="utf-8")
    return result.returncode != 0


def main() -> None:
    if "--list" in sys.argv:
        for mutation in MUTATIONS:
            print(f"{mutation.path}: {mutation.name}")
        return
    survived = []
    start = time.perf_counter()
    for number, mutation in enumerate(MUTATIONS, 1):
        killed = run(mutation)
        print(
            f"{number:>2}/{len(MUTATIONS)} {'killed  ' if killed else 'SURVIVED'} {mutation.name}"
        )
        if not killed:
            survived.append(mutation)
    seconds = time.perf_counter() - start
    print(
        f"mutations: {len(MUTATIONS)}, killed: {len(MUTATIONS) - len(survived)}, "
        f"survived: {len(survived)} ({seconds:.0f} s)"
    )
    raise SystemExit(1 if survived else 0)


if __name__ == "__main__":
    main()
