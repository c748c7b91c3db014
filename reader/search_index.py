"""The library's search index: keys per sentence, per-issue postings, per-year hash buckets.

Design (see docs/batch.md): every sentence gets keys — Chinese character
unigrams and bigrams, toneless pinyin (syllables, words, adjacent pairs) and
English words. When an issue is built, its postings (key → sentence numbers)
are split by a hash of the key into ``BUCKETS`` JSON fragments, kept in
``search-keys.json`` beside its sentences (``search.js``). The batch joins the
fragments of one year (a *segment*) bucket by bucket into script files,
without parsing them again; a query loads, per segment, only the buckets of
its keys, then the sentence files of the issues it shows. Scripts, not JSON,
because browsers refuse ``fetch`` from ``file://``; they call
``window.ZHREADER_SEARCH``.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence

from zhreader.han import HAN_RUN_RE
from zhreader.model import Edition, Sentence, Token, iter_sentences

BUCKETS = 256
SENTENCES_FILE = "search.js"  # in each issue's folder, loaded for the hits shown
KEYS_FILE = "search-keys.json"  # in each issue's folder, read by the batch only
SEARCH_DIR = "search"
UNDATED = "undated"  # the segment (and calendar entry) of issues without a date
_ENGLISH_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_U_UMLAUT = str.maketrans({"ü": "v", "ǖ": "v", "ǘ": "v", "ǚ": "v", "ǜ": "v"})
# Words too common to help a search; the rest of English is indexed.
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "with",
    ]
)


# --- keys ----------------------------------------------------------------------


def toneless(syllable: str) -> str:
    """Return a pinyin syllable or word without tone marks, ü as ``v`` (``lǜ`` → ``lv``)."""
    text = unicodedata.normalize("NFC", syllable.lower()).translate(_U_UMLAUT)
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def han_keys(text: str) -> set[str]:
    """Return every Han character and every pair of adjacent Han characters of a text."""
    keys: set[str] = set()
    for run in HAN_RUN_RE.findall(text):
        keys.update(run)
        keys.update(run[i : i + 2] for i in range(len(run) - 1))
    return keys


def token_keys(token: Token) -> set[str]:
    """Return the pinyin or Latin keys of one token: toneless syllables and word."""
    if token.kind in ("punct", "space"):
        return set()
    if not token.pinyin:
        return {token.zh.lower()} if token.zh.isascii() and token.zh.isalnum() else set()
    syllables = [toneless(s) for s in token.pinyin]
    return {"".join(syllables), *syllables}


def syllable_pairs(tokens: Sequence[Token]) -> set[str]:
    """Return adjacent toneless syllables joined (``fupin``), across word boundaries.

    A query such as ``fupin`` then finds 扶贫 inside a longer word (就业扶贫)
    that the segmenter kept whole.
    """
    pairs: set[str] = set()
    previous = None
    for token in tokens:
        if not token.pinyin:
            previous = None  # punctuation, digits or Latin break the run
            continue
        for syllable in token.pinyin:
            syllable = toneless(syllable)
            if previous is not None:
                pairs.add(previous + syllable)
            previous = syllable
    return pairs


def english_keys(text: str | None) -> set[str]:
    """Return the indexable words of an English sentence, lower-cased."""
    words = _ENGLISH_WORD.findall((text or "").lower())
    return {w for w in words if len(w) > 1 and w not in _STOPWORDS}


def sentence_keys(sentence: Sentence) -> set[str]:
    """Return every search key of a sentence."""
    keys = han_keys(sentence.zh) | english_keys(sentence.en) | syllable_pairs(sentence.tokens)
    for token in sentence.tokens:
        keys |= token_keys(token)
    return keys


def bucket_of(key: str) -> int:
    """Return a key's bucket: the CRC-32 of its UTF-8 bytes (search.js computes the same)."""
    return zlib.crc32(key.encode("utf-8")) % BUCKETS


# --- one issue -----------------------------------------------------------------


def issue_postings(edition: Edition) -> dict[str, list[int]]:
    """Return key → the reading-order numbers of the sentences that have it."""
    postings: dict[str, list[int]] = {}
    for number, sentence in enumerate(iter_sentences(edition)):
        for key in sentence_keys(sentence):
            postings.setdefault(key, []).append(number)
    return dict(sorted(postings.items()))


def bucket_fragments(postings: dict[str, list[int]]) -> list[str]:
    """Return an issue's postings split by bucket: one JSON object text per bucket."""
    buckets: list[dict[str, list[int]]] = [{} for _ in range(BUCKETS)]
    for key, sentences in postings.items():
        buckets[bucket_of(key)][key] = sentences
    return [
        json.dumps(bucket, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        for bucket in buckets
    ]


def sentences_js(edition: Edition, slug: str) -> str:
    """Return an issue's sentences as the script a query loads to show its hits."""
    # The fourth cell says what the English is: "mt", "gloss" or "".
    rows = [[s.id, s.zh, s.en or "", s.en_kind or ""] for s in iter_sentences(edition)]
    return _call("sentences", slug, rows)


def _call(function: str, *args: object) -> str:
    data = ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    # "</" could close a <script> element if a shard were ever inlined.
    data = data.replace("</", "<\\/")
    return f"ZHREADER_SEARCH.{function}({data});\n"


# --- one segment (a year) -------------------------------------------------------


def segment_of(date: str | None) -> str:
    """Return the segment (year) an issue's postings belong to."""
    return date[:4] if date else UNDATED


def segment_files(
    segment: str, issues: Sequence[dict], fragments: Iterable[list[str]]
) -> dict[str, str]:
    """Return a segment's files (``issues.js`` and ``bNNN.js``) by name.

    ``issues`` are the segment's issues newest first (slug, date, paper,
    title); ``fragments`` yields each one's ``bucket_fragments`` in the same
    order. A bucket file lists ``[issue number, {key: sentence numbers}]``
    for the issues with keys in it: joined text, nothing parsed again.
    """
    parts: list[list[str]] = [[] for _ in range(BUCKETS)]
    for number, issue_fragments in enumerate(fragments):
        for bucket, fragment in enumerate(issue_fragments):
            if fragment != "{}":
                parts[bucket].append(f"[{number},{fragment}]")
    rows = [[i["slug"], i.get("date"), i.get("paper"), i.get("title")] for i in issues]
    files = {"issues.js": _call("issues", segment, rows)}
    name = json.dumps(segment)
    # Every bucket is written, empty ones too: a query never asks for a missing file.
    for bucket, joined in enumerate(parts):
        data = f"{name},{bucket},[{','.join(joined)}]".replace("</", "<\\/")
        files[bucket_file(bucket)] = f"ZHREADER_SEARCH.bucket({data});\n"
    return files


def bucket_file(number: int) -> str:
    """Return a bucket's file name within its segment."""
    return f"b{number:03d}.js"


__all__ = [
    "BUCKETS",
    "KEYS_FILE",
    "SEARCH_DIR",
    "SENTENCES_FILE",
    "UNDATED",
    "bucket_fragments",
    "bucket_of",
    "english_keys",
    "han_keys",
    "issue_postings",
    "segment_files",
    "segment_of",
    "sentence_keys",
    "sentences_js",
    "syllable_pairs",
    "token_keys",
    "toneless",
]
