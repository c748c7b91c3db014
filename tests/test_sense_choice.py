"""CC-CEDICT's sense when no learner row applies, and learner rows read by their context."""

from __future__ import annotations

import pytest

from zhreader.pipeline.words.annotate import Annotator
from zhreader.pipeline.words.dictionary import ranked_senses
from zhreader.pipeline.words.english import RARE_ZIPF, english_rows, is_rare, sense_words


@pytest.fixture(scope="module")
def annotator(tmp_path_factory: pytest.TempPathFactory) -> Annotator:
    # The same cache folder as tests/test_annotate.py: the dictionary is built once.
    return Annotator.initialize(None, tmp_path_factory.getbasetemp() / "zhreader-cache")


def _zipf(table: dict[str, int]):
    return lambda word: table.get(word, 0)


def test_sense_words_leave_out_cedicts_placeholders():
    assert sense_words("to tell sb sth; (of age) seventy") == ("to", "tell", "of", "age", "seventy")


def test_english_rows_read_wordfreq_for_every_word_once():
    rows = dict(english_rows(["to take away", "diaphysis (of a bone)", "take"]))
    assert set(rows) == {"to", "take", "away", "diaphysis", "of", "a", "bone"}
    assert rows["take"] > 500 > RARE_ZIPF * 100 > rows["diaphysis"]
    assert dict(english_rows(["qzxv"]))["qzxv"] == 0  # not in wordfreq: rare


def test_a_sense_with_a_rare_english_word_comes_after_an_everyday_one():
    zipf = _zipf({"backbone": 350, "diaphysis": 116, "dialect": 360, "to": 750, "be": 700})
    senses = ("diaphysis (long segment of a bone)", "fig. backbone")
    assert ranked_senses(senses, "n")[0] == "diaphysis"  # without frequencies: CC-CEDICT's order
    assert ranked_senses(senses, "n", zipf)[0] == "backbone"
    assert is_rare("topolect", zipf) and not is_rare("dialect", zipf)


def test_rarity_never_outranks_the_part_of_speech_or_a_register_label():
    zipf = _zipf({"to": 750, "surname": 400, "family": 550, "name": 600, "be": 700})
    # jieba's verb keeps its infinitive, rare or not: 姓 "to be surnamed", not "family name".
    assert ranked_senses(("to be surnamed", "family name"), "v", zipf)[0] == "to be surnamed"
    zipf = _zipf({"to": 750, "go": 600, "sojourn": 200})
    assert ranked_senses(("(literary) to go", "to sojourn"), "v", zipf)[0] == "to sojourn"


@pytest.mark.parametrize(
    ("word", "tag", "gloss"),
    [
        ("骨干", "n", "backbone"),  # not "diaphysis"
        ("方言", "n", "dialect"),  # not "topolect"
        ("名人", "n", "celebrity"),  # not "personage"
        ("药品", "n", "medicine"),  # not "medicaments"
        ("粥", "n", "porridge"),  # not "congee"
    ],
)
def test_the_dictionary_glosses_in_everyday_english(annotator, word, tag, gloss):
    assert annotator.dictionary.short_gloss(word, tag=tag) == gloss
