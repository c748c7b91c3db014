"""The library's pages: the index, a calendar of years and months, term pages, failures.

Renderers only read data: ``issue_library_data`` turns one edition into the
small record a batch keeps beside the editions (``OUT/<slug>/library.json``),
and the ``render_*`` functions turn catalogue rows (``pipeline/catalogue.py``)
into one page each, so the batch rewrites only the pages an issue changes.
Every page's size is bounded by a year's or a month's issues, never the
archive's: the index shows the newest ``NEWEST`` issues and the calendar.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from jinja2 import Environment

from zhreader.han import js_han_class
from zhreader.model import Edition, iter_sentences
from zhreader.reader.search_index import BUCKETS
from zhreader.reader.templating import make_environment
from zhreader.signature import short_hash

# Written by versions before the index was sharded by year; removed by the library.
OLD_SEARCH_INDEX = "search-index.js"
TERMS_DIR = "terms"
YEARS_DIR = "years"
RECORD_FORMAT = 3  # of library.json; a record of another format is made again
NEWEST = 20  # issues on the index page, whatever the archive's size
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
_SAFE_PUNCT = "-_"


# --- one issue's record ------------------------------------------------------


def issue_library_data(edition: Edition, slug: str) -> dict:
    """Return what the library pages need of one edition (headlines, terms, term sections)."""
    sentences = {s.id: (s.zh, s.en or "", s.en_kind or "") for s in iter_sentences(edition)}
    record = {
        "format": RECORD_FORMAT,
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


def is_library_record(data: object, slug: str) -> bool:
    """Return True when ``data`` is a complete library record of this format for ``slug``."""
    if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
        return False
    if data.get("slug") != slug or not isinstance(data.get("title"), str):
        return False
    glossary, sections = data.get("glossary"), data.get("term_sections")
    if not isinstance(glossary, list) or not isinstance(sections, dict):
        return False
    if not isinstance(data.get("articles"), list) or not isinstance(data.get("files", []), list):
        return False
    return all(isinstance(g, dict) and g.get("zh") in sections for g in glossary)


def term_sections(issue: dict, sentences: dict[str, tuple[str, str, str]]) -> dict[str, str]:
    """Render, once per issue, its section of every term page it contributes to.

    A batch keeps these in the issue's record, so adding an issue to the
    library joins stored sections instead of rendering every occurrence of
    every term in the archive again.
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


# --- naming --------------------------------------------------------------------


def newest_first(issues: Iterable[dict]) -> list[dict]:
    """Sort issues by date, newest first; undated issues last, by slug."""
    issues = list(issues)
    dated = sorted((i for i in issues if i.get("date")), key=lambda i: (i["date"], i["slug"]))
    undated = sorted((i for i in issues if not i.get("date")), key=lambda i: i["slug"])
    return dated[::-1] + undated


def term_stem(zh: str) -> str:
    """Return a term's file stem: the term itself, or, when it needs changing, a unique name.

    Letters, digits, ``-`` and ``_`` are kept; a term with any other character
    gets them as ``_`` plus ``~`` and a hash of the term, so 公司+合作社+农户 and
    公司_合作社_农户 get different pages (``~`` never survives in a kept term).
    """
    safe = "".join(c if unicodedata.category(c)[0] in "LN" or c in _SAFE_PUNCT else "_" for c in zh)
    if safe == zh and zh:
        return zh
    return f"{safe or 'term'}~{short_hash(zh, 8)}"


def term_file(zh: str) -> str:
    """Return a term page's file name (see ``term_stem``)."""
    return f"{term_stem(zh)}.html"


def period_file(year: str, month: str | None = None) -> str:
    """Return a calendar page: ``years/2020.html`` or ``years/2020-04.html``."""
    return f"{YEARS_DIR}/{year}-{month}.html" if month else f"{YEARS_DIR}/{year}.html"


@functools.cache
def _environment() -> Environment:
    env = make_environment("templates/library")
    env.filters["href"] = lambda path: quote(path, safe="/#.-_~")
    env.globals["han_class"] = js_han_class()
    return env


def edition_links(issue: dict, root: str = "") -> list[tuple[str, str]]:
    """Return (href, label) of the files an issue has, relative to a page ``root`` deep."""
    present = set(issue.get("files", ()))
    links = []
    for name, label in EDITION_LINKS:
        name = name.format(slug=issue["slug"])
        if not present or name in present:
            links.append((f"{root}{issue['slug']}/{name}", label))
    return links


def render_index(
    newest: Sequence[dict],
    calendar: Sequence[dict],
    total: int,
    terms: int,
    failures: int,
    segments: Sequence[str],
) -> str:
    """Render ``index.html``: the newest issues, the calendar, the search box.

    ``calendar`` is [{year, count, months: [{month, count}]}] newest first; its
    size grows with the years of the archive, not with its issues.
    """
    return (
        _environment()
        .get_template("index.html")
        .render(
            issues=list(newest),
            links={i["slug"]: edition_links(i) for i in newest},
            calendar=list(calendar),
            total=total,
            terms=terms,
            failures=failures,
            segments=list(segments),
            buckets=BUCKETS,
        )
    )


def render_year(year: str, months: Sequence[dict], issues: Sequence[dict] = ()) -> str:
    """Render a year's page: its months with counts (undated: its issues)."""
    return (
        _environment()
        .get_template("year.html")
        .render(
            year=year,
            months=list(months),
            issues=list(issues),
            links={i["slug"]: edition_links(i, "../") for i in issues},
        )
    )


def render_month(year: str, month: str, issues: Sequence[dict]) -> str:
    """Render a month's page: every issue of the month with its headlines, newest first."""
    return (
        _environment()
        .get_template("month.html")
        .render(
            year=year,
            month=month,
            issues=list(issues),
            links={i["slug"]: edition_links(i, "../") for i in issues},
        )
    )


def render_terms(terms: Sequence[dict]) -> str:
    """Render ``terms/index.html``: every glossary term used, with counts."""
    return _environment().get_template("terms.html").render(terms=list(terms))


def render_term(term: dict, years: Sequence[dict]) -> str:
    """Render a term's page: its counts by year, each year linking to its own page."""
    return _environment().get_template("term.html").render(term=term, years=list(years))


def render_term_year(term: dict, year: str, sections: Sequence[str]) -> str:
    """Render a term's page for one year: the stored section of each issue, newest first."""
    return (
        _environment()
        .get_template("term_year.html")
        .render(term=term, year=year, sections=list(sections))
    )


def render_failures(failures: Sequence[tuple[str, str]]) -> str:
    """Render ``failures.html``: the inputs that could not be built, with their reasons."""
    return _environment().get_template("failures.html").render(failures=list(failures))


__all__ = [
    "NEWEST",
    "TERMS_DIR",
    "YEARS_DIR",
    "edition_links",
    "is_library_record",
    "issue_library_data",
    "newest_first",
    "period_file",
    "render_failures",
    "render_index",
    "render_month",
    "render_term",
    "render_term_year",
    "render_terms",
    "render_year",
    "term_file",
    "term_sections",
    "term_stem",
]
