"""Structure: from a page's plain text to articles, blocks and sentences."""

from zhreader.lazy import lazy_exports

# Public name → the module of this stage that defines it (imported on first use).
_EXPORTS = {
    "IssueMeta": "issue_meta",
    "Sidecar": "sidecar",
    "SourceText": "ingest",
    "TextIntegrityError": "integrity",
    "check_text_preserved": "integrity",
    "load_sidecar": "sidecar",
    "metadata_from_filename": "issue_meta",
    "names_in": "bylines",
    "read_source": "ingest",
    "recover_structure": "recover",
    "split_sentences": "sentences",
    "trailing_credit": "bylines",
}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = sorted(_EXPORTS)
