"""The one definition of Han characters: every range edge, and no stray copies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zhreader.han import HAN_CLASS, HAN_RANGES, HAN_RE, han_count, has_han, is_han, only_han

ROOT = Path(__file__).resolve().parents[1]


def _edges() -> list[tuple[str, bool]]:
    cases = []
    for lo, hi in HAN_RANGES:
        cases += [(chr(lo), True), (chr(hi), True)]
        for outside in (lo - 1, hi + 1):
            inside_another = any(a <= outside <= b for a, b in HAN_RANGES)
            cases.append((chr(outside), inside_another))
    return cases


@pytest.mark.parametrize(
    ("char", "han"), _edges(), ids=lambda v: f"U+{ord(v):04X}" if isinstance(v, str) else str(v)
)
def test_every_range_edge(char: str, han: bool) -> None:
    assert is_han(char) is han
    assert bool(HAN_RE.fullmatch(char)) is han
    assert bool(re.fullmatch(f"[{HAN_CLASS}]", char)) is han


@pytest.mark.parametrize(
    ("char", "han"),
    [
        ("中", True), ("〇", True), ("𠀀", True), ("\U0002ebf0", True), ("\U00031350", True),
        ("\U00004dc0", False), ("\U0000a000", False), ("。", False), ("a", False),
        ("\U00003006", False), ("\U00002f00", False), ("１", False),
    ],
)  # fmt: skip
def test_known_characters(char: str, han: bool) -> None:
    assert is_han(char) is han


def test_helpers() -> None:
    assert han_count("A股市〇一") == 4
    assert has_han("x中") and not has_han("abc")
    assert only_han("王芳") and not only_han("王 芳") and not only_han("")


def test_ranges_are_sorted_and_disjoint() -> None:
    for (_, hi), (lo, _) in zip(HAN_RANGES, HAN_RANGES[1:], strict=False):
        assert hi < lo


# Spellings of a Han range's start: U+4E00 (the basic block), U+3400 (Extension
# A) and U+20000 (Extension B), as Python or JavaScript escapes, hex literals, or
# the characters themselves inside a character class.
_STRAY = re.compile(
    r"\\[uU]0*(?:4e00|3400|20000)\b|\\u\{0*(?:4e00|3400|20000)\}|0x0*(?:4e00|3400|20000)\b"
    r"|\[[^\]]*(?:一-|\u4e00-)",
    re.IGNORECASE,
)


def test_no_other_module_defines_a_han_range() -> None:
    stray = []
    for folder in ("pipeline", "reader", "zhreader", "benchmarks", "scripts"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in {".py", ".js", ".html", ".xhtml"} or path.name == "han.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if _STRAY.search(line):
                    stray.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert stray == [], "Han ranges belong in zhreader/han.py:\n" + "\n".join(stray)
