"""Quality flags and glossary post-editing: tables of real cases."""

from __future__ import annotations

import pytest

from zhreader.pipeline.translate.quality import (
    en_numbers,
    missing_numbers,
    quality_flags,
    repeated_ngram,
    zh_numbers,
)
from zhreader.pipeline.translate.terms import Term, enforce_terms


def codes(flags) -> list[str]:
    return [f.code for f in flags]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("全市4197户12179名建档立卡贫困人口", "4,197 households and 12,179 registered poor people"),
        ("就业率达到93.2%。", "The employment rate reached 93.2%."),
        ("就业率达到93.2%。", "The employment rate reached 93.2 percent."),
        ("共投入资金1.5万元。", "A total of 15,000 yuan was invested."),
        ("共投入资金1.5万元。", "A total of 15 thousand yuan was invested."),
        ("投入3亿元", "300 million yuan was invested"),
        ("从3月20日开始", "starting on March 20"),
        ("从3月20日开始", "starting on 20 Mar."),
        ("全市招录员工２１８００人", "21800 workers were recruited"),  # full-width digits
        ("2020年", "in 2020"),
    ],
)
def test_numbers_found(zh: str, en: str) -> None:
    assert missing_numbers(zh, en) == []
    assert "number-missing" not in codes(quality_flags(zh, en))


@pytest.mark.parametrize(
    ("zh", "en", "missing"),
    [
        ("每月工资500元。", "The monthly wage is five hundred yuan.", [500.0]),
        ("共2846人", "a total of 2,864 people", [2846.0]),
        ("就业率达到93.2%。", "The employment rate reached 93%.", [93.2]),
        ("共投入资金1.5万元。", "A total of 1.5 yuan was invested.", [15000.0]),
        ("从3月20日开始", "starting on April 20", [3.0]),
    ],
)
def test_numbers_missing(zh: str, en: str, missing: list[float]) -> None:
    assert missing_numbers(zh, en) == missing
    assert "number-missing" in codes(quality_flags(zh, en))


def test_number_parsing() -> None:
    assert zh_numbers("１２．５万人和3亿") == [125000.0, 300000000.0]
    assert en_numbers("4,197 and 1.5 million, in May") == [4197.0, 1500000.0, 5.0]


def test_each_flag() -> None:
    assert codes(quality_flags("……", "")) == ["empty"]
    assert codes(quality_flags("张神光是贫困户。", "张神光 is from a poor household.")) == [
        "untranslated"
    ]
    looping = "good " * 12
    assert codes(quality_flags("好好好好", looping)) == ["runaway", "repetition"]
    assert (
        codes(
            quality_flags("村里建了扶贫车间。", "The village built a poverty alleviation workshop.")
        )
        == []
    )


def test_repeated_ngrams() -> None:
    assert repeated_ngram(["the", "the", "the", "the", "end"]) == "the"
    assert repeated_ngram(["a", "b", "a", "b", "a", "b"]) == "a b"
    assert repeated_ngram(["we", "did", "it", "and", "we", "did", "it", "again"]) is None
    assert repeated_ngram(["very", "very", "very", "good"]) is None  # three times is English


def test_glossary_flag_accepts_plural_and_case() -> None:
    term = [("公益性岗位", "public-welfare job")]
    assert codes(quality_flags("公益性岗位", "Public-welfare jobs are paid.", term)) == []
    assert codes(quality_flags("公益性岗位", "Public welfare jobs are paid.", term)) == [
        "glossary-missing"
    ]


@pytest.mark.parametrize(
    ("en", "wording", "want"),
    [
        # Mid-sentence: replaced in place, spacing untouched.
        (
            "The city has 4,197 registered poor households.",
            "registered poor",
            "The city has 4,197 registered as poor households.",
        ),
        # Sentence start: the rendering takes the capital.
        (
            "Registered poor households get help.",
            "registered poor",
            "Registered as poor households get help.",
        ),
    ],
)
def test_enforce_replaces_model_wording(en: str, wording: str, want: str) -> None:
    term = Term("建档立卡", "registered as poor")
    got, flags = enforce_terms(en, [term], {"建档立卡": wording})
    assert (got, flags) == (want, ())


def test_enforce_plural_and_alternative() -> None:
    job = Term("公益性岗位", "public-welfare job", ("public welfare post",))
    got, flags = enforce_terms(
        "Public welfare jobs are funded.", [job], {"公益性岗位": "public welfare jobs"}
    )
    assert (got, flags) == ("Public-welfare jobs are funded.", ())
    got, _ = enforce_terms(
        "It created 100 public welfare posts.", [job], {"公益性岗位": "unrelated"}
    )
    assert got == "It created 100 public-welfare jobs."


def test_enforce_inserts_and_flags_when_wording_not_found() -> None:
    term = Term("两不愁三保障", "two assurances and three guarantees")
    got, flags = enforce_terms(
        "Make sure food is secure.", [term], {"两不愁三保障": "nothing like it"}
    )
    assert got == "Make sure food is secure (two assurances and three guarantees)."
    assert codes(flags) == ["glossary-inserted"]
    assert "  " not in got


def test_enforce_leaves_present_rendering_and_empty_english() -> None:
    term = Term("扶贫车间", "poverty alleviation workshop")
    en = "The Poverty Alleviation Workshop opened."
    assert enforce_terms(en, [term], {}) == (en, ())
    assert enforce_terms("", [term], {}) == ("", ())


def test_enforce_inserts_several_terms_in_one_parenthesis() -> None:
    terms = [Term("临湘市", "Linxiang City"), Term("湘建鞋业有限公司", "Xiangjian Shoes Co., Ltd.")]
    got, flags = enforce_terms("The village built a workshop.", terms, {})
    assert got == "The village built a workshop (Linxiang City; Xiangjian Shoes Co., Ltd.)."
    assert codes(flags) == ["glossary-inserted"]
    renderings = [(t.zh, t.en) for t in terms]
    raw = "The village built a workshop."
    assert codes(quality_flags("临湘市", got, renderings, raw=raw)) == []


def test_added_renderings_are_not_runaway() -> None:
    raw = "Employment benefits the people"
    en = raw + " (poverty alleviation through employment; targeted poverty alleviation)"
    assert codes(quality_flags("就业扶贫惠民", en, raw=raw)) == []
    assert codes(quality_flags("就业扶贫惠民", en)) == ["runaway"]
