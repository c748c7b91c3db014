"""Recover an issue's structure: articles, headings, paragraphs, figures, sentences.

The pieces of a page (``layout``) are segmented into articles in one pass, a
small state machine whose state is the current article and the most recent
feature (docs/structure.md has the full story):

- On a page that separates articles by two or more blank lines, a title line
  after such a gap starts an article; everything up to the next one is its
  body (subheads, author lines of its parts, sidebars, figures, furniture).
- On a page without such gaps, a title line starts an article when its header
  goes on to a deck, an author line or a dateline (a few title lines at most
  in between); a short label a blank line above such a headline is its
  section. Any other title line is a subhead: inside a feature (an article
  without a dateline) of that feature; after a news item it closes the news
  item and continues the most recent feature.
- The header (``headers``) is read where the article starts: kicker,
  headline, deck, author lines, dateline.
Figures go to the article they are laid out in; on a page without wide gaps a
figure standing right above the next headline goes with the article below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zhreader.model import Article, Block, Edition, Notice, Sentence, SourceInfo
from zhreader.pipeline.inbox import display_name
from zhreader.pipeline.structure.bylines import trailing_credit
from zhreader.pipeline.structure.conventions import (
    author_names,
    closing_names,
    dateline_prefix,
    is_caption_opening,
    is_furniture,
    is_picture_story_title,
    is_sidebar_label,
    is_source_line,
    read_dateline,
)
from zhreader.pipeline.structure.fixes import apply_moves, preview, resolve_fixes
from zhreader.pipeline.structure.headers import (
    Header,
    header_names,
    is_name_line,
    is_title,
    read_header,
    text_of,
)
from zhreader.pipeline.structure.ingest import SourceText, split_lines
from zhreader.pipeline.structure.layout import (
    SECTION_MAX,
    WIDE_GAP,
    Page,
    Piece,
    build_pieces,
    classify,
    is_heading,
    read_page,
    read_units,
    split_credits,
)
from zhreader.pipeline.structure.sentences import split_sentences
from zhreader.pipeline.structure.sidecar import Sidecar

NOTICE_CODE = "structure-doubt"


@dataclass
class DraftBlock:
    kind: str  # paragraph, subhead, figure
    lines: tuple[int, ...]
    text: str = ""
    piece: Piece | None = None  # figures keep their units to tell captions from credits
    names: tuple[str, ...] = ()  # an author line inside the article names writers


@dataclass
class Draft:
    """An article while it is being assembled."""

    headline: str
    line: int
    section: str | None = None
    deck: str | None = None
    dateline: str | None = None
    heading_lines: set[int] = field(default_factory=set)
    blocks: list[DraftBlock] = field(default_factory=list)
    kicker: str | None = None
    byline_line: str | None = None
    names: list[str] = field(default_factory=list)  # writers named in the header
    label_pieces: list[Piece] = field(default_factory=list)  # its title lines, in page order


def _only_titles(draft: Draft) -> bool:
    """Say whether an article is title lines only (no text, author line, dateline or label).

    A title the sidecar marked as a headline stays an article, text or not.
    """
    if any(piece.forced == "headline" for piece in draft.label_pieces):
        return False
    return (
        not draft.blocks
        and draft.dateline is None
        and draft.byline_line is None
        and draft.section is None
    )


def recover_structure(source: SourceText, sidecar: Sidecar | None) -> tuple[Edition, list[str]]:
    """Build the edition's articles; return it with the messages (sidecar fixes, then doubts)."""
    units = read_units(split_lines(source.text))
    fixes = resolve_fixes(units, sidecar)
    page = read_page(units)
    units, split = split_credits(units)
    kinds = classify(units, fixes.marks, page, frozenset(split))
    pieces = build_pieces(units, kinds, fixes.marks, fixes.joins, page)
    drafts, doubts = assemble(pieces, page)
    doubts = sorted(layout_doubts(pieces) + doubts, key=_line_of)
    messages = list(fixes.messages)
    messages += apply_moves(drafts, fixes.moves, sidecar)
    articles = tuple(_finish(draft, n) for n, draft in enumerate(drafts, start=1))
    name = display_name(source.path.name)
    notices = tuple(Notice(NOTICE_CODE, f"{name}:{text}") for text in doubts)
    messages += [notice.message for notice in notices]
    edition = Edition(
        title=_title(articles, sidecar),
        source=SourceInfo(
            file=display_name(source.path.name), sha256=source.sha256, encoding=source.encoding
        ),
        articles=articles,
        date=sidecar.date if sidecar else None,
        paper=sidecar.paper if sidecar else None,
        page=sidecar.page if sidecar else None,
        removed_characters=source.removed,
        notices=notices,
    )
    return edition, messages


# --- doubts: decisions an editor may want to check ----------------------------


def layout_doubts(pieces: list[Piece]) -> list[str]:
    """Return the layout decisions that rest on weak evidence, each naming its line."""
    doubts = []
    for piece in pieces:
        if piece.kind == "figure" and piece.in_paragraph and not piece.credit_units:
            unit = piece.units[0]
            # 图为… or a chart's source line (数据来源：…) confirms a figure.
            confirmed = any(
                is_caption_opening(u.text) or is_source_line(u.text) for u in piece.units
            )
            if not confirmed:
                doubts.append(
                    f"{unit.line}: {preview(unit.text)} read as a photo caption set inside a "
                    'broken paragraph (a sidecar fix action = "paragraph" makes it the '
                    "sentence's tail)"
                )
        if piece.kind != "paragraph" or len(piece.units) < 2:
            continue
        # A paragraph that opens with a subhead-like line joined to the next on the
        # evidence of a missing blank line alone (a missing indent is strong).
        unit, nxt = piece.units[0], piece.units[1]
        if is_heading(unit.text) and not (unit.indent and not nxt.indent):
            doubts.append(
                f"{unit.line}: {preview(unit.text)} looks like a subhead but was read as "
                f'running on into line {nxt.line} (a sidecar fix action = "separate" '
                "keeps them apart)"
            )
    return doubts


def _line_of(doubt: str) -> int:
    return int(doubt.split(":", 1)[0])


# --- assembling articles from pieces -----------------------------------------


def assemble(pieces: list[Piece], page: Page | None = None) -> tuple[list[Draft], list[str]]:
    """Turn the pieces of a page into articles; return them with the doubts met on the way."""
    page = page or Page(indents=False, blank_separated=True, separated=False)
    drafts: list[Draft] = []
    doubts: list[str] = []
    current: Draft | None = None
    feature: Draft | None = None  # the most recent article without a dateline
    pending: list[DraftBlock] = []  # figures waiting for the article below them
    labels: list[Piece] = []  # page headers and furniture waiting for the article below them
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        end = _article_start(pieces, i, page, current, feature)
        if end is not None:
            if current is not None and page.separated and _only_titles(current):
                # A title with no text of its own (a page header, a column label)
                # labels the article below it.
                drafts.pop()
                labels = current.label_pieces
                line = current.label_pieces[0].line
                doubts.append(
                    f"{line}: {preview(current.headline)} has no text of its own and was read "
                    "as the section label of the article below (a sidecar fix action = "
                    '"headline" keeps it an article)'
                )
                feature = None if feature is current else feature
            header, i = read_header(pieces, i, page, end or None)
            current = _draft(header, pending, labels)
            doubts += [f"{line}: {text}" for line, text in header.notices]
            drafts.append(current)
            pending, labels = [], []
            if current.dateline is None:
                feature = current
            continue
        if current is None and piece.kind == "paragraph" and is_furniture(piece.text()):
            labels.append(piece)  # a page header line above the first article
            i += 1
            continue
        if piece.kind == "figure":
            block = _figure(piece)
            below = (
                not page.separated
                and not piece.in_paragraph
                and _figure_goes_below(pieces, i, page)
            )
            if current is None or below:
                pending.append(block)
            else:
                current.blocks.append(block)
        elif piece.kind == "heading":
            in_box = _is_sidebar_piece(piece) or (i > 0 and _is_sidebar_piece(pieces[i - 1]))
            if not page.separated and current.dateline is not None and feature is not None:
                current = current if in_box else feature  # a box stays with its article
            current.blocks.append(DraftBlock("subhead", _lines(piece), piece.text()))
        elif current is None:
            current = _headless_article(piece, pending)
            if labels:
                current.section = text_of(labels)
                current.heading_lines |= {u.line for p in labels for u in p.units}
            drafts.append(current)
            feature, pending, labels = current, [], []
        else:
            names = author_names(piece.text()) if piece.kind == "author" else ()
            current.blocks.append(DraftBlock("paragraph", _lines(piece), piece.text(), names=names))
        i += 1
    if pending:
        _place_leftover_figures(drafts, pending)
    for piece in labels:  # furniture and nothing else: it heads its own article
        drafts.append(_headless_article(piece, []))
    return drafts, doubts


def _article_start(pieces, i, page: Page, current, feature) -> int | None:
    """Say whether an article starts at ``i``: None if not, else where its titles end (0: read on).

    A page with wide gaps starts articles after them; elsewhere a header must
    lead to a deck, author line or dateline (``heading_role``).
    """
    piece = pieces[i]
    if piece.forced in ("headline", "section", "kicker"):
        return 0 if piece.forced != "section" else _section_end(pieces, i)
    if piece.kind != "heading" or piece.forced == "subhead":
        return None
    if current is not None and is_sidebar_label(piece.text()):
        return None  # a 链接 box or an editor's note belongs to the article around it
    if current is not None and i and _is_sidebar_piece(pieces[i - 1]):
        return None  # the box's own title (its dateline may follow) stays in the box
    if page.separated:
        return 0 if current is None or piece.gap >= WIDE_GAP else None
    if is_picture_story_title(piece.text()):
        return 0  # 图片报道 heads its photo, never a subhead of the story above
    role = heading_role(pieces, i)
    if role == "section":
        return _section_end(pieces, i)
    if role == "headline":
        return _titles_end(pieces, i)
    if role == "subhead" and _opens_feature(current, feature):
        return 0
    return None


def _is_sidebar_piece(piece: Piece) -> bool:
    return piece.kind == "heading" and is_sidebar_label(piece.text())


def _opens_feature(current: Draft | None, feature: Draft | None) -> bool:
    """Say whether a subhead-like line must head a new article (nothing it can continue)."""
    return current is None or (current.dateline is not None and feature is None)


# A header's anchor: what shows that the title lines above it head an article.
_ANCHORS = ("deck", "dateline", "author")
_MAX_TITLES = 3


def heading_role(pieces: list[Piece], i: int) -> str:
    """Say whether the heading at ``i`` is a headline, a section label or a subhead."""
    piece = pieces[i]
    if piece.forced is not None:
        return piece.forced
    end = _titles_end(pieces, i)
    if end is None:
        return "subhead"
    titles = end - i
    if titles == 2 and pieces[i + 1].gap >= 1 and pieces[i + 1].kind == "heading":
        first, second = piece.text(), pieces[i + 1].text()
        if len(first) <= SECTION_MAX and len(first) <= 0.6 * len(second):
            return "section"
    return "headline"


def _titles_end(pieces: list[Piece], i: int) -> int | None:
    """Return the index after the title lines from ``i`` when an anchor follows them, else None."""
    j = i + 1
    while j < len(pieces) and j - i <= _MAX_TITLES:
        kind = _kind_at(pieces, j)
        if kind in _ANCHORS or (kind is not None and _is_name_line(pieces, j)):
            if kind == "deck":
                # The deck is a title line (printed over more lines when they follow unbroken).
                j += 1
                while j < len(pieces) and pieces[j].gap == 0 and is_title(pieces[j]):
                    j += 1
                return j
            return j if j > i else None
        if kind != "heading" or pieces[j].gap > 1 or pieces[j].forced == "subhead":
            break
        j += 1
    # Two or more title lines set without a blank between them head an article.
    if j - i >= 2 and all(pieces[k].gap == 0 for k in range(i + 1, j)):
        return j
    return None


def _is_name_line(pieces: list[Piece], j: int) -> bool:
    """Say whether the piece is a line of names only (an author line by its place)."""
    piece = pieces[j]
    return piece.kind in ("heading", "paragraph") and piece.gap <= 1 and is_name_line(piece.text())


def _section_end(pieces: list[Piece], i: int) -> int:
    end = _titles_end(pieces, i + 1) if i + 1 < len(pieces) else None
    pieces[i].forced = pieces[i].forced or "section"
    return end if end is not None else min(i + 2, len(pieces))


def _kind_at(pieces: list[Piece], i: int) -> str | None:
    return pieces[i].kind if i < len(pieces) else None


def _draft(header: Header, pending: list[DraftBlock], labels: list[Piece]) -> Draft:
    """Turn a header into a new article, figures waiting above it first."""
    draft = Draft(headline=text_of(header.headline) or "", line=header.line)
    section = [*labels, *([header.section] if header.section is not None else [])]
    draft.heading_lines = header.lines() | {u.line for p in labels for u in p.units}
    draft.section = text_of(section)
    draft.label_pieces = [*section, *header.kicker, *header.headline, *header.deck]
    draft.kicker = text_of(header.kicker)
    draft.deck = text_of(header.deck)
    draft.byline_line = text_of(header.authors)
    draft.names = header_names(header)
    if header.dateline is not None:
        _open_news(draft, header.dateline)
    _insert_pending(draft, pending)
    return draft


def _open_news(draft: Draft, piece: Piece) -> None:
    """Split a news opening into its dateline and the first paragraph."""
    text = piece.text()
    prefix = dateline_prefix(text) or ""
    draft.dateline = prefix
    rest = text[len(prefix) :]
    if rest.strip():
        draft.blocks.append(DraftBlock("paragraph", _lines(piece), rest))
    else:
        draft.heading_lines.add(piece.line)


def _insert_pending(draft: Draft, pending: list[DraftBlock]) -> None:
    # A news item's dateline opens its first paragraph, so its photo goes after that paragraph.
    at = 1 if draft.dateline is not None and draft.blocks else 0
    draft.blocks[at:at] = pending


def _figure_goes_below(pieces: list[Piece], i: int, page: Page) -> bool:
    """Say whether the figures from ``i`` on stand right above a new article."""
    while i < len(pieces) and pieces[i].kind == "figure":
        i += 1
    return (
        i < len(pieces)
        and pieces[i].kind == "heading"
        and _article_start(pieces, i, page, None, None) is not None
        and heading_role(pieces, i) != "subhead"
    )


def _headless_article(piece: Piece, pending: list[DraftBlock]) -> Draft:
    """Start an article for text that comes before any heading: its first sentence heads it."""
    text = piece.text()
    first = split_sentences(text)[0]
    draft = Draft(headline=first.strip(), line=piece.line)
    draft.heading_lines.add(piece.line)
    rest = text[len(first) :]
    if rest.strip():
        draft.blocks.append(DraftBlock("paragraph", _lines(piece), rest))
    _insert_pending(draft, pending)
    return draft


def _place_leftover_figures(drafts: list[Draft], pending: list[DraftBlock]) -> None:
    if drafts:
        drafts[-1].blocks.extend(pending)
        return
    # Only figures in the whole input: the first caption line heads the article.
    first = pending[0].piece
    unit = first.units[0]
    draft = Draft(headline=unit.text, line=unit.line, heading_lines={unit.line})
    rest = Piece("figure", first.units[1:], credit_units=first.credit_units)
    if rest.units:
        draft.blocks.append(_figure(rest))
    draft.blocks.extend(pending[1:])
    drafts.append(draft)


def _figure(piece: Piece) -> DraftBlock:
    return DraftBlock("figure", _lines(piece), piece=piece)


def _lines(piece: Piece) -> tuple[int, ...]:
    return tuple(unit.line for unit in piece.units)


# --- the finished model -----------------------------------------------------


def _finish(draft: Draft, number: int) -> Article:
    aid = f"a{number}"
    blocks = tuple(_block(b, f"{aid}-p{k}") for k, b in enumerate(draft.blocks, start=1))
    data = read_dateline(draft.dateline) if draft.dateline else None
    return Article(
        id=aid,
        headline=Sentence(f"{aid}-h", draft.headline),
        section=Sentence(f"{aid}-sec", draft.section) if draft.section else None,
        deck=Sentence(f"{aid}-d", draft.deck) if draft.deck else None,
        dateline=Sentence(f"{aid}-dl", draft.dateline) if draft.dateline else None,
        bylines=tuple(dict.fromkeys(_bylines(draft))),
        blocks=blocks,
        kicker=Sentence(f"{aid}-k", draft.kicker) if draft.kicker else None,
        byline_line=Sentence(f"{aid}-by", draft.byline_line) if draft.byline_line else None,
        dateline_place=data.place if data else None,
        dateline_date=data.date if data else None,
    )


def _bylines(draft: Draft) -> list[str]:
    """Return the writers in page order: header, then author lines and closing notes."""
    names = list(draft.names)
    for block in draft.blocks:
        if block.kind != "paragraph":
            continue
        names.extend(block.names)
        prefix = dateline_prefix(block.text)
        if prefix:
            names.extend(read_dateline(prefix).names)
        names.extend(closing_names(block.text) or trailing_credit(block.text))
    return names


def _block(draft: DraftBlock, bid: str) -> Block:
    if draft.kind == "subhead":
        return Block(bid, "subhead", (Sentence(f"{bid}-s1", draft.text.strip()),))
    if draft.kind == "paragraph":
        return Block(bid, "paragraph", _sentences(split_sentences(draft.text), bid))
    piece = draft.piece
    captions = [u.text for u in piece.units if not piece.is_credit_unit(u)]
    credits = [u.text for u in piece.units if piece.is_credit_unit(u)]
    texts = [s for caption in captions for s in split_sentences(caption)]
    credit = Sentence(f"{bid}-c", " ".join(credits)) if credits else None
    return Block(bid, "figure", _sentences(texts, bid), credit)


def _sentences(texts: list[str], bid: str) -> tuple[Sentence, ...]:
    kept = [t.strip() for t in texts if t.strip()]
    return tuple(Sentence(f"{bid}-s{n}", text) for n, text in enumerate(kept, start=1))


def _title(articles: tuple[Article, ...], sidecar: Sidecar | None) -> str:
    if sidecar is not None and sidecar.title:
        return sidecar.title
    return articles[0].headline.zh if articles else ""


__all__ = ["Draft", "DraftBlock", "assemble", "heading_role", "recover_structure"]
