"""Issue 12, round ten: news senses found reading the example issue as a learner.

The words were found by reading the bundled example issue's glosses; every
sentence here was written for these tests (not taken from the example, the
judged sets or the shared pages), in the example's style: rural policy,
farming, county government.
"""

from __future__ import annotations

import pytest
from conftest import first_gloss_of

from zhreader.pipeline.words.senses import LEARNER_SENSES

_SECTION = "# Round ten (issue 12): news senses found reading the example issue as a learner"
_NEXT_SECTION = "# Round nine (issue 12, lead): everyday words outside the ranks"


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # CC-CEDICT's first sense is military, dialect or rare English
        ("全县上下抓紧时间攻坚，确保按期完成任务。", "攻坚", "to tackle (a hard task)"),
        ("镇政府提前谋划明年的春耕工作。", "谋划", "to plan, to map out"),
        ("工作队主动出击，上门收集群众意见。", "出击", "to take action, to attack"),
        ("他撸起袖子就下了田。", "撸", "to roll up, to rub"),
        ("这片山坡光照充足，适合种茶。", "光照", "sunlight, light"),
        ("合作社为各类农户提供技术指导。", "各类", "all kinds of"),
        ("乡干部进村宣讲医保政策。", "宣讲", "to explain publicly, to publicize"),
        ("各级要压紧防汛责任。", "压紧", "to tighten"),
        ("民警为考生出行护航。", "护航", "to safeguard, to escort"),
        ("新政策助力农民增收。", "助力", "to help, to boost"),
        # money and duties
        ("公司承诺的奖金已经全部兑现。", "兑现", "to honor, to pay out"),
        ("住院费用可以按比例报销。", "报销", "to claim expenses, to reimburse"),
        ("落实政策决不能打折扣。", "打折扣", "to fall short, to cut corners"),
        ("值班人员不得擅自脱岗。", "脱岗", "to leave one's post"),
        ("村里用钱要经过村民代表同意。", "用钱", "to spend money"),
        ("两名干部因违纪被处分。", "违纪", "to violate discipline"),
        ("老王是县水文站站长。", "站长", "head of a station"),
        ("双方负责人当面签了协议。", "当面", "in person, face to face"),
        ("县里今年栽了十万株苗。", "苗", "seedling, sprout"),
    ],
)
def test_a_news_word_of_the_example_kind_reads_in_its_news_sense(
    annotator, sentence, word, gloss
):
    assert first_gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # 介绍 after a speaker and before a comma reports; elsewhere it introduces
        ("县农业局局长介绍，今年全县种了八万亩水稻。", "介绍", "said, explained"),
        ("我给你介绍一下我们村的情况。", "介绍", "to introduce"),
        # 偏 before an adjective: on that side of normal; before a negation: stubbornly
        ("今年的雨水偏少。", "偏", "rather, too"),
        ("劝了半天，他偏不听。", "偏", "stubbornly, insist on"),
        # 深 before 有/感/受: deeply; 深入 before a place or a group: going into it
        ("他对这件事深有体会。", "深", "deeply"),
        ("干部们深入基层了解民情。", "深入", "to go deep into"),
        ("要深入开展安全检查。", "深入", "thoroughly, in depth"),
        # 剩余 before a noun is 'remaining'
        ("剩余的种子分给了邻村。", "剩余", "remaining"),
        # 调查 after an adverb is the verb; as a noun it stays the noun
        ("工作组着重调查了饮水问题。", "调查", "to investigate"),
        ("这次调查持续了一个月。", "调查", "investigation"),
        # 困难 after a kind or an amount is the noun
        ("他们克服了种种困难。", "困难", "difficulty"),
        # 重点 and 具体 before a noun
        ("镇里把留守老人列为重点对象。", "重点", "key"),
        ("请说一下具体办法。", "具体", "specific"),
        # rows placed before a word's earlier rows, which would shadow them
        ("各村要严格执行防疫要求。", "要求", "requirement"),
        ("县里要求各村加快进度。", "要求", "to require, to ask"),
        ("党员干部积极为群众办实事。", "积极", "actively"),
        ("他积极的态度感染了大家。", "积极", "active"),
        ("技术员深入到田间地头。", "深入", "to go deep into"),
        # general rows that read wrongly for news: 进, 研究, 只管
        ("收割机进了山。", "进", "to enter, to go in"),
        ("这个问题要好好研究。", "研究", "research, to study"),
        ("你只管放心去干。", "只管", "only, just"),
    ],
)
def test_a_word_of_the_example_kind_reads_by_its_context(annotator, sentence, word, gloss):
    assert first_gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("word", "gloss"),
    [
        # a doubled adjective is the adjective; 的 keeps it, 地 makes the adverb
        ("高高", "high"),
        ("早早", "early"),
        ("清清的", "clear"),
        ("低低的", "low"),
        ("轻轻地", "lightly"),
        ("深深地", "deeply"),
        ("远远地", "distantly"),
        # a doubled noun or measure word is each one of them
        ("户户", "every household"),
        ("村村", "every village"),
    ],
)
def test_a_doubled_character_reads_as_what_the_doubling_does(annotator, word, gloss):
    assert annotator.glosses.doubled_description(word) == gloss


@pytest.mark.parametrize("word", ["高兴", "高低", "早", "串串", "早早地走"])
def test_only_a_doubled_character_is_described(annotator, word):
    assert annotator.glosses.doubled_description(word) is None


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("天还没亮，她就早早出了门。", "早早", "early"),
        ("奶奶静静地坐在门口。", "静静地", "still"),
        ("山上的野花开得高高的。", "高高的", "high"),
    ],
)
def test_a_doubled_word_in_a_sentence_shows_one_english_word(annotator, sentence, word, gloss):
    assert first_gloss_of(annotator, sentence, word) == gloss


def test_the_section_sits_before_the_round_nine_lead_rows():
    lines = LEARNER_SENSES.read_text(encoding="utf-8").splitlines()
    ours = next(i for i, line in enumerate(lines) if line.startswith(_SECTION))
    after = next(i for i in range(ours + 1, len(lines)) if lines[i].startswith("#"))
    assert lines[after].startswith((_SECTION_11, _NEXT_SECTION))  # round eleven's comes between
    assert after - ours > 25  # the section holds its rows


# --- Round eleven (issue 12): the example issue, its glossary terms, the words inside them

_SECTION_11 = (
    "# Round eleven (issue 12): news senses found reading the example issue as a learner"
)


@pytest.fixture(scope="module")
def glossed(tmp_path_factory):
    """The annotator with the bundled glossary (the session's has none); same cache folder."""
    from zhreader.pipeline.glossary.load import load_glossaries
    from zhreader.pipeline.words.annotate import Annotator

    cache = tmp_path_factory.getbasetemp() / "zhreader-cache"
    return Annotator.initialize(load_glossaries(()), cache)


def part_glosses(annotator, sentence: str, term: str) -> dict[str, str]:
    """Return the first sense of each part of the term token ``term`` of ``sentence``."""
    from zhreader.reader.context import first_sense

    token = next(t for t in annotator.tokens(sentence) if t.zh == term)
    assert token.parts, f"{term} has no parts"
    return {p.zh: first_sense(p.gloss) for p in token.parts}


@pytest.mark.parametrize(
    ("sentence", "term", "part", "gloss"),
    [
        # a modifier takes the form the term's English gives it, not its own first sense
        (
            "我们村去年评上了全国乡村治理示范镇。",
            "全国乡村治理示范镇",
            "全国",
            "nationwide, national",  # its row says the English's word
        ),
        ("我们村去年评上了全国乡村治理示范镇。", "全国乡村治理示范镇", "示范", "demonstration"),
        ("他当选为全国政协委员。", "全国政协", "全国", "nationwide, national"),
        ("这里是生态文明建设的先行区。", "生态文明", "文明", "civilization"),
        # a head noun as well: the noun, not the verb
        ("要发挥群众自治组织的作用。", "群众自治组织", "组织", "to organize, organization"),
        # a part CC-CEDICT lacks is rebuilt from its words' senses in the English
        ("市委组织部派出三个督导组。", "市委组织部", "组织部", "organization department"),
        ("各村党总支都建了微信群。", "党总支", "总支", "general branch"),
        # a character the English reads as what it abbreviates (its proper entry)
        ("山坡上新种了一片中药材。", "中药材", "中", "Chinese"),
        # the glossary's reading decides the sense: 奔 bèn "to head for", not bēn "to hurry"
        ("全村人一起奔小康。", "奔小康", "奔", "to head for"),
    ],
)
def test_a_part_of_a_term_reads_as_the_terms_english_says_it(
    glossed, sentence, term, part, gloss
):
    assert part_glosses(glossed, sentence, term)[part] == gloss


def test_a_part_the_english_already_says_keeps_its_gloss(glossed):
    # 集中 before 育秧 is "centralized" (the English's word); 育秧 already reads as it says.
    parts = part_glosses(glossed, "镇里今年推广集中育秧。", "集中育秧")
    assert parts == {"集中": "centralized", "育秧": "raising rice seedlings"}


@pytest.mark.parametrize(
    ("sentence", "term", "part", "gloss"),
    [
        # words inside terms CC-CEDICT lacks, glossed from characters before
        ("街道给每个社区都配了扶贫专干。", "扶贫专干", "专干", "full-time officer"),
        ("县里对这个乡实行挂牌督战。", "挂牌督战", "督战", "to supervise (a campaign)"),
        ("各村都要精准施策。", "精准施策", "施策", "to take measures, to apply policies"),
        ("这个村新建了一个农家书屋。", "农家书屋", "书屋", "reading room, library"),
        # second wave: the example's terms' words whose shown sense misled
        ("各村要落实主体责任。", "主体责任", "主体", "main, principal"),
        ("村里的分散供养五保户都领到了米。", "分散供养五保户", "分散", "scattered, dispersed"),
        ("分散供养五保户领到了米。", "分散供养五保户", "供养", "to support, to provide for"),
        # a part the segmenter took for a name is the glossary's term when the glossary lists it
        ("国家卫健委昨天发布了通知。", "国家卫健委", "卫健委", "health commission"),
    ],
)
def test_a_word_inside_a_term_cc_cedict_lacks_reads_as_news_uses_it(
    glossed, sentence, term, part, gloss
):
    assert part_glosses(glossed, sentence, term)[part] == gloss


def test_used_sense_takes_only_a_sense_the_english_has_whole():
    from zhreader.pipeline.words.term_parts import used_sense

    senses = ["whole nation", "nationwide", "countrywide", "national"]
    assert used_sense("whole nation", senses, "national model town") == "national"
    # The term's own English is read before its alternatives.
    senses = ["to demonstrate", "demonstration", "a model example"]
    english = "model town | demonstration town"
    assert used_sense("to demonstrate", senses, english) == "demonstration"
    # A gloss one of whose senses the English has stays; so does one no sense fits.
    assert used_sense("poor, poverty", ["poor", "poverty"], "poor people") is None
    assert used_sense("to tackle", ["to tackle", "to attack"], "fight against poverty") is None
    # Plurals are read as singular; "glass" and "masses" are not cut wrongly.
    assert used_sense("x", ["armband"], "roving red armbands") == "armband"
    assert used_sense("x", ["mass"], "the masses") == "mass"
    assert used_sense("x", ["glas"], "glass house") is None


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("这个县东面毗邻两个省。", "毗邻", "to border on, adjacent to"),
        ("副县长多次调度春耕备耕。", "调度", "to coordinate, to direct"),
        ("两百名机关干部下沉基层。", "下沉", "to go down to"),
        ("这条公路现已全线通车。", "现已", "now, already"),
        ("老师傅把嫁接的要领讲给大家听。", "要领", "key points, essentials"),
        ("他平时一个人住在家中。", "家中", "at home, home"),
        ("医生每周上门为老人量血压。", "上门", "door-to-door, to call at the home"),
        ("培训合格后他们就能上岗。", "上岗", "to take up a job, to start work"),
        ("街道为独居老人提供点对点服务。", "点对点", "point-to-point, one-to-one"),
        ("他要靠自身努力还清欠款。", "自身", "one's own, oneself"),
        ("这是一条刚性规定，谁也不能破。", "刚性", "rigid, binding"),
        ("三名村干部侵占了救灾款。", "侵占", "to seize, to misappropriate"),
        ("社区的服务很贴心。", "贴心", "caring, considerate"),
        ("农技员教村民怎样育秧苗。", "育", "to raise, to grow"),
        ("工作队先到各组摸底。", "摸底", "to survey, to find out"),
        ("双方就此交换了意见。", "就此", "on this (matter), at this point"),
        ("种上了果树，日子越过越有奔头。", "奔头", "prospects, something to look forward to"),
        ("全乡余留的三户也已搬进新房。", "余留", "remaining, left"),
        ("县委一班人分头到各乡督导。", "一班人", "leadership team, team"),
        ("技术员常年奔走在田间地头。", "地头", "fields, edge of a field"),
        ("他喜欢骑车游走在各个村子之间。", "游走", "to roam, to wander about"),
        ("上个月的菜价环比下降了两成。", "环比", "month-on-month, period-on-period"),
        ("全县上下都在抢修水渠。", "上下", "at all levels, from top to bottom"),
        ("区委组织部今天公示了干部名单。", "组织部", "organization department"),
        ("今年是决胜之年。", "决胜", "decisive, to win"),
        ("小区的老楼今年都要加装电梯。", "加装", "to install, to add on"),
        ("有的农户因病致贫。", "致贫", "to become poor, to cause poverty"),
        ("这笔补贴被人截留了。", "截留", "to withhold, to intercept"),
    ],
)
def test_a_news_word_of_the_example_reads_in_its_news_sense(annotator, sentence, word, gloss):
    assert first_gloss_of(annotator, sentence, word) == gloss


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        # 除去 opening a clause is "apart from"; with an object after a verb, "to remove"
        ("除去路费，每人还能剩下两千元。", "除去", "apart from, except"),
        ("用清水可以除去表面的泥土。", "除去", "to eliminate"),
        # 调度 steering work is directing it; a grid or an algorithm dispatches
        ("县长召开调度会。", "调度", "to coordinate, to direct"),
        ("新系统能自动调度电力。", "调度", "to dispatch"),
        # 分散 before how people live is "scattered"; as a verb it scatters
        ("这些农户分散居住在山里。", "分散", "scattered, dispersed"),
        ("警察很快分散了人群。", "分散", "to scatter"),
        # 主体 before a duty is the main one; after a field, the body acting in it
        ("企业是创新主体。", "主体", "entity, main body"),
        # 上下 after a whole body is its every level; elsewhere it is the direction
        ("他在楼梯上下跑了三趟。", "上下", "up and down"),
        # 下沉 before the grassroots is going down there; elsewhere it sinks
        ("地面出现了明显下沉。", "下沉", "to sink down"),
    ],
)
def test_a_news_word_of_the_example_reads_by_its_context(annotator, sentence, word, gloss):
    assert first_gloss_of(annotator, sentence, word) == gloss


def test_the_round_eleven_section_sits_before_the_round_nine_lead_rows():
    lines = LEARNER_SENSES.read_text(encoding="utf-8").splitlines()
    ours = next(i for i, line in enumerate(lines) if line.startswith(_SECTION_11))
    mine = "# Round eleven (issue 12)"  # the section's own second heading
    after = next(
        i
        for i in range(ours + 1, len(lines))
        if lines[i].startswith("#") and not lines[i].startswith(mine)
    )
    assert lines[after].startswith(_NEXT_SECTION)
    assert after - ours > 40  # the section holds its rows
