"""Write an agency's data to a workbook in the published layout (``sakip workbook export``),
or an empty one to fill in (``sakip workbook template``).

Numbers are written as Excel numbers when the double Excel stores reads back as the same
decimal, and as text in Indonesian form otherwise, so that reading the workbook back gives
exactly the data written: nothing is lost either way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip.errors import DataError
from sakip.extras import require
from sakip.model.agency_data import NARRATIVE, AgencyData
from sakip.model.indicators import Grade, GradeRule, Indicator, RenstraValue, TargetRange
from sakip.numbers import format_number
from sakip.workbook import layout
from sakip.workbook.layout import Sheet

Cell = str | int | float | None


def _number(value: Decimal | None) -> Cell:
    """A number as a cell: an Excel number when the double Excel stores reads back as the
    same decimal, written the same way (``77,80`` keeps its zero: it is text); else text."""
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    if exponent == 0 and abs(value) < 2**53:
        return int(value)
    as_float = float(value)
    if str(Decimal(repr(as_float))) == str(value):
        return as_float
    return format_number(value)


def _value(value: Decimal | Grade | TargetRange | None) -> Cell:
    if isinstance(value, Grade):
        return value.label
    if isinstance(value, TargetRange):
        return f"{format_number(value.lower)}..{format_number(value.upper)}"
    return _number(value)


def workbook_rows(data: AgencyData) -> dict[str, list[list[Cell]]]:
    """The rows of each sheet (headers excluded) that hold ``data``.

    :raises DataError: for what the layout cannot hold (a per-indicator policy, the ``steps``
        grade rule, a follow-up of the regional parliament's recommendations, a node with two
        indicators), each named, rather than losing it.
    """
    _representable(data)
    return {name: rows(data) for name, rows in _SHEET_ROWS.items()}


def _instansi(data: AgencyData) -> list[list[Cell]]:
    agency, policy = data.agency, data.agency.policy
    rows: list[list[Cell]] = [
        ["id", agency.id],
        ["nama", agency.name],
        ["wilayah", agency.region or None],
        ["pembulatan", policy.rounding.mode.value],
        ["desimal", policy.rounding.places],
        ["skala", agency.scale],
        ["bentuk_angka", "id"],
    ]
    if policy.zero.value != "error":
        rows.append(["nol", policy.zero.value])
    if policy.cap is not None:
        rows.append(["batas", _number(policy.cap)])
    return rows


def _indikator(data: AgencyData) -> list[list[Cell]]:
    """A row per (indicator, owner): the first of an indicator describes it, the others
    name only its code and owner."""
    owners: list[tuple[str, tuple[str, ...]]] = [
        *((g.key, g.indicators) for g in data.goals),
        *((o.key, o.indicators) for o in data.objectives),
        *((n.key, n.indicators) for n in data.nodes.values()),
    ]
    described: set[str] = set()
    rows: list[list[Cell]] = []
    for owner, codes in owners:
        for code in codes:
            first = code not in described
            described.add(code)
            details = _indicator_cells(data.indicator(code)) if first else []
            rows.append([code, owner, *details])
    return rows


def _program(data: AgencyData) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for node in data.nodes.values():
        parent = data.parent(node)
        rows.append([node.key, parent, str(node.code) if node.code else None, node.name])
    return rows


def _capaian(data: AgencyData) -> list[list[Cell]]:
    return [
        [
            m.indicator,
            _period_text(m.period),
            _value(m.target),
            _value(m.actual),
            _number(m.standard),
        ]
        for m in data.measurements
    ]


def _anggaran(data: AgencyData) -> list[list[Cell]]:
    return [
        [
            line.node,
            _period_text(line.period),
            layout.STAGE_WORDS[line.stage.value],
            _number(line.allocation) if line.period.is_year else None,
            _number(line.spending),
        ]
        for line in data.budget_lines
    ]


_SHEET_ROWS: dict[str, Callable[[AgencyData], list[list[Cell]]]] = {
    "instansi": _instansi,
    "tujuan": lambda data: [[g.key, g.name] for g in data.goals],
    "sasaran": lambda data: [
        [o.key, o.goal, o.name, ", ".join(o.funded_by) or None] for o in data.objectives
    ],
    "indikator": _indikator,
    "capaian": _capaian,
    "program": _program,
    "anggaran": _anggaran,
    "masalah": lambda data: [
        [n.node, _period_text(n.period), n.problem or None, n.remedy or None] for n in data.problems
    ],
    "rincian": lambda data: [
        [b.key, item.label, _number(item.value)] for b in data.breakdowns for item in b.items
    ],
    "pohon_kinerja": lambda data: [[p.key, p.objective] for p in data.programs if p.objective],
    "nama_tabel": lambda data: [
        [node.key, table, name] for node in data.nodes.values() for table, name in node.names
    ],
    "judul_rincian": lambda data: [
        [b.key, _period_text(b.period), b.title, b.label_heading, b.value_heading]
        for b in data.breakdowns
    ],
    "narasi": lambda data: [[NARRATIVE[key], text] for key, text in data.narrative],
}
"""How each sheet's rows are written from the data."""


def _period_text(period: Any) -> str:
    return str(period.year) if period.quarter is None else f"{period.year}-TW{period.quarter}"


def _indicator_cells(indicator: Indicator) -> list[Cell]:
    def renstra(point: RenstraValue | None) -> list[Cell]:
        if point is None:
            return [None, None]
        return [point.period.year, _value(point.value)]

    return [
        indicator.name,
        indicator.unit or None,
        layout.POLARITY_WORDS[indicator.polarity.value],
        layout.AGGREGATION_WORDS[indicator.aggregation.value],
        indicator.formula,
        ", ".join(indicator.grades) or None,
        *renstra(indicator.baseline),
        *renstra(indicator.end_target),
    ]


def _representable(data: AgencyData) -> None:
    lost = [
        f"indicator {i.code} has its own achievement policy"
        for i in data.indicators
        if i.policy is not None
    ]
    lost += [
        f"indicator {i.code} uses the 'steps' grade rule"
        for i in data.indicators
        if i.grade_rule is GradeRule.STEPS
    ]
    lost += [
        f"{n.node} {n.period} has a follow-up (tindak lanjut)" for n in data.problems if n.follow_up
    ]
    lost += [
        f"{node.key} has {len(node.indicators)} indicators"
        for node in data.nodes.values()
        if len(node.indicators) > 1
    ]
    if lost:
        raise DataError(
            data.agency.id,
            "",
            "the workbook layout cannot hold: " + "; ".join(lost) + ". Keep this agency in YAML",
        )


def write_workbook(
    path: Path, rows: dict[str, list[list[Cell]]], *, template: bool = False
) -> None:
    """Write the sheets of the layout, each with its header row frozen, its columns fitted
    and drop-down lists for its enumerated columns; a template adds the instructions and a
    worked example, neither read as data."""
    openpyxl = require("openpyxl", "writing a workbook")
    styles = require("openpyxl.styles", "writing a workbook")
    datavalidation = require("openpyxl.worksheet.datavalidation", "writing a workbook")
    book = openpyxl.Workbook()
    book.remove(book.active)
    if template:
        _instructions(book.create_sheet(layout.INSTRUCTIONS), styles)
    for sheet in layout.SHEETS:
        worksheet = book.create_sheet(sheet.name)
        _header(worksheet, sheet.columns, styles)
        for row in rows.get(sheet.name, []):
            worksheet.append(row)
        _validations(worksheet, sheet, datavalidation)
        _fit(worksheet)
    if template:
        _examples(book.create_sheet(layout.EXAMPLES), styles)
    _fixed_properties(book)
    book.save(path)


def _header(worksheet: Any, columns: Sequence[str], styles: Any) -> None:
    worksheet.append(list(columns))
    for cell in worksheet[1]:
        cell.font = styles.Font(bold=True)
    worksheet.freeze_panes = "A2"


def _validations(worksheet: Any, sheet: Sheet, datavalidation: Any) -> None:
    for (name, column), choices in layout.VALIDATION_LISTS.items():
        if name != sheet.name:
            continue
        letter = worksheet.cell(row=1, column=sheet.columns.index(column) + 1).column_letter
        check = datavalidation.DataValidation(
            type="list", formula1=f'"{",".join(choices)}"', allow_blank=True, showErrorMessage=True
        )
        check.error = f"Pilih salah satu: {', '.join(choices)}"
        worksheet.add_data_validation(check)
        check.add(f"{letter}2:{letter}1048576")


def _fit(worksheet: Any) -> None:
    for column in worksheet.columns:
        width = max((len(str(cell.value)) for cell in column if cell.value is not None), default=8)
        worksheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)


def _fixed_properties(book: Any) -> None:
    """The same data gives the same file: no creation time or author of the moment."""
    import datetime

    fixed = datetime.datetime(2000, 1, 1)
    book.properties.created = fixed
    book.properties.modified = fixed
    book.properties.creator = "sakip"
    book.properties.lastModifiedBy = "sakip"


INSTRUCTIONS_TEXT: tuple[tuple[str, str], ...] = (
    (
        f"Petunjuk pengisian buku kerja sakip (format versi {layout.FORMAT_VERSION})",
        f"How to fill in the sakip workbook (format version {layout.FORMAT_VERSION})",
    ),
    (
        "Isi setiap lembar yang diperlukan instansi; lembar yang tidak diperlukan boleh "
        "dibiarkan kosong atau dihapus. Urutan baris bebas.",
        "Fill the sheets the agency needs; others may stay empty or be deleted. Rows may come "
        "in any order.",
    ),
    (
        "Angka diketik sebagai angka Excel, atau sebagai teks dalam bentuk Indonesia "
        "(4.753.553.212; 94,41). '-', 'n/a' atau sel kosong berarti tidak ada nilai.",
        "Type numbers as Excel numbers, or as text in Indonesian form. '-', 'n/a' or an empty "
        "cell means no value (never 0).",
    ),
    (
        "Jangan memakai rumus atau menggabungkan sel: ketik nilainya.",
        "Do not use formulas or merged cells: type the values.",
    ),
    (
        "Periode: tahun (2023) atau triwulan (2023-TW1 … 2023-TW4).",
        "Periods: a year (2023) or a quarter (2023-TW1 … 2023-TW4).",
    ),
    (
        "Lembar 'contoh' memuat satu baris contoh untuk setiap lembar; lembar itu tidak dibaca.",
        "The sheet 'contoh' holds one example row per sheet; it is not read as data.",
    ),
    ("Lembar dan kolom / Sheets and columns:", ""),
)


def _instructions(worksheet: Any, styles: Any) -> None:
    worksheet.append(["Bahasa Indonesia", "English"])
    for cell in worksheet[1]:
        cell.font = styles.Font(bold=True)
    for indonesian, english in INSTRUCTIONS_TEXT:
        worksheet.append([indonesian, english])
    for sheet in layout.SHEETS:
        worksheet.append([f"{sheet.name}: {', '.join(sheet.columns)}", sheet.description])
    worksheet.column_dimensions["A"].width = 90
    worksheet.column_dimensions["B"].width = 90


EXAMPLE_ROWS: dict[str, list[Cell]] = {
    "instansi": ["nama", "Dinas Komunikasi dan Informatika Kabupaten Contoh"],
    "tujuan": ["T1", "Meningkatnya tata kelola pemerintahan berbasis elektronik"],
    "sasaran": ["S1", "T1", "Meningkatnya kualitas layanan informasi publik", "P2"],
    "indikator": [
        "IKU-1",
        "S1",
        "Persentase permohonan informasi yang diselesaikan tepat waktu",
        "%",
        "naik",
        "terakhir",
        None,
        None,
        2021,
        "80",
        2026,
        "95",
    ],
    "capaian": ["IKU-1", "2024-TW1", "90", "93,5", None],
    "program": ["P2.K1", "P2", "2.16.02.2.01", "Pengelolaan Informasi dan Komunikasi Publik"],
    "anggaran": ["P2.K1.S1", "2024", "perubahan", "180.000.000", "171.450.000"],
    "masalah": ["P2.K1.S1", "2024", "Jaringan terputus", "Menambah jalur cadangan"],
    "rincian": ["pengaduan", "Kanal daring", "120"],
    "pohon_kinerja": ["P2", "S1"],
    "nama_tabel": ["P2.K1.S1", "cascading", "Nama sub kegiatan di tabel cascading"],
    "judul_rincian": ["pengaduan", "2024", "Pengaduan per kanal", "Kanal", "Jumlah"],
    "narasi": ["penutup", "Teks penutup laporan yang ditulis instansi."],
}


def _examples(worksheet: Any, styles: Any) -> None:
    for sheet in layout.SHEETS:
        worksheet.append([f"Lembar {sheet.name}"])
        worksheet.cell(row=worksheet.max_row, column=1).font = styles.Font(bold=True)
        worksheet.append(list(sheet.columns))
        worksheet.append(EXAMPLE_ROWS[sheet.name])
        worksheet.append([])
    _fit(worksheet)


def export_workbook(data: AgencyData, path: Path) -> None:
    """Write ``data`` to a workbook in the published layout (read back: the same data)."""
    write_workbook(path, workbook_rows(data))


def template_workbook(path: Path) -> None:
    """An empty workbook with every sheet and header, instructions and a worked example."""
    write_workbook(path, {}, template=True)
