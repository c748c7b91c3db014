"""Structure: from a page's plain text to articles, blocks and sentences."""

from zhreader.pipeline.structure.bylines import names_in, trailing_credit
from zhreader.pipeline.structure.ingest import SourceText, read_source
from zhreader.pipeline.structure.integrity import TextIntegrityError, check_text_preserved
from zhreader.pipeline.structure.issue_meta import IssueMeta, metadata_from_filename
from zhreader.pipeline.structure.recover import recover_structure
from zhreader.pipeline.structure.sentences import split_sentences
from zhreader.pipeline.structure.sidecar import Sidecar, load_sidecar

__all__ = [
    "IssueMeta",
    "Sidecar",
    "SourceText",
    "TextIntegrityError",
    "check_text_preserved",
    "load_sidecar",
    "metadata_from_filename",
    "names_in",
    "read_source",
    "recover_structure",
    "split_sentences",
    "trailing_credit",
]
