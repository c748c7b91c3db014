"""Recover an issue's structure: articles, headings, paragraphs, figures, sentences.

How a heading line is read (docs/structure.md has the full story):
- followed by a deck (——…) or a dateline (本报讯(…)…): the headline of a new article;
- a short label followed by such a headline: the article's section;
- otherwise a subhead. Inside a feature (an article without a dateline) it is
  the feature's subhead; after a news item it closes the news item and
  continues the most recent feature, because a news item has no subheads.
Figures go to the article they are laid out in; a figure standing between the
end of one article and the next headline goes with the article below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zhreader.pipeline.inbox import display_name
from zhreader.pipeline.structure.bylines import names_in, trailing_credit
from zhreader.pipeline.structure.fixes import apply_moves, resolve_fixes
from zhreader.pipeline.structure.ingest import SourceText, split_lines
from zhreader.pipeline.structure.layout import (
    SECTION_MAX,
    Piece,
    build_pieces,
    classify,
    dateline_prefix,
    read_units,
)
from zhreader.pipeline.structure.sentences import split_sentences
from zhreader.pipeline.structure.sidecar import Sidecar

from zhreader.model import Article, Block, Edition, Sentence, SourceInfo


@dataclass
class DraftBlock:
    kind: str  # paragraph, subhead, figure
    lines: tuple[int, ...]
    text: str = ""
    piece: Piece | None = None  # figures keep their units to tell captions from credits


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


def recover_structure(source: SourceText, sidecar: Sidecar | None) -> tuple[Edition, list[str]]:
    """Build the edition's articles from the source text; return it with the sidecar messages."""
    units = read_units(split_lines(source.text))
    fixes = resolve_fixes(units, sidecar)
    kinds = classify(units, fixes.marks)
    pieces = build_pieces(units, kinds, fixes.marks, fixes.joins)
    drafts = assemble(pieces)
    messages = list(fixes.messages)
    messages += apply_moves(drafts, fixes.moves, sidecar)
    articles = tuple(_finish(draft, n) for n, draft in enumerate(drafts, start=1))
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
    )
    return edition, messages


# --- assembling articles from pieces -----------------------------------------


def assemble(pieces: list[Piece]) -> list[Draft]:
    """Turn the pieces of a page into articles in reading order of their headlines."""
    drafts: list[Draft] = []
    current: Draft | None = None
    feature: Draft | None = None  # the most recent article without a dateline
    pending: list[DraftBlock] = []  # figures waiting for the article below them
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        role = heading_role(pieces, i) if piece.kind == "heading" else None
        if role in ("headline", "section") or (
            role == "subhead" and _opens_feature(current, feature)
        ):
            current, i = _start_article(pieces, i, role == "section", pending)
            drafts.append(current)
            pending = []
            if current.dateline is None:
                feature = current
            continue
        if piece.kind == "figure":
            block = _figure(piece)
            if current is None or (not piece.in_paragraph and _figure_goes_below(pieces, i)):
                pending.append(block)
            else:
                current.blocks.append(block)
        elif role == "subhead":
            if current.dateline is not None and feature is not None:
                current = feature
            current.blocks.append(DraftBlock("subhead", _lines(piece), piece.text()))
        elif current is None:
            current = _headless_article(piece, pending)
            drafts.append(current)
            feature, pending = current, []
        else:
            current.blocks.append(DraftBlock("paragraph", _lines(piece), piece.text()))
        i += 1
    if pending:
        _place_leftover_figures(drafts, pending)
    return drafts


def _opens_feature(current: Draft | None, feature: Draft | None) -> bool:
    """Say whether a subhead-like line must head a new article (nothing it can continue)."""
    return current is None or (current.dateline is not None and feature is None)


def heading_role(pieces: list[Piece], i: int) -> str:
    """Say whether the heading at ``i`` is a headline, a section label or a subhead."""
    piece = pieces[i]
    if piece.forced is not None:
        return piece.forced
    nxt = _kind_at(pieces, i + 1)
    if nxt in ("deck", "dateline"):
        return "headline"
    if nxt == "heading" and len(piece.text()) <= SECTION_MAX:
        after = pieces[i + 1]
        if after.forced == "headline" or (
            after.forced is None and _kind_at(pieces, i + 2) in ("deck", "dateline")
        ):
            return "section"
    return "subhead"


def _kind_at(pieces: list[Piece], i: int) -> str | None:
    return pieces[i].kind if i < len(pieces) else None


def _start_article(pieces, i, has_section, pending) -> tuple[Draft, int]:
    """Read section, headline, deck and dateline from ``i``; return the draft and the next index."""
    section = None
    if has_section and _kind_at(pieces, i + 1) is not None:
        section = pieces[i]
        i += 1
    headline = pieces[i]
    draft = Draft(headline=headline.text(), line=headline.line)
    draft.heading_lines.add(headline.line)
    if section is not None:
        draft.section = section.text()
        draft.heading_lines.add(section.line)
    i += 1
    if _kind_at(pieces, i) == "deck":
        draft.deck = pieces[i].text()
        draft.heading_lines.add(pieces[i].line)
        i += 1
    if _kind_at(pieces, i) == "dateline":
        _open_news(draft, pieces[i])
        i += 1
    _insert_pending(draft, pending)
    return draft, i


def _open_news(draft: Draft, piece: Piece) -> None:
    """Split a news opening into its dateline and the first paragraph."""
    text = piece.text()
    prefix = dateline_prefix(text) or ""
    draft.dateline = prefix
    draft.heading_lines.add(piece.line)
    rest = text[len(prefix) :]
    if rest.strip():
        draft.blocks.append(DraftBlock("paragraph", _lines(piece), rest))


def _insert_pending(draft: Draft, pending: list[DraftBlock]) -> None:
    # A news item's dateline opens its first paragraph, so its photo goes after that paragraph.
    at = 1 if draft.dateline is not None and draft.blocks else 0
    draft.blocks[at:at] = pending


def _figure_goes_below(pieces: list[Piece], i: int) -> bool:
    """Say whether the figures from ``i`` on stand right above a new article."""
    while i < len(pieces) and pieces[i].kind == "figure":
        i += 1
    return i < len(pieces) and pieces[i].kind == "heading" and heading_role(pieces, i) != "subhead"


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
    rest = Piece("figure", first.units[1:], credit_lines=first.credit_lines)
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
    bylines = list(names_in(_inside_brackets(draft.dateline))) if draft.dateline else []
    for block in draft.blocks:
        if block.kind == "paragraph":
            bylines.extend(trailing_credit(block.text))
    return Article(
        id=aid,
        headline=Sentence(f"{aid}-h", draft.headline),
        section=Sentence(f"{aid}-sec", draft.section) if draft.section else None,
        deck=Sentence(f"{aid}-d", draft.deck) if draft.deck else None,
        dateline=Sentence(f"{aid}-dl", draft.dateline) if draft.dateline else None,
        bylines=tuple(dict.fromkeys(bylines)),
        blocks=blocks,
    )


def _block(draft: DraftBlock, bid: str) -> Block:
    if draft.kind == "subhead":
        return Block(bid, "subhead", (Sentence(f"{bid}-s1", draft.text.strip()),))
    if draft.kind == "paragraph":
        return Block(bid, "paragraph", _sentences(split_sentences(draft.text), bid))
    piece = draft.piece
    captions = [u.text for u in piece.units if u.line not in piece.credit_lines]
    credits = [u.text for u in piece.units if u.line in piece.credit_lines]
    texts = [s for caption in captions for s in split_sentences(caption)]
    credit = Sentence(f"{bid}-c", " ".join(credits)) if credits else None
    return Block(bid, "figure", _sentences(texts, bid), credit)


def _sentences(texts: list[str], bid: str) -> tuple[Sentence, ...]:
    kept = [t.strip() for t in texts if t.strip()]
    return tuple(Sentence(f"{bid}-s{n}", text) for n, text in enumerate(kept, start=1))


def _inside_brackets(dateline: str) -> str:
    start = max(dateline.find("("), dateline.find("（"))
    return dateline[start + 1 : -1] if start >= 0 and dateline[-1] in ")）" else ""


def _title(articles: tuple[Article, ...], sidecar: Sidecar | None) -> str:
    if sidecar is not None and sidecar.title:
        return sidecar.title
    return articles[0].headline.zh if articles else ""


__all__ = ["Draft", "DraftBlock", "assemble", "heading_role", "recover_structure"]
