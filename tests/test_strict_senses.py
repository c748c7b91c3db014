"""Issue 12, round ten: a strict translator's re-review of the shown senses, by kind of bad gloss.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest
from conftest import first_gloss_of as gloss_of

ROUND_TEN = "# Round ten (issue 12): a strict re-review by kinds of bad gloss"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # A definition where a translator writes a plain word.
        ("这家超市的日用品很便宜。", "日用品", "daily necessities"),
        ("她凌晨三点才回到家。", "凌晨", "early morning, before dawn"),
        ("家里进了小偷，他马上报警。", "报警", "to call the police, to raise the alarm"),
        ("记者获悉，这条地铁线明年开通。", "获悉", "to learn of"),
        ("他小时候在农村长大。", "小时候", "as a child, childhood"),
        ("请大家注意保管好自己的财物。", "保管", "to keep, to look after"),
        ("这座古城距今已有两千多年的历史。", "距今", "ago, before now"),
        ("这位选手在比赛中创下了新的世界纪录。", "创下", "to set (a record)"),
        ("他的表哥在北京工作。", "表哥", "cousin"),
    ],
)
def test_a_definition_reads_as_the_plain_word(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Verbs news uses as nouns: the plain verb, or noun and verb joined.
        ("台风来临前，村里的老人都被疏散到了学校。", "疏散", "to evacuate"),
        ("老城区的改造工程今年开工。", "改造", "to transform, to renovate"),
        ("两国代表进行了磋商。", "磋商", "consultation, talks"),
        ("政府加强了对食品安全的监测。", "监测", "monitoring, to monitor"),
        ("这次比赛的失利让球迷很失望。", "失利", "to lose, setback"),
        ("专家认为，这种病毒的传染能力很强。", "传染", "infectious, to infect"),
        ("工作人员正在排查火灾隐患。", "排查", "to check, to screen"),
    ],
)
def test_a_verb_news_uses_as_a_noun_reads_both_ways(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # HSK 1-4, read in a sentence.
        ("妈妈每天早上六点起床做早饭。", "妈妈", "mom, mother"),
        ("吃完饭，桌上还剩下两个包子。", "剩下", "left, remaining"),
        ("他把钥匙交给了楼下的保安。", "交给", "to hand over to, to give to"),
        ("今年的财政收入比去年增加了。", "财政", "finance, fiscal"),
        ("这个周末有空吗？一起去看电影吧。", "有空", "free, to have time"),
        # 困 before 了 or after 都 is being sleepy; 堵 after a degree word is a jam.
        ("我困了，想早点睡觉。", "困", "sleepy"),
        ("孩子们玩了一天，都困了。", "困", "sleepy"),
        ("下班时间路上很堵。", "堵", "jammed, congested"),
        # HSK ranks 2,501-4,000, read the same way.
        ("我的钥匙不见了，到处都找不到。", "不见", "missing, gone"),
        ("这家公司去年被一家外国企业收购了。", "收购", "to acquire, to purchase"),
        ("春节是中国人最重要的节日。", "节日", "festival, holiday"),
        ("锅里还剩一点儿米饭。", "剩", "to be left, remaining"),
    ],
)
def test_a_frequent_word_reads_as_a_teacher_writes_it_in_a_sentence(
    annotator, sentence, word, gloss
):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("gloss", "wordy"),
    [
        ("person in charge of a train station, website, volunteer center, etc", True),
        ("articles for daily use", True),
        ("to submit an expense account", True),  # four words in lower case
        ("to divide sth into", True),
        ("at one's side", True),
        ("to make visible", True),
        ("to put into practice", True),
        ("to cause trouble", True),
        ("spinning (and weaving)", True),
        ("a kind of tea", True),
        ("to reimburse", False),
        ("mom, mother", False),
        ("finance, fiscal", False),  # each sense is short
        ("to hand over to", True),  # four words: listed, for the reviewer to judge
        ("Ministry of Foreign Affairs", False),  # a name, not a definition
        ("", False),
        (None, False),
    ],
)
def test_the_finder_tells_a_definition_from_a_translation(sweep, gloss, wordy):
    assert sweep.wordy(gloss) is wordy


def test_no_round_ten_row_shows_a_dictionary_placeholder():
    """A row replaces a definition: it may not show CC-CEDICT's sb, sth or etc itself."""
    from zhreader.pipeline.words.senses import LEARNER_SENSES

    lines = LEARNER_SENSES.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(ROUND_TEN))
    rows = [line.split("\t") for line in lines[start + 1 :] if line and not line.startswith("#")]
    assert len(rows) > 500
    placeholders = {"sb", "sth", "etc", "sb's", "sth's"}
    assert [row[:4] for row in rows if placeholders & set(row[3].split())] == []


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Round ten, second wave: definitions past rank 5,200 of the --wordy list.
        ("这名消防员牺牲后，单位一直照顾他的遗属。", "遗属", "bereaved family"),
        ("周末我们全班去郊外郊游。", "郊游", "outing, to go on an outing"),
        ("央行宣布降息，房贷利率随之下调。", "降息", "to cut interest rates"),
        ("警方发现一名疑似感染者，已送医隔离。", "疑似", "suspected"),
        ("他在公交车上主动给老人让座。", "让座", "to give up a seat"),
        ("这套房子的户型很好，采光也不错。", "户型", "floor plan"),
        ("这套房子的户型很好，采光也不错。", "采光", "lighting, daylight"),
        ("他刚入行，还是个菜鸟。", "菜鸟", "rookie"),
        ("大年三十晚上，全家人一起包饺子。", "大年三十", "Chinese New Year's Eve"),
        ("我们队以三比零完胜对手。", "完胜", "to win easily, convincing win"),
        ("这篇报道内容失实，报社已经道歉。", "失实", "inaccurate, untrue"),
        ("晚饭后学生们回教室上自习。", "自习", "self-study"),
    ],
)
def test_a_definition_past_rank_5200_reads_as_the_plain_word(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Round ten, second wave: HSK ranks 4,001-6,000 read in a sentence.
        ("工厂倒闭后，他失业了半年。", "失业", "to lose one's job, unemployment"),
        ("我们住的饭店离海边很近。", "饭店", "restaurant, hotel"),
        ("他是家里的老大，下面有两个妹妹。", "老大", "eldest, boss"),
        ("我在这儿等了半天工夫，他还没来。", "工夫", "time, effort"),
        ("他受过良好的教育。", "受过", "to have received"),
        ("警方还在寻找那名男子的下落。", "下落", "whereabouts"),
        ("这趟列车从北京直达上海。", "直达", "direct, nonstop"),
        ("这类网络平台长期缺乏有效监管。", "监管", "to supervise, regulation"),
        ("傍晚的时候，公园里散步的人很多。", "傍晚", "evening, dusk"),
        ("外部环境的变化给企业带来了压力。", "外部", "external, outside"),
    ],
)
def test_an_hsk_word_past_rank_4000_reads_as_a_teacher_writes_it(
    annotator, sentence, word, gloss
):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Round ten, second wave: adverbs of HSK ranks 4,001-6,000 read in a sentence.
        ("这件衣服未免太贵了。", "未免", "rather, a bit too"),
        ("这支球队在决赛中一举夺冠。", "一举", "in one go, at a stroke"),
        ("他一路上只顾低头玩手机。", "只顾", "to care only about"),
    ],
)
def test_an_hsk_adverb_past_rank_4000_reads_as_a_teacher_writes_it(
    annotator, sentence, word, gloss
):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Round eleven: one narrow sense where a learner meets two common uses.
        ("晚会结束以后，大家一起打扫礼堂。", "结束", "to end, to finish"),
        ("等了三个小时，公交车终于来了。", "终于", "finally, at last"),
        ("这片树林曾经是一座果园。", "曾经", "once, formerly"),
        ("那天晚上究竟发生了什么？", "究竟", "exactly, after all"),
        ("外面在下雨，你赶紧把衣服收进来。", "赶紧", "quickly, hurry"),
        ("城市居民对养老服务的需求日益增加。", "日益", "increasingly"),
        ("出于好奇，他打开了那个盒子。", "出于", "out of, due to"),
        ("这家药店每天早上七点开门。", "开门", "to open, to open the door"),
        ("孩子把旧衣服捐给了山区，这说明他长大了。", "说明", "to explain, to show"),
        ("这次地震太可怕了。", "可怕", "terrible, frightening"),
        ("这座小镇的居民大多靠手工编织竹篮为生。", "手工", "by hand, handicraft"),
        ("我们先把两种手机比较一下再买。", "比较", "to compare, relatively"),
        ("医生紧急抢救了落水的男孩。", "紧急", "urgently"),
        ("经过三年的努力，这项试验终于成功了。", "成功", "to succeed"),
        ("今年夏天的天气异常炎热。", "异常", "extremely, unusually"),
        ("体检报告显示他的血糖异常。", "异常", "abnormal, unusual"),
    ],
)
def test_a_narrow_sense_gives_way_to_both_common_uses(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Round eleven: the context rows of the words above still win where they hold.
        ("这次试飞成功完成了全部测试项目。", "成功", "successfully"),
        ("他每天都努力练习钢琴。", "努力", "hard, diligently"),
    ],
)
def test_a_narrow_word_keeps_its_context_row(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Round eleven: HSK ranks 6,001-7,500 read in a sentence.
        ("他们在一起五年，去年分手了。", "分手", "to break up, to part"),
        ("她每个月都攒一点钱。", "攒", "to save up"),
        ("学校的新食堂能容纳两千人，问题有待解决。", "有待", "remains to be"),
        ("这种水果富含维生素C。", "富含", "rich in"),
        ("这道题我不会，我们从简单的题入手吧。", "入手", "to start with"),
        ("我明天有事，不能去看电影了。", "有事", "to be busy, to have something on"),
        ("市场上的苹果供过于求，产能过剩的问题很突出。", "过剩", "surplus, excess"),
        ("听说你考上了研究生，祝贺你！", "祝贺", "to congratulate, congratulations"),
        ("运动员们陆续冲过终点。", "终点", "finish line, destination"),
        ("他刚睡醒，看起来很困。", "看起来", "it seems, to look"),
    ],
)
def test_an_hsk_word_past_rank_6000_reads_as_a_teacher_writes_it(
    annotator, sentence, word, gloss
):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Round eleven: definitions past rank 6,200 of the --wordy list.
        ("这笔钱可以撬动更多民间资金。", "撬动", "to leverage, to pry"),
        ("乘客可以在网上把车票改签到后天。", "改签", "to change a ticket"),
        ("我现在不方便说话，一会儿给你回电。", "回电", "to call back"),
        ("她在菜市场买了三市斤鸡蛋。", "市斤", "jin (0.5 kg)"),
        ("上课前最好先预习一下课文。", "预习", "to preview (a lesson)"),
    ],
)
def test_a_definition_past_rank_6200_reads_as_the_plain_word(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("gloss", "senses", "narrow"),
    [
        ("to finish", ("termination", "to finish", "to end"), True),  # a noun is listed
        ("automatic", ("automatic", "voluntarily"), True),  # an adverb is listed
        ("to finish", ("to finish", "to end", "to conclude"), False),  # verbs only
        ("itself", ("itself", "oneself", "one's own"), False),  # all of one kind
        ("to end, to finish", ("termination", "to end"), False),  # two senses shown already
        ("to help", ("to help", "a person who helps others in need"), False),  # a definition
        ("", ("termination",), False),
        (None, ("termination",), False),
    ],
)
def test_the_finder_tells_a_narrow_gloss(sweep, gloss, senses, narrow):
    assert sweep.narrow(gloss, senses) is narrow


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # Round eleven: the --narrow list of jieba's words past rank 600, and sizes.
        ("受降雨影响，早高峰时段多条道路交通拥堵。", "拥堵", "congestion, congested"),
        ("今年一季度的粮价与去年同期基本持平。", "持平", "flat, unchanged"),
        ("一位八旬老人在公园走失，民警帮他找到了家人。", "走失", "to get lost, to go missing"),
        ("他们错失了进入决赛的机会。", "错失", "to miss, to lose"),
        ("这款手机的主打功能是拍照。", "主打", "flagship, main"),
        ("我压根没听说过这个人。", "压根", "(not) at all"),
        ("这双运动鞋有大号的吗？", "大号", "large size, tuba"),
    ],
)
def test_a_jieba_word_past_rank_600_shows_its_common_use(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss
