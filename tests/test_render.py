"""Rendering tables: every format, a clear error for an unknown one, and escaped HTML."""

from __future__ import annotations

import json

import pytest

from sakip import Table, ValidationError, render_tables

TABLE = Table(
    id="3.1",
    title="Capaian <IKU>",
    columns=("Indikator", "Capaian"),
    rows=(("Tingkat <b>pengangguran</b>", "121,98"),),
)


def test_an_unknown_format_names_the_ones_there_are() -> None:
    with pytest.raises(ValidationError, match=r"unknown table format 'pdf': expected one of text"):
        render_tables([TABLE], "pdf")


def test_html_escapes_the_title_and_the_cells() -> None:
    html = render_tables([TABLE], "html")
    assert "<h2>Tabel 3.1 Capaian &lt;IKU&gt;</h2>" in html
    assert "<b>" not in html


def test_json_keeps_every_cell_as_printed() -> None:
    (table,) = json.loads(render_tables([TABLE], "json"))
    assert table["rows"] == [["Tingkat <b>pengangguran</b>", "121,98"]]
    assert table["columns"] == ["Indikator", "Capaian"]
