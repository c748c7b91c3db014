"""The order of CC-CEDICT's senses: the same principled ranking for every word."""

from __future__ import annotations

import pytest

from zhreader.pipeline.words.dictionary import COUNTED, clean_sense, ranked_senses
from zhreader.pipeline.words.gloss import tag_in_context
from zhreader.pipeline.words.senses import EDGE, Neighbour


@pytest.mark.parametrize(
    ("senses", "tag", "best"),
    [
        # A marked sense (literary, dialect, old, slang, Taiwan) comes after everyday ones.
        (("(literary) to go forth", "to leave"), "v", "to leave"),
        (("(dialect) to chat", "to speak"), "", "to speak"),
        (("(old) official; mandarin", "officer"), "n", "officer"),
        # A sense's label covers all its parts.
        (("(literary) to give; to accord", "to hand over"), "v", "to hand over"),
        # The part of speech: a verb's infinitive, a noun's or adjective's non-infinitive.
        (("model", "to imitate"), "v", "to imitate"),
        (("to calm down", "calm"), "a", "calm"),
        (("to take the lead", "leading", "first"), "b", "leading"),
        # "to one's satisfaction" is no infinitive.
        (("satisfied", "to one's satisfaction"), "v", "satisfied"),
        (("to one's heart's content", "heartily"), "d", "to one's heart's content"),
        # A noun is looked for among the first three senses only; later ones are rarer.
        (("to bind", "to tie", "to fasten", "knot"), "n", "to bind"),
        # A verbal noun reads as an English noun wherever it stands.
        (("to cultivate", "to train", "to groom", "training"), "vn", "training"),
        # Surnames, variants, cross-references and classifiers (unless counted) are skipped.
        (("surname Wang", "king"), "", "king"),
        (("classifier for books", "root"), "n", "root"),
        (("see 上面[shang4 mian4]", "above"), "", "above"),
        # A sense short enough to show comes before a long one, whatever the tag.
        (("to plan an entire project as a whole", "overall plan"), "v", "overall plan"),
    ],
)
def test_senses_are_ranked_by_one_rule_for_every_word(senses, tag, best):
    assert ranked_senses(senses, tag)[0] == best


def test_a_counted_word_takes_its_classifier_sense_written_as_the_table_does():
    senses = ("root", "classifier for books, periodicals, files etc")
    assert ranked_senses(senses, COUNTED)[0] == "(classifier for books)"
    assert ranked_senses(senses, "q")[0] == "root"  # jieba's own q is no count
    nested = ("strip", "classifier for long thin things (ribbon, river, road etc)")
    assert ranked_senses(nested, COUNTED)[0] == "(classifier for long thin things)"
    general = ("(classifier used before a noun that has no specific classifier)",)
    assert ranked_senses(general, COUNTED)[0].startswith("(classifier used before a noun")


def test_a_single_character_after_a_numeral_or_demonstrative_is_counted():
    three = Neighbour("三", "word", "m")
    assert tag_in_context("n", three, counted=True) == COUNTED
    assert tag_in_context("q", Neighbour("这", "word", "r"), counted=True) == COUNTED
    assert tag_in_context("v", three, counted=True) == "v"  # 一看: a verb is not counted
    assert tag_in_context("n", three) == "n"  # only single characters are counted
    assert tag_in_context("n", EDGE, counted=True) == "n"


def test_a_classifier_list_inside_parentheses_leaves_no_stray_bracket():
    assert clean_sense("dream (CL:場|场[chang2],個|个[ge4])") == "dream"


def test_a_measure_word_the_table_lacks_counts_by_its_classifier_sense(annotator_words):
    # 栋 is in no row of the table: after a numeral it counts buildings, not "ridgepole".
    tokens = {t.zh: t.gloss for t in annotator_words.tokens("村里新建了三栋楼。")}
    assert tokens["三栋"] == "three (classifier for houses or buildings)"
    # Between a determiner and its noun in one word the classifier shows as the general
    # mark, the word a learner must put there ("Round ten, second wave" in docs/words.md).
    river = {t.zh: t.gloss for t in annotator_words.tokens("这条河很长。")}["这条河"]
    assert river == "this (classifier) river"


@pytest.fixture(scope="module")
def annotator_words(tmp_path_factory: pytest.TempPathFactory):
    from zhreader.pipeline.words.annotate import Annotator

    # The same cache folder as tests/test_annotate.py: the dictionary is built once.
    return Annotator.initialize(None, tmp_path_factory.getbasetemp() / "zhreader-cache")
