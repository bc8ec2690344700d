"""The library's exceptions.

Every error raised on purpose is a :class:`SakipError`, so a caller (and the CLI) can tell
bad input from a bug. Errors in *data* say where the bad value is; errors in *plugins* name
the plugin.
"""

from __future__ import annotations


class SakipError(Exception):
    """Base class of every error the library raises on purpose."""


class NumberError(SakipError, ValueError):
    """A value that is not an acceptable number (a float, or text in the wrong form)."""


class ValidationError(SakipError, ValueError):
    """A domain record was given a field value outside its expected form."""


class ZeroDenominatorError(SakipError, ArithmeticError):
    """An achievement or absorption would divide by zero and the policy says to refuse."""


class UnknownCodeError(SakipError, LookupError):
    """A formula, scale, agency, table or check code that nothing registered."""


class NoDataError(SakipError, LookupError):
    """The agency's data holds nothing for the year asked: no table is made of ``-`` and 0."""


class PluginError(SakipError):
    """A plugin is broken: it fails to import, misspells a hook or registers badly."""


class DuplicateCodeError(PluginError):
    """Two registrations claim the same code."""


class DataError(SakipError, ValueError):
    """An agency's data file holds a value that is missing or of the wrong form.

    :param source: the file (or other origin) the value came from.
    :param place: where in it: a line and a path such as ``line 12, objectives[0].target``.
    :param message: what was expected and what was found.
    """

    def __init__(self, source: str, place: str, message: str) -> None:
        self.source = source
        self.place = place
        self.message = message
        location = f"{source}, {place}" if place else source
        super().__init__(f"{location}: {message}")


class CollectedDataError(DataError):
    """Every problem found in reading an agency's data files, in one run, each with its file
    and line: an agency's staff fix them all at once."""

    def __init__(self, problems: list[DataError]) -> None:
        self.problems = problems
        count = f"{len(problems)} problems"
        listed = "\n".join(f"  {problem}" for problem in problems)
        sources = list(dict.fromkeys(problem.source for problem in problems))
        super().__init__(", ".join(sources), "", f"{count}:\n{listed}")


class WorkbookError(DataError):
    """Every problem of a workbook, each naming its sheet and cell (``capaian!C14``), found in
    one run: an agency's staff fix them all at once."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        listed = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(source, "", f"{count}:\n{listed}")


class MissingExtraError(SakipError, ImportError):
    """A feature needs an optional dependency that is not installed; names the extra."""
