"""What a command's AGENCY names: a registered agency's id, a workbook (``.xlsx``) or a YAML
data folder. An agency given as data needs no plugin: it publishes the standard table set,
and its printed report comes from ``--report``."""

from __future__ import annotations

from pathlib import Path

from attrs import frozen

from sakip.errors import DataError, UnknownCodeError, ValidationError
from sakip.model.agency_data import AgencyData
from sakip.model.printed import PrintedReport
from sakip.plugins.loaders import load_agency, load_report
from sakip.plugins.registrations import TableSpec
from sakip.plugins.registry import Registry
from sakip.readers.agency_yaml import load_agency_data
from sakip.readers.transcript_yaml import load_printed_report
from sakip.tables.standard import standard_tables


@frozen
class AgencySource:
    """An agency's data and the tables it publishes for a year."""

    data: AgencyData
    tables: tuple[TableSpec, ...]
    registered: bool
    """Whether a plugin registered it (and so maybe its printed report)."""

    @property
    def id(self) -> str:
        return self.data.agency.id


def is_path(argument: str) -> bool:
    """Whether AGENCY names a file or folder rather than a registered id."""
    return argument.endswith((".xlsx", ".xlsm")) or "/" in argument or Path(argument).exists()


def load_source(registry: Registry, argument: str, year: int) -> AgencySource:
    """The agency ``argument`` names, with the tables it publishes for ``year``.

    :raises UnknownCodeError: for an id no plugin registered that is no file or folder.
    :raises DataError: for a workbook or data folder with problems (all of them).
    """
    _not_both(registry, argument)
    if not is_path(argument):
        data = load_agency(registry, argument)
        _known_scale(registry, data, f"agency {argument!r}")
        return AgencySource(data, tuple(registry.tables_of(argument)), registered=True)
    path = Path(argument)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        if not path.exists():
            raise UnknownCodeError(f"no workbook {argument!r}")
        from sakip.workbook.reader import load_workbook_data

        data = load_workbook_data(path)
    elif path.is_dir():
        data = load_agency_data(path)
    else:
        raise UnknownCodeError(
            f"{argument!r} is no registered agency, workbook (.xlsx) or data folder"
        )
    where = str(path / "agency.yaml") if path.is_dir() else str(path)
    _known_scale(registry, data, where)
    return AgencySource(data, tuple(standard_tables(data, year)), registered=False)


def _not_both(registry: Registry, argument: str) -> None:
    """A word that is both a registered agency and a file or folder here is never guessed."""
    if argument in registry.agencies and "/" not in argument and Path(argument).exists():
        raise ValidationError(
            f"{argument!r} is both a registered agency and a file or folder here: write "
            f"./{argument} for the folder, or run the command elsewhere for the agency"
        )


def _known_scale(registry: Registry, data: AgencyData, where: str) -> None:
    """The agency's predicate scale is one sakip knows, whether or not a table prints a
    predicate: a misspelt code is found when the data is read, not in the report."""
    try:
        registry.scales.get(data.agency.scale)
    except UnknownCodeError as exc:
        raise DataError(where, "agency.scale", str(exc)) from None


def report_file_of(argument: str, year: int) -> Path | None:
    """The printed report a data folder holds for ``year`` (``report-2023.yaml``), if any."""
    path = Path(argument)
    candidate = path / f"report-{year}.yaml"
    return candidate if path.is_dir() and candidate.is_file() else None


def printed_report_of(
    registry: Registry, argument: str, year: int, report_file: Path | None = None
) -> PrintedReport:
    """The printed report to review for the agency ``argument`` names: ``report_file`` when
    given, else a data folder's ``report-<year>.yaml``, else the one its plugin registers.

    :raises ValidationError: for an agency given as data with no printed report.
    """
    report_file = report_file or report_file_of(argument, year)
    if report_file is not None:
        return load_printed_report(report_file)
    if is_path(argument):
        raise ValidationError(
            f"{argument}: an agency given as data has no registered report; give --report "
            f"FILE, or put the transcription in its data folder as report-{year}.yaml"
        )
    return load_report(registry, argument, year)
