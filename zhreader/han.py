"""Han characters: the one definition of which code points are Chinese characters.

Every stage and renderer imports its ranges from here, so the segmenter, the
pinyin reader, the glossary checker, the quality flags and the editions agree on
what a Han character is. The ranges are the CJK Unified Ideographs blocks
(Unicode 17: the basic block and Extensions A to J), the two blocks of CJK
Compatibility Ideographs, and 〇 (U+3007, the ideographic zero, read líng).
"""

from __future__ import annotations

import functools
import re

# (first, last) code points, inclusive, in code point order. Unassigned code
# points inside a range are harmless: no text contains them.
HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x3007, 0x3007),  # 〇 IDEOGRAPHIC NUMBER ZERO (Script=Han)
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x2A6DF),  # Extension B
    (0x2A700, 0x2EE5F),  # Extensions C, D, E, F and I
    (0x2F800, 0x2FA1F),  # CJK Compatibility Ideographs Supplement
    (0x30000, 0x3347F),  # Extensions G, H and J
)


def _escape(code: int) -> str:
    return f"\\U{code:08x}"


# The body of a regular-expression character class: f"[{HAN_CLASS}]".
HAN_CLASS = "".join(
    _escape(lo) if lo == hi else f"{_escape(lo)}-{_escape(hi)}" for lo, hi in HAN_RANGES
)
HAN_RE = re.compile(f"[{HAN_CLASS}]")
HAN_RUN_RE = re.compile(f"[{HAN_CLASS}]+")


def js_han_class() -> str:
    """Return the class body for a JavaScript regular expression with the ``u`` flag."""
    return "".join(
        f"\\u{{{lo:X}}}" if lo == hi else f"\\u{{{lo:X}}}-\\u{{{hi:X}}}" for lo, hi in HAN_RANGES
    )


# Asked of every character of every word the pinyin stage reads; a corpus uses a
# few thousand characters, so each is worked out once (Unicode bounds the cache).
@functools.cache
def is_han(char: str) -> bool:
    """Return whether one character is a Han character."""
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in HAN_RANGES)


def has_han(text: str) -> bool:
    """Return whether the text contains a Han character."""
    return HAN_RE.search(text) is not None


def han_count(text: str) -> int:
    """Return how many Han characters the text contains."""
    return len(HAN_RE.findall(text))


def only_han(text: str) -> bool:
    """Return whether the text is non-empty and all Han characters."""
    return HAN_RUN_RE.fullmatch(text) is not None


__all__ = [
    "HAN_CLASS",
    "HAN_RANGES",
    "HAN_RE",
    "HAN_RUN_RE",
    "han_count",
    "has_han",
    "is_han",
    "js_han_class",
    "only_han",
]
