"""Quality flags: reasons to doubt a sentence's machine translation.

Each check reads only the Chinese source and the English and returns
``Flag``s with a short code; a clean sentence gets none. The checks are
cheap and deterministic, so they are recomputed on every build (cached
translations included).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from zhreader.han import HAN_RE
from zhreader.model import Flag

# Source numbers: ASCII or full-width digits, an optional decimal part, an
# optional 万 (10^4) or 亿 (10^8) multiplier.
_ZH_NUMBER_RE = re.compile(
    "([0-9\U0000ff10-\U0000ff19]+(?:[.\U0000ff0e][0-9\U0000ff10-\U0000ff19]+)?)\\s*([万亿]?)"
)
_ZH_MULTIPLIERS = {"": 1, "万": 10_000, "亿": 100_000_000}
_FULLWIDTH_DIGITS = str.maketrans(
    {chr(0xFF10 + i): str(i) for i in range(10)} | {"\U0000ff0e": "."}
)

_EN_NUMBER_RE = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(thousand|million|billion)\b)?",
    re.IGNORECASE,
)
_EN_MULTIPLIERS = {None: 1, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_RE = re.compile(
    r"\b(" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?", re.I
)

# A translation this many times longer than its source (in characters, plus
# slack for short headings) is taken as runaway decoding.
RUNAWAY_RATIO = 8
RUNAWAY_SLACK = 20


def zh_numbers(text: str) -> list[float]:
    """Return the numeric values written with digits in a Chinese sentence."""
    values = []
    for digits, multiplier in _ZH_NUMBER_RE.findall(text):
        values.append(float(digits.translate(_FULLWIDTH_DIGITS)) * _ZH_MULTIPLIERS[multiplier])
    return values


def en_numbers(text: str) -> list[float]:
    """Return the numeric values in an English sentence (digits, scale words, month names)."""
    values = []
    for whole, fraction, scale in _EN_NUMBER_RE.findall(text):
        number = float(whole.replace(",", "") + (fraction or ""))
        values.append(number * _EN_MULTIPLIERS[scale.lower() if scale else None])
    for match in _MONTH_RE.finditer(text):
        name = match.group(1).lower()
        values.append(float(next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(name[:3]))))
    return values


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def missing_numbers(zh: str, en: str) -> list[float]:
    """Return the source numbers that the English does not contain."""
    found = en_numbers(en)
    return [v for v in zh_numbers(zh) if not any(_same(v, f) for f in found)]


def _format_number(value: float) -> str:
    return f"{value:,.0f}" if value.is_integer() else f"{value:,}"


def repeated_ngram(words: Sequence[str]) -> str | None:
    """Return an n-gram (n ≤ 4) the words repeat back to back (4× for n=1, else 3×)."""
    lowered = [w.casefold() for w in words]
    for n in range(1, 5):
        times = 4 if n == 1 else 3
        for start in range(0, len(lowered) - n * times + 1):
            gram = lowered[start : start + n]
            if all(lowered[start + k * n : start + (k + 1) * n] == gram for k in range(1, times)):
                return " ".join(words[start : start + n])
    return None


def contains_phrase(text: str, phrase: str) -> bool:
    """Tell whether ``phrase`` occurs in ``text`` as whole words, ignoring case."""
    return find_phrase(text, phrase) is not None


def find_phrase(text: str, phrase: str) -> re.Match[str] | None:
    """Find ``phrase`` in ``text`` as whole words, ignoring case; group 1 is a plural ending."""
    phrase = phrase.strip()
    if not phrase:
        return None
    # "public-welfare job" is there in "public-welfare jobs".
    pattern = r"(?<![\w-])" + re.escape(phrase) + r"(s|es)?(?![\w-])"
    return re.search(pattern, text, re.IGNORECASE)


def quality_flags(
    zh: str, en: str, renderings: Iterable[tuple[str, str]] = (), raw: str | None = None
) -> tuple[Flag, ...]:
    """Check one translated sentence; ``renderings`` are (term zh, required en) pairs.

    ``raw`` is the model's output before glossary post-editing: length and
    loops are judged on it, so that added renderings never look like runaway
    decoding.
    """
    if not en.strip():
        flags = [Flag("empty", "the translation is empty")]
    else:
        flags = _content_flags(zh, en, en if raw is None else raw)
    for term, rendering in renderings:
        if not contains_phrase(en, rendering):
            flags.append(Flag("glossary-missing", f"{term}: “{rendering}” is not in the English"))
    return tuple(flags)


def _content_flags(zh: str, en: str, raw: str) -> list[Flag]:
    flags = []
    missing = missing_numbers(zh, en)
    if missing:
        shown = ", ".join(_format_number(v) for v in missing)
        flags.append(Flag("number-missing", f"{shown} from the source not found in the English"))
    han = "".join(dict.fromkeys(HAN_RE.findall(en)))
    if han:
        flags.append(Flag("untranslated", f"Chinese characters left in the English: {han}"))
    source_length = len("".join(zh.split()))
    if len(raw) > RUNAWAY_RATIO * source_length + RUNAWAY_SLACK:
        flags.append(
            Flag("runaway", f"{len(raw)} characters of English for {source_length} of Chinese")
        )
    loop = repeated_ngram(raw.split())
    if loop is not None:
        flags.append(Flag("repetition", f"“{loop}” repeats back to back"))
    return flags


__all__ = [
    "HAN_RE",
    "contains_phrase",
    "en_numbers",
    "find_phrase",
    "missing_numbers",
    "quality_flags",
    "repeated_ngram",
    "zh_numbers",
]
