"""The standard LKjIP table set: the tables of the PermenPANRB 53/2014 layout that an
agency's data can fill, numbered in that order. An agency given as data (a workbook or a
data folder) with no plugin publishes these."""

from __future__ import annotations

from collections.abc import Iterator

from attrs import frozen

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


@frozen
class _Facts:
    """What the data holds for the year, deciding which tables it can fill."""

    earlier_years: bool
    quarters: bool
    renstra: bool
    standards: bool
    stage: BudgetStage | None
    funded_objectives: bool

    @classmethod
    def of(cls, data: AgencyData, year: int) -> _Facts:
        periods = [m.period for m in data.measurements]
        stages = {line.stage for line in data.budget_lines if line.period.year == year}
        stage = (
            BudgetStage.REVISED
            if BudgetStage.REVISED in stages
            else min(stages, key=lambda s: s.value, default=None)
        )
        return cls(
            earlier_years=any(p.year < year for p in periods),
            quarters=any(p.year == year and not p.is_year for p in periods),
            renstra=any(i.baseline or i.end_target for i in data.indicators),
            standards=any(
                m.standard is not None and m.period.year == year for m in data.measurements
            ),
            stage=stage,
            funded_objectives=any(o.funded_by for o in data.objectives),
        )


def _applicable(data: AgencyData, year: int) -> Iterator[tuple[str, Builder]]:
    facts = _Facts.of(data, year)
    if data.objectives:
        yield from _performance(facts)
    if facts.stage is not None:
        yield from _budget(facts, facts.stage)
    if data.programs:
        yield "Output Program dan Kegiatan, Permasalahan dan Upaya", builders.outputs_table()
        yield "Cascading Kinerja", builders.cascading_table()
    for breakdown in data.breakdowns:
        if breakdown.period.year == year:
            yield breakdown.title, builders.breakdown_table(key=breakdown.key)


def _performance(facts: _Facts) -> Iterator[tuple[str, Builder]]:
    yield "Capaian Kinerja Sasaran Strategis", builders.performance_table(unit=True, predicate=True)
    if facts.earlier_years:
        yield "Realisasi Kinerja Dibandingkan Tahun Sebelumnya", measures.multi_year_table()
    if facts.renstra:
        yield "Capaian Kinerja terhadap Target Akhir Renstra", measures.renstra_table()
    if facts.quarters:
        yield "Monitoring Capaian Kinerja Triwulanan", measures.quarterly_table()
    if facts.standards:
        yield "Perbandingan dengan Standar Nasional", measures.standard_table()


def _budget(facts: _Facts, stage: BudgetStage) -> Iterator[tuple[str, Builder]]:
    if facts.funded_objectives:
        yield (
            "Alokasi dan Realisasi Anggaran per Sasaran",
            builders.objective_budget_table(stage=stage, with_indicator=True, with_spending=True),
        )
        yield "Pencapaian Kinerja dan Anggaran", builders.performance_budget_table(stage=stage)
    yield (
        "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan",
        (builders.program_budget_table(stage=stage)),
    )
    if facts.funded_objectives:
        yield "Efisiensi Penggunaan Sumber Daya", measures.efficiency_table(stage=stage)
