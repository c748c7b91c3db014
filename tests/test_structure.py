"""Structure recovery on the example page, checked by hand against the printed page."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhreader.model import iter_sentences, to_dict
from zhreader.pipeline.structure.ingest import SourceText, read_source
from zhreader.pipeline.structure.integrity import check_text_preserved
from zhreader.pipeline.structure.recover import recover_structure

# (section, headline, deck, dateline, bylines) of every article, in reading order.
ARTICLES = [
    (None, "就业扶贫惠民", "——临湘市人社局开展就业扶贫工作侧记", None, ("贺新",)),
    (None, "电话调查全覆盖 问题导向抓整改", None, "本报讯(刘飞翔)", ("刘飞翔",)),
    (None, "农家书屋 让农民致富有方向", None, "本报讯(张富次)", ("张富次",)),
    (None, "“八严禁”为脱贫攻坚戴上纪律“紧箍咒”", None, "本报讯(易勇姚刚)", ("易勇", "姚刚")),
    (None, "集中育秧苗免费送给贫困户", None, "本报讯(李达)", ("李达",)),
    ("五里牌街道", "脱贫攻坚动真格 召开因户施策工作会", None, "本报讯(曾晓虎)", ("曾晓虎",)),
    ("詹桥镇", "聚焦产业扶贫 决战脱贫攻坚", None, "本报讯(赵府臣)", ("赵府臣",)),
    ("羊楼司镇", "尽早谋划 主动出击 切实搞好早稻种植", None, "本报讯(高鸿儒)", ("高鸿儒",)),
]
SUBHEADS = {
    "a1": ["坚决打赢就业扶贫这场硬仗", "“三送”到家门温暖群众心", "扶贫车间就是第二个家"],
}
# (article, caption sentences, credit)
FIGURES = [
    ("a1", ["湘建鞋业公司就业扶贫车间一角。"], None),
    (
        "a5",
        ["临湘市春耕生产如火如荼。", "图为该市委市镇黄盖村农民正在使用插秧机插秧。"],
        "刘实华 摄",
    ),
]
# The five paragraphs the layout broke, each rejoined into one sentence.
REJOINED = [
    ("a1", "全市2846名贫困劳动力实现就业上岗，"),
    ("a1", "詹桥八味食品等就业扶贫车间7家，其中湘建鞋业"),
    ("a4", "严禁在产业扶贫、生态扶贫、异地扶贫搬迁"),
    ("a5", "并就此完成双季稻种植任务提前做好预案。"),
    ("a5", "还免费送了一只小猪宝给我，"),
]
# Paragraph count of each article (subheads and figures not counted).
PARAGRAPHS = {"a1": 13, "a2": 3, "a3": 4, "a4": 4, "a5": 4, "a6": 2, "a7": 2, "a8": 5}


@pytest.fixture(scope="module")
def built(example_path):
    source = read_source(example_path)
    edition, messages = recover_structure(source, None)
    return source, edition, messages


def _text(sentence):
    return None if sentence is None else sentence.zh


def test_articles_headings_datelines_and_bylines(built):
    _, edition, messages = built
    found = [
        (_text(a.section), a.headline.zh, _text(a.deck), _text(a.dateline), a.bylines)
        for a in edition.articles
    ]
    assert found == ARTICLES
    assert [a.id for a in edition.articles] == [f"a{n}" for n in range(1, 9)]
    # One doubt: the caption set in a broken paragraph, told only by its wide gap.
    assert messages == [
        "linxiang-2020-04.txt:51: 湘建鞋业公司就业扶贫车间… read as a photo caption set inside "
        'a broken paragraph (a sidecar fix action = "paragraph" makes it the sentence\'s tail)'
    ]
    assert [n.message for n in edition.notices] == messages


def test_subheads_belong_to_the_feature(built):
    _, edition, _ = built
    for article in edition.articles:
        subheads = [b.sentences[0].zh for b in article.blocks if b.kind == "subhead"]
        assert subheads == SUBHEADS.get(article.id, []), article.id


def test_figures_and_credits(built):
    _, edition, _ = built
    found = [
        (a.id, [s.zh for s in b.sentences], _text(b.credit))
        for a in edition.articles
        for b in a.blocks
        if b.kind == "figure"
    ]
    assert found == FIGURES
    figure_text = {s for _, caption, _ in FIGURES for s in caption}
    paragraphs = [
        s.zh
        for a in edition.articles
        for b in a.blocks
        if b.kind == "paragraph"
        for s in b.sentences
    ]
    assert not any(caption in p for caption in figure_text for p in paragraphs)


def test_the_five_broken_paragraphs_are_rejoined(built):
    _, edition, _ = built
    by_article = {a.id: a for a in edition.articles}
    for aid, fragment in REJOINED:
        sentences = [
            s.zh for b in by_article[aid].blocks if b.kind == "paragraph" for s in b.sentences
        ]
        assert any(fragment in s for s in sentences), (aid, fragment)


def test_paragraph_counts(built):
    _, edition, _ = built
    counts = {a.id: sum(b.kind == "paragraph" for b in a.blocks) for a in edition.articles}
    assert counts == PARAGRAPHS


def test_caption_in_a_broken_paragraph_comes_after_that_paragraph(built):
    _, edition, _ = built
    kinds = [(b.kind, b.sentences[0].zh[:4]) for b in edition.articles[0].blocks]
    index = kinds.index(("figure", "湘建鞋业"))
    assert kinds[index - 1] == ("paragraph", "通过半个")


def test_the_stray_paragraph_stays_with_the_news_item_it_follows(built):
    # Heuristics cannot know it belongs to the feature; docs/structure.md shows the sidecar fix.
    _, edition, _ = built
    last = edition.articles[2].blocks[-1]
    assert last.sentences[0].zh.startswith("据初步统计")


def test_ids_are_well_formed_and_unique(built):
    _, edition, _ = built
    ids = [s.id for s in iter_sentences(edition)]
    assert len(ids) == len(set(ids))
    assert ids[:4] == ["a1-h", "a1-d", "a1-p1-s1", "a1-p1-s2"]
    assert "a2-dl" in ids and "a6-sec" in ids and "a5-p2-c" in ids


def test_ids_are_stable_across_builds(example_path):
    first, _ = recover_structure(read_source(example_path), None)
    second, _ = recover_structure(read_source(example_path), None)
    assert to_dict(first) == to_dict(second)


def test_edition_metadata(built, example_path):
    source, edition, _ = built
    assert edition.title == "就业扶贫惠民"
    assert edition.source.file == example_path.name
    assert edition.source.sha256 == source.sha256
    assert edition.source.encoding == "utf-8"
    assert edition.date is None and edition.paper is None


def test_text_is_preserved_on_the_example(built):
    source, edition, _ = built
    check_text_preserved(source, edition)


def _source(text: str) -> SourceText:
    return SourceText(Path("t.txt"), text, "utf-8", "0" * 64)


def test_text_before_any_heading_gets_its_first_sentence_as_headline():
    source = _source("这是第一句。这是第二句。\n\n另一段。\n")
    edition, _ = recover_structure(source, None)
    article = edition.articles[0]
    assert article.headline.zh == "这是第一句。"
    assert [s.zh for b in article.blocks for s in b.sentences] == ["这是第二句。", "另一段。"]
    check_text_preserved(source, edition)


def test_subhead_after_news_item_without_feature_starts_an_article():
    text = "新闻标题\n本报讯(王五)正文第一段。\n\n另一个标题\n\n正文。\n"
    edition, _ = recover_structure(_source(text), None)
    assert [a.headline.zh for a in edition.articles] == ["新闻标题", "另一个标题"]
    assert edition.articles[0].bylines == ("王五",)


def test_full_width_spaces_and_crlf_layout():
    text = "\u3000\u3000标题一\r\n\u3000\r\n——副题\r\n"
    text += "\u3000\u3000第一段，还没有说\r\n\r\n完。第二句。\r\n"
    source = _source(text)
    edition, _ = recover_structure(source, None)
    article = edition.articles[0]
    assert (article.headline.zh, article.deck.zh) == ("标题一", "——副题")
    assert [s.zh for s in article.blocks[0].sentences] == ["第一段，还没有说完。", "第二句。"]
    check_text_preserved(source, edition)


def test_photo_credit_and_caption_anywhere_are_figures():
    para = "该市在全力做好疫情防控的同时，全力以赴推进就业扶贫工作。"
    text = f"标题\n\n——副题\n\n{para}\n\n图为工人在车间工作。\n\n张三 摄\n\n{para}\n"
    edition, _ = recover_structure(_source(text), None)
    kinds = [b.kind for b in edition.articles[0].blocks]
    assert kinds == ["paragraph", "figure", "paragraph"]
    figure = edition.articles[0].blocks[1]
    assert figure.credit.zh == "张三 摄" and figure.credit.id == "a1-p2-c"


def test_removed_control_characters_reach_the_edition(tmp_path):
    path = tmp_path / "bell.txt"
    path.write_bytes("标题\n\n——副题\n\n正文\x07第一句，很长的一句话。\n".encode())
    source = read_source(path)
    edition, _ = recover_structure(source, None)
    assert edition.removed_characters == ("U+0007 at line 5",)
    assert edition.articles[0].blocks[0].sentences[0].zh == "正文第一句，很长的一句话。"
    check_text_preserved(source, edition)
