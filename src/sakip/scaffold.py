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
    # Named after the package, so that several scaffolded plugins test in one pytest run.
    "tests/test_{package}.py": "test_plugin.py.tmpl",
}
MAX_NAME = 60
"""Characters in a plugin's name: its package and folder names must fit any file system."""


def new_plugin(name: str, directory: Path, year: int) -> list[Path]:
    """Write the package ``sakip-<name>`` into ``directory/<name>``; return the files.

    :param name: the agency id, lower-case words joined by ``-`` (``dinas-kominfo``). The
        distribution is ``sakip-<name>`` and the Python package ``sakip_<name>`` (``-`` as
        ``_``): neither can be the name of an installed package or of the standard library
        (``yaml``, ``json``, ``sakip``) nor a Python keyword (``class``).
    :raises ValidationError: for a name that is not such an id, a folder that exists (or
        is a dangling link), or a folder that cannot be made there.
    """
    if not re.fullmatch(NAME_PATTERN, name) or len(name) > MAX_NAME:
        raise ValidationError(
            f"plugin name {name!r}: expected lower-case words joined by '-', starting with a "
            f"letter, at most {MAX_NAME} characters, such as 'dinas-kominfo'"
        )
    root = directory / name
    if root.exists() or root.is_symlink():
        raise ValidationError(f"{root} already exists; choose another name or --directory")
    try:
        root.mkdir(parents=True)
    except OSError as exc:
        raise ValidationError(
            f"--directory {directory}: cannot make the folder {name!r} there: {exc.strerror or exc}"
        ) from None
    values = {
        "name": name,
        "package": "sakip_" + name.replace("-", "_"),
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
