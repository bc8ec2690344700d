"""sakip plugin: Dinas Tenaga Kerja Kabupaten Sampang, LKjIP 2023.

The agency is data (``data/*.yaml``); this module only registers it, the tables its report
publishes (built by sakip's generic table builders) and the report as printed
(``data/report-2023.yaml``), so that ``sakip check`` can review it.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.resources import files

from sakip import (
    AgencyData,
    AgencySpec,
    BudgetStage,
    PrintedReport,
    ReportSpec,
    TableSpec,
    breakdown_table,
    cascading_table,
    hookimpl,
    load_agency_data,
    load_printed_report,
    objective_budget_table,
    outputs_table,
    performance_budget_table,
    performance_table,
    program_budget_table,
)

AGENCY_ID = "sampang-disnaker"
DATA = files(__name__) / "data"
REVISED, INITIAL = BudgetStage.REVISED, BudgetStage.INITIAL


def load() -> AgencyData:
    """The agency's dataset, read and validated from the package's data files."""
    return load_agency_data(DATA)


def printed_report() -> PrintedReport:
    """The LKjIP 2023 as printed, every table transcribed verbatim."""
    return load_printed_report(DATA / "report-2023.yaml")


@hookimpl
def sakip_register_agencies(register: Callable[[AgencySpec], None]) -> None:
    register(AgencySpec(id=AGENCY_ID, name="Dinas Tenaga Kerja Kabupaten Sampang", load=load))


TABLES = (
    ("2.1", "Tujuan dan Sasaran Renstra DISNAKER Kabupaten Sampang", performance_table()),
    (
        "2.2",
        "Anggaran Dinas Tenaga Kerja Kabupaten Sampang",
        program_budget_table(
            stage=INITIAL,
            with_sub_activities=False,
            with_spending=False,
            numbered=True,
            heading="PROGRAM",
        ),
    ),
    (
        "2.3",
        "Alokasi Anggaran per Sasaran Strategis",
        objective_budget_table(
            stage=INITIAL,
            numbered=True,
            objective_heading="SASARAN STRATEGIS",
            allocation_heading="ANGGARAN (Rp.)",
            total_label="Jumlah",
        ),
    ),
    (
        "3.1",
        "Target dan Pencapaian Kinerja Dinas Tenaga Kerja Kabupaten Sampang",
        performance_table(),
    ),
    (
        "3.2",
        "Pencapaian Kinerja Sasaran 1",
        performance_table(objectives=["S1"], previous_year=True, objective_heading="SASARAN 1"),
    ),
    (
        "3.3",
        "Pencapaian Kinerja Sasaran 2",
        performance_table(objectives=["S2"], previous_year=True, objective_heading="SASARAN 2"),
    ),
    (
        "3.4",
        "Alokasi per Sasaran Pembangunan",
        objective_budget_table(stage=REVISED, with_indicator=True),
    ),
    (
        "3.5",
        "Realisasi Anggaran per Sasaran",
        objective_budget_table(
            stage=REVISED, with_spending=True, allocation_heading="PAGU ANGGARAN"
        ),
    ),
    (
        "3.6",
        "Pencapaian Kinerja Dan Anggaran Dinas Tenaga Kerja Kabupaten Sampang",
        performance_budget_table(),
    ),
    (
        "3.7",
        "Pencapaian Realisasi Program Kegiatan",
        program_budget_table(
            stage=REVISED,
            grand_total_first="BELANJA LANGSUNG",
            grand_total_last="TOTAL BELANJA LANGSUNG (BL)",
        ),
    ),
    (
        "3.9",
        "Output/Keluaran masing-masing Program dan Kegiatan",
        outputs_table(
            affairs="Ketenagakerjaan",
            organisation="Dinas Tenaga Kerja",
            policy="Meningkatnya pemerataan dan pertumbuhan ekonomi daerah dan pedesaan melalui "
            "pengembangan agribisnis, pariwisata dan ekonomi kreatif",
        ),
    ),
    (
        "pmi",
        "Negara tujuan Pekerja Migran Indonesia (PMI)",
        breakdown_table(key="pmi-destinations"),
    ),
    ("cascading", "Cascading Kinerja (Keterhubungan dengan RPJMD)", cascading_table()),
)


@hookimpl
def sakip_register_tables(register: Callable[[TableSpec], None]) -> None:
    for table_id, title, build in TABLES:
        register(TableSpec(agency=AGENCY_ID, id=table_id, title=title, build=build))


@hookimpl
def sakip_register_reports(register: Callable[[ReportSpec], None]) -> None:
    register(ReportSpec(agency=AGENCY_ID, year=2023, load=printed_report))
