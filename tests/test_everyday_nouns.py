"""Everyday nouns the frequency sweeps did not reach read as the everyday English word."""

from __future__ import annotations

import pytest
from conftest import gloss_of


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("我每天坐公交车去上班。", "公交车", "bus"),
        ("下了班他在微信上给我发了一张照片。", "微信", "WeChat"),
    ],
)
def test_everyday_noun(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss
