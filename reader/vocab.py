"""Vocabulary to take away: ``vocab.tsv`` and an Anki deck of the issue's harder words.

A word is taken when a learner at the chosen HSK level would not know it
(its level is above the chosen one, or it is not in the HSK lists at all) or
when it is a glossary term. Person and place names are left out: they are
read from the text, not learnt. Each word is taken once, with the sentence
of its first use. Columns: ``zhreader/schema/vocab.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from zhreader.model import Edition, Sentence, Token, iter_sentences
from zhreader.pinyin_text import join_syllables

DEFAULT_LEVEL = 4
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


@dataclass(frozen=True)
class VocabItem:
    """One word to learn, with the sentence it came from."""

    zh: str
    pinyin: str
    gloss: str
    hsk: int | None
    term_en: str  # the glossary's rendering, "" for other words
    note: str
    sentence_id: str
    sentence_zh: str
    sentence_en: str
    en_kind: str  # "mt", "gloss" or ""


@cache
def vocab_columns() -> tuple[str, ...]:
    """Return the columns of vocab.tsv, in order, from its schema."""
    schema = files("zhreader").joinpath("schema", "vocab.schema.json").read_text("utf-8")
    return tuple(json.loads(schema)["x-columns"])


def _wanted(token: Token, level: int) -> bool:
    if token.term:
        return True
    if token.kind != "word" or not token.pinyin:
        return False
    return token.hsk is None or token.hsk > level


def vocab_items(edition: Edition, level: int = DEFAULT_LEVEL) -> Iterator[VocabItem]:
    """Yield the words above ``level`` and the glossary terms, once each, in reading order."""
    terms = {use.zh: use for use in edition.glossary}
    seen: set[str] = set()
    for sentence in iter_sentences(edition):
        for token in sentence.tokens:
            if token.zh in seen or not _wanted(token, level):
                continue
            seen.add(token.zh)
            yield _item(token, sentence, terms.get(token.term or ""))


def _item(token: Token, sentence: Sentence, term) -> VocabItem:
    return VocabItem(
        zh=token.zh,
        pinyin=join_syllables(token.pinyin),
        gloss=token.gloss or "",
        hsk=token.hsk,
        term_en=term.en if term else "",
        note=term.note if term else "",
        sentence_id=sentence.id,
        sentence_zh=sentence.zh,
        sentence_en=sentence.en or "",
        en_kind=sentence.en_kind or "",
    )


def _row(item: VocabItem, slug: str) -> dict[str, str]:
    return {
        "zh": item.zh,
        "pinyin": item.pinyin,
        "gloss": item.gloss,
        "hsk": "" if item.hsk is None else str(item.hsk),
        "term_en": item.term_en,
        "note": item.note,
        "sentence": item.sentence_id,
        "sentence_zh": item.sentence_zh,
        "sentence_en": item.sentence_en,
        "en_kind": item.en_kind,
        "issue": slug,
    }


def vocab_tsv(edition: Edition, slug: str, level: int = DEFAULT_LEVEL) -> str:
    """Return vocab.tsv: a header line, then one word a line (tabs and newlines escaped)."""
    columns = vocab_columns()
    lines = ["\t".join(columns)]
    for item in vocab_items(edition, level):
        row = _row(item, slug)
        lines.append("\t".join(row[c].translate(_ESCAPES) for c in columns))
    return "".join(line + "\n" for line in lines)


__all__ = ["DEFAULT_LEVEL", "VocabItem", "vocab_columns", "vocab_items", "vocab_tsv"]
