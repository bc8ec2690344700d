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
EQUIVALENT: tuple[tuple[str, str, str], ...] = ()


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


def argued(name: str, line: str) -> str | None:
    function = function_of(name)
    for where, fragment, reason in EQUIVALENT:
        if function.endswith(where) and fragment in line:
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
    for name, status in sorted(statuses.items()):
        module = name.split(".x")[0]
        per_module[module][status] += 1
        if status not in ("survived", "no tests"):
            continue
        line = changed_line(name)
        if argued(name, line) is not None:
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
    return 1 if holes else 0


if __name__ == "__main__":
    sys.exit(main())
