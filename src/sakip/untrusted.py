"""Bounds on a file from outside, checked before any parser sees it: a regular file (not a
FIFO or a device that never ends), of a size sakip reads, and, for the zip packages of Office
files (.xlsx, .docx), members whose unpacked size and compression ratio stay within limits, so
that a 1 MB workbook cannot inflate to gigabytes in memory.

The limits are generous for real reports and workbooks (a 20 MB file is read in seconds) and
can be raised: by the ``limits`` argument of the readers, or for the command line by the
environment variables ``SAKIP_MAX_FILE_MB`` and ``SAKIP_MAX_UNPACKED_MB``.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from attrs import frozen

from sakip.errors import DataError

MB = 1024 * 1024


def _from_environment(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) * MB if value.isdigit() and int(value) > 0 else default


@frozen
class Limits:
    """How large a file from outside may be.

    :ivar file_bytes: the file itself.
    :ivar unpacked_bytes: all members of a zip package together, unpacked.
    :ivar ratio: how many times a member may unpack to its packed size (a member packed to
        less than a megabyte is never held to it: small XML compresses well).
    """

    file_bytes: int = 64 * MB
    unpacked_bytes: int = 512 * MB
    ratio: int = 200

    @classmethod
    def from_environment(cls) -> Limits:
        """The defaults, raised where ``SAKIP_MAX_FILE_MB`` or ``SAKIP_MAX_UNPACKED_MB`` say."""
        return cls(
            file_bytes=_from_environment("SAKIP_MAX_FILE_MB", cls().file_bytes),
            unpacked_bytes=_from_environment("SAKIP_MAX_UNPACKED_MB", cls().unpacked_bytes),
        )


def checked_file(path: Path, limits: Limits | None = None) -> None:
    """Refuse ``path`` unless it is a regular file within ``limits.file_bytes``.

    :raises DataError: naming the file and what it is, or the limit and how to raise it.
    """
    limits = limits or Limits.from_environment()
    try:
        status = path.stat()  # follows a link: what would be read
    except OSError as exc:
        raise DataError(str(path), "", f"cannot be read: {exc.strerror}") from None
    if not stat.S_ISREG(status.st_mode):
        kind = "a folder" if stat.S_ISDIR(status.st_mode) else "not a regular file"
        raise DataError(
            str(path), "", f"is {kind} (a pipe, a device or a socket is never read): give a file"
        )
    if status.st_size > limits.file_bytes:
        raise DataError(
            str(path),
            "",
            f"is {status.st_size // MB} MB, more than the {limits.file_bytes // MB} MB sakip "
            "reads; set SAKIP_MAX_FILE_MB to read a larger file",
        )


def checked_package(path: Path, limits: Limits | None = None) -> None:
    """Refuse a zip package (.xlsx, .docx) whose members would unpack beyond ``limits``;
    a file that is no zip at all is left to its reader, which says what it is.

    :raises DataError: naming the member and the limit.
    """
    limits = limits or Limits.from_environment()
    checked_file(path, limits)
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError):
        return
    total = 0
    for member in members:
        total += member.file_size
        packed = max(member.compress_size, 1)
        if member.file_size > MB and member.file_size > limits.ratio * packed:
            raise DataError(
                str(path),
                member.filename,
                f"unpacks from {packed:,} to {member.file_size:,} bytes, more than "
                f"{limits.ratio} times: a damaged or hostile file; sakip does not read it",
            )
        if total > limits.unpacked_bytes:
            raise DataError(
                str(path),
                member.filename,
                f"unpacks to more than {limits.unpacked_bytes // MB} MB; set "
                "SAKIP_MAX_UNPACKED_MB to read a larger file",
            )
