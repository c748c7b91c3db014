"""Translate: offline machine translation with the glossary enforced, cached and flagged."""

from zhreader.pipeline.translate.cache import TranslationCache
from zhreader.pipeline.translate.packages import install_file, installed_packages
from zhreader.pipeline.translate.quality import quality_flags
from zhreader.pipeline.translate.translator import gloss_edition, load_translator, translate_edition

__all__ = [
    "TranslationCache",
    "gloss_edition",
    "install_file",
    "installed_packages",
    "load_translator",
    "quality_flags",
    "translate_edition",
]
