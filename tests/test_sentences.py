"""Sentence splitting: real sentences from the example, quotes kept whole, nothing changed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhreader.pipeline.structure.sentences import LONG_SENTENCE, split_sentences

CASES = [
    (
        "“湘北门户”临湘，三面毗邻湖北。该市在全力做好疫情防控的同时。",
        ["“湘北门户”临湘，三面毗邻湖北。", "该市在全力做好疫情防控的同时。"],
    ),
    # The closing quote stays with its sentence.
    (
        "“全市上下要紧盯目标，拧紧发条，全力冲刺。”临湘市委书记谢胜多次调度部署。",
        ["“全市上下要紧盯目标，拧紧发条，全力冲刺。”", "临湘市委书记谢胜多次调度部署。"],
    ),
    # A quotation of several sentences stays one unit.
    (
        "他说：“我是贫困户。希望脱贫后早日进入小康。”",
        ["他说：“我是贫困户。希望脱贫后早日进入小康。”"],
    ),
    # ASCII ! and ? end sentences too, with the quote after them.
    (
        "大家都抢着买我种的西瓜咧!”4月12日，老李等着了。",
        ["大家都抢着买我种的西瓜咧!”", "4月12日，老李等着了。"],
    ),
    (
        "“你帮扶的对象叫什么名字?哪一年出生的?”从最基本的信息问起。",
        ["“你帮扶的对象叫什么名字?哪一年出生的?”", "从最基本的信息问起。"],
    ),
    # …… ends a sentence.
    (
        "锄田、拔草、抛秧……将“党员活动日”搬到了田间地头。",
        ["锄田、拔草、抛秧……", "将“党员活动日”搬到了田间地头。"],
    ),
    # A trailing credit stays with the sentence it closes.
    ("其中未脱贫劳动力16人。(贺新)", ["其中未脱贫劳动力16人。(贺新)"]),
    # Runs of enders stay together.
    ("真的吗？！是的。", ["真的吗？！", "是的。"]),
    # No ender: one sentence.
    ("就业扶贫惠民", ["就业扶贫惠民"]),
    # Full-width digits and punctuation pass through untouched.
    ("全市１２３人。ＯＫ！", ["全市１２３人。", "ＯＫ！"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_unclosed_quote_does_not_swallow_the_paragraph():
    text = "他说：“第一句。第二句。第三句。"
    assert split_sentences(text) == ["他说：“第一句。", "第二句。", "第三句。"]


def test_long_sentence_splits_after_semicolons():
    clause = "严禁在扶贫补贴发放过程中以权谋私、优亲厚友、虚报冒领、截留挪用"
    text = "；".join([clause] * 4) + "。"
    assert len(text) > LONG_SENTENCE
    parts = split_sentences(text)
    assert len(parts) == 4
    assert all(p.startswith("严禁") for p in parts)
    assert "".join(parts) == text


def test_short_sentence_keeps_its_semicolons():
    text = "落实返岗复工2745人；返岗率达100%。"
    assert split_sentences(text) == [text]


def test_semicolons_inside_quotes_do_not_split():
    inner = "；".join(["送政策、送岗位、送信息、送温暖、送服务到家"] * 6)
    text = f"开展以“{inner}”为主题的活动。"
    assert split_sentences(text) == [text]


@given(st.text(alphabet="临湘市扶贫，。！？!?…；“”（）()《》 ab1\u3000", max_size=300))
def test_sentences_join_back_exactly(text):
    assert "".join(split_sentences(text)) == text
