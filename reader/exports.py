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


def sentences_jsonl(edition: Edition, slug: str) -> str:
    """Return one JSON object per sentence, one per line (UTF-8 text, not \\u escapes)."""
    lines = (
        json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        for record in sentence_records(edition, slug)
    )
    return "".join(line + "\n" for line in lines)


def sentences_tsv(edition: Edition, slug: str) -> str:
    """Return the sentence records as a flat table with a header row."""
    rows = ["\t".join(TSV_COLUMNS)]
    for record in sentence_records(edition, slug):
        rows.append("\t".join(_tsv_cell(record[column]) for column in TSV_COLUMNS))
    return "".join(row + "\n" for row in rows)


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


def citation_bib(edition: Edition, slug: str) -> str:
    """Return a BibTeX ``@misc`` entry for the edition."""
    fields: list[tuple[str, str]] = [("title", edition.title)]
    if edition.paper:
        fields.append(("journal", edition.paper))
    if edition.date:
        year, month, _ = edition.date.split("-")
        fields += [("date", edition.date), ("year", year)]
    if edition.page:
        fields.append(("pages", edition.page))
    fields += [
        ("howpublished", f"Reading edition, {TOOL}"),
        ("version", __version__),
        ("note", _description(edition)),
    ]
    body = ",\n".join(f"  {name} = {{{value.translate(_BIB_ESCAPES)}}}" for name, value in fields)
    month_line = ""
    if edition.date:
        # A bare month macro (jan…dec) is what BibTeX styles sort and abbreviate.
        month_line = f",\n  month = {_MONTHS[int(edition.date[5:7]) - 1]}"
    return f"@misc{{{_bib_key(slug)},\n{body}{month_line}\n}}\n"


def _bib_key(slug: str) -> str:
    """Return a citation key BibTeX accepts: no spaces, commas, braces or quotes."""
    return "".join(c if c.isalnum() or c in "-_:." else "-" for c in slug) or "edition"


def citation_csl(edition: Edition, slug: str) -> dict:
    """Return the edition as one CSL-JSON item."""
    item: dict = {"id": slug, "type": "article-newspaper", "title": edition.title}
    if edition.paper:
        item["container-title"] = edition.paper
    if edition.date:
        item["issued"] = {"date-parts": [[int(p) for p in edition.date.split("-")]]}
    if edition.page:
        item["page"] = edition.page
    item["language"] = "zh-Hans"
    item["medium"] = f"Bilingual reading edition, {TOOL}"
    item["version"] = __version__
    item["note"] = _description(edition)
    return item


def citation_csl_json(edition: Edition, slug: str) -> str:
    """Return CSL-JSON (an array holding one item) for the edition."""
    return json.dumps([citation_csl(edition, slug)], ensure_ascii=False, indent=2) + "\n"


__all__ = [
    "TSV_COLUMNS",
    "citation_bib",
    "citation_csl",
    "citation_csl_json",
    "sentence_pinyin",
    "sentence_records",
    "sentence_terms",
    "sentences_jsonl",
    "sentences_tsv",
]
