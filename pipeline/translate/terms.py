"""Glossary terms in machine translation: find them, then post-edit the English.

Approach (post-editing, see docs/translation.md for why): the model
translates the sentence as it is, and also every glossary term on its own.
Where the English lacks the curated rendering but contains the model's own
wording for the term, that wording is replaced by the rendering (keeping the
sentence's capitalisation and spacing). Where the model's wording cannot be
found either, the rendering is added in parentheses before the final
punctuation and the sentence is flagged ``glossary-inserted``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from zhreader.model import Flag, Sentence
from zhreader.pipeline.translate.quality import HAN_RE, contains_phrase, find_phrase

_FINAL_PUNCTUATION = ".!?;:\"'”’)…"


@dataclass(frozen=True)
class Term:
    """A glossary entry as translation needs it."""

    zh: str
    en: str
    # The glossary's accepted-elsewhere renderings (en_alt): wordings to replace.
    alternatives: tuple[str, ...] = ()


def sentence_terms(sentence: Sentence, glossary) -> tuple[Term, ...]:
    """Return the glossary terms in a sentence, in order of first occurrence."""
    found: dict[str, tuple[int, Term]] = {}
    for entry in _entries_in(sentence.zh, glossary):
        _add(found, sentence.zh, entry)
    for token in sentence.tokens:
        if token.term and token.term not in found:
            entry = glossary.lookup(token.term) if glossary is not None else None
            if entry is not None:
                _add(found, sentence.zh, entry)
    return tuple(term for _, term in sorted(found.values(), key=lambda item: item[0]))


def _entries_in(text: str, glossary) -> Iterable:
    if glossary is None:
        return ()
    if hasattr(glossary, "entries_in"):
        return glossary.entries_in(text)
    return [entry for form, entry in glossary.forms().items() if form in text]


def _add(found: dict[str, tuple[int, Term]], text: str, entry) -> None:
    if entry.zh in found or not entry.en:
        return
    position = text.find(entry.zh)
    alternatives = tuple(getattr(entry, "en_alt", ()) or ())
    term = Term(entry.zh, entry.en, alternatives)
    found[entry.zh] = (position if position >= 0 else len(text), term)


def enforce_terms(
    en: str, terms: Iterable[Term], model_wording: Mapping[str, str]
) -> tuple[str, tuple[Flag, ...]]:
    """Make every term's rendering appear in ``en``; return the English and any flags."""
    added: list[Term] = []
    for term in terms:
        if not en.strip() or contains_phrase(en, term.en):
            continue
        replaced = _replace_wording(en, term, model_wording.get(term.zh, ""))
        if replaced is not None:
            en = replaced
        else:
            added.append(term)
    if not added:
        return en, ()
    # One parenthesis for all of them, so that none lands inside another.
    en = _insert(en, "; ".join(term.en for term in added))
    detail = ", ".join(f"{t.zh}: “{t.en}”" for t in added)
    return en, (Flag("glossary-inserted", f"added, the model's wording was not found: {detail}"),)


def _replace_wording(en: str, term: Term, model_wording: str) -> str | None:
    """Replace the model's wording of the term (or an en_alt) by the rendering."""
    for wording in _wordings((model_wording, *term.alternatives)):
        match = find_phrase(en, wording) if wording and not HAN_RE.search(wording) else None
        if match is not None:
            return en[: match.start()] + _fit(term.en, en, match) + en[match.end() :]
    return None


def _wordings(candidates) -> list[str]:
    """Clean the candidate wordings; a plural one is tried as its singular first."""
    out = []
    for wording in candidates:
        wording = wording.strip().rstrip(_FINAL_PUNCTUATION).strip()
        # find_phrase matches an optional plural ending, which _fit carries over.
        if wording.endswith("s") and not wording.endswith("ss"):
            out.append(wording[:-1])
        out.append(wording)
    return out


def _fit(rendering: str, en: str, match) -> str:
    """Carry the replaced words' plural ending and sentence-initial capital over."""
    plural = match.group(1) or ""
    if plural and rendering[-1:].lower() != "s":
        rendering += plural
    if _starts_sentence(en, match.start()) and rendering[:1].islower():
        rendering = rendering[0].upper() + rendering[1:]
    return rendering


def _starts_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    return not before or before[-1] in ".!?"


def _insert(en: str, rendering: str) -> str:
    body = en.rstrip()
    end = len(body)
    while end > 0 and body[end - 1] in _FINAL_PUNCTUATION:
        end -= 1
    return f"{body[:end]} ({rendering}){body[end:]}"


__all__ = ["Term", "enforce_terms", "sentence_terms"]
