"""A polyphone context model trained here: one logistic regression per character.

``scripts/train_polyphones.py`` fits it on g2pL's training split (114 frequent
polyphones, about 300 sentences each; Apache-2.0) and writes
``pipeline/data/polyphone-context.npz``; this module only reads that file and
scores, in numpy. The features (``features``) are the characters and
character n-grams around the polyphone, the word that holds it and its
neighbours (the segmenter's words) and their jieba part-of-speech tags. Each
feature of a character is stored under a 32-bit hash of (character, feature)
with one weight per reading, so the file holds no text of the training data.
g2pL's readings are spread by design (300 sentences a character, split
80/20, 75/25 ... between readings), not as in running text, so the model's
probabilities carry g2pL's priors. The file also stores each reading's share
of the training sentences (``log_priors``): the reader divides part of that
prior out (label shift) before adding the model to g2pM's logits, which carry
running text's priors (docs/pinyin.md has the figures).
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from zhreader.errors import ZhreaderError

MODEL_FILE = "polyphone-context.npz"
# Bump when ``features`` or the file's arrays change: a model file of another
# version is refused. 2: the training priors (``log_priors``) are stored.
FEATURE_VERSION = "2"
_START, _END = "\U00002402", "\U00002403"  # sentence-edge markers (␂ ␃)
_NGRAM_REACH = 3  # characters either side
_BAG_REACH = 10  # characters either side for the bag of nearby words

Tagger = Callable[[str], str]


@dataclass(frozen=True)
class Site:
    """Where a polyphone sits: its sentence's words, which word, and where in it."""

    words: tuple[str, ...]
    word: int
    offset: int

    @classmethod
    def at(cls, words: Sequence[str], index: int) -> Site:
        """Return the site of the character at ``index`` of the words' joined text."""
        start = 0
        for w, word in enumerate(words):
            if start <= index < start + len(word):
                return cls(tuple(words), w, index - start)
            start += len(word)
        raise IndexError(f"position {index} is outside the sentence")


# The CPP / g2pL format: each line of a .sent file marks its polyphone between
# two of these (▁了▁); the same line of the .lb file holds its reading (le5, lu:4).
MARK = "\U00002581"


def read_marked(sent: Path, lb: Path) -> list[tuple[str, int, str]]:
    """Return (sentence, index of the marked character, reading with ü as v) per line."""
    lines = sent.read_text(encoding="utf-8").splitlines()
    labels = lb.read_text(encoding="utf-8").splitlines()
    if len(lines) != len(labels):
        raise ValueError(f"{sent}: {len(lines)} lines, but {lb}: {len(labels)}")
    out = []
    for number, (line, label) in enumerate(zip(lines, labels, strict=True), 1):
        index = line.find(MARK)
        if index < 0 or line.count(MARK) != 2:
            raise ValueError(f"{sent}:{number}: expected one character between two {MARK!r}")
        out.append((line.replace(MARK, ""), index, label.strip().replace("u:", "v")))
    return out


def hsk_labels(item: Mapping) -> dict[int, str] | None:
    """Map each Han character of an hsk-sentences-audio item to its numbered label (``fu5``).

    The data set (PyPI, CC BY-SA 4.0) gives one syllable per Han character of
    ``chinese`` in ``pinyin_numbered``; None where the two do not align.
    """
    from zhreader.han import is_han

    text, labels = item["chinese"], item["pinyin_numbered"].split()
    han = [i for i, c in enumerate(text) if is_han(c)]
    if len(han) != len(labels):
        return None
    clean = [label.replace("u:", "v").replace("\u00fc", "v") for label in labels]
    return dict(zip(han, clean, strict=True))


def features(site: Site, tag: Tagger) -> list[str]:
    """Return the context features of the polyphone at ``site`` (strings, deterministic)."""
    words = site.words
    left, right = _neighbours(words, site.word, site.offset, _NGRAM_REACH)
    char = words[site.word][site.offset]
    # Only the characters within reach are read, so a feature costs the same in
    # a line of any length (a line without punctuation is one long sentence).
    padded = _START * (_NGRAM_REACH - len(left)) + left + char + right
    padded += _END * (_NGRAM_REACH - len(right))
    p = _NGRAM_REACH
    out = ["bias"]
    for k in range(1, _NGRAM_REACH + 1):
        out.append(f"L{k}:{padded[p - k]}")
        out.append(f"R{k}:{padded[p + k]}")
    out += [
        f"LL:{padded[p - 2 : p]}",
        f"RR:{padded[p + 1 : p + 3]}",
        f"LR:{padded[p - 1]}{padded[p + 1]}",
        f"LLL:{padded[p - 3 : p]}",
        f"RRR:{padded[p + 1 : p + 4]}",
    ]
    word = words[site.word]
    prev = words[site.word - 1] if site.word > 0 else _START
    nxt = words[site.word + 1] if site.word + 1 < len(words) else _END
    out += [
        f"W:{word}@{site.offset}",
        f"WL:{len(word)}@{site.offset}",
        f"PW:{prev}",
        f"NW:{nxt}",
        f"T:{tag(word)}",
        f"PT:{tag(prev)}",
        f"NT:{tag(nxt)}",
        f"TT:{tag(prev)}|{tag(word)}|{tag(nxt)}",
    ]
    return out + sorted(_bag(words, site.word, site.offset))


def _neighbours(words: tuple[str, ...], word: int, offset: int, reach: int) -> tuple[str, str]:
    """Return up to ``reach`` characters before and after ``words[word][offset]``."""
    left = words[word][:offset]
    w = word
    while len(left) < reach and w > 0:
        w -= 1
        left = words[w] + left
    right = words[word][offset + 1 :]
    w = word
    while len(right) < reach and w + 1 < len(words):
        w += 1
        right += words[w]
    return left[-reach:], right[:reach]


def _bag(words: tuple[str, ...], word: int, offset: int) -> set[str]:
    """Return the words other than ``words[word]`` within ``_BAG_REACH`` of its ``offset``.

    Positions count from the start of the polyphone's word. The walk goes
    outwards from that word and stops at the first word out of reach: a line
    holds many words, a bag only a few.
    """
    bag = set()
    end = 0  # where the word left of the current one ends
    for w in range(word - 1, -1, -1):
        if end < offset - _BAG_REACH:
            break
        if not words[w].isspace():
            bag.add(f"B:{words[w]}")
        end -= len(words[w])
    position = len(words[word])
    for w in range(word + 1, len(words)):
        if position > offset + _BAG_REACH:
            break
        if not words[w].isspace():
            bag.add(f"B:{words[w]}")
        position += len(words[w])
    return bag


def feature_key(char: str, feature: str) -> int:
    """Return the 32-bit key a character's feature is stored under."""
    return zlib.crc32(f"{char}\U0000001f{feature}".encode())


class ContextModel:
    """Score a polyphone's readings from its context with the trained weights."""

    def __init__(
        self, keys: np.ndarray, weights: np.ndarray, classes: dict, priors: dict, version: str
    ):
        self._keys = keys  # sorted uint32
        self._weights = weights  # [keys, most readings of a character], float32
        self._classes = classes  # char -> tuple of numbered readings (weight columns)
        self._priors = priors  # char -> {reading: log of its share of the training sentences}
        self._version = version
        self._padded: np.ndarray | None = None  # the weights and a zero row, for padding

    @classmethod
    def load(cls, path: Path | None = None) -> ContextModel:
        """Load the weights shipped in the package, or another weights file (benchmarks).

        Both are built by scripts/train_polyphones.py.
        """
        where = path or resources.files("zhreader.pipeline").joinpath("data", MODEL_FILE)
        try:
            raw = where.read_bytes()
        except (FileNotFoundError, OSError) as err:
            raise ZhreaderError(
                f"the polyphone context model {path or MODEL_FILE} is missing"
                + ("" if path else " from the package"),
                hint="python scripts/train_polyphones.py (see README, Pinyin)",
            ) from err
        import io

        with np.load(io.BytesIO(raw)) as data:
            arrays = {name: data[name] for name in data.files}
        digest = hashlib.sha256(raw).hexdigest()[:8]
        return cls.from_arrays(arrays, f"trained{FEATURE_VERSION}-{digest}")

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray], version: str) -> ContextModel:
        """Build the model from a weights file's arrays (the training script scores candidates)."""
        if str(data["feature_version"]) != FEATURE_VERSION:
            raise ZhreaderError(
                f"{MODEL_FILE} was built for features v{data['feature_version']},"
                f" this code reads v{FEATURE_VERSION}",
                hint="python scripts/train_polyphones.py",
            )
        classes = {
            char: tuple(names.split(" "))
            for char, names in zip(
                str(data["chars"]), str(data["classes"]).split("\t"), strict=True
            )
        }
        priors = {
            char: dict(zip(names, row.tolist(), strict=False))
            for (char, names), row in zip(
                classes.items(), data["priors"].astype(np.float64), strict=True
            )
        }
        keys = data["keys"].astype(np.uint32)
        return cls(keys, data["weights"].astype(np.float32), classes, priors, version)

    def version(self) -> str:
        """Name the weights for signatures (feature version and a hash of the file)."""
        return self._version

    def handles(self, char: str) -> bool:
        return char in self._classes

    def candidates(self, char: str) -> tuple[str, ...]:
        return self._classes.get(char, ())

    def log_priors(self, char: str) -> dict[str, float]:
        """Return the log of each reading's share of the character's training sentences."""
        return self._priors[char]

    def log_probs(self, char: str, feats: Sequence[str]) -> dict[str, float]:
        """Return the log-probability of each reading the model knows for ``char``."""
        names = self._classes[char]
        # feature_key(char, f), the CRC carried on from the character's prefix.
        prefix = zlib.crc32(f"{char}\U0000001f".encode())
        keys = np.fromiter((zlib.crc32(f.encode(), prefix) for f in feats), np.uint32, len(feats))
        found = self._found(keys)
        scores = self._weights[found, : len(names)].sum(axis=0)
        scores = scores - scores.max()
        log_z = float(np.log(np.exp(scores).sum()))
        return {name: float(s) - log_z for name, s in zip(names, scores, strict=True)}

    def log_probs_many(
        self, queries: Sequence[tuple[str, Sequence[str]]]
    ) -> list[dict[str, float]]:
        """Return ``log_probs`` of each (character, features) query, the same floats bit for bit.

        One search of the stored keys for all the queries' features, then
        numpy over all the queries at once instead of eight calls per query.
        The rows are added in feature order and the exponentials left to
        right, as ``sum`` adds them in ``log_probs`` (float32 rounding
        depends on that order); a padding row of zeros adds nothing.
        """
        if not queries:
            return []
        keys: list[int] = []
        bounds = [0]
        for char, feats in queries:
            prefix = zlib.crc32(f"{char}\U0000001f".encode())
            keys += [zlib.crc32(f.encode(), prefix) for f in feats]
            bounds.append(len(keys))
        table = self._found_table(np.array(keys, dtype=np.uint32), np.array(bounds))
        padded = self._padded_weights()
        scores = padded[table[:, 0]]
        for column in range(1, table.shape[1]):
            scores = scores + padded[table[:, column]]
        sizes = np.array([len(self._classes[char]) for char, _ in queries])
        scores = np.where(np.arange(scores.shape[1]) < sizes[:, None], scores, -np.inf)
        scores = scores - scores.max(axis=1, keepdims=True)
        exps = np.exp(scores)
        total = exps[:, 0]
        for column in range(1, exps.shape[1]):
            total = total + exps[:, column]  # the padding's exp(-inf) adds 0
        log_z = np.log(total).tolist()
        return [
            {name: s - z for name, s in zip(self._classes[char], row, strict=False)}
            for (char, _), row, z in zip(queries, scores.tolist(), log_z, strict=True)
        ]

    def _found_table(self, keys: np.ndarray, bounds: np.ndarray) -> np.ndarray:
        """Return the found rows of each query's keys (``bounds`` cut them), padded to one width.

        Row ``len(self._keys)`` pads: the zero row of ``_padded_weights``.
        """
        rows = np.searchsorted(self._keys, keys)
        rows = np.minimum(rows, len(self._keys) - 1)
        hit = self._keys[rows] == keys
        before = np.concatenate(([0], np.cumsum(hit)))
        counts = before[bounds[1:]] - before[bounds[:-1]]
        table = np.full((len(counts), max(int(counts.max()), 1)), len(self._keys))
        query = np.repeat(np.arange(len(counts)), counts)
        table[query, np.arange(len(query)) - np.repeat(before[bounds[:-1]], counts)] = rows[hit]
        return table

    def _padded_weights(self) -> np.ndarray:
        """Return the weights with one row of zeros below them (made once)."""
        if self._padded is None:
            zero = np.zeros((1, self._weights.shape[1]), dtype=self._weights.dtype)
            self._padded = np.concatenate((self._weights, zero))
        return self._padded

    def _found(self, keys: np.ndarray) -> np.ndarray:
        """Return the rows of the stored keys among ``keys`` (unknown features add nothing)."""
        rows = np.searchsorted(self._keys, keys)
        rows = np.minimum(rows, len(self._keys) - 1)
        return rows[self._keys[rows] == keys]


__all__ = [
    "FEATURE_VERSION",
    "MARK",
    "MODEL_FILE",
    "ContextModel",
    "Site",
    "feature_key",
    "features",
    "hsk_labels",
    "read_marked",
]
