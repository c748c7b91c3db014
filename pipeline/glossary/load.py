"""The policy glossary: one curated file that decides how each term is handled.

``glossary.tsv`` at the repository root is bundled; users add their own files
(``--glossary FILE``, repeatable) and later files override earlier ones.
Reading and checking a file lives in ``glossary_check``; this module merges
files into a ``Glossary``, finds terms in text, and builds the appendix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from importlib import resources
from pathlib import Path

from zhreader.errors import GlossaryError
from zhreader.model import Edition, GlossaryUse, iter_sentences
from zhreader.pipeline.glossary.check import (
    COLUMNS,
    MIN_TERM_LENGTH,
    GlossaryEntry,
    ParsedFile,
    Problem,
    check_glossary_file,
    parse_glossary_file,
)
from zhreader.signature import short_hash


def bundled_glossary_path() -> Path:
    """Return the bundled glossary: in the installed package, or at the checkout's root."""
    # A wheel carries it as zhreader/glossary.tsv (setup.py copies it there); an
    # editable install maps pipeline/ from the checkout, two folders below it.
    installed = Path(str(resources.files("zhreader"))) / "glossary.tsv"
    if installed.is_file():
        return installed
    return Path(__file__).resolve().parents[2] / "glossary.tsv"


@dataclass(frozen=True)
class Glossary:
    """The merged glossary: entries in file order, a fingerprint, what overrode what."""

    entries: tuple[GlossaryEntry, ...]
    fingerprint: str  # short hash of every file's canonical content, in order
    overrides: tuple[str, ...] = ()  # "term X from FILE:LINE overrides FILE:LINE"
    warnings: tuple[str, ...] = ()  # the files' warnings (BOM, CRLF, unusual readings …)

    @cached_property
    def _forms(self) -> dict[str, GlossaryEntry]:
        return {form: entry for entry in self.entries for form in entry.forms}

    @cached_property
    def _lengths(self) -> dict[str, tuple[int, ...]]:
        """Map each first character to the lengths of the forms it starts, longest first."""
        lengths: dict[str, set[int]] = {}
        for form in self._forms:
            lengths.setdefault(form[0], set()).add(len(form))
        return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}

    def forms(self) -> dict[str, GlossaryEntry]:
        """Return every written form (term and variants) with its entry."""
        return dict(self._forms)

    def lookup(self, form: str) -> GlossaryEntry | None:
        """Return the entry a written form belongs to, or None."""
        return self._forms.get(form)

    def entries_in(self, text: str) -> list[GlossaryEntry]:
        """Return the entries found in text, in order, one per occurrence (see ``matches``)."""
        return [entry for _start, _form, entry in self.matches(text)]

    def matches(self, text: str) -> list[tuple[int, str, GlossaryEntry]]:
        """Return (offset, form, entry) for every term in text, in order, without overlaps.

        Where matches overlap the longest wins, then the earliest: the rule the
        segmenter follows, so that 临湘市委书记 gives 临湘 + 市委书记.
        """
        lengths = self._lengths
        found = [
            (start, text[start : start + length])
            for start, char in enumerate(text)
            for length in lengths.get(char, ())
            if length >= MIN_TERM_LENGTH and text[start : start + length] in self._forms
        ]
        found.sort(key=lambda match: (-len(match[1]), match[0]))
        taken: list[tuple[int, str]] = []
        for start, form in found:
            end = start + len(form)
            if all(end <= s or start >= s + len(f) for s, f in taken):
                taken.append((start, form))
        return [(start, form, self._forms[form]) for start, form in sorted(taken)]


# --- loading -----------------------------------------------------------------


def load_glossaries(extra: Sequence[Path] = ()) -> Glossary:
    """Load the bundled glossary, then each extra file; raise GlossaryError on any error."""
    return merge_files([parse_glossary_file(path) for path in (bundled_glossary_path(), *extra)])


def merge_files(parsed: Sequence[ParsedFile]) -> Glossary:
    """Merge parsed files in order (later forms win); raise GlossaryError on any error."""
    errors = [p for f in parsed for p in f.errors]
    if errors:
        raise glossary_error(errors)
    by_zh: dict[str, GlossaryEntry] = {}
    owner: dict[str, str] = {}  # form -> zh of the entry that holds it
    overrides: list[str] = []
    for file in parsed:
        for entry in file.entries:
            for form in entry.forms:
                if form in owner:
                    previous = by_zh[owner[form]]
                    overrides.append(
                        f"term {form} from {entry.file}:{entry.line} overrides "
                        f"{previous.file}:{previous.line}"
                    )
                    _release(form, previous, by_zh, owner)
            by_zh[entry.zh] = entry
            owner.update(dict.fromkeys(entry.forms, entry.zh))
    fingerprint = short_hash("\n\x00\n".join(f.canonical for f in parsed), 8)
    warnings = tuple(str(p) for f in parsed for p in f.problems if p.level == "warning")
    return Glossary(tuple(by_zh.values()), fingerprint, tuple(overrides), warnings)


def _release(
    form: str, previous: GlossaryEntry, by_zh: dict[str, GlossaryEntry], owner: dict[str, str]
) -> None:
    """Take a form away from an earlier entry: the whole entry if it is its term."""
    if form == previous.zh:
        del by_zh[previous.zh]
        for other in previous.forms:
            owner.pop(other, None)
        return
    by_zh[previous.zh] = replace(
        previous, variants=tuple(v for v in previous.variants if v != form)
    )
    owner.pop(form, None)


def glossary_error(errors: Sequence[Problem]) -> GlossaryError:
    """Build the error that lists every problem, one per line."""
    lines = [str(p) for p in errors]
    count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
    message = "\n".join([*lines, f"the glossary has {count}"])
    return GlossaryError(
        message,
        problems=lines,
        hint="fix them, then run `zhreader glossary check FILE`",
    )


# --- the appendix --------------------------------------------------------------


def term_occurrences(edition: Edition) -> dict[str, list[str]]:
    """Map each term (a token's ``term``) to its sentence ids, one per occurrence, in order."""
    found: dict[str, list[str]] = {}
    for sentence in iter_sentences(edition):
        for token in sentence.tokens:
            if token.term:
                found.setdefault(token.term, []).append(sentence.id)
    return found


def glossary_appendix(edition: Edition, glossary: Glossary) -> Edition:
    """Fill ``edition.glossary`` with every entry used, in order of first occurrence."""
    uses = []
    for term, ids in term_occurrences(edition).items():
        entry = glossary.lookup(term)
        if entry is None:
            # The tokens were annotated with another glossary; nothing to show.
            continue
        uses.append(
            GlossaryUse(
                zh=entry.zh,
                pinyin=entry.pinyin,
                en=entry.en,
                note=entry.note,
                category=entry.category,
                source=entry.source,
                occurrences=tuple(ids),
            )
        )
    return replace(edition, glossary=tuple(uses))


__all__ = [
    "COLUMNS",
    "MIN_TERM_LENGTH",
    "Glossary",
    "GlossaryEntry",
    "Problem",
    "bundled_glossary_path",
    "check_glossary_file",
    "glossary_appendix",
    "load_glossaries",
    "merge_files",
    "parse_glossary_file",
    "term_occurrences",
]
