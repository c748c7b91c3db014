"""The names tables: well-formed, readings that exist, one source for every stage."""

from __future__ import annotations

from pypinyin import Style, pinyin

from zhreader import names
from zhreader.pipeline.structure import bylines
from zhreader.pipeline.words import segment


def test_tables_have_no_problems() -> None:
    assert names.check_tables() == []


def test_surname_readings_are_readings_of_their_characters() -> None:
    for surname, reading in names.SURNAME_READINGS.items():
        for char, syllable in zip(surname, reading, strict=True):
            known = pinyin(char, style=Style.TONE, heteronym=True)[0]
            assert syllable in known, f"{surname}: {syllable} is not a reading of {char}"


def test_common_surnames_are_surnames() -> None:
    assert names.COMMON_SURNAMES <= names.SURNAMES
    assert names.COMMON_COMPOUND_SURNAMES <= names.COMPOUND_SURNAMES


def test_byline_roles_longest_first() -> None:
    lengths = [len(role) for role in names.BYLINE_ROLES]
    assert lengths == sorted(lengths, reverse=True)
    assert bylines.names_in("特约通讯员 王芳") == ("王芳",)


def test_surname_fu_is_known_to_bylines_and_segmenter() -> None:
    # 傅 was missing from the bylines' own copy of the surname list.
    assert bylines.trailing_credit("会议在北京召开。(傅强)") == ("傅强",)
    assert segment.starts_with_surname("傅强")


def test_every_place_suffix_has_english() -> None:
    assert set(names.PLACE_ENGLISH) == set(names.PLACE_SUFFIXES)
    assert names.PLACE_ENGLISH["镇"] == "Town"


def test_the_segmenter_reads_its_word_classes_from_the_table() -> None:
    # One fact, one place: segment.py keeps no word lists of its own.
    assert segment.SPEECH_VERBS is names.SPEECH_VERBS
    assert {"介绍", "表示", "说"} <= set(names.SPEECH_VERBS)
    assert "中" in names.FRAME_CLOSERS and "将" in names.FRAME_OPENERS
    assert names.NUMERALS.issubset(names.FUNCTION_CHARS)
    assert all(len(c) == 1 for c in names.FUNCTION_CHARS | names.MEASURE_OPENERS)
