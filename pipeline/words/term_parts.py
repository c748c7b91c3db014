"""A term's or a phrase's own words: how it is cut into parts, what its English says of them.

A term (脱贫攻坚 "fight against poverty") is one token for translation and the
glossary; a learner also needs the words inside it. The Annotator cuts the
term as any text is cut (jieba, names, numbers) and reads each part as any
word is read; the rules here are the ones only a term has:

- a term jieba keeps whole is split along jieba's next best route (纪委监委:
  纪委 | 监委), never into the term itself;
- a part that is a shorter glossary term is read as that term (返贫 "return to
  poverty"), and where jieba's cut falls apart into single characters, a
  shorter glossary term that covers them is one part (建档立卡贫困户:
  建档立卡 | 贫困户, not 建 | 档 | 立 | 卡);
- the term's official English is a translator's reading of its words: a run
  of parts it spells in pinyin is a name (桃林佬 in "Taolinlao Food Co.,
  Ltd."), and a part whose chosen sense shares no word with it takes the
  CC-CEDICT sense that does (供养 in "…supported at home": "to support").

A phrase token (a word jieba keeps whole that CC-CEDICT lacks: 山脚下, 符合条件;
a count or a time: 第三季度, 下个月, 前一天, 五类) is one token too, with its
own English; its parts are its words, and a count's are its numeral, its
measure word and what is counted (``count_words``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence

from zhreader.pipeline.words.dictionary import Dictionary
from zhreader.pipeline.words.english import EMPTY_WORDS
from zhreader.pipeline.words.numbers import (
    APPROXIMATORS,
    HAN_NUMERAL_CHARS,
    han_value,
    split_numeral,
)
from zhreader.pipeline.words.segment import Piece

LONGEST_PART = 6  # the longest word a term's route tries
_WORD = re.compile(r"[a-z]+")
_SAID = re.compile(r"[a-z]+(?:'[a-z]+)?")  # one's is one word (an empty one)
_SUFFIXES = ("ing", "ed", "es", "s", "e")
# Kinds of token a glossary category makes (as the segmenter's term table does).
_KINDS = {"place": "place", "person": "name"}
_NAMED = frozenset(("word", "name", "place"))  # the kinds of part a spelled name may join
_LISTED = _NAMED  # the kinds of piece a shorter glossary form may be
# What may open a count or a time before its numeral or 个: an ordinal (第三季度), a time
# before or after (前一天, 下个月, 头三天), a pointer (这个月, 每一次, 几个人).
COUNT_OPENERS = frozenset("第前后上下这那哪每几头首")
POINTERS = frozenset("这那哪每几")  # these point at what a measure word counts (这本书)
_GENERAL_MEASURE = "个"


def route_within(text: str, dictionary: Dictionary) -> list[str]:
    """Split a word into the most probable words shorter than it (jieba's route, 纪委 | 监委).

    A part is a word jieba's dictionary or CC-CEDICT knows, or one character;
    a word is scored by jieba's frequency of it, as jieba scores its route.
    """
    frequencies, total = dictionary.word_frequencies()
    twin = dictionary.simplified(text)
    floor = math.log(total)
    best: list[tuple[float, list[str]]] = [(0.0, [])]
    for end in range(1, len(text) + 1):
        options = []
        for start in range(max(0, end - LONGEST_PART), end):
            if end - start == len(text):
                continue  # the whole word: the route goes through its words
            part = twin[start:end]
            count = frequencies.get(part) or 0
            if end - start > 1 and not (count or dictionary.contains(part)):
                continue
            score = best[start][0] + math.log(count + 1) - floor
            options.append((score, [*best[start][1], text[start:end]]))
        best.append(max(options, key=lambda option: option[0]))
    return best[-1][1]


def count_words(
    word: str, known: Callable[[str], bool], measure: Callable[[str], bool]
) -> list[str] | None:
    """Cut a count or a time into its words: 第三 | 季度, 下 | 个 | 月, 前 | 一 | 天, 五 | 类.

    An opener (``COUNT_OPENERS``), a Han numeral (or, after an opener, 个; after
    a pointer, any measure word: 这本书), then what it counts: a word whole
    (季度, 部分), or a measure word and a word (个 | 月). A second count in it
    makes it no count (一年四季 "all year round"), and so does a first word
    that is no measure word (三成 "30%"). ``known(w)``: a dictionary word;
    ``measure(c)``: a measure word. None where it is no such count.
    """
    opener = word[:1] if word[:1] in COUNT_OPENERS else ""
    numeral, approx, rest = split_numeral(word[len(opener) :])
    if not rest or (numeral and han_value(numeral) is None):
        return None
    if not HAN_NUMERAL_CHARS.isdisjoint(rest):
        return None
    if not numeral and not _counts_without_numeral(opener, rest[:1], measure):
        return None
    # An ordinal (第三 "third") and an approximate number (三百余 "over 300", 十几) are one
    # word each, as a learner looks them up.
    if opener == "第":
        head = [opener + numeral + approx]
    else:
        head = [w for w in (opener, numeral + approx) if w]
    if len(rest) > 1 and known(rest) and not (not numeral and rest[:1] == _GENERAL_MEASURE):
        counted = [rest]
    elif rest[1:] in APPROXIMATORS:
        return None  # 三个多 "over three": the approximator reads with the numeral, not alone
    elif len(rest) == 1 or known(rest[1:]):
        counted = [rest[:1], rest[1:]] if len(rest) > 1 else [rest]
    else:
        return None
    if not measure(counted[0][:1]):
        return None  # 三成 "30%", 三年: no measure word to show
    return head + counted


def _counts_without_numeral(opener: str, first: str, measure: Callable[[str], bool]) -> bool:
    """Tell whether an opener counts with no numeral: 下个月, 这本书 (not 上海, 下午)."""
    if not opener or opener == "第":
        return False
    return first == _GENERAL_MEASURE or (opener in POINTERS and measure(first))


def join_subterms(pieces: list[Piece], term: str, lookup: Callable) -> list[Piece]:
    """Make the shorter glossary terms inside a term its parts (返贫, 建 档 立 卡 → 建档立卡).

    A piece that is a glossary form is that term, as it is in a sentence; and
    where jieba cuts a span into characters (it knows no word there) a run of
    them that a glossary form covers is one part: four characters glossed
    one by one teach nothing. ``term`` is the term's own text (never a part
    of itself); ``lookup(form)`` returns a form's entry, or None.
    """
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        run = i
        while run < len(pieces) and len(pieces[run].text) == 1 and pieces[run].kind == "word":
            run += 1
        found = None
        for end in range(run, i + 1, -1):  # the longest form first, two characters at least
            form = "".join(p.text for p in pieces[i:end])
            entry = lookup(form) if form != term else None
            if entry is not None:
                found = (end, Piece(form, _KINDS.get(entry.category, "word"), entry.zh))
                break
        # A word the segmenter read as a name or place (卫健委 in 国家卫健委) is the
        # glossary's term when the glossary lists it: the glossary says what it is.
        entry = lookup(pieces[i].text) if not found and pieces[i].kind in _LISTED else None
        if entry is not None and pieces[i].text != term:
            found = (i + 1, Piece(pieces[i].text, _KINDS.get(entry.category, "word"), entry.zh))
        if found:
            i, piece = found
            out.append(piece)
        else:
            out.append(pieces[i])
            i += 1
    return out


def spelled_names(
    pieces: Sequence[Piece], reading: Sequence[str], english: str
) -> dict[tuple[int, int], str]:
    """Find runs of parts the term's English spells in pinyin: (first, end) → the English word.

    桃林 | 佬 in 桃林佬食品有限公司 "Taolinlao Food Co., Ltd." is the name
    Taolinlao; a run reads as a name only when it is two syllables or more
    and one capitalised word of the English spells it whole.
    """
    names = {}
    for word in re.findall(r"[A-Z][A-Za-z'\-]+", english):
        names.setdefault(_letters(word), word.rstrip("'"))
    if not names:
        return {}
    starts, offset = [], 0
    for piece in pieces:
        starts.append(offset)
        offset += len(piece.text)
    starts.append(offset)
    found: dict[tuple[int, int], str] = {}
    i = 0
    while i < len(pieces):
        for end in range(len(pieces), i, -1):
            syllables = reading[starts[i] : starts[end]]
            if len(syllables) < 2 or any(p.kind not in _NAMED for p in pieces[i:end]):
                continue
            word = names.get(_letters("".join(syllables)))
            if word:
                found[(i, end)] = word
                i = end - 1
                break
        i += 1
    return found


def join_names(
    pieces: list[Piece], runs: dict[tuple[int, int], str]
) -> tuple[list[Piece], dict[int, str]]:
    """Join each run ``spelled_names`` found into one name piece: (pieces, index → the name)."""
    starts = {first: (end, name) for (first, end), name in runs.items()}
    out: list[Piece] = []
    names: dict[int, str] = {}
    i = 0
    while i < len(pieces):
        if i in starts:
            end, name = starts[i]
            names[len(out)] = name
            out.append(Piece("".join(p.text for p in pieces[i:end]), "name"))
            i = end
        else:
            out.append(pieces[i])
            i += 1
    return out, names


def echoed_sense(gloss: str, senses: Sequence[str], english: str) -> str | None:
    """Return the first sense that shares a word with the term's English, when the gloss does not.

    供养's chosen "to supply" says nothing the term 分散供养五保户 "five-guarantee
    household supported at home" says; its sense "to support" does.
    """
    theirs = _stems(english)
    if not theirs or _shares(_stems(gloss), theirs):
        return None
    return next((s for s in senses if _shares(_stems(s), theirs)), None)


def used_sense(gloss: str, senses: Sequence[str], english: str) -> str | None:
    """Return the first sense whose words the term's English uses as written, if the gloss's do not.

    A word inside a term is glossed as it is anywhere, and for a modifier that
    often misses the form the term's English gives it: 全国 "whole nation" in
    全国乡村治理示范镇 "national model town for rural governance" is
    "national", 示范 "to demonstrate" is "demonstration" (the English's
    alternative), 部 "ministry" in 组织部 "organization department" is
    "department". ``echoed_sense`` keeps such a gloss, for it shares a stem
    with the English (nation, demonstrat); here a sense is taken only when
    every word of it that says something stands in the English as it is
    (plurals made singular), the term's own English first, then its alternatives.
    """
    choices = [_said(e) for e in english.split(" | ")]
    if any(_within(piece, used) for piece in gloss.split(", ") for used in choices):
        return None
    for used in choices:
        found = next((s for s in senses if _within(s, used)), None)
        if found:
            return found
    return None


def echoes(gloss: str, english: str) -> bool:
    """Tell whether an English text says a word of a gloss (stems shared: time, times)."""
    return _shares(_stems(gloss), _stems(english))


def narrowed(gloss: str, english: str) -> str | None:
    """Return the senses of a part's gloss a phrase's English uses, where it uses some, not all.

    A phrase's English says which of its word's senses it means: 节 "festival,
    section" in 第一节 "first (classifier for sections, classes)" is
    "section". A gloss with a bracket (a classifier's own list) is kept whole.
    """
    if "(" in gloss or ", " not in gloss:
        return None
    used = _said(english)
    pieces = gloss.split(", ")
    kept = [piece for piece in pieces if _within(piece, used)]
    return ", ".join(kept) if 0 < len(kept) < len(pieces) else None


def says_its_words(senses: Sequence[str], counted: Sequence[Sequence[str]]) -> bool:
    """Tell whether a listed count's English says what a word it counts says.

    第三季度 "third quarter" says 季度's "quarter", 下个月 "next month" 月's
    "month": a count whose parts a learner reads. 一口气 "in one breath, at a
    stretch" says nothing of 口气 "tone of voice", 一块儿 "together" nothing of
    块 or 儿: a set phrase that only opens as a count does, read whole.
    ``senses``: the phrase's English; ``counted``: each counted word's senses.
    """
    theirs = _stems(" ".join(senses))
    return any(_shares(_stems(" ".join(word)), theirs) for word in counted)


def _within(sense: str, used: set[str]) -> bool:
    """Tell whether every word of a sense that says something is a word of ``used``."""
    words = _said(sense)
    return bool(words) and words <= used


def _said(text: str) -> set[str]:
    """Return the words of an English text that say something, plurals made singular."""
    out = set()
    for word in _SAID.findall(text.lower()):
        if word not in EMPTY_WORDS:
            out.add(_singular(word))
    return out


def _singular(word: str) -> str:
    """Return an English word made singular by its ending (armbands, masses; glass stays)."""
    if word.endswith("sses"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _shares(ours: set[str], theirs: set[str]) -> bool:
    return any(_same_stem(a, b) for a in ours for b in theirs)


def _same_stem(a: str, b: str) -> bool:
    """Tell whether two stems are one word's (support, supported; industry, industrial)."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = len(_common_prefix(a, b))
    return common >= max(5, shorter - 2)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _stems(text: str) -> set[str]:
    """Return the stems of the words of an English text that say something."""
    out = set()
    for word in _WORD.findall(text.lower()):
        if word in EMPTY_WORDS or len(word) < 3:
            continue
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        out.add(word)
    return out


def _letters(text: str) -> str:
    """Return the letters of a spelling, lower case, tone marks and separators dropped."""
    plain = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in plain if "a" <= c <= "z")


__all__ = [
    "COUNT_OPENERS",
    "LONGEST_PART",
    "POINTERS",
    "count_words",
    "echoed_sense",
    "echoes",
    "join_names",
    "join_subterms",
    "narrowed",
    "route_within",
    "says_its_words",
    "spelled_names",
    "used_sense",
]
