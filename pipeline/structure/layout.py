"""Read a page's layout: give each line a role and rejoin paragraphs the layout broke.

Each non-blank line is a ``Unit`` with what a reader sees of it: its text, the
blank lines above it, whether it is indented, whether its printed line runs on
(trailing spaces). ``classify`` gives every unit a kind from its shape (the
conventions in ``conventions``) and then from its neighbours and the page (a
page that indents paragraphs tells continuations by their missing indent; a
page that separates paragraphs by blank lines tells them by a missing blank).
``build_pieces`` groups the units into pieces: headings, decks, author lines,
news openings, paragraphs (broken ones rejoined, captions in the break set
aside) and figures. Every unit is in exactly one piece, so nothing is lost.
All passes are single loops over the units: linear in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zhreader.han import is_han
from zhreader.pipeline.structure.conventions import (
    dateline_prefix,
    is_agency_tag,
    is_author_line,
    is_caption_opening,
    is_credit,
    is_furniture,
    is_source_line,
    split_shared_credit,
)
from zhreader.pipeline.structure.sentences import CLOSERS, ENDERS

# A subhead is short and carries no sentence punctuation; a headline (at the top
# of an article) may be longer.
HEADING_MAX = 32
HEADLINE_MAX = 60
SECTION_MAX = 12
# A caption interrupting a paragraph, or sitting over a photo credit, is short.
CAPTION_MAX = 40
CAPTION_TITLE_MAX = 24
# A picture story's caption paragraph above its credit; a caption above a bare
# agency tag (a picture may carry only the tag) is one short line.
CAPTION_PARAGRAPH_MAX = 300
CAPTION_LINE_MAX = 80
# Blank lines around a figure are often wider than between paragraphs; two or
# more blank lines separate the articles of a page that uses them.
WIDE_GAP = 2
# A line counts for the page's habits (indent, blank lines) only when it is long.
LONG_LINE = 40

_DECK = re.compile(r"^(?:——|—|--|──)")
_SENTENCE_STOPS = frozenset("。；;！？!?")
_CLAUSE_STOPS = frozenset("。；;")
_TRAILING_STOPS = frozenset("，,、；;：:")
# Where a sentence goes on and a paragraph never ends.
_CLAUSE_BREAKS = frozenset("，,、")
_PROSE_STOPS = frozenset("，,。；;")
# An interview's question is a paragraph, whatever stands beside it.
_INTERVIEWER = re.compile(r"^(?:本报记者|记者|问)[：:]")
_KICKER_ENDS = ("——", "……", "：", ":")
_BRACKETED = re.compile(r"^[（(][^（）()]*[）)]$")
# Latin words are separated by spaces, so one comes back where a break met two letters.
_LATIN = re.compile(r"[A-Za-z]")
_LEADING = re.compile(r"^[\s\u3000]+")


@dataclass(frozen=True)
class Unit:
    """One non-blank input line, without its surrounding whitespace."""

    line: int  # 1-based
    text: str
    gap: int = 0  # blank lines right before it: a wide gap hints at a figure or a new article
    indent: bool = False  # the line starts with spaces (a new paragraph on an indenting page)
    runs_on: bool = False  # the printed line ends with spaces: a title that goes on below


@dataclass(frozen=True)
class Page:
    """What the page as a whole does with layout."""

    indents: bool  # most long lines are indented: a line without indent continues
    blank_separated: bool  # most paragraphs are separated by a blank line
    separated: bool  # articles are separated by two or more blank lines


@dataclass
class Piece:
    """A run of units that form one thing on the page."""

    kind: str  # heading, deck, author, dateline, paragraph, figure
    units: list[Unit]
    # Set by sidecar marks: "headline", "section", "subhead", "kicker" force a heading's role.
    forced: str | None = None
    # Figures: which units are the photo credit (by identity: a caption and its
    # credit may share one line).
    credit_units: list[Unit] = field(default_factory=list)

    def is_credit_unit(self, unit: Unit) -> bool:
        return any(unit is credit for credit in self.credit_units)

    # Figures: laid out inside a broken paragraph, so surely of that paragraph's article.
    in_paragraph: bool = False

    @property
    def line(self) -> int:
        return self.units[0].line

    @property
    def gap(self) -> int:
        return self.units[0].gap

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
            indent = bool(_LEADING.match(line))
            units.append(Unit(number, text, gap, indent, line.rstrip() != line))
            gap = 0
        else:
            gap += 1
    return units


def split_credits(units: list[Unit]) -> tuple[list[Unit], set[int]]:
    """Split a line that holds a caption and its credit into two units of that line.

    Returns the units and the lines split, whose second unit is a credit.
    """
    out: list[Unit] = []
    split: set[int] = set()
    for unit in units:
        parts = split_shared_credit(unit.text)
        if parts is None:
            out.append(unit)
            continue
        caption, credit = parts
        out.append(Unit(unit.line, caption, unit.gap, unit.indent))
        out.append(Unit(unit.line, credit, 0, False, unit.runs_on))
        split.add(unit.line)
    return out, split


def read_page(units: list[Unit]) -> Page:
    """Return the page's habits, read from its long lines."""
    long_units = [u for u in units if len(u.text) >= LONG_LINE]
    indented = sum(u.indent for u in long_units)
    pairs = [(a, b) for a, b in zip(units, units[1:], strict=False) if len(a.text) >= LONG_LINE]
    blank = sum(b.gap >= 1 for _, b in pairs)
    wide = sum(1 for u in units[1:] if u.gap >= WIDE_GAP and _heading_shape(u.text, HEADLINE_MAX))
    return Page(
        indents=bool(long_units) and indented * 2 > len(long_units),
        blank_separated=bool(pairs) and blank * 2 > len(pairs),
        separated=wide >= 1,
    )


def is_heading(text: str) -> bool:
    """Say whether a line looks like a section label or a subhead."""
    return _heading_shape(text, HEADING_MAX)


def _heading_shape(text: str, limit: int, top: bool = False) -> bool:
    """Say whether a line is shaped like a title.

    At the top of an article (``top``) a title may also end like a kicker
    (——, ……, ：) or ask or exclaim (…还能走多远？, 加油！中国队).
    """
    core = text.replace(" ", "").replace("\u3000", "")
    if not core or len(core) > limit or dateline_prefix(text) or _BRACKETED.match(core):
        return False
    if top and core.endswith(_KICKER_ENDS) and len(core) > 2:
        core = core.rstrip("—…：:")
        if not core:
            return False
    stops = _CLAUSE_STOPS if top else _SENTENCE_STOPS
    if any(ch in stops for ch in core) or core[-1] in _TRAILING_STOPS:
        return False
    last_allowed = top and core[-1] in "？！?!"
    return (core[-1] not in ENDERS or last_allowed) and any(is_han(ch) for ch in core)


def is_caption_like(text: str, limit: int = CAPTION_MAX) -> bool:
    """Say whether a line could be a photo caption: short and one finished statement."""
    return len(text) <= limit and text[-1] in "。！!" and not dateline_prefix(text)


def ends_mid_sentence(text: str) -> bool:
    """Say whether a paragraph stops where no sentence can end.

    A closing quote ends a sentence only after an ender (“……。”); a quoted
    term at the end of a line (…开设“田间课堂”) runs on, and so does a title
    (…印发《…》) or a name with its bracket (中央党校（国家行政学院）): a
    bracket closes a paragraph only as a note after a finished sentence
    (…。（赵玮）) or alone on its line.
    """
    core = text.rstrip()
    last = core[-1]
    if last in "”’」』" and len(core) > 1:
        return core[-2] not in ENDERS
    if last == "》":
        return True
    if last in "）)" and dateline_prefix(core) != core:
        opener = max(core.rfind("（"), core.rfind("("))
        return opener > 0 and core[opener - 1] not in ENDERS and core[opener - 1] not in CLOSERS
    return last not in ENDERS and last not in CLOSERS and last not in "；;：:"


def classify(
    units: list[Unit], marks: dict[int, str], page: Page, split: frozenset[int] = frozenset()
) -> list[str]:
    """Give each unit a kind; ``marks`` (line → sidecar mark) override the heuristics.

    ``split`` names the lines ``split_credits`` cut into a caption and a credit.
    """
    kinds = [_kind(u, i == 0) for i, u in enumerate(units)]
    for i, unit in enumerate(units):
        if unit.line in split:
            kinds[i] = (
                "caption" if i + 1 < len(units) and units[i + 1].line == unit.line else "credit"
            )
    _mark_figures(units, kinds)
    _mark_long_kickers(units, kinds)
    _mark_continuations(units, kinds, page)
    _mark_question_subheads(units, kinds, page)
    for i, unit in enumerate(units):
        mark = marks.get(unit.line)
        if mark is not None:
            kinds[i] = _MARK_KINDS[mark]
    return kinds


_MARK_KINDS = {
    "headline": "heading",
    "section": "heading",
    "subhead": "heading",
    "kicker": "heading",
    "deck": "deck",
    "author": "author",
    "paragraph": "paragraph",
    "figure": "caption",
    "credit": "credit",
}


def _kind(unit: Unit, first: bool) -> str:
    text = unit.text
    if is_furniture(text):
        return "paragraph"
    if dateline_prefix(text):
        return "dateline"
    if is_credit(text):
        return "credit"
    if is_caption_opening(text) or is_source_line(text):
        return "caption"
    if is_author_line(text):
        return "author"
    if _DECK.match(text):
        return "deck"
    # At the top of an article (first line, or after a wide gap) a headline may
    # be long or a kicker may end in —— or ……
    top = first or unit.gap >= WIDE_GAP
    if _heading_shape(text, HEADLINE_MAX if top else HEADING_MAX, top=top):
        return "heading"
    return "paragraph"


def _mark_figures(units: list[Unit], kinds: list[str]) -> None:
    """Mark the caption that sits right above a 图为… line or a photo credit.

    Above a 图为… line only a short finished title line is (临湘市春耕生产如火如荼。),
    not above a caption that shares its line with the credit (the line above
    it may be a sentence's tail);
    above a chart's source line (数据来源：…) its title is.
    Above a named credit (X摄) the paragraph is the picture's caption, several
    sentences long in a picture story; above a bare agency tag (（影像中国）),
    which may stand under a picture without caption, only a line of at most 80
    characters or a 图为… paragraph is. A paragraph that stops mid-sentence is
    running text, never a caption.
    """
    for i in range(1, len(units)):
        if kinds[i] not in ("caption", "credit") or units[i].gap > 1:
            continue
        before = units[i - 1].text
        if kinds[i - 1] == "heading" and is_source_line(units[i].text):
            kinds[i - 1] = "caption"  # a chart's title over its source line
            continue
        if kinds[i - 1] != "paragraph" or ends_mid_sentence(before):
            continue
        if kinds[i] == "caption":  # a caption's title line above its 图为… line
            opening = is_caption_opening(units[i].text) or is_source_line(units[i].text)
            caption = opening and is_caption_like(before, CAPTION_TITLE_MAX)
        elif is_agency_tag(units[i].text):
            caption = len(before) <= CAPTION_LINE_MAX or "图为" in before
        else:
            caption = len(before) <= CAPTION_PARAGRAPH_MAX or "图为" in before
        if caption:
            kinds[i - 1] = "caption"


def _mark_long_kickers(units: list[Unit], kinds: list[str]) -> None:
    """Read a long title line set right over a title as a title (王某在…会议上强调).

    Away from the top of an article a title is short; a kicker reporting who
    spoke where may run to a headline's length. It starts flush after a
    blank line (or a finished paragraph) and a title follows with no blank.
    """
    for i in range(len(units) - 1):
        unit = units[i]
        if kinds[i] != "paragraph" or unit.indent or kinds[i + 1] != "heading":
            continue
        if units[i + 1].gap or (i and unit.gap == 0) or len(unit.text) <= HEADING_MAX:
            continue
        if i and kinds[i - 1] == "paragraph" and ends_mid_sentence(units[i - 1].text):
            continue
        if _heading_shape(unit.text, HEADLINE_MAX, top=True):
            kinds[i] = "heading"


def _mark_continuations(units: list[Unit], kinds: list[str], page: Page) -> None:
    """Read a heading-like line as running text when the next line continues it.

    On an indenting page the continuation is the next text line without indent;
    on a page that separates paragraphs by blank lines, a text line right below
    with no blank line between. A line at the top of an article is never one.
    """
    for i, unit in enumerate(units):
        if kinds[i] != "heading" or i == 0 or unit.gap >= WIDE_GAP:
            continue
        if unit.gap == 0 and kinds[i - 1] == "heading":
            continue  # a title printed over two lines, or a headline under its kicker
        j = i + 1
        while j < len(units) and kinds[j] in ("caption", "credit") and j - i <= 3:
            j += 1
        if j >= len(units) or kinds[j] not in ("paragraph", "heading"):
            continue
        nxt = units[j]
        if unit.indent and not nxt.indent:
            runs_on = True
        elif page.indents:
            runs_on = False
        else:
            runs_on = page.blank_separated and j == i + 1 and nxt.gap == 0
        if runs_on and not (page.separated and nxt.gap >= WIDE_GAP):
            kinds[i] = "paragraph"


def _mark_question_subheads(units: list[Unit], kinds: list[str], page: Page) -> None:
    """Read a short question set apart like a subhead as one (数据怎样变成收益？).

    Where the page shows it: paragraphs indented, this line not, the text
    above it finished, and blank lines around it where the page sets blank
    lines between paragraphs. On any page, a short question printed beside a
    subhead is that subhead's other half (热门景区怎样预约？ / 门票退改有哪些规定).
    """
    apart = 1 if page.blank_separated else 0
    for i in range(1, len(units) - 1):
        unit = units[i]
        if kinds[i] != "paragraph" or not _is_short_question(unit.text):
            continue
        if ends_mid_sentence(units[i - 1].text) and kinds[i - 1] != "heading":
            continue
        if _beside_subhead(units, kinds, i):
            kinds[i] = "heading"
            continue
        if not page.indents or unit.indent or min(unit.gap, units[i + 1].gap) < apart:
            continue
        if units[i + 1].indent:  # the text below runs on without indent otherwise
            kinds[i] = "heading"


def _is_short_question(text: str) -> bool:
    """Say whether a line is one short question (no stop before its ？), not an interviewer's."""
    core = text.strip()
    return (
        len(core) <= HEADING_MAX
        and core[-1] in "？?"
        and not any(ch in _SENTENCE_STOPS for ch in core[:-1])
        and not _INTERVIEWER.match(core)
        and not dateline_prefix(core)
    )


def _beside_subhead(units: list[Unit], kinds: list[str], i: int) -> bool:
    """Say whether line i stands right above or below a subhead, set like it (no wide gap)."""
    above = kinds[i - 1] == "heading" and i >= 2 and units[i].gap < WIDE_GAP
    below = kinds[i + 1] == "heading" and units[i + 1].gap < WIDE_GAP
    if above and kinds[i - 2] in ("heading", "deck", "author"):
        above = False  # the line under an article's titles is no subhead's half
    if below and i + 2 < len(units) and kinds[i + 2] in ("deck", "author", "dateline"):
        below = False  # the title below heads an article
    return above or below


def build_pieces(
    units: list[Unit],
    kinds: list[str],
    marks: dict[int, str],
    joins: dict[int, bool],
    page: Page,
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
        forced = mark if mark in ("headline", "section", "subhead", "kicker") else None
        piece = Piece(kind, [unit], forced=forced)
        pieces.append(piece)
        if kind in ("paragraph", "dateline"):
            _rejoin(piece, i, (units, kinds, used, page), (marks, joins), pieces)
    return pieces


def _add_figure_unit(pieces: list[Piece], unit: Unit, kind: str) -> Piece:
    last = pieces[-1] if pieces else None
    # A credit closes its figure: whatever follows one starts a new figure.
    if last is None or last.kind != "figure" or last.credit_units:
        last = Piece("figure", [])
        pieces.append(last)
    last.units.append(unit)
    if kind == "credit":
        last.credit_units.append(unit)
    return last


def _rejoin(piece, i, state, fixes, pieces) -> None:
    """Extend a paragraph that stops mid-sentence with the next text line."""
    units, kinds, used, page = state
    marks, joins = fixes
    current = i
    while _wants_join(units[current], joins):
        j = current + 1
        skipped = []
        while j < len(units) and _skippable(units, kinds, j, marks, page):
            skipped.append(j)
            j += 1
        if j >= len(units) or not _continues(units, kinds, j, joins, units[current], page):
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


def _skippable(units, kinds, j, marks, page: Page) -> bool:
    """Say whether unit j is a caption laid out inside a broken paragraph."""
    if kinds[j] in ("caption", "credit"):
        return True
    # A short finished statement between two halves of a sentence is the
    # sentence's own tail, unless it stands apart: after a wide gap, or with an
    # indent while the line after it runs on without one.
    nxt, unit = j + 1, units[j]
    if not (
        kinds[j] == "paragraph"
        and is_caption_like(unit.text)
        and nxt < len(units)
        and kinds[nxt] in ("paragraph", "caption", "credit")
        and unit.line not in marks
    ):
        return False
    if page.indents:
        return unit.indent and not units[nxt].indent
    return unit.gap >= WIDE_GAP


def _is_prose(text: str) -> bool:
    """Say whether a line is running prose (it has a clause inside or ends on a comma), no title."""
    core = text.rstrip()
    return core[-1] in _CLAUSE_BREAKS or any(ch in _PROSE_STOPS for ch in core)


def _continues(units, kinds, j, joins, previous: Unit, page: Page) -> bool:
    if joins.get(previous.line):
        return True
    unit = units[j]
    if page.separated and unit.gap >= WIDE_GAP:
        return False
    if page.indents:
        if unit.indent:
            # A new paragraph starts indented, but not after running prose that
            # stopped mid-sentence: a copy that indents the tail still continues it.
            return kinds[j] == "paragraph" and _is_prose(previous.text)
        return kinds[j] in ("paragraph", "heading")
    # No title follows a comma: a title-shaped line there is the sentence's next line.
    after_comma = kinds[j] == "heading" and previous.text.rstrip()[-1] in _CLAUSE_BREAKS
    return kinds[j] == "paragraph" or after_comma


__all__ = [
    "Page",
    "Piece",
    "Unit",
    "build_pieces",
    "classify",
    "dateline_prefix",
    "ends_mid_sentence",
    "is_caption_like",
    "is_credit",
    "is_heading",
    "read_page",
    "read_units",
    "split_credits",
]
