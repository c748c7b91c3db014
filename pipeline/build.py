"""Build one issue: input file → edition model → files.

The build of one issue is a pure function of (input, sidecar, settings,
shared resources and caches) → files. Resources (dictionaries, the glossary,
the translation model) are loaded once by ``load_resources`` and reused for
every issue a process builds; nothing else is kept between issues.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from zhreader.model import Edition, iter_sentences
from zhreader.reader.write import DEFAULT_FORMATS
from zhreader.signature import code_identity, make_signature

if TYPE_CHECKING:  # the heavy modules load in load_resources, not at import
    from zhreader.pipeline.glossary.load import Glossary
    from zhreader.pipeline.translate.cache import TranslationCache
    from zhreader.pipeline.translate.translator import Translator
    from zhreader.pipeline.words.annotate import Annotator


@dataclass(frozen=True)
class BuildSettings:
    """Everything a user can set that changes what a build produces."""

    formats: tuple[str, ...] = DEFAULT_FORMATS
    glossaries: tuple[Path, ...] = ()  # extra glossaries, after the bundled one
    beam_size: int = 4
    threads: int = 0  # 0: CTranslate2 decides
    compute_type: str = "int8"
    cache_path: Path | None = None  # translation memory (SQLite)
    paper: str | None = None
    date: str | None = None
    page: str | None = None
    max_input_mb: float = 20.0  # larger inputs are refused before they are read; 0: no limit
    vocab_level: int = 4  # vocab.tsv and the Anki deck: words above this HSK level


@dataclass
class Resources:
    """Heavy things loaded once per process (spaCy's ``initialize`` idea)."""

    glossary: Glossary
    annotator: Annotator
    translator: Translator | None
    cache: TranslationCache | None
    signature_parts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BuildReport:
    """What happened while building one issue, for the CLI and the batch summary."""

    slug: str
    files: tuple[Path, ...]
    sentences: int
    translated: int
    from_cache: int
    flagged: int
    en_kind: str
    messages: tuple[str, ...] = ()
    signature: str = ""
    edition: Edition | None = None  # the model the files were rendered from


def load_resources(settings: BuildSettings) -> Resources:
    """Load the glossary, the dictionaries and the translation model once."""
    from zhreader.pipeline.glossary.load import load_glossaries
    from zhreader.pipeline.translate.translator import TranslationCache, load_translator
    from zhreader.pipeline.words.annotate import Annotator

    glossary = load_glossaries(settings.glossaries)
    annotator = Annotator.initialize(glossary)
    translator = load_translator(settings)
    wants_cache = translator is not None and settings.cache_path is not None
    cache = TranslationCache.open(settings.cache_path) if wants_cache else None
    parts = {"zhreader": code_identity(), **annotator.signature_parts(), "gl": glossary.fingerprint}
    parts.update(translator.signature_parts() if translator is not None else {"mt": "none"})
    return Resources(glossary, annotator, translator, cache, parts)


def build_edition(input_path: Path, settings: BuildSettings, resources: Resources):
    """Run every stage on one input; return (Edition, messages, translation stats)."""
    from zhreader.pipeline.glossary.load import glossary_appendix
    from zhreader.pipeline.inbox import max_input_bytes
    from zhreader.pipeline.structure.ingest import read_source
    from zhreader.pipeline.structure.integrity import check_text_preserved
    from zhreader.pipeline.structure.recover import recover_structure
    from zhreader.pipeline.structure.sidecar import load_sidecar
    from zhreader.pipeline.translate.translator import gloss_edition, translate_edition
    from zhreader.pipeline.words.lexicon import NO_CHINESE, add_lexicon, notice_no_chinese

    source = read_source(input_path, max_input_bytes(settings.max_input_mb))
    sidecar = load_sidecar(input_path)
    edition, messages = recover_structure(source, sidecar)
    check_text_preserved(source, edition)
    edition = _apply_metadata(edition, settings)
    edition = resources.annotator.annotate(edition)
    edition = glossary_appendix(edition, resources.glossary)
    edition = add_lexicon(edition, resources.annotator.dictionary)
    edition = notice_no_chinese(edition)
    if NO_CHINESE in edition.notices:
        messages = [*messages, f"{NO_CHINESE.code}: {NO_CHINESE.message}"]
    if resources.translator is None:
        edition = gloss_edition(edition)
        stats = None
    else:
        edition, stats = translate_edition(
            edition, resources.translator, resources.glossary, resources.cache
        )
    edition = replace(edition, signature=make_signature(resources.signature_parts))
    return edition, tuple(messages), stats


def build_issue(
    input_path: Path,
    out_dir: Path,
    settings: BuildSettings,
    resources: Resources,
    slug: str | None = None,
) -> BuildReport:
    """Build one issue and write its files into ``out_dir/<slug>/``."""
    from zhreader.pipeline.inbox import slug_for
    from zhreader.reader.write import RenderOptions, render_files, write_files

    slug = slug or slug_for(PurePath(Path(input_path).name))
    edition, messages, stats = build_edition(input_path, settings, resources)
    # Render everything before writing anything: a renderer error leaves no files.
    options = RenderOptions(vocab_level=settings.vocab_level)
    files = render_files(edition, slug, settings.formats, options)
    written = write_files(out_dir / slug, files)
    sentences = list(iter_sentences(edition))
    return BuildReport(
        slug=slug,
        files=tuple(written),
        sentences=len(sentences),
        translated=stats.translated if stats else 0,
        from_cache=stats.from_cache if stats else 0,
        flagged=sum(1 for s in sentences if s.flags),
        en_kind="mt" if stats else "gloss",
        messages=messages,
        signature=edition.signature,
        edition=edition,
    )


def _apply_metadata(edition: Edition, settings: BuildSettings) -> Edition:
    """Let command-line metadata override what the sidecar or file name said."""
    given = {"paper": settings.paper, "date": settings.date, "page": settings.page}
    changes = {key: value for key, value in given.items() if value}
    return replace(edition, **changes) if changes else edition


__all__ = [
    "BuildReport",
    "BuildSettings",
    "Resources",
    "build_edition",
    "build_issue",
    "load_resources",
]
