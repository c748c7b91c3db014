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
from zhreader.reader.html import render_interlinear, render_side_by_side

from zhreader.model import Edition

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
    if (!base || base.nodeType !== Node.TEXT_NODE || !rt.textContent) continue;
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
  const controls = document.getElementById("controls");
  const top = document.querySelector("article").getBoundingClientRect().top + window.scrollY;
  window.scrollTo(0, top - (controls ? controls.offsetHeight : 0) - 8);
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
        assert set(v.requests) <= {v.url}, v.requests
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


def test_citation_control_copies_the_sentence_id(visit, files):
    v = visit(files["side-by-side"])
    v.page.click('.cite[data-s="a1-p1-s1"]')
    v.page.wait_for_function("window.__copied.length > 0")
    copied = v.page.evaluate("window.__copied[0]")
    edition = sample_edition()
    assert "sentence a1-p1-s1" in copied
    assert f"{v.url}#a1-p1-s1" in copied
    for part in (edition.paper, edition.date, edition.articles[0].headline.zh, edition.signature):
        assert part in copied
    assert v.page.locator("#status").text_content() == "Citation of a1-p1-s1 copied"


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
    v.page.click(".term a >> nth=0")
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
                    page.check("input[name=tones]")
                    if page.locator(".en-btn").count() > 2:
                        page.click(".en-btn >> nth=2")
                else:
                    page.hover(".row.para .zh .s >> nth=0")
                target = out / f"{name}-{label}.png"
                page.screenshot(path=str(target))
                saved.append(target)
                context.close()
        browser.close()
    return saved


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "tests"))
    for shot in save_screenshots(real_edition(), ROOT / "docs" / "screenshots"):
        print(shot.relative_to(ROOT))
