"""Bad input and broken plugins: a clear error naming what is wrong, never a traceback, and
one broken plugin stopping only the commands that need it."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from decimal import Decimal, localcontext
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip import (
    NumberError,
    RoundingPolicy,
    ValidationError,
    absorption,
    load_agency_data,
    load_registry,
    to_decimal,
)
from sakip.testing import run_cli

# --- the CLI never shows a traceback ---------------------------------------------------------

NUMBER_TEXT = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"-?[0-9]{1,45}(,[0-9]{0,45})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,3}(\.[0-9]{3}){0,12}", fullmatch=True),
    st.sampled_from(["1..5", "5..1", "1E-400", "NaN", "Infinity", "٢٠٢٣", "1_000", "-0", "0,"]),
)


@settings(max_examples=150, deadline=None)
@given(target=NUMBER_TEXT, actual=NUMBER_TEXT, cap=st.none() | NUMBER_TEXT)
def test_achievement_gives_exit_0_1_or_2_and_never_a_traceback(
    target: str, actual: str, cap: str | None
) -> None:
    # --option=value: click would read a value that starts with '-' as an option.
    args = ["achievement", f"--target={target}", f"--actual={actual}"]
    if cap is not None:
        args.append(f"--cap={cap}")
    result = run_cli(args)
    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        # One message that names the option or the rule at fault.
        assert result.stderr.startswith(("sakip: error:", "Usage:"))
        assert any(
            word in result.stderr for word in ("--target", "--actual", "--cap", "formula", "Usage")
        )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--target", "1..5", "--actual", "3"], "takes a single target value, not a range"),
        (["--target", "1E-400", "--actual", "3"], "--target: '1E-400' has 400 decimals"),
        (["--target", "10", "--actual", "1" + "0" * 26], "--actual: '1000"),
        (["--target", "10", "--actual", "5", "--cap", "1" * 40], "--cap: "),
        (["--target", "10", "--actual", "0," + "0" * 26 + "1"], "has 27 decimals"),
        (["--target", "٢٠٢٣", "--actual", "5"], "write its digits as 0-9"),
    ],
)
def test_each_measured_crash_of_achievement_is_one_clear_message(
    args: list[str], expected: str
) -> None:
    result = run_cli(["achievement", *args])
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sakip.cli

    def boom() -> object:
        raise KeyError("internal")

    monkeypatch.setattr(sakip.cli, "_registry", boom)
    result = run_cli(["plugins"])
    assert result.exit_code == 2
    assert result.stderr.startswith("sakip: error: plugins failed: KeyError: 'internal'")
    assert "--debug" in result.stderr
    debug = run_cli(["--debug", "plugins"])
    assert isinstance(debug.exception, KeyError)


# --- the API refuses what the CLI refuses --------------------------------------------------------


@pytest.mark.parametrize("bad", [0.53, None, "setengah", True, Decimal("NaN")])
def test_rules_refuse_what_is_no_exact_number_with_sakip_s_own_error(bad: object) -> None:
    rule = load_registry().achievement_rule("higher.ratio")
    with pytest.raises(NumberError, match="target"):
        rule(bad, Decimal(34))  # type: ignore[arg-type]
    with pytest.raises(NumberError, match="actual"):
        rule(Decimal(53), bad)  # type: ignore[arg-type]
    with pytest.raises(NumberError, match="allocation"):
        absorption(bad, Decimal(1))  # type: ignore[arg-type]
    with pytest.raises(NumberError, match="achievement"):
        load_registry().scales.get("permendagri-86-2017").classify(bad)  # type: ignore[arg-type]


def test_rules_read_indonesian_text_as_the_cli_does() -> None:
    rule = load_registry().achievement_rule("higher.ratio")
    # 0,34 / 0,53 × 100 = 64,150… → 64,15
    assert rule("0,53", "0,34") == Decimal("64.15")  # type: ignore[arg-type]


def test_an_unknown_rounding_mode_lists_the_modes() -> None:
    with pytest.raises(
        ValidationError, match="'trunc'; expected one of: half-up, half-even, truncate"
    ):
        RoundingPolicy("trunc")  # type: ignore[arg-type]


def test_results_do_not_depend_on_the_caller_s_decimal_context() -> None:
    # 4.249.734.135 / 4.753.553.212 × 100 = 89,4011… → 89,40 (table 3.7's total)
    with localcontext() as tiny:
        tiny.prec = 5
        assert absorption(Decimal(4753553212), Decimal(4249734135)) == Decimal("89.40")
        from sakip.rules.budget import Amounts

        total = Amounts(Decimal(4224057472), None) + Amounts(Decimal(529495740), None)
        assert total.allocation == Decimal(4753553212)


def test_load_agency_data_takes_a_path_as_text() -> None:
    folder = (
        Path(__file__).resolve().parents[1] / "examples/sampang_disnaker/src/sampang_disnaker/data"
    )
    assert load_agency_data(str(folder)).agency.id == "sampang-disnaker"


def test_to_decimal_refuses_numbers_beyond_what_an_lkjip_holds() -> None:
    assert to_decimal("999.999.999.999.999.999,999999999999") == Decimal(
        "999999999999999999.999999999999"
    )
    with pytest.raises(NumberError, match="at most 18 digits"):
        to_decimal(10**18)
    with pytest.raises(NumberError, match="at most 12"):
        to_decimal(Decimal("0.0000000000001"))


# --- one broken plugin stops only what needs it ----------------------------------------------------


def _installed_with(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: str) -> None:
    """The installed plugins, and one more whose module is ``source``."""
    (tmp_path / "plugin_uji_rusak.py").write_text(source, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "plugin_uji_rusak", raising=False)
    installed = list(entry_points(group="sakip"))
    extra = EntryPoint(name="uji-rusak", value="plugin_uji_rusak", group="sakip")
    monkeypatch.setattr("sakip.plugins.manager.entry_points", lambda group: [*installed, extra])


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("import no_such_module_xyz\n", "ModuleNotFoundError"),
        ("raise SystemExit(0)\n", "SystemExit(0) raised at import"),
        (
            "from sakip import hookimpl\n"
            "@hookimpl\ndef sakip_register_formula(register):\n    pass\n",
            "did you mean 'sakip_register_formulas'",
        ),
        (
            "from sakip import hookimpl\n"
            "@hookimpl\ndef sakip_register_scales(register):\n    register('skala')\n",
            "registered 'skala', expected a Scale",
        ),
        (
            "from sakip import hookimpl\n"
            "@hookimpl\ndef sakip_register_checks(register):\n    raise RuntimeError('rusak')\n",
            "RuntimeError: rusak",
        ),
        (
            "import decimal\ndecimal.getcontext().prec = 5\n",
            "it changed the decimal context at import (prec 28 → 5)",
        ),
    ],
)
def test_a_broken_plugin_is_named_and_the_others_work(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, source: str, error: str
) -> None:
    _installed_with(monkeypatch, tmp_path, source)
    result = run_cli(["tables", "sampang-disnaker", "--year", "2023", "--table", "3.7"])
    assert result.exit_code == 0, result.output
    assert "PROGRAM PENEMPATAN TENAGA KERJA" in result.stdout
    assert "plugin 'uji-rusak' is left out" in result.stderr
    assert error in result.stderr
    sys.modules.pop("plugin_uji_rusak", None)  # each command is a fresh process
    listed = run_cli(["plugins"])
    assert listed.exit_code == 0
    assert "uji-rusak  (rusak / broken)" in listed.stdout
    assert error in listed.stdout


def test_a_plugin_that_prints_at_import_does_not_corrupt_json(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _installed_with(monkeypatch, tmp_path, "print('halo dari plugin')\n")
    result = run_cli(["check", "sampang-disnaker", "--year", "2023", "--format", "json"])
    assert len(json.loads(result.stdout)) == 15  # the example's 15 findings, parsed
    assert "halo dari plugin" in result.stderr


def test_sakip_plugins_chooses_which_plugins_load(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAKIP_PLUGINS", "")
    result = run_cli(["tables", "sampang-disnaker", "--year", "2023"])
    assert result.exit_code == 2
    assert "unknown agency 'sampang-disnaker'" in result.stderr
    monkeypatch.setenv("SAKIP_PLUGINS", "sampang-disnaker")
    assert (
        run_cli(["tables", "sampang-disnaker", "--year", "2023", "--table", "3.7"]).exit_code == 0
    )
    assert "permenpanrb-8-2021" not in run_cli(["plugins"]).stdout


# --- output is safe to show ---------------------------------------------------------------------------


def test_control_characters_from_data_are_shown_as_escapes() -> None:
    from sakip.safe_text import safe_text

    title = "Dinas\x1b]0;diretas\x07 Kominfo\u202e"
    assert safe_text(title) == "Dinas\\x1b]0;diretas\\x07 Kominfo\\u202e"
    assert safe_text("baris 1\nbaris 2") == "baris 1\nbaris 2"
    assert safe_text("baris 1\nbaris 2", lines=False) == "baris 1\\nbaris 2"


def test_markdown_shows_cells_as_text_and_never_as_markup() -> None:
    from sakip import Table, render_tables

    table = Table(
        id="3.7",
        title="Realisasi <script>alert(1)</script>",
        columns=["URAIAN", "%"],
        rows=[["Dinas A|B\nbaris 2 [klik](javascript:alert(1)) *tebal*", "94,41%"]],
    )
    markdown = render_tables([table], "markdown")
    assert "Realisasi &lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    row = markdown.splitlines()[-1]
    # One cell per column: the | is escaped, the line break is <br>, the link is no link.
    assert row.count(" | ") == 1
    assert "Dinas A\\|B<br>baris 2 \\[klik\\](javascript:alert(1)) \\*tebal\\*" in row
    assert "<script>" not in markdown


def test_text_output_never_sends_control_characters_from_data() -> None:
    from sakip import Table, render_tables
    from sakip.model.findings import Finding, Severity
    from sakip.model.printed import Place
    from sakip.reviewing.messages import Messages
    from sakip.reviewing.render import render_findings

    name = "Dinas\x1b]0;diretas\x07"
    table = Table(id="3.7", title=name, columns=["URAIAN"], rows=[[name]])
    assert "\x1b" not in render_tables([table], "text")
    finding = Finding(
        severity=Severity.ERROR,
        places=[Place("3.7", 1, "URAIAN", name)],
        printed="1",
        expected="2",
        message=f"{name} salah",
    )
    shown = render_findings([finding], "text", Messages("id"))
    assert "\x1b" not in shown
    assert "\x07" not in shown
    assert "Dinas\\x1b]0;diretas\\x07" in shown


def test_csv_from_render_tables_cannot_start_a_formula() -> None:
    from sakip import Table, render_tables

    table = Table(
        id="3.7", title='=HYPERLINK("http://x")', columns=["A"], rows=[["@SUM(1)"], ["-5"]]
    )
    text = render_tables([table], "csv")
    assert "'=HYPERLINK" in text
    assert "'@SUM(1)" in text
    assert "\n-5\n" in text  # a negative number is a number


def test_csv_keeps_a_carriage_return_inside_its_quoted_field() -> None:
    """A lone carriage return in a name: readers split a row there unless it is quoted."""
    import csv
    import io

    from sakip import Table, render_tables

    table = Table(id="1", title="x", columns=["Nama", "Nilai"], rows=[["Dinas\rBaru", "5"]])
    text = render_tables([table], "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[-1] == ["Dinas\nBaru", "5"]


def test_xlsx_headings_from_data_are_no_live_formula(tmp_path: Path) -> None:
    """A breakdown's label_heading is data: ``=HYPERLINK(…)`` there is shown, never run."""
    import openpyxl

    from sakip import Table
    from sakip.tables.spreadsheet import write_xlsx

    table = Table(id="10", title="=1+1", columns=['=HYPERLINK("http://x")', "Jumlah"], rows=[])
    write_xlsx([table], tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["Tabel 10"]
    assert sheet["A2"].value == '\'=HYPERLINK("http://x")'
    assert sheet["A2"].data_type == "s"


# --- data errors name their place; nothing is read silently wrong -------------------------------

SAMPANG_DATA = (
    Path(__file__).resolve().parents[1] / "examples/sampang_disnaker/src/sampang_disnaker/data"
)


def _folder_with(tmp_path: Path, old: str, new: str | bytes) -> Path:
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(SAMPANG_DATA, folder)
    (folder / "report-2023.yaml").unlink()
    path = folder / "agency.yaml"
    if isinstance(new, bytes):
        path.write_bytes(new)
    else:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "places: 2",
            "places: 99",
            "line 11, agency.places: expected a whole number from 0 to 12, got '99'",
        ),
        (
            "places: 2",
            'places: "2,5"',
            "agency.places: expected a whole number from 0 to 12, got '2,5'",
        ),
        (
            "rounding: half-up",
            "rounding: round",
            "line 6, agency: unknown rounding mode 'round'; expected one of",
        ),
        (
            "polarity: higher",
            "polarity: upwards",
            "unknown polarity 'upwards'; expected one of: higher, lower",
        ),
        ('unit: "%"', "unit: [a, b]", "goals[0].indicators[0].unit: expected text, got a list"),
        (
            "name: Dinas Tenaga Kerja Kabupaten Sampang",
            "name: null",
            "agency.name: expected text, got 'null'",
        ),
        (
            "name: Dinas Tenaga Kerja Kabupaten Sampang",
            "name: !!python/object:os.system x",
            "line 7: the YAML tag",
        ),
        (
            '"2022": {actual: "88,73"}',
            '"1800": {actual: "88,73"}',
            "measurements.1800: 'year' must be >= 1945",
        ),
        (
            "scale: permendagri-86-2017",
            "scale: permendagri-86-2071",
            "agency.scale: unknown scale 'permendagri-86-2071'. Did you mean 'permendagri-86-2017'?",
        ),
        (
            "",
            b"agency:\n  id: x\n  name: caf\xe9\n",
            "agency.yaml, byte 27: is not UTF-8 text (byte 0xe9)",
        ),
        ("", ("a: " + "[" * 5000 + "]" * 5000 + "\n").encode(), "nest"),
    ],
)
def test_a_data_problem_is_one_message_with_its_file_and_line(
    tmp_path: Path, old: str, new: str | bytes, expected: str
) -> None:
    folder = _folder_with(tmp_path, old, new)
    result = run_cli(["tables", str(folder), "--year", "2023"])
    assert result.exit_code == 2
    assert "agency.yaml" in result.stderr
    assert expected in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python"])
def test_both_yaml_parsers_refuse_deep_nesting_and_tags_at_their_line(
    monkeypatch: pytest.MonkeyPatch, libyaml: bool
) -> None:
    import importlib

    import yaml

    import sakip.readers.yaml_cursor as yaml_cursor
    from sakip.errors import DataError

    if not libyaml:  # as on a machine whose PyYAML was built without libyaml
        monkeypatch.delattr(yaml, "CSafeLoader")
    try:
        cursor = importlib.reload(yaml_cursor).Cursor
        deep = "a:\n  b:\n" + "    " + "[" * 1200 + "]" * 1200 + "\n"
        with pytest.raises(DataError, match=r"^x.yaml, line 3: .*nest"):
            cursor.parse(deep, "x.yaml")
        tagged = "a:\n  b: c\n  d: !!python/object:os.system e\n"
        with pytest.raises(DataError, match=r"^x.yaml, line 3: the YAML tag"):
            cursor.parse(tagged, "x.yaml")
        fine = "a:\n  b: '9,5'\n  c: [1, {d: '!'}]\n"  # a "!" that is no tag
        assert cursor.parse(fine, "x.yaml").mapping()["a"].mapping()["b"].text() == "9,5"
    finally:
        monkeypatch.undo()
        importlib.reload(yaml_cursor)


def test_a_negative_target_has_no_achievement_anywhere() -> None:
    rule = load_registry().achievement_rule("higher.ratio")
    with pytest.raises(ValidationError, match="the target -10 is negative"):
        rule(Decimal(-10), Decimal(-5))
    result = run_cli(["achievement", "--target=-10", "--actual=-5"])
    assert result.exit_code == 2
    assert "negative" in result.stderr


def test_minus_zero_is_printed_as_zero() -> None:
    from sakip import format_number

    assert format_number(Decimal("-0.001"), places=2) == "0,00"
    assert format_number(Decimal("-0")) == "0"
    assert format_number(Decimal("-0.005"), places=2) == "-0,01"  # half-up away from zero


# --- what plugin code returns is checked where it returns it --------------------------------------


def _formula_plugin(compute: object) -> object:

    from sakip import Formula, Polarity, hookimpl

    class Plugin:
        @hookimpl
        def sakip_register_formulas(self, register: Callable[[Formula], None]) -> None:
            register(
                Formula(
                    code="uji.salah",
                    name="Rumus uji",
                    polarity=Polarity.HIGHER,
                    expression="R / T",
                    source="uji",
                    compute=compute,  # type: ignore[arg-type]
                    meets=lambda target, actual: True,
                )
            )

    return Plugin()


@pytest.mark.parametrize(
    ("compute", "expected"),
    [
        (lambda target, actual: 0.5, "formula uji.salah returned 0.5, expected a finite Decimal"),
        (lambda target, actual: None, "formula uji.salah returned None"),
        (lambda target, actual: {}["x"], "formula uji.salah failed: KeyError"),
    ],
)
def test_a_plugin_formula_s_result_is_checked_and_the_plugin_named(
    compute: object, expected: str
) -> None:
    from sakip import PluginError
    from sakip.testing import isolated_registry

    registry = isolated_registry(("uji-rumus", _formula_plugin(compute)))
    rule = registry.achievement_rule("uji.salah")
    with pytest.raises(PluginError, match=f"plugin 'uji-rumus': {expected}"):
        rule(Decimal(10), Decimal(5))


def test_a_table_builder_returning_none_is_named(monkeypatch: pytest.MonkeyPatch) -> None:

    import sakip.cli
    from sakip import TableSpec, hookimpl
    from sakip.testing import isolated_registry

    class Plugin:
        @hookimpl
        def sakip_register_tables(self, register: Callable[[TableSpec], None]) -> None:
            register(
                TableSpec(
                    agency="sampang-disnaker", id="9.9", title="Kosong", build=lambda ctx: None
                )
            )  # type: ignore[arg-type,return-value]

    base = load_registry()
    registry = isolated_registry(("uji-tabel", Plugin()))
    for spec in base.agencies:
        registry.agencies.add(spec.id, spec, base.agencies.plugin_of(spec.id))
    monkeypatch.setattr(sakip.cli, "_registry", lambda: registry)
    result = run_cli(["tables", "sampang-disnaker", "--year", "2023", "--table", "9.9"])
    assert result.exit_code == 2
    assert "plugin 'uji-tabel' returned None to build table 9.9" in result.stderr
    assert "expected a Table" in result.stderr


def test_a_generator_hook_is_named_instead_of_registering_nothing() -> None:
    from collections.abc import Iterator

    from sakip import PluginError, hookimpl
    from sakip.testing import isolated_registry

    class Plugin:
        @hookimpl
        def sakip_register_formulas(self, register: Callable[[object], None]) -> Iterator[int]:
            yield 1

    with pytest.raises(PluginError, match="is a generator, so it registers nothing"):
        isolated_registry(("uji-generator", Plugin()))


def test_every_problem_of_the_data_files_is_reported_in_one_run(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "places: 2", "places: 99")
    agency = folder / "agency.yaml"
    agency.write_text(
        agency.read_text(encoding="utf-8").replace("polarity: higher", "polarity: upwards", 1),
        encoding="utf-8",
    )
    programs = folder / "programs.yaml"
    programs.write_text(
        programs.read_text(encoding="utf-8").replace(
            "target: 3, actual: 3", "target: tiga, actual: 3", 1
        ),
        encoding="utf-8",
    )
    result = run_cli(["tables", str(folder), "--year", "2023"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].endswith("3 problems:")
    assert "agency.yaml, line 11, agency.places: expected a whole number" in lines[1]
    assert (
        "agency.yaml, line 31, objectives[0].indicators[0]: unknown polarity 'upwards'" in lines[2]
    )
    assert (
        "programs.yaml, line 30, programs[0].activities[0].sub_activities[0].measurements.2023.target: 'tiga'"
        in lines[3]
    )


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=20)
    | st.sampled_from(
        ["77,85", "4.753.553.212", "-", "n/a", "2023", "half-up", "higher", "%", "S1", "IKU-1"]
    )
)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "agency",
                    "id",
                    "name",
                    "objectives",
                    "indicators",
                    "code",
                    "key",
                    "measurements",
                    "2023",
                    "target",
                    "actual",
                    "places",
                    "programs",
                ]
            )
            | st.text(max_size=8),
            inner,
            max_size=5,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=120, deadline=None)
@given(agency=_DOCUMENTS | st.text(max_size=200), programs=_DOCUMENTS)
def test_any_data_file_gives_a_result_or_one_message_that_names_its_file(
    tmp_path_factory: pytest.TempPathFactory, agency: object, programs: object
) -> None:
    import yaml

    folder = tmp_path_factory.mktemp("data")
    text = agency if isinstance(agency, str) else yaml.safe_dump(agency, allow_unicode=True)
    (folder / "agency.yaml").write_text(text, encoding="utf-8")
    (folder / "programs.yaml").write_text(yaml.safe_dump(programs), encoding="utf-8")
    result = run_cli(["tables", str(folder), "--year", "2023"])
    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert ".yaml" in result.stderr or "no data for 2023" in result.stderr


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["agency.yaml", "programs.yaml"]),
    st.integers(min_value=0, max_value=10**6),
    st.text(max_size=30) | _SCALARS.map(str),
)
def test_any_value_of_real_data_changed_gives_a_result_or_one_placed_message(
    tmp_path_factory: pytest.TempPathFactory, name: str, pick: int, value: str
) -> None:
    import json
    import shutil

    folder = tmp_path_factory.mktemp("data")
    shutil.copytree(SAMPANG_DATA, folder, dirs_exist_ok=True)
    path = folder / name
    lines = path.read_text(encoding="utf-8").splitlines()
    valued = [
        i for i, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")
    ]
    index = valued[pick % len(valued)]
    head = lines[index].split(": ", 1)[0]
    lines[index] = f"{head}: {json.dumps(value)}"  # a JSON string is a valid YAML scalar
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli(["check", str(folder), "--year", "2023"])
    assert result.exit_code in (0, 1, 2)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        # One message naming the file at fault (and its line, table or field).
        assert result.stderr.startswith("sakip: error:")
        assert ".yaml" in result.stderr or "no data for 2023" in result.stderr


def test_tables_and_review_do_not_depend_on_the_caller_s_decimal_context() -> None:
    from decimal import ROUND_FLOOR

    from sakip import build_tables, load_agency, load_printed_report, review_report

    registry = load_registry()
    report = load_printed_report(SAMPANG_DATA / "report-2023.yaml")
    data = load_agency(registry, "sampang-disnaker")
    expected_tables = build_tables(registry, "sampang-disnaker", 2023)
    expected_findings = review_report(registry, report, data)
    with localcontext() as tiny:
        tiny.prec, tiny.rounding = 5, ROUND_FLOOR
        assert build_tables(registry, "sampang-disnaker", 2023) == expected_tables
        assert review_report(registry, report, data) == expected_findings


def test_every_problem_of_a_transcription_is_reported_in_one_run(tmp_path: Path) -> None:
    from sakip import CollectedDataError, load_printed_report

    text = (SAMPANG_DATA / "report-2023.yaml").read_text(encoding="utf-8")
    text = text.replace('"77,85", "88,73", "113,97"]', '"77,85", "delapan", "113,97"]', 1)
    text = text.replace('"1.686.140.401"]', '"1.686.140.401", "lebih"]', 1)
    text = text.replace("measure: achievement}", "measure: capaian}", 1)
    path = tmp_path / "report-2023.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CollectedDataError) as caught:
        load_printed_report(path)
    messages = [str(problem) for problem in caught.value.problems]
    assert len(messages) == 2
    assert "unknown measure 'capaian'" in messages[0]  # table 2.1's column: its rows unread
    assert "expected 3 cells, one per column, got 4" in messages[1]  # table 2.2, row 1


# --- the library's own errors: a SakipError naming the argument ---------------------------


def _calls() -> list[tuple[str, Callable[[], object], str]]:
    from sakip import AchievementPolicy, parse_number
    from sakip.rules.achievement import AchievementRule

    rule = AchievementRule(load_registry().formulas.get("higher.ratio"))
    return [
        ("parse_number(None)", lambda: parse_number(None), "got NoneType None"),  # type: ignore[arg-type]
        ("parse_number(5)", lambda: parse_number(5), "got int 5"),  # type: ignore[arg-type]
        ("parse_number(0.5)", lambda: parse_number(0.5), "got float 0.5"),  # type: ignore[arg-type]
        (
            "many with a float",
            lambda: rule.many([80], [40.0]),
            "measurement #1: actual: got the float 40.0",
        ),  # type: ignore[list-item]
        (
            "many past the precision",
            lambda: rule.many([1], [10**37]),
            "measurement #1: actual: '10000000000000000000000000000000000000' is too large",
        ),
        (
            "zero='nope'",
            lambda: AchievementPolicy(zero="nope"),
            "AchievementPolicy zero: unknown zero policy 'nope'",
        ),  # type: ignore[arg-type]
        (
            "places=2.0",
            lambda: RoundingPolicy("half-up", places=2.0),
            "RoundingPolicy places: expected a whole number of decimals from 0 to 12, got 2.0",
        ),  # type: ignore[arg-type]
        ("places=13", lambda: RoundingPolicy("half-up", places=13), "got 13"),
        ("places=True", lambda: RoundingPolicy("half-up", places=True), "got True"),
    ]


@pytest.mark.parametrize(("name", "call", "says"), _calls(), ids=[c[0] for c in _calls()])
def test_a_wrong_argument_to_the_library_is_a_sakip_error_naming_it(
    name: str, call: Callable[[], object], says: str
) -> None:
    from sakip import SakipError

    with pytest.raises(SakipError) as error:
        call()
    assert says in str(error.value), name


def test_many_reads_whole_ints_exactly_as_before() -> None:
    from sakip.rules.achievement import AchievementRule

    rule = AchievementRule(load_registry().formulas.get("lower.inverse"))
    # 10 / 12 × 100 = 83,333… → 83,33: ints are exact numbers, converted, never floats.
    assert rule.many([10, Decimal(10)], [12, Decimal(12)]) == [Decimal("83.33")] * 2


# --- outputs are never written through a link --------------------------------------------------

SOURCE_REPORT = (
    Path(__file__).resolve().parents[1]
    / "examples/sampang_disnaker/source/lkjip-2023-disnaker-sampang.txt"
)


@pytest.mark.parametrize("linked", ["programs.yaml", "report-2023.yaml"])
def test_a_dangling_link_among_the_transcript_files_is_refused(tmp_path: Path, linked: str) -> None:
    folder, outside = tmp_path / "ulang", tmp_path / "di-luar.yaml"
    folder.mkdir()
    (folder / linked).symlink_to(outside)  # dangling: exists() says False
    out = folder / "report-2023.yaml"
    result = run_cli(["check", "--document", str(SOURCE_REPORT), "--write-transcript", str(out)])
    assert result.exit_code == 2, result.output
    assert f"{folder / linked} is a symbolic link" in result.output
    assert not outside.exists()


def test_a_table_output_that_is_a_link_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "di-luar.md"
    (tmp_path / "tabel.md").symlink_to(outside)
    result = run_cli(
        [
            "tables",
            "sampang-disnaker",
            "--year",
            "2023",
            "--table",
            "3.7",
            "--format",
            "markdown",
            "--output",
            str(tmp_path / "tabel.md"),
        ]
    )
    assert result.exit_code == 2, result.output
    assert "is a symbolic link" in result.output
    assert not outside.exists()
