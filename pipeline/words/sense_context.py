"""A context model of senses: the CC-CEDICT sense whose English fits the sentence's topic.

备战 is "to prepare for war" in CC-CEDICT's order and by jieba's tag, but in
a sports report it means preparing for a match. The sentence says so through
its other words (比赛 "competition", 亚洲杯 "Asian Cup"). Each candidate
sense of a frequent polysemous word, and the usual gloss of every frequent
content word, was embedded once, at build time, by a sentence-embedding model
(all-MiniLM-L6-v2), reduced by PCA and stored as int8 rows in
``data/sense_vectors.npz`` (``scripts/build_sense_vectors.py``, generated).
At run time only numpy is needed: the sentence's vector is the sum of its
content words' vectors, and a sense is chosen over the default when its
cosine with that vector is clearly higher (``MARGIN``). Only senses of the
same kind as the default compete (a verb's "to …" senses, else the others):
jieba's part of speech stays the first evidence.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from zhreader.pinyin_text import numbered
from zhreader.signature import short_hash

SENSE_VECTORS = Path(__file__).with_name("data") / "sense_vectors.npz"
# How much closer (cosine) to the sentence a sense must be than the default one.
MARGIN = 0.30
# Fewer context words than this say too little about a topic.
MIN_CONTEXT = 1
# Senses this close to each other (cosine) are one meaning worded twice: the default stays.
SYNONYMS = 1.0
# Subtract each sense's fit to the average context (a sense close to every text is no evidence).
DEBIAS = False
# Score a sense by its closest context word instead of the summed context.
CLOSEST = True
# Only a word's first senses of a kind compete: later ones are rarer in use.
FIRST_SENSES = 8


@dataclass(frozen=True)
class Preference:
    """The best-fitting sense of each kind, and the senses it beats clearly (hashable)."""

    choices: tuple[tuple[str, frozenset[str]], ...]  # (best sense, senses it beats by MARGIN)

    def choose(self, default: str | None) -> str | None:
        """Return the sense to show instead of ``default``, or None to keep it."""
        for best, beaten in self.choices:
            if default in beaten:
                return best
        return None


@dataclass(frozen=True)
class SentenceContext:
    """The summed vectors of a sentence's content words, and which words they are."""

    total: np.ndarray
    words: tuple[str, ...]


class SenseVectors:
    """The precomputed English sense and context vectors; loaded once, lazily."""

    def __init__(self, path: Path = SENSE_VECTORS) -> None:
        self._path = path
        self._loaded = False
        self._context: dict[str, np.ndarray] = {}
        self._senses: dict[str, list[tuple[str, tuple[tuple[str, bool], ...], np.ndarray]]] = {}
        self._hash = ""

    def _load(self) -> None:
        if self._loaded:
            return
        data = self._path.read_bytes()
        self._hash = short_hash(data)
        with np.load(self._path, allow_pickle=False) as npz:
            index = json.loads(npz["index.json"])
            context = npz["context.npy"].astype(np.float32)
            senses = npz["senses.npy"].astype(np.float32)
        context /= np.linalg.norm(context, axis=1, keepdims=True) + 1e-9
        senses /= np.linalg.norm(senses, axis=1, keepdims=True) + 1e-9
        self._context = dict(zip(index["context"], context, strict=True))
        self._average = context.mean(axis=0)
        self._average /= np.linalg.norm(self._average) + 1e-9
        row = 0
        for word, reading, listed in index["senses"]:
            candidates = tuple((text, bool(verb)) for text, verb in listed)
            block = senses[row : row + len(candidates)]
            self._senses.setdefault(word, []).append((reading, candidates, block))
            row += len(candidates)
        self._loaded = True

    def signature_part(self) -> str:
        """Name the vectors file for the signature (``ctx:<hash>``)."""
        self._load()
        return f"ctx:{self._hash}"

    def knows(self, word: str) -> bool:
        """Tell whether the model has candidate senses for ``word``."""
        self._load()
        return word in self._senses

    def sentence(self, words: Iterable[str]) -> SentenceContext:
        """Return the context of a sentence: the content words the model knows, summed."""
        self._load()
        found = tuple(w for w in words if w in self._context)
        total = sum((self._context[w] for w in found), np.zeros(self._width(), np.float32))
        return SentenceContext(total, found)

    def _width(self) -> int:
        return len(next(iter(self._context.values()))) if self._context else 0

    def preference(
        self, word: str, reading: Sequence[str], context: SentenceContext
    ) -> Preference | None:
        """Return the senses of ``word`` the sentence's other words favour, or None."""
        self._load()
        options = self._senses.get(word)
        if not options:
            return None
        candidates, block = _entry(options, " ".join(numbered(s) for s in reading))
        if candidates is None:
            return None
        total = context.total
        own = self._context.get(word)
        others = len(context.words)
        if own is not None and word in context.words:
            total, others = total - own, others - 1
        if others < MIN_CONTEXT:
            return None
        scores = block @ (total / (np.linalg.norm(total) + 1e-9))
        if CLOSEST:
            rows = [self._context[w] for w in context.words if w != word]
            scores = (block @ np.array(rows).T).max(axis=1)
        if DEBIAS:
            scores = scores - block @ self._average
        choices = []
        for verb in (True, False):
            kind = [i for i, (_, v) in enumerate(candidates) if v is verb][:FIRST_SENSES]
            if len(kind) < 2:
                continue
            best = max(kind, key=lambda i: scores[i])
            near = block @ block[best]
            beaten = frozenset(
                candidates[i][0]
                for i in kind
                if scores[best] - scores[i] >= MARGIN and near[i] < SYNONYMS
            )
            if beaten:
                choices.append((candidates[best][0], beaten))
        return Preference(tuple(choices)) if choices else None


def _entry(
    options: list[tuple[str, tuple[tuple[str, bool], ...], np.ndarray]], key: str
) -> tuple[tuple[tuple[str, bool], ...] | None, np.ndarray | None]:
    """Return the candidates of the entry read ``key``; of the only entry if none is."""
    for reading, candidates, block in options:
        if reading == key:
            return candidates, block
    if len(options) == 1:
        return options[0][1], options[0][2]
    return None, None


__all__ = ["MARGIN", "SENSE_VECTORS", "Preference", "SenseVectors", "SentenceContext"]
