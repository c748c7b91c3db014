"""Split a paragraph into sentences without changing a single character.

A sentence ends after 。！？!? or …… together with the closing quotes and
brackets that follow. Quoted and bracketed speech stays whole: an ender inside
“…” or （…） does not split, so “……。” is one unit with its quote marks.
Very long sentences are also split after ；(at the outer level) because
shorter units read and translate better.
"""

from __future__ import annotations

import re

ENDERS = frozenset("。！？!?…")
OPENERS = {
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "（": "）",
    "(": ")",
    "《": "》",
    "【": "】",
    "〔": "〕",
}
CLOSERS = frozenset(OPENERS.values())
SEMICOLONS = frozenset("；;")

_SIGNIFICANT = re.compile("[" + re.escape("".join(ENDERS | set(OPENERS) | CLOSERS)) + "]")
_CLAUSE_MARKS = re.compile("[" + re.escape("".join(SEMICOLONS | set(OPENERS) | CLOSERS)) + "]")
_BRACKETS = re.compile("[" + re.escape("".join(set(OPENERS) | CLOSERS)) + "]")

# A sentence longer than this (in characters) is split after its semicolons.
LONG_SENTENCE = 100
# ... but never into a piece shorter than this.
MIN_CLAUSE = 20


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text``; they join back into ``text`` exactly."""
    if not text:
        return []
    pieces = _split(text, respect_quotes=True)
    # An unclosed quote (a quotation running on into the next paragraph) would
    # swallow the whole paragraph; fall back to splitting inside it.
    if _depth_at_end(text) > 0:
        pieces = _split(text, respect_quotes=False)
    pieces = [clause for piece in pieces for clause in _split_long(piece)]
    return _attach_tails(pieces)


def _split(text: str, respect_quotes: bool) -> list[str]:
    pieces, start, depth, end = [], 0, 0, 0
    # Only enders, openers and closers matter; skip everything else at C speed.
    for match in _SIGNIFICANT.finditer(text):
        if match.start() < end:
            continue
        i = match.start()
        ch = text[i]
        depth = _track(depth, ch)
        i += 1
        if ch not in ENDERS:
            continue
        # Take the whole run of enders and closers: 。” ！？ …… 。）
        while i < len(text) and (text[i] in ENDERS or text[i] in CLOSERS):
            depth = _track(depth, text[i])
            i += 1
        end = i
        if depth == 0 or not respect_quotes:
            pieces.append(text[start:i])
            start = i
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _track(depth: int, ch: str) -> int:
    if ch in OPENERS:
        return depth + 1
    if ch in CLOSERS and depth > 0:
        return depth - 1
    return depth


def _depth_at_end(text: str) -> int:
    depth = 0
    for match in _BRACKETS.finditer(text):
        depth = _track(depth, match.group())
    return depth


def _split_long(sentence: str) -> list[str]:
    if len(sentence) <= LONG_SENTENCE:
        return [sentence]
    clauses, start, depth = [], 0, 0
    for match in _CLAUSE_MARKS.finditer(sentence):
        i, ch = match.start(), match.group()
        depth = _track(depth, ch)
        if ch in SEMICOLONS and depth == 0 and i + 1 - start >= MIN_CLAUSE:
            if len(sentence) - (i + 1) < MIN_CLAUSE:
                break
            clauses.append(sentence[start : i + 1])
            start = i + 1
    clauses.append(sentence[start:])
    return clauses


def _attach_tails(pieces: list[str]) -> list[str]:
    """Keep a trailing credit such as (贺新) and stray whitespace with the sentence before."""
    out: list[str] = []
    for piece in pieces:
        if out and (_is_bracketed(piece) or not piece.strip()):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _is_bracketed(piece: str) -> bool:
    core = piece.strip()
    return len(core) >= 2 and core[0] in "（(" and core[-1] in "）)" and _depth_at_end(core) == 0


__all__ = ["split_sentences"]
