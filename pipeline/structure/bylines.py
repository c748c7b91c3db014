"""Tell reporters' names apart in a dateline (本报讯(易勇姚刚)) or a credit ((贺新)).

Chinese names are a surname plus one or two given-name characters. A run of
names written without separators (易勇姚刚) is split only when exactly one
way of cutting it into surname-led names exists; otherwise the run is kept
whole, because a wrong split would invent people.
"""

from __future__ import annotations

import re

from zhreader.han import only_han
from zhreader.names import BYLINE_ROLES, COMPOUND_SURNAMES, SURNAMES

_SEPARATORS = re.compile(r"[\s\u3000、，,/／·]+")

_TRAILING = re.compile(r"[。！？!?”」』][（(]([^（）()]{2,24})[）)]\s*$")


def trailing_credit(paragraph: str) -> tuple[str, ...]:
    """Return the names of a credit that closes a paragraph (…16人。(贺新)), if any."""
    match = _TRAILING.search(paragraph)
    if match is None or not looks_like_names(match.group(1)):
        return ()
    return names_in(match.group(1))


def names_in(bracketed: str) -> tuple[str, ...]:
    """Return the names found in the text inside a dateline's or credit's brackets."""
    names: list[str] = []
    for chunk in _SEPARATORS.split(_drop_roles(bracketed)):
        if chunk:
            names.extend(split_names(chunk))
    return tuple(names)


def looks_like_names(bracketed: str) -> bool:
    """Say whether bracketed text is only names (a trailing credit), not a remark."""
    chunks = [c for c in _SEPARATORS.split(_drop_roles(bracketed)) if c]
    return bool(chunks) and all(_segmentations(c, limit=1) for c in chunks)


def split_names(chunk: str) -> list[str]:
    """Cut a run of names without separators where the cut is unambiguous."""
    if not only_han(chunk):
        return [chunk]
    ways = _segmentations(chunk, limit=2)
    return list(ways[0]) if len(ways) == 1 else [chunk]


def _drop_roles(text: str) -> str:
    for role in BYLINE_ROLES:
        text = text.replace(role, " ")
    return text


def _segmentations(chunk: str, limit: int) -> list[tuple[str, ...]]:
    """Return up to ``limit`` ways to cut ``chunk`` into surname-led names of 2–4 characters."""
    if not chunk:
        return [()]
    if not only_han(chunk):
        return []
    found: list[tuple[str, ...]] = []
    for size in _name_sizes(chunk):
        for rest in _segmentations(chunk[size:], limit):
            found.append((chunk[:size], *rest))
            if len(found) >= limit:
                return found
    return found


def _name_sizes(chunk: str) -> list[int]:
    if chunk[:2] in COMPOUND_SURNAMES:
        sizes = [3, 4]
    elif chunk[0] in SURNAMES:
        sizes = [2, 3]
    else:
        return []
    return [s for s in sizes if s <= len(chunk)]


__all__ = ["looks_like_names", "names_in", "split_names", "trailing_credit"]
