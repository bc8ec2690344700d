"""The tutorial's agency: its tables and its printed report, each value worked out by hand."""

from __future__ import annotations

import attrs
from sakip import build_tables, load_agency, load_printed_report, review_report
from sakip.testing import isolated_registry

import kominfo_contoh

REGISTRY = isolated_registry(kominfo_contoh)


def test_the_agency_is_registered_with_its_tables() -> None:
    assert REGISTRY.agencies.get("kominfo-contoh").name == (
        "Dinas Komunikasi dan Informatika Kabupaten Contoh"
    )
    assert [t.id for t in REGISTRY.tables_of("kominfo-contoh")] == ["3.1", "3.6", "3.7", "3.9"]


def test_achievements() -> None:
    (table,) = build_tables(REGISTRY, "kominfo-contoh", 2024, ["3.1"])
    # IKU-1, higher is better: 93,5 / 90 × 100 = 103,888… → 103,89.
    # IKU-2, lower is better: (2 × 4 − 3) / 4 × 100 = 125.
    assert table.column("CAPAIAN") == ["103,89", "125"]


def test_absorption_at_every_level() -> None:
    (table,) = build_tables(REGISTRY, "kominfo-contoh", 2024, ["3.7"])
    assert table.column("%") == [
        "95,90%",  # 1.198.750.000 / 1.250.000.000
        "95,90%",
        "94,59%",  # (171.450.000 + 70.215.000) / (180.000.000 + 75.500.000) = 0,945851…
        "95,25%",  # 171.450.000 / 180.000.000
        "93,00%",  # 70.215.000 / 75.500.000
        "97,40%",  # 409.080.000 / 420.000.000
        "97,40%",
        "96,05%",  # 1.849.495.000 / 1.925.500.000 = 0,960527…
    ]
    assert table.column("ANGGARAN")[-1] == "1.925.500.000"


def test_the_printed_report_is_clean() -> None:
    report = load_printed_report(kominfo_contoh.DATA / "report-2024.yaml")
    assert review_report(REGISTRY, report, load_agency(REGISTRY, "kominfo-contoh")) == []


def test_a_misprinted_absorption_would_be_found() -> None:
    report = load_printed_report(kominfo_contoh.DATA / "report-2024.yaml")
    table = next(t for t in report.tables if t.id == "3.7")
    rows = [list(row) for row in table.rows]
    rows[4][3] = "93,50%"  # Layanan Informasi Publik: 70.215.000 / 75.500.000 is 93,00 %
    tables = [attrs.evolve(t, rows=rows) if t is table else t for t in report.tables]
    misprinted = attrs.evolve(report, tables=tables)
    (finding,) = review_report(REGISTRY, misprinted, load_agency(REGISTRY, "kominfo-contoh"))
    assert (finding.code, finding.places[0].row, finding.expected) == ("SK101", 5, "93,00")
