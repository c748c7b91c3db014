"""The edition model: Edition → Article → Block → Sentence → Token.

Every stage of the pipeline takes an Edition and returns a new one (the
classes are frozen; use ``dataclasses.replace``). The renderers in
``reader/`` only read it. ``edition.json`` is this model written out by
``to_dict`` and documented by ``zhreader/schema/edition.schema.json``.

The classes an edition holds many of (Token, Flag, Sentence, Block) have
slots: a token object takes 104 bytes, some 350 with a ``__dict__`` (issue 17: memory
per MB of input). Equal tokens may be one object (the annotator shares them).

Ids are stable: the same input builds the same ids.
  article   a3
  block     a3-p2          (paragraphs, subheads and figures share one count)
  sentence  a3-p2-s1       (inside a block)
  heading   a3-sec, a3-k, a3-h, a3-d, a3-by, a3-dl
            (section label, kicker, headline, deck, author line, dateline)
  credit    a3-p5-c        (a figure's photo credit)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

SCHEMA_VERSION = "zhreader.edition/1"

TokenKind = Literal["word", "name", "place", "number", "punct", "latin", "space"]
BlockKind = Literal["subhead", "paragraph", "figure"]
EnKind = Literal["mt", "gloss"]


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a sentence; the tokens' ``zh`` join back into the sentence."""

    zh: str
    kind: TokenKind = "word"
    # One syllable per Chinese character, tone marks, dictionary (citation) tones.
    # Empty for punctuation, digits and Latin text.
    pinyin: tuple[str, ...] = ()
    # The same syllables as spoken: the tone sandhi of 一 and 不 and the
    # neutral tones a dictionary writes into the word (认识 rènshi); None when
    # they equal ``pinyin``. A display option of the editions.
    sandhi: tuple[str, ...] | None = None
    gloss: str | None = None
    # Where the gloss comes from: "cedict", "chars" (built from the dictionary
    # words inside a word CC-CEDICT lacks), "glossary", "learner" (the curated
    # learner senses, by context), "name", "number" (38万 "380,000"), or None.
    gloss_source: str | None = None
    hsk: int | None = None
    term: str | None = None  # the glossary entry's ``zh`` when this token is a term
    # A term's dictionary words (脱贫攻坚: 脱贫 | 攻坚), each with its slice of the
    # term's pinyin and its gloss in context; their ``zh`` join into the term's.
    # Empty for every other token and for a term that is one dictionary word.
    parts: tuple[Token, ...] = ()


@dataclass(frozen=True, slots=True)
class Flag:
    """A reason to doubt a sentence's English (short code and a human detail)."""

    code: str
    detail: str


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    zh: str
    en: str | None = None
    en_kind: EnKind | None = None
    flags: tuple[Flag, ...] = ()
    tokens: tuple[Token, ...] = ()


@dataclass(frozen=True, slots=True)
class Block:
    id: str
    kind: BlockKind
    sentences: tuple[Sentence, ...] = ()
    # Figures only: the photo credit line (刘实华 摄) as its own text.
    credit: Sentence | None = None


@dataclass(frozen=True)
class Article:
    id: str
    headline: Sentence
    section: Sentence | None = None
    deck: Sentence | None = None
    # The 本报讯(刘飞翔) prefix that opens a news item, kept as text.
    dateline: Sentence | None = None
    # Names derived from the author line, the dateline or a trailing credit
    # such as (贺新); metadata only: their characters stay in a text field.
    bylines: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    # The 引题 printed above the headline (北京车展上，…——), a text unit like the deck.
    kicker: Sentence | None = None
    # The author line under the headline (本报记者  王  政), kept as text.
    byline_line: Sentence | None = None
    # Data read from the dateline when it names them (本报长沙5月8日讯):
    # the place as printed and the date as "MM-DD" (the year is the issue's).
    dateline_place: str | None = None
    dateline_date: str | None = None


@dataclass(frozen=True)
class SourceInfo:
    file: str
    sha256: str
    encoding: str


@dataclass(frozen=True)
class GlossaryUse:
    """A glossary entry that occurs in this edition, for the appendix."""

    zh: str
    pinyin: str
    en: str
    note: str
    category: str
    source: str
    occurrences: tuple[str, ...]  # sentence ids, in reading order


@dataclass(frozen=True)
class Reading:
    """One reading of a dictionary word and its CC-CEDICT senses, in the file's order."""

    pinyin: tuple[str, ...]  # tone marks, one syllable per character
    senses: tuple[str, ...]


@dataclass(frozen=True)
class LexiconEntry:
    """A word or character the edition uses, as the dictionary has it (for the word panel)."""

    zh: str
    readings: tuple[Reading, ...] = ()  # empty: not in CC-CEDICT
    hsk: int | None = None


@dataclass(frozen=True)
class Notice:
    """Something a reader of the edition must know (shown at the top)."""

    code: str
    message: str


@dataclass(frozen=True)
class Edition:
    title: str
    source: SourceInfo
    articles: tuple[Article, ...] = ()
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    paper: str | None = None
    page: str | None = None
    signature: str = ""
    glossary: tuple[GlossaryUse, ...] = ()
    notices: tuple[Notice, ...] = ()
    # Characters XML forbids (control characters) removed from the input,
    # as "U+0007 at line 3"; the text-is-sacred check accounts for them.
    removed_characters: tuple[str, ...] = ()
    # Every word the edition's tokens use and every character of those words,
    # once each, sorted by ``zh``: what a word panel shows beyond the token.
    lexicon: tuple[LexiconEntry, ...] = ()
    schema: str = SCHEMA_VERSION


# --- walking the model -------------------------------------------------------


def article_heading(article: Article) -> Iterator[Sentence]:
    """Yield the article's heading sentences in reading order."""
    for sentence in (article.section, article.kicker, article.headline, article.deck):
        if sentence is not None:
            yield sentence


def block_sentences(block: Block) -> Iterator[Sentence]:
    """Yield a block's sentences, then its credit."""
    yield from block.sentences
    if block.credit is not None:
        yield block.credit


def article_front(article: Article) -> Iterator[Sentence]:
    """Yield what comes before the blocks: the heading, the author line, the dateline."""
    yield from article_heading(article)
    if article.byline_line is not None:
        yield article.byline_line
    # The dateline opens the first paragraph, so it comes before the blocks.
    if article.dateline is not None:
        yield article.dateline


def article_sentences(article: Article) -> Iterator[Sentence]:
    """Yield every sentence of an article in reading order."""
    yield from article_front(article)
    for block in article.blocks:
        yield from block_sentences(block)


def iter_sentences(edition: Edition) -> Iterator[Sentence]:
    """Yield every sentence of the edition in reading order."""
    for article in edition.articles:
        yield from article_sentences(article)


def map_sentences(edition: Edition, change) -> Edition:
    """Return a copy of the edition with ``change(sentence)`` applied to every sentence."""

    def one(sentence: Sentence | None) -> Sentence | None:
        return None if sentence is None else change(sentence)

    def block(b: Block) -> Block:
        return replace(b, sentences=tuple(change(s) for s in b.sentences), credit=one(b.credit))

    def article(a: Article) -> Article:
        return replace(
            a,
            section=one(a.section),
            headline=change(a.headline),
            deck=one(a.deck),
            dateline=one(a.dateline),
            kicker=one(a.kicker),
            byline_line=one(a.byline_line),
            blocks=tuple(block(b) for b in a.blocks),
        )

    return replace(edition, articles=tuple(article(a) for a in edition.articles))


# --- JSON --------------------------------------------------------------------


def written_fields(obj: Any) -> list[str]:
    """Return the names of the fields an object is written with: all, but a token's
    ``parts`` only when it has some (most tokens have none: 4 % of edition.json)."""
    names = [f.name for f in fields(obj)]
    if isinstance(obj, Token) and not obj.parts:
        names.remove("parts")
    return names


def to_dict(obj: Any) -> Any:
    """Return the model as plain JSON-ready data (tuples become lists)."""
    if hasattr(obj, "__dataclass_fields__"):
        return {name: to_dict(getattr(obj, name)) for name in written_fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [to_dict(x) for x in obj]
    return obj


def _tuple(items, make) -> tuple:
    return tuple(make(x) for x in items or ())


def _sentence(d: dict | None) -> Sentence | None:
    if d is None:
        return None
    return Sentence(
        id=d["id"],
        zh=d["zh"],
        en=d.get("en"),
        en_kind=d.get("en_kind"),
        flags=_tuple(d.get("flags"), lambda f: Flag(**f)),
        tokens=_tuple(d.get("tokens"), _token),
    )


def _token(d: dict) -> Token:
    d = dict(d)
    d["pinyin"] = tuple(d.get("pinyin") or ())
    if d.get("sandhi") is not None:
        d["sandhi"] = tuple(d["sandhi"])
    d["parts"] = _tuple(d.get("parts"), _token)
    return Token(**d)


def _block(d: dict) -> Block:
    return Block(
        id=d["id"],
        kind=d["kind"],
        sentences=_tuple(d.get("sentences"), _sentence),
        credit=_sentence(d.get("credit")),
    )


def _article(d: dict) -> Article:
    return Article(
        id=d["id"],
        headline=_sentence(d["headline"]),
        section=_sentence(d.get("section")),
        deck=_sentence(d.get("deck")),
        dateline=_sentence(d.get("dateline")),
        bylines=tuple(d.get("bylines") or ()),
        blocks=_tuple(d.get("blocks"), _block),
        kicker=_sentence(d.get("kicker")),
        byline_line=_sentence(d.get("byline_line")),
        dateline_place=d.get("dateline_place"),
        dateline_date=d.get("dateline_date"),
    )


def _glossary_use(d: dict) -> GlossaryUse:
    return GlossaryUse(**{**d, "occurrences": tuple(d["occurrences"])})


def edition_from_dict(d: dict) -> Edition:
    """Rebuild an Edition from ``to_dict`` output (edition.json)."""
    return Edition(
        schema=d.get("schema", SCHEMA_VERSION),
        title=d["title"],
        date=d.get("date"),
        paper=d.get("paper"),
        page=d.get("page"),
        source=SourceInfo(**d["source"]),
        signature=d.get("signature", ""),
        articles=_tuple(d.get("articles"), _article),
        glossary=_tuple(d.get("glossary"), _glossary_use),
        notices=_tuple(d.get("notices"), lambda n: Notice(**n)),
        removed_characters=tuple(d.get("removed_characters") or ()),
        lexicon=_tuple(d.get("lexicon"), _lexicon_entry),
    )


def _lexicon_entry(d: dict) -> LexiconEntry:
    readings = _tuple(
        d.get("readings"), lambda r: Reading(tuple(r["pinyin"]), tuple(r["senses"]))
    )
    return LexiconEntry(zh=d["zh"], readings=readings, hsk=d.get("hsk"))


__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Block",
    "Edition",
    "Flag",
    "GlossaryUse",
    "LexiconEntry",
    "Notice",
    "Reading",
    "Sentence",
    "SourceInfo",
    "Token",
    "article_heading",
    "article_sentences",
    "block_sentences",
    "edition_from_dict",
    "iter_sentences",
    "map_sentences",
    "to_dict",
    "written_fields",
]
