"""The lexicon stage (what the word panel shows) and the notice for input without Chinese."""

from __future__ import annotations

import json

from click.testing import CliRunner
from edition_samples import real_edition

from zhreader.cli import main
from zhreader.model import edition_from_dict, iter_sentences, to_dict
from zhreader.pipeline.words.dictionary import Dictionary
from zhreader.pipeline.words.lexicon import NO_CHINESE, readings, tone_marks


def test_tone_marks_from_cedict_pinyin():
    assert tone_marks("Lin2 xiang1") == ("Lín", "xiāng")
    assert tone_marks("lu:4 se4") == ("lǜ", "sè")
    assert tone_marks("ren4 shi5") == ("rèn", "shi")


def test_readings_group_every_sense_by_reading():
    dictionary = Dictionary.load()
    found = readings(dictionary, "行")
    pinyin = [" ".join(r.pinyin) for r in found]
    assert "xíng" in pinyin and "háng" in pinyin
    senses = {" ".join(r.pinyin): r.senses for r in found}
    assert "to walk" in senses["xíng"] and "row" in senses["háng"]
    assert readings(dictionary, "就業") == readings(dictionary, "就业")  # traditional form
    assert readings(dictionary, "没有这个词啊") == ()


def test_real_lexicon_holds_each_word_and_character_once():
    edition = real_edition()
    words = [entry.zh for entry in edition.lexicon]
    assert words == sorted(set(words))
    used = {t.zh for s in iter_sentences(edition) for t in s.tokens if t.kind == "word"}
    used = {w for w in used if all("\u4e00" <= c <= "\u9fff" for c in w)}
    assert used <= set(words)
    assert {c for w in used for c in w} <= set(words)
    entry = {e.zh: e for e in edition.lexicon}["就业"]
    assert entry.hsk == 3 and entry.readings[0].pinyin == ("jiù", "yè")
    # edition.json carries it: a renderer reading the file sees the same lexicon.
    again = edition_from_dict(json.loads(json.dumps(to_dict(edition))))
    assert again.lexicon == edition.lexicon


def test_input_without_chinese_builds_with_a_notice(tmp_path):
    source = tmp_path / "english.txt"
    source.write_text("Hello world.\nThis page is in English only, 2020.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"english: no-chinese: {NO_CHINESE.message}" in result.output
    data = json.loads((out / "english" / "edition.json").read_text("utf-8"))
    assert data["notices"][0] == {"code": "no-chinese", "message": NO_CHINESE.message}
    assert data["lexicon"] == []
    page = (out / "english" / "interlinear.html").read_text("utf-8")
    assert "The input has no Chinese characters" in page and "Hello world." in page
