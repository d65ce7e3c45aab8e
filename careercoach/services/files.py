"""Reading and writing the user's files with clear errors and without half-written results."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from careercoach.domain.errors import UserError


def read_bytes(path: Path, limit: int, what: str) -> bytes:
    """The content of a regular file of at most ``limit`` bytes, or a UserError saying why not.

    ``what`` names what the file should be ("a ladder file"), for the too-large message.
    """
    try:
        if path.is_dir():
            raise IsADirectoryError(path)
        if path.exists() and not path.is_file():
            raise UserError("file-not-regular", f"{path}: is not a regular file", path=str(path))
        if path.stat().st_size > limit:
            raise UserError(
                "file-too-large",
                f"{path}: is larger than {limit // 1_000_000} MB; this is not {what}",
                path=str(path),
            )
        return path.read_bytes()
    except FileNotFoundError as error:
        raise UserError("file-not-found", f"{path}: no such file", path=str(path)) from error
    except IsADirectoryError as error:
        raise UserError("file-is-directory", f"{path}: is a folder, not a file") from error
    except OSError as error:
        raise UserError("file-unreadable", f"{path}: {error.strerror}", path=str(path)) from error


def write_text_file(path: Path, content: str) -> None:
    """Write ``content`` as UTF-8, replacing ``path`` only once it is complete.

    Raises:
        UserError: the file cannot be written; an existing file is left as it was.
    """
    write_bytes_file(path, content.encode("utf-8"))


def write_bytes_file(path: Path, content: bytes) -> None:
    """Write ``content``, replacing ``path`` only once it is complete.

    Raises:
        UserError: the file cannot be written; an existing file is left as it was.
    """
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(content)
        os.replace(partial, path)
    except OSError as error:
        with contextlib.suppress(OSError):  # e.g. the "folder" is a file: nothing to remove
            partial.unlink(missing_ok=True)
        raise UserError(
            "file-unwritable", f"{path}: {error.strerror or error}", path=str(path)
        ) from error
