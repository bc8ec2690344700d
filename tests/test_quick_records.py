"""The quick readers of indicators, measurements and budget lines read what they accept
exactly as the careful reading does, and leave everything else (with its error and place)
to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sakip import AgencyData, dump_agency_data, load_agency_data
from sakip.errors import DataError
from sakip.readers import quick_records
from sakip.testing import agency_datasets

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(ROOT.glob("examples/*/src/*/data"))
QUICK_READERS = ("indicator", "budget_lines", "measurements")


def _careful(folder: Path) -> AgencyData:
    with pytest.MonkeyPatch.context() as patch:
        for reader in QUICK_READERS:
            patch.setattr(quick_records, reader, lambda *_: None)
        return load_agency_data(folder)


def _both_ways(folder: Path, programs: str) -> tuple[object, object]:
    """An agency whose ``programs.yaml`` is ``programs``, read quickly and carefully: the data,
    or the error each gives."""
    (folder / "agency.yaml").write_text(
        "agency: {id: dinas-uji, name: Dinas Uji}\nobjectives: [{key: S1, name: Sasaran Satu}]\n",
        encoding="utf-8",
    )
    (folder / "programs.yaml").write_text(programs, encoding="utf-8")
    outcomes: list[object] = []
    for read in (load_agency_data, _careful):
        try:
            outcomes.append(read(folder))
        except DataError as error:
            outcomes.append(str(error))
    quick, careful = outcomes
    return quick, careful


def test_the_quick_readers_read_most_of_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    # Otherwise the comparisons below would compare the careful reading with itself.
    taken = dict.fromkeys(QUICK_READERS, 0)

    def counting(name: str) -> object:
        original = getattr(quick_records, name)

        def read(*args: object) -> object:
            found = original(*args)
            taken[name] += found is not None
            return found

        return read

    for name in taken:
        monkeypatch.setattr(quick_records, name, counting(name))
    for folder in EXAMPLES:
        load_agency_data(folder)
    assert len(EXAMPLES) == 3
    assert min(taken.values()) >= 20, taken


@pytest.mark.parametrize("folder", EXAMPLES, ids=lambda path: path.parts[-4])
def test_an_example_reads_the_same_quickly_and_carefully(folder: Path) -> None:
    assert load_agency_data(folder) == _careful(folder)


@settings(max_examples=40, deadline=None)
@given(data=agency_datasets())
def test_generated_data_reads_the_same_quickly_and_carefully(
    tmp_path_factory: pytest.TempPathFactory, data: AgencyData
) -> None:
    folder = tmp_path_factory.mktemp("agency")
    dump_agency_data(data, folder)
    assert load_agency_data(folder) == _careful(folder)


# Budget and measurement entries as agencies write them, usual and not: each must read the same
# both ways, or fail both ways with the same message.
_NUMBER = st.sampled_from(
    ["1.000.000", "900.000,5", "0", "-5", "", "-", "~", "null", "1..5", "12,3%", "94.41", "x"]
)
_BUDGET = st.fixed_dictionaries(
    {},
    optional={
        "allocation": _NUMBER,
        "spending": _NUMBER,
        "pagu": _NUMBER,
    },
)


@settings(max_examples=150, deadline=None)
@given(
    period=st.sampled_from(["2023", "2023-TW1", "1800", "tahun"]),
    stage=st.sampled_from(["revised", "initial", "final"]),
    amounts=_BUDGET,
    target=_NUMBER,
    actual=_NUMBER,
    form=st.sampled_from(["", "numbers: id\n", "numbers: en\n"]),
)
@example(  # one that reads, for certain
    period="2023",
    stage="revised",
    amounts={"allocation": "1.000.000", "spending": "900.000,5"},
    target="5",
    actual="4",
    form="",
)
def test_any_budget_or_measurement_reads_the_same_or_fails_the_same(
    tmp_path_factory: pytest.TempPathFactory,
    period: str,
    stage: str,
    amounts: dict[str, str],
    target: str,
    actual: str,
    form: str,
) -> None:
    amount_lines = "".join(f"            {name}: '{text}'\n" for name, text in amounts.items())
    quick, careful = _both_ways(
        tmp_path_factory.mktemp("agency"),
        form + "programs:\n"
        "  - key: P1\n"
        "    name: Program Satu\n"
        "    indicator:\n"
        "      name: Jumlah dokumen\n"
        "      measurements:\n"
        f"        '{period}': {{target: '{target}', actual: '{actual}'}}\n"
        "    budget:\n"
        f"      '{period}':\n"
        f"        {stage}:\n" + (amount_lines or "          {}\n"),
    )
    assert quick == careful


_FIELD = st.sampled_from(
    [
        "Jumlah dokumen",
        "'%'",
        "''",
        "'  '",
        "null",
        "~",
        "-",
        "n/a",
        "higher",
        "lower",
        "upwards",
        "sum",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    fields=st.dictionaries(
        st.sampled_from(["code", "name", "unit", "polarity", "aggregation", "formula", "grades"]),
        _FIELD,
        max_size=6,
    ),
    repeated=st.booleans(),
)
# Indicators that read, for certain: a unit written as "no value" three ways, and every text
# field given.
@example(fields={"name": "Jumlah dokumen", "unit": "-"}, repeated=False)
@example(fields={"name": "Jumlah dokumen", "unit": "n/a"}, repeated=False)
@example(fields={"name": "Jumlah dokumen", "unit": "''"}, repeated=False)
@example(
    fields={
        "code": "IKU-9",
        "name": "Jumlah dokumen",
        "unit": "'%'",
        "polarity": "lower",
        "aggregation": "sum",
        "formula": "lower.inverse",
    },
    repeated=False,
)
def test_any_indicator_reads_the_same_or_fails_the_same(
    tmp_path_factory: pytest.TempPathFactory, fields: dict[str, str], repeated: bool
) -> None:
    written = "".join(f"      {name}: {text}\n" for name, text in fields.items())
    if repeated and fields:  # a field given twice
        written += "      " + next(iter(fields)) + ": x\n"
    quick, careful = _both_ways(
        tmp_path_factory.mktemp("agency"),
        "programs:\n"
        "  - key: P1\n"
        "    name: Program Satu\n"
        "    indicator:\n" + written + "      measurements: {'2023': {target: '5'}}\n",
    )
    assert quick == careful
