"""A caption opening with its photo (图为…, 上图为…): 为 is the copula wéi, 图 the photo."""

from __future__ import annotations

import pytest
from conftest import gloss_of


def _pinyin_of(annotator, sentence: str, word: str) -> str:
    return next(" ".join(t.pinyin) for t in annotator.tokens(sentence) if t.zh == word)


@pytest.mark.parametrize(
    "caption",
    [
        "图为志愿者在社区门口测量体温。",
        "上图为新修的乡村公路。",
        "左图为孩子们在操场上跳绳。",
        "图片为游客在湖边拍照留念。",
    ],
)
def test_caption_wei_is_the_copula(annotator, caption):
    assert _pinyin_of(annotator, caption, "为") == "wéi"
    assert gloss_of(annotator, caption, "为") == "shows, is"


def test_caption_picture_is_a_photo(annotator):
    assert gloss_of(annotator, "图为志愿者在社区门口测量体温。", "图") == "photo, picture"
    assert gloss_of(annotator, "下图为新修的乡村公路。", "下图") == "photo below"


@pytest.mark.parametrize(
    "sentence",
    ["地图为我们指明了出行的路线。", "他们为图书馆捐了五百本书。"],
)
def test_wei_after_other_words_is_not_a_caption(annotator, sentence):
    # 地图 opens the clause but is no caption's photo; 为 here is "for" (wèi).
    assert _pinyin_of(annotator, sentence, "为") == "wèi"
