"""The annotation's speed caches: each key holds everything its result depends on.

A cache that dropped part of its key would hand one input another's result;
these tests ask for inputs that must differ and check they still do, after a
first answer was remembered and after a bounded memo started again.
"""

from __future__ import annotations

import pytest

from zhreader.pipeline.words import dictionary as dictionary_module


@pytest.fixture()
def dictionary(annotator):
    return annotator.dictionary


def test_a_twin_is_remembered_per_text_and_stays_right(dictionary):
    # Traditional and simplified forms of one word, and a word with no twin.
    assert dictionary.simplified("經濟") == "经济"
    assert dictionary.simplified("经济") == "经济"
    assert dictionary.simplified("經濟") == "经济"  # the remembered answer
    assert dictionary.simplified("發展") == "发展"
    assert dictionary.simplified("。") == "。"


def test_a_sentence_is_not_remembered_but_is_translated(dictionary):
    sentence = "這座城市的經濟發展很快，交通也越來越方便。"
    assert dictionary.simplified(sentence) == "这座城市的经济发展很快，交通也越来越方便。"
    assert sentence not in dictionary._twin_memo


def test_the_twin_memo_starts_again_when_full(dictionary, monkeypatch):
    monkeypatch.setattr(dictionary_module, "_TWIN_MEMO_SIZE", 2)
    words = ["門", "關上", "學習", "门", "電話"]
    assert [dictionary.simplified(w) for w in words] == ["门", "关上", "学习", "门", "电话"]
    assert len(dictionary._twin_memo) <= 2


def test_a_neighbour_is_remembered_by_text_kind_and_term(annotator):
    from zhreader.pipeline.words.segment import Piece

    as_word = annotator._seen_as(Piece("学校", "word"))
    as_term = annotator._seen_as(Piece("学校", "word", "学校"))
    as_name = annotator._seen_as(Piece("学校", "name"))
    traditional = annotator._seen_as(Piece("學校", "word"))
    assert as_word == ("学校", "word", annotator.dictionary.context_tag("学校"))
    assert as_word.tag[:1] == "n"
    assert as_term.tag == "nz"  # a term that is no verb reads as a noun
    assert as_name == ("学校", "name", "")  # only words carry a tag
    assert traditional == as_word  # read through its twin
    # Asked again, each keeps its own answer.
    assert annotator._seen_as(Piece("学校", "word", "学校")) == as_term
    assert annotator._seen_as(Piece("学校", "word")) == as_word


def test_a_word_contextual_by_its_neighbours_is_still_asked_about_them(annotator):
    from zhreader.pipeline.words.senses import EDGE, Neighbour

    glosses = annotator.glosses
    plural = Neighbour("们", "word", "k")
    # 学生 alone reads no neighbour; before 们 its gloss becomes plural.
    assert not glosses.contextual("学生", EDGE, EDGE)
    assert glosses.contextual("学生", EDGE, plural)
    assert not glosses.contextual("学生", EDGE, EDGE)  # the word's memo holds "not alone"
    # A word CC-CEDICT lacks is contextual whatever its neighbours.
    assert glosses.contextual("扶贫车间", EDGE, EDGE)
    assert glosses.contextual("扶贫车间", EDGE, plural)


def test_the_memos_of_glosses_in_context_stay_bounded_and_change_nothing(annotator, monkeypatch):
    from zhreader.pipeline.words import annotate as annotate_module

    texts = ["他在学校学习。", "我们在家里吃饭。", "会议在北京召开。", "她在医院工作了三年。"]
    memos = (annotator._in_context, annotator._lexical, annotator._neutral)
    for memo in memos:
        memo.clear()
    def shown():
        return [[(t.zh, t.pinyin, t.gloss) for t in ts] for ts in annotator.tokens_many(texts)]

    before = shown()
    assert all(len(memo) > 3 for memo in memos)  # unbounded, the texts fill them past 3
    monkeypatch.setattr(annotate_module, "_TOKEN_CACHE_SIZE", 3)
    for memo in memos:
        memo.clear()
    annotator._tokens.clear()
    assert shown() == before
    for memo in memos:
        assert len(memo) <= 3


def test_the_no_traditional_shortcut_agrees_with_translating(dictionary):
    # ``simplified`` skips ``translate`` when its pattern finds no character to
    # replace: every character the table maps must be found, wherever it stands.
    for code in dictionary._t2s:
        char = chr(code)
        text = f"今天{char}的新闻"
        assert dictionary.simplified(text) == text.translate(dictionary._t2s) != text
    mixed = "市委书记谢胜在會上說，要全力以赴推进就业扶贫工作。"
    assert dictionary.simplified(mixed) == "市委书记谢胜在会上说，要全力以赴推进就业扶贫工作。"
    plain = "市委书记谢胜在会上说，要全力以赴推进就业扶贫工作。"
    assert dictionary.simplified(plain) == plain


def test_is_han_answers_each_character_the_same_when_asked_again():
    from zhreader.han import HAN_RANGES, HAN_RE, is_han

    edges = [c for lo, hi in HAN_RANGES for c in (lo - 1, lo, hi, hi + 1)]
    for _ in range(2):  # the second time from the cache
        assert [is_han(chr(c)) for c in edges] == [bool(HAN_RE.match(chr(c))) for c in edges]
    assert is_han("中") and not is_han("，") and not is_han("a")



def test_a_token_built_again_from_equal_fields_is_the_same_and_others_differ(annotator):
    # 他 is read by its neighbours wherever it stands (a learner row by context),
    # so each occurrence is built again: equal fields give the token built before.
    # 学生 before 们 is plural: a context that changes the gloss, another token.
    annotator._built.clear()
    first, second = (annotator.tokens(t)[0] for t in ("他有三个孩子。", "他来了。"))
    assert annotator.glosses.contextual("他")
    assert first.zh == "他" and first is second
    plain, plural = (annotator.tokens(t)[0] for t in ("学生来了。", "学生们来了。"))
    assert plain.zh == plural.zh == "学生"
    assert (plain.gloss, plural.gloss) == ("student", "students")
    names = ("zh", "kind", "pinyin", "sandhi", "gloss", "gloss_source", "hsk", "term")
    for fields, token in annotator._built.items():
        assert fields == tuple(getattr(token, name) for name in names)


class _Everything:
    def __contains__(self, item) -> bool:
        return True


def test_the_numeral_gate_of_rejoin_numeral_answers_as_the_rules_do(annotator, monkeypatch):
    # rejoin_numeral answers None at once when ``left`` opens with no numeral;
    # with the gate open every rule runs, and every pair must get the same answer.
    from pathlib import Path

    from zhreader.pipeline.words import numbers

    lefts = "三个 半个 百分之八点 百分之十 二十 三点 十二点 三岁 三年 八百多 两千 几个"
    lefts += " 个 多 一 第三 这个"
    rights = "多 余 多月 半小时 来 来个 多 多才 半 一刻 十分 万吨 三百余名 万人次 五 二点五"
    rights += " 人 个 千"
    pairs = [(left, right) for left in lefts.split() for right in rights.split()]
    example = Path(__file__).parents[1] / "examples" / "linxiang-2020-04.txt"
    for line in example.read_text(encoding="utf-8").splitlines()[:60]:
        words = [p.text for p in annotator._segmenter.segment(line)]
        pairs += list(zip(words, words[1:], strict=False))
    gated = [numbers.rejoin_numeral(left, right) for left, right in pairs]
    assert any(gated) and gated.count(None) > len(pairs) // 2
    monkeypatch.setattr(numbers, "_NUMERAL_OPENERS", _Everything())
    assert [numbers.rejoin_numeral(left, right) for left, right in pairs] == gated


def test_a_piece_of_punctuation_or_digits_is_one_object_per_text_and_kind(annotator):
    segmenter = annotator._segmenter
    first = segmenter.segment("他说，2020年。")
    again = segmenter.segment("她来了，2020年。")
    assert [(p.text, p.kind) for p in first] == [
        ("他", "word"), ("说", "word"), ("，", "punct"), ("2020", "number"), ("年", "word"),
        ("。", "punct"),
    ]
    assert first[2] is again[3] and first[3] is again[4]  # ， and 2020 built once
    assert segmenter._script_piece("2020", "number") != segmenter._script_piece("2020", "latin")
