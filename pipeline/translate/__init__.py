"""Translate: offline machine translation with the glossary enforced, cached and flagged."""

from zhreader.lazy import lazy_exports

# Public name → the module of this stage that defines it (imported on first use).
_EXPORTS = {
    "TranslationCache": "cache",
    "gloss_edition": "translator",
    "install_file": "packages",
    "installed_packages": "packages",
    "load_translator": "translator",
    "quality_flags": "quality",
    "translate_edition": "translator",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
