"""Review a published LKjIP from its file, with no plugin and no transcription."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import attrs
from attrs import frozen

from sakip.documents.assemble import find_tables
from sakip.documents.formats import read_blocks
from sakip.documents.inference import Inference, infer_report
from sakip.documents.passages import passages_of
from sakip.errors import ValidationError
from sakip.model.findings import Finding
from sakip.plugins.registry import Registry
from sakip.reviewing.run import review_report
from sakip.rounding import RoundingPolicy
from sakip.rules.formulas import Formula
from sakip.rules.scales import BUILTIN_SCALES, Scale
from sakip.writers.agency_yaml import DATA_FILES, dump_agency_data
from sakip.writers.transcript_yaml import dump_printed_report


@frozen
class DocumentReview:
    """What reviewing a document gives: its findings, and what was read to find them (the
    printed report with the subjects inferred, and the data the report gives)."""

    findings: list[Finding]
    inference: Inference


def read_document(
    path: Path,
    *,
    formulas: Sequence[Formula] = (),
    year: int | None = None,
    rounding: RoundingPolicy | None = None,
    scale: str | None = None,
    scales: Sequence[Scale] = (),
) -> Inference:
    """Read a report file (``.docx``, ``.pdf``, ``.xlsx`` or tab-separated text) into its
    printed tables, each figure with the subject it was inferred to state, and the data the
    report itself gives.

    :param rounding: the agency's rounding of achievements; default half-up to the decimals
        the report prints its rates with.
    :param scale: the code of the agency's predicate scale; default the one of ``scales``
        (sakip's own when none are given) whose labels the report prints.
    :raises DataError: for a file that cannot be read.
    :raises ValidationError: for a file with no table of figures, or whose year cannot be
        told (give ``year``).
    """
    blocks = read_blocks(path)
    tables = find_tables(blocks)
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "laporan"
    inference = infer_report(
        tables,
        source=str(path),
        agency_id=stem if stem[0].isalpha() else f"laporan-{stem}",
        agency_name=path.stem,
        year=year,
        rounding=rounding,
        scale=scale,
        formulas=formulas,
        scales=scales or BUILTIN_SCALES,
    )
    # The text beside the tables reaches the review as it is printed: what it states is
    # checked there (a formula written out), not inferred here.
    report = attrs.evolve(inference.report, passages=passages_of(blocks))
    return attrs.evolve(inference, report=report)


def review_document(
    registry: Registry,
    path: Path,
    *,
    year: int | None = None,
    rounding: RoundingPolicy | None = None,
    scale: str | None = None,
    lang: str = "id",
    checks: Sequence[str] = (),
) -> DocumentReview:
    """Review a report file with every registered check (plugin checks included), on the
    subjects inferred from it. A finding on a figure whose reading is unsure says what was
    assumed, and an error there is reported as a warning."""
    formulas = list(registry.formulas)
    inference = read_document(
        path,
        formulas=formulas,
        year=year,
        rounding=rounding,
        scale=scale,
        scales=list(registry.scales),
    )
    findings = review_report(registry, inference.report, inference.data, lang=lang, checks=checks)
    return DocumentReview(findings, inference)


def write_transcript(inference: Inference, path: Path) -> list[Path]:
    """Write what was inferred: the transcription to ``path`` and the data the report gives
    beside it, as a data folder, so that ``sakip check FOLDER --report path`` (or ``sakip
    check FOLDER`` for a file named ``report-<year>.yaml``) runs the review again.

    :raises ValidationError: when the folder already holds agency data (nothing is
        overwritten) or ``path`` is no ``.yaml`` file.
    """
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise ValidationError(f"--write-transcript {path}: give a .yaml file")
    folder = path.parent
    taken = [name for name in DATA_FILES if (folder / name).exists()]
    if taken or path.exists():
        names = ", ".join(str(folder / name) for name in taken) or str(path)
        raise ValidationError(
            f"--write-transcript {path}: {names} exists already; give a new folder (nothing "
            f"was overwritten)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    written = dump_agency_data(inference.data, folder)
    dump_printed_report(inference.report, path)
    return [*written, path]
