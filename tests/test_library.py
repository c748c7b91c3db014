"""The library: calendar pages, paginated term pages and the sharded search, from model data."""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from zhreader.model import (
    Article,
    Block,
    Edition,
    GlossaryUse,
    Sentence,
    SourceInfo,
    Token,
    to_dict,
)
from zhreader.pipeline.batch import write_library_files
from zhreader.pipeline.catalogue import (
    CATALOGUE,
    issue_stamp,
    open_catalogue,
    sync_catalogue,
    write_dirty_pages,
)
from zhreader.pipeline.manifest import IssueRecord
from zhreader.reader.library import (
    NEWEST,
    is_library_record,
    issue_library_data,
    newest_first,
    term_file,
    term_stem,
)
from zhreader.reader.search_index import (
    BUCKETS,
    bucket_fragments,
    bucket_of,
    han_keys,
    issue_postings,
    segment_files,
    syllable_pairs,
    token_keys,
    toneless,
)
from zhreader.signature import short_hash


def _edition(date: str | None, headline: str, en: str, term: str = "脱贫攻坚") -> Edition:
    body = Sentence(
        "a1-p1-s1",
        "脱贫攻坚要扶贫。",
        en=en,
        en_kind="mt",
        tokens=(
            Token("脱贫攻坚", pinyin=("tuō", "pín", "gōng", "jiān"), term="脱贫攻坚"),
            Token("要", pinyin=("yào",)),
            Token("扶贫", pinyin=("fú", "pín")),
            Token("。", kind="punct"),
        ),
    )
    head = Sentence("a1-h", headline, en="Headline <b>", en_kind="mt")
    use = GlossaryUse(
        term, "tuōpín gōngjiān", "poverty eradication", "", "policy", "t", ("a1-p1-s1",)
    )
    return Edition(
        title=headline,
        source=SourceInfo("x.txt", "0" * 64, "utf-8"),
        articles=(Article("a1", head, blocks=(Block("a1-p1", "paragraph", (body,)),)),),
        date=date,
        paper="临湘日报",
        glossary=(use,),
        signature="zhreader:0.1.0|gl:abc",
    )


def _editions() -> dict[str, Edition]:
    return {
        "a": _edition("2020-04-15", "就业扶贫惠民", "Poverty alleviation works."),
        "b": _edition("2021-01-02", "<script>新年</script>", "New Year & more."),
        "c": _edition(None, "无日期", "Undated."),
    }


def _put(out: Path, slug: str, edition: Edition) -> IssueRecord:
    """Write an issue's edition.json and library files as a batch would; return its record."""
    folder = out / slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "edition.json").write_text(json.dumps(to_dict(edition), ensure_ascii=False))
    (folder / "side-by-side.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    written = write_library_files(folder, slug, edition)
    files = sorted(p.relative_to(out).as_posix() for p in (*written, folder / "edition.json"))
    return IssueRecord(
        slug=slug,
        path=f"{slug}.txt",
        input_sha256=short_hash(edition.title),
        sidecar_sha256=None,
        signature=edition.signature,
        glossary_checked="abc",
        status="built",
        files=tuple(files),
        date=edition.date,
    )


def _library(out: Path, records: list[IssueRecord], failures=()) -> int:
    """Sync the catalogue with ``records`` and write the dirty pages; return pages written."""
    from zhreader.pipeline.batch import remake_library_record

    db = open_catalogue(out)
    try:
        assert sync_catalogue(db, out, records, remake_library_record) == []
        return write_dirty_pages(db, out, list(failures), remake_library_record)
    finally:
        db.close()


FAILURES = [("broken.txt", "not UTF-8 or GB18030 <x>")]


@pytest.fixture()
def library(tmp_path: Path) -> tuple[Path, list[IssueRecord]]:
    records = [_put(tmp_path, slug, e) for slug, e in _editions().items()]
    _library(tmp_path, records, FAILURES)
    return tmp_path, records


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs["href"])
        if tag == "script" and "src" in attrs:
            self.scripts.append(attrs["src"])


def _links(html: str) -> list[str]:
    collector = _Collector()
    collector.feed(html)
    return [unquote(h) for h in collector.links]


# --- keys ------------------------------------------------------------------------


def test_token_keys_are_toneless_syllables_and_word() -> None:
    assert token_keys(Token("扶贫", pinyin=("fú", "pín"))) == {"fu", "pin", "fupin"}
    assert token_keys(Token("绿色", pinyin=("lǜ", "sè"))) == {"lv", "se", "lvse"}
    assert token_keys(Token("，", kind="punct")) == set()
    assert token_keys(Token("APP", kind="latin")) == {"app"}


def test_toneless_handles_every_u_umlaut_and_capitals() -> None:
    assert [toneless(s) for s in ("lǘ", "nǚ", "Lǜ", "lü", "Fú", "ā")] == [
        "lv",
        "nv",
        "lv",
        "lv",
        "fu",
        "a",
    ]


def test_han_keys_are_characters_and_adjacent_pairs_within_runs() -> None:
    assert han_keys("扶贫，好") == {"扶", "贫", "扶贫", "好"}
    assert han_keys("5G网络") == {"网", "络", "网络"}
    # Ext. B (U+20000) is Han; the U+2000 space next to it is not.
    assert han_keys("\U00020000\u2000字") == {"\U00020000", "字"}


def test_syllable_pairs_cross_word_boundaries_but_not_punctuation() -> None:
    tokens = (
        Token("就业", pinyin=("jiù", "yè")),
        Token("扶贫", pinyin=("fú", "pín")),
        Token("，", kind="punct"),
        Token("好", pinyin=("hǎo",)),
    )
    assert syllable_pairs(tokens) == {"jiuye", "yefu", "fupin"}


def test_issue_postings_cover_chinese_pinyin_and_english() -> None:
    postings = issue_postings(_edition("2020-04-15", "标题", "Poverty alleviation works."))
    for key in ("扶贫", "扶", "攻坚", "fu", "fupin", "tuopingongjian", "poverty", "alleviation"):
        assert postings[key] == [1], key
    assert postings["标题"] == [0]
    assert "the" not in postings and "Poverty" not in postings


def test_bucket_of_is_crc32_and_spreads_keys() -> None:
    # CRC-32 of b"123456789" is 0xCBF43926 (the published check value).
    assert bucket_of("123456789") == 0xCBF43926 % BUCKETS
    keys = list(issue_postings(_edition("2020-04-15", "就业扶贫惠民", "A b c d e f g h.")))
    assert len({bucket_of(k) for k in keys}) > len(keys) // 3


def test_segment_files_join_each_issues_fragments_in_every_bucket() -> None:
    issues = [{"slug": "b", "date": "2020-02-01"}, {"slug": "a", "date": "2020-01-01"}]
    fragments = [bucket_fragments({"fu": [0, 2], "</x": [1]}), bucket_fragments({"fu": [1]})]
    files = segment_files("2020", issues, fragments)
    assert len(files) == BUCKETS + 1
    number = bucket_of("fu")
    assert files[f"b{number:03d}.js"] == (
        f'ZHREADER_SEARCH.bucket("2020",{number},[[0,{{"fu":[0,2]}}],[1,{{"fu":[1]}}]]);\n'
    )
    assert "<\\/x" in files[f"b{bucket_of('</x'):03d}.js"]  # cannot close a script element
    assert files["issues.js"].startswith('ZHREADER_SEARCH.issues("2020",[["b","2020-02-01"')


# --- names -----------------------------------------------------------------------


def test_term_file_names_are_safe_and_distinct_terms_get_distinct_pages() -> None:
    assert term_file("扶贫") == "扶贫.html"
    assert term_file("公司_合作社_农户") == "公司_合作社_农户.html"
    joined = term_file("公司+合作社+农户")
    assert joined.startswith("公司_合作社_农户~") and joined != term_file("公司_合作社_农户")
    assert term_file("公司/合作社/农户") not in (joined, term_file("公司_合作社_农户"))
    assert re.fullmatch(r"_~[0-9a-f]{8}\.html", term_file("／"))
    assert all("/" not in term_stem(t) and ".." not in term_stem(t) for t in ("../x", "a/b"))


def test_newest_first_puts_undated_last() -> None:
    records = [issue_library_data(e, s) for s, e in _editions().items()]
    assert [i["slug"] for i in newest_first(records)] == ["b", "a", "c"]


# --- pages ------------------------------------------------------------------------


def test_index_shows_newest_issues_calendar_and_escapes(library) -> None:
    out, _ = library
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;新年&lt;/script&gt;" in html
    assert [m.group(1) for m in re.finditer(r'id="issue-(\w+)"', html)] == ["b", "a", "c"]
    links = _links(html)
    assert links.index("years/2021.html") < links.index("years/2020.html")
    assert "years/2020-04.html" in links and "years/undated.html" in links
    assert "a/side-by-side.html#a1" in links and "failures.html" in links
    assert not any(h.startswith(("http:", "https:", "//")) for h in links)
    assert _Collector().scripts == []  # no shard is loaded with the page
    failures = (out / "failures.html").read_text(encoding="utf-8")
    assert "not UTF-8 or GB18030 &lt;x&gt;" in failures


def test_year_and_month_pages_link_back_into_the_issues(library) -> None:
    out, _ = library
    year = (out / "years" / "2020.html").read_text(encoding="utf-8")
    assert "2020-04.html" in _links(year)
    month = _links((out / "years" / "2020-04.html").read_text(encoding="utf-8"))
    assert "../a/side-by-side.html" in month and "../index.html" in month
    undated = _links((out / "years" / "undated.html").read_text(encoding="utf-8"))
    assert "../c/side-by-side.html" in undated


def test_term_pages_paginate_by_year_with_counts(library) -> None:
    out, _ = library
    page = (out / "terms" / "脱贫攻坚.html").read_text(encoding="utf-8")
    assert "3 sentences in 3 issues" in page
    assert _links(page)[-3:] == [
        "脱贫攻坚/2021.html",
        "脱贫攻坚/2020.html",
        "脱贫攻坚/undated.html",
    ]
    year = (out / "terms" / "脱贫攻坚" / "2020.html").read_text(encoding="utf-8")
    assert year.count('class="occurrence"') == 1
    assert "../../a/side-by-side.html#a1-p1-s1" in _links(year)
    assert "../脱贫攻坚.html" in _links(year)
    assert "脱贫攻坚.html" in _links((out / "terms" / "index.html").read_text(encoding="utf-8"))


def test_index_weighs_the_same_whatever_the_archive_size(tmp_path: Path) -> None:
    sizes = []
    for count in (NEWEST + 5, 3 * NEWEST):
        out = tmp_path / str(count)
        records = [
            _put(out, f"i{n:03d}", _edition(f"2020-03-{1 + n % 28:02d}", f"标题{n:03d}", "x"))
            for n in range(count)
        ]
        _library(out, records)
        sizes.append(len((out / "index.html").read_bytes()))
    assert abs(sizes[0] - sizes[1]) < 16  # only the counts differ


def test_adding_an_issue_rewrites_only_the_pages_it_changes(library) -> None:
    out, records = library
    assert _library(out, records, FAILURES) == 0  # unchanged: nothing written
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.*")}
    new = _put(out, "d", _edition("2021-01-09", "新刊", "New.", term="新词"))
    written = _library(out, [*records, new], FAILURES)
    changed = sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*.*")
        if p.is_file() and p.stat().st_mtime_ns != before.get(p) and not p.is_relative_to(out / "d")
    )
    pages = [name for name in changed if not name.startswith(("search/", ".library/"))]
    assert pages == [
        "index.html",
        "terms/index.html",
        "terms/新词.html",
        "terms/新词/2021.html",
        "years/2021-01.html",
        "years/2021.html",
    ]
    # Of the search index, only the 2021 segment's issue list and the buckets of d's keys.
    search = [name for name in changed if name.startswith("search/")]
    assert {name.split("/")[1] for name in search} == {"2021"}
    assert 1 < len(search) < 60
    assert written == len(pages) + len(search)


def test_removing_an_issue_removes_its_pages(library) -> None:
    out, records = library
    _library(out, [r for r in records if r.slug != "b"])
    assert not (out / "years" / "2021.html").exists()
    assert not (out / "search" / "2021").exists()
    assert not (out / "terms" / "脱贫攻坚" / "2021.html").exists()
    assert "2 sentences in 2 issues" in (out / "terms" / "脱贫攻坚.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize("damage", ["{not json", '{"format": 2, "slug": "a"}', ""])
def test_a_broken_library_record_is_made_again_from_the_edition(library, damage) -> None:
    out, records = library
    before = (out / "years" / "2020-04.html").read_bytes()
    (out / "a" / "library.json").write_text(damage, encoding="utf-8")
    (out / CATALOGUE).unlink()  # the catalogue is rebuilt from every issue's record
    _library(out, records)
    assert is_library_record(json.loads((out / "a" / "library.json").read_text()), "a")
    assert (out / "years" / "2020-04.html").read_bytes() == before


def test_broken_search_postings_are_made_again_from_the_edition(library) -> None:
    out, records = library
    before = {p.name: p.read_bytes() for p in (out / "search" / "2020").iterdir()}
    (out / "a" / "search-keys.json").write_text("{half", encoding="utf-8")
    (out / CATALOGUE).unlink()
    _library(out, records, FAILURES)
    assert {p.name: p.read_bytes() for p in (out / "search" / "2020").iterdir()} == before


def test_a_corrupt_catalogue_is_rebuilt(library) -> None:
    out, records = library
    (out / CATALOGUE).write_bytes(b"not a database" * 100)
    _library(out, records)
    db = sqlite3.connect(out / CATALOGUE)
    assert db.execute("SELECT COUNT(*) FROM issues").fetchone()[0] == 3


def test_a_changed_issue_moves_to_its_new_month(library) -> None:
    out, records = library
    moved = _put(out, "a", _edition("2020-05-01", "就业扶贫惠民", "Poverty alleviation works."))
    moved = dataclasses.replace(moved, input_sha256="changed")
    assert issue_stamp(moved) != issue_stamp(records[0])
    _library(out, [moved, *records[1:]])
    assert not (out / "years" / "2020-04.html").exists()
    assert "2020-05.html" in _links((out / "years" / "2020.html").read_text(encoding="utf-8"))


# --- in a real browser ---------------------------------------------------------


def test_search_loads_only_what_it_needs_offline_in_chromium(library) -> None:
    from conftest import CHROMIUM_ARGS, require_tool

    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    out, _ = library
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto((out / "index.html").as_uri())
        assert requests == [(out / "index.html").as_uri()]  # no shard with the page

        def hits(query: str) -> int:
            page.fill("#q", query)
            page.press("#q", "Enter")
            page.wait_for_function(
                "document.getElementById('search-status').textContent.indexOf('sentence') !== -1"
            )
            return page.locator("#results li").count()

        # Chinese matches inside any sentence, the un-segmented headline 就业扶贫惠民 too.
        assert hits("扶贫") == 4
        # One bucket and the issue list per year (3), the sentences of the hit issues (3).
        loaded = sorted(unquote(u)[len(out.as_uri()) + 1 :] for u in requests[1:])
        key = f"b{bucket_of('扶贫'):03d}.js"
        assert loaded == sorted(
            [*(f"search/{y}/{n}" for y in ("2020", "2021", "undated") for n in (key, "issues.js"))]
            + ["a/search.js", "b/search.js", "c/search.js"]
        )
        assert hits("扶贫惠民") == 1  # longer than a pair: checked against the text
        assert hits("贫") == 4
        assert hits("fupin") == 3  # toneless pinyin word
        assert hits("fú") == 3  # tone marks are ignored
        assert hits("fu pin") == 3  # syllables apart
        assert hits("Poverty") == 1  # English, any case
        assert hits("new year") == 1  # every word must match
        assert hits("zzz") == 0
        assert page.locator("#search-status").inner_text().startswith("0 sentences")
        hits("扶贫")
        first = page.locator("#results li a").first.get_attribute("href")
        assert first == "b/side-by-side.html#a1-p1-s1"  # newest issue first
        browser.close()
    assert errors == []
    assert all(url.startswith("file://") for url in requests), requests


def test_search_works_over_http_too(library) -> None:
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from conftest import CHROMIUM_ARGS, require_tool

    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    out, _ = library

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=out))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    errors: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
            page.fill("#q", "fupin")
            page.press("#q", "Enter")
            page.wait_for_function(
                "document.getElementById('search-status').textContent.indexOf('sentence') !== -1"
            )
            assert page.locator("#results li").count() == 3
            browser.close()
    finally:
        server.shutdown()
    assert errors == []
