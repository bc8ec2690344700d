"""sakip plugin: Dinas Kesehatan Kabupaten Contoh, LKjIP 2024 — every measure of BAB III.

The agency is data (``data/*.yaml``); this module registers it, the tables its report
publishes (all built by sakip's generic builders) and the report as printed.
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
    efficiency_table,
    hookimpl,
    load_agency_data,
    load_printed_report,
    multi_year_table,
    performance_table,
    program_budget_table,
    quarterly_table,
    renja_evaluation_table,
    renstra_table,
    standard_table,
)

AGENCY_ID = "dinkes-contoh"
DATA = files(__name__) / "data"


def load() -> AgencyData:
    """The agency's dataset, read and validated from the package's data files."""
    return load_agency_data(DATA)


def printed_report() -> PrintedReport:
    """The LKjIP 2024 as printed."""
    return load_printed_report(DATA / "report-2024.yaml")


@hookimpl
def sakip_register_agencies(register: Callable[[AgencySpec], None]) -> None:
    register(AgencySpec(id=AGENCY_ID, name="Dinas Kesehatan Kabupaten Contoh", load=load))


TABLES = (
    ("3.1", "Capaian Kinerja Sasaran", performance_table(unit=True, predicate=True)),
    ("3.2", "Realisasi Kinerja Dibandingkan Tahun Sebelumnya", multi_year_table(years=3)),
    ("3.3", "Capaian Kinerja terhadap Target Akhir Renstra", renstra_table()),
    ("3.4", "Monitoring Capaian Kinerja Triwulanan", quarterly_table()),
    ("3.5", "Perbandingan dengan Standar Nasional", standard_table()),
    ("3.6", "Efisiensi Penggunaan Sumber Daya", efficiency_table()),
    ("3.7", "Realisasi Anggaran per Program", program_budget_table(stage=BudgetStage.REVISED)),
    ("renja", "Evaluasi Hasil Renja (Permendagri 86/2017)", renja_evaluation_table()),
)


@hookimpl
def sakip_register_tables(register: Callable[[TableSpec], None]) -> None:
    for table_id, title, build in TABLES:
        register(TableSpec(agency=AGENCY_ID, id=table_id, title=title, build=build))


@hookimpl
def sakip_register_reports(register: Callable[[ReportSpec], None]) -> None:
    register(ReportSpec(agency=AGENCY_ID, year=2024, load=printed_report))
