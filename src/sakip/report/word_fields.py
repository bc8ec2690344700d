"""What makes a Word file one an agency signs: A4 pages with the margins of the government's
tata naskah dinas, the document in Indonesian (``id-ID``, so Word checks its spelling as
Indonesian), page numbers in the footer (roman for the front matter, arabic from BAB I), and
real tables of contents — Daftar Isi, Daftar Tabel, Daftar Gambar — as Word fields that Word
fills with page numbers when the file is opened."""

from __future__ import annotations

from typing import Any

from sakip.extras import require

FEATURE = "writing the report as Word"
LANGUAGE = "id-ID"
A4_TWIPS = (11906, 16838)
"""A4 in twentieths of a point, portrait: 210 × 297 mm."""
MARGINS_CM = {"top": 2.5, "bottom": 2.5, "left": 3.0, "right": 2.0}
"""Tata naskah dinas (PermenPANRB 80/2012 and the regional rules after it): at least 2 cm at
the top, 2,5 cm at the bottom, 3 cm on the left (for binding) and 2 cm on the right."""
TABLE_CAPTION_STYLE = "Judul Tabel"
FIGURE_CAPTION_STYLE = "Judul Gambar"


def page_setup(section: Any, *, landscape: bool = False) -> None:
    """A4, portrait or landscape, with the tata naskah dinas margins (the binding edge stays
    on the left when the page turns)."""
    shared = require("docx.shared", FEATURE)
    width, height = (shared.Twips(t) for t in A4_TWIPS)
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin = shared.Cm(MARGINS_CM["top"])
    section.bottom_margin = shared.Cm(MARGINS_CM["bottom"])
    section.left_margin = shared.Cm(MARGINS_CM["left"])
    section.right_margin = shared.Cm(MARGINS_CM["right"])


def indonesian(word: Any) -> None:
    """The document's language: its default run properties, its theme's font language and
    its core properties all say ``id-ID``."""
    ns = require("docx.oxml.ns", FEATURE)
    oxml = require("docx.oxml", FEATURE)
    defaults = word.styles.element.find(ns.qn("w:docDefaults"))
    if defaults is None:
        defaults = oxml.OxmlElement("w:docDefaults")
        word.styles.element.insert(0, defaults)
    run_defaults = _child(defaults, "w:rPrDefault", oxml, ns)
    properties = _child(run_defaults, "w:rPr", oxml, ns)
    lang = _child(properties, "w:lang", oxml, ns)
    lang.set(ns.qn("w:val"), LANGUAGE)
    lang.set(ns.qn("w:eastAsia"), LANGUAGE)
    for style in word.styles:  # a style that names its own language would override it
        found = style.element.find(f"{ns.qn('w:rPr')}/{ns.qn('w:lang')}")
        if found is not None:
            found.set(ns.qn("w:val"), LANGUAGE)
    theme = word.settings.element.find(ns.qn("w:themeFontLang"))
    if theme is not None:
        theme.set(ns.qn("w:val"), LANGUAGE)
    word.core_properties.language = LANGUAGE


def update_fields_on_open(word: Any) -> None:
    """Ask Word to fill the tables of contents and page numbers when the file is opened."""
    ns = require("docx.oxml.ns", FEATURE)
    oxml = require("docx.oxml", FEATURE)
    settings = word.settings.element
    update = settings.find(ns.qn("w:updateFields"))
    if update is None:
        update = oxml.OxmlElement("w:updateFields")
        settings.append(update)
    update.set(ns.qn("w:val"), "true")


def page_numbers(section: Any, *, fmt: str, start: int | None = None) -> None:
    """Number the section's pages (``lowerRoman`` or ``decimal``) in its centred footer, from
    ``start`` or going on from the section before."""
    ns = require("docx.oxml.ns", FEATURE)
    oxml = require("docx.oxml", FEATURE)
    enum_text = require("docx.enum.text", FEATURE)
    properties = section._sectPr
    numbering = properties.find(ns.qn("w:pgNumType"))
    if numbering is None:
        numbering = oxml.OxmlElement("w:pgNumType")
        properties.append(numbering)
    numbering.set(ns.qn("w:fmt"), fmt)
    if start is not None:
        numbering.set(ns.qn("w:start"), str(start))
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.text = ""
    paragraph.alignment = enum_text.WD_ALIGN_PARAGRAPH.CENTER
    field(paragraph, "PAGE", "1")


def continue_numbering(section: Any) -> None:
    """A section that goes on with the page numbers of the one before (Word copies the
    section before's restart into a new section)."""
    ns = require("docx.oxml.ns", FEATURE)
    numbering = section._sectPr.find(ns.qn("w:pgNumType"))
    if numbering is not None:
        numbering.attrib.pop(ns.qn("w:start"), None)


def table_of_contents(word: Any, title: str, instruction: str, entries: list[str]) -> None:
    """A heading and a TOC field whose result spans one paragraph per entry: the entries
    stand as its text until Word fills it in with page numbers (so a reader that does not
    update fields still shows the list), and Word replaces them all."""
    # A heading Word does not list in the contents themselves (a template may lack the style).
    style = "TOC Heading" if _has(word, "TOC Heading") else None
    heading = word.add_paragraph(title, style=style)
    if style is None:
        heading.runs[0].bold = True
    lines = entries or [""]
    first = word.add_paragraph()
    _field_start(first, instruction, dirty=True)
    last = first
    for index, entry in enumerate(lines):
        paragraph = first if index == 0 else word.add_paragraph()
        _run(paragraph, "w:t", text=entry)
        last = paragraph
    _run(last, "w:fldChar", **{"w:fldCharType": "end"})


def field(paragraph: Any, instruction: str, shown: str, *, dirty: bool = False) -> None:
    """A complex field (``PAGE``, ``TOC …``) in ``paragraph``, ``shown`` as its current result;
    a dirty field is refreshed by Word on opening."""
    _field_start(paragraph, instruction, dirty=dirty)
    _run(paragraph, "w:t", text=shown)
    _run(paragraph, "w:fldChar", **{"w:fldCharType": "end"})


def _field_start(paragraph: Any, instruction: str, *, dirty: bool) -> None:
    begin = _run(paragraph, "w:fldChar", **{"w:fldCharType": "begin"})
    if dirty:
        begin.set(require("docx.oxml.ns", FEATURE).qn("w:dirty"), "true")
    code = _run(paragraph, "w:instrText", text=f" {instruction} ")
    code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    _run(paragraph, "w:fldChar", **{"w:fldCharType": "separate"})


def _run(paragraph: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
    """A run holding one element (``w:t``, ``w:fldChar``, ``w:instrText``), appended."""
    ns = require("docx.oxml.ns", FEATURE)
    oxml = require("docx.oxml", FEATURE)
    run = oxml.OxmlElement("w:r")
    element = oxml.OxmlElement(tag)
    for name, value in attributes.items():
        element.set(ns.qn(name), value)
    if text is not None:
        element.text = text
        if tag == "w:t":
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(element)
    paragraph._p.append(run)
    return element


def caption_styles(word: Any) -> None:
    """The paragraph styles of table and figure captions, which Daftar Tabel and Daftar
    Gambar list (``TOC \\t``)."""
    enum_style = require("docx.enum.style", FEATURE)
    for name in (TABLE_CAPTION_STYLE, FIGURE_CAPTION_STYLE):
        if not _has(word, name):
            style = word.styles.add_style(name, enum_style.WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = word.styles["Normal"]
            style.font.bold = name == TABLE_CAPTION_STYLE
            style.font.italic = name == FIGURE_CAPTION_STYLE
            style.paragraph_format.keep_with_next = name == TABLE_CAPTION_STYLE


def _has(word: Any, name: str) -> bool:
    return any(style.name == name for style in word.styles)


def _child(parent: Any, tag: str, oxml: Any, ns: Any) -> Any:
    found = parent.find(ns.qn(tag))
    if found is None:
        found = oxml.OxmlElement(tag)
        parent.append(found)
    return found
