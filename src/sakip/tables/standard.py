"""The standard LKjIP table set: the tables of the PermenPANRB 53/2014 layout that an
agency's data can fill, numbered in that order. An agency given as data (a workbook or a
data folder) with no plugin publishes these."""

from __future__ import annotations

from collections.abc import Iterator

from sakip.model.agency_data import AgencyData
from sakip.model.budget import BudgetStage
from sakip.plugins.registrations import TableSpec
from sakip.tables import builders, measures
from sakip.tables.builders import Builder


def standard_tables(data: AgencyData, year: int) -> list[TableSpec]:
    """The standard tables ``data`` can fill for ``year``, numbered 1, 2, … in order."""
    return [
        TableSpec(agency=data.agency.id, id=str(number), title=title, build=build)
        for number, (title, build) in enumerate(_applicable(data, year), start=1)
    ]


def _applicable(data: AgencyData, year: int) -> Iterator[tuple[str, Builder]]:
    measured = {(m.indicator, m.period) for m in data.measurements}
    years = {period.year for _, period in measured}
    has_quarters = any(p.year == year and not p.is_year for _, p in measured)
    has_renstra = any(i.baseline or i.end_target for i in data.indicators)
    has_standard = any(m.standard is not None and m.period.year == year for m in data.measurements)
    stages = {line.stage for line in data.budget_lines if line.period.year == year}
    stage = BudgetStage.REVISED if BudgetStage.REVISED in stages else BudgetStage.INITIAL
    if data.objectives:
        yield (
            "Capaian Kinerja Sasaran Strategis",
            builders.performance_table(unit=True, predicate=True),
        )
        if any(y < year for y in years):
            yield "Realisasi Kinerja Dibandingkan Tahun Sebelumnya", measures.multi_year_table()
        if has_renstra:
            yield "Capaian Kinerja terhadap Target Akhir Renstra", measures.renstra_table()
        if has_quarters:
            yield "Monitoring Capaian Kinerja Triwulanan", measures.quarterly_table()
        if has_standard:
            yield "Perbandingan dengan Standar Nasional", measures.standard_table()
    if stages and any(o.funded_by for o in data.objectives):
        yield (
            "Alokasi dan Realisasi Anggaran per Sasaran",
            builders.objective_budget_table(stage=stage, with_indicator=True, with_spending=True),
        )
        yield "Pencapaian Kinerja dan Anggaran", builders.performance_budget_table(stage=stage)
    if stages:
        yield (
            "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
            (builders.program_budget_table(stage=stage)),
        )
    if stages and any(o.funded_by for o in data.objectives):
        yield "Efisiensi Penggunaan Sumber Daya", measures.efficiency_table(stage=stage)
    if data.programs:
        yield "Output Program dan Kegiatan, Permasalahan dan Upaya", builders.outputs_table()
        yield "Cascading Kinerja", builders.cascading_table()
    for breakdown in data.breakdowns:
        if breakdown.period.year == year:
            yield breakdown.title, builders.breakdown_table(key=breakdown.key)
