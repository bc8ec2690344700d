"""The workbook's layout: a published interface, versioned. Sheet and column names are
lower-case Indonesian and kept exactly; a sheet an agency does not need may be left out.

Version 1. The sheets of the format (``instansi`` … ``rincian``) and three optional sheets
that carry what those cannot, so that a YAML data folder moves to a workbook and back
without loss: ``pohon_kinerja`` (which objective a program serves), ``nama_tabel`` (the
name a table prints for a node, where it differs) and ``judul_rincian`` (a breakdown's
year, title and headings).
"""

from __future__ import annotations

from attrs import frozen

FORMAT_VERSION = 1


@frozen
class Sheet:
    """One sheet: its name, its columns in order, the required ones, and what it holds."""

    name: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    description: str
    """Indonesian, for the instructions sheet."""


INSTANSI = Sheet(
    "instansi",
    ("kunci", "nilai"),
    ("kunci", "nilai"),
    "Identitas instansi: satu baris per kunci (id, nama, wilayah, pembulatan, desimal, skala, "
    "bentuk_angka; opsional: nol, batas).",
)
TUJUAN = Sheet("tujuan", ("kode", "nama"), ("kode", "nama"), "Tujuan Renstra.")
SASARAN = Sheet(
    "sasaran",
    ("kode", "tujuan", "nama", "didanai"),
    ("kode", "nama"),
    "Sasaran strategis; didanai: kunci program/kegiatan/sub kegiatan yang mendanai, dipisah koma.",
)
INDIKATOR = Sheet(
    "indikator",
    (
        "kode",
        "milik",
        "nama",
        "satuan",
        "polaritas",
        "agregasi",
        "rumus",
        "predikat",
        "baseline_tahun",
        "baseline",
        "target_akhir_tahun",
        "target_akhir",
    ),
    ("kode", "milik"),
    "Indikator kinerja; milik: kunci sasaran, tujuan, program, kegiatan atau sub kegiatan yang "
    "diukurnya (ulangi kode pada baris lain untuk pemilik lain).",
)
CAPAIAN = Sheet(
    "capaian",
    ("indikator", "periode", "target", "realisasi", "standar_nasional"),
    ("indikator", "periode"),
    "Target dan realisasi per tahun (2023) atau triwulan (2023-TW1 … 2023-TW4); '-' atau "
    "kosong berarti tidak ada nilai.",
)
PROGRAM = Sheet(
    "program",
    ("kunci", "induk", "kode", "nama"),
    ("kunci", "nama"),
    "Program, kegiatan dan sub kegiatan; induk kosong untuk program, kunci program untuk "
    "kegiatan, kunci kegiatan untuk sub kegiatan.",
)
ANGGARAN = Sheet(
    "anggaran",
    ("kunci", "tahun", "tahap", "pagu", "realisasi"),
    ("kunci", "tahun", "tahap"),
    "Pagu dan realisasi anggaran per tahap (murni, perubahan); untuk triwulan (2023-TW1) "
    "hanya realisasi.",
)
MASALAH = Sheet(
    "masalah",
    ("kunci", "tahun", "permasalahan", "upaya"),
    ("kunci", "tahun"),
    "Permasalahan dan upaya mengatasinya per program/kegiatan/sub kegiatan.",
)
RINCIAN = Sheet(
    "rincian",
    ("rincian", "label", "nilai"),
    ("rincian", "label", "nilai"),
    "Rincian sebuah angka (misalnya PMI per negara tujuan): satu baris per bagian.",
)
POHON_KINERJA = Sheet(
    "pohon_kinerja",
    ("program", "sasaran"),
    ("program", "sasaran"),
    "Opsional: sasaran yang dilayani setiap program (cascading).",
)
NAMA_TABEL = Sheet(
    "nama_tabel",
    ("kunci", "tabel", "nama"),
    ("kunci", "tabel", "nama"),
    "Opsional: nama yang dicetak sebuah tabel untuk program/kegiatan bila berbeda.",
)
JUDUL_RINCIAN = Sheet(
    "judul_rincian",
    ("rincian", "tahun", "judul", "kolom_label", "kolom_nilai"),
    ("rincian", "tahun"),
    "Opsional: tahun, judul dan judul kolom sebuah rincian.",
)

NARASI = Sheet(
    "narasi",
    ("bagian", "teks"),
    ("bagian", "teks"),
    "Opsional: teks instansi untuk dokumen LKjIP per bagian (ringkasan, latar_belakang, "
    "organisasi, tugas, isu_strategis, penutup).",
)

SHEETS: tuple[Sheet, ...] = (
    INSTANSI,
    TUJUAN,
    SASARAN,
    INDIKATOR,
    CAPAIAN,
    PROGRAM,
    ANGGARAN,
    MASALAH,
    RINCIAN,
    POHON_KINERJA,
    NAMA_TABEL,
    JUDUL_RINCIAN,
    NARASI,
)
BY_NAME = {sheet.name: sheet for sheet in SHEETS}

INSTRUCTIONS = "petunjuk"
"""The instructions sheet of a template (not read as data)."""
EXAMPLES = "contoh"
"""The worked example sheet of a template (not read as data)."""
NOT_DATA = (INSTRUCTIONS, EXAMPLES)

AGENCY_KEYS = (
    "id",
    "nama",
    "wilayah",
    "pembulatan",
    "desimal",
    "skala",
    "bentuk_angka",
    "nol",
    "batas",
)

POLARITIES = {
    "naik": "higher",
    "turun": "lower",
    "rentang": "range",
    "kualitatif": "qualitative",
    "higher": "higher",
    "lower": "lower",
    "range": "range",
    "qualitative": "qualitative",
}
"""Polarity as written in the workbook (Indonesian, or English) → sakip's."""
POLARITY_WORDS = {
    "higher": "naik",
    "lower": "turun",
    "range": "rentang",
    "qualitative": "kualitatif",
}

AGGREGATIONS = {
    "jumlah": "sum",
    "terakhir": "last",
    "rata-rata": "average",
    "sum": "sum",
    "last": "last",
    "average": "average",
}
AGGREGATION_WORDS = {"sum": "jumlah", "last": "terakhir", "average": "rata-rata"}

STAGES = {"murni": "initial", "perubahan": "revised", "initial": "initial", "revised": "revised"}
STAGE_WORDS = {"initial": "murni", "revised": "perubahan"}

ROUNDINGS = ("half-up", "half-even", "truncate")
NUMBER_FORMS = ("id", "en")

VALIDATION_LISTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("indikator", "polaritas"): ("naik", "turun", "rentang", "kualitatif"),
    ("indikator", "agregasi"): ("jumlah", "terakhir", "rata-rata"),
    ("anggaran", "tahap"): ("murni", "perubahan"),
}
"""Drop-down lists a template gives the enumerated columns."""

MONEY_DECIMALS = 2
"""Amounts may be given to the sen."""
VALUE_DECIMALS = 6
"""Indicator values: more decimals than this is a float artefact (0,30000000000000004)."""
