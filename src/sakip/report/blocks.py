"""The LKjIP document as blocks, whatever it is written to (Word, PDF, a web page): a
renderer lays out these blocks and computes nothing."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen

from sakip.model._fields import as_tuple
from sakip.model.printed import Table
from sakip.model.subjects import Subject
from sakip.report import widths


@frozen
class Quote:
    """A figure quoted in a sentence: its subject and the text it is written as."""

    subject: Subject
    text: str


@frozen
class Paragraph:
    """A paragraph; the figures it quotes are listed, so that each can be checked against the
    value model.

    :ivar placeholder: text the agency has not written yet, marked as such (never invented).
    :ivar agency_text: the agency's own words (its narrative, its problems and remedies).
    :ivar counts: numbers the text counts (indicators per predicate), not quoted figures.
    """

    text: str
    quotes: tuple[Quote, ...] = field(default=(), converter=as_tuple)
    placeholder: bool = False
    agency_text: bool = False
    counts: tuple[int, ...] = field(default=(), converter=as_tuple)


@frozen
class Heading:
    level: int
    """1 for a chapter (BAB), 2 for a section, 3 for a subsection."""
    text: str


@frozen
class TableBlock:
    """A table of the agency, titled as registered and numbered in its chapter (``3.7``, or
    the next number of its chapter for a table registered under a name such as
    ``cascading``); ``landscape`` when wide."""

    table: Table
    number: str = ""

    @property
    def caption(self) -> str:
        """``Tabel 3.7``: how the document names the table."""
        return f"Tabel {self.number or self.table.id}"

    @property
    def landscape(self) -> bool:
        """Set on a turned page: its words do not fit an upright one."""
        table = self.table
        numeric = {column for _, column in table.numbers()}
        return widths.needs_landscape(table.columns, table.rows, numeric)


@frozen
class Chart:
    """A chart: its title, what it shows, and the image in both forms (PNG for documents,
    SVG for the web page), already drawn."""

    title: str
    png: bytes
    svg: str
    description: str
    number: str = ""

    @property
    def caption(self) -> str:
        """``Gambar 3.1 Target dan realisasi …``: how the document names the chart."""
        return f"Gambar {self.number} {self.title}" if self.number else f"Gambar: {self.title}"


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}


def chapter_of(heading: Heading) -> int | None:
    """The number of the chapter a heading opens (``BAB III …`` → 3), or ``None``."""
    words = heading.text.split()
    if heading.level == 1 and len(words) > 1 and words[0] == "BAB":
        return _ROMAN.get(words[1])
    return None


@frozen
class PageBreak:
    pass


Block = Paragraph | Heading | TableBlock | Chart | PageBreak


@frozen(kw_only=True)
class Document:
    """The whole LKjIP of an agency for a year."""

    agency: str
    region: str
    year: int
    blocks: tuple[Block, ...] = field(converter=as_tuple)

    @property
    def title(self) -> str:
        return f"Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun {self.year}"

    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]

    def paragraphs(self) -> Iterable[Paragraph]:
        return (block for block in self.blocks if isinstance(block, Paragraph))
