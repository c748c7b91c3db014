"""Read a page's layout: classify its lines and rejoin paragraphs the layout broke.

The result is a list of ``Piece``s in input order: headings (still to be told
apart as headline, section or subhead), decks, news openings (a dateline
prefix plus text), paragraphs and figures. Every non-blank input line is in
exactly one piece, so no text can get lost here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zhreader.pipeline.structure.sentences import CLOSERS, ENDERS

# A heading is short and carries no sentence punctuation.
HEADING_MAX = 32
SECTION_MAX = 12
# A caption interrupting a paragraph, or sitting over a photo credit, is short.
CAPTION_MAX = 40
CAPTION_TITLE_MAX = 24

_DATELINE = re.compile(
    r"^(?:本报讯|本报[^\s，。（(]{1,12}?[讯电]|(?:新华社|中新社)[^\s，。（(]{0,12}?电)"
    r"(?:\s*[（(][^（）()\n]{1,40}[）)])?"
)
_CREDIT = re.compile(r"^[（(]?[^。，！？；：（）()]{1,20}?\s*/?\s*(?:摄|摄影|供图)\s*[）)]?$")
_CAPTION_OPENING = re.compile(r"^(?:图为|图：|图:|上图|下图|左图|右图|图片：|图\d|图一|图二)")
_DECK = re.compile(r"^(?:——|—|--|──)")
_HEADING_STOPS = frozenset("。；;：:，,、")
_CLAUSE_MARKS = frozenset("，,、；;：:")
# Blank lines around a figure are often wider than between paragraphs.
WIDE_GAP = 2
# Latin words are separated by spaces, so one comes back where a break met two letters.
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Unit:
    """One non-blank input line, without its surrounding whitespace."""

    line: int  # 1-based
    text: str
    gap: int = 0  # blank lines right before it: a wide gap hints at a figure


@dataclass
class Piece:
    """A run of units that form one thing on the page."""

    kind: str  # heading, deck, dateline, paragraph, figure
    units: list[Unit]
    # Set by sidecar marks: "headline", "section", "subhead" force a heading's role.
    forced: str | None = None
    # Figures: which units are the photo credit.
    credit_lines: set[int] = field(default_factory=set)
    # Figures: laid out inside a broken paragraph, so surely of that paragraph's article.
    in_paragraph: bool = False

    @property
    def line(self) -> int:
        return self.units[0].line

    def text(self) -> str:
        """Return the units joined back into one text (paragraphs broken by the layout)."""
        out = ""
        for unit in self.units:
            if out and _LATIN.match(out[-1]) and _LATIN.match(unit.text[0]):
                out += " "
            out += unit.text
        return out


def read_units(lines: list[str]) -> list[Unit]:
    """Return the non-blank lines (whitespace-only lines, full-width spaces too, are blank)."""
    units, gap = [], 0
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if text:
            units.append(Unit(number, text, gap))
            gap = 0
        else:
            gap += 1
    return units


def dateline_prefix(text: str) -> str | None:
    """Return the dateline that opens a news item (本报讯(刘飞翔)), or None."""
    match = _DATELINE.match(text)
    return match.group(0) if match else None


def is_heading(text: str) -> bool:
    """Say whether a line looks like a headline, section label or subhead."""
    core = text.replace(" ", "").replace("\u3000", "")
    if not core or len(core) > HEADING_MAX or dateline_prefix(text):
        return False
    return not any(ch in _HEADING_STOPS for ch in core) and core[-1] not in ENDERS


def is_credit(text: str) -> bool:
    """Say whether a line is a photo credit (刘实华 摄)."""
    return len(text) <= 24 and bool(_CREDIT.match(text))


def is_caption_like(text: str, limit: int = CAPTION_MAX) -> bool:
    """Say whether a line could be a photo caption: short and one finished statement."""
    return len(text) <= limit and text[-1] in "。！!" and not dateline_prefix(text)


def ends_mid_sentence(text: str) -> bool:
    """Say whether a paragraph stops where no sentence can end."""
    last = text.rstrip()[-1]
    return last not in ENDERS and last not in CLOSERS and last not in "；;：:"


def classify(units: list[Unit], marks: dict[int, str]) -> list[str]:
    """Give each unit a kind; ``marks`` (line → sidecar mark) override the heuristics."""
    kinds = [_kind(u.text) for u in units]
    _mark_figures(units, kinds)
    for i, unit in enumerate(units):
        mark = marks.get(unit.line)
        if mark is not None:
            kinds[i] = _MARK_KINDS[mark]
    return kinds


_MARK_KINDS = {
    "headline": "heading",
    "section": "heading",
    "subhead": "heading",
    "deck": "deck",
    "paragraph": "paragraph",
    "figure": "caption",
    "credit": "credit",
}


def _kind(text: str) -> str:
    if dateline_prefix(text):
        return "dateline"
    if is_credit(text):
        return "credit"
    if _CAPTION_OPENING.match(text):
        return "caption"
    if _DECK.match(text):
        return "deck"
    return "heading" if is_heading(text) else "paragraph"


def _mark_figures(units: list[Unit], kinds: list[str]) -> None:
    """Mark the short caption title that sits above a 图为… line or a photo credit."""
    for i in range(1, len(units)):
        if kinds[i] not in ("caption", "credit"):
            continue
        before = i - 1
        if kinds[before] == "paragraph" and is_caption_like(units[before].text, CAPTION_TITLE_MAX):
            kinds[before] = "caption"


def build_pieces(
    units: list[Unit], kinds: list[str], marks: dict[int, str], joins: dict[int, bool]
) -> list[Piece]:
    """Group units into pieces, rejoining broken paragraphs across captions.

    ``marks`` are the sidecar's line marks; ``joins`` maps a line to True (join
    it with the next text line) or False (never join it).
    """
    pieces: list[Piece] = []
    used = [False] * len(units)
    for i, unit in enumerate(units):
        if used[i]:
            continue
        kind = kinds[i]
        if kind in ("caption", "credit"):
            _add_figure_unit(pieces, unit, kind)
            continue
        mark = marks.get(unit.line)
        forced = mark if mark in ("headline", "section", "subhead") else None
        piece = Piece(kind, [unit], forced=forced)
        pieces.append(piece)
        if kind in ("paragraph", "dateline"):
            _rejoin(piece, i, units, kinds, used, (marks, joins), pieces)
    return pieces


def _add_figure_unit(pieces: list[Piece], unit: Unit, kind: str) -> Piece:
    last = pieces[-1] if pieces else None
    # A caption after a credit starts a new figure; a credit closes its figure.
    if last is None or last.kind != "figure" or (kind == "caption" and last.credit_lines):
        last = Piece("figure", [])
        pieces.append(last)
    last.units.append(unit)
    if kind == "credit":
        last.credit_lines.add(unit.line)
    return last


def _rejoin(piece, i, units, kinds, used, fixes, pieces) -> None:
    """Extend a paragraph that stops mid-sentence with the next text line."""
    marks, joins = fixes
    current = i
    while _wants_join(units[current], joins):
        j = current + 1
        skipped = []
        while j < len(units) and _skippable(units, kinds, j, marks):
            skipped.append(j)
            j += 1
        if j >= len(units) or not _continues(units, kinds, j, joins, units[current].line):
            return
        for k in skipped:
            used[k] = True
            kind = "credit" if kinds[k] == "credit" else "caption"
            _add_figure_unit(pieces, units[k], kind).in_paragraph = True
        used[j] = True
        piece.units.append(units[j])
        current = j


def _wants_join(unit: Unit, joins: dict[int, bool]) -> bool:
    forced = joins.get(unit.line)
    return forced if forced is not None else ends_mid_sentence(unit.text)


def _skippable(units, kinds, j, marks) -> bool:
    """Say whether unit j is a caption laid out inside a broken paragraph."""
    if kinds[j] in ("caption", "credit"):
        return True
    # A short finished statement between two halves of a sentence is a caption,
    # unless it reads like the sentence's own tail (a clause after a comma).
    nxt, unit = j + 1, units[j]
    return (
        kinds[j] == "paragraph"
        and is_caption_like(unit.text)
        and (unit.gap >= WIDE_GAP or not any(ch in _CLAUSE_MARKS for ch in unit.text))
        and nxt < len(units)
        and kinds[nxt] in ("paragraph", "caption", "credit")
        and units[j].line not in marks
    )


def _continues(units, kinds, j, joins, previous_line) -> bool:
    if joins.get(previous_line):
        return True
    return kinds[j] == "paragraph"


__all__ = [
    "Piece",
    "Unit",
    "build_pieces",
    "classify",
    "dateline_prefix",
    "ends_mid_sentence",
    "is_caption_like",
    "is_credit",
    "is_heading",
    "read_units",
]
