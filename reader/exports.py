"""Research exports of one edition: sentences (JSONL, TSV) and citations (BibTeX, CSL-JSON).

Pure functions of the model. Every record carries the edition's signature so a
sentence quoted in a paper can be traced to exactly what produced it. Formats
and fields are documented in ``docs/batch.md`` and by
``zhreader/schema/sentences.schema.json`` and ``citation.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from zhreader import __version__
from zhreader.model import Article, Edition, Sentence, Token, article_sentences
from zhreader.pinyin_text import join_syllables

TSV_COLUMNS = (
    "issue",
    "date",
    "paper",
    "article",
    "sentence",
    "headline",
    "zh",
    "pinyin",
    "en",
    "en_kind",
    "flags",
    "terms",
    "signature",
)
TOOL = f"zhreader {__version__}"
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
# BibTeX's special characters; braces keep CJK text and capitals as written.
_BIB_ESCAPES = str.maketrans(
    {
        "\\": "\\textbackslash{}",
        "{": "\\{",
        "}": "\\}",
        "&": "\\&",
        "%": "\\%",
        "$": "\\$",
        "#": "\\#",
        "_": "\\_",
        "~": "\\textasciitilde{}",
        "^": "\\textasciicircum{}",
    }
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def sentence_pinyin(tokens: tuple[Token, ...]) -> str:
    """Return a sentence's pinyin as display text: words apart, punctuation attached."""
    words: list[str] = []
    for token in tokens:
        if token.kind == "space":
            continue
        text = join_syllables(token.pinyin) if token.pinyin else token.zh
        if token.kind == "punct" and words:
            words[-1] += text
        else:
            words.append(text)
    return " ".join(words)


def sentence_terms(sentence: Sentence) -> list[str]:
    """Return the glossary terms a sentence uses, once each, in reading order."""
    return list(dict.fromkeys(t.term for t in sentence.tokens if t.term))


def sentence_records(edition: Edition, slug: str) -> Iterator[dict]:
    """Yield one export record per sentence, in reading order."""
    for article in edition.articles:
        for sentence in article_sentences(article):
            yield _record(edition, slug, article, sentence)


def _record(edition: Edition, slug: str, article: Article, sentence: Sentence) -> dict:
    return {
        "issue": slug,
        "date": edition.date,
        "paper": edition.paper,
        "article": article.id,
        "sentence": sentence.id,
        "headline": article.headline.zh,
        "zh": sentence.zh,
        "pinyin": sentence_pinyin(sentence.tokens),
        "en": sentence.en,
        "en_kind": sentence.en_kind,
        "flags": [{"code": f.code, "detail": f.detail} for f in sentence.flags],
        "terms": sentence_terms(sentence),
        "signature": edition.signature,
    }


def jsonl_lines(edition: Edition, slug: str) -> Iterator[str]:
    """Yield sentences.jsonl line by line: one JSON object per sentence."""
    for record in sentence_records(edition, slug):
        yield json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def sentences_jsonl(edition: Edition, slug: str) -> str:
    """Return one JSON object per sentence, one per line (UTF-8 text, not \\u escapes)."""
    return "".join(jsonl_lines(edition, slug))


def tsv_lines(edition: Edition, slug: str) -> Iterator[str]:
    """Yield sentences.tsv line by line: the header row, then one row per sentence."""
    yield "\t".join(TSV_COLUMNS) + "\n"
    for record in sentence_records(edition, slug):
        yield "\t".join(_tsv_cell(record[column]) for column in TSV_COLUMNS) + "\n"


def sentences_tsv(edition: Edition, slug: str) -> str:
    """Return the sentence records as a flat table with a header row."""
    return "".join(tsv_lines(edition, slug))


def _tsv_cell(value: object) -> str:
    """Flatten one value: lists joined by ``;``, None empty, tabs and newlines escaped."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = ";".join(v["code"] if isinstance(v, dict) else str(v) for v in value)
    return str(value).translate(_TSV_ESCAPES)


def _description(edition: Edition) -> str:
    made = f"Bilingual (Chinese-English) reading edition made with {TOOL}"
    return f"{made}; signature: {edition.signature}"


def _bib_entry(
    kind: str, key: str, fields: list[tuple[str, str]], date: str | None, raw: tuple[str, ...] = ()
) -> str:
    """Write one entry; values are escaped except the fields named in ``raw`` (our own braces)."""
    body = ",\n".join(
        f"  {name} = {{{value if name in raw else value.translate(_BIB_ESCAPES)}}}"
        for name, value in fields
    )
    month_line = ""
    if date:
        # A bare month macro (jan…dec) is what BibTeX styles sort and abbreviate.
        month_line = f",\n  month = {_MONTHS[int(date[5:7]) - 1]}"
    return f"@{kind}{{{key},\n{body}{month_line}\n}}\n"


def _dates(edition: Edition) -> list[tuple[str, str]]:
    # year for BibTeX's own styles, date for biblatex; undated, EDTF's "year
    # unspecified" tells biblatex the date is unknown (it requires one).
    if not edition.date:
        return [("date", "XXXX")]
    return [("date", edition.date), ("year", edition.date[:4])]


def citation_bib(edition: Edition, slug: str) -> str:
    """Return BibTeX: a ``@misc`` entry for the edition, then an ``@article`` per article."""
    fields: list[tuple[str, str]] = [("title", edition.title)]
    fields += _dates(edition)
    # @misc has no journal or pages (biber warns): the paper and page say how it was published.
    where = _where(edition)
    published = f"{where}; reading edition, {TOOL}" if where else f"Reading edition, {TOOL}"
    fields += [
        ("howpublished", published),
        ("version", __version__),
        ("note", _description(edition)),
    ]
    entries = [_bib_entry("misc", _bib_key(slug), fields, edition.date)]
    entries += [_article_bib(edition, slug, article) for article in edition.articles]
    return "\n".join(entries)


def _article_bib(edition: Edition, slug: str, article: Article) -> str:
    """Return one article as ``@article``: fields that BibTeX styles and biblatex both read.

    An article needs its journal and year; without the paper or the date it is
    a ``@misc`` entry, so that no style warns about a missing field.
    """
    kind = "article" if edition.paper and edition.date else "misc"
    fields: list[tuple[str, str]] = []
    if article.bylines:
        names = (name.translate(_BIB_ESCAPES) for name in article.bylines)
        fields.append(("author", " and ".join(names)))
    elif edition.paper:
        # An unsigned news item: the paper stands as corporate author (braced: one name).
        fields.append(("author", "{" + edition.paper.translate(_BIB_ESCAPES) + "}"))
    fields.append(("title", article.headline.zh))
    if article.headline.en:
        fields.append(("titleaddon", f"[{article.headline.en}]"))
    if kind == "article":
        # BibTeX's journal; biber reads it as biblatex's journaltitle (both given, it warns).
        fields.append(("journal", edition.paper or ""))
    fields += _dates(edition)
    if edition.page and kind == "article":
        fields.append(("pages", edition.page))
    elif kind == "misc":
        fields.append(("howpublished", _where(edition) or "Newspaper article"))
    link = f"{slug}/side-by-side.html#{article.id}"
    fields.append(("note", f"Article {article.id}, {link}; {_description(edition)}"))
    key = _bib_key(f"{slug}-{article.id}")
    return _bib_entry(kind, key, fields, edition.date, raw=("author",))


def _where(edition: Edition) -> str:
    """Return the paper and the page, as known ("岳阳日报, page 3")."""
    page = f"page {edition.page}" if edition.page else ""
    return ", ".join(filter(None, [edition.paper or "", page]))


def _bib_key(slug: str) -> str:
    """Return a citation key BibTeX accepts: no spaces, commas, braces or quotes."""
    return "".join(c if c.isalnum() or c in "-_:." else "-" for c in slug) or "edition"


def citation_csl(edition: Edition, slug: str) -> dict:
    """Return the edition as one CSL-JSON item."""
    item: dict = {"id": slug, "type": "article-newspaper", "title": edition.title}
    _csl_source(item, edition)
    item["language"] = "zh-Hans"
    item["medium"] = f"Bilingual reading edition, {TOOL}"
    item["version"] = __version__
    item["note"] = _description(edition)
    return item


def _csl_source(item: dict, edition: Edition) -> None:
    if edition.paper:
        item["container-title"] = edition.paper
    if edition.date:
        item["issued"] = {"date-parts": [[int(p) for p in edition.date.split("-")]]}
    if edition.page:
        item["page"] = edition.page


def article_csl(edition: Edition, slug: str, article: Article) -> dict:
    """Return one article as a CSL-JSON ``article-newspaper`` item."""
    item: dict = {"id": f"{slug}-{article.id}", "type": "article-newspaper"}
    if article.bylines:
        # Written as printed: CSL's "literal" keeps a Chinese name whole.
        item["author"] = [{"literal": name} for name in article.bylines]
    item["title"] = article.headline.zh
    _csl_source(item, edition)
    item["language"] = "zh-Hans"
    item["URL"] = f"{slug}/side-by-side.html#{article.id}"
    item["note"] = _description(edition)
    return item


def citation_csl_json(edition: Edition, slug: str) -> str:
    """Return CSL-JSON: the edition's item, then one item per article."""
    items = [citation_csl(edition, slug)]
    items += [article_csl(edition, slug, article) for article in edition.articles]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


__all__ = [
    "TSV_COLUMNS",
    "article_csl",
    "citation_bib",
    "citation_csl",
    "citation_csl_json",
    "jsonl_lines",
    "sentence_pinyin",
    "sentence_records",
    "sentence_terms",
    "sentences_jsonl",
    "sentences_tsv",
    "tsv_lines",
]
