"""Review messages in the auditor's language, from gettext catalogs (PO files).

English is the source language: the messages in the code are the message ids, and
``sakip/locale/<lang>/LC_MESSAGES/sakip.po`` translates them (Indonesian ships with sakip).
Messages use ``{name}`` placeholders. A message with no translation is shown in English.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from babel.messages.pofile import read_po

from sakip.errors import UnknownCodeError
from sakip.model.printed import Place
from sakip.resources import package_file

SOURCE_LANGUAGE = "en"
LANGUAGES = ("id", SOURCE_LANGUAGE)
"""Languages a review can be written in; Indonesian is the default."""


@cache
def catalog(lang: str) -> dict[str, str]:
    """The translations of one language, message id to text; empty for English."""
    if lang not in LANGUAGES:
        raise UnknownCodeError(
            f"no messages in language {lang!r}; available: {', '.join(LANGUAGES)}"
        )
    if lang == SOURCE_LANGUAGE:
        return {}
    with package_file("locale", lang, "LC_MESSAGES", "sakip.po").open("rb") as file:
        entries = read_po(file, locale=lang, domain="sakip")
    return {
        str(entry.id): str(entry.string)
        for entry in entries
        if entry.id and entry.string and not entry.fuzzy
    }


class Messages:
    """Translate and fill in a message: ``say("Table {table}", table="3.7")``."""

    def __init__(self, lang: str = LANGUAGES[0], *, read_from_report: bool = False) -> None:
        self.lang = lang
        self._texts = catalog(lang)
        # A report read from its file has no agency data beside it: what the checks call
        # "the agency's data" is then what the rest of the report gives.
        self._instead = _FROM_REPORT if read_from_report else {}

    def __call__(self, message: str, /, **params: Any) -> str:
        message = self._instead.get(message, message)
        return self._texts.get(message, message).format(**params)


def say(message: str) -> str:
    """Mark a message for the catalog where it is written down, to be translated when a
    :class:`Messages` says it."""
    return message


_FROM_REPORT = {
    # The places listed before it are the rest of the report: nothing to add.
    " and in the agency's data": "",
    "Printed as {printed}, but the agency's data gives {expected}.{hint}": say(
        "Printed as {printed}, but the rest of the report gives {expected}.{hint}"
    ),
}


def describe_place(say: Messages, place: Place) -> str:
    """A place as the auditor reads it: ``Tabel 3.7, baris 14 (…), kolom %``; in the text,
    ``Teks pada halaman 4: “…”``."""
    if place.in_text:
        origin = say_origin(say, place.table)
        return say("Text at {origin}: “{sentence}”", origin=origin, sentence=place.label)
    if place.label:
        return say(
            "Table {table}, row {row} ({label}), column {column}",
            table=place.table,
            row=place.row,
            label=place.label,
            column=place.column,
        )
    return say(
        "Table {table}, row {row}, column {column}",
        table=place.table,
        row=place.row,
        column=place.column,
    )


_ORIGIN = re.compile(r"^(line|page|paragraph) (\d+)$")


def say_origin(say: Messages, origin: str) -> str:
    """Where a passage of text is, in the auditor's language: ``halaman 4``."""
    match = _ORIGIN.match(origin)
    if match is None:
        return origin
    number = match[2]
    return {
        "line": say("line {number}", number=number),
        "page": say("page {number}", number=number),
        "paragraph": say("paragraph {number}", number=number),
    }[match[1]]
