"""The library labels gloss English as gloss, as the editions do (index, term pages, search)."""

from __future__ import annotations

from dataclasses import replace

from edition_samples import sample_edition
from zhreader.reader.library import issue_library_data, render_library, search_shard

from zhreader.model import iter_sentences, map_sentences


def gloss_edition():
    """The sample with its English turned into word-by-word glosses (no model installed)."""
    return map_sentences(sample_edition(), lambda s: replace(s, en_kind="gloss"))


def test_index_and_term_pages_label_gloss_english():
    for edition, labelled in ((gloss_edition(), True), (sample_edition(), False)):
        pages = render_library([issue_library_data(edition, "issue")], [])
        headline = edition.articles[0].headline
        label = f"{headline.en} [gloss]</span>"
        assert (label in pages["index.html"]) is labelled
        term_pages = [text for name, text in pages.items() if name.startswith("terms/")]
        assert term_pages
        assert any("[gloss]" in text for text in term_pages) is labelled


def test_search_shard_says_what_each_english_is():
    edition = gloss_edition()
    shard = search_shard(edition, "issue")
    kinds = [row[3] for row in shard["sentences"]]
    assert kinds == [s.en_kind or "" for s in iter_sentences(edition)] and set(kinds) == {"gloss"}
    mixed = sample_edition()
    rows = search_shard(mixed, "x")["sentences"]
    assert [row[3] for row in rows] == [s.en_kind for s in iter_sentences(mixed)]
    assert {row[3] for row in rows} == {"mt", "gloss"}
