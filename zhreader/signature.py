"""The signature: one string naming everything that shaped an output.

sacrebleu-style ``key:value`` parts joined by ``|``, for example
``zhreader:0.1.0|seg:jieba-0.42.1+user:1f3a|py:pypinyin-0.55.0|...``.
Each stage contributes its parts; the order below keeps the string stable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from zhreader import __version__

PART_ORDER = ("zhreader", "seg", "py", "dict", "hsk", "gl", "mt", "beam", "ct2")


def short_hash(data: bytes | str, length: int = 6) -> str:
    """Return the first ``length`` hex digits of the SHA-256 of ``data``."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:length]


def make_signature(parts: Mapping[str, str]) -> str:
    """Join signature parts in their fixed order; unknown keys follow, sorted."""
    merged = {"zhreader": __version__, **parts}
    known = [k for k in PART_ORDER if k in merged]
    extra = sorted(k for k in merged if k not in PART_ORDER)
    return "|".join(f"{k}:{merged[k]}" for k in known + extra)


def parse_signature(signature: str) -> dict[str, str]:
    """Split a signature back into its parts."""
    return dict(part.split(":", 1) for part in signature.split("|") if part)
