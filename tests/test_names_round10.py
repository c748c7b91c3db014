"""Issue 12, round ten: person names in name positions are names, never glossed by characters.

The sentences are written for these tests. A name stands after a person noun
(学员, 运动员), after a word that opens a clause or takes a person (然后,
让, 请), or after another name and 和; words in those places that are no
names (齐聚 before a place, 田里 with its localiser) stay words; and the
phrases jieba's dictionary tags as names (李子树) go out as their words.
"""

from __future__ import annotations

import pytest

from zhreader import names


def _kinds(annotator, text: str) -> dict[str, tuple[str, str]]:
    return {t.zh: (t.kind, t.gloss or "") for t in annotator.tokens(text)}


@pytest.mark.parametrize(
    ("text", "name", "english"),
    [
        ("学员孟涛正在练习开车。", "孟涛", "Meng Tao"),
        ("运动员谢婷跑出了好成绩。", "谢婷", "Xie Ting"),
        ("邻居叶萍常常帮我们收快递。", "叶萍", "Ye Ping"),
        ("导游彭辉给游客讲了一个故事。", "彭辉", "Peng Hui"),
        ("随后邵华打开了电脑。", "邵华", "Shao Hua"),
        ("于是魏琳开始写作业。", "魏琳", "Wei Lin"),
        ("爸爸让蔡敏早点睡。", "蔡敏", "Cai Min"),
        ("我们请潘伟介绍经验。", "潘伟", "Pan Wei"),
    ],
)
def test_a_name_after_a_role_or_an_opener_is_romanised(annotator, text, name, english) -> None:
    kind, gloss = _kinds(annotator, text)[name]
    assert (kind, gloss) == ("name", english)


def test_a_second_name_after_a_name_and_he(annotator) -> None:
    tokens = _kinds(annotator, "老师表扬了，王芳和袁琳。")
    assert tokens["袁琳"] == ("name", "Yuan Lin")


def test_a_cut_three_character_name_takes_its_third_character(annotator) -> None:
    tokens = _kinds(annotator, "工人吕建国修好了机器。")
    assert tokens["吕建国"] == ("name", "Lü Jianguo")


def test_a_verb_after_a_name_stays_the_verb(annotator) -> None:
    # The name's third character would be 爱 "to love": the verb of the clause.
    tokens = _kinds(annotator, "妈妈让张阳爱上了读书。")
    assert tokens["张阳"][0] == "name"
    assert tokens["爱"][0] == "word"
    tokens = _kinds(annotator, "志愿者韩梅帮老人买菜。")
    assert tokens["韩梅"][0] == "name"
    assert tokens["帮"][0] == "word"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("球员们今天齐聚体育馆。", "齐聚"),  # a verb before a place, not Mr Qi
        ("爷爷让田里的水流走。", "田里"),  # a field and its localiser
        ("他的孙子在读高中。", "孙子"),
        ("那个王国很小。", "王国"),
        ("大爷每天都去公园。", "大爷"),
        ("网上买东西很方便。", "方便"),
        ("但是金融发展很快。", "金融"),
        ("然后高中毕业了。", "高中"),
        ("游客常年不断。", "常年"),
    ],
)
def test_words_in_name_positions_stay_words(annotator, text, word) -> None:
    assert _kinds(annotator, text)[word][0] == "word"


def test_a_phrase_jieba_tags_as_a_name_goes_out_as_its_words(annotator) -> None:
    tokens = annotator.tokens("院子里的李子树开花了。")
    assert "李子树" not in [t.zh for t in tokens]
    assert all(t.kind != "name" for t in tokens)


def test_role_and_opener_rows_are_read() -> None:
    assert {"学员", "运动员", "书记", "记者"} <= names.NAME_ROLES
    assert {"然后", "让"} <= names.NAME_OPENERS
    assert "和" in names.NAME_JOINERS
    assert "学员" not in names.TITLES  # a role is read by the annotator alone


def test_a_rarer_surname_with_its_title_is_a_name(annotator) -> None:
    # 萧 is too ambiguous to guess a name alone; with 先生 in one word it is Mr Xiao.
    tokens = _kinds(annotator, "昨天萧先生打来电话。")
    assert tokens["萧先生"] == ("name", "Mr. Xiao")


@pytest.mark.parametrize(
    ("text", "word", "english"),
    [
        ("这只是一项临时性安排。", "临时性", "temporary"),
        ("今年秋冬雨水偏少。", "秋冬", "autumn and winter"),
        ("去年全县参保人数超过十万。", "参保", "to be insured"),
        ("这种保险的保额不高。", "保额", "sum insured"),
        ("周末他们进山看红叶。", "进山", "to go into the mountains"),
        ("学校加强党建工作。", "党建", "Party building"),
    ],
)
def test_words_cedict_lacks_are_not_glossed_by_characters(annotator, text, word, english) -> None:
    token = next(t for t in annotator.tokens(text) if t.zh == word)
    assert token.gloss_source == "learner"
    assert token.gloss.split(", ")[0] == english


def test_a_place_cedict_names_whole_stays_whole(annotator) -> None:
    # 王府 + 井 are two everyday words, but CC-CEDICT lists the street by its name.
    tokens = _kinds(annotator, "我们下午去王府井买东西。")
    assert tokens["王府井"][1].startswith("Wangfujing")


def test_a_guess_of_a_name_and_a_preposition_is_cut_after_the_name(annotator) -> None:
    tokens = _kinds(annotator, "散会后，龙秀梅向大家道别。")
    assert tokens["龙秀梅"] == ("name", "Long Xiumei")
    assert tokens["向"][0] == "word"


@pytest.mark.parametrize(
    ("text", "name", "english"),
    [("阿强每天早上去码头。", "阿强", "A Qiang"), ("我们都叫他阿福。", "阿福", "A Fu")],
)
def test_a_with_one_character_is_a_familiar_name(annotator, text, name, english) -> None:
    assert _kinds(annotator, text)[name] == ("name", english)


@pytest.mark.parametrize(
    "text", ["阿伯每天早上去码头。", "阿姨在厨房做饭。", "阿维塔汽车的展台人很多。"]
)
def test_a_kin_term_or_a_foreign_word_after_a_is_no_name(annotator, text) -> None:
    assert all(t.kind != "name" for t in annotator.tokens(text))


@pytest.mark.parametrize(
    ("text", "name", "english"),
    [
        ("队员段志强说，比赛很难。", "段志强", "Duan Zhiqiang"),
        ("研究生李安康说，实验成功了。", "李安康", "Li Ankang"),
    ],
)
def test_a_name_cut_one_and_two_after_a_role_is_joined(annotator, text, name, english) -> None:
    # jieba cuts 段 | 志强: the given name is a word of its own.
    assert _kinds(annotator, text)[name] == ("name", english)


@pytest.mark.parametrize(
    ("text", "words"),
    [("我们要向高水平迈进。", ("高", "水平")), ("他穿着一件白衬衫。", ("白", "衬衫"))],
)
def test_an_adjective_and_a_word_jieba_tags_as_a_name_are_words(annotator, text, words) -> None:
    tokens = _kinds(annotator, text)
    assert all(tokens[w][0] == "word" for w in words)


def test_a_surname_with_its_title_stays_one_name(annotator) -> None:
    assert _kinds(annotator, "黄先生明天出差。")["黄先生"] == ("name", "Mr. Huang")


# --- Round ten, second wave: names cut apart, before noun-tagged verbs, transliterated ---


@pytest.mark.parametrize(
    ("text", "name", "english"),
    [
        ("赵欣骑车去了郊外。", "赵欣", "Zhao Xin"),
        ("早上，孙琳跑步一小时。", "孙琳", "Sun Lin"),
        ("吃完饭，何琪唱歌给大家听。", "何琪", "He Qi"),
    ],
)
def test_a_name_before_a_verb_jieba_tags_as_a_noun(annotator, text, name, english) -> None:
    # jieba tags 骑车, 跑步, 唱歌 n; CC-CEDICT reads each "to ...": the name's verb.
    assert _kinds(annotator, text)[name] == ("name", english)


def test_a_name_before_a_true_noun_is_still_no_name(annotator) -> None:
    # A surname-led guess before a noun it would modify stays as it was.
    tokens = _kinds(annotator, "赵欣骑车去了郊外。")
    assert tokens["郊外"][0] == "word"
    assert all(t.kind != "name" for t in annotator.tokens("这里的文创产品很多。"))


def test_a_name_cut_one_and_two_after_an_opener_and_before_an_adverb(annotator) -> None:
    # 让 | 吴 | 春燕 | 赶紧: the given name is a word (春燕 "spring swallow").
    assert _kinds(annotator, "老师让吴春燕赶紧回教室。")["吴春燕"] == ("name", "Wu Chunyan")


def test_a_name_cut_one_and_two_after_a_name_and_a_joiner(annotator) -> None:
    # The segmenter names 刘德伟 (a guess of three); 孙 | 海燕 after it and 和 is a name.
    tokens = _kinds(annotator, "颁奖的是刘德伟和孙海燕。")
    assert tokens["孙海燕"] == ("name", "Sun Haiyan")


@pytest.mark.parametrize(
    ("text", "name", "english"),
    [
        ("伊万昨天到了北京。", "伊万", "Yiwan"),
        ("尼古拉说，这里的冬天不冷。", "尼古拉", "Nigula"),
        ("留学生伊万说，汉字很难写。", "伊万", "Yiwan"),
    ],
)
def test_a_transliterated_name_is_romanised_as_one_word(annotator, text, name, english) -> None:
    # jieba tags them nrt; CC-CEDICT lacks them; their characters spell sounds.
    assert _kinds(annotator, text)[name] == ("name", english)


def test_a_word_jieba_tags_as_a_transliteration_but_opens_with_a_function_char(annotator) -> None:
    # 新颜 "a new look" is nrt to jieba; 新 opens it, as it opens many words.
    assert annotator.glosses.transliterated_name("伊万")
    assert not annotator.glosses.transliterated_name("新颜")
    assert all(t.kind != "name" for t in annotator.tokens("小城处处展新颜。"))


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("老师明确表示，作业要按时交。", ("明确",)),  # an adverb jieba tags ad
        ("经理高度重视这件事。", ("高度", "重视")),  # a set phrase jieba tags l
        ("村民张口就说，不行。", ("张口", "就")),  # 就 ends no name before 说
    ],
)
def test_an_adverb_or_an_idiom_after_a_title_is_no_name(annotator, text, words) -> None:
    tokens = _kinds(annotator, text)
    assert all(tokens[w][0] == "word" for w in words)
    assert all(kind != "name" for kind, _ in tokens.values())
