"""Everyday nouns the frequency sweeps did not reach read as the everyday English word.

And 一边: a noun, "one side", unless a second 一边 in the sentence pairs two actions.
"""

from __future__ import annotations

import pytest
from conftest import gloss_of


@pytest.mark.parametrize(
    ("sentence", "word", "gloss"),
    [
        ("我每天坐公交车去上班。", "公交车", "bus"),
        ("下了班他在微信上给我发了一张照片。", "微信", "WeChat"),
        # 一边 as a noun, "one side"; before a verb it stays 'doing while'.
        ("桥的一边停着几辆车。", "一边", "one side"),
        ("村口一边是池塘，一边是菜地。", "一边", "one side"),
        ("她一边洗碗一边哼着歌。", "一边", "(doing) while"),
        ("奶奶一边择菜，一边给我们讲故事。", "一边", "(doing) while"),
    ],
)
def test_everyday_noun(annotator, sentence, word, gloss):
    assert gloss_of(annotator, sentence, word) == gloss
