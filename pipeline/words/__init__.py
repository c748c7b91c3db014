"""Words: segmentation, pinyin, glosses and levels for every sentence."""

from zhreader.pipeline.words.annotate import Annotator
from zhreader.pipeline.words.dictionary import Dictionary
from zhreader.pipeline.words.function_words import grammatical_reading
from zhreader.pipeline.words.pinyin import PinyinReader, apply_sandhi
from zhreader.pipeline.words.polyphone import PolyphoneModel
from zhreader.pipeline.words.sandhi import neutral_positions, sandhi_syllables
from zhreader.pipeline.words.segment import Segmenter

__all__ = [
    "Annotator",
    "Dictionary",
    "PinyinReader",
    "PolyphoneModel",
    "Segmenter",
    "apply_sandhi",
    "grammatical_reading",
    "neutral_positions",
    "sandhi_syllables",
]
