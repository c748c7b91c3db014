"""Issue 12, round eight: government bodies and the policy terms of everyday news in glossary.tsv.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from zhreader.model import Article, Block, Edition, Sentence, SourceInfo
from zhreader.pipeline.glossary.load import Glossary, glossary_appendix, load_glossaries
from zhreader.pipeline.translate.terms import Term, enforce_terms
from zhreader.pipeline.words.annotate import Annotator, term_gloss
from zhreader.reader.context import first_sense


@pytest.fixture(scope="module")
def bundled() -> Glossary:
    return load_glossaries()


@pytest.fixture(scope="module")
def annotator(bundled: Glossary, tmp_path_factory: pytest.TempPathFactory) -> Annotator:
    # The same cache folder as tests/test_annotate.py: the dictionary is built once.
    return Annotator.initialize(bundled, tmp_path_factory.getbasetemp() / "zhreader-cache")


def term_token(annotator: Annotator, sentence: str, form: str):
    """Return the token of ``sentence`` that is the glossary form ``form``."""
    found = [t for t in annotator.tokens(sentence) if t.zh == form]
    assert found, f"{form} is no token of {sentence}: {[t.zh for t in annotator.tokens(sentence)]}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "form", "gloss"),
    [
        # Full names and their abbreviations, at each level of government.
        ("市住房和城乡建设局昨天召开会议。", "住房和城乡建设局", "construction bureau"),
        ("县住建局派人到工地检查。", "住建局", "construction bureau"),
        ("省卫生健康委员会发布通知。", "卫生健康委员会", "health commission"),
        ("区卫健委提醒市民注意防暑。", "卫健委", "health commission"),
        ("市人力资源和社会保障局举办招聘会。", "人力资源和社会保障局", "human resources bureau"),
        ("省人社厅出台新的补贴办法。", "人社厅", "human resources department"),
        ("各地人社部门加强服务。", "人社部门", "human resources authorities"),
        ("市场监督管理局抽查了二十家餐馆。", "市场监督管理局", "market regulation bureau"),
        ("区市场监管局接到投诉后立即处理。", "市场监管局", "market regulation bureau"),
        ("市生态环境局对这家工厂作出处罚。", "生态环境局", "ecology and environment bureau"),
        ("省农业农村厅组织专家下乡。", "农业农村厅", "agriculture department"),
        ("县农业农村局发放了种子。", "农业农村局", "agriculture bureau"),
        ("国家发改委公布了新的油价。", "发改委", "development and reform body"),
        ("市文旅局推出三条旅游线路。", "文旅局", "culture and tourism bureau"),
        ("县医保局开通了线上报销。", "医保局", "healthcare security bureau"),
        ("市应急管理局部署防汛工作。", "应急管理局", "emergency management bureau"),
        ("他到派出所办理了身份证。", "派出所", "police station"),
        ("当年县环保局对这家工厂罚了款。", "环保局", "environment bureau"),
        ("外交部发言人回答了记者提问。", "外交部", "Ministry of Foreign Affairs"),
        ("市中级人民法院公开审理此案。", "中级人民法院", "intermediate people's court"),
        ("区人民检察院依法提起公诉。", "人民检察院", "people's procuratorate"),
        ("全国人大常委会审议了这部法律。", "全国人大常委会", "NPC Standing Committee"),
    ],
)
def test_a_government_body_is_one_token_with_its_official_english(
    annotator, bundled, sentence, form, gloss
):
    token = term_token(annotator, sentence, form)
    entry = bundled.lookup(form)
    assert token.term == entry.zh
    assert token.pinyin == entry.syllables
    assert first_sense(token.gloss) == gloss == term_gloss(entry)


def test_the_level_of_a_body_gives_its_english():
    # One entry per written form: the English differs by level (部/厅/局).
    glossary = load_glossaries()
    assert glossary.lookup("农业农村部").en == "Ministry of Agriculture and Rural Affairs"
    assert glossary.lookup("农业农村厅").en == "department of agriculture and rural affairs"
    assert glossary.lookup("农业农村局").en == "agriculture and rural affairs bureau"


def test_every_body_names_its_level_in_english(bundled: Glossary):
    # 部 a ministry or a Party department, 厅 a department (办公厅 a general
    # office), 局 a bureau or an administration, 委 a commission or committee.
    levels = {
        "部": ("ministry", "department"),
        "厅": ("department", "office"),
        "局": ("bureau", "administration"),
        "委": ("commission", "committee"),
    }
    checked = 0
    for entry in bundled.entries:
        if entry.category != "institution" or entry.zh[-1] not in levels:
            continue
        words = entry.en.lower()
        assert any(w in words for w in levels[entry.zh[-1]]), (entry.zh, entry.en)
        checked += 1
    assert checked > 100


def test_a_ministry_followed_by_men_is_the_authorities_not_the_ministry(bundled: Glossary):
    # X部门 "the X authorities" must not be read as X部 "Ministry of X" + 门 "door".
    ministries = [
        e.zh for e in bundled.entries if e.category == "institution" and e.en.startswith("Ministry")
    ]
    assert len(ministries) > 20
    for zh in ministries:
        (match,) = bundled.matches(zh + "门")
        assert match[1] == zh + "门", zh
        assert "Ministry" not in match[2].en, zh


def test_a_body_followed_by_zhang_is_its_head_not_the_body_and_grow(bundled: Glossary):
    # 财政部长 "Minister of Finance", 教育局长 "education bureau director": a
    # body's form must not leave 长 alone ("to grow") after it.
    bodies = [
        e.zh
        for e in bundled.entries
        if e.category == "institution"
        and e.zh[-1] in "部局厅"
        and not e.zh.endswith("总局")
        and (e.zh[-1] != "局" or e.en[:1].islower())
        and (e.zh[-1] != "部" or e.en.startswith("Ministry"))
        and (e.zh[-1] != "厅" or e.en.startswith("department"))
    ]
    assert len(bodies) > 70
    for zh in bodies:
        (match,) = bundled.matches(zh + "长")
        assert match[1] == zh + "长", zh
        assert match[2].category == "title", zh


@pytest.mark.parametrize(
    ("sentence", "form", "gloss"),
    [
        ("财政部长在发布会上回答提问。", "财政部长", "Minister of Finance"),
        ("县教育局长带队检查校车。", "教育局长", "education bureau director"),
        ("省公安厅长通报了案件进展。", "公安厅长", "director of the department of public security"),
        ("派出所长带领民警巡逻。", "派出所长", "police station chief"),
    ],
)
def test_the_head_of_a_body_is_one_title_token(annotator, sentence, form, gloss):
    token = term_token(annotator, sentence, form)
    assert first_sense(token.gloss) == gloss


@pytest.mark.parametrize(
    ("sentence", "form", "gloss"),
    [
        ("今年以来本市营商环境持续改善。", "营商环境", "business environment"),
        ("央行宣布下调存款准备金率。", "存款准备金率", "reserve requirement ratio"),
        ("受强降雨影响，多条道路积水。", "强降雨", "heavy rainfall"),
        ("新建的污水处理厂下月投入使用。", "污水处理厂", "sewage treatment plant"),
        ("全镇实现了自来水全覆盖。", "全覆盖", "full coverage"),
        ("全市规模以上工业企业有三百多家。", "规模以上工业企业", "above-scale industrial firms"),
        ("社区今年启动老旧小区改造。", "老旧小区改造", "renovation of old residential compounds"),
        ("小区居民积极参与垃圾分类。", "垃圾分类", "garbage sorting"),
        ("犯罪嫌疑人已被刑事拘留。", "刑事拘留", "criminal detention"),
        ("他被判处有期徒刑三年。", "有期徒刑", "fixed-term imprisonment"),
        ("今年夏粮又获丰收。", "夏粮", "summer grain"),
        ("进入主汛期后，各地加强值守。", "主汛期", "main flood season"),
        ("消费者可以用旧家电以旧换新。", "以旧换新", "trade-in"),
        ("经审查，他被开除党籍。", "开除党籍", "expelled from the Party"),
        ("法院裁定驳回上诉，维持原判。", "维持原判", "upheld the original judgment"),
    ],
)
def test_a_policy_term_is_one_token_with_its_english(annotator, bundled, sentence, form, gloss):
    token = term_token(annotator, sentence, form)
    assert token.term == bundled.lookup(form).zh
    assert first_sense(token.gloss) == gloss


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # Bare abbreviations and short forms that would cut ordinary words apart
        # are not terms: only their longer, unambiguous forms are.
        ("他的个人社保卡丢了。", "人社"),
        ("两部门加强行政协调。", "政协"),
        ("会议对下一步工作进行了组织部署。", "组织部"),
        ("黄河长约五千多公里。", "河长"),
        ("窗口统一审批各类证照。", "一审"),
        ("他们开展了各种业务培训。", "种业"),
        ("代表团集中考察了三个项目。", "中考"),
        ("这次处罚金额高达十万元。", "罚金"),
        ("技术人员正在收集采样数据。", "集采"),
        ("他住在攸县纪委旁边。", "县纪委"),
    ],
)
def test_a_short_form_is_not_matched_inside_unrelated_words(bundled, text, not_found):
    assert bundled.lookup(not_found) is None
    assert all(not_found not in form for _, form, _ in bundled.matches(text))


def test_ordinary_words_around_a_body_keep_their_own_tokens(annotator):
    tokens = [t.zh for t in annotator.tokens("市财政局和税务部门联合检查。")]
    assert tokens[:5] == ["市", "财政局", "和", "税务部门", "联合"]


def test_the_translation_must_use_the_official_english(bundled: Glossary):
    entry = bundled.lookup("住建局")
    term = Term(entry.zh, entry.en, entry.en_alt)
    # The model's wording is one of the accepted alternatives: it is replaced.
    en, flags = enforce_terms("The construction bureau inspected the site.", [term], {})
    assert en == "The housing and urban-rural development bureau inspected the site."
    assert flags == ()
    # Without any known wording the rendering is added and the sentence flagged.
    en, flags = enforce_terms("Officials inspected the site.", [term], {})
    assert "housing and urban-rural development bureau" in en
    assert [f.code for f in flags] == ["glossary-inserted"]


def test_the_appendix_lists_the_bodies_and_terms_used(annotator, bundled):
    texts = ("县应急管理局发布暴雨预警。", "应急管理局提醒群众注意强降雨。")
    sentences = tuple(
        Sentence(f"a1-p1-s{i}", text, tokens=tuple(annotator.tokens(text)))
        for i, text in enumerate(texts, 1)
    )
    headline = Sentence("a1-h", "防汛", tokens=tuple(annotator.tokens("防汛")))
    edition = Edition(
        title="t",
        source=SourceInfo("x.txt", "0", "utf-8"),
        articles=(Article("a1", headline, blocks=(Block("a1-p1", "paragraph", sentences),)),),
    )
    uses = glossary_appendix(edition, bundled).glossary
    assert [(u.zh, u.occurrences) for u in uses] == [
        ("防汛", ("a1-h",)),
        ("应急管理局", ("a1-p1-s1", "a1-p1-s2")),
        ("暴雨预警", ("a1-p1-s1",)),
        ("强降雨", ("a1-p1-s2",)),
    ]
    assert uses[1].en == "emergency management bureau"
