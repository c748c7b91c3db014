"""CC-CEDICT's sense when no learner row applies, and learner rows read by their context."""

from __future__ import annotations

import pytest

from zhreader.pipeline.words.dictionary import clean_sense, ranked_senses
from zhreader.pipeline.words.english import RARE_ZIPF, english_rows, is_rare, nominal, sense_words
from zhreader.pipeline.words.senses import Neighbour, particle_name


def _zipf(table: dict[str, int]):
    return lambda word: table.get(word, 0)


def glosses_of(annotator, sentence: str, word: str) -> list[str]:
    """Return the gloss of every token ``word`` in ``sentence``."""
    return [t.gloss for t in annotator.tokens(sentence) if t.zh == word]


def test_sense_words_leave_out_cedicts_placeholders():
    assert sense_words("to tell sb sth; (of age) seventy") == ("to", "tell", "of", "age", "seventy")


def test_english_rows_read_wordfreq_for_every_word_once():
    rows = dict(english_rows(["to take away", "diaphysis (of a bone)", "take"]))
    assert set(rows) == {"to", "take", "away", "diaphysis", "of", "a", "bone"}
    assert rows["take"] > 500 > RARE_ZIPF * 100 > rows["diaphysis"]
    assert dict(english_rows(["qzxv"]))["qzxv"] == 0  # not in wordfreq: rare


def test_a_sense_with_a_rare_english_word_comes_after_an_everyday_one():
    zipf = _zipf({"backbone": 350, "diaphysis": 116, "dialect": 360, "to": 750, "be": 700})
    senses = ("diaphysis (long segment of a bone)", "fig. backbone")
    assert ranked_senses(senses, "n")[0] == "diaphysis"  # without frequencies: CC-CEDICT's order
    assert ranked_senses(senses, "n", zipf)[0] == "backbone"
    assert is_rare("topolect", zipf) and not is_rare("dialect", zipf)
    # One everyday word is enough; grammar words count for nothing.
    zipf = _zipf({"calabash": 200, "or": 630, "bottle": 450, "gourd": 250, "to": 740})
    assert not is_rare("calabash or bottle gourd", zipf)
    assert is_rare("to calabash", zipf) and not is_rare("to", zipf)


def test_rarity_never_outranks_the_part_of_speech_or_a_register_label():
    zipf = _zipf({"to": 750, "surname": 400, "family": 550, "name": 600, "be": 700})
    # jieba's verb keeps its infinitive, rare or not: 姓 "to be surnamed", not "family name".
    assert ranked_senses(("to be surnamed", "family name"), "v", zipf)[0] == "to be surnamed"
    zipf = _zipf({"to": 750, "go": 600, "sojourn": 200})
    assert ranked_senses(("(literary) to go", "to sojourn"), "v", zipf)[0] == "to sojourn"


@pytest.mark.parametrize(
    ("word", "tag", "gloss"),
    [
        ("骨干", "n", "backbone"),  # not "diaphysis"
        ("方言", "n", "dialect"),  # not "topolect"
        ("名人", "n", "celebrity"),  # not "personage"
        ("药品", "n", "medicine"),  # not "medicaments"
        ("粥", "n", "porridge"),  # not "congee"
        ("葫芦", "n", "calabash or bottle gourd"),  # not "hoist": one everyday word is enough
    ],
)
def test_the_dictionary_glosses_in_everyday_english(annotator, word, tag, gloss):
    assert annotator.dictionary.short_gloss(word, tag=tag) == gloss


# Everyday function words: sentences written for these tests (none is a judged item).
@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # 还: still before a negation or 在, also opening a clause, the verb huán at a clause end.
        ("他到现在还没回来。", "还", "still"),
        ("外面还在下雨。", "还", "still"),
        ("我们参观了工厂，还看了新建的学校。", "还", "also, in addition"),
        ("这本书看完了要还。", "还", "to give back, to return"),
        ("他把书还了。", "还", "to pay back"),  # read huán: CC-CEDICT's huán entry
        ("那本书他明天还我。", "还", "to give back, to return"),  # before the person owed
        ("周末我们在山上露营。", "山上", "on the mountain"),  # not the township in Taiwan
        ("从这里到机场要多长时间？", "多", "how (long, big …)"),  # before an adjective of measure
        ("明天早上八点出发，行吗？", "行", "OK"),
        ("快上来，车开了！", "开", "to drive, to set off"),  # after a vehicle
        ("这道菜的盐放得太多了。", "多", "many, much"),  # after a degree word
        ("那对夫妇每天早上都去跑步。", "对", "pair, couple"),  # counted, not "to, towards"
        ("这对孩子的成长很重要。", "对", "to, towards"),  # 这对 before another noun
        ("她在上海工作过两年。", "过", particle_name("experienced")),  # after a verbal noun
        ("这种车既省油又安全。", "既", "both … and"),  # not the literary "already"
        ("电脑快没电了，我去拿充电器。", "快", "almost, soon"),
        ("窗外下着小雨。", "下", "to fall (rain, snow)"),  # 下着 (ongoing) before the rain
        ("晚饭我们煮了两碗面。", "面", "noodles"),  # not "face"
        ("院子里的花开了。", "花", "flower"),
        ("为了装修，他们花了不少钱。", "花", "to spend"),
        ("这种话我才不信呢。", "信", "to believe"),
        ("下雨了，我们白跑了一趟。", "白", "in vain, for nothing"),
        ("周末我们一起进了一趟城。", "城", "city, town"),  # not "city walls"
        ("城区房价上涨，郊区则保持平稳。", "则", "then, but"),  # not "standard"
        # 了: an amount before a closing 了 is a span that has become so.
        ("我在这里工作三年了。", "了", particle_name("change-of-state")),
        ("他买了两本书。", "了", particle_name("completed-action")),
        # 过: how a time went, passing by.
        ("一辆公交车刚从站台前过。", "过", "to pass (by)"),
        ("我们在这里过马路吧。", "过", "to cross"),
        # 看: an opinion after the speaker, a visit before a person.
        ("我看这件事没那么简单。", "看", "to think, to see"),
        ("周日我们回老家看爷爷。", "看", "to see, to visit"),
        # 有关: relevant before a noun, related at the clause end.
        ("市里有关单位正在核实情况。", "有关", "relevant"),
        ("这次停电和大风有关。", "有关", "related to"),
        # 发现: finding, in news and everyday speech.
        ("工作人员在仓库里发现了一批旧设备。", "发现", "to find, to discover"),
    ],
)
def test_function_words_read_their_context(annotator, sentence, word, gloss):
    assert glosses_of(annotator, sentence, word) == [gloss]


@pytest.mark.parametrize(
    ("word", "prev", "nxt", "gloss"),
    [
        ("放", Neighbour("去", "word", "v"), Neighbour("风筝", "word", "n"), "to fly (a kite)"),
        ("放", Neighbour("要", "word", "v"), Neighbour("烟花", "word", "n"), "to set off"),
        ("放", Neighbour("先", "word", "d"), Neighbour("音乐", "word", "n"), "to play"),
        ("放", Neighbour("要", "word", "v"), Neighbour("盐", "word", "n"), "to put"),
        (
            "过",
            Neighbour("日子", "word", "n"),
            Neighbour("得", "word", "ud"),
            "to live, to get along",
        ),
        ("再", Neighbour("饭", "word", "n"), Neighbour("走", "word", "v"), "again, then"),
        ("还", Neighbour("，", "punct", ""), Neighbour("没", "word", "d"), "still"),
    ],
)
def test_learner_rows_read_the_neighbours(annotator, word, prev, nxt, gloss):
    assert annotator._glosses.senses.choose(word, prev, nxt) == gloss


def test_a_note_left_dangling_by_its_cross_reference_goes_with_it():
    assert clean_sense("chemical industry, abbr. of 化學工業|化学工业[hua4 xue2 gong1 ye4]") == (
        "chemical industry"
    )
    assert clean_sense("Restoration of 1917, see 復辟|复辟[fu4 bi4]") == "Restoration of 1917"
    assert clean_sense("to take over from") == "to take over from"  # no reference: kept whole
    assert clean_sense("as far as the eye can see (idiom)") == "as far as the eye can see"
    assert clean_sense("(final particle similar to 呢[ne5] or 啦[la5])") == "final particle"
    sense = "possessive particle, literary equivalent of 的[de5]"
    assert clean_sense(sense) == "possessive particle"
    assert clean_sense("variant of 〇[ling2]") == "variant of"  # nothing else is left: kept


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("好咧，我这就去。", "咧", "modal particle expressing exclamation"),  # not "to draw back"
        ("他们早就到了哩。", "哩", "modal final particle"),  # not "mile"
    ],
)
def test_a_character_closing_a_clause_is_its_final_particle(annotator, sentence, word, gloss):
    assert glosses_of(annotator, sentence, word) == [gloss]


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("我们一块去超市吧。", "一块", "together"),  # before a verb
        ("这不是你的错。", "不是", "is not"),  # not "fault"
        ("市里决定下调公交票价。", "下调", "to lower"),  # not "to demote"
        ("这家化工企业今年停产了。", "化工", "chemical industry"),  # no dangling "abbr. of"
        ("他每天早上体检前不吃东西。", "体检", "physical examination"),  # "abbr. for 体格检查"
        ("医生建议他多做运动。", "运动", "sports, exercise"),  # not "motion"
        ("昨晚城郊发生一起火灾。", "一起", "one (case)"),  # counted, not "together"
        ("我们下午一起去图书馆。", "一起", "together"),
        ("他每个月都要还车贷。", "还", "to pay back, to return"),
        ("在大家的帮助下，他很快适应了新工作。", "下", "under"),
        ("我到公司已经九点多了。", "九点多", "after nine o'clock"),  # one time (round ten)
    ],
)
def test_frequent_words_outside_the_first_ranks(annotator, sentence, word, gloss):
    assert glosses_of(annotator, sentence, word) == [gloss]


def test_a_sense_opening_with_a_noun_is_nominal_a_modal_is_not():
    assert nominal("supermarket") and nominal("an opponent") and nominal("excited")
    assert not nominal("ought to") and not nominal("cannot") and not nominal("apparently")
    assert not nominal("to go") and not nominal("-ization")


@pytest.mark.parametrize(
    ("word", "tag"),
    [("超市", "n"), ("行为", "n"), ("应该", "v"), ("可能", "v"), ("发展", "vn"), ("去", "v")],
)
def test_a_false_verb_of_jiebas_is_a_noun_to_a_context(annotator, word, tag):
    # jieba's dictionary tags 超市 and 行为 as verbs; CC-CEDICT has no "to …" sense for them.
    assert annotator.dictionary.context_tag(word) == tag


def test_a_noun_jieba_tags_as_a_verb_does_not_make_zai_progressive(annotator):
    glosses = {t.zh: t.gloss for t in annotator.tokens("她每天下班后在超市买菜。")}
    assert glosses["在"] == "at, in"


def test_a_noun_takes_its_english_noun_however_far_down_its_senses():
    # 贡献: "to contribute; to dedicate; to devote; contribution" — jieba's noun is the last.
    senses = ("to contribute", "to dedicate", "to devote", "contribution")
    assert ranked_senses(senses, "n")[0] == "contribution"
    assert ranked_senses(senses, "v")[0] == "to contribute"
    # A name's tag (a surname) is no evidence for the English noun; nor is an adverb's.
    assert ranked_senses(senses, "nr")[0] == "to contribute"
    # A noun sense among the first three still wins by CC-CEDICT's order.
    assert ranked_senses(("to deal", "deal", "transaction"), "n")[0] == "deal"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("他为公司做出了很大的贡献。", "贡献", "contribution"),
        ("在老师的指导下，学生完成了实验。", "指导", "guidance"),
        ("这笔交易让双方都很满意。", "交易", "transaction"),
    ],
)
def test_a_noun_in_context_reads_as_an_english_noun(annotator, sentence, word, gloss):
    assert glosses_of(annotator, sentence, word) == [gloss]


# Rows for frequent words (jieba ranks 57-3365) met in news read as a learner would.
@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("主队最后以三比一赢了比赛。", "比", "to (in a score)"),  # 3比1 in digits is one token
        ("今天比昨天冷。", "比", "than, compared with"),
        ("我昨晚看了这部老电影。", "这部", "this (classifier for films, books, machines)"),
        ("外交部发言人回答了记者的提问。", "部", None),  # inside 外交部: no token of its own
        ("今年全县粮食产量过万吨。", "过", "over, more than"),
        ("大家团结起来，一起想办法。", "起来", "up, (start to)"),
        ("明天最低气温零下5度。", "度", "degrees"),
        ("工厂的减排量比去年多。", "量", "amount, quantity"),
        ("两国共同举办了这次展览。", "共同", "jointly, together"),
        ("这是我们的共同目标。", "共同", "common"),
        ("他能独立完成这项工作。", "独立", "independent"),
        ("问题的关键在于资金。", "在于", "to lie in"),
        ("数字经济发展很快。", "数字", "digital"),
        ("请把这几个数字加起来。", "数字", "numeral"),
        ("新设备大大提升了工作效率。", "提升", "to raise, to improve"),
        ("这项服务面向所有老年人。", "面向", "to face, geared towards"),  # not "appearance"
        ("今天的气温比昨天略低。", "略", "slightly"),
        ("开车的人不能酒后驾驶。", "驾驶", "to drive, to pilot"),
        ("出租车司机对这一带很熟。", "司机", "driver"),  # not "chauffeur"
        ("书店里的新书都卖光了。", "光", "out"),  # 卖 | 光 "to sell out" (result_complements.tsv)
        ("他根本不知道这件事。", "根本", "(not) at all"),
        ("他们利用周末时间学习外语。", "利用", "to use, to make use of"),  # not "to exploit"
        ("河边的晚霞。 小李 摄", "摄", "photo (by)"),  # a photo credit closes the caption
        ("全市常住人口已达1200万。", "达", "to reach, to amount to"),
    ],
)
def test_frequent_news_words_read_their_context(annotator, sentence, word, gloss):
    assert glosses_of(annotator, sentence, word) == ([gloss] if gloss else [])


def test_a_verbal_noun_reads_as_an_english_noun_among_its_first_senses():
    # 挑战 "to challenge; challenge": a verbal noun (jieba vn) is the noun.
    assert ranked_senses(("to challenge", "challenge"), "vn")[0] == "challenge"
    assert ranked_senses(("to challenge", "challenge"), "v")[0] == "to challenge"
    # An English noun in -tion, -ance … first; a plain one only among the first three.
    assert ranked_senses(("to analyze", "to parse", "analysis"), "vn")[0] == "analysis"
    senses = ("to be put in charge of", "to be responsible for", "to manage", "passage")
    assert ranked_senses(senses, "vn")[0] == "to be put in charge of"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("新能源汽车的销售持续增长。", "销售", "sales"),
        ("这项工作面临很多挑战。", "挑战", "challenge"),
        ("警方加大了对网络犯罪的打击力度。", "犯罪", "crime"),
    ],
)
def test_a_verbal_noun_in_context_reads_as_a_noun(annotator, sentence, word, gloss):
    assert glosses_of(annotator, sentence, word) == [gloss]


@pytest.mark.parametrize(
    ("word", "gloss"),
    [
        ("下功夫", "to put in time and energy"),  # "see 下工夫[…]": not "see"
        ("老头儿", "old man"),  # "see 老頭子|老头子[…]"
        ("星系", "stellar system"),
    ],
)
def test_an_entry_that_only_points_elsewhere_takes_that_words_gloss(annotator, word, gloss):
    assert annotator.dictionary.short_gloss(word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("新的推荐算法让用户更容易找到内容。", "算法", "algorithm"),  # not "arithmetic"
        ("各项工作正在有序推进。", "有序", "orderly, in order"),  # not "regular"
        ("连日来，多地出现暴雨天气。", "地", "places"),  # not "earth"
        ("她开心地笑了。", "地", "(adverbial particle)"),  # the adverb marker stays
        ("银行下调了首套房贷款利率。", "首", "first"),  # not "head"
        ("这家公司坚持自主创新。", "自主", "independent, autonomous"),
        ("科研人员成功研制出新型材料。", "成功", "successfully"),
        ("这次比赛他终于获得了成功。", "成功", "success"),
        ("各地深入开展安全教育。", "深入", "thoroughly, in depth"),
        ("我们要真正把工作做好。", "真正", "truly, really"),
        ("他积极参加社区活动。", "积极", "actively"),
        ("这件事不怪你，别往心里去。", "怪", "to blame"),
    ],
)
def test_news_words_take_their_news_sense(annotator, sentence, word, gloss):
    assert glosses_of(annotator, sentence, word) == [gloss]



def test_a_number_after_bi_is_a_score_not_as_soon_as(annotator):
    glosses = [t.gloss for t in annotator.tokens("主队以二比一战胜了客队。") if t.zh == "一"]
    assert glosses == ["one"]


def test_a_numeral_word_counts_only_with_a_measure_word(annotator):
    # After a verb 一 + measure word counts (开一家小店); 一共 has no measure word.
    assert glosses_of(annotator, "我们算算一共多少钱。", "一共") == ["altogether"]
    assert glosses_of(annotator, "他开了一家小店。", "一家") == ["one (classifier for businesses)"]
    # a dictionary word whose second character is a plain noun keeps its own sense
    assert glosses_of(annotator, "中美两国的合作", "两国") == ["both countries"]


def test_an_article_before_a_noun_with_its_own_article_is_said_once(annotator):
    assert glosses_of(annotator, "走一步看一步。", "一步") == ["a step", "a step"]


def test_a_potential_complement_keeps_its_verb(annotator):
    # 起 after a time word starts from it (one token), but before 不/得 it is the verb.
    assert glosses_of(annotator, "我早上起不来。", "起") == ["to get up, to rise"]
    assert glosses_of(annotator, "从明天起实行。", "明天起") == ["starting tomorrow"]
    # 想不起来 is one word, the verb and its potential (tests/test_cut_kinds.py).
    assert glosses_of(annotator, "我想不起来他的名字。", "想不起来") == ["can't remember"]


def test_hao_before_ji_and_a_unit_is_quite_a_few(annotator):
    # 几个 shows its classifier ("Round ten, second wave: classifiers inside tokens")
    assert glosses_of(annotator, "他们换了好几个地方。", "好几个") == ["quite a few (classifier)"]
    assert glosses_of(annotator, "好几位老师都来了。", "好几位")[0].startswith("quite a few")
