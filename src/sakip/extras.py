"""Optional dependencies: imported when a feature needs them, with a message naming the
extra that installs them when they are missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from sakip.errors import MissingExtraError

EXTRAS = {
    "openpyxl": "excel",
    "docx": "report",
    "matplotlib": "report",
    "typst": "report",
    "polars": "batch",
    "numpy": "batch",
    "pyarrow": "batch",
    "pdfplumber": "documents",
    "rapidfuzz": "documents",
}
"""Each optional module and the extra of sakip that installs it."""


def require(module: str, feature: str) -> ModuleType:
    """Import ``module`` for ``feature``, or say which extra to install.

    :raises MissingExtraError: ``reading a workbook needs openpyxl: pip install 'sakip[excel]'``.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        extra = EXTRAS.get(top, "")
        hint = f"pip install 'sakip[{extra}]'" if extra else f"pip install {module}"
        package = "python-docx" if top == "docx" else top
        raise MissingExtraError(f"{feature} needs {package}: {hint}") from None
