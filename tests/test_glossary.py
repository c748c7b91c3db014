"""The policy glossary: reading and checking files, merging, matching, the appendix."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLE

from zhreader.errors import GlossaryError
from zhreader.model import (
    Article,
    Block,
    Edition,
    Sentence,
    SourceInfo,
    Token,
)
from zhreader.pipeline.glossary.check import (
    HEADER,
    parse_glossary_file,
    syllable_problems,
    valid_syllables,
)
from zhreader.pipeline.glossary.load import (
    Glossary,
    bundled_glossary_path,
    check_glossary_file,
    glossary_appendix,
    load_glossaries,
    merge_files,
)
from zhreader.pipeline.glossary.report import quotations

# Two good rows every test file starts with (lines 2 and 3 after the header).
GOOD = [
    "建档立卡\t\tjiàn dàng lì kǎ\tregistered as poor\t\tA note.\tpolicy\tWP2021",
    "建档立卡贫困户\t\tjiàn dàng lì kǎ pín kùn hù\tregistered poor household\t\t\tpolicy\tWP2021",
]


def write(folder: Path, rows: list[str], name: str = "glossary.tsv", header: bool = True) -> Path:
    path = folder / name
    lines = ([HEADER] if header else []) + rows
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def problems_of(folder: Path, rows: list[str]) -> list[tuple[int, str, str]]:
    return [(p.line, p.level, p.code) for p in check_glossary_file(write(folder, rows))]


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work inside tmp_path so that messages name files as a user typed them."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- every validation error, with its line ------------------------------------------------

ERRORS = [
    # (row, code, words the message must contain)
    ("临湘\tLín xiāng\tLinxiang\t\tplace\tstandard", "columns", "6 columns, expected 8"),
    ("临湘\t\tLín xiāng\tLinxiang\t\t\tplace\tstandard\textra", "columns", "9 columns"),
    ("\t\tLín xiāng\tLinxiang\t\t\tplace\tstandard", "empty-zh", "empty zh"),
    ("临湘\t\tLín xiāng\t\t\t\tplace\tstandard", "empty-en", "empty en for 临湘"),
    ("临湘\t\t\tLinxiang\t\t\tplace\tstandard", "empty-pinyin", "empty pinyin for 临湘"),
    ("临湘\t\tLín xiāng\tLinxiang\t\t\t\tstandard", "empty-category", "empty category"),
    ("临湘\t\tLín xiāng\tLinxiang\t\t\tplace\t", "empty-source", "empty source for 临湘"),
    ("临湘\t\tLín xiāng\tLinxiang\t\t\tplace\tproposed", "proposed-reason", "without a reason"),
    (
        "临湘\t\tLín xiāng\tLinxiang\tLinxiang City|\t\tplace\tstandard",
        "empty-alternative",
        "empty alternative",
    ),
    (
        "临湘\t\tLín xiāng shì\tLinxiang\t\t\tplace\tstandard",
        "syllable-count",
        "pinyin has 3 syllables for 2 characters in 临湘",
    ),
    ("临湘\t\tLín xyāng\tLinxiang\t\t\tplace\tstandard", "invalid-syllable", "'xyāng'"),
    ("临湘\t\tLin2 xiang1\tLinxiang\t\t\tplace\tstandard", "invalid-syllable", "not numbers"),
    ("好人\t\thaǒ rén\tgood person\t\t\tterm\tproposed: test", "tone-mark", "write hǎo"),
    ("临湘\t\tLÍN xiāng\tLinxiang\t\t\tplace\tstandard", "capitals", "only the first letter"),
    ("临湘 \t\tLín xiāng\tLinxiang\t\t\tplace\tstandard", "whitespace", "column zh"),
    ("临湘\t\tLín  xiāng\tLinxiang\t\t\tplace\tstandard", "whitespace", "column pinyin"),
    ("临湘\t\tLín xiāng\tLinxiang \t\t\tplace\tstandard", "whitespace", "column en"),
    ("临湘\t\tLín\u00a0xiāng\tLinxiang\t\t\tplace\tstandard", "whitespace", "column pinyin"),
    ("临 湘\t\tLín xiāng\tLinxiang\t\t\tplace\tstandard", "space-in-term", "whitespace"),
    ("ABC\t\tā\tABC\t\t\tterm\tproposed: test", "no-han", "no Chinese character"),
    ("湘\t\tXiāng\tHunan\t\t\tplace\tstandard", "too-short", "single character"),
    ("临湘\t临湘县|\tLín xiāng\tLinxiang\t\t\tplace\tstandard", "empty-variant", "extra |"),
    (
        "临湘\t临湘县\tLín xiāng\tLinxiang\t\t\tplace\tstandard",
        "variant-length",
        "variant 临湘县 has 3 characters but 临湘 has 2",
    ),
    (
        "建档立卡\t\tjiàn dàng lì kǎ\tregistration\t\t\tpolicy\tWP2021",
        "duplicate",
        "duplicate term 建档立卡 (already at line 2)",
    ),
    (
        "立卡建档\t建档立卡贫困户\tlì kǎ jiàn dàng\tregistration\t\t\tpolicy\tproposed: test",
        "variant-length",
        "variant",
    ),
    (
        "脱贫\t脱贫\ttuō pín\tleave poverty\t\t\tpolicy\tproposed: test",
        "duplicate",
        "the same form twice",
    ),
]


@pytest.mark.parametrize(
    ("row", "code", "words"), ERRORS, ids=[f"{c}-{i}" for i, (_, c, _) in enumerate(ERRORS)]
)
def test_each_error_is_reported_with_its_line(here: Path, row: str, code: str, words: str):
    path = write(here, [*GOOD, row])
    problems = [p for p in check_glossary_file(path) if p.level == "error"]
    assert [p.code for p in problems if p.code == code], [str(p) for p in problems]
    match = next(p for p in problems if p.code == code)
    assert match.line == 4
    assert str(match).startswith("glossary.tsv:4: ")
    assert words in str(match)


def test_variant_duplicating_another_term_is_an_error(here: Path):
    row = "登记建档立卡\t建档立卡贫困户\tdēng jì jiàn dàng lì kǎ\tregistration\t\t\tpolicy\tWP"
    problems = check_glossary_file(write(here, [*GOOD, row]))
    assert [str(p) for p in problems if p.code == "duplicate"] == [
        "glossary.tsv:4: duplicate term 建档立卡贫困户 (already at line 3)"
    ]


def test_syllable_count_message_reads_as_documented(here: Path):
    row = "建档立卡户\t\tjiàn dàng lì kǎ\tregistered household\t\t\tpolicy\tproposed: test"
    (problem,) = check_glossary_file(write(here, [GOOD[1], row]))
    assert str(problem) == (
        "glossary.tsv:3: pinyin has 4 syllables for 5 characters in 建档立卡户 "
        "(expected one syllable per character)"
    )


def test_wrong_header_and_missing_header_are_errors(here: Path):
    path = write(here, ["zh\tpinyin\ten", *GOOD], header=False)
    assert ("header", 1) in [(p.code, p.line) for p in check_glossary_file(path)]
    empty = here / "empty.tsv"
    empty.write_text("# only a comment\n", encoding="utf-8")
    (problem,) = check_glossary_file(empty)
    assert (problem.code, problem.line, str(problem)[:16]) == ("header", 0, "empty.tsv: no he")


def test_invalid_utf8_names_the_line(here: Path):
    path = here / "glossary.tsv"
    path.write_bytes((HEADER + "\n" + GOOD[0] + "\n").encode() + b"\xff\xfe bad\n")
    (problem,) = check_glossary_file(path)
    assert (problem.code, problem.line) == ("encoding", 3)
    assert "not valid UTF-8" in str(problem)


def test_missing_file_is_one_problem_not_an_exception(here: Path):
    (problem,) = check_glossary_file(here / "nope.tsv")
    assert problem.code == "unreadable"
    assert str(problem).startswith("nope.tsv: cannot read")


def test_every_problem_is_reported_not_just_the_first(here: Path):
    rows = [
        *GOOD,
        ERRORS[0][0],
        "# a comment",
        "",
        ERRORS[3][0],
        ERRORS[9][0].replace("临湘", "湘北"),
    ]
    got = problems_of(here, rows)
    assert got == [
        (4, "error", "columns"),
        (7, "error", "empty-en"),
        (8, "error", "syllable-count"),
    ]


# --- warnings: accepted and normalised -----------------------------------------------------


def test_bom_and_crlf_are_accepted_with_warnings_and_normalised(here: Path):
    plain = write(here, GOOD, name="plain.tsv")
    windows = here / "windows.tsv"
    windows.write_bytes(b"\xef\xbb\xbf" + plain.read_bytes().replace(b"\n", b"\r\n"))
    parsed = parse_glossary_file(windows)
    assert [(p.code, p.level, p.line) for p in parsed.problems] == [
        ("bom", "warning", 1),
        ("crlf", "warning", 1),
    ]
    reference = parse_glossary_file(plain)
    assert [e.en for e in parsed.entries] == [e.en for e in reference.entries]
    assert parsed.entries[1].source == "WP2021"  # no stray \r
    assert merge_files([parsed]).fingerprint == merge_files([reference]).fingerprint


def test_unusual_reading_and_unknown_category_are_warnings(here: Path):
    rows = [
        "湘北\t\tXiǎng běi\tnorthern Hunan\t\t\tplace\tstandard",
        "临湘\t\tLín xiāng\tLinxiang\t\t\tcity\tstandard",
    ]
    got = problems_of(here, rows)
    assert got == [(2, "warning", "unusual-reading"), (3, "warning", "category")]
    assert "it knows" in str(check_glossary_file(here / "glossary.tsv")[0])


def test_neutral_tone_and_capitals_for_names_are_valid():
    for syllable in ("de", "men", "Lín", "lǜ", "lüè", "nǚ", "ér"):
        assert syllable_problems(syllable) == (), syllable
    assert {"zhuang", "lü", "er", "ng"} <= valid_syllables()
    assert "xyang" not in valid_syllables()


# --- merging files: overrides and the fingerprint -------------------------------------------


def test_later_file_overrides_and_the_override_is_reported(here: Path):
    bundled = write(here, GOOD, name="a.tsv")
    extra = write(
        here,
        [
            "建档立卡\t\tjiàn dàng lì kǎ\tfiled and registered\t\t\tpolicy\tproposed: test",
            "登记贫困户家庭\t建档立卡贫困户\tdēng jì pín kùn hù jiā tíng\tregistered family"
            "\t\t\tpolicy\tproposed: test",
        ],
        name="b.tsv",
    )
    glossary = merge_files([parse_glossary_file(bundled), parse_glossary_file(extra)])
    assert glossary.overrides == (
        "term 建档立卡 from b.tsv:2 overrides a.tsv:2",
        "term 建档立卡贫困户 from b.tsv:3 overrides a.tsv:3",
    )
    assert glossary.lookup("建档立卡").en == "filed and registered"
    assert glossary.lookup("建档立卡贫困户").zh == "登记贫困户家庭"
    assert len(glossary.entries) == 2


def test_overriding_a_variant_keeps_the_rest_of_the_entry(here: Path):
    first = write(
        here,
        ["易地扶贫搬迁\t异地扶贫搬迁\tyì dì fú pín bān qiān\trelocation\t\t\tpolicy\tWP"],
        name="a.tsv",
    )
    second = write(
        here,
        ["异地扶贫搬迁\t\tyì dì fú pín bān qiān\tmoving\t\t\tpolicy\tproposed: x"],
        name="b.tsv",
    )
    glossary = merge_files([parse_glossary_file(first), parse_glossary_file(second)])
    assert glossary.lookup("易地扶贫搬迁").variants == ()
    assert glossary.lookup("异地扶贫搬迁").en == "moving"
    assert glossary.overrides == ("term 异地扶贫搬迁 from b.tsv:2 overrides a.tsv:2",)


def test_fingerprint_follows_content_not_comments(here: Path):
    one = merge_files([parse_glossary_file(write(here, GOOD, name="a.tsv"))]).fingerprint
    commented = write(here, ["# a comment", *GOOD, ""], name="b.tsv")
    assert merge_files([parse_glossary_file(commented)]).fingerprint == one
    changed = write(here, [GOOD[0].replace("registered as poor", "registered"), GOOD[1]], "c.tsv")
    assert merge_files([parse_glossary_file(changed)]).fingerprint != one


def test_load_glossaries_raises_with_every_problem(here: Path):
    extra = write(
        here, [*GOOD, ERRORS[3][0], ERRORS[9][0].replace("临湘", "湘北")], name="extra.tsv"
    )
    with pytest.raises(GlossaryError) as caught:
        load_glossaries([extra])
    assert caught.value.problems == [
        "extra.tsv:4: empty en for 临湘: give the English the translation must use",
        "extra.tsv:5: pinyin has 3 syllables for 2 characters in 湘北 "
        "(expected one syllable per character)",
    ]
    text = str(caught.value)
    assert all(problem in text for problem in caught.value.problems)
    assert "the glossary has 2 errors" in text


def test_extra_glossary_overrides_the_bundled_one(here: Path):
    extra = write(here, ["街道\t\tjiē dào\tstreet office\t\t\tinstitution\tproposed: test"])
    glossary = load_glossaries([extra])
    assert glossary.lookup("街道").en == "street office"
    assert any(m.startswith("term 街道 from glossary.tsv:2 overrides ") for m in glossary.overrides)
    assert glossary.fingerprint != load_glossaries().fingerprint


# --- finding terms -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> Glossary:
    return load_glossaries()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("对全市建档立卡贫困户进行调查", ["建档立卡贫困户"]),
        ("建档立卡以外的边缘户", ["建档立卡", "边缘户"]),
        # Longest wins even when a shorter term starts earlier (临湘市 vs 市委书记).
        ("临湘市委书记谢胜", ["临湘", "市委书记"]),
        ("异地扶贫搬迁和易地扶贫搬迁", ["易地扶贫搬迁", "易地扶贫搬迁"]),
        ("两不愁三保障", ["两不愁三保障"]),
        ("没有术语的句子。", []),
    ],
)
def test_entries_in_takes_the_longest_match(bundled: Glossary, text: str, found: list[str]):
    assert [e.zh for e in bundled.entries_in(text)] == found


def test_matches_do_not_overlap_and_keep_offsets(bundled: Glossary):
    text = "五里牌街道党工委书记李瑜"
    spans = [(start, form) for start, form, _ in bundled.matches(text)]
    assert spans == [(0, "五里牌街道"), (5, "党工委书记")]


def test_forms_include_variants(bundled: Glossary):
    forms = bundled.forms()
    assert forms["异地扶贫搬迁"] is forms["易地扶贫搬迁"]
    assert bundled.lookup("没有") is None


# --- the appendix ----------------------------------------------------------------------------


def _sentence(sid: str, *words: tuple[str, str | None]) -> Sentence:
    tokens = tuple(Token(zh, term=term) for zh, term in words)
    return Sentence(sid, "".join(zh for zh, _ in words), tokens=tokens)


def test_appendix_lists_terms_in_order_of_first_occurrence(bundled: Glossary):
    headline = _sentence("a1-h", ("就业扶贫", "就业扶贫"), ("惠民", None))
    body = (
        _sentence("a1-p1-s1", ("贫困户", "贫困户"), ("和", None), ("就业扶贫", "就业扶贫")),
        _sentence("a1-p1-s2", ("贫困户", "贫困户"), ("、", None), ("贫困户", "贫困户")),
    )
    edition = Edition(
        title="t",
        source=SourceInfo("x.txt", "0", "utf-8"),
        articles=(Article("a1", headline, blocks=(Block("a1-p1", "paragraph", body),)),),
    )
    uses = glossary_appendix(edition, bundled).glossary
    assert [(u.zh, u.occurrences) for u in uses] == [
        ("就业扶贫", ("a1-h", "a1-p1-s1")),
        ("贫困户", ("a1-p1-s1", "a1-p1-s2", "a1-p1-s2")),
    ]
    entry = bundled.lookup("贫困户")
    assert (uses[1].pinyin, uses[1].en, uses[1].note) == (entry.pinyin, entry.en, entry.note)


# --- the bundled glossary ---------------------------------------------------------------------


def test_bundled_glossary_is_clean_and_large_enough(bundled: Glossary):
    assert bundled_glossary_path().name == "glossary.tsv"
    assert check_glossary_file(bundled_glossary_path()) == []
    assert len(bundled.entries) >= 120
    for entry in bundled.entries:
        assert entry.source and entry.en and entry.note, entry.zh
        assert entry.source.startswith("proposed: ") or not entry.source.startswith("proposed")


# Terms the glossary must hold: the example issue's policy language and the
# national vocabulary (the list), with readings that are easy to get wrong.
REQUIRED = {
    "两不愁三保障": "liǎng bù chóu sān bǎo zhàng",
    "建档立卡": "jiàn dàng lì kǎ",
    "重残户": "zhòng cán hù",
    "种粮大户": "zhòng liáng dà hù",
    "分散供养五保户": "fēn sàn gōng yǎng wǔ bǎo hù",
    "临湘市": "Lín xiāng shì",
    "吃拿卡要": "chī ná qiǎ yào",
    "兜底保障": "dōu dǐ bǎo zhàng",
}
REQUIRED_TERMS = [
    "就业扶贫",
    "扶贫车间",
    "建档立卡贫困户",
    "公益性岗位",
    "边缘户",
    "低保户",
    "五保户",
    "重病户",
    "脱贫攻坚",
    "三回头",
    "春风行动",
    "三送",
    "挂牌督战",
    "以工代训",
    "农家书屋",
    "第一书记",
    "驻村工作队",
    "后盾单位",
    "党工委",
    "市委书记",
    "纪委监委",
    "市委宣传部",
    "人社局",
    "街道",
    "五里牌街道",
    "羊楼司镇",
    "詹桥镇",
    "江南镇",
    "忠防镇",
    "湖南省",
    "八严禁",
    "紧箍咒",
    "村支两委",
    "党员活动日",
    "扶贫专干",
    "因户施策",
    "精准脱贫",
    "小康",
    "一把手",
    "清单挂账",
    "限时销号",
    "双季稻",
    "合作社",
    "土地流转",
    "精准扶贫",
    "乡村振兴",
    "脱贫摘帽",
    "贫困县",
    "易地扶贫搬迁",
    "产业扶贫",
    "消费扶贫",
    "教育扶贫",
    "健康扶贫",
    "生态扶贫",
    "防止返贫监测",
    "返贫",
    "致贫原因",
    "结对帮扶",
    "驻村帮扶",
    "东西部扶贫协作",
    "对口支援",
    "五个一批",
    "六个精准",
    "小额信贷",
    "光伏扶贫",
    "危房改造",
    "饮水安全",
    "控辍保学",
    "村集体经济",
    "美丽乡村",
    "人居环境整治",
    "厕所革命",
    "高标准农田",
    "三农",
    "全面小康",
    "巩固拓展脱贫攻坚成果",
    "过渡期",
    "四个不摘",
]


def test_required_terms_are_in_the_glossary(bundled: Glossary):
    missing = [zh for zh in REQUIRED_TERMS if bundled.lookup(zh) is None]
    assert missing == []
    for zh, pinyin in REQUIRED.items():
        assert bundled.lookup(zh).pinyin == pinyin


def test_official_renderings_are_kept(bundled: Glossary):
    assert bundled.lookup("街道").en == "subdistrict"
    assert bundled.lookup("第一书记").en == "first Party secretary"
    assert bundled.lookup("土地流转").en == "transfer of land-use rights"
    assert "not charity" in bundled.lookup("公益性岗位").note


def test_quotations_find_short_slogans():
    text = "开展“三送”活动，提供“一对一”服务。他说：“这本书我已经读了3年，很好。”"
    assert quotations(text) == ["三送", "一对一"]
    assert quotations("「乡村振兴」与『两山夹一田』") == ["乡村振兴", "两山夹一田"]


def test_every_term_in_the_example_is_one_token_with_the_glossary_reading(bundled: Glossary):
    from zhreader.model import iter_sentences
    from zhreader.pipeline.structure.ingest import read_source
    from zhreader.pipeline.structure.recover import recover_structure
    from zhreader.pipeline.structure.sidecar import load_sidecar
    from zhreader.pipeline.words.annotate import Annotator, term_gloss

    edition, _ = recover_structure(read_source(EXAMPLE), load_sidecar(EXAMPLE))
    edition = Annotator.initialize(bundled).annotate(edition)
    checked = 0
    for sentence in iter_sentences(edition):
        expected = [(form, entry.zh) for _, form, entry in bundled.matches(sentence.zh)]
        got = [(t.zh, t.term) for t in sentence.tokens if t.term]
        assert got == expected, sentence.id
        for token in sentence.tokens:
            if token.term:
                assert token.pinyin == bundled.lookup(token.term).syllables, token.zh
                assert token.gloss == term_gloss(bundled.lookup(token.term))
                checked += 1
    assert checked > 300
    uses = glossary_appendix(edition, bundled).glossary
    assert {"两不愁三保障", "三回头", "临湘市", "八严禁"} <= {u.zh for u in uses}


def test_matches_are_ordered_disjoint_and_maximal(bundled: Glossary):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    forms = sorted(bundled.forms())
    pieces = st.one_of(st.sampled_from(forms), st.sampled_from(list("的了市委书记村户贫困扶，。")))

    @settings(max_examples=100, deadline=None)
    @given(st.lists(pieces, max_size=12))
    def check(parts: list[str]) -> None:
        text = "".join(parts)
        found = bundled.matches(text)
        ends = [start + len(form) for start, form, _ in found]
        for (start, form, entry), end_before in zip(found, [0, *ends], strict=False):
            assert start >= end_before and text[start : start + len(form)] == form
            assert bundled.lookup(form) is entry
        taken = [(start, start + len(form)) for start, form, _ in found]
        # Maximal: any form left in the text overlaps a match at least as long.
        for form in forms:
            at = text.find(form)
            while at >= 0:
                overlapping = [(s, e) for s, e in taken if s < at + len(form) and at < e]
                assert overlapping and max(e - s for s, e in overlapping) >= len(form)
                at = text.find(form, at + 1)

    check()
