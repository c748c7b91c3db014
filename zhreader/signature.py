"""The signature: one string naming everything that shaped an output.

sacrebleu-style ``key:value`` parts joined by ``|``, for example
``zhreader:0.1.0|seg:jieba-0.42.1+user:1f3a|py:pypinyin-0.55.0|...``.
Each stage contributes its parts; the order below keeps the string stable.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator, Mapping
from importlib import util
from pathlib import Path

from zhreader import __version__

PART_ORDER = ("zhreader", "seg", "py", "dict", "hsk", "gl", "mt", "beam", "ct2")
# zhreader's packages: code, tables, the pinyin context model, the templates.
PACKAGES = ("zhreader", "zhreader.pipeline", "zhreader.reader")
# A wheel carries the bundled glossary in the package, a checkout beside it; its
# entries have a part of their own (gl), so the code hash leaves the file out.
BUNDLED_GLOSSARY = "zhreader/glossary.tsv"


def short_hash(data: bytes | str, length: int = 6) -> str:
    """Return the first ``length`` hex digits of the SHA-256 of ``data``."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:length]


def package_files() -> Iterator[tuple[str, Path]]:
    """Yield (path within the packages, file) for every source and data file of zhreader.

    A wheel nests pipeline/ and reader/ inside zhreader/, a checkout keeps them
    beside it: each file is named by its place in the installed layout, once.
    """
    found: dict[str, Path] = {}
    for package in PACKAGES:
        spec = util.find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            for path in Path(folder).rglob("*"):
                if "__pycache__" not in path.parts and path.is_file():
                    name = f"{package.replace('.', '/')}/{path.relative_to(folder).as_posix()}"
                    found.setdefault(name, path)
    yield from sorted(found.items())


@functools.cache
def code_identity() -> str:
    """Return zhreader's version and a hash of its packages' files, by name and content.

    The version alone names a release; two checkouts between releases (an edited
    gloss rule, a rebuilt weights file) would share it, and a batch would keep
    outputs the new code no longer makes.
    """
    digest = hashlib.sha256()
    for name, path in package_files():
        if name != BUNDLED_GLOSSARY:
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return f"{__version__}+code:{digest.hexdigest()[:8]}"


def make_signature(parts: Mapping[str, str]) -> str:
    """Join signature parts in their fixed order; unknown keys follow, sorted."""
    merged = {"zhreader": __version__, **parts}
    known = [k for k in PART_ORDER if k in merged]
    extra = sorted(k for k in merged if k not in PART_ORDER)
    return "|".join(f"{k}:{merged[k]}" for k in known + extra)


def parse_signature(signature: str) -> dict[str, str]:
    """Split a signature back into its parts."""
    return dict(part.split(":", 1) for part in signature.split("|") if part)
