"""Read an input file: detect its encoding, decode it strictly, keep every character.

Detection is explicit and deterministic: a byte-order mark decides first
(UTF-8, UTF-16, UTF-32); without one the bytes must decode strictly as UTF-8,
else strictly as GB18030 (a superset of GBK and GB2312). Nothing else is
guessed, so the same bytes always give the same text.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from zhreader.errors import InputError
from zhreader.pipeline.inbox import size_message

# Longest BOM first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Characters XML 1.0 forbids; tab, LF and CR are allowed and kept.
_FORBIDDEN = re.compile(
    "[\U00000000-\U00000008\U0000000b\U0000000c\U0000000e-\U0000001f\U0000fffe\U0000ffff]"
)
_LINE_BREAK = re.compile("\r\n|\r|\n")

# More forbidden control characters than this share of the text (and than a
# handful of stray ones) means binary data.
_MAX_CONTROL_SHARE = 0.01
_MAX_STRAY_CONTROLS = 8


@dataclass(frozen=True)
class SourceText:
    """The decoded input: text with forbidden control characters removed."""

    path: Path
    text: str
    encoding: str
    sha256: str  # of the raw bytes, as read
    # Each removed control character, as "U+0007 at line 3".
    removed: tuple[str, ...] = ()


def read_source(path: Path, max_bytes: int | None = None) -> SourceText:
    """Read and decode one input file; raise InputError when it cannot be used.

    An input over ``max_bytes`` is refused before more than that is read.
    """
    path = Path(path)
    try:
        data = _read_bytes(path, max_bytes)
    except FileNotFoundError:
        raise InputError("input file not found", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("input is a directory, not a text file", file=str(path)) from None
    except OSError as err:
        raise InputError(f"cannot read input: {err.strerror}", file=str(path)) from None
    text, encoding = decode_bytes(data, str(path))
    clean, removed = remove_forbidden(text)
    if len(removed) > max(_MAX_STRAY_CONTROLS, _MAX_CONTROL_SHARE * len(text)):
        raise _binary(str(path), f"{len(removed)} control characters")
    return SourceText(path, clean, encoding, hashlib.sha256(data).hexdigest(), tuple(removed))


def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    with path.open("rb") as handle:
        data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
        if max_bytes is not None and len(data) > max_bytes:
            size = os.fstat(handle.fileno()).st_size
            raise InputError(size_message(max(size, len(data)), max_bytes), file=str(path))
    return data


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding name) for the raw bytes of the file ``name``."""
    if not data:
        raise InputError("input file is empty", file=name, hint="give a UTF-8 or GB18030 text file")
    for bom, encoding, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec, encoding, name)
            return _non_blank(text, name), encoding
    if b"\x00" in data:
        raise _binary(name, "NUL bytes")
    for encoding in ("utf-8", "gb18030"):
        try:
            return _non_blank(data.decode(encoding), name), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(
        "input is neither UTF-8 nor GB18030/GBK text",
        file=name,
        hint="convert it to UTF-8, e.g. iconv -f BIG5 -t UTF-8",
    )


def remove_forbidden(text: str) -> tuple[str, list[str]]:
    """Remove characters XML forbids; return the text and "U+XXXX at line N" for each."""
    if not _FORBIDDEN.search(text):
        return text, []
    removed = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        removed.extend(f"U+{ord(ch):04X} at line {number}" for ch in _FORBIDDEN.findall(line))
    return _FORBIDDEN.sub("", text), removed


def split_lines(text: str) -> list[str]:
    """Split text at LF, CRLF or CR only (never at other Unicode separators)."""
    return _LINE_BREAK.split(text)


def _strict(data: bytes, codec: str, encoding: str, name: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(
            f"input has a {encoding} byte-order mark but byte {err.start} is not {encoding}",
            file=name,
            hint="the file is damaged or mislabelled",
        ) from None
    # utf-16/utf-32 codecs consume the BOM; utf-8-sig does too.
    return text


def _non_blank(text: str, name: str) -> str:
    if not text.strip():
        raise InputError("input has no text (only whitespace)", file=name)
    return text


def _binary(name: str, why: str) -> InputError:
    return InputError(
        f"input looks binary ({why}), not text", file=name, hint="give a UTF-8 or GB18030 text file"
    )


__all__ = ["SourceText", "decode_bytes", "read_source", "remove_forbidden", "split_lines"]
