"""The command line: one clear line and exit 2 on bad input, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip.cli import main
from sakip.testing import run_cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_achievement_seed_case() -> None:
    code, out, _ = run("achievement", "--target", "77,85", "--actual", "94,96")
    assert code == 0
    assert "capaian  121,98" in out
    assert "predikat Sangat Tinggi" in out


def test_achievement_lower_is_better() -> None:
    code, out, _ = run("achievement", "--polarity", "lower", "--target", "10", "--actual", "12")
    assert code == 0
    assert "capaian  80,00" in out


def test_achievement_range_and_options() -> None:
    code, out, _ = run(
        "achievement",
        "--polarity",
        "range",
        "--target",
        "5..10",
        "--actual",
        "12",
        "--scale",
        "jatim",
    )
    assert (code, "capaian  80,00" in out, "predikat Baik" in out) == (0, True, True)
    code, out, _ = run(
        "achievement", "--target", "77,85", "--actual", "88,73", "--rounding", "truncate"
    )
    assert "capaian  113,97" in out
    code, out, _ = run("achievement", "--target", "77,85", "--actual", "94,96", "--cap", "120")
    assert "capaian  120,00" in out
    code, out, _ = run(
        "achievement",
        "--target",
        "77,85",
        "--actual",
        "94,96",
        "--labels",
        "Sangat Baik,Baik,Cukup,Kurang,Sangat Kurang",
    )
    assert "predikat Sangat Baik" in out
    code, out, _ = run("achievement", "--target", "0", "--actual", "3", "--zero", "not-applicable")
    assert (code, "capaian  -" in out) == (0, True)


def test_absorption_command() -> None:
    code, out, _ = run("absorption", "--allocation", "90.802.691", "--spending", "85.722.792")
    assert (code, out.strip()) == (0, "serapan  94,41")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("achievement", "--target", "0", "--actual", "5"), "target is 0"),
        (
            ("achievement", "--target", "94.41", "--actual", "5"),
            "'94.41' is not a number in Indonesian form",
        ),
        (
            ("achievement", "--target", "5", "--actual", "5", "--scale", "nope"),
            "unknown scale 'nope'",
        ),
        (("absorption", "--allocation", "-5", "--spending", "1"), "must not be negative"),
        (
            ("achievement", "--target", "5", "--actual", "5", "--formula", "higher.ration"),
            "Did you mean 'higher.ratio'",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1


def test_plugins_lists_builtins() -> None:
    code, out, _ = run("plugins")
    assert code == 0
    assert "sakip.rules.builtin\n  formula higher.ratio" in out


def test_check_with_a_broken_report_loader_names_the_plugin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from collections.abc import Callable

    import sakip.cli
    from sakip import ReportSpec, hookimpl
    from sakip.testing import isolated_registry

    def load() -> object:
        raise FileNotFoundError("report-2024.yaml")

    class Broken:
        @hookimpl
        def sakip_register_reports(self, register: Callable[[ReportSpec], None]) -> None:
            register(ReportSpec(agency="dinas-uji", year=2024, load=load))  # type: ignore[arg-type]

    registry = isolated_registry(("broken-report", Broken()))
    monkeypatch.setattr(sakip.cli, "_registry", lambda: registry)
    code, out, err = run("check", "dinas-uji", "--year", "2024")
    assert code == 2
    assert err.startswith("sakip: error: plugin 'broken-report' failed to load the printed")
    assert "FileNotFoundError" in err
    assert "Traceback" not in out + err


def test_check_with_an_unknown_language_exits_2() -> None:
    code, _, err = run("check", "sampang-disnaker", "--year", "2023", "--lang", "fr")
    assert code == 2
    assert "'fr' is not one of 'id', 'en'" in err


def test_achievement_with_builtin_rules_is_not_stopped_by_a_broken_plugin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from importlib.metadata import EntryPoint

    broken = EntryPoint(name="broken-agency", value="no_such_module_xyz:plugin", group="sakip")
    monkeypatch.setattr("sakip.plugins.manager.entry_points", lambda group: [broken])
    # 94,96 / 77,85 × 100 = 121,977... → 121,98; the built-in formula and scale need no plugin.
    code, out, _ = run("achievement", "--target", "77,85", "--actual", "94,96")
    assert code == 0
    assert "capaian  121,98" in out
    # A formula only a plugin can provide needs the plugins, and the broken one is named.
    code, _, err = run(
        "achievement", "--target", "77,85", "--actual", "94,96", "--formula", "permenpanrb8.higher"
    )
    assert code == 2
    assert "plugin 'broken-agency' failed to import" in err


def test_an_agency_argument_that_is_also_a_folder_here_is_never_guessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sampang-disnaker").mkdir()
    result = run_cli(["tables", "sampang-disnaker", "--year", "2023"])
    assert result.exit_code == 2
    assert (
        "'sampang-disnaker' is both a registered agency and a file or folder here" in result.output
    )
    assert "write ./sampang-disnaker for the folder" in result.output
    folder = run_cli(["tables", "./sampang-disnaker", "--year", "2023"])
    assert folder.exit_code == 2
    assert "agency.yaml" in folder.output  # read as the (empty) data folder it names
