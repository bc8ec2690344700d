"""The data files load; a damaged copy fails with an error naming file, line and field."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from decimal import Decimal
from importlib.resources import as_file, files
from pathlib import Path

import pytest
from sampang_disnaker import load

from sakip import ALL_PROGRAMS, BudgetStage, DataError, Period, ValueModel, load_agency_data
from sakip.testing import isolated_registry


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    with as_file(files("sampang_disnaker") / "data") as source:
        shutil.copytree(source, tmp_path / "data")
    return tmp_path / "data"


def damage(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_data_loads_with_the_report_totals() -> None:
    data = load()
    assert data.agency.id == "sampang-disnaker"
    values = ValueModel(data, isolated_registry())
    revised = values.amounts(ALL_PROGRAMS, Period(2023), BudgetStage.REVISED)
    initial = values.amounts(ALL_PROGRAMS, Period(2023), BudgetStage.INITIAL)
    # Table 3.7's grand total and table 2.2's total, as printed.
    assert revised is not None
    assert initial is not None
    assert revised.allocation == Decimal(4753553212)
    assert revised.spending == Decimal(4249734135)
    assert initial.allocation == Decimal(4224057472)
    assert len(data.sub_activities) == 35


CASES: list[tuple[str, str, str, str, Callable[[str], bool]]] = [
    # file, old text, new text, expected message part, check on the place
    (
        "agency.yaml",
        '{target: "77,85", actual: "94,96"}',
        '{target: "tujuh", actual: "94,96"}',
        "'tujuh' is not a number",
        lambda place: "objectives[0].indicators[0].measurements.2023.target" in place,
    ),
    (
        "agency.yaml",
        '{target: "77,85", actual: "94,96"}',
        '{target: "77.85", actual: "94,96"}',
        "did you mean",
        lambda place: place.startswith("line 41,"),
    ),
    (
        "agency.yaml",
        "    name: Meningkatnya Pencari Kerja yang difasilitasi\n",
        "",
        "the required field 'name' is missing",
        lambda place: "objectives[0]" in place,
    ),
    (
        "agency.yaml",
        "funded_by: penempatan",
        "funded_by: penempatan-x",
        "funded_by names 'penempatan-x'",
        lambda place: "objectives[0]" in place,
    ),
    (
        "agency.yaml",
        "code: IKU-2",
        "code: IKU-1",
        "indicator code 'IKU-1' is already used at line",
        lambda place: "objectives[1].indicators[0]" in place,
    ),
    (
        "programs.yaml",
        "allocation: 600.990, spending",
        "allocation: -600.990, spending",
        "must not be negative",
        lambda place: "budget.2023.revised" in place,
    ),
    (
        "programs.yaml",
        "objective: S2",
        "objective: S9",
        "objective names 'S9', which is no objective",
        lambda place: "programs[3]" in place,
    ),
    (
        "programs.yaml",
        'measurements: {"2023": {target: 3, actual: 3}}',
        'measurements: {"2023": {targte: 3, actual: 3}}',
        "unknown field 'targte'",
        lambda place: "sub_activities[0].measurements.2023.targte" in place,
    ),
    (
        "programs.yaml",
        "code: 2.07.04",
        "code: 2.07.4",
        "segment program is '4'",
        lambda place: "programs[2]" in place,
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "message", "place_ok"), CASES)
def test_damaged_copy_fails_clearly(
    data_copy: Path, name: str, old: str, new: str, message: str, place_ok: Callable[[str], bool]
) -> None:
    damage(data_copy, name, old, new)
    with pytest.raises(DataError, match=message) as info:
        load_agency_data(data_copy)
    assert info.value.source.endswith(name)
    assert place_ok(info.value.place), info.value.place
    assert info.value.place.startswith("line ")


def test_missing_file_and_bad_yaml(data_copy: Path) -> None:
    (data_copy / "programs.yaml").unlink()
    with pytest.raises(DataError, match=r"programs\.yaml: the file is missing"):
        load_agency_data(data_copy)
    (data_copy / "programs.yaml").write_text("programs: [\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"programs.yaml, line \d+: not valid YAML"):
        load_agency_data(data_copy)
