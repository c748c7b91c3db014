"""A glossary term shows its words: ``Token.parts``, their pinyin and glosses, the editions.

The sentences are written for these tests; the terms are real glossary.tsv entries.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import interlinear_page
from jsonschema import Draft202012Validator

from zhreader.model import (
    Article,
    Block,
    Edition,
    Sentence,
    SourceInfo,
    Token,
    edition_from_dict,
    iter_sentences,
)
from zhreader.pipeline.glossary.load import glossary_appendix, load_glossaries
from zhreader.pipeline.words.annotate import Annotator, TokenMismatchError, check_join
from zhreader.pipeline.words.lexicon import add_lexicon
from zhreader.pipeline.words.segment import Piece
from zhreader.pipeline.words.term_parts import (
    echoed_sense,
    join_names,
    join_subterms,
    route_within,
    spelled_names,
)
from zhreader.reader.context import build_context
from zhreader.reader.json_edition import edition_json

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "zhreader" / "schema" / "edition.schema.json"
# Sentences written for these tests, each holding glossary terms.
FIGHT = "全乡干部群众齐心协力，打好脱贫攻坚这一仗。"
REGISTERED = "镇里给每个建档立卡贫困户都派了帮扶干部。"
COMMISSION = "县纪委监委昨天通报了三起典型问题。"
COMPANY = "桃林佬食品有限公司今年招了二十名工人。"
HOUSEHOLDS = "村里的分散供养五保户都领到了过冬棉被。"


@pytest.fixture(scope="module")
def glossary():
    return load_glossaries(())


@pytest.fixture(scope="module")
def annotator(glossary, tmp_path_factory):
    """The annotator with the bundled glossary (the session's has none); same cache folder."""
    return Annotator.initialize(glossary, tmp_path_factory.getbasetemp() / "zhreader-cache")


def term_token(annotator, text: str, term: str) -> Token:
    return next(t for t in annotator.tokens(text) if t.zh == term)


# --- the model -----------------------------------------------------------------------


def test_a_term_keeps_its_english_and_carries_its_words(annotator):
    term = term_token(annotator, FIGHT, "脱贫攻坚")
    assert term.term == "脱贫攻坚" and term.gloss == "fight against poverty"
    assert term.gloss_source == "glossary"
    assert [p.zh for p in term.parts] == ["脱贫", "攻坚"]
    assert "".join(p.zh for p in term.parts) == term.zh
    # The parts' syllables are the term's, sliced: the term's pinyin is unchanged.
    assert tuple(s for p in term.parts for s in p.pinyin) == term.pinyin == (
        "tuō",
        "pín",
        "gōng",
        "jiān",
    )
    assert all(p.term is None and p.parts == () for p in term.parts)


def test_only_terms_have_parts(annotator):
    tokens = annotator.tokens(FIGHT)
    assert [t.zh for t in tokens if t.parts] == ["脱贫攻坚"]
    # A term CC-CEDICT lists as one word has nothing to show inside it; nor has
    # one cut into characters only (its characters are in its panel).
    assert term_token(annotator, "扶贫要扶志。", "扶贫").parts == ()
    assert term_token(annotator, REGISTERED, "帮扶").parts == ()


def test_each_part_is_glossed_as_a_word(annotator):
    term = term_token(annotator, FIGHT, "脱贫攻坚")
    glosses = {p.zh: p.gloss for p in term.parts}
    assert "poverty" in glosses["脱贫"]
    assert "tackle" in glosses["攻坚"] or "assault" in glosses["攻坚"]  # a row, or CC-CEDICT
    assert {p.gloss_source for p in term.parts} <= {"cedict", "learner"}


def test_the_end_parts_read_the_terms_neighbours(annotator, monkeypatch):
    from zhreader.pipeline.words.senses import Neighbour

    term = term_token(annotator, FIGHT, "脱贫攻坚")
    before, after = Neighbour("打赢", "word", "v"), Neighbour("这场", "word", "r")
    seen = []
    read = annotator._token
    monkeypatch.setattr(
        annotator, "_token", lambda piece, *a: seen.append((piece.text, a[2:])) or read(piece, *a)
    )
    annotator._term_parts(term, before, after)
    assert [text for text, _ in seen] == ["脱贫", "攻坚"]
    (first_prev, first_next), (last_prev, last_next) = seen[0][1], seen[1][1]
    assert first_prev == before and first_next.text == "攻坚"
    assert last_prev.text == "脱贫" and last_next == after


def test_a_shorter_term_inside_a_term_is_one_part(annotator):
    # jieba cuts 建档立卡 into four characters; the glossary knows the four as one term.
    term = term_token(annotator, REGISTERED, "建档立卡贫困户")
    assert [p.zh for p in term.parts] == ["建档立卡", "贫困户"]
    inner = term.parts[0]
    assert inner.term == "建档立卡" and inner.gloss_source == "glossary"
    assert inner.gloss == "registered as poor"


def test_traditional_text_finds_the_shorter_term_through_its_twin(annotator):
    term = term_token(annotator, "鎮裡給每個建檔立卡貧困戶都派了人。", "建檔立卡貧困戶")
    assert [(p.zh, p.term) for p in term.parts] == [("建檔立卡", "建档立卡"), ("貧困戶", "贫困户")]
    assert "".join(p.zh for p in term.parts) == "建檔立卡貧困戶"


def test_a_term_jieba_keeps_whole_takes_its_next_route(annotator):
    assert route_within("纪委监委", annotator.dictionary) == ["纪委", "监委"]
    term = term_token(annotator, COMMISSION, "纪委监委")
    assert [p.zh for p in term.parts] == ["纪委", "监委"]
    assert "commission" in term.parts[0].gloss


def test_a_name_the_english_spells_reads_as_it_spells_it(annotator):
    term = term_token(annotator, COMPANY, "桃林佬食品有限公司")
    name = term.parts[0]
    assert name.zh == "桃林佬" and name.kind == "name"
    assert (name.gloss, name.gloss_source) == ("Taolinlao", "name")
    assert [p.zh for p in term.parts[1:]] == ["食品", "有限公司"]


def test_join_subterms_takes_glossary_forms_over_characters(glossary):
    chars = [Piece(c) for c in "建档立卡"]
    joined = join_subterms([*chars, Piece("贫困户")], "建档立卡贫困户", glossary.lookup)
    assert [(p.text, p.term) for p in joined] == [("建档立卡", "建档立卡"), ("贫困户", "贫困户")]
    # A run no glossary form covers stays as it is, and the term never finds itself.
    assert join_subterms([Piece("甲"), Piece("乙")], "甲乙", glossary.lookup) == [
        Piece("甲"),
        Piece("乙"),
    ]
    assert join_subterms(chars, "建档立卡", glossary.lookup) == chars


def test_join_names_joins_each_spelled_run_into_one_name():
    pieces = [Piece("桃林"), Piece("佬"), Piece("食品")]
    joined, names = join_names(pieces, {(0, 2): "Taolinlao"})
    assert joined == [Piece("桃林佬", "name"), Piece("食品")]
    assert names == {0: "Taolinlao"}


def test_spelled_names_needs_two_syllables_and_a_whole_word():
    pieces = [Piece("召丰"), Piece("水稻")]
    reading = ("zhào", "fēng", "shuǐ", "dào")
    assert spelled_names(pieces, reading, "Zhaofeng Rice Cooperative") == {(0, 1): "Zhaofeng"}
    assert spelled_names(pieces, reading, "Zhao Rice Cooperative") == {}
    assert spelled_names([Piece("湖")], ("hú",), "Hu Lake") == {}


def test_the_terms_english_picks_the_sense_it_echoes(annotator):
    senses = ["to supply", "to provide for", "to support"]
    assert echoed_sense("to supply", senses, "households supported at home") == "to support"
    # A gloss that already says what the English says stays; so does one nothing echoes.
    assert echoed_sense("to support", senses, "households supported at home") is None
    assert echoed_sense("to supply", senses, "a welfare scheme") is None
    term = term_token(annotator, HOUSEHOLDS, "分散供养五保户")
    assert "support" in {p.zh: p.gloss for p in term.parts}["供养"]


def test_parts_that_do_not_join_the_term_are_a_bug():
    broken = Token("脱贫攻坚", term="脱贫攻坚", parts=(Token("脱贫"), Token("攻")))
    with pytest.raises(TokenMismatchError, match="parts"):
        check_join("脱贫攻坚", [broken])


# --- the edition: JSON, schema, renderers ----------------------------------------


@pytest.fixture(scope="module")
def edition(annotator, glossary) -> Edition:
    texts = (FIGHT, REGISTERED, COMMISSION, HOUSEHOLDS)
    sentences = tuple(
        Sentence(f"a1-p1-s{i}", text, tokens=annotator.tokens(text))
        for i, text in enumerate(texts, 1)
    )
    headline = Sentence("a1-h", COMPANY, tokens=annotator.tokens(COMPANY))
    article = Article("a1", headline, blocks=(Block("a1-p1", "paragraph", sentences),))
    built = Edition("术语", SourceInfo("terms.txt", "cd" * 32, "utf-8"), articles=(article,))
    return add_lexicon(glossary_appendix(built, glossary), annotator.dictionary)


def test_json_round_trip_keeps_the_parts(edition):
    text = edition_json(edition)
    loaded = edition_from_dict(json.loads(text))
    assert loaded == edition
    assert any(t.parts for s in iter_sentences(loaded) for t in s.tokens)
    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert list(validator.iter_errors(json.loads(text))) == []


def test_an_edition_written_before_parts_still_loads(edition):
    def without_parts(value):
        if isinstance(value, dict):
            return {k: without_parts(v) for k, v in value.items() if k != "parts"}
        return [without_parts(v) for v in value] if isinstance(value, list) else value

    data = without_parts(json.loads(edition_json(edition)))
    loaded = edition_from_dict(data)
    assert not any(t.parts for s in iter_sentences(loaded) for t in s.tokens)


def test_the_context_shows_a_terms_words_and_its_english_once(edition):
    context = build_context(edition)
    words = context.articles[0].blocks[0].sentences[0].words
    term = next(w for w in words if w.zh == "脱贫攻坚")
    assert term.gloss == "fight against poverty" and term.term_href
    assert [w.zh for w in term.words] == ["脱贫", "攻坚"]
    assert all(w.gloss and w.key for w in term.words)  # each word has its gloss and panel
    assert set(context.panel["uses"]["攻坚"]) == {"a1-p1-s1"}


def test_the_side_by_side_and_the_epub_keep_the_term_whole(edition):
    from zhreader.reader.epub import build_epub
    from zhreader.reader.html import render_side_by_side

    page = render_side_by_side(edition)
    assert ">脱贫攻坚</span>" in page  # one unit for a researcher, with its panel
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(build_epub(edition, "terms"))) as book:
        article = book.read("OEBPS/a1.xhtml").decode()
    assert 'title="fight against poverty"' in article
    # The words' ruby, one per word, inside the link to the glossary entry.
    assert "</ruby><ruby>攻" in article


def test_epubcheck_accepts_a_book_of_terms(edition, tmp_path):
    sys.path.insert(0, str(ROOT / "tests"))
    from test_epub import run_epubcheck

    from zhreader.reader.epub import build_epub

    reports = run_epubcheck({"terms": build_epub(edition, "terms")}, tmp_path)
    assert reports["terms"] == []


TERM_LAYOUT = """() => Array.from(document.querySelectorAll(".tg")).map((group) => {
  const words = Array.from(group.querySelectorAll(".tw > .w"))
    .map((w) => w.getBoundingClientRect());
  const line = group.querySelector(".tl").getBoundingClientRect();
  const box = group.getBoundingClientRect();
  let apart = true;
  for (let i = 1; i < words.length; i++) apart = apart && words[i].left >= words[i - 1].right - 0.5;
  const below = words.every((w) => line.top >= w.bottom - 0.5);
  const spans = line.left >= box.left - 0.5 && line.right <= box.right + 0.5;
  const english = group.querySelector(".tl .gl");
  const shown = english.offsetWidth > 0 && english.offsetHeight > 0;
  return {n: words.length, apart, below, spans, shown, text: english.textContent};
})"""


@pytest.mark.parametrize("width", [1280, 390])
def test_the_interlinear_edition_lays_a_term_out_in_chromium(edition, tmp_path, width):
    with interlinear_page(edition, tmp_path, width) as page:
        groups = page.evaluate(TERM_LAYOUT)
        # The term's English opens the term's panel, with its glossary entry.
        page.click(".tg .tl >> nth=0")
        panel = page.locator("#word-panel")
        assert panel.is_visible() and "Glossary:" in panel.inner_text()
    assert len(groups) >= 5
    assert "fight against poverty" in [g["text"] for g in groups]
    for group in groups:
        assert group["n"] >= 2 and group["apart"] and group["below"], group
        assert group["spans"] and group["shown"], group
