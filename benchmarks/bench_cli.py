"""How fast the command line starts: each command as a whole process, against the floor of
importing what it is built on (``python -c "import attrs, pluggy, tabulate, click, babel,
yaml"``). Median of RUNS runs each, interleaved, so that a noisy machine affects both alike.

Both sides start from compiled bytecode: the installed libraries of the floor were compiled by
pip, and an editable install of sakip (or ``PYTHONDONTWRITEBYTECODE=1``) would otherwise
recompile sakip and the plugins on every start, which no regular install does. So the
benchmark compiles them first, as ``pip install`` would.

Run: ``python benchmarks/bench_cli.py [RUNS]`` (default 7). Prints one ``ratio`` line per
command: its median over the floor's.
"""

from __future__ import annotations

import compileall
import importlib.util
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
FLOOR = [sys.executable, "-c", "import attrs, pluggy, tabulate, click, babel, yaml"]
COMMANDS = {
    "sakip --help": [str(BIN / "sakip"), "--help"],
    "sakip achievement": [
        str(BIN / "sakip"),
        "achievement",
        "--target",
        "77,85",
        "--actual",
        "94,96",
    ],
    "sakip tables": [
        str(BIN / "sakip"),
        "tables",
        "sampang-disnaker",
        "--year",
        "2023",
        "--table",
        "3.1",
    ],
    "sakip check": [
        str(BIN / "sakip"),
        "check",
        "sampang-disnaker",
        "--year",
        "2023",
        "--check",
        "SK101",
    ],
}


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - start


def compile_plugins() -> None:
    """Compile sakip and every installed plugin's package to bytecode, as pip does."""
    from importlib.metadata import entry_points

    packages = {"sakip"} | {e.module.split(".")[0] for e in entry_points(group="sakip")}
    for package in sorted(packages):
        spec = importlib.util.find_spec(package)
        for location in (spec.submodule_search_locations or []) if spec else []:
            compileall.compile_dir(location, quiet=1)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    compile_plugins()
    timed(FLOOR)  # warm the file cache
    for name, command in COMMANDS.items():
        timed(command)
        floor, own = [], []
        for _ in range(runs):
            floor.append(timed(FLOOR))
            own.append(timed(command))
        ratio = statistics.median(own) / statistics.median(floor)
        print(
            f"{name:20} {statistics.median(own):.3f} s  floor {statistics.median(floor):.3f} s  "
            f"ratio {ratio:.2f}"
        )


if __name__ == "__main__":
    main()
