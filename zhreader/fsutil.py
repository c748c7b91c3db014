"""Writing files so that a crash never leaves half of one behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from zhreader.errors import output_error

# What a streamed file is made of: a function that writes it into an open binary file.
FileWriter = Callable[[BinaryIO], None]
# Text pieces are written out in chunks of about this many characters.
_CHUNK = 1 << 16


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def stage_file(path: Path, write: FileWriter, fsync: bool = True) -> Path:
    """Write a temporary file beside ``path`` with ``write(handle)``; return its name.

    ``commit_file`` renames it into place; ``discard_file`` removes it. An
    OSError (read-only folder, full disk, name too long) becomes an
    OutputError naming ``path``.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise output_error(path, err) from err
    try:
        # mkstemp makes the file private (0600); give it the mode open() would have.
        os.fchmod(fd, 0o666 & ~_current_umask())
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise output_error(path, err) from err
        raise
    return Path(tmp)


def commit_file(staged: Path, path: Path) -> None:
    """Rename a staged file into place (atomic on one file system)."""
    try:
        os.replace(staged, path)
    except OSError as err:
        staged.unlink(missing_ok=True)
        raise output_error(path, err) from err


def discard_file(staged: Path) -> None:
    """Remove a staged file that will not be committed."""
    staged.unlink(missing_ok=True)


def atomic_write_stream(path: Path, write: FileWriter, fsync: bool = True) -> None:
    """Write ``path`` with ``write(handle)`` through a temporary file, then rename.

    ``fsync=False`` skips the flush to disk: for derived files whose writer
    syncs once at the end of many (``os.sync``) and can write them again.
    """
    commit_file(stage_file(path, write, fsync), path)


def atomic_write_bytes(path: Path, data: bytes, fsync: bool = True) -> None:
    """Write ``data`` to ``path`` atomically (see ``atomic_write_stream``)."""
    atomic_write_stream(path, lambda handle: handle.write(data), fsync)


def atomic_write_text(path: Path, text: str, fsync: bool = True) -> None:
    """Write UTF-8 text atomically (see ``atomic_write_stream``)."""
    atomic_write_bytes(path, text.encode("utf-8"), fsync)


def text_writer(pieces: Callable[[], Iterable[str]]) -> FileWriter:
    """Return a writer of the UTF-8 text that ``pieces()`` yields, held a chunk at a time."""

    def write(handle: BinaryIO) -> None:
        chunk: list[str] = []
        size = 0
        for piece in pieces():
            chunk.append(piece)
            size += len(piece)
            if size >= _CHUNK:
                handle.write("".join(chunk).encode("utf-8"))
                chunk, size = [], 0
        handle.write("".join(chunk).encode("utf-8"))

    return write


__all__ = [
    "FileWriter",
    "atomic_write_bytes",
    "atomic_write_stream",
    "atomic_write_text",
    "commit_file",
    "discard_file",
    "stage_file",
    "text_writer",
]
