"""Read an article's header: kicker, headline, deck, author lines and dateline.

A header is the run of title lines at the top of an article (kicker 引题,
headline 主题, deck 副题), then the author lines, then the dateline that opens
the first paragraph. Which title line is which is decided by scoring what a
reader sees: dashes (——deck, kicker——), a kicker's closing verb of saying
(…上强调), a headline's column label (（走基层）), a headline printed over two
lines (the first runs on), and the relative length of the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zhreader.han import HAN_CLASS
from zhreader.pipeline.structure.conventions import (
    author_names,
    dateline_prefix,
    is_bare_name_line,
    is_role_only,
    is_sidebar_label,
    read_dateline,
)
from zhreader.pipeline.structure.layout import Page, Piece
from zhreader.pipeline.structure.layout_words import alternation

# A kicker often reports who spoke (王某在…会上强调) and ends on the verb.
_SAYING = re.compile(rf"{alternation('saying')}$")
# A headline under a kicker often opens with the verb of a policy (推动…, 全面深化…).
_POLICY_VERB = re.compile(rf"^{alternation('policy_verb')}")
# A column label closes a headline: （走基层）, （民生视点）.
_LABEL = re.compile(r"[（(][^（）()]{1,16}[）)]$")
# A kicker sets the scene of the news: its time (截至6月底, 入汛以来), its event
# (全国游泳冠军赛) or its place (湖北宜昌); a deck may close on its genre (…纪实).
_TIME_OPENING = re.compile(rf"^{alternation('time_opening')}")
_TIME_CLOSING = re.compile(rf"{alternation('time_closing')}$")
# An event named alone (全国游泳冠军赛); with its stage (…开幕) it may be a headline.
_EVENT = re.compile(rf"{alternation('event')}$")
_PLACE_ONLY = re.compile(rf"^{alternation('region')}[{HAN_CLASS}]{{0,3}}$")
_GENRE = re.compile(rf"{alternation('deck_genre')}$")
_DECK_OPENING = re.compile(rf"^{alternation('deck_opening')}")
# The headline carries the group's catchword in quotes (东北虎“安家”) and is
# often set as two parallel halves (节水护河  人人有责); kickers and decks inform plainly.
_CATCHWORD = re.compile(r"“[^“”]{1,12}”")
_HALVES = re.compile(r"[^\s\u3000][\s\u3000]+[^\s\u3000]")
# A time phrase alone is short (截至6月底, 今年前5个月); 今年夏粮再获丰收 is news.
SCENE_MAX = 7
_KICKER_ENDS = ("——", "……", "：", ":")
_QUOTED = re.compile(r"^[“「『][^“”]*[”」』]$")
# A two-character name set with spaces between its characters: 苇  岸.
_SPACED_NAME = re.compile(rf"^[{HAN_CLASS}][ \u3000]{{1,4}}[{HAN_CLASS}]$")
SHORT_RATIO = 0.6
NAME_LINE_MAX = 24
# A header has at most a kicker, a headline over two lines and a deck over two.
MAX_TITLES = 6


@dataclass
class Header:
    """An article's header as read from the page."""

    headline: list[Piece]
    line: int
    section: Piece | None = None
    kicker: list[Piece] = field(default_factory=list)
    deck: list[Piece] = field(default_factory=list)
    authors: list[Piece] = field(default_factory=list)
    dateline: Piece | None = None
    notices: list[tuple[int, str]] = field(default_factory=list)

    def lines(self) -> set[int]:
        parts = [*self.kicker, *self.headline, *self.deck, *self.authors]
        if self.section is not None:
            parts.append(self.section)
        if self.dateline is not None:
            parts.append(self.dateline)
        return {unit.line for piece in parts for unit in piece.units}


def text_of(pieces: list[Piece]) -> str | None:
    """Return the pieces' text as one field (a title printed over two lines is one)."""
    return "".join(p.text() for p in pieces) or None


def is_title(piece: Piece) -> bool:
    """Say whether a piece can be a header's title line (kicker, headline or deck)."""
    return piece.kind in ("heading", "deck") and not is_name_line(piece.text())


def is_name_line(text: str) -> bool:
    """Say whether a line holds only writers' names (周明远; 晓风　李明; 何  川  孙  丽).

    One name alone must have a known surname, unless it is a two-character
    name set with spaces between its characters (苇  岸): papers space out
    writers' names, never titles. With two or more names, one whose surname
    the tables lack passes beside a known one.
    """
    if len(text) > NAME_LINE_MAX:
        return False
    if is_bare_name_line(text):
        return True
    several = len(text.split()) >= 2
    return (several and bool(author_names(text, lenient=True))) or _is_spaced_name(text)


def _is_spaced_name(text: str) -> bool:
    core = text.strip()
    return bool(_SPACED_NAME.match(core)) and not is_sidebar_label("".join(core.split()))


def read_header(
    pieces: list[Piece], i: int, page: Page, end: int | None = None
) -> tuple[Header, int]:
    """Read the header that starts at ``i``; return it and the index after it.

    ``end`` bounds the title lines when the caller already found them (a page
    without wide gaps, where title lines may stand a blank line apart).
    """
    titles = [pieces[i]]
    j = i + 1
    limit = end if end is not None else len(pieces)
    while (
        j < limit
        and len(titles) < MAX_TITLES
        and is_title(pieces[j])
        and pieces[j].forced != "subhead"
    ):
        if end is None and pieces[j].gap > 0:
            break
        titles.append(pieces[j])
        j += 1
    header = _assign_titles(titles, page)
    j = _read_authors(pieces, j, header)
    if j < len(pieces) and pieces[j].kind == "dateline" and pieces[j].gap <= 1:
        header.dateline = pieces[j]
        j += 1
    return header, j


def _assign_titles(titles: list[Piece], page: Page) -> Header:
    """Tell the title lines apart: section, kicker, headline, deck."""
    forced = {p.forced for p in titles}
    if "section" in forced and len(titles) > 1:
        header = _assign_titles(titles[1:], page)
        header.section = titles[0]
        return header
    # Kicker, headline and deck keep the page's order: from the first dash line
    # (——deck) on, every title line belongs to the deck.
    first_deck = next(
        (k for k, p in enumerate(titles) if p.kind == "deck" or p.forced == "deck"), len(titles)
    )
    heads, decks = _merge_run_on(titles[:first_deck]), titles[first_deck:]
    if not heads:  # only dash lines: the first is the headline
        heads, decks = [[decks[0]]], decks[1:]
    header = Header(headline=heads[0], line=heads[0][0].line)
    if len(heads) == 1:
        header.deck = decks
        return header
    kicker_at = next((k for k, h in enumerate(heads) if h[0].forced == "kicker"), None)
    if kicker_at is None:
        kicker_at = _kicker_index(heads, page, header)
    if kicker_at is not None and kicker_at + 1 == len(heads):
        kicker_at -= 1  # the last title line left is the headline
    if kicker_at is not None and kicker_at >= 0:
        header.kicker = [p for h in heads[: kicker_at + 1] for p in h]
        rest = heads[kicker_at + 1 :]
    else:
        rest = heads
    header.headline, extra = rest[0], rest[1:]
    header.line = header.headline[0].line
    header.deck = [p for h in extra for p in h] + decks
    return header


def _kicker_index(heads: list[list[Piece]], page: Page, header: Header) -> int | None:
    """Return the index of the kicker among two or more title lines, or None."""
    first, second = _text(heads[0]), _text(heads[1])
    if first.endswith(_KICKER_ENDS):
        return 0
    if len(heads) >= 3:
        return 0
    # The main headline is the title set in type so large it runs over two lines.
    if len(heads[0]) > 1:
        return None
    if len(heads[1]) > 1:
        return 0
    score = _kicker_score(first, second)
    if score == 0:
        line = heads[1][0].line
        header.notices.append(
            (
                line,
                f"{_preview(second)} read as the deck under {_preview(first)}; it could be "
                f'the headline under a kicker (a sidecar fix action = "kicker" on line '
                f"{heads[0][0].line} says so)",
            )
        )
    return 0 if score > 0 else None


def _kicker_score(first: str, second: str) -> int:
    """Score two title lines: above zero the first is a kicker, below it the second is a deck."""
    score = 0
    if _SAYING.search(first):
        score += 2
    if _LABEL.search(second):
        score += 2
    if _LABEL.search(first):
        score -= 2
    if _POLICY_VERB.match(second):
        score += 1
    if _QUOTED.match(first) and not _QUOTED.match(second):
        score += 1  # a quotation above a headline is its kicker
    if len(first) <= SHORT_RATIO * len(second):
        score += 1
    if len(second) <= SHORT_RATIO * len(first):
        score -= 1
    score += _scene_score(first)
    if _GENRE.search(second):
        score -= 2  # ——…纪实 without its dashes
    if _DECK_OPENING.match(second):
        score -= 1  # 将…, 较去年…: the deck goes on with the headline's subject
    score += _headline_marks(second) - _headline_marks(first)
    return score


def _headline_marks(text: str) -> int:
    """Count what marks a title as the main headline: a quoted catchword, two parallel halves."""
    core = text.strip()
    catchword = not _QUOTED.match(core) and bool(_CATCHWORD.search(core))
    return int(catchword) + int(bool(_HALVES.search(core)))


def _scene_score(text: str) -> int:
    """Score a title that only names the time, place or event of the news (a kicker's job).

    A time phrase or a region alone scores 2; a line ending on an event scores
    1, since a headline may also end on one (中国女排挺进世界杯).
    """
    core = "".join(text.split())
    if _TIME_CLOSING.search(core) or _PLACE_ONLY.match(core):
        return 2
    if len(core) <= SCENE_MAX and _TIME_OPENING.match(core):
        return 2
    return 1 if _EVENT.search(core) else 0


def _merge_run_on(heads: list[Piece]) -> list[list[Piece]]:
    """Group title lines into titles: a line that runs on continues on the next one."""
    out: list[list[Piece]] = []
    for piece in heads:
        if out and out[-1][-1].units[-1].runs_on and piece.units[0].indent:
            out[-1].append(piece)
        else:
            out.append([piece])
    return out


def _read_authors(pieces: list[Piece], j: int, header: Header) -> int:
    """Take the author lines under the titles (a role alone on a line takes the next line too)."""
    while j < len(pieces) and pieces[j].gap <= 1:
        piece = pieces[j]
        text = piece.text()
        by_shape = piece.kind == "author"
        by_place = (
            not header.authors and piece.kind in ("heading", "paragraph") and is_name_line(text)
        )
        after_role = bool(header.authors) and is_role_only(header.authors[-1].text())
        if not (by_shape or by_place or (after_role and author_names(text, lenient=True))):
            break
        if dateline_prefix(text):
            break
        header.authors.append(piece)
        j += 1
    return j


def header_names(header: Header) -> list[str]:
    """Return the writers the header names: author lines, then the dateline's bracket."""
    names: list[str] = []
    if header.authors:
        text = text_of(header.authors)
        spaced = ("".join(text.split()),) if _is_spaced_name(text) else ()
        names.extend(author_names(text, lenient=True) or spaced)
    if header.dateline is not None:
        prefix = dateline_prefix(header.dateline.text()) or ""
        names.extend(read_dateline(prefix).names)
    return names


def _text(pieces: list[Piece]) -> str:
    return "".join(p.text() for p in pieces)


def _preview(text: str) -> str:
    return text if len(text) <= 12 else text[:12] + "…"


__all__ = ["Header", "header_names", "is_name_line", "is_title", "read_header", "text_of"]
