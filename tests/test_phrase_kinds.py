"""Issue 12, round nine: phrases the cut leaves misread (results, 不 + word, compounds)."""

from __future__ import annotations

import pytest

from zhreader.pipeline.words.annotate import Annotator
from zhreader.pipeline.words.results import ResultComplements, check_rows, read_rows
from zhreader.reader.context import first_sense


def _cut(annotator: Annotator, text: str) -> list[tuple[str, str]]:
    """Return the (token, first sense) pairs of a sentence, punctuation left out."""
    return [(t.zh, first_sense(t.gloss) or "") for t in annotator.tokens(text) if t.kind != "punct"]


def _english_of(annotator: Annotator, text: str, phrase: str) -> str:
    """Return the English under the tokens covering ``phrase`` (joined as the benchmark does)."""
    start = text.index(phrase)
    end, offset, shown = start + len(phrase), 0, []
    for token in annotator.tokens(text):
        if offset < end and offset + len(token.zh) > start:
            shown.append(first_sense(token.gloss) or "")
        offset += len(token.zh)
    return " ".join(e for e in shown if e)


# --- a verb and its result --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "english"),
    [
        # two tokens: the verb's first sense, then what the result adds
        ("狗把他的裤子咬破了。", "咬破", "to bite through"),
        ("他把信封上的地址写错了。", "写错", "to write wrongly"),
        ("我把名字写对了。", "写对", "to write correctly"),
        ("他把花瓶摔碎了。", "摔碎", "to fall to pieces"),  # 摔 by its learner row
        ("风把门吹开了。", "吹开", "to blow open"),
        # a verb's own row before the complement's general one: sell out, not sell up
        ("演唱会的门票早就卖光了。", "卖光", "to sell out"),
        # one token jieba keeps and CC-CEDICT lacks: composed the same way
        ("妹妹把饼干全吃光了。", "吃光", "to eat up"),
    ],
)
def test_a_verb_and_its_result_read_as_english_writes_them(annotator, text, phrase, english):
    assert _english_of(annotator, text, phrase) == english


def test_a_result_pair_cc_cedict_lists_is_one_word_with_its_sense(annotator):
    # 走 | 丢 was "to walk, to go" "to lose"; CC-CEDICT lists 走丢
    assert ("走丢", "to wander off") in _cut(annotator, "孩子在公园里走丢了。")
    # a pair CC-CEDICT lists keeps its sense, not the table's
    assert ("打碎", "to shatter") in _cut(annotator, "他把杯子打碎了。")


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("我们重走长征路。", "走", "to walk, to go"),  # 重 is no verb: walk again
        ("天黑了，灯还没开。", "开", "to open"),  # 开 after 没 is the verb
    ],
)
def test_a_word_after_no_verb_is_no_result(annotator, text, word, english):
    assert (word, english) in _cut(annotator, text)


def test_a_result_that_is_also_a_noun_needs_an_aspect_mark_after_it(annotator):
    # 防光 "to protect against light": 光 before the clause's end is no "up"
    assert dict(_cut(annotator, "这种材料能防尘、防光。"))["光"] != "up"
    assert _english_of(annotator, "他把带来的钱都输光了。", "输光") == "to lose everything"


def test_the_bundled_result_table_is_sound(annotator):
    assert check_rows(read_rows(), annotator.dictionary) == []


def test_the_result_checker_names_each_bad_row(annotator, tmp_path):
    path = tmp_path / "results.tsv"
    path.write_text(
        "complement\tverbs\tenglish\tsource\n"
        "破\t*\tthrough\twritten: 破 after a verb, broken through\n"
        "破\t咬\tthrough\twritten: hidden behind the general row\n"
        "光\t吃喝\tup\twritten: verbs not split by bars\n"
        "光\t*\tup\tcedict:1\n",
        encoding="utf-8",
    )
    problems = check_rows(read_rows(path), annotator.dictionary, path)
    assert [p.split(": ", 2)[2] for p in problems] == [
        "unreachable after the row for any verb",
        "verbs must be single characters joined by |",
        "the source must be 'written:' and the reason",
    ]
    assert problems[0].startswith(f"{path}:3: 破")


def test_a_malformed_result_row_names_its_line(tmp_path):
    from zhreader.errors import LearnerSensesError

    path = tmp_path / "results.tsv"
    path.write_text("complement\tverbs\tenglish\tsource\n破\t*\tthrough\n", encoding="utf-8")
    with pytest.raises(LearnerSensesError, match="expected 4 tab-separated columns"):
        ResultComplements.load(path)


# --- 不/没 and a word CC-CEDICT lists ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("两个人的看法不一样。", "不一样", "different"),
        ("这件事不一定能办成。", "不一定", "not necessarily"),
        ("这点事没问题。", "没问题", "no problem"),
        ("我今天身体有点不舒服。", "不舒服", "unwell"),
    ],
)
def test_a_negated_word_cc_cedict_lists_is_one_word(annotator, text, word, english):
    assert (word, english) in _cut(annotator, text)


def test_a_negation_and_one_character_stay_apart(annotator):
    # CC-CEDICT's 不著 "no need" is no reading of old text's 诚不著
    assert [w for w, _ in _cut(annotator, "诚不著")] == ["诚", "不", "著"]


# --- noun phrases cut apart ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("我们等了三个小时。", "hours"),
        ("路上走了一个半小时。", "hours"),  # one and a half
        ("我们只等了一个小时。", "hour"),
    ],
)
def test_a_noun_after_a_count_of_several_is_plural(annotator, text, english):
    assert ("小时", english) in _cut(annotator, text)


def test_a_noun_after_a_noun_drops_its_article(annotator):
    assert _english_of(annotator, "他参加了消费者协会的活动。", "消费者协会") == (
        "consumer association"
    )
    assert ("协会", "an association") in _cut(annotator, "协会成立了。")  # alone it keeps it
    assert ("有点", "a little") in _cut(annotator, "我今天身体有点累。")  # an amount keeps it


def test_a_verb_and_noun_phrase_reads_its_literal_sense(annotator):
    # CC-CEDICT: "to go back to one's roots; to return to one's native place"
    assert ("回老家", "to return to one's native place") in _cut(annotator, "过年他要回老家。")
    # 使用量 is 使用 and 量: its sense stays
    assert ("使用量", "volume of use") in _cut(annotator, "每月的使用量不多。")


# --- a verb doubled in two tokens -------------------------------------------------------


def test_a_doubled_verb_cut_in_two_is_the_verb_in_both_halves(annotator):
    # the reader reads the first 教 jiào ("to make"); doubled, both are "to teach"
    assert [e for w, e in _cut(annotator, "请你教教他怎么用电脑。") if w == "教"] == [
        "to teach",
        "to teach",
    ]
    assert [e for w, e in _cut(annotator, "你帮帮我。") if w == "帮"] == ["to help", "to help"]


# --- a noun and its localiser ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("她的脸上全是汗水。", "脸上", "on the face"),  # was "face on"
        ("外公年轻时在城里做过木匠。", "城里", "in the city"),
        ("车上坐满了乘客。", "车上", "on the car"),  # 车 a morpheme by jieba's tag
        ("地上有一张纸。", "地上", "on the ground"),  # CC-CEDICT lists it: its sense
        ("这条路有百里长。", "百里", "one hundred li (half a kilometre)"),  # 里 the unit
    ],
)
def test_a_noun_and_its_localiser_read_as_english_puts_them(annotator, text, word, english):
    assert (word, english) in _cut(annotator, text)
