"""The HSK sentences as pinyin data: label alignment and confirmed training examples."""

from __future__ import annotations

import json

import pytest
from conftest import loaded_script

from zhreader.pipeline.words.context_model import hsk_labels


def test_hsk_labels_give_one_label_per_han_character():
    item = {"chinese": "我们在银行，OK。", "pinyin_numbered": "wo3 men5 zai4 yin2 hang2"}
    assert hsk_labels(item) == {0: "wo3", 1: "men5", 2: "zai4", 3: "yin2", 4: "hang2"}
    green = {"chinese": "绿绿", "pinyin_numbered": "lu:4 l\u00fc4"}
    assert hsk_labels(green) == {0: "lv4", 1: "lv4"}
    assert hsk_labels({"chinese": "银行", "pinyin_numbered": "yin2"}) is None


def _item(number: str, words: list[str], labels: str) -> dict:
    return {
        "id": f"hsk9-{number}",
        "chinese": "".join(words),
        "pinyin_numbered": labels,
        "tokens": [{"word": w} for w in words],
    }


@pytest.fixture(scope="module")
def trainer():
    with loaded_script("train_polyphones") as module:
        yield module


def test_hsk_training_examples_need_a_label_a_second_source_gives(trainer, tmp_path):
    """A label pypinyin made for 长 alone (很长 zhǎng) is no evidence; CEDICT's word reading is."""
    from zhreader.pipeline.words.dictionary import Dictionary
    from zhreader.pipeline.words.segment import Segmenter

    data = tmp_path / "sentences.json"
    items = [
        _item("0001", ["这", "条", "路", "很", "长", "。"], "zhe4 tiao2 lu4 hen3 zhang3"),
        _item("0003", ["他", "去", "银行", "。"], "ta1 qu4 yin2 hang2"),
        _item("0005", ["他", "去", "银行", "。"], "ta1 qu4 yin2 heng2"),  # no source reads heng2
        _item("0002", ["我", "去", "银行", "。"], "wo3 qu4 yin2 hang2"),  # held out: never read
    ]
    data.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    dictionary = Dictionary.load()
    segmenter = Segmenter.initialize(dictionary)
    readings = {"长": {"chang2", "zhang3"}, "行": {"xing2", "hang2", "heng2"}}

    def found(confirm: str) -> list[tuple[str, str]]:
        examples = trainer.hsk_examples(data, segmenter, dictionary.word_tag, readings, confirm)
        assert all("W:银行@1" in feats for char, feats, _ in examples if char == "行")
        return [(char, label) for char, _, label in examples]

    assert found("cedict") == [("行", "hang2")]
    assert found("any") == [("长", "zhang3"), ("行", "hang2")]
