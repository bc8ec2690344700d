"""Every folder of the library is a package, so a non-editable install carries it."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "sakip"


def test_every_python_folder_has_an_init() -> None:
    folders = {path.parent for path in SRC.rglob("*.py")}
    assert (
        sorted(str(f.relative_to(SRC)) for f in folders if not (f / "__init__.py").exists()) == []
    )
