"""A phrase token shows its words: counts, times and words CC-CEDICT lacks get ``Token.parts``.

The sentences are written for these tests (not from the judged gloss sets).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import interlinear_page
from test_term_parts import TERM_LAYOUT

from zhreader.model import Article, Block, Edition, Sentence, SourceInfo, Token
from zhreader.pipeline.words.lexicon import add_lexicon
from zhreader.pipeline.words.term_parts import count_words
from zhreader.reader.context import build_context

ROOT = Path(__file__).resolve().parents[1]
QUARTER = "这家公司第二季度的利润涨了三成。"
NEXT_MONTH = "我们下个月去上海看奶奶。"
FOOT = "他们住在山脚下的一个小村子里。"
RULES = "符合规定的商户可以领取补助。"
ONCE = "这部电影他看过一回。"
GAMES = "第十二届运动会明天开幕。"
KINDS = "学校把新书分成了四类。"


def token(annotator, text: str, word: str) -> Token:
    return next(t for t in annotator.tokens(text) if t.zh == word)


def words(t: Token) -> list[str]:
    return [p.zh for p in t.parts]


# --- how a count is cut ---------------------------------------------------------------


@pytest.fixture(scope="module")
def cut(annotator):
    dictionary = annotator.dictionary

    def count(word: str) -> list[str] | None:
        return count_words(word, dictionary.contains, annotator._measure)

    return count


def test_a_count_is_its_opener_numeral_measure_word_and_noun(cut):
    assert cut("第三季度") == ["第三", "季度"]  # an ordinal is one word, as a learner looks it up
    assert cut("下个月") == ["下", "个", "月"]
    assert cut("前一天") == ["前", "一", "天"]
    assert cut("五类") == ["五", "类"]
    assert cut("这本书") == ["这", "本", "书"]  # a pointer counts with any measure word
    assert cut("三百余名") == ["三百余", "名"]  # the approximator stays with its numeral


def test_what_is_no_count_is_not_cut(cut):
    assert cut("一年四季") is None  # a second count: the idiom "all year round"
    assert cut("三个多") is None  # "over three": the approximator reads with the numeral
    assert cut("三成") is None  # no measure word: 30 %
    assert cut("上海") is None and cut("下午") is None  # an opener without numeral or 个
    assert cut("第") is None and cut("十二") is None


# --- the tokens -----------------------------------------------------------------------


def test_a_count_keeps_its_english_and_carries_its_words(annotator):
    quarter = token(annotator, QUARTER, "第二季度")
    assert quarter.gloss == "second quarter" and quarter.term is None
    assert words(quarter) == ["第二", "季度"]
    assert "quarter" in quarter.parts[1].gloss
    month = token(annotator, NEXT_MONTH, "下个月")
    assert month.gloss == "next month"
    assert words(month) == ["下", "个", "月"]
    assert "classifier" in month.parts[1].gloss
    assert month.parts[2].gloss == "month"  # one 个 counts one: not the "months" of 三个月
    # The parts' syllables are the token's, sliced.
    assert tuple(s for p in month.parts for s in p.pinyin) == month.pinyin


def test_a_word_cedict_lacks_shows_its_words(annotator):
    foot = token(annotator, FOOT, "山脚下")
    assert words(foot) == ["山脚", "下"]  # a noun and its localiser, not 山 | 脚下
    assert "foot" in foot.parts[0].gloss
    rules = token(annotator, RULES, "符合规定")
    assert words(rules) == ["符合", "规定"]
    assert all(p.gloss and p.parts == () and p.term is None for p in rules.parts)


def test_a_numeral_reads_alone_and_a_measure_word_as_one(annotator):
    once = token(annotator, ONCE, "一回")
    assert words(once) == ["一", "回"]
    assert once.parts[0].gloss.split(", ")[0] in ("one", "a, one", "a")  # not "as soon as"
    assert "classifier" in once.parts[1].gloss  # not the verb "to go back"
    games = token(annotator, GAMES, "第十二届")
    assert words(games) == ["第十二", "届"]
    assert "classifier" in games.parts[1].gloss
    kinds = token(annotator, KINDS, "四类")
    assert words(kinds) == ["四", "类"] and "categor" in kinds.parts[1].gloss


def test_words_without_a_phrase_inside_have_no_parts(annotator):
    assert token(annotator, "我们一起去公园吧。", "一起").parts == ()  # a word CC-CEDICT lists
    assert token(annotator, "他今天没空，改天再聊。", "没空").parts == ()  # characters only
    assert token(annotator, QUARTER, "三成").parts == ()  # 30 %: no measure word
    assert all(not t.parts for t in annotator.tokens("小区的停车场已经完工。"))


def test_parts_leave_the_sentences_tokens_as_they_were(annotator, monkeypatch):
    from dataclasses import replace

    texts = (QUARTER, NEXT_MONTH, FOOT, RULES, ONCE, GAMES, KINDS)
    with_parts = [annotator.tokens(text) for text in texts]
    monkeypatch.setattr(annotator, "_phrase_parts", lambda *_: ())
    without = [annotator.tokens(text) for text in texts]
    assert any(t.parts for tokens in with_parts for t in tokens)
    for ours, theirs in zip(with_parts, without, strict=True):
        assert [replace(t, parts=()) for t in ours] == list(theirs)


# --- the measure and the editions -----------------------------------------------------


def test_the_benchmark_reads_a_word_inside_a_phrase_by_its_parts(annotator):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from glosses import shown_english

    def english(t: Token) -> str:
        return (t.gloss or "").split("/")[0]

    tokens = annotator.tokens(NEXT_MONTH)
    start = NEXT_MONTH.index("下个月")
    # 个 strictly inside 下个月 reads its own gloss, what the interlinear shows under it.
    assert "classifier" in shown_english(tokens, (start + 1, start + 2), english)
    # The whole phrase reads the phrase's English.
    assert shown_english(tokens, (start, start + 3), english) == "next month"


@pytest.fixture(scope="module")
def edition(annotator) -> Edition:
    texts = (QUARTER, NEXT_MONTH, FOOT, RULES, GAMES)
    sentences = tuple(
        Sentence(f"a1-p1-s{i}", text, tokens=annotator.tokens(text))
        for i, text in enumerate(texts, 1)
    )
    headline = Sentence("a1-h", KINDS, tokens=annotator.tokens(KINDS))
    article = Article("a1", headline, blocks=(Block("a1-p1", "paragraph", sentences),))
    built = Edition("短语", SourceInfo("phrases.txt", "ef" * 32, "utf-8"), articles=(article,))
    return add_lexicon(built, annotator.dictionary)


def test_the_context_shows_a_phrases_words_and_its_english_once(edition):
    context = build_context(edition)
    shown = context.articles[0].blocks[0].sentences[1].words
    month = next(w for w in shown if w.zh == "下个月")
    assert month.gloss == "next month" and not month.term_href
    assert [w.zh for w in month.words] == ["下", "个", "月"]
    assert all(w.gloss for w in month.words)


def test_the_epub_shows_a_phrases_words_as_ruby(edition):
    import io
    import zipfile

    from zhreader.reader.epub import build_epub

    with zipfile.ZipFile(io.BytesIO(build_epub(edition, "phrases"))) as book:
        article = book.read("OEBPS/a1.xhtml").decode()
    assert "</ruby><ruby>季" in article  # 第二 | 季度: one ruby per word


@pytest.mark.parametrize("width", [1280, 390])
def test_the_interlinear_edition_lays_a_phrase_out_in_chromium(edition, tmp_path, width):
    with interlinear_page(edition, tmp_path, width) as page:
        groups = page.evaluate(TERM_LAYOUT)
        grey = page.evaluate(
            "() => getComputedStyle(document.querySelector('.tg:not(.term) .tl .gl')).color"
        )
    shown = [g["text"] for g in groups]
    assert "next month" in shown and "second quarter" in shown
    assert grey == "rgb(85, 85, 85)"  # a phrase is no term: not the term's colour
    for group in groups:
        assert group["n"] >= 2 and group["apart"] and group["below"], group
        assert group["spans"] and group["shown"], group


# --- round eleven, second wave: the words inside a phrase read in the phrase -----------


def test_narrowed_keeps_the_senses_the_phrases_english_uses():
    from zhreader.pipeline.words.term_parts import narrowed

    assert narrowed("festival, section", "first (classifier for sections, classes)") == "section"
    assert narrowed("aspect, side", "on the one hand") is None  # the English uses none
    assert narrowed("class", "history class") is None  # one sense: nothing to narrow
    assert narrowed("(classifier for pieces, yuan)", "two pieces") is None  # a bracket stays


def test_says_its_words_tells_a_count_from_a_set_phrase():
    from zhreader.pipeline.words.term_parts import says_its_words

    assert says_its_words(["third quarter"], [["quarter of a year"]])
    assert says_its_words(["next month"], [["classifier for people"], ["moon", "month"]])
    assert not says_its_words(["in one breath", "at a stretch"], [["tone of voice", "manner"]])
    assert not says_its_words(["together"], [["lump", "chunk", "piece"], ["retroflex final"]])


def test_a_phrase_with_its_own_english_reads_its_words_as_the_english_does(annotator):
    before = token(annotator, "搬家的前一天，我们把东西都装进了箱子。", "前一天")
    assert before.gloss == "the day before" and words(before) == ["前", "一", "天"]
    assert before.parts[0].gloss == "before"  # not "the first", the row before a numeral
    assert before.parts[2].gloss == "day"  # one day, not "days"
    lesson = token(annotator, "第一节课是语文。", "第一节")
    assert "section" in lesson.gloss and lesson.parts[1].gloss == "section"  # no "festival"


def test_a_built_phrase_reads_its_words_as_its_gloss_does(annotator):
    # The gloss was built by compound_gloss (a row's first sense for the head); so are its parts.
    for sentence, word, english in (
        ("我们班的数学课由王老师教。", "数学课", "class"),
        ("今天的数学课上得很有意思。", "数学课", "class"),
    ):
        phrase = token(annotator, sentence, word)
        assert phrase.gloss_source == "chars" and len(phrase.parts) == 2
        assert phrase.parts[1].gloss == english and phrase.gloss.endswith(english)


def test_a_set_phrase_that_opens_as_a_count_has_no_count_parts(annotator):
    assert token(annotator, "她一口气爬上了七楼。", "一口气").parts == ()  # not 口气 "tone"
    assert token(annotator, "周末我们一块儿去看电影吧。", "一块儿").parts == ()
    assert token(annotator, "他一方面想留下，一方面又想回家。", "一方面").parts == ()
    # A count whose English says what it counts keeps its words.
    assert words(token(annotator, "这家店上个月开业了。", "上个月")) == ["上", "个", "月"]
    assert words(token(annotator, "她第一次坐火车。", "第一次")) == ["第一", "次"]
