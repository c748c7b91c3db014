"""Pinyin for a segmented sentence: word readings, surnames, capitals, 一/不 sandhi.

First version: pypinyin's phrase readings per word; the context model comes next.
"""

from __future__ import annotations

from collections.abc import Sequence

from zhreader.signature import short_hash

# Han characters: CJK Unified Ideographs and extensions, compatibility ideographs, 〇.
_HAN_RANGES = (
    ("\U00003400", "\U00004DBF"),
    ("\U00004E00", "\U00009FFF"),
    ("\U0000F900", "\U0000FAFF"),
    ("\U00020000", "\U0002FA1F"),
    ("\U00030000", "\U000323AF"),
)
_LING = "\U00003007"

# Readings of multi-reading characters used as surnames (first character of a name).
SURNAMES: dict[str, tuple[str, ...]] = {
    "单": ("shàn",), "解": ("xiè",), "区": ("ōu",), "仇": ("qiú",), "朴": ("piáo",),
    "查": ("zhā",), "乐": ("yuè",), "盖": ("gě",), "曾": ("zēng",), "覃": ("qín",),
    "翟": ("zhái",), "缪": ("miào",), "种": ("chóng",), "尉迟": ("yù", "chí"),
    "万俟": ("mò", "qí"), "长孙": ("zhǎng", "sūn"), "令狐": ("líng", "hú"),
}


def is_han(char: str) -> bool:
    """Return True for a Han character (an ideograph that has a reading)."""
    return char == _LING or any(lo <= char <= hi for lo, hi in _HAN_RANGES)


class PinyinReader:
    """Read the pinyin of a segmented sentence; load once, call per sentence."""

    def __init__(self, pypinyin_module) -> None:
        self._pypinyin = pypinyin_module

    @classmethod
    def initialize(cls) -> PinyinReader:
        """Load pypinyin and its dictionaries once."""
        import pypinyin

        return cls(pypinyin)

    def read(self, words: Sequence[str], kinds: Sequence[str]) -> list[tuple[str, ...]]:
        """Return one tuple of tone-marked syllables per word (one per Han character)."""
        return [self._word(word, kind) for word, kind in zip(words, kinds, strict=True)]

    def signature_part(self) -> str:
        """Name the readings' sources and versions."""
        return f"pypinyin-{self._pypinyin.__version__}+sur:{short_hash(repr(SURNAMES))}"

    def _word(self, word: str, kind: str) -> tuple[str, ...]:
        han = "".join(c for c in word if is_han(c))
        if not han:
            return ()
        syllables = list(self._citation(han))
        if kind == "name":
            return _name_syllables(han, syllables)
        if kind == "place":
            syllables[0] = _capital(syllables[0])
        return tuple(syllables)

    def _citation(self, han: str) -> list[str]:
        readings = self._pypinyin.pinyin(
            han, style=self._pypinyin.Style.TONE, errors=lambda x: [[""] for _ in x]
        )
        return [_undo_sandhi(char, r[0]) for char, r in zip(han, readings, strict=True)]


def _undo_sandhi(char: str, syllable: str) -> str:
    """Return the dictionary tone where pypinyin's phrases carry the 一/不 sandhi."""
    if char == "一" and syllable in ("yí", "yì"):
        return "yī"
    if char == "不" and syllable == "bú":
        return "bù"
    return syllable


def _capital(syllable: str) -> str:
    return syllable[:1].upper() + syllable[1:]


def _name_syllables(han: str, syllables: list[str]) -> tuple[str, ...]:
    """Read a person's name: the surname's own reading, capitals on both parts."""
    size = 2 if han[:2] in SURNAMES else 1
    surname = SURNAMES.get(han[:size])
    if surname is not None:
        syllables[:size] = surname
    syllables[0] = _capital(syllables[0])
    if len(syllables) > size:
        syllables[size] = _capital(syllables[size])
    return tuple(syllables)


def apply_sandhi(
    words: Sequence[str], readings: Sequence[tuple[str, ...]]
) -> list[tuple[str, ...] | None]:
    """Return the 一/不 sandhi form of each word's syllables, None where unchanged."""
    from zhreader.pinyin_text import tone_of

    flat: list[tuple[str, str, int, int]] = []  # char, syllable, word index, position
    for index, (word, syllables) in enumerate(zip(words, readings, strict=True)):
        han = [c for c in word if is_han(c)]
        for pos, (char, syllable) in enumerate(zip(han, syllables, strict=False)):
            flat.append((char, syllable, index, pos))
    out = [list(s) for s in readings]
    for i, (char, _syllable, index, pos) in enumerate(flat):
        nxt = flat[i + 1] if i + 1 < len(flat) else None
        if nxt is None or char not in "一不":
            continue
        tone = tone_of(nxt[1])
        if char == "不" and tone == 4:
            out[index][pos] = "bú"
        elif char == "一" and tone in (1, 2, 3, 4):
            out[index][pos] = "yí" if tone == 4 else "yì"
    pairs = zip(out, readings, strict=True)
    return [tuple(new) if tuple(new) != tuple(old) else None for new, old in pairs]


__all__ = ["SURNAMES", "PinyinReader", "apply_sandhi", "is_han"]
