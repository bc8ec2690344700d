"""Files shipped inside the sakip package (message catalogs, scaffold templates)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def package_file(*parts: str) -> Traversable:
    """A file or folder under ``src/sakip``, wherever the package is installed."""
    path = files("sakip")
    for part in parts:
        path = path / part
    return path
