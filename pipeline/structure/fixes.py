"""Apply a sidecar's structure fixes: find each fix's line, then mark, join or move.

A fix that matches no line (or more than one) is an error, never ignored:
an editor who wrote it expects it to act.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from zhreader.pipeline.structure.sidecar import MARKS, Fix, Sidecar

if TYPE_CHECKING:
    from zhreader.pipeline.structure.layout import Unit
    from zhreader.pipeline.structure.recover import Draft

PREVIEW = 12


@dataclass
class ResolvedFixes:
    marks: dict[int, str] = field(default_factory=dict)  # line → mark
    joins: dict[int, bool] = field(default_factory=dict)  # line → join with next?
    moves: list[tuple[Fix, int]] = field(default_factory=list)  # (fix, line)
    messages: list[str] = field(default_factory=list)


def resolve_fixes(units: list[Unit], sidecar: Sidecar | None) -> ResolvedFixes:
    """Find the line of every fix; collect marks and joins; keep moves for later."""
    out = ResolvedFixes()
    if sidecar is None:
        return out
    by_line = {unit.line: unit for unit in units}
    for fix in sidecar.fixes:
        line = _find_line(fix, units, by_line, sidecar)
        where = f"sidecar fix {fix.number}: line {line} ({preview(by_line[line].text)})"
        if fix.action in MARKS:
            out.marks[line] = fix.action
            out.messages.append(f"{where} marked as {fix.action}")
        elif fix.action in ("join", "separate"):
            out.joins[line] = fix.action == "join"
            verb = "joined with" if fix.action == "join" else "kept apart from"
            out.messages.append(f"{where} {verb} the next text line")
        else:
            out.moves.append((fix, line))
    return out


def apply_moves(
    drafts: list[Draft], moves: list[tuple[Fix, int]], sidecar: Sidecar | None
) -> list[str]:
    """Move the blocks the sidecar names to their articles; return a message for each."""
    messages = []
    for fix, line in moves:
        source, index = _block_at(drafts, line, fix, sidecar)
        target = _target(drafts, fix, sidecar)
        block = source.blocks.pop(index)
        _insert_in_order(target, block)
        a, b = drafts.index(source) + 1, drafts.index(target) + 1
        messages.append(
            f"sidecar fix {fix.number}: moved the {block.kind} at line {line} from "
            f"a{a} ({preview(source.headline)}) to a{b} ({preview(target.headline)})"
        )
    return messages


def preview(text: str) -> str:
    """Return the opening of a line for messages."""
    return text if len(text) <= PREVIEW else text[:PREVIEW] + "…"


def _find_line(fix: Fix, units: list[Unit], by_line: dict, sidecar: Sidecar) -> int:
    if fix.line is not None:
        if fix.line not in by_line:
            raise sidecar.error(f"line {fix.line} of the input is blank or past its end", fix)
        return fix.line
    found = [unit.line for unit in units if unit.text.startswith(fix.text)]
    if not found:
        raise sidecar.error(
            f"no input line starts with {fix.text!r}", fix, "check the text or use line = N"
        )
    if len(found) > 1:
        lines = ", ".join(map(str, found[:5]))
        raise sidecar.error(
            f"{fix.text!r} starts lines {lines}", fix, "add more text or use line = N"
        )
    return found[0]


def _block_at(drafts: list[Draft], line: int, fix: Fix, sidecar: Sidecar):
    for draft in drafts:
        if line in draft.heading_lines:
            raise sidecar.error(
                f"line {line} is an article's heading; only paragraphs, subheads and figures move",
                fix,
                "mark it as subhead or paragraph first",
            )
        for index, block in enumerate(draft.blocks):
            if line in block.lines:
                return draft, index
    raise sidecar.error(f"line {line} is not in any block", fix)


def _target(drafts: list[Draft], fix: Fix, sidecar: Sidecar) -> Draft:
    if fix.article is not None:
        if fix.article > len(drafts):
            raise sidecar.error(
                f"article = {fix.article}, but the input has {len(drafts)} articles", fix
            )
        return drafts[fix.article - 1]
    found = [d for d in drafts if d.headline.startswith(fix.to)]
    if len(found) != 1:
        count = "no" if not found else str(len(found))
        raise sidecar.error(f"{count} article headlines start with {fix.to!r}", fix)
    return found[0]


def _insert_in_order(target: Draft, block) -> None:
    # Keep the target's text blocks in input order so the article still reads in order.
    first = block.lines[0]
    for index, other in enumerate(target.blocks):
        if other.kind != "figure" and other.lines[0] > first:
            target.blocks.insert(index, block)
            return
    target.blocks.append(block)


__all__ = ["ResolvedFixes", "apply_moves", "preview", "resolve_fixes"]
