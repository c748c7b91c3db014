"""Glossary: the curated policy terms, their checker and the term report."""

from zhreader.lazy import lazy_exports

# Public name → the module of this stage that defines it (imported on first use).
_EXPORTS = {
    "Glossary": "load",
    "GlossaryEntry": "check",
    "bundled_glossary_path": "load",
    "check_glossary_file": "check",
    "glossary_appendix": "load",
    "glossary_report": "report",
    "load_glossaries": "load",
    "parse_glossary_file": "check",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
