"""The library: index page, term pages and the offline search index, from model data."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from zhreader.reader.library import (
    issue_library_data,
    newest_first,
    render_library,
    search_shard,
    search_shard_js,
    syllable_pairs,
    term_file,
    token_keys,
    write_library,
)

from zhreader.model import Article, Block, Edition, GlossaryUse, Sentence, SourceInfo, Token


def _edition(date: str | None, headline: str, en: str) -> Edition:
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
        "脱贫攻坚", "tuōpín gōngjiān", "poverty eradication", "", "policy", "t", ("a1-p1-s1",)
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


def _issues() -> list[dict]:
    return [
        *(issue_library_data(edition, slug) for slug, edition in _editions().items()),
    ]


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


def test_token_keys_cover_word_syllables_and_pinyin_word() -> None:
    keys = token_keys(Token("扶贫", pinyin=("fú", "pín")))
    assert keys == {"扶贫", "fú", "pín", "fúpín"}
    assert token_keys(Token("，", kind="punct")) == set()
    assert token_keys(Token("APP", kind="latin")) == {"app"}


def test_syllable_pairs_cross_word_boundaries_but_not_punctuation() -> None:
    tokens = (
        Token("就业", pinyin=("jiù", "yè")),
        Token("扶贫", pinyin=("fú", "pín")),
        Token("，", kind="punct"),
        Token("好", pinyin=("hǎo",)),
    )
    assert syllable_pairs(tokens) == {"jiùyè", "yèfú", "fúpín"}


def test_search_shard_indexes_chinese_pinyin_and_english() -> None:
    edition = _edition("2020-04-15", "标题", "Poverty alleviation works.")
    shard = search_shard(edition, "a")
    body = [s[0] for s in shard["sentences"]].index("a1-p1-s1")
    for key in ("扶贫", "fú", "fúpín", "poverty", "alleviation"):
        assert body in shard["keys"][key], key
    assert "the" not in shard["keys"]
    assert issue_library_data(edition, "a")["glossary"][0]["occurrences"] == ["a1-p1-s1"]


def test_newest_first_puts_undated_last() -> None:
    assert [i["slug"] for i in newest_first(_issues())] == ["b", "a", "c"]


def test_index_lists_issues_newest_first_escaped_and_linked(tmp_path: Path) -> None:
    files = render_library(_issues(), [("broken.txt", "not UTF-8 or GB18030 <x>")])
    html = files["index.html"]
    assert "&lt;script&gt;新年&lt;/script&gt;" in html
    assert "not UTF-8 or GB18030 &lt;x&gt;" in html
    order = [m.group(1) for m in re.finditer(r'id="issue-(\w+)"', html)]
    assert order == ["b", "a", "c"]
    collector = _Collector()
    collector.feed(html)
    assert collector.scripts == ["b/search.js", "a/search.js", "c/search.js"]  # newest first
    assert "a/side-by-side.html#a1" in collector.links
    assert "terms/" + term_file("脱贫攻坚") in [unquote(h) for h in collector.links]
    assert not any(h.startswith(("http:", "https:", "//")) for h in collector.links)


def test_term_page_lists_every_issue_and_sentence() -> None:
    files = render_library(_issues(), [])
    page = files["terms/脱贫攻坚.html"]
    assert page.count('class="occurrence"') == 3
    assert "poverty eradication" in page
    assert "../index.html" in page


def test_search_shard_js_adds_one_shard_of_valid_json() -> None:
    script = search_shard_js(search_shard(_edition(None, "标题", "Works."), "a"))
    prefix = "(window.ZHREADER_SEARCH_SHARDS = window.ZHREADER_SEARCH_SHARDS || []).push("
    assert script.startswith(prefix) and script.endswith(");\n")
    data = json.loads(script[len(prefix) : -3])
    assert set(data) == {"slug", "date", "paper", "title", "sentences", "keys"}


def test_rendering_is_deterministic() -> None:
    assert render_library(_issues(), []) == render_library(_issues(), [])


def test_write_library_removes_unused_term_pages(tmp_path: Path) -> None:
    write_library(tmp_path, _issues(), [])
    stale = tmp_path / "terms" / "旧词.html"
    stale.write_text("old", encoding="utf-8")
    write_library(tmp_path, _issues(), [])
    assert not stale.exists()
    assert (tmp_path / "terms" / "脱贫攻坚.html").exists()
    assert not list(tmp_path.rglob("*.tmp"))


def test_term_file_names_are_safe() -> None:
    assert term_file("扶贫") == "扶贫.html"
    assert term_file("a/b c") == "a_b_c.html"
    assert term_file("／") == "_.html"


# --- in a real browser ---------------------------------------------------------


def test_search_works_offline_in_chromium(tmp_path: Path) -> None:
    from conftest import CHROMIUM_ARGS, require_tool

    chromium = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    write_library(tmp_path, _issues(), [])
    for slug, edition in _editions().items():
        (tmp_path / slug).mkdir()
        shard = search_shard_js(search_shard(edition, slug))
        (tmp_path / slug / "search.js").write_text(shard, encoding="utf-8")
    errors: list[str] = []
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto((tmp_path / "index.html").as_uri())

        def hits(query: str) -> int:
            page.fill("#q", query)
            return page.locator("#results li").count()

        # Chinese matches inside any sentence, the un-segmented headline 就业扶贫惠民 too.
        assert hits("扶贫") == 4
        assert hits("fupin") == 3  # toneless pinyin word
        assert hits("fú") == 3  # one tone-marked syllable
        assert hits("fu pin") == 3  # syllables apart
        assert hits("Poverty") == 1  # English, any case
        assert hits("new year") == 1  # every word must match
        assert hits("zzz") == 0
        assert page.locator("#search-status").inner_text() == "0 sentences"
        hits("扶贫")
        first = page.locator("#results li a").first.get_attribute("href")
        assert first == "b/side-by-side.html#a1-p1-s1"  # newest issue first
        browser.close()
    assert errors == []
    assert all(url.startswith("file://") for url in requests), requests


def test_index_links_only_the_files_an_issue_has() -> None:
    issues = _issues()
    issues[0]["files"] = ["edition.json", "side-by-side.html"]
    html = render_library(issues, [])["index.html"]
    section = html[
        html.index('id="issue-a"') : html.index("</section>", html.index('id="issue-a"'))
    ]
    assert 'href="a/edition.json"' in section and 'href="a/side-by-side.html"' in section
    assert "a/a.epub" not in section and "interlinear" not in section
