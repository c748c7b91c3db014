"""Issue 12, round twelve: words inside longer tokens, and words the sentence does not contain.

A listed adverb + modal read as a noun (才能 "talent") and a verb + 了 read as
an interjection (算了 "forget it") are re-cut where the words around them say
the sentence holds the adverb and the modal, or the verb and 了; a weather
noun and a verb (冷风吹) are no person's name; a verb + result word whose
English hides its result (压坏 "to crush") shows the verb and the result.
Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import gloss_of, token_glosses, token_words

from zhreader.names import INTERJECTION_VERBS, MODAL_NOUNS, WEATHER_CHARS, check_tables
from zhreader.pipeline.words.annotate import _says_word_counted
from zhreader.pipeline.words.segment import weather_clause


@pytest.mark.parametrize(
    ("text", "adverb", "english"),
    [
        ("你们下周才能拿到签证。", "才", "only then"),  # before a verb
        ("多练习几遍，才能记得牢。", "才", "only then"),  # after a clause
        ("这样做才能更快完成任务。", "才", "only then"),  # before an adverb
        ("电工傍晚才能过来。", "才", "only then"),  # a direction jieba tags t
        ("周末他总会去河边钓鱼。", "总", "always"),
        ("奶奶总能猜出我在想什么。", "总", "always"),
    ],
)
def test_an_adverb_and_a_modal_are_cut_before_a_verb(annotator, text, adverb, english):
    pairs = token_glosses(annotator, text)
    words = [zh for zh, _ in pairs]
    at = words.index(adverb)
    assert words[at + 1] in ("能", "会")
    assert english in pairs[at][1]
    assert "talent" not in " ".join(g for _, g in pairs)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("这位设计师的才能大家有目共睹。", "才能"),  # after 的
        ("她在音乐方面很有才能。", "才能"),  # after 有, at the clause's end
        ("这种才能是练出来的。", "才能"),  # before 是
    ],
)
def test_a_modal_noun_where_a_noun_stands_stays_whole(annotator, text, word):
    assert word in token_words(annotator, text)


@pytest.mark.parametrize(
    "text",
    ["售货员算了一下总价。", "会计算了两遍账目。", "他得了一场重感冒。"],
)
def test_an_interjection_verb_before_a_word_is_the_verb_and_le(annotator, text):
    pairs = token_glosses(annotator, text)
    words = [zh for zh, _ in pairs]
    assert "算了" not in words and "得了" not in words
    at = words.index("了")
    assert "forget it" not in pairs[at - 1][1]
    assert "particle" in pairs[at][1]


def test_reckoning_reads_calculate(annotator):
    pairs = token_glosses(annotator, "店主算了算今天的收入。")
    assert [zh for zh, _ in pairs][1:4] == ["算", "了", "算"]
    assert pairs[1][1].startswith("to calculate") and pairs[3][1].startswith("to calculate")


@pytest.mark.parametrize("text", ["算了，这件衣服我不买了。", "太晚了，算了吧。", "那就算了。"])
def test_the_interjection_at_a_clause_end_stays(annotator, text):
    words = token_words(annotator, text)
    assert "算" not in words  # 算了 whole, or 就算 | 了 as before


@pytest.mark.parametrize(
    ("text", "noun", "verb"),
    [
        ("山顶上冷风吹得人直发抖。", "冷风", "吹"),
        ("半夜冷风吹开了窗户。", "冷风", "吹"),
    ],
)
def test_weather_and_a_verb_are_no_name(annotator, text, noun, verb):
    tokens = [t for t in annotator.tokens(text) if t.kind != "punct"]
    words = [t.zh for t in tokens]
    assert noun in words and verb in words
    assert all(t.kind != "name" for t in tokens)
    assert "wind" in gloss_of(annotator, text, noun)


@pytest.mark.parametrize(
    ("word", "clause"),
    [
        ("冷风吹", True),  # a common noun of weather (jieba n) and a verb
        ("白雪飘", False),  # jieba tags 白雪 nr: it may name a person
        ("王国发", False),  # 王国 is no weather noun
        ("冷风大", False),  # no verb after the noun
    ],
)
def test_a_weather_clause_needs_a_common_weather_noun_and_a_verb(annotator, word, clause):
    assert weather_clause(word, annotator.dictionary) is clause


@pytest.mark.parametrize(
    ("text", "word", "verb", "result"),
    [
        ("快递员把纸箱压坏了。", "压坏", "压", "break"),
        ("弟弟不小心弄坏了收音机。", "弄坏", "弄", "break"),
        ("她失手打碎了花瓶。", "打碎", "打", "pieces"),
    ],
)
def test_a_verb_and_its_result_show_inside_the_word(annotator, text, word, verb, result):
    token = next(t for t in annotator.tokens(text) if t.zh == word)
    assert [p.zh for p in token.parts] == [verb, word[1]]
    assert result in token.parts[1].gloss
    assert token.gloss and result not in token.gloss  # the word's English hides it


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("我们下午召开班会。", "召开"),  # frequent: a word of its own
        ("她推开了教室的门。", "推开"),  # "to push open" says its result
        ("面对困难要积极应对。", "应对"),  # 对 is no result here
    ],
)
def test_a_lexical_or_transparent_pair_has_no_parts(annotator, text, word):
    token = next(t for t in annotator.tokens(text) if t.zh == word)
    assert token.parts == ()


def test_the_tables_are_sound():
    assert check_tables() == []
    assert {"才能", "总会", "总能"} <= MODAL_NOUNS
    assert {"算了", "得了"} <= INTERJECTION_VERBS
    assert "风" in WEATHER_CHARS


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("他掀开锅盖一看，饺子都煮破了。", "一看"),  # after a verb: not "a"
        ("记者一问，店员就说了实话。", "一问"),
        ("我上网一查，那家店早关门了。", "一查"),
    ],
)
def test_yi_before_a_verb_of_looking_is_as_soon_as(annotator, text, word):
    shown = " ".join(g for zh, g in token_glosses(annotator, text) if zh in (word, "一"))
    assert "as soon as" in shown


@pytest.mark.parametrize(
    ("word", "english"), [("一是", "first"), ("二是", "second"), ("三是", "third")]
)
def test_a_numeral_and_shi_enumerate(annotator, word, english):
    text = "一是修好道路，二是办好学校，三是建好医院。"
    assert english in gloss_of(annotator, text, word)


@pytest.mark.parametrize(
    ("text", "word", "numeral", "inside"),
    [
        ("她的外婆年近九旬。", "九旬", "nine", "decade"),  # an age in decades
        ("年过八旬的老人仍在种菜。", "八旬", "eight", "decade"),
    ],
)
def test_a_numeral_and_a_word_show_both(annotator, text, word, numeral, inside):
    token = next(t for t in annotator.tokens(text) if t.zh == word)
    assert [p.zh for p in token.parts] == [word[0], word[1]]
    assert numeral in token.parts[0].gloss and inside in token.parts[1].gloss


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("今年小麦增产两成。", "两成"),  # "20%": no 成 "to become" inside
        ("今天是五号。", "五号"),  # a date
    ],
)
def test_a_numeral_and_a_word_its_english_does_not_say_have_no_parts(annotator, text, word):
    token = next(t for t in annotator.tokens(text) if t.zh == word)
    assert token.parts == ()


@pytest.mark.parametrize(
    ("numeral", "word", "english", "kept"),
    [
        ("三", "江", "three rivers", True),  # the English says 江
        ("两", "办", "the two general offices", False),  # an abbreviation
        ("六", "成", "60%", False),
    ],
)
def test_a_numeral_and_a_word_keep_parts_where_the_english_says_the_word(
    annotator, numeral, word, english, kept
):
    parts = (annotator.tokens(numeral)[0], annotator.tokens(word)[0])
    assert _says_word_counted(parts, english) is kept


@pytest.mark.parametrize(
    ("text", "word", "halves"),
    [
        ("到会股东已超过法定人数。", "法定人数", ("法定", "人数")),
        ("他在一家跨国公司上班。", "跨国公司", ("跨国", "公司")),
        ("这条高速公路明年通车。", "高速公路", ("高速", "公路")),
    ],
)
def test_a_listed_compound_of_two_words_shows_them(annotator, text, word, halves):
    token = next(t for t in annotator.tokens(text) if t.zh == word)
    assert tuple(p.zh for p in token.parts) == halves
    assert all(p.gloss for p in token.parts)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("老师对学生一视同仁。", "一视同仁"),  # an idiom (jieba i)
        ("三分之一的座位空着。", "三分之一"),  # a number
    ],
)
def test_an_idiom_or_a_number_of_four_characters_has_no_halves(annotator, text, word):
    token = next(t for t in annotator.tokens(text) if t.zh == word)
    assert token.parts == ()
