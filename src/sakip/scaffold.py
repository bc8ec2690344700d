"""``sakip new-plugin``: a working agency plugin package to start from.

The package has an entry point, data files for a one-objective agency, the tables its
LKjIP publishes, the LKjIP as printed, and tests that pass; an agency replaces the data
with its own.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from sakip.errors import ValidationError
from sakip.resources import package_file

NAME_PATTERN = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"

# Where each file goes (placeholders in braces) and the template it is made from.
FILES = {
    "pyproject.toml": "pyproject.toml.tmpl",
    "README.md": "README.md.tmpl",
    "src/{package}/__init__.py": "__init__.py.tmpl",
    "src/{package}/py.typed": None,
    "src/{package}/data/agency.yaml": "agency.yaml.tmpl",
    "src/{package}/data/programs.yaml": "programs.yaml.tmpl",
    "src/{package}/data/report-{year}.yaml": "report.yaml.tmpl",
    "tests/test_plugin.py": "test_plugin.py.tmpl",
}


def new_plugin(name: str, directory: Path, year: int) -> list[Path]:
    """Write the package ``sakip-<name>`` into ``directory/<name>``; return the files.

    :param name: the agency id, lower-case words joined by ``-`` (``dinas-kominfo``); the
        Python package is the same with ``_``.
    :raises ValidationError: for a name that is not such an id, or a folder that exists.
    """
    if not re.fullmatch(NAME_PATTERN, name):
        raise ValidationError(
            f"plugin name {name!r}: expected lower-case words joined by '-', starting with a "
            f"letter, such as 'dinas-kominfo'"
        )
    root = directory / name
    if root.exists():
        raise ValidationError(f"{root} already exists; choose another name or --directory")
    values = {
        "name": name,
        "package": name.replace("-", "_"),
        "title": " ".join(word.capitalize() for word in name.split("-")),
        "year": str(year),
    }
    written = []
    for target, template in FILES.items():
        path = root / target.format(**values)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "" if template is None else _render(template, values)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def _render(template: str, values: dict[str, str]) -> str:
    source = package_file("templates", "plugin", template).read_text(encoding="utf-8")
    return Template(source).substitute(values)
