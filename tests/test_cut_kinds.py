"""Issue 12, round eight: kinds the cut leaves misread (names, potentials, scores, 该 + noun)."""

from __future__ import annotations

import pytest

from zhreader.names import NAME_FOLLOWERS, check_tables
from zhreader.pipeline.words.annotate import Annotator
from zhreader.pipeline.words.segment import Piece, join_tens
from zhreader.reader.context import first_sense


def _tokens(annotator: Annotator, text: str) -> dict[str, tuple[str, str]]:
    """Map each token to (kind, first sense); the last occurrence wins."""
    return {t.zh: (t.kind, first_sense(t.gloss) or "") for t in annotator.tokens(text)}


# --- names jieba cuts apart -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "english"),
    [
        # a lone surname opening a clause, a word of two, then a verb of speaking
        ("杨春风说，这条路修好以后方便多了。", "杨春风", "Yang Chunfeng"),
        # ... or a word that follows a subject (和, 把, 在)
        ("周建华和同事们一起加班到深夜。", "周建华", "Zhou Jianhua"),
        ("林秀英把孩子送到了学校。", "林秀英", "Lin Xiuying"),
        ("徐志强在会上作了发言。", "徐志强", "Xu Zhiqiang"),
        # ... or a title after the name
        ("刘光明老人今年八十岁了。", "刘光明", "Liu Guangming"),
        # after a title, a name jieba ran into the verb of speaking (张开 | 明说)
        ("党委书记张开明说，要抓好整改。", "张开明", "Zhang Kaiming"),
    ],
)
def test_a_name_jieba_cut_apart_is_one_name(annotator, text, name, english):
    assert _tokens(annotator, text)[name] == ("name", english)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # inside a clause: a lone surname, a word CC-CEDICT knows only as a
        # proper name (秀英 "Xiuying district"), then a verb or the clause's end
        ("来自山东的王秀英获得了一等奖。", "王秀英"),
        ("这次比赛的冠军是江苏的张长安。", "张长安"),
    ],
)
def test_a_given_name_that_is_a_place_is_a_name_before_its_verb(annotator, text, name):
    assert _tokens(annotator, text)[name][0] == "name"


def test_a_place_after_a_preposition_stays_a_place(annotator):
    assert _tokens(annotator, "他们从海东出发。")["海东"][0] == "place"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("楼下的赵大妈常来串门。", "常"),  # a title of address names the subject already
        ("这位大爷常去河边散步。", "常"),
        ("村民常来这里晒太阳。", "常"),
    ],
)
def test_an_adverb_before_a_verb_after_a_title_is_no_name(annotator, text, word):
    assert _tokens(annotator, text)[word] == ("word", "often")


def test_a_surname_after_a_title_before_a_longer_word_is_still_a_name(annotator):
    assert _tokens(annotator, "村民常宝山说，茶叶卖得好。")["常宝山"][0] == "name"


def test_a_name_cut_the_same_way_twice_is_one_name(annotator):
    text = "我们陪着袁散云去了医院，医生说袁散云的病不重。"
    tokens = [t for t in annotator.tokens(text) if t.zh == "袁散云"]
    assert [t.kind for t in tokens] == ["name", "name"]


@pytest.mark.parametrize(
    "text",
    [
        "高质量发展是首要任务。",  # 高 | 质量: jieba's HMM reads no name
        "马上就要下雨了，快回家吧。",
        "周末我们去爬山吧。",
        "黄金价格今天又涨了。",
        "游泳比赛中，他在200米蝶泳项目上夺冠。",  # a number opens no clause
        "张开双臂迎接新的一年。",
        "学生应按时到校。",  # the modal 应 before an adverb: no Ying Anshi
    ],
)
def test_a_surname_before_a_word_is_no_name_without_evidence(annotator, text):
    assert [t.zh for t in annotator.tokens(text) if t.kind == "name"] == []


def test_the_name_followers_are_data_and_their_table_passes_its_checker():
    assert {"把", "和", "在", "的"} <= NAME_FOLLOWERS
    assert check_tables() == []


# --- a verb and its potential complement -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "gloss"),
    [
        ("屋里太热，我一直睡不着。", "睡不着", "can't fall asleep"),  # 睡着 "to fall asleep"
        ("这么多饺子你吃得了吗？", "吃得了", "can eat"),
        ("明天有事，我去不了了。", "去不了", "can't go"),
        ("抽屉卡住了，怎么也打不开。", "打不开", "can't open"),  # 打开 "to open"
        ("那个人的名字我想不起来了。", "想不起来", "can't remember"),  # 想起来
        ("这种药在小镇上买不到。", "买不到", "can't buy"),
    ],
)
def test_a_verb_and_its_potential_complement_are_one_word(annotator, text, word, gloss):
    assert _tokens(annotator, text)[word] == ("word", gloss)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("他来不到一年就当上了组长。", "不到"),  # before a number: "less than"
        ("报名的人不下三百。", "不下"),  # "no fewer than"
        ("你懂不懂我的意思？", "懂"),  # V不V asks; no complement
    ],
)
def test_a_count_or_a_question_is_no_potential(annotator, text, word):
    assert word in _tokens(annotator, text)


# --- numbers and time words the cut misreads ------------------------------------------------


def test_a_digit_before_shifen_at_a_clause_end_is_a_score(annotator):
    tokens = _tokens(annotator, "上次测验他只得了八十分，这次进步了。")
    assert tokens["八十"] == ("word", "eighty")
    assert tokens["分"][1] == "points"


def test_shifen_grading_an_adjective_stays_very(annotator):
    dictionary = annotator.dictionary
    graded = [Piece("三"), Piece("十分"), Piece("重要")]
    assert join_tens(graded, dictionary) == graded
    score = [Piece("三"), Piece("十分"), Piece("，", "punct")]
    assert [p.text for p in join_tens(score, dictionary)] == ["三十", "分", "，"]
    assert join_tens([Piece("一"), Piece("十分")], dictionary)[0].text == "一"  # 这一十分…


def test_fen_after_a_number_over_fifty_nine_is_points(annotator):
    assert _tokens(annotator, "小明英语考了92分。")["分"][1] == "points"
    assert _tokens(annotator, "会议八点30分开始。")["分"][1] == "minutes"


def test_zhe_before_a_count_of_several_is_these(annotator):
    tokens = _tokens(annotator, "这几天他一直在加班。")
    assert tokens["这"][1] == "these"
    assert tokens["几天"][1] == "several days"
    assert _tokens(annotator, "那两年他在外地读书。")["那"][1] == "those"
    assert _tokens(annotator, "这一年过得很快。")["这"][1] == "this"


@pytest.mark.parametrize(
    ("text", "word", "gloss"),
    [
        ("我们小区一周一次收旧衣服。", "一周一次", "once a week"),
        ("这药每天三次，饭后吃。", "每天三次", "three times a day"),
        ("老同学聚会一年两次。", "一年两次", "twice a year"),
    ],
)
def test_a_period_and_a_count_of_times_is_a_frequency(annotator, text, word, gloss):
    assert _tokens(annotator, text)[word] == ("word", gloss)


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("我们小区一周一次收旧衣服。", "我們小區一週一次收舊衣服。"),
        ("饭太多，你吃得了吗？", "飯太多，你吃得了嗎？"),
        ("抽屉卡住了，打不开。", "抽屜卡住了，打不開。"),
        ("刘光明老人今年八十岁了。", "劉光明老人今年八十歲了。"),
    ],
)
def test_traditional_text_is_cut_as_its_simplified_twin(annotator, simplified, traditional):
    def cut(text: str) -> list[tuple[int, str, str | None]]:
        return [(len(t.zh), t.kind, t.gloss) for t in annotator.tokens(text)]

    assert cut(traditional) == cut(simplified)


def test_a_particular_period_or_not_even_once_is_no_frequency(annotator):
    assert "一周" in _tokens(annotator, "他这一周一次也没迟到。")


def test_a_month_named_from_now_and_its_part(annotator):
    assert _tokens(annotator, "工程上月底已经完工。")["上月底"][1] == "end of last month"


def test_xia_completing_a_verb_before_a_won_thing_is_no_next(annotator):
    assert _tokens(annotator, "她在比赛中赢下一枚金牌。")["下"][1] != "next"
    assert _tokens(annotator, "我们要等下一趟车。")["下"][1] == "next"  # a turn


# --- rows: 该 + an institution, units, resultatives ----------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "gloss"),
    [
        ("该院依法作出判决。", "该院", "the court"),
        ("该馆收藏文物三千多件。", "该馆", "the museum"),
        ("该所研究人员发表了论文。", "该所", "the institute"),
        ("该站今天发送旅客五千人。", "该站", "the station"),
        ("该厂新上了一条生产线。", "该厂", "the factory"),
        ("汽油每升涨了三毛。", "升", "liter"),
        ("他下决心戒掉了喝酒的习惯。", "戒", "to quit"),
        ("把没用的东西都扔掉。", "扔掉", "to throw away"),
        ("请你把问题说清楚。", "清楚", "clearly"),
    ],
)
def test_rows_of_the_cut_kinds(annotator, text, word, gloss):
    assert _tokens(annotator, text)[word][1].startswith(gloss)
