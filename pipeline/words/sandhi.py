"""Spoken tones: the sandhi of 一 and 不 across word boundaries, and neutral tones.

The edition stores citation tones, one per character; this derives the spoken
ones for the editions' display option (Token.sandhi): the 一/不 sandhi below,
and the neutral tone that a dictionary writes into a word (认识 rènshi, 衣服
yīfu, 晚上 wǎnshang; ``neutral_tones``). Rules, after the standard account
(Chao, *A Grammar of Spoken Chinese*, 1968; 《现代汉语词典》 usage notes):

- 不 bù becomes bú before a fourth tone (不是 bú shì, 不要 bú yào).
- 一 yī becomes yí before a fourth tone and yì before a first, second or third
  (一个 yí gè, 一天 yì tiān, 一人一业 yì rén yí yè); it keeps yī at the end of a
  word of several characters (统一, 唯一), before a pause or the end, as an
  ordinal (第一), inside numbers (十一, 一九四九, 一一) and in the month 一月.

Only a syllable in its citation tone (yī, bù) is changed, so neutral-tone
readings chosen upstream (对不起 duìbuqǐ) stay as they are.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import NamedTuple

from zhreader.pinyin_text import tone_of

# Numerals that make a following 一 of the same word part of a number (十一).
_NUMERALS = frozenset("零〇一二三四五六七八九十百千万亿两")
_DIGITS = frozenset("零〇一二三四五六七八九")


class _Syllable(NamedTuple):  # a tuple: one per Han character of a line, made fast
    position: int  # in the sentence
    char: str
    syllable: str
    word: int
    slot: int
    word_final: bool  # last Han character of a word of two or more


class _Line:
    """A line's words and readings, asked for the syllable at a position of its text."""

    def __init__(self, words, readings, is_han) -> None:
        self.words, self.readings, self._is_han = words, readings, is_han
        self.starts = list(accumulate(map(len, words), initial=0))

    def at(self, position: int) -> _Syllable | None:
        """Return the syllable of the Han character at ``position``, None if it has none."""
        if not 0 <= position < self.starts[-1]:
            return None
        w = bisect_right(self.starts, position) - 1
        word, offset = self.words[w], position - self.starts[w]
        if not self._is_han(word[offset]):
            return None
        han = [i for i, c in enumerate(word) if self._is_han(c)]
        slot = han.index(offset)
        if slot >= len(self.readings[w]):
            return None
        final = len(han) > 1 and slot == len(han) - 1
        return _Syllable(position, word[offset], self.readings[w][slot], w, slot, final)


def _yi(prev: _Syllable | None, cur: _Syllable, nxt: _Syllable | None, word: str) -> str | None:
    """Return 一's spoken syllable, or None when it keeps yī."""
    if nxt is None or cur.word_final:
        return None
    if prev is not None and (prev.char == "第" or prev.word == cur.word and prev.char in _NUMERALS):
        return None
    if prev is not None and prev.char == nxt.char:
        return None  # 看一看: between a reduplicated verb 一 is light, not yí
    if nxt.char in _DIGITS or word == "一月":
        return None
    tone = tone_of(nxt.syllable)
    if tone == 4:
        return "yí"
    return "yì" if tone in (1, 2, 3) else None


def sandhi_syllables(
    words: Sequence[str],
    readings: Sequence[tuple[str, ...]],
    is_han: Callable[[str], bool],
) -> list[tuple[str, ...] | None]:
    """Return each word's syllables with 一/不 sandhi, None where nothing changes."""
    if not any("一" in word or "不" in word for word in words):
        return [None] * len(words)  # most sentences: skip building the syllable list
    # Only the syllables of 一 and 不 change, by their neighbours': look those up
    # by position instead of listing every syllable of a long line.
    if len(words) != len(readings):
        raise ValueError(f"{len(words)} words but {len(readings)} readings")
    line = _Line(words, readings, is_han)
    changed: dict[int, list[str]] = {}  # only the words that hold 一 or 不 are copied
    for w, word in enumerate(words):
        if "一" not in word and "不" not in word:
            continue
        for offset in (i for i, c in enumerate(word) if c in "一不"):
            position = line.starts[w] + offset
            cur = line.at(position)
            if cur is None or cur.syllable not in ("yī", "bù"):
                continue
            spoken = _spoken(cur, line.at(position - 1), line.at(position + 1), word)
            if spoken is not None:
                changed.setdefault(w, list(readings[w]))[cur.slot] = spoken
    out: list[tuple[str, ...] | None] = [None] * len(words)
    for w, new in changed.items():
        if tuple(new) != tuple(readings[w]):
            out[w] = tuple(new)
    return out


def _spoken(cur: _Syllable, prev: _Syllable | None, nxt: _Syllable | None, word: str):
    """Return the spoken syllable of 一 or 不 where the sandhi changes it, else None."""
    if cur.char == "不" and nxt is not None and tone_of(nxt.syllable) == 4:
        return "bú"
    if cur.char == "一":
        return _yi(prev, cur, nxt, word)
    return None


def neutral_positions(syllables: Sequence[str], entries: Sequence[str]) -> tuple[int, ...]:
    """Return where a word's syllables take the dictionary's neutral tone.

    ``syllables`` are the word's readings as numbered syllables (认识 read
    ``("ren4", "shi2")``), ``entries`` the dictionary's readings of the word
    (``"ren4 shi5"``). A syllable turns neutral where every entry with the
    same syllables (tones aside) has tone 5 there: 东西 keeps dōngxī, since
    CC-CEDICT lists both dōngxī "east and west" and dōngxi "thing".
    """
    bases = [s[:-1].lower() for s in syllables]
    same = [
        parts
        for parts in (entry.lower().split() for entry in entries)
        if [p[:-1] for p in parts] == bases
    ]
    return tuple(
        i
        for i, syllable in enumerate(syllables)
        if same and not syllable.endswith("5") and all(parts[i].endswith("5") for parts in same)
    )


__all__ = ["neutral_positions", "sandhi_syllables"]
