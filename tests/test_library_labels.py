"""The library labels gloss English as gloss, as the editions do (index, term pages, search)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from edition_samples import sample_edition
from test_library import _library, _put

from zhreader.model import iter_sentences, map_sentences
from zhreader.reader.search_index import sentences_js


def gloss_edition():
    """The sample with its English turned into word-by-word glosses (no model installed)."""
    return map_sentences(sample_edition(), lambda s: replace(s, en_kind="gloss"))


def test_index_and_term_pages_label_gloss_english(tmp_path: Path):
    for edition, labelled in ((gloss_edition(), True), (sample_edition(), False)):
        out = tmp_path / str(labelled)
        _library(out, [_put(out, "issue", edition)])
        headline = edition.articles[0].headline
        label = f"{headline.en} [gloss]</span>"
        assert (label in (out / "index.html").read_text(encoding="utf-8")) is labelled
        term_pages = [p.read_text(encoding="utf-8") for p in (out / "terms").glob("*/*.html")]
        assert term_pages
        assert any("[gloss]" in text for text in term_pages) is labelled


def _rows(edition) -> list[list[str]]:
    script = sentences_js(edition, "issue")
    prefix = 'ZHREADER_SEARCH.sentences("issue",'
    assert script.startswith(prefix) and script.endswith(");\n")
    return json.loads(script[len(prefix) : -3])


def test_search_sentences_say_what_each_english_is():
    edition = gloss_edition()
    kinds = [row[3] for row in _rows(edition)]
    assert kinds == [s.en_kind or "" for s in iter_sentences(edition)] and set(kinds) == {"gloss"}
    mixed = sample_edition()
    rows = _rows(mixed)
    assert [row[3] for row in rows] == [s.en_kind for s in iter_sentences(mixed)]
    assert {row[3] for row in rows} == {"mt", "gloss"}
