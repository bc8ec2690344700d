"""The house's layers, checked rather than hoped for.

Each top-level unit of ``src/sakip`` (a sub-package or a module) sits on a layer and imports,
at run time, only from lower layers; annotations may name anything under ``TYPE_CHECKING``.
No module imports another in a circle. Code outside the library (examples, the rule pack,
the scaffold's templates, the docs' code blocks, the benchmarks) imports only ``sakip`` and
``sakip.testing``. ``import sakip`` and ``sakip --help`` load no review, table builder, YAML
or babel locale data.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import sakip

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "sakip"

LAYERS: tuple[frozenset[str], ...] = tuple(
    frozenset(units.split())
    for units in (
        "errors arithmetic resources gc_pause safe_text",  # foundations: no sakip imports but these
        "files untrusted",  # writing an output file, never through a link; bounds on input files
        "extras",  # optional dependencies, imported when a feature needs them
        "rounding hookspecs",  # the rounding policy; the plugin contract (a leaf)
        "numbers",  # the one way in and out for numbers
        "model",  # frozen records
        "rules batch_kernel",  # pure formulas, scales, budget roll-ups; a rate over arrays
        "values batch",  # the value model; the same rules over whole frames
        "plugins readers writers workbook",  # registry; YAML readers and writer; the workbook
        "tables reviewing",  # the two engines that ask the value model
        "checks sources report",  # built-in checks; an AGENCY argument; the LKjIP document
        "documents",  # a published report reviewed from its file, subjects inferred
        "many",  # many agencies reviewed at once, on any executor
        "scaffold",  # sakip new-plugin's package writer
        "cli",  # the command line
        "testing __init__",  # what plugin authors test with; the public names
    )
)
"""Bottom first. A unit imports only units of lower layers (or itself)."""


def _layer(unit: str) -> int:
    for index, units in enumerate(LAYERS):
        if unit in units:
            return index
    raise AssertionError(f"sakip.{unit} is on no layer: add it to LAYERS")


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.AST, package: str) -> Iterator[str]:
    """The sakip modules a module imports when it runs (skipping ``if TYPE_CHECKING``)."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name.startswith("sakip"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            if base.startswith("sakip"):
                for alias in node.names:
                    candidate = f"{base}.{alias.name}"
                    yield candidate if _exists(candidate) else base
        stack.extend(ast.iter_child_nodes(node))


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (SRC / relative).with_suffix(".py").is_file() or (
        SRC / relative / "__init__.py"
    ).is_file()


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        module = _module_name(path)
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[module] = {m for m in _runtime_imports(tree, package) if m != module}
    return graph


GRAPH = _graph()


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph``, or None."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(graph, white)
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        colour[node] = grey
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if colour.get(target, black) == grey:
                return [*path[path.index(target) :], target]
            if colour.get(target) == white and (found := visit(target)):
                return found
        path.pop()
        colour[node] = black
        return None

    for node in sorted(graph):
        if colour[node] == white and (found := visit(node)):
            return found
    return None


def test_the_graph_is_read() -> None:
    # The reader finds what is known to be there; a broken reader would pass every test.
    assert "sakip.values.model" in GRAPH["sakip.tables.context"]
    assert "sakip.plugins.registrations" in GRAPH["sakip.checks.SK101"]
    assert "sakip.rules.formulas" not in GRAPH["sakip.hookspecs"]  # only for annotations
    assert len(GRAPH) > 60


def test_no_module_imports_itself_in_a_circle() -> None:
    assert _cycle(GRAPH) is None, " -> ".join(_cycle(GRAPH) or [])


def test_no_package_imports_itself_in_a_circle() -> None:
    units: dict[str, set[str]] = {}
    for module, targets in GRAPH.items():
        units.setdefault(_unit(module), set()).update(
            _unit(t) for t in targets if _unit(t) != _unit(module)
        )
    assert _cycle(units) is None, " -> ".join(_cycle(units) or [])


def test_every_import_goes_down_the_layers() -> None:
    upward = [
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if _unit(target) != _unit(module) and _layer(_unit(target)) >= _layer(_unit(module))
    ]
    assert upward == []


def test_the_layer_check_catches_an_upward_import() -> None:
    tree = ast.parse("from sakip.reviewing.run import review\n")
    (found,) = _runtime_imports(tree, "sakip.model")
    assert _layer(_unit(found)) > _layer("model")
    guarded = ast.parse(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import sakip.cli\n"
    )
    assert list(_runtime_imports(guarded, "sakip.model")) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


# --- code outside the library imports only the public API ------------------------------

ALLOWED = re.compile(r"^(?:from sakip(?:\.testing)? import |import sakip(?:\.testing)?$)")
SAKIP_IMPORT = re.compile(r"^\s*(?:from|import)\s+sakip\b")


def _outside_code() -> Iterator[tuple[str, int, str]]:
    sources = [
        *ROOT.glob("examples/*/src/**/*.py"),
        *ROOT.glob("examples/*/tests/**/*.py"),
        *ROOT.glob("plugins/*/src/**/*.py"),
        *ROOT.glob("plugins/*/tests/**/*.py"),
        *(SRC / "templates").rglob("*.tmpl"),
        *ROOT.glob("benchmarks/*.py"),
    ]
    for path in sources:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield str(path.relative_to(ROOT)), number, line
    for path in ROOT.glob("docs/*.md"):
        text = path.read_text(encoding="utf-8")
        for block in re.finditer(r"```python\n(.*?)```", text, re.S):
            start = text[: block.start()].count("\n") + 2
            for offset, line in enumerate(block[1].splitlines()):
                yield str(path.relative_to(ROOT)), start + offset, line


def test_outside_code_imports_only_sakip_and_sakip_testing() -> None:
    private = [
        f"{path}:{number}: {line.strip()}"
        for path, number, line in _outside_code()
        if SAKIP_IMPORT.match(line) and not ALLOWED.match(line.strip())
    ]
    assert private == []


def test_the_boundary_check_reads_every_kind_of_file() -> None:
    kinds = {Path(path).suffix for path, _, line in _outside_code() if SAKIP_IMPORT.match(line)}
    assert kinds == {".py", ".tmpl", ".md"}
    assert not ALLOWED.match("from sakip.tables.build import build_tables")
    assert ALLOWED.match("from sakip.testing import isolated_registry")


# --- the public API --------------------------------------------------------------------


def test_every_public_name_resolves_from_the_module_that_defines_it() -> None:
    for name in sakip.__all__:
        value = getattr(sakip, name)
        assert value is not None, name
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        sakip.nothing  # noqa: B018


def test_the_type_checking_imports_list_exactly_the_exports() -> None:
    tree = ast.parse((SRC / "__init__.py").read_text(encoding="utf-8"))
    (guard,) = [n for n in tree.body if isinstance(n, ast.If) and _is_type_checking(n)]
    imported = {
        (node.module, alias.name)
        for node in guard.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == {(module, name) for name, module in sakip._EXPORTS.items()}
    assert sorted(sakip._EXPORTS) == sorted(sakip.__all__)


def test_registering_directly_is_not_public() -> None:
    public = [name for name in dir(sakip.Registry) if name.startswith("register")]
    assert public == []


@pytest.mark.parametrize(
    "code",
    [
        "import sakip",
        "import sakip.cli",
        "from sakip.cli import main\nimport sys\nsys.argv=['sakip','--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass",
    ],
)
def test_starting_up_loads_no_engine_yaml_or_locale_data(code: str) -> None:
    probe = (
        f"{code}\nimport sys, babel.localedata\n"
        "heavy = [m for m in sys.modules if m.startswith(('sakip.reviewing', 'sakip.tables', "
        "'sakip.values', 'sakip.plugins', 'yaml'))]\n"
        "print(heavy, len(babel.localedata._cache))"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip().splitlines()[-1] == "[] 0"


def test_the_startup_probe_sees_a_heavy_import() -> None:
    probe = "import sakip\nsakip.review\nimport sys\nprint('sakip.reviewing.run' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "True"
