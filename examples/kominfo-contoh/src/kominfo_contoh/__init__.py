"""sakip plugin: Dinas Komunikasi dan Informatika Kabupaten Contoh (the tutorial's agency).

The agency is data (``data/*.yaml``); this module registers it, the tables its LKjIP
publishes and the LKjIP as printed.
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
    hookimpl,
    load_agency_data,
    load_printed_report,
    outputs_table,
    performance_budget_table,
    performance_table,
    program_budget_table,
)

# --8<-- [start:load]
AGENCY_ID = "kominfo-contoh"
DATA = files(__name__) / "data"


def load() -> AgencyData:
    """The agency's dataset, read and validated from the package's data files."""
    return load_agency_data(DATA)


def printed_report() -> PrintedReport:
    """The LKjIP 2024 as printed."""
    return load_printed_report(DATA / "report-2024.yaml")


# --8<-- [end:load]


# --8<-- [start:agencies]
@hookimpl
def sakip_register_agencies(register: Callable[[AgencySpec], None]) -> None:
    register(
        AgencySpec(
            id=AGENCY_ID, name="Dinas Komunikasi dan Informatika Kabupaten Contoh", load=load
        )
    )


# --8<-- [end:agencies]


# --8<-- [start:tables]
TABLES = (
    (
        "3.1",
        "Target dan Pencapaian Kinerja",
        performance_table(previous_year=True),
    ),
    ("3.6", "Pencapaian Kinerja dan Anggaran", performance_budget_table()),
    (
        "3.7",
        "Pencapaian Realisasi Program Kegiatan",
        program_budget_table(stage=BudgetStage.REVISED),
    ),
    (
        "3.9",
        "Output/Keluaran masing-masing Program dan Kegiatan",
        outputs_table(affairs="Komunikasi dan Informatika"),
    ),
)


@hookimpl
def sakip_register_tables(register: Callable[[TableSpec], None]) -> None:
    for table_id, title, build in TABLES:
        register(TableSpec(agency=AGENCY_ID, id=table_id, title=title, build=build))


# --8<-- [end:tables]


# --8<-- [start:reports]
@hookimpl
def sakip_register_reports(register: Callable[[ReportSpec], None]) -> None:
    register(ReportSpec(agency=AGENCY_ID, year=2024, load=printed_report))


# --8<-- [end:reports]
