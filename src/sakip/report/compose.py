"""The LKjIP in the structure of PermenPANRB 53/2014: Ikhtisar Eksekutif, BAB I Pendahuluan,
BAB II Perencanaan Kinerja, BAB III Akuntabilitas Kinerja (A. Capaian Kinerja, B. Realisasi
Anggaran), BAB IV Penutup and Lampiran — with the agency's tables in their chapters, the
analysis written out, the charts, and the agency's own text where it wrote some (a marked
placeholder where it did not: no prose is invented)."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

import attrs

from sakip.model.budget import BudgetStage
from sakip.model.findings import Finding
from sakip.model.printed import Table
from sakip.report import analysis, charts
from sakip.report.blocks import (
    Block,
    Chart,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    TableBlock,
    chapter_of,
)
from sakip.tables import builders
from sakip.tables.context import TableContext
from sakip.values.model import ValueModel

PLACEHOLDER = "[Diisi oleh instansi: {what}.]"


def compose(
    values: ValueModel,
    tables: Sequence[Table],
    year: int,
    findings: Sequence[Finding] | None = None,
    *,
    images: Collection[str] = ("png", "svg"),
) -> Document:
    """The document of an agency's year from its value model and its built tables; the
    findings of its review as an annex when given.

    :param images: the forms its charts are drawn in (``png`` for Word and PDF, ``svg`` for
        the web page).
    """
    token = charts.IMAGES.set(frozenset(images))
    try:
        return _compose(values, tables, year, findings)
    finally:
        charts.IMAGES.reset(token)


def _compose(
    values: ValueModel,
    tables: Sequence[Table],
    year: int,
    findings: Sequence[Finding] | None,
) -> Document:
    data = values.data
    stage = _stage(values, year)
    chapters = _chapters(tables, planning=_planning_tables(values, year))
    performance, budget = _split_three(chapters["III"])
    blocks: list[Block] = [
        *_summary(values, year, stage),
        *_chapter_one(values, chapters["I"]),
        *_chapter_two(values, chapters["II"]),
        *_chapter_three(values, year, stage, performance, budget),
        *_chapter_four(values, year, stage),
        *_annex(chapters["L"], findings),
    ]
    return Document(
        agency=data.agency.name, region=data.agency.region, year=year, blocks=_numbered(blocks)
    )


def _numbered(blocks: list[Block]) -> list[Block]:
    """Each chart numbered within its chapter, as its caption prints it: Gambar 3.1, 3.2 …"""
    chapter, count, found = 0, 0, []
    for block in blocks:
        if isinstance(block, Heading) and (opened := chapter_of(block)) is not None:
            chapter, count = opened, 0
        if isinstance(block, Chart):
            count += 1
            block = attrs.evolve(block, number=f"{chapter}.{count}" if chapter else str(count))
        found.append(block)
    return found


def _stage(values: ValueModel, year: int) -> BudgetStage | None:
    stages = {line.stage for line in values.data.budget_lines if line.period.year == year}
    if BudgetStage.REVISED in stages:
        return BudgetStage.REVISED
    return BudgetStage.INITIAL if stages else None


CHAPTER_NUMBERS = {"I": "1", "II": "2", "III": "3", "L": "L"}


def _planning_tables(values: ValueModel, year: int) -> list[Table]:
    """BAB II's own tables, from the data: the Perjanjian Kinerja of the year, and the
    Renstra in brief where an indicator has an end-of-period target."""

    def built(id: str, title: str, build: builders.Builder) -> Table:
        return build(TableContext(values=values, year=year, id=id, title=title))

    found = []
    if any(o.indicators for o in values.data.objectives):
        found.append(built("pk", f"Perjanjian Kinerja Tahun {year}", builders.agreement_table()))
    if any(i.end_target is not None for i in values.data.indicators):
        found.append(
            built("renstra", "Indikator Kinerja dan Target Renstra", builders.renstra_plan_table())
        )
    return found


def _chapters(
    tables: Sequence[Table], *, planning: Sequence[Table] = ()
) -> dict[str, list[TableBlock]]:
    """Tables by chapter, in the order of their numbers (``3.4`` before ``3.10``); a table
    registered under a name or a bare number (``cascading``, ``pmi``, ``7``) takes the next
    number of its chapter, in the order registered.
    The chapter is the number's where it says (``2.3`` in BAB II), else what the table prints:
    no figure (cascading) in BAB I, budget at the initial stage in BAB II, the rest in BAB III."""
    found: dict[str, list[Table]] = {"I": [], "II": [], "III": [], "L": []}
    for table in tables:
        found[_chapter_of(table)].append(table)
    found["II"] += planning
    chapters: dict[str, list[TableBlock]] = {}
    for chapter, listed in found.items():
        numbered = sorted(
            ((n, t) for t in listed if (n := _number(t)) is not None), key=lambda pair: pair[0]
        )
        named = [t for t in listed if _number(t) is None]
        last = max((n[-1] for n, _ in numbered), default=0)
        prefix = CHAPTER_NUMBERS[chapter]
        chapters[chapter] = [TableBlock(t, t.id) for _, t in numbered] + [
            TableBlock(t, f"{prefix}.{last + index}") for index, t in enumerate(named, start=1)
        ]
    return chapters


def _number(table: Table) -> tuple[int, ...] | None:
    """``3.10`` as (3, 10), to sort by; ``None`` for a table registered under a name or a
    bare number (``cascading``, ``7``), which the document numbers in its chapter."""
    parts = table.id.split(".")
    numbered = len(parts) > 1 and all(p.isdigit() for p in parts)
    return tuple(int(p) for p in parts) if numbered else None


def _chapter_of(table: Table) -> str:
    head = table.id.split(".")[0] if "." in table.id else ""
    measures = {subject.measure for subject in table.subjects.values()}
    budget_only = bool(measures) and all(m.is_budget for m in measures)
    if head in ("1", "2", "3"):
        return {"1": "I", "2": "II", "3": "III"}[head]
    if head:
        return "L"
    if not measures:
        return "I"
    stages = {s.stage for s in table.subjects.values() if s.stage is not None}
    if budget_only and stages == {BudgetStage.INITIAL}:
        return "II"
    return "III"


def _split_three(blocks: list[TableBlock]) -> tuple[list[TableBlock], list[TableBlock]]:
    """BAB III's tables, in their order, under A. Capaian Kinerja up to its last table of
    performance, and the budget tables after it under B. Realisasi Anggaran."""
    last = max((i for i, b in enumerate(blocks) if not _budget_only(b.table)), default=-1)
    return blocks[: last + 1], blocks[last + 1 :]


def _budget_only(table: Table) -> bool:
    measures = {subject.measure for subject in table.subjects.values()}
    return bool(measures) and all(m.is_budget for m in measures)


def _text(values: ValueModel, section: str, what: str) -> Paragraph:
    written = values.data.text(section)
    if written:
        return Paragraph(written, agency_text=True)
    return Paragraph(PLACEHOLDER.format(what=what), placeholder=True)


def _tables(tables: Sequence[TableBlock]) -> Iterator[Block]:
    yield from tables


def _summary(values: ValueModel, year: int, stage: BudgetStage | None) -> Iterator[Block]:
    yield Heading(1, "Ikhtisar Eksekutif")
    yield _text(values, "summary", "ringkasan eksekutif")
    yield analysis.summary_paragraph(values, year, stage)
    yield PageBreak()


def _chapter_one(values: ValueModel, tables: Sequence[TableBlock]) -> Iterator[Block]:
    yield Heading(1, "BAB I Pendahuluan")
    yield Heading(2, "A. Latar Belakang")
    yield _text(values, "background", "latar belakang")
    yield Heading(2, "B. Struktur Organisasi, Tugas dan Fungsi")
    yield _text(values, "organisation", "struktur organisasi")
    yield _text(values, "tasks", "tugas pokok dan fungsi")
    yield Heading(2, "C. Isu Strategis")
    yield _text(values, "strategic_issues", "isu strategis")
    if tables:
        yield Heading(2, "D. Keterkaitan Kinerja (Cascading)")
        yield from _tables(tables)
    yield PageBreak()


def _chapter_two(values: ValueModel, tables: Sequence[TableBlock]) -> Iterator[Block]:
    yield Heading(1, "BAB II Perencanaan Kinerja")
    data = values.data
    objectives = "; ".join(o.name for o in data.objectives)
    yield Paragraph(
        f"Perjanjian Kinerja memuat {len(data.objectives)} sasaran strategis: {objectives}.",
        counts=(len(data.objectives),),
    )
    yield from _tables(tables)
    yield PageBreak()


def _chapter_three(
    values: ValueModel,
    year: int,
    stage: BudgetStage | None,
    performance: Sequence[TableBlock],
    budget: Sequence[TableBlock],
) -> Iterator[Block]:
    yield Heading(1, "BAB III Akuntabilitas Kinerja")
    yield Heading(2, "A. Capaian Kinerja")
    data = values.data
    for number, objective in enumerate(data.objectives, start=1):
        yield Heading(3, f"Sasaran {number}: {objective.name}")
        for code in objective.indicators:
            paragraph = analysis.indicator_paragraph(values, data.indicator(code), year)
            if paragraph is not None:
                yield paragraph
        chart = charts.target_and_actual(values, objective, year)
        if chart is not None:
            yield chart
        if stage is not None:
            behind = analysis.objective_paragraph(values, objective, year, stage)
            if behind is not None:
                yield behind
        yield from analysis.problems_paragraphs(values, objective, year)
    indicators = [data.indicator(c) for o in data.objectives for c in o.indicators]
    for chart in (
        charts.trend(values, indicators, year),
        charts.quarterly(values, indicators, year),
    ):
        if chart is not None:
            yield chart
    yield from _tables(performance)
    yield Heading(2, "B. Realisasi Anggaran")
    if stage is not None:
        yield analysis.summary_paragraph(values, year, stage, predicates=False)
        drawn: Chart | None = charts.absorption(values, year, stage)
        if drawn is not None:
            yield drawn
    yield from _tables(budget)
    yield PageBreak()


def _chapter_four(values: ValueModel, year: int, stage: BudgetStage | None) -> Iterator[Block]:
    yield Heading(1, "BAB IV Penutup")
    yield analysis.summary_paragraph(values, year, stage, closing=True)
    yield _text(values, "closing", "kesimpulan dan langkah perbaikan")


def _annex(tables: Sequence[TableBlock], findings: Sequence[Finding] | None) -> Iterator[Block]:
    if not tables and findings is None:
        return
    yield PageBreak()
    yield Heading(1, "Lampiran")
    yield from _tables(tables)
    if findings is not None:
        yield Heading(2, "Hasil Reviu (sakip check)")
        if not findings:
            yield Paragraph("Reviu tidak menemukan ketidaksesuaian.")
        for finding in findings:
            place = finding.places[0] if finding.places else None
            where = (
                f"Tabel {place.table}, baris {place.row}, kolom {place.column}"
                if place
                else "Data instansi"
            )
            yield Paragraph(
                f"{finding.code} ({finding.severity.value}) — {where}: {finding.message}",
                agency_text=True,
            )
