"""The library: ``OUT/index.html``, a page per glossary term, and an offline search index.

Renderers only read data: ``issue_library_data`` turns one edition into the
small record a batch keeps beside the editions (``OUT/<slug>/library.json``),
and ``render_library`` turns those records into pages. The search index is a
JavaScript file that assigns a global, so the search works from ``file://``
where ``fetch`` is refused.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from zhreader.fsutil import atomic_write_text
from zhreader.han import js_han_class
from zhreader.model import Edition, Sentence, Token, iter_sentences

TEMPLATES = Path(__file__).parent / "templates" / "library"
SEARCH_SHARD = "search.js"  # in each issue's folder
# Written by versions before the index was sharded; removed when the library is.
OLD_SEARCH_INDEX = "search-index.js"
TERMS_DIR = "terms"
EDITION_LINKS = (
    ("side-by-side.html", "side by side"),
    ("interlinear.html", "interlinear"),
    ("{slug}.epub", "EPUB"),
    ("edition.json", "JSON"),
    ("sentences.jsonl", "sentences (JSONL)"),
    ("sentences.tsv", "sentences (TSV)"),
    ("citation.bib", "BibTeX"),
    ("citation.json", "CSL-JSON"),
)
_ENGLISH_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
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


# --- one issue's record ------------------------------------------------------


def token_keys(token: Token) -> set[str]:
    """Return the search keys of one token: the word, its syllables, its pinyin word."""
    if token.kind in ("punct", "space"):
        return set()
    if not token.pinyin:
        return {token.zh.lower()}
    syllables = [unicodedata.normalize("NFC", s.lower()) for s in token.pinyin]
    return {token.zh, "".join(syllables), *syllables}


def english_keys(text: str | None) -> set[str]:
    """Return the indexable words of an English sentence, lower-cased."""
    words = _ENGLISH_WORD.findall((text or "").lower())
    return {w for w in words if len(w) > 1 and w not in _STOPWORDS}


def syllable_pairs(tokens: Sequence[Token]) -> set[str]:
    """Return adjacent tone-marked syllables joined (fúpín), across word boundaries.

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
            syllable = unicodedata.normalize("NFC", syllable.lower())
            if previous is not None:
                pairs.add(previous + syllable)
            previous = syllable
    return pairs


def sentence_keys(sentence: Sentence) -> set[str]:
    """Return every search key of a sentence."""
    keys = english_keys(sentence.en) | syllable_pairs(sentence.tokens)
    for token in sentence.tokens:
        keys |= token_keys(token)
    return keys


def search_shard(edition: Edition, slug: str) -> dict:
    """Return one issue's part of the search index: its sentences and their keys."""
    sentences, keys = [], {}
    for index, sentence in enumerate(iter_sentences(edition)):
        # The fourth cell says what the English is: "mt", "gloss" or "".
        sentences.append([sentence.id, sentence.zh, sentence.en or "", sentence.en_kind or ""])
        for key in sorted(sentence_keys(sentence)):
            keys.setdefault(key, []).append(index)
    return {
        "slug": slug,
        "date": edition.date,
        "paper": edition.paper,
        "title": edition.title,
        "sentences": sentences,
        "keys": dict(sorted(keys.items())),
    }


def search_shard_js(shard: dict) -> str:
    """Return a shard as a script that adds it to ``window.ZHREADER_SEARCH_SHARDS``.

    One script per issue, written when the issue is built: the index page
    loads them all (scripts load from ``file://`` where ``fetch`` is refused),
    so a batch run never merges or rewrites the whole archive's index.
    """
    data = json.dumps(shard, ensure_ascii=False, separators=(",", ":"))
    return f"(window.ZHREADER_SEARCH_SHARDS = window.ZHREADER_SEARCH_SHARDS || []).push({data});\n"


def issue_library_data(edition: Edition, slug: str) -> dict:
    """Return what the library pages need of one edition (headlines, terms, term sections)."""
    sentences = {s.id: (s.zh, s.en or "", s.en_kind or "") for s in iter_sentences(edition)}
    record = {
        "slug": slug,
        "title": edition.title,
        "date": edition.date,
        "paper": edition.paper,
        "page": edition.page,
        "signature": edition.signature,
        "articles": [
            {
                "id": a.id,
                "headline": a.headline.zh,
                "en": a.headline.en or "",
                "en_kind": a.headline.en_kind or "",
            }
            for a in edition.articles
        ],
        "glossary": [
            {"zh": g.zh, "pinyin": g.pinyin, "en": g.en, "occurrences": list(g.occurrences)}
            for g in edition.glossary
        ],
    }
    record["term_sections"] = term_sections(record, sentences)
    return record


def term_sections(issue: dict, sentences: dict[str, tuple[str, str, str]]) -> dict[str, str]:
    """Render, once per issue, its section of every term page it contributes to.

    A batch keeps these in the issue's record, so rebuilding the library for
    a new issue joins stored sections instead of rendering every occurrence
    of every term in the archive again.
    """
    template = _environment().get_template("_term_issue.html")
    sections = {}
    for use in issue["glossary"]:
        found = [
            {"id": sid, "zh": sentences[sid][0], "en": sentences[sid][1], "kind": sentences[sid][2]}
            for sid in use["occurrences"]
            if sid in sentences
        ]
        sections[use["zh"]] = template.render(issue=issue, sentences=found)
    return sections


# --- the whole library -------------------------------------------------------


def newest_first(issues: Iterable[dict]) -> list[dict]:
    """Sort issues by date, newest first; undated issues last, by slug."""
    issues = list(issues)
    dated = sorted((i for i in issues if i.get("date")), key=lambda i: (i["date"], i["slug"]))
    undated = sorted((i for i in issues if not i.get("date")), key=lambda i: i["slug"])
    return dated[::-1] + undated


def term_file(zh: str) -> str:
    """Return a term page's file name: the term itself, minus characters unsafe in paths."""
    safe = "".join(c if unicodedata.category(c)[0] in "LN" or c in "-_" else "_" for c in zh)
    return f"{safe or 'term'}.html"


def collect_terms(issues: Sequence[dict]) -> list[dict]:
    """Return every glossary term with its occurrences per issue, terms sorted by pinyin."""
    terms: dict[str, dict] = {}
    for issue in issues:
        sections = issue["term_sections"]
        for use in issue["glossary"]:
            term = terms.setdefault(
                use["zh"], {"zh": use["zh"], "pinyin": use["pinyin"], "en": use["en"], "issues": []}
            )
            count = len(use["occurrences"])
            term["issues"].append({"issue": issue, "count": count, "section": sections[use["zh"]]})
    for term in terms.values():
        term["file"] = term_file(term["zh"])
        term["count"] = sum(i["count"] for i in term["issues"])
    return sorted(terms.values(), key=lambda t: (t["pinyin"].lower(), t["zh"]))


@functools.cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["href"] = lambda path: quote(path, safe="/#.-_~")
    env.globals["han_class"] = js_han_class()
    return env


def _edition_links(issue: dict) -> list[tuple[str, str]]:
    present = set(issue.get("files", ()))
    links = []
    for name, label in EDITION_LINKS:
        name = name.format(slug=issue["slug"])
        if not present or name in present:
            links.append((f"{issue['slug']}/{name}", label))
    return links


def render_library(issues: Sequence[dict], failures: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Render the library: relative path → file text."""
    env = _environment()
    ordered = newest_first(issues)
    terms = collect_terms(ordered)
    links = {i["slug"]: _edition_links(i) for i in ordered}
    files = {
        "index.html": env.get_template("index.html").render(
            issues=ordered, links=links, terms=terms, failures=list(failures)
        ),
    }
    page = env.get_template("term.html")
    for term in terms:
        files[f"{TERMS_DIR}/{term['file']}"] = page.render(term=term)
    return files


def write_library(out: Path, issues: Sequence[dict], failures: Sequence[tuple[str, str]]) -> None:
    """Write the library's files into ``out`` and remove term pages no longer used."""
    files = render_library(issues, failures)
    for name, text in files.items():
        atomic_write_text(out / name, text)
    (out / OLD_SEARCH_INDEX).unlink(missing_ok=True)
    for page in (out / TERMS_DIR).glob("*.html"):
        if f"{TERMS_DIR}/{page.name}" not in files:
            page.unlink()


__all__ = [
    "collect_terms",
    "issue_library_data",
    "newest_first",
    "render_library",
    "search_shard",
    "search_shard_js",
    "term_file",
    "write_library",
]
