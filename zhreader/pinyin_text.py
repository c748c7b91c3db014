"""Display helpers for pinyin syllables: join a word's syllables, read a tone.

The readers (HTML, EPUB) use these, so this module never imports the pipeline.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

# Combining marks left by NFD on a tone-marked vowel, and the tone each means.
_TONE_MARKS = {"\U00000304": 1, "\U00000301": 2, "\U0000030C": 3, "\U00000300": 4}


def _base_letter(syllable: str) -> str:
    """Return the first letter of a syllable without its tone mark, lower-cased."""
    return unicodedata.normalize("NFD", syllable[:1])[:1].lower()


def join_syllables(syllables: Sequence[str], capitalised: bool = False) -> str:
    """Join one word's syllables into its display form (Xī'ān, Zēng Xiǎohǔ)."""
    parts: list[str] = []
    for index, syllable in enumerate(syllables):
        if index == 0 and capitalised:
            syllable = syllable[:1].upper() + syllable[1:]
        if index > 0 and syllable[:1].isupper():
            # A capital inside a word starts a name part (the given name).
            parts.append(" ")
        elif index > 0 and _base_letter(syllable) in ("a", "o", "e"):
            # Without the apostrophe Xī'ān would read as xiān.
            parts.append("'")
        parts.append(syllable)
    return "".join(parts)


def tone_of(syllable: str) -> int:
    """Return a tone-marked syllable's tone, 1-4, or 5 for the neutral tone."""
    for char in unicodedata.normalize("NFD", syllable):
        tone = _TONE_MARKS.get(char)
        if tone is not None:
            return tone
    return 5


def numbered(syllable: str) -> str:
    """Return lower-case numbered pinyin, ü as v: ``lǜ``, ``lu:4``, ``Lü4`` → ``lv4``."""
    if syllable[-1:].isdigit():
        return syllable.lower().replace("u:", "v").replace("ü", "v")
    letters, tone = [], 5
    for char in unicodedata.normalize("NFD", syllable.lower()):
        if char in _TONE_MARKS:
            tone = _TONE_MARKS[char]
        elif char == "\U00000308":
            letters[-1] = "v"  # the diaeresis of ü
        else:
            letters.append(char)
    return "".join(letters) + str(tone)


__all__ = ["join_syllables", "numbered", "tone_of"]
