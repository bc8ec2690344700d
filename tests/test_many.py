"""Many agencies at once: in order, on an executor, one failure not stopping the others,
and findings written as rows."""

from __future__ import annotations

import csv
import json
from concurrent.futures import ProcessPoolExecutor
from importlib.resources import files
from pathlib import Path

import polars as pl
import pytest

from sakip import (
    AgencyReview,
    Finding,
    Place,
    Severity,
    ValidationError,
    build_agencies,
    review_agencies,
    write_cells,
    write_findings,
)
from sakip.testing import run_cli


def cli(*args: str) -> tuple[int, str, str]:
    result = run_cli(args)
    return result.exit_code, result.stdout, result.stderr


def _realisation_of_table_2_1(review: AgencyReview) -> Finding:
    # The source report prints 88,73 (the 2022 value) as the 2023 realisation in table 2.1,
    # and 94,96 in tables 3.1, 3.2 and 3.6.
    (finding,) = [
        f
        for f in review.findings
        if f.code == "SK301" and f.places[0].table == "2.1" and f.places[0].column == "REALISASI"
    ]
    return finding


def test_reviews_come_back_in_the_order_given_and_a_failure_does_not_stop_the_others() -> None:
    seen: list[str] = []
    reviews = review_agencies(
        ["no-such-agency", "sampang-disnaker"], 2023, on_done=lambda r: seen.append(r.agency)
    )
    assert [r.agency for r in reviews] == ["no-such-agency", "sampang-disnaker"]
    assert seen == ["no-such-agency", "sampang-disnaker"]
    failed, reviewed = reviews
    assert failed.error is not None
    assert "no-such-agency" in failed.error
    assert failed.findings == ()
    assert reviewed.error is None
    finding = _realisation_of_table_2_1(reviewed)
    assert (finding.printed, finding.expected) == ("88,73", "94,96")
    assert reviewed.has_errors


def test_a_process_pool_gives_the_same_reviews_as_one_process() -> None:
    agencies = ["sampang-disnaker", "kominfo-contoh", "sampang-disnaker"]
    alone = review_agencies(agencies, 2023)
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = review_agencies(agencies, 2023, executor=pool)
    assert pooled == alone
    # kominfo-contoh publishes a report for 2024, not 2023: named, the others reviewed.
    assert pooled[1].error is not None
    assert "kominfo-contoh:2024" in pooled[1].error
    assert pooled[0].findings == pooled[2].findings != ()


def _review() -> AgencyReview:
    return AgencyReview(
        "dinas-a",
        (
            Finding(
                severity=Severity.ERROR,
                places=(Place("3.1", 2, "Capaian", "=HYPERLINK(1)"),),
                printed="90,00",
                expected="91,00",
                message="=1+1 tidak sesuai",
                code="SK101",
            ),
            Finding(
                severity=Severity.INFO,
                places=(),
                printed="",
                expected=None,
                message="informasi",
                code="SK501",
            ),
        ),
    )


def test_findings_as_parquet_keep_every_column(tmp_path: Path) -> None:
    path = tmp_path / "findings.parquet"
    write_findings([_review(), AgencyReview("dinas-b", error="rusak")], path)
    frame = pl.read_parquet(path)
    assert frame.columns == [
        "agency",
        "table",
        "row",
        "column",
        "label",
        "code",
        "severity",
        "printed",
        "expected",
        "message",
    ]
    assert frame.height == 2  # dinas-b has no finding: it failed, and says so elsewhere
    first = frame.row(0, named=True)
    assert first["row"] == 2
    assert (first["printed"], first["expected"], first["severity"]) == ("90,00", "91,00", "error")
    assert frame.row(1, named=True)["table"] is None


def test_findings_as_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "findings.jsonl"
    write_findings([_review()], path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [row["code"] for row in rows] == ["SK101", "SK501"]
    assert rows[0]["label"] == "=HYPERLINK(1)"  # JSON is data, not a spreadsheet


def test_findings_as_csv_cannot_run_as_formulas(tmp_path: Path) -> None:
    path = tmp_path / "findings.csv"
    write_findings([_review()], path)
    with path.open(encoding="utf-8", newline="") as handle:
        first = next(csv.DictReader(handle))
    assert first["label"] == "'=HYPERLINK(1)"
    assert first["message"] == "'=1+1 tidak sesuai"


def test_another_suffix_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"expected a file ending in \.parquet, \.jsonl"):
        write_findings([_review()], tmp_path / "findings.xlsx")


def test_cli_reviews_several_agencies_and_names_the_one_that_fails(tmp_path: Path) -> None:
    out = tmp_path / "f.csv"
    code, _, err = cli(
        "check", "sampang-disnaker", "no-such-agency", "--year", "2023", "--output", str(out)
    )
    assert code == 2
    assert "sakip: error: no-such-agency:" in err
    assert "Traceback" not in err
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["agency"] for row in rows} == {"sampang-disnaker"}
    assert any(r["code"] == "SK301" and r["printed"] == "88,73" for r in rows)


def test_cli_text_output_heads_each_agency() -> None:
    code, out, _ = cli("check", "sampang-disnaker", "sampang-disnaker", "--year", "2023")
    assert code == 1  # the source report has errors
    assert out.count("== sampang-disnaker ==") == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "--year", "2023"), "give an AGENCY"),
        (("check", "sampang-disnaker", "--all", "--year", "2023"), "not both"),
        (("check", "a", "b", "--report", "README.md", "--year", "2023"), "one agency only"),
        (("check", "--all", "--year", "2023", "--output", "f.xlsx"), "expected a file ending"),
    ],
)
def test_cli_refuses_options_that_do_not_go_together(args: tuple[str, ...], message: str) -> None:
    code, _, err = cli(*args)
    assert code == 2
    assert message in err


def test_a_dask_cluster_runs_the_same_review() -> None:
    # The three lines of docs/many.md, on a local cluster of two worker processes.
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        on_cluster = review_agencies(
            ["sampang-disnaker", "no-such-agency"], 2023, executor=client.get_executor()
        )
    assert on_cluster == review_agencies(["sampang-disnaker", "no-such-agency"], 2023)
    assert _realisation_of_table_2_1(on_cluster[0]).printed == "88,73"
    assert on_cluster[1].error is not None


def test_tables_of_several_agencies_as_one_row_per_cell(tmp_path: Path) -> None:
    results = build_agencies(["sampang-disnaker", "no-such-agency"], 2023, table_ids=["3.1"])
    assert results[1].error is not None
    assert "no-such-agency" in results[1].error
    path = tmp_path / "cells.jsonl"
    write_cells(results, path)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {row["agency"] for row in rows} == {"sampang-disnaker"}
    # Table 3.1 of the source report, first indicator: target 77,85, realisation 94,96,
    # achievement 121,98; each cell as printed and as an exact number.
    first = {row["column"]: row for row in rows if row["row"] == 1}
    assert (first["TARGET"]["text"], first["TARGET"]["value"]) == ("77,85", "77.85")
    assert (first["REALISASI"]["text"], first["REALISASI"]["value"]) == ("94,96", "94.96")
    assert (first["CAPAIAN"]["text"], first["CAPAIAN"]["value"]) == ("121,98", "121.98")
    assert first["No"]["value"] is None  # a row number is a heading, not a figure


def test_an_agency_given_as_data_needs_no_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    folder = str(files("dinkes_contoh") / "data")
    monkeypatch.setattr("sakip.plugins.manager.entry_points", lambda group: [])
    (result,) = build_agencies([folder], 2024)
    assert result.error is None
    assert result.tables


def test_cli_tables_of_several_agencies_in_two_processes(tmp_path: Path) -> None:
    out = tmp_path / "cells.parquet"
    code, _, err = cli(
        "tables",
        "sampang-disnaker",
        "no-such-agency",
        "--year",
        "2023",
        "--table",
        "3.1",
        "--jobs",
        "2",
        "--output",
        str(out),
    )
    assert code == 2
    assert "sakip: error: no-such-agency:" in err
    frame = pl.read_parquet(out)
    assert frame.filter(pl.col("column") == "CAPAIAN")["text"].to_list()[0] == "121,98"


def test_cli_tables_of_several_agencies_need_a_row_format_for_csv() -> None:
    code, _, err = cli("tables", "--all", "--year", "2023", "--format", "csv")
    assert code == 2
    assert "give --output FILE" in err


def _sampang_folder_without_its_report(tmp_path: Path) -> Path:
    folder = tmp_path / "sampang"
    folder.mkdir()
    for name in ("agency.yaml", "programs.yaml", "breakdowns.yaml"):
        (folder / name).write_bytes((files("sampang_disnaker") / "data" / name).read_bytes())
    return folder


def test_a_data_folder_with_its_printed_report_is_reviewed_with_no_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _sampang_folder_without_its_report(tmp_path)
    by_id = review_agencies(["sampang-disnaker"], 2023)[0]
    monkeypatch.setattr("sakip.plugins.manager.entry_points", lambda group: [])
    (without_report,) = review_agencies([str(folder)], 2023)
    assert without_report.error is not None
    assert "report-2023.yaml" in without_report.error
    report = (files("sampang_disnaker") / "data" / "report-2023.yaml").read_bytes()
    (folder / "report-2023.yaml").write_bytes(report)
    (as_data,) = review_agencies([str(folder)], 2023)
    assert as_data.error is None
    assert as_data.findings == by_id.findings
    assert _realisation_of_table_2_1(as_data).expected == "94,96"


def test_cli_check_of_a_data_folder_reads_its_printed_report(tmp_path: Path) -> None:
    folder = _sampang_folder_without_its_report(tmp_path)
    code, _, err = cli("check", str(folder), "--year", "2023")
    assert code == 2
    assert "report-2023.yaml" in err
    report = (files("sampang_disnaker") / "data" / "report-2023.yaml").read_bytes()
    (folder / "report-2023.yaml").write_bytes(report)
    code, out, _ = cli("check", str(folder), "--year", "2023", "--lang", "en")
    assert code == 1  # the source report contradicts itself
    assert "88,73" in out
