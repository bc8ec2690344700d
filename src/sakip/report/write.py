"""Write an agency's LKjIP document for a year: compose it from the value model and the
agency's tables, then render it as Word, PDF or a web page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sakip.files import write_text
from sakip.model.findings import Finding
from sakip.model.printed import Table
from sakip.report.compose import compose
from sakip.report.html import html_page
from sakip.report.pdf import write_pdf
from sakip.report.word import write_docx
from sakip.values.model import ValueModel

FORMATS = ("docx", "pdf", "html")


def write_report(
    values: ValueModel,
    tables: Sequence[Table],
    year: int,
    fmt: str,
    output: Path,
    *,
    findings: Sequence[Finding] | None = None,
    template: Path | None = None,
) -> None:
    """Write the document of ``values``'s agency for ``year`` to ``output`` as ``fmt``.

    :param findings: the review's findings, printed as an annex when given.
    :param template: a Word document whose letterhead, styles and cover the report fills
        (docx only).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; expected {', '.join(FORMATS)}")
    images = ("svg",) if fmt == "html" else ("png",)
    document = compose(values, tables, year, findings, images=images)
    if fmt == "docx":
        write_docx(document, output, template)
    elif fmt == "pdf":
        write_pdf(document, output)
    else:
        write_text(output, html_page(document))
