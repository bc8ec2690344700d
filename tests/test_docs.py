"""The docs keep up with the code: every hook is tested and documented with its exact
signature, every registered rule is in the rules reference, the code on the pages runs,
and the tutorial shows the tested example's own files and output."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sakip import hookspecs, load_registry
from sakip.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
TEST_FOLDERS = [
    ROOT / "tests",
    ROOT / "examples" / "sampang_disnaker" / "tests",
    ROOT / "examples" / "kominfo-contoh" / "tests",
    ROOT / "examples" / "dinkes-contoh" / "tests",
    ROOT / "plugins" / "permenpanrb-8-2021" / "tests",
]
HOOKS = sorted(name for name in dir(hookspecs) if name.startswith("sakip_register_"))


def _test_names() -> set[str]:
    names = set()
    for folder in TEST_FOLDERS:
        for path in folder.glob("test_*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    return names


def _signature(hook: str) -> str:
    """The hook as it is declared: ``name(param: Annotation) -> Return``."""
    function = getattr(hookspecs, hook)
    annotations = dict(function.__annotations__)
    returns = annotations.pop("return")
    params = ", ".join(
        f"{name}: {annotations[name]}" for name in inspect.signature(function).parameters
    )
    return f"{hook}({params}) -> {returns}"


def test_the_hooks_are_the_ones_these_tests_know() -> None:
    assert len(HOOKS) == 6


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test_named_after_it(hook: str) -> None:
    assert any(name.startswith(f"test_{hook}") for name in _test_names())


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_heading_with_its_exact_signature(hook: str) -> None:
    headings = re.findall(r"^## `(.+)`$", (DOCS / "hooks.md").read_text(encoding="utf-8"), re.M)
    assert _signature(hook) in headings


def test_every_registered_rule_is_in_the_rules_reference() -> None:
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    registry = load_registry()
    codes = [*registry.formulas.keys(), *registry.scales.keys(), *registry.checks.keys()]
    assert "permenpanrb8.higher" in codes  # the rule pack is installed, so it is checked too
    assert [code for code in codes if f"`{code}`" not in text] == []


def test_every_page_is_in_the_site_navigation() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))

    def pages(nav: object) -> list[str]:
        if isinstance(nav, str):
            return [nav]
        if isinstance(nav, dict):
            return [page for value in nav.values() for page in pages(value)]
        if isinstance(nav, list):
            return [page for item in nav for page in pages(item)]
        return []

    assert sorted(pages(config["nav"])) == sorted(p.name for p in DOCS.glob("*.md"))


def _python_blocks(page: str) -> list[str]:
    text = (DOCS / page).read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, re.M | re.S)
    return [block for block in blocks if "--8<--" not in block]


@pytest.mark.parametrize(
    ("page", "index"),
    [
        (page, index)
        for page in ("index.md", "hooks.md", "testing.md", "architecture.md")
        for index in range(len(_python_blocks(page)))
    ],
)
def test_the_code_on_the_pages_runs(page: str, index: int) -> None:
    exec(compile(_python_blocks(page)[index], f"{page} block {index + 1}", "exec"), {})


def test_the_pages_show_code() -> None:
    pages = ("index.md", "hooks.md", "testing.md", "architecture.md")
    assert [len(_python_blocks(p)) for p in pages] == [1, 3, 4, 1]


def test_the_architecture_page_draws_every_layer_the_layer_test_enforces() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("layers", ROOT / "tests" / "test_architecture.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    layers: tuple[frozenset[str], ...] = module.LAYERS
    drawing = (DOCS / "architecture.md").read_text(encoding="utf-8").split("```text")[1]
    drawing = drawing.split("```")[0]
    units = sorted(unit for layer in layers for unit in layer)
    missing = [u for u in units if not re.search(rf"\b{re.escape(u)}(/|\.py|\b)", drawing)]
    assert missing == []


def _snippets(page: str) -> list[str]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return re.findall(r'^--8<-- "([^"]+)"$', text, re.M)


def test_the_tutorial_shows_the_files_of_the_tested_example() -> None:
    snippets = _snippets("tutorial.md")
    assert len(snippets) >= 9
    for snippet in snippets:
        path, _, section = snippet.partition(":")
        assert path.startswith("examples/kominfo-contoh/")
        text = (ROOT / path).read_text(encoding="utf-8")
        if section:
            assert f"# --8<-- [start:{section}]" in text


def test_the_tutorials_review_output_is_what_sakip_check_prints() -> None:
    result = CliRunner().invoke(main, ["check", "kominfo-contoh", "--year", "2024"])
    assert result.exit_code == 0
    assert f"    $ sakip check kominfo-contoh --year 2024\n    {result.stdout.strip()}\n" in (
        DOCS / "tutorial.md"
    ).read_text(encoding="utf-8")
