"""Writing an output file: never through a symbolic link.

A link left at an output's name (``report-2023.yaml`` → ``/etc/…``), dangling or not, would
have sakip write outside the folder the user gave; the file is refused instead, with its name.
"""

from __future__ import annotations

import os
from pathlib import Path

from sakip.errors import ValidationError


def write_text(path: Path, text: str, *, newline: str | None = None) -> None:
    """Write ``text`` to ``path`` in UTF-8, refusing a symbolic link at ``path``.

    :param newline: as :func:`open`'s (``""`` writes line ends as they are in ``text``).
    :raises ValidationError: for a link at ``path``.
    """
    if path.is_symlink():
        raise ValidationError(
            f"{path} is a symbolic link (to {os.readlink(path)}): sakip does not write through "
            "a link; remove it or choose another name"
        )
    # O_NOFOLLOW: a link made between the check and the open is refused too.
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags, 0o666)
    except OSError as exc:
        raise ValidationError(f"{path}: cannot be written: {exc.strerror}") from None
    with open(descriptor, "w", encoding="utf-8", newline=newline) as file:
        file.write(text)
