"""Words: segmentation, pinyin, glosses and levels for every sentence."""

from zhreader.lazy import lazy_exports

# Public name → the module of this stage that defines it (imported on first use).
_EXPORTS = {
    "Annotator": "annotate",
    "Dictionary": "dictionary",
    "PinyinReader": "pinyin",
    "PolyphoneModel": "polyphone",
    "Segmenter": "segment",
    "apply_sandhi": "pinyin",
    "grammatical_reading": "function_words",
    "neutral_positions": "sandhi",
    "sandhi_syllables": "sandhi",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
