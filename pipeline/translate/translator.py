"""Offline translation: batched CTranslate2 on an argostranslate package.

argostranslate's own ``translate()`` re-splits every paragraph with extra
models and decodes one paragraph (at most 32 tokens per batch) at a time.
The edition is already split into sentences, so this module sends every
sentence of the issue to CTranslate2 at once, sorted by length, with the
same decoding options argostranslate uses (so one sentence gives the same
English both ways). Then it enforces the glossary and computes the flags.
With no package installed, ``gloss_edition`` writes word-by-word glosses.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace

from zhreader.errors import TranslationModelError
from zhreader.model import Edition, Notice, Sentence, Token, iter_sentences, map_sentences
from zhreader.pipeline.translate.cache import TranslationCache, cache_key
from zhreader.pipeline.translate.packages import INSTALL_HINT, PackageInfo, installed_packages
from zhreader.pipeline.translate.quality import HAN_RE, quality_flags
from zhreader.pipeline.translate.terms import Term, enforce_terms, sentence_terms

# argostranslate's decoding options (translate.apply_packaged_translation).
LENGTH_PENALTY = 0.2
# Sentences per CTranslate2 batch: speed against peak memory. With one
# decoding thread per core, batches run side by side. On a transformer-base
# package, 2 cores, beam 4 (sentences/s, peak RSS): one 2-thread decoder with
# batches of 12 → 6.2, 260 MB; two 1-thread decoders with batches of 6 → 6.9,
# 256 MB; of 8 → 7.4, 300 MB.
MAX_BATCH_SIZE = 6
NO_MT_NOTICE = (
    "No zh→en translation model is installed: the English below is a word-by-word "
    "gloss from the glossary and dictionary, not a translation. "
    "To translate, install a package: zhreader models install FILE.argosmodel"
)


@dataclass(frozen=True)
class TranslationStats:
    """What translating one edition did."""

    translated: int
    from_cache: int
    flagged: int
    sentences: int


@dataclass
class Translator:
    """A loaded zh→en package: the CTranslate2 model and its SentencePiece model."""

    package: PackageInfo
    model: object  # ctranslate2.Translator
    sp: object  # sentencepiece.SentencePieceProcessor
    beam_size: int
    compute_type: str

    def signature_parts(self) -> dict[str, str]:
        """Return the signature parts naming the package and its decoding settings."""
        return {"mt": self.package.label, "beam": str(self.beam_size), "ct2": self.compute_type}

    def settings_key(self) -> dict[str, str]:
        """Return what, besides the package, decides a translation (for cache keys)."""
        return {"beam": str(self.beam_size), "ct2": self.compute_type, "lp": str(LENGTH_PENALTY)}

    def translate(self, texts: list[str]) -> list[str]:
        """Translate sentences in batches sorted by length; return English in input order."""
        order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
        pieces = [self.sp.encode(texts[i], out_type=str) for i in order]
        english = [""] * len(texts)
        for i, text in zip(order, self._decode(pieces), strict=True):
            english[i] = text
        return english

    def _decode(self, pieces: list[list[str]]) -> list[str]:
        if not pieces:
            return []
        prefix = self.package.target_prefix
        # One call: CTranslate2 cuts it into batches and runs them on its
        # decoding threads side by side.
        results = self.model.translate_batch(
            pieces,
            target_prefix=[[prefix]] * len(pieces) if prefix else None,
            max_batch_size=MAX_BATCH_SIZE,
            beam_size=self.beam_size,
            num_hypotheses=1,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
        )
        return [self._detokenize(r.hypotheses[0]) for r in results]

    def _detokenize(self, tokens: list[str]) -> str:
        # As argostranslate's SentencePieceTokenizer.decode: its "_" → " " too.
        text = self.sp.decode_pieces(tokens).replace("\u2581", " ").replace("_", " ")
        prefix = self.package.target_prefix
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return text[1:] if text.startswith(" ") else text


def available_cores() -> int:
    """Return the CPU cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def load_translator(settings) -> Translator | None:
    """Load the installed zh→en package (highest version), or return None if there is none."""
    packages = installed_packages()
    if not packages:
        return None
    return open_package(packages[-1], settings.beam_size, settings.threads, settings.compute_type)


def open_package(
    package: PackageInfo, beam_size: int, threads: int, compute_type: str
) -> Translator:
    """Load one package's CTranslate2 and SentencePiece models."""
    import ctranslate2
    import sentencepiece

    model_dir, sp_path = package.path / "model", package.path / "sentencepiece.model"
    if not (model_dir / "model.bin").is_file() or not sp_path.is_file():
        raise TranslationModelError(
            "the package has no model/model.bin or sentencepiece.model",
            file=str(package.path),
            hint="reinstall it with: zhreader models install FILE.argosmodel",
        )
    try:
        model = ctranslate2.Translator(
            str(model_dir),
            device="cpu",
            compute_type=compute_type,
            # One decoding thread per core, each with its own batches: faster
            # than one decoder using every core (see MAX_BATCH_SIZE), and
            # CTranslate2's default of 4 threads would oversubscribe small machines.
            inter_threads=threads or available_cores(),
            intra_threads=1,
        )
        sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
    except (RuntimeError, ValueError, OSError) as err:
        raise TranslationModelError(
            f"cannot load the translation model: {err}",
            file=str(package.path),
            hint="check --compute-type (int8, int8_float32, float32) or reinstall the package",
        ) from err
    return Translator(package, model, sp, beam_size, compute_type)


# --- translating an edition ------------------------------------------------------


def translate_edition(
    edition: Edition, translator: Translator, glossary, cache: TranslationCache | None
) -> tuple[Edition, TranslationStats]:
    """Translate every sentence of the edition (cache first), enforce the glossary, flag."""
    sentences = list(iter_sentences(edition))
    terms = {s.id: sentence_terms(s, glossary) for s in sentences}
    keys = {s.id: _key(translator, terms[s.id], s.zh) for s in sentences}
    term_sources = sorted({t.zh for ts in terms.values() for t in ts})
    term_keys = {zh: _key(translator, (), zh) for zh in term_sources}
    requests = {keys[s.id]: s.zh for s in sentences} | {term_keys[zh]: zh for zh in term_sources}
    raw, fresh = _translate_keys(requests, translator, cache)
    wording = {zh: raw[term_keys[zh]] for zh in term_sources}
    done = {s.id: _finish(s.zh, raw[keys[s.id]], terms[s.id], wording) for s in sentences}
    edition = map_sentences(edition, lambda s: _with_english(s, *done[s.id]))
    translated = sum(1 for s in sentences if keys[s.id] in fresh)
    flagged = sum(1 for en, flags in done.values() if flags)
    return edition, TranslationStats(
        translated, len(sentences) - translated, flagged, len(sentences)
    )


def _key(translator: Translator, terms: tuple[Term, ...], zh: str) -> str:
    pairs = [(t.zh, t.en) for t in terms]
    return cache_key(translator.package.label, translator.settings_key(), pairs, zh)


def _translate_keys(
    requests: dict[str, str], translator: Translator, cache: TranslationCache | None
) -> tuple[dict[str, str], set[str]]:
    """Return raw English for every key and the keys translated now (not cached)."""
    known = cache.get_many(requests) if cache is not None else {}
    missing = sorted(k for k in requests if k not in known)
    # Identical sentences under different keys are decoded once.
    sources = sorted({requests[k] for k in missing})
    english = dict(zip(sources, translator.translate(sources), strict=True))
    fresh = {k: english[requests[k]] for k in missing}
    if cache is not None:
        label = translator.package.label
        cache.put_many((k, requests[k], en, label) for k, en in fresh.items())
    return known | fresh, set(fresh)


def _finish(zh: str, raw: str, terms: tuple[Term, ...], wording: dict[str, str]):
    en, enforcement_flags = enforce_terms(raw, terms, wording)
    flags = quality_flags(zh, en, [(t.zh, t.en) for t in terms], raw=raw)
    return en, enforcement_flags + flags


def _with_english(sentence: Sentence, en: str, flags) -> Sentence:
    return replace(sentence, en=en, en_kind="mt", flags=tuple(flags))


# --- the fallback: word-by-word glosses -------------------------------------------

_PUNCTUATION = {
    "，": ",",
    "、": ",",
    "。": ".",
    "！": "!",
    "？": "?",
    "；": ";",
    "：": ":",
    "“": "“",
    "”": "”",
    "‘": "‘",
    "’": "’",
    "（": "(",
    "）": ")",
    "《": "“",
    "》": "”",
    "——": "—",
    "…": "…",
    "……": "…",
}
_OPENING = set("“‘(")
_APPROXIMATORS = frozenset("余多来")
# The English of 的 after a noun ("'s, of (particle)"), written onto the noun.
_POSSESSIVE = "'s"
_CLASSIFIER_NOTE = re.compile(r" \((?:general )?classifier(?: for ([^)]*))?\)")
# What a date word after its number reads as: 5 月 "May", 8 日 "8th", 5 月底 "end of May".
_DATE_PART = re.compile(
    r"^(?:(?:end of |start of |mid-)?(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)|[0-9]+(?:st|nd|rd|th))$"
)
_FULLWIDTH = str.maketrans({chr(0xFF01 + i): chr(0x21 + i) for i in range(94)})


def gloss_edition(edition: Edition) -> Edition:
    """Give every sentence a word-by-word English gloss and say so at the top."""
    glossed = map_sentences(
        edition, lambda s: replace(s, en=gloss_sentence(s), en_kind="gloss", flags=())
    )
    notices = tuple(n for n in edition.notices if n.code != "no-mt")
    return replace(glossed, notices=(*notices, Notice("no-mt", NO_MT_NOTICE)))


def gloss_sentence(sentence: Sentence) -> str:
    """Join the tokens' glosses (glossary renderings first) into one line of English.

    Grammar notes in parentheses ("(completed action)") are left out, and an
    approximator reads before its number: 100余人 "over 100 people".
    """
    out: list[str] = []
    attach_next = False
    after_number = False
    for token in sentence.tokens:
        if token.kind == "space":
            continue
        if token.kind == "punct":
            mark = _PUNCTUATION.get(token.zh, token.zh.translate(_FULLWIDTH))
            if HAN_RE.search(mark):
                continue
            if mark in _OPENING:
                out.append(mark)
                attach_next = True
            elif out:
                out[-1] += mark
            after_number = False
            continue
        word = _token_english(token)
        if not word:
            continue
        if after_number and token.zh in _APPROXIMATORS and out:
            out.insert(len(out) - 1, word)  # 100 余 → over 100
        elif after_number and _DATE_PART.match(word) and out:
            out[-1] = word  # 5 月 → May, 8 日 → 8th
        elif (attach_next or word == _POSSESSIVE) and out:
            out[-1] += word  # 学校的 → school's
        else:
            out.append(word)
        attach_next = False
        after_number = token.kind == "number"
    return " ".join(out)


def _token_english(token: Token) -> str:
    if token.kind in ("number", "latin"):
        return token.gloss or token.zh.translate(_FULLWIDTH)
    if token.gloss_source == "number" and token.gloss:
        # The measure word's note is for the learner, not for the line of English:
        # 三台 "three (classifier for machines)" reads "three (machines)", 十几个 "over ten".
        return _CLASSIFIER_NOTE.sub(lambda m: f" ({m[1]})" if m[1] else "", token.gloss)
    for sense in _senses(token.gloss):
        if sense.startswith("(") and sense.endswith(")"):
            return ""  # a grammar note, not English to read
        if not HAN_RE.search(sense):
            return sense.split(", ")[0] if token.gloss_source == "learner" else sense
    syllables = "".join(token.pinyin)
    if not syllables:
        return "?"
    return syllables[:1].upper() + syllables[1:] if token.kind in ("name", "place") else syllables


def _senses(gloss: str | None) -> list[str]:
    if not gloss:
        return []
    parts = [p.strip() for p in gloss.replace(";", "/").split("/")]
    return [p for p in parts if p]


__all__ = [
    "INSTALL_HINT",
    "NO_MT_NOTICE",
    "TranslationCache",
    "TranslationStats",
    "Translator",
    "gloss_edition",
    "gloss_sentence",
    "load_translator",
    "open_package",
    "translate_edition",
]
