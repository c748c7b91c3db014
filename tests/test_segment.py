"""Segmentation: join-back, numbers, names, places, terms, scripts, traditional input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhreader.pipeline.words.dictionary import Dictionary
from zhreader.pipeline.words.segment import Piece, Segmenter, bylines_in

TERMS = {
    "建档立卡": ("建档立卡", "word"),
    "建档立卡贫困户": ("建档立卡贫困户", "word"),
    "贫困户": ("贫困户", "word"),
    "两不愁三保障": ("两不愁三保障", "word"),
    "两不愁、三保障": ("两不愁三保障", "word"),
    "五里牌街道": ("五里牌街道", "place"),
}


@pytest.fixture(scope="module")
def segmenter(tmp_path_factory: pytest.TempPathFactory) -> Segmenter:
    cache = tmp_path_factory.getbasetemp() / "zhreader-cache"
    return Segmenter.initialize(Dictionary.load(cache), TERMS)


def texts(pieces: list[Piece]) -> list[str]:
    return [p.text for p in pieces]


def kinds(pieces: list[Piece]) -> dict[str, str]:
    return {p.text: p.kind for p in pieces}


# --- join-back --------------------------------------------------------------------------

ALPHABET = (
    "临湘市五里牌街道许畈村贫困户张神光就业扶贫建档立卡两不愁三保障一不了行长重"
    "臨湘電話調查0123456789０９.．%％‰万亿,，。、“”《》()（）—…!?！？ \u3000\tabcXYZＡｚ'-&/+"
    "\U00003400\U00004dbf\U00009fff\U00020000\U0002fa1f\U000323af\U00003007\U00004dc0\U0001f600"
)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_pieces_join_back_into_any_text(segmenter, text):
    pieces = segmenter.segment(text)
    assert "".join(texts(pieces)) == text
    assert all(p.text for p in pieces)


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对全市4197户12179名建档立卡贫困人口", ["4197", "户", "12179", "名"]),
        ("提供50.4亩集中育秧苗", ["50.4", "亩"]),
        ("就业率达93.2%；", ["93.2%", "；"]),
        ("返岗率达100%。", ["100%", "。"]),
        ("完成早稻种植面积1.5万余亩", ["1.5万", "余"]),
        ("政府给予企业3000元/人的奖励", ["3000", "元", "/", "人"]),
        ("共１，２００人，比例９３．２％", ["９３．２％"]),
        ("收入12,179元", ["12,179", "元"]),
    ],
)
def test_numbers_stay_whole_and_the_measure_word_is_its_own(segmenter, text, expected):
    pieces = segmenter.segment(text)
    got = texts(pieces)
    start = got.index(expected[0])
    assert got[start : start + len(expected)] == expected
    assert kinds(pieces)[expected[0]] == "number"


# --- names and places ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("五里牌街道许畈村贫困户张神光，多年肝病严重", "张神光"),
        ("忠防镇村民袁散云是重点帮扶对象", "袁散云"),
        ("本报讯(曾晓虎)“首先，第一个问题由我回答。”", "曾晓虎"),
        ("临湘市委书记谢胜，市委副书记、市长廖星辉多次调度部署", "廖星辉"),
        ("临湘市委书记谢胜，市委副书记、市长廖星辉多次调度部署", "谢胜"),
        ("来自忠防镇的贫困户方震与公司签订协议", "方震"),
        # Not from the example: the same rules on other people.
        ("村民王春生今年养了三头牛", "王春生"),
        ("镇长欧阳明亮主持会议", "欧阳明亮"),
        ("近日，黄晓梅书记走访了贫困户", "黄晓梅"),
    ],
)
def test_person_names_are_one_token(segmenter, text, name):
    pieces = segmenter.segment(text)
    assert kinds(pieces).get(name) == "name", texts(pieces)


@pytest.mark.parametrize("text", ["他是宁波人。", "温州人在这里开了工厂。"])
def test_a_place_name_opening_a_word_is_no_surname(segmenter, text):
    assert "name" not in kinds(segmenter.segment(text)).values(), texts(segmenter.segment(text))


def test_a_name_found_once_is_a_name_where_it_recurs(segmenter):
    text = "村民袁散云是重点帮扶对象。带着袁散云到矿业公司对接，最终促成袁散云在公司工作。"
    pieces = segmenter.segment(text)
    assert [p.text for p in pieces if p.kind == "name"] == ["袁散云"] * 3


def test_a_known_name_inside_other_words_is_not_cut_out(segmenter):
    pieces = segmenter.segment("地方震动很大", names=["方震"])
    assert "方震" not in texts(pieces)


def test_known_names_are_kept_whole(segmenter):
    pieces = segmenter.segment("张神光的生活有了基本保障", names=["张神光"])
    assert texts(pieces)[0] == "张神光" and pieces[0].kind == "name"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("临湘市通过线上线下开展活动", "临湘市"),
        ("五里牌街道许畈村贫困户", "许畈村"),
        ("五里牌街道许畈村贫困户", "五里牌街道"),
        ("临湘市羊楼司镇黄金村的老李", "羊楼司镇"),
        ("来自忠防镇的贫困户", "忠防镇"),
        ("湖南省长沙市岳麓区", "湖南省"),
    ],
)
def test_place_names_are_one_token(segmenter, text, place):
    pieces = segmenter.segment(text)
    assert kinds(pieces).get(place) == "place", texts(pieces)


@pytest.mark.parametrize(
    ("text", "before", "place"),
    [
        ("2026年中国经济稳中有进", "年", "中国"),
        ("企业把工厂转移至中国", "至", "中国"),
        ("代表团齐聚北京开会", "齐聚", "北京"),
        ("他们从成都市出发赴云南省", "赴", "云南省"),
    ],
)
def test_a_place_the_dictionary_names_takes_no_word_before_it(segmenter, text, before, place):
    pieces = texts(segmenter.segment(text))
    assert pieces[pieces.index(place) - 1] == before, pieces


@pytest.mark.parametrize("text", ["贫困村退出后", "全市共114个农家书屋", "进村入户", "每个村都有"])
def test_common_words_before_a_suffix_are_not_places(segmenter, text):
    pieces = segmenter.segment(text)
    assert "place" not in {p.kind for p in pieces}, texts(pieces)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("本报讯(刘飞翔)为推动脱贫攻坚", ["刘飞翔"]),
        ("本报讯（易勇姚刚）近日", ["易勇", "姚刚"]),
        ("其中未脱贫劳动力16人。(贺新)", ["贺新"]),
        ("刘实华 摄", ["刘实华"]),
        ("新华书店(临湘分公司)高度重视", []),
    ],
)
def test_bylines_name_reporters(text, names):
    assert bylines_in(text) == names


# --- glossary terms -------------------------------------------------------------------------


def test_terms_are_whole_and_the_longest_wins(segmenter):
    pieces = segmenter.segment("聚焦建档立卡贫困户就业问题，建档立卡以外的边缘户")
    got = texts(pieces)
    assert "建档立卡贫困户" in got and "建档立卡" in got
    term = next(p for p in pieces if p.text == "建档立卡贫困户")
    assert term.term == "建档立卡贫困户"


def test_a_variant_names_its_entry(segmenter):
    pieces = segmenter.segment("“两不愁、三保障”政策落实情况")
    term = next(p for p in pieces if p.term)
    assert (term.text, term.term) == ("两不愁、三保障", "两不愁三保障")


def test_a_place_term_has_kind_place(segmenter):
    pieces = segmenter.segment("五里牌街道筹措资金")
    assert (pieces[0].text, pieces[0].kind, pieces[0].term) == ("五里牌街道", "place", "五里牌街道")


# --- scripts ------------------------------------------------------------------------------------


def test_spaces_latin_and_punctuation_are_their_own_kinds(segmenter):
    pieces = segmenter.segment("电话调查全覆盖 问题导向抓整改——COVID-19疫情……")
    assert kinds(pieces)[" "] == "space"
    assert kinds(pieces)["COVID-19"] == "latin"
    assert kinds(pieces)["——"] == "punct"
    assert kinds(pieces)["……"] == "punct"


def test_jieba_on_the_derived_frequencies_cuts_like_jieba(tmp_path_factory, example_path, tmp_path):
    import jieba

    # A fresh dictionary: jieba reads a plain dict of the words looked up so
    # far, so every piece it asks about must be looked up before it asks.
    cache = tmp_path_factory.getbasetemp() / "zhreader-cache"
    fresh = Segmenter.initialize(Dictionary.load(cache))._jieba
    reference = jieba.Tokenizer()
    reference.tmp_dir = str(tmp_path)  # jieba's own prefix dictionary, built afresh
    text = example_path.read_text(encoding="utf-8")
    assert list(fresh.cut(text)) == list(reference.cut(text))
    assert list(fresh.cut(text, HMM=False)) == list(reference.cut(text, HMM=False))
    # The DAG that loads words as it walks is jieba's own, from a cold start too.
    cold = Segmenter.initialize(Dictionary.load(cache))._jieba
    for line in text.splitlines():
        assert cold.get_DAG(line) == reference.get_DAG(line)


def test_name_and_place_rules_fire_only_past_their_gates(segmenter, example_path):
    """The cheap gates in front of the rules never turn away a word a rule would take."""
    from zhreader.names import TITLES

    fired = 0
    for line in example_path.read_text(encoding="utf-8").splitlines():
        words = list(segmenter._jieba.cut(line))
        for i, word in enumerate(words):
            # Any pieces before it, so a stem could be found.
            out = [Piece(w) for w in words[max(0, i - 3) : i]]
            place, person = segmenter._place_at(words, i, out), segmenter._person_at(words, i, "")
            fired += bool(place[0]) + bool(person[0])
            if not segmenter._facts(word)[0]:
                assert place == (0, ""), word
            if len(word) < 3 and not (i and segmenter._facts(words[i - 1])[1]):
                assert person == (0, ""), word
            assert segmenter._facts(word)[1] == word.endswith(TITLES)
    assert fired > 20


def test_traditional_text_is_cut_like_simplified(segmenter):
    simplified = texts(segmenter.segment("电话调查员通过询问贫困户户籍人口"))
    traditional = texts(segmenter.segment("電話調查員通過詢問貧困戶戶籍人口"))
    assert [len(w) for w in traditional] == [len(w) for w in simplified]
    assert "".join(traditional) == "電話調查員通過詢問貧困戶戶籍人口"


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        # A place jieba tags (中国) after a one-character stem: the stem rule runs.
        ("2026年中国经济稳中向好，专家至中国调研。", "2026年中國經濟穩中向好，專家至中國調研。"),
        ("他们种的西瓜很甜，排长队买的人很多。", "他們種的西瓜很甜，排長隊買的人很多。"),
        ("村民张富次说，镇党委书记解放介绍了情况。", "村民張富次說，鎮黨委書記解放介紹了情況。"),
    ],
)
def test_a_traditional_twin_is_cut_by_the_same_rules(segmenter, simplified, traditional):
    """Simplified text takes the pieces remembered per word; a traditional twin builds them anew."""
    expected = [(len(p.text), p.kind, p.term) for p in segmenter.segment(simplified)]
    assert [(len(p.text), p.kind, p.term) for p in segmenter.segment(traditional)] == expected


# --- plausibility: no word the sentence does not hold ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # jieba's HMM joins unknown runs; no dictionary backs them.
        ("我种的西瓜很甜。", ["我", "种", "的", "西瓜", "很", "甜", "。"]),
        ("费用应由企业承担。", ["费用", "应", "由", "企业", "承担", "。"]),
        ("他高兴地说。", ["他", "高兴", "地", "说", "。"]),
        # A floor-frequency phrase of jieba's: 排长 | 队 and 排 | 长队 tie; an everyday
        # verb and its object win over a word no HSK level lists (排长 'platoon leader').
        ("他们在排长队。", ["他们", "在", "排", "长队", "。"]),
        ("孩子在做作业。", ["孩子", "在", "做", "作业", "。"]),
        # A guessed word keeps the dictionary word inside it that nothing crosses.
        ("在一问一答中将知识传授给学生。", None),
    ],
)
def test_guessed_words_are_cut_into_what_the_dictionaries_back(segmenter, text, expected):
    pieces = texts(segmenter.segment(text))
    if expected is not None:
        assert pieces == expected
    assert "".join(pieces) == text


def test_a_localiser_closing_a_zai_frame_is_not_a_noun(segmenter):
    pieces = texts(segmenter.segment("在一问一答中将知识传授给学生。"))
    assert "中将" not in pieces and pieces[pieces.index("中") + 1] == "将"
    assert "传授" in pieces
    # Without 在 before it, 中将 is the rank.
    assert "中将" in texts(segmenter.segment("他是一名海军中将。"))


def test_a_guessed_word_keeps_the_shortest_cut_into_dictionary_words(segmenter):
    # jieba lists 发放贷款 at its floor frequency; 发放|贷款 beats 发|放贷|款.
    assert texts(segmenter.segment("农业银行发放贷款。")) == ["农业银行", "发放", "贷款", "。"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("镇党委书记解放介绍，", "解放"),
        ("镇党委书记区伟介绍", "区伟"),
        ("镇党委书记朴成说", "朴成"),
        ("县长刘实华表示", "刘实华"),
    ],
)
def test_a_name_between_a_title_and_a_verb_of_speaking(segmenter, text, name):
    assert kinds(segmenter.segment(text)).get(name) == "name"


def test_a_phrase_between_a_title_and_a_verb_of_speaking_is_no_name(segmenter):
    assert "name" not in kinds(segmenter.segment("镇党委书记在会上说。")).values()



@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("工作人员对仓库进行了安全检查。", ["安全", "检查"]),  # jieba's dictionary tags it nr
        ("两国的关系密切，往来频繁。", ["关系", "密切"]),
        ("各单位要严格执行新规定。", ["严格", "执行"]),
    ],
)
def test_a_four_character_name_that_is_two_words_is_the_two_words(segmenter, text, words):
    pieces = segmenter.segment(text)
    assert "name" not in kinds(pieces).values()
    assert all(word in texts(pieces) for word in words)


def test_a_transliterated_name_that_does_not_halve_into_words_stays_a_name(segmenter):
    assert kinds(segmenter.segment("易卜拉欣说，比赛很精彩。")).get("易卜拉欣") == "name"
