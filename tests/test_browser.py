"""Open both HTML editions in a real headless Chromium and use them.

One browser for the whole module keeps this fast. Run this file directly
(``python tests/test_browser.py``) to regenerate the screenshots in
``docs/screenshots/`` from the real example.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CHROMIUM_ARGS, require_tool
from edition_samples import real_edition, sample_edition
from playwright import sync_api

from zhreader.model import Edition, iter_sentences
from zhreader.reader.html import render_interlinear, render_side_by_side

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# Record what the citation control copies (the page cannot read the real
# clipboard back in a headless browser opened from disk).
RECORD_CLIPBOARD = """
window.__copied = [];
Object.defineProperty(navigator, "clipboard", {value: {writeText: function (text) {
  window.__copied.push(text); return Promise.resolve();
}}});
"""
RUBY_ABOVE_BASE = """() => Array.from(document.querySelectorAll("ruby")).slice(0, 200)
.map((ruby) => {
  const out = [];
  for (const rt of ruby.querySelectorAll("rt")) {
    let base = rt.previousSibling;
    while (base && base.nodeName === "RP") base = base.previousSibling;
    // The base is the character, bare or in its tone-colour span.
    if (!base || base.nodeName === "RT" || !rt.textContent) continue;
    const range = document.createRange();
    range.selectNodeContents(base);
    const b = range.getBoundingClientRect(), r = rt.getBoundingClientRect();
    // The base's box is its font's whole content area, taller than the ink:
    // the annotation must start above it and end in its upper part.
    const offset = Math.abs((r.left + r.right) / 2 - (b.left + b.right) / 2);
    const above = r.top < b.top && r.bottom <= b.top + 0.4 * b.height;
    out.push({above: above, centred: offset < b.width});
  }
  return out;
}).flat()"""

SCROLL_TO_ARTICLE = """() => {
  const bar = document.getElementById("bar");
  const top = document.querySelector("article").getBoundingClientRect().top + window.scrollY;
  window.scrollTo(0, top - (bar ? bar.offsetHeight : 0) - 8);
}"""


@pytest.fixture(scope="module")
def browser():
    chromium = require_tool("chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    return write_editions(sample_edition(), tmp_path_factory.mktemp("editions"))


def write_editions(edition: Edition, folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "side-by-side": folder / "side-by-side.html",
        "interlinear": folder / "interlinear.html",
    }
    paths["side-by-side"].write_text(render_side_by_side(edition), encoding="utf-8")
    paths["interlinear"].write_text(render_interlinear(edition), encoding="utf-8")
    return paths


class Visit:
    """A page opened from disk, with everything it logs and requests recorded."""

    def __init__(self, browser, path: Path, viewport=DESKTOP, scripts: bool = True) -> None:
        self.context = browser.new_context(viewport=viewport, java_script_enabled=scripts)
        self.context.add_init_script(RECORD_CLIPBOARD)
        self.page = self.context.new_page()
        self.url = path.as_uri()
        self.allowed = {self.url}  # files the test itself opens
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.page.on(
            "console", lambda m: m.type in ("error", "warning") and self.problems.append(m.text)
        )
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(self.url)

    def close(self) -> None:
        self.context.close()

    def visible(self, selector: str) -> bool:
        return self.page.locator(selector).first.is_visible()


@pytest.fixture
def visit(browser) -> Iterator:
    opened: list[Visit] = []

    def open_page(path: Path, **kw) -> Visit:
        opened.append(Visit(browser, path, **kw))
        return opened[-1]

    yield open_page
    for v in opened:
        assert v.problems == [], v.problems
        # Only the file itself: no network, no other file, no data: URI.
        assert set(v.requests) <= v.allowed, v.requests
        v.close()


@pytest.mark.parametrize("name", ["side-by-side", "interlinear"])
def test_opens_offline_without_console_errors(visit, files, name):
    for viewport in (DESKTOP, PHONE):
        v = visit(files[name], viewport=viewport)
        assert v.page.title().endswith(f"({name})")
        v.page.reload()


def test_side_by_side_columns_are_level(visit, files):
    v = visit(files["side-by-side"])
    rows = v.page.eval_on_selector_all(
        ".row",
        "rows => rows.map(r => [r.children[0].getBoundingClientRect().top,"
        " r.children[1].getBoundingClientRect().top, r.children[1].getBoundingClientRect().left,"
        " r.children[0].getBoundingClientRect().right])",
    )
    assert len(rows) >= 8
    for zh_top, en_top, en_left, zh_right in rows:
        assert abs(zh_top - en_top) < 1
        assert en_left > zh_right  # English to the right


def test_side_by_side_stacks_on_a_phone(visit, files):
    v = visit(files["side-by-side"], viewport=PHONE)
    rows = v.page.eval_on_selector_all(
        ".row.para",
        "rows => rows.map(r => [r.children[0].getBoundingClientRect().bottom,"
        " r.children[1].getBoundingClientRect().top])",
    )
    assert rows and all(en_top >= zh_bottom for zh_bottom, en_top in rows)
    width = v.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]


def test_hovering_a_sentence_highlights_its_counterpart(visit, files):
    v = visit(files["side-by-side"])
    counterpart = v.page.locator("#en-a1-p1-s1")
    assert "hl" not in counterpart.get_attribute("class")
    v.page.hover("#a1-p1-s1")
    assert "hl" in counterpart.get_attribute("class")
    v.page.hover("h1")
    assert "hl" not in counterpart.get_attribute("class")
    v.page.focus("#a1-p4-s1")
    assert "hl" in v.page.locator("#en-a1-p4-s1").get_attribute("class")


def test_citation_control_copies_the_sentence_and_its_source(visit, files):
    v = visit(files["side-by-side"])
    v.page.click('.cite[data-s="a1-p1-s1"]')
    v.page.wait_for_function("window.__copied.length > 0")
    copied = v.page.evaluate("window.__copied[0]")
    edition = sample_edition()
    article = edition.articles[0]
    sentence = article.blocks[0].sentences[0]
    plain, bibtex = copied.strip().split("\n\n")
    assert sentence.id == "a1-p1-s1" and sentence.zh in plain and sentence.en in plain
    assert "(English: machine translation)" in plain
    for part in (edition.paper, edition.date, "page 3", article.headline.zh, *article.bylines):
        assert part in plain
    # A relative link from the library, never a path on the reader's disk.
    assert "file:" not in copied and "/tmp/" not in copied
    assert f"{files['side-by-side'].parent.name}/side-by-side.html#a1-p1-s1" in plain
    assert bibtex.startswith("@article{") and bibtex.endswith("}")
    for field in ("title", "journal", "date", "year", "author", "pages", "note"):
        assert f"  {field} = {{" in bibtex
    assert "mt:translate-zh\\_en-1\\_9" in bibtex  # BibTeX's specials are escaped
    assert v.page.locator("#status").text_content() == "Citation of a1-p1-s1 copied"
    from test_citations import biber_messages  # biblatex's reader finds nothing to warn about

    folder = files["side-by-side"].parent / "bib"
    folder.mkdir(exist_ok=True)
    assert biber_messages(bibtex + "\n", folder) == []


def test_every_interlinear_toggle_changes_what_is_shown(visit, files):
    v = visit(files["interlinear"])
    page = v.page
    assert v.visible("rt") and v.visible(".gl")
    page.uncheck("input[name=pinyin]")
    assert not v.visible("rt")
    page.check("input[name=pinyin]")
    assert v.visible("rt")

    page.uncheck("input[name=gloss]")
    assert not v.visible(".gl")
    page.check("input[name=gloss]")

    colour = "el => getComputedStyle(el).color"
    plain = page.eval_on_selector(".py.t4", colour)
    page.check("input[name=tones]")
    assert page.eval_on_selector(".py.t4", colour) != plain
    assert page.eval_on_selector(".py.t1", colour) != page.eval_on_selector(".py.t4", colour)

    assert not v.visible(".sd") and v.visible(".py.has-sd")
    page.check("input[name=sandhi]")
    assert v.visible(".sd") and not v.visible(".py.has-sd")

    assert v.visible('.w[data-hsk="1"] rt') and v.visible('.w[data-hsk="3"] rt')
    page.select_option("select[name=hsk]", "2")
    assert not v.visible('.w[data-hsk="1"] rt') and not v.visible('.w[data-hsk="2"] rt')
    assert v.visible('.w[data-hsk="3"] rt')

    english = "#en-a1-p1-s1"
    assert not v.visible(english)
    page.click('.en-btn[aria-controls="en-a1-p1-s1"]')
    assert v.visible(english)
    assert page.get_attribute('.en-btn[aria-controls="en-a1-p1-s1"]', "aria-expanded") == "true"

    # The controls are remembered across visits.
    page.reload()
    assert page.is_checked("input[name=tones]") and page.is_checked("input[name=sandhi]")
    assert page.input_value("select[name=hsk]") == "2"
    assert not v.visible('.w[data-hsk="1"] rt')


def test_ruby_sits_above_its_characters(visit, files):
    for viewport in (DESKTOP, PHONE):
        v = visit(files["interlinear"], viewport=viewport)
        checks = v.page.evaluate(RUBY_ABOVE_BASE)
        assert len(checks) > 50
        assert all(c["above"] and c["centred"] for c in checks)


def test_interlinear_readable_with_scripts_off(visit, files):
    v = visit(files["interlinear"], scripts=False)
    assert v.visible("rt") and v.visible(".gl")
    assert v.visible("#en-a1-p1-s1")  # the English is shown when it cannot be revealed
    assert not v.visible("#controls")


def test_glossary_link_reaches_the_appendix(visit, files):
    v = visit(files["interlinear"])
    v.page.click(".term >> nth=0")
    v.page.click("#word-panel .wp-term a")
    assert v.page.evaluate("location.hash").startswith("#term-")
    assert v.page.evaluate("document.querySelector(':target').tagName") == "DT"


def test_real_example_in_the_browser(visit, tmp_path):
    edition = real_edition()
    paths = write_editions(edition, tmp_path)
    v = visit(paths["side-by-side"])
    rows = v.page.eval_on_selector_all(
        ".row",
        "rows => rows.map(r => r.children[1].getBoundingClientRect().top"
        " - r.children[0].getBoundingClientRect().top)",
    )
    assert rows and all(abs(d) < 1 for d in rows)
    v = visit(paths["interlinear"])
    checks = v.page.evaluate(RUBY_ABOVE_BASE)
    assert checks and all(c["above"] for c in checks)


# --- the word panel, known words, read aloud, phone, copying, dark mode -------------

PANEL = "#word-panel"
FAKE_VOICE = """
window.__spoken = [];
const fakeSynth = {
  getVoices: () => window.__voices || [],
  speak: (u) => window.__spoken.push(u.text),
  cancel: () => {},
  addEventListener: () => {},
};
Object.defineProperty(window, "speechSynthesis", {value: fakeSynth});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


def panel_senses(page) -> list[list[str]]:
    return page.eval_on_selector_all(
        f"{PANEL} .senses",
        "lists => lists.map(l => Array.from(l.children).map(li => li.firstChild.textContent))",
    )


@pytest.mark.parametrize("name", ["interlinear", "side-by-side"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_word_panel_shows_the_whole_entry(visit, files, name, viewport):
    v = visit(files[name], viewport=viewport)
    page = v.page
    entry = {e.zh: e for e in sample_edition().lexicon}["就业"]
    assert not v.visible(PANEL)
    page.click('.w[data-w="就业"] >> nth=0')
    assert v.visible(PANEL)
    dialog = page.locator(PANEL)
    assert dialog.get_attribute("role") == "dialog"
    label = page.locator("#" + dialog.get_attribute("aria-labelledby"))
    assert label.text_content() == "就业"
    # Every reading and every CC-CEDICT sense, grouped by reading.
    readings = page.eval_on_selector_all(f"{PANEL} .reading", "ps => ps.map(p => p.textContent)")
    assert readings == [" ".join(r.pinyin) for r in entry.readings]
    assert panel_senses(page) == [list(r.senses) for r in entry.readings]
    assert page.locator(f"{PANEL} .senses .chosen").count() == 1
    assert "HSK 3" in page.locator(f"{PANEL} .wp-py").text_content()
    # The characters with their own readings, and the issue's other sentences.
    chars = page.eval_on_selector_all(f"{PANEL} .wp-char", "cs => cs.map(c => c.textContent)")
    assert chars == ["就", "业"]
    # Escape closes it and gives the focus back to the word.
    page.keyboard.press("Escape")
    assert not v.visible(PANEL)
    assert page.evaluate("document.activeElement.getAttribute('data-w')") == "就业"
    # Keyboard: the focused word opens with Enter; a tap outside closes.
    page.keyboard.press("Enter")
    assert v.visible(PANEL)
    page.mouse.click(5, viewport["height"] // 2)
    assert not v.visible(PANEL)


def test_glossary_term_in_the_panel(visit, files):
    v = visit(files["interlinear"])
    v.page.click('.w[data-w="扶贫"] >> nth=0')
    term = v.page.locator(f"{PANEL} .wp-term").text_content()
    assert "poverty alleviation" in term and "a policy term" in term
    # The other sentence of the issue that uses the word, as text and link.
    other = sample_edition().articles[0].blocks[0].sentences[0]
    uses = v.page.locator(f"{PANEL} .uses a")
    assert uses.count() == 1 and uses.text_content() == other.zh
    uses.click()
    assert v.page.evaluate("location.hash") == f"#{other.id}"


def another_issue(folder: Path) -> dict[str, Path]:
    """Write a second issue beside the first, as a library holds them."""
    from dataclasses import replace

    edition = replace(sample_edition(), title="临湘 2020年5月", date="2020-05-15")
    return write_editions(edition, folder)


def test_known_word_loses_its_pinyin_in_every_issue(visit, browser, tmp_path):
    first = write_editions(sample_edition(), tmp_path / "issue-1")
    second = another_issue(tmp_path / "issue-2")
    v = visit(first["interlinear"], viewport=PHONE)
    page = v.page
    word = '.w[data-w="就业"] >> nth=0'
    assert v.visible(f"{word} >> rt") and v.visible(f"{word} >> .gl")
    page.click(word)
    page.click(f"{PANEL} .known-btn")
    assert not v.visible(f"{word} >> rt") and not v.visible(f"{word} >> .gl")
    # Another issue's page, opened later in the same browser.
    v.allowed.add(second["interlinear"].as_uri())
    page.goto(second["interlinear"].as_uri())
    assert not v.visible(f"{word} >> rt") and not v.visible(f"{word} >> .gl")
    assert v.visible('.w[data-w="惠民"] >> rt')
    # The list is plain text: exported and imported through the dialog.
    page.click("#settings")
    page.click('[data-act="known-list"]')
    assert page.input_value("#known-text") == "就业"
    page.fill("#known-text", "惠民\n扶贫\n")
    page.click('[data-act="known-replace"]')
    page.reload()
    assert v.visible(f"{word} >> rt")
    assert not v.visible('.w[data-w="惠民"] >> rt') and not v.visible('.w[data-w="扶贫"] >> .gl')
    # All words up to a level.
    page.click("#settings")
    page.select_option("select[name=known]", "3")
    assert not v.visible(f"{word} >> rt")


def test_read_aloud_only_with_a_chinese_voice(visit, files, browser):
    v = visit(files["interlinear"])
    assert v.page.locator(".say").count() > 10
    assert v.page.locator(".say:visible").count() == 0  # headless Chromium has no voice
    context = browser.new_context(viewport=DESKTOP)
    try:
        context.add_init_script(FAKE_VOICE)
        page = context.new_page()
        page.goto(files["interlinear"].as_uri())
        assert page.locator(".say:visible").count() == 0
        page.click('.en-btn >> nth=0')
        assert page.evaluate("window.__spoken") == []  # nothing played without a voice
        page.evaluate("window.__voices = [{lang: 'zh-CN', name: 'test'}]")
        page.reload()
        page.add_init_script("window.__voices = [{lang: 'zh-CN', name: 'test'}]")
        page.reload()
        page.click('.say[data-s="a1-p1-s1"]')
        sentence = sample_edition().articles[0].blocks[0].sentences[0]
        assert page.evaluate("window.__spoken") == [sentence.zh]
        page.click('.w[data-w="就业"] >> nth=0')
        page.click(f'{PANEL} .say')
        assert page.evaluate("window.__spoken")[-1] == "就业"
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_anchors_land_below_the_bar(visit, files, viewport):
    v = visit(files["interlinear"], viewport=viewport)
    for target in ("a1-p4-s1", "a2", "glossary"):
        v.page.evaluate(f"location.hash = '#{target}'")
        top = v.page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top")
        bar = v.page.evaluate("document.getElementById('bar').getBoundingClientRect().bottom")
        assert top >= bar, (target, top, bar)


def test_phone_layout(visit, files):
    v = visit(files["interlinear"], viewport=PHONE)
    page = v.page
    # The text starts on the first screen: notices and contents wait behind a button.
    assert not v.visible(".notice") and not v.visible("nav.contents")
    first = page.evaluate("document.querySelector('article .w').getBoundingClientRect().bottom")
    assert first < PHONE["height"]
    page.click("#about summary")
    assert v.visible(".notice")
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    smallest = "els => Math.min(...els.map(e => parseFloat(getComputedStyle(e).fontSize)))"
    assert page.eval_on_selector_all("rt", smallest) >= 11
    assert page.eval_on_selector_all(".gl", smallest) >= 11
    page.click("#settings")
    for selector in (".bar-btn", ".en-btn", "#controls label"):
        boxes = page.eval_on_selector_all(
            selector,
            "els => els.filter(e => e.offsetParent).slice(0, 20)"
            ".map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])",
        )
        assert boxes and all(w >= 40 and h >= 40 for w, h in boxes), (selector, boxes)
    # The text size control: larger, remembered.
    before = page.eval_on_selector("article", size)
    page.click('[data-act="bigger"]')
    assert page.eval_on_selector("article", size) > before
    page.reload()
    assert page.eval_on_selector("article", size) > before
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_tone_colours_on_the_characters(visit, files):
    v = visit(files["interlinear"])
    page = v.page
    colour = "el => getComputedStyle(el).color"
    plain = page.eval_on_selector(".hz.h4", colour)
    page.check("input[name=tones]")
    assert page.eval_on_selector(".hz.h4", colour) == plain  # pinyin only
    page.check("input[name=hztones]")
    assert page.eval_on_selector(".hz.h4", colour) != plain
    assert page.eval_on_selector(".hz.h4", colour) == page.eval_on_selector(".py.t4", colour)


COPY_SELECTION = """(id) => {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById(id));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  const data = new DataTransfer();
  document.dispatchEvent(new ClipboardEvent("copy", {clipboardData: data, bubbles: true}));
  return data.getData("text/plain");
}"""


def test_copying_interlinear_text_gives_the_characters_only(visit, files):
    v = visit(files["interlinear"])
    edition = sample_edition()
    for sentence in list(iter_sentences(edition))[:6]:
        assert v.page.evaluate(COPY_SELECTION, sentence.id) == sentence.zh


def test_dark_mode_follows_the_system_and_the_toggle(browser, files):
    background = "getComputedStyle(document.body).backgroundColor"
    for scheme, start in (("light", "rgb(255, 255, 255)"), ("dark", "rgb(22, 24, 27)")):
        context = browser.new_context(viewport=PHONE, color_scheme=scheme)
        try:
            page = context.new_page()
            page.goto(files["side-by-side"].as_uri())
            assert page.evaluate(background) == start
            page.click('[data-act="theme"]')
            assert page.evaluate(background) != start
            page.reload()  # the choice is remembered
            assert page.evaluate(background) != start
        finally:
            context.close()


def save_screenshots(
    edition: Edition, out: Path, chromium: str = "/usr/bin/chromium"
) -> list[Path]:
    """Render the editions and save desktop and phone screenshots of each."""
    from tempfile import TemporaryDirectory

    from playwright.sync_api import sync_playwright

    saved = []
    with TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for name, path in write_editions(edition, Path(tmp)).items():
            for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                context = browser.new_context(viewport=viewport, device_scale_factor=1)
                page = context.new_page()
                page.goto(path.as_uri())
                # Start at the first article, below the sticky reader controls.
                page.evaluate(SCROLL_TO_ARTICLE)
                if name == "interlinear":
                    folded = not page.locator("input[name=tones]").is_visible()
                    if folded:  # a phone: the settings fold behind their button
                        page.click("#settings")
                    page.check("input[name=tones]")
                    if folded:
                        page.click("#settings")
                    page.evaluate(SCROLL_TO_ARTICLE)
                    if page.locator(".en-btn").count() > 2:
                        page.click(".en-btn >> nth=2")
                else:
                    page.hover(".row.para .zh .s >> nth=0")
                target = out / f"{name}-{label}.png"
                page.screenshot(path=str(target))
                saved.append(target)
                if name == "interlinear":
                    # The word panel, opened on a word of the first paragraph.
                    page.click("article .para .w[data-w] >> nth=3")
                    page.evaluate(SCROLL_TO_ARTICLE)
                    target = out / f"word-panel-{label}.png"
                    page.screenshot(path=str(target))
                    saved.append(target)
                context.close()
        browser.close()
    return saved


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "tests"))
    for shot in save_screenshots(real_edition(), ROOT / "docs" / "screenshots"):
        print(shot.relative_to(ROOT))
