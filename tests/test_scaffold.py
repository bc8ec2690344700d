"""``sakip new-plugin``: the package it writes is a working plugin whose tests pass."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip.cli import main


def _scaffold(tmp_path: Path, name: str = "dinas-kominfo") -> Path:
    result = CliRunner().invoke(
        main, ["new-plugin", name, "--directory", str(tmp_path), "--year", "2024"]
    )
    assert result.exit_code == 0, result.output
    return tmp_path / name


def test_the_package_has_its_entry_point_and_data(tmp_path: Path) -> None:
    root = _scaffold(tmp_path)
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "sakip-dinas-kominfo"
    assert project["entry-points"]["sakip"] == {"dinas-kominfo": "sakip_dinas_kominfo"}
    data = root / "src" / "sakip_dinas_kominfo" / "data"
    assert sorted(p.name for p in data.iterdir()) == [
        "agency.yaml",
        "programs.yaml",
        "report-2024.yaml",
    ]


def test_the_scaffolded_tests_pass_and_the_code_is_lint_clean(tmp_path: Path) -> None:
    root = _scaffold(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(root / "tests")],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        check=False,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "3 passed" in tests.stdout
    lint = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."],  # with the package's own ruff settings
        capture_output=True,
        text=True,
        cwd=root,
        check=False,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Dinas Kominfo", "expected lower-case words joined by '-'"),
        ("1dinas", "starting with a letter"),
    ],
)
def test_a_bad_name_is_one_line_exit_2(tmp_path: Path, name: str, message: str) -> None:
    result = CliRunner().invoke(main, ["new-plugin", name, "--directory", str(tmp_path)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_existing_folder_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "dinas-kominfo").mkdir()
    (tmp_path / "dinas-kominfo" / "mine.txt").write_text("keep", encoding="utf-8")
    result = CliRunner().invoke(main, ["new-plugin", "dinas-kominfo", "--directory", str(tmp_path)])
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert [p.name for p in (tmp_path / "dinas-kominfo").iterdir()] == ["mine.txt"]


@pytest.mark.parametrize("name", ["yaml", "sakip", "json", "test", "class", "import", "async"])
def test_a_name_cannot_shadow_an_installed_package_or_be_a_keyword(
    tmp_path: Path, name: str
) -> None:
    root = _scaffold(tmp_path, name)
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == f"sakip-{name}"
    package = f"sakip_{name}"
    assert project["entry-points"]["sakip"] == {name: package}
    assert package.isidentifier()
    assert (root / "src" / package / "__init__.py").exists()


def test_two_scaffolded_plugins_test_in_one_run(tmp_path: Path) -> None:
    first, second = _scaffold(tmp_path, "dinas-satu"), _scaffold(tmp_path, "dinas-dua")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(r / "src") for r in (first, second))}
    tests = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(first / "tests"),
            str(second / "tests"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "6 passed" in tests.stdout


@pytest.mark.parametrize("case", ["dangling link", "under a file", "too long"])
def test_a_place_or_name_that_cannot_be_used_is_one_line_exit_2(tmp_path: Path, case: str) -> None:
    name, directory = "dinas-kominfo", tmp_path
    if case == "dangling link":
        (tmp_path / name).symlink_to(tmp_path / "nowhere")
    elif case == "under a file":
        (tmp_path / "berkas.txt").write_text("x", encoding="utf-8")
        directory = tmp_path / "berkas.txt" / "dinas"
    else:
        name = "dinas-" + "a" * 300
    result = CliRunner().invoke(main, ["new-plugin", name, "--directory", str(directory)])
    assert result.exit_code == 2
    assert result.stderr.startswith("sakip: error:")
    assert result.exception is None or isinstance(result.exception, SystemExit)
