"""The sidecar file: issue metadata and an editor's fixes to the recovered structure.

``<stem>.structure.toml`` beside the input (see docs/structure.md)::

    [issue]
    paper = "临湘报"
    date = "2020-04-20"
    page = "3"

    [[fix]]
    text = "据初步统计"      # the input line that starts with this (or line = 37)
    action = "move"
    to = "就业扶贫惠民"      # the article whose headline starts with this (or article = 1)

Every problem is reported with the file, the line of the offending table and
"expected …, received …".
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from zhreader.errors import SidecarError

# Marks change what a line is; "join"/"separate" change how paragraphs are rejoined.
MARKS = (
    "headline",
    "section",
    "kicker",
    "deck",
    "author",
    "subhead",
    "paragraph",
    "figure",
    "credit",
)
ACTIONS = (*MARKS, "join", "separate", "move")
ISSUE_KEYS = ("paper", "date", "page", "title")
FIX_KEYS = ("action", "line", "text", "to", "article")


@dataclass(frozen=True)
class Fix:
    """One structure fix, addressed by input line number or the line's opening text."""

    number: int  # 1-based position among the [[fix]] tables
    action: str
    line: int | None = None
    text: str | None = None
    to: str | None = None  # move: target headline prefix
    article: int | None = None  # move: target article number (1-based)
    sidecar_line: int | None = None  # where the [[fix]] table starts, for messages


@dataclass(frozen=True)
class Sidecar:
    path: Path
    paper: str | None = None
    date: str | None = None
    page: str | None = None
    title: str | None = None
    fixes: tuple[Fix, ...] = ()

    def error(self, message: str, fix: Fix | None = None, hint: str | None = None) -> SidecarError:
        """Return a SidecarError that names this file and the fix's line."""
        prefix = f"fix {fix.number}: " if fix is not None else ""
        line = fix.sidecar_line if fix is not None else None
        return SidecarError(prefix + message, file=str(self.path), line=line, hint=hint)


def sidecar_path(input_path: Path) -> Path:
    """Return where the sidecar of ``input_path`` lives."""
    input_path = Path(input_path)
    return input_path.with_name(f"{input_path.stem}.structure.toml")


def load_sidecar(input_path: Path) -> Sidecar | None:
    """Read ``<stem>.structure.toml`` beside the input, or return None when there is none."""
    path = sidecar_path(input_path)
    if not path.is_file():
        return None
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise SidecarError("sidecar is not UTF-8 text", file=str(path)) from None
    return parse_sidecar(raw, path)


def parse_sidecar(raw: str, path: Path) -> Sidecar:
    """Validate sidecar TOML text; raise SidecarError naming the line and key."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        line = _toml_error_line(str(err))
        raise SidecarError(f"not valid TOML: {err}", file=str(path), line=line) from None
    _expect_keys(data, ("issue", "fix"), path, None, "top level")
    issue = data.get("issue", {})
    if not isinstance(issue, dict):
        raise _type_error(path, _line_of(raw, "issue"), "issue", "a [issue] table", issue)
    _expect_keys(issue, ISSUE_KEYS, path, _line_of(raw, "[issue]"), "[issue]")
    meta = {key: _issue_value(key, issue[key], path, raw) for key in ISSUE_KEYS if key in issue}
    tables = data.get("fix", [])
    if not isinstance(tables, list):
        raise _type_error(path, _line_of(raw, "fix"), "fix", "[[fix]] tables", tables)
    starts = _fix_lines(raw)
    fixes = tuple(
        _fix(n, table, path, starts[n - 1] if n - 1 < len(starts) else None)
        for n, table in enumerate(tables, start=1)
    )
    return Sidecar(path=path, fixes=fixes, **meta)


def _issue_value(key: str, value, path: Path, raw: str) -> str:
    line = _line_of(raw, key)
    if key == "page" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if key == "date" and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        raise _type_error(path, line, f"issue.{key}", "a non-empty string", value)
    if key == "date":
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise _type_error(path, line, "issue.date", "a date YYYY-MM-DD", value) from None
    return value


def _fix(number: int, table, path: Path, line: int | None) -> Fix:
    where = f"fix {number}"
    if not isinstance(table, dict):
        raise _type_error(path, line, where, "a table", table)
    _expect_keys(table, FIX_KEYS, path, line, f"[[fix]] {number}")
    action = table.get("action")
    if action not in ACTIONS:
        raise _type_error(path, line, f"{where}: action", f"one of {', '.join(ACTIONS)}", action)
    has_line, has_text = "line" in table, "text" in table
    if has_line == has_text:
        raise SidecarError(
            f'{where}: expected exactly one of line = N or text = "…"',
            file=str(path),
            line=line,
        )
    _check(table, "line", int, "a line number ≥ 1", path, line, where)
    _check(table, "text", str, "the non-empty opening text of a line", path, line, where)
    _check(table, "to", str, "the non-empty opening text of a headline", path, line, where)
    _check(table, "article", int, "an article number ≥ 1", path, line, where)
    is_move = action == "move"
    if is_move and ("to" in table) == ("article" in table):
        raise SidecarError(
            f'{where}: a move needs exactly one of to = "headline…" or article = N',
            file=str(path),
            line=line,
        )
    if not is_move and ("to" in table or "article" in table):
        raise SidecarError(
            f'{where}: only action = "move" takes to/article', file=str(path), line=line
        )
    return Fix(
        number=number,
        action=action,
        line=table.get("line"),
        text=table.get("text", "").strip() or None,
        to=table.get("to", "").strip() or None,
        article=table.get("article"),
        sidecar_line=line,
    )


def _check(table: dict, key: str, kind: type, expected: str, path: Path, line, where: str) -> None:
    if key not in table:
        return
    value = table[key]
    valid = isinstance(value, kind) and not isinstance(value, bool)
    if valid and kind is int:
        valid = value >= 1
    if valid and kind is str:
        valid = bool(value.strip())
    if not valid:
        raise _type_error(path, line, f"{where}: {key}", expected, value)


def _expect_keys(table: dict, allowed, path: Path, line: int | None, where: str) -> None:
    for key in table:
        if key not in allowed:
            raise SidecarError(
                f"{where}: unknown key; expected one of {', '.join(allowed)}, received {key!r}",
                file=str(path),
                line=line,
            )


def _type_error(path: Path, line: int | None, key: str, expected: str, value) -> SidecarError:
    return SidecarError(
        f"{key}: expected {expected}, received {value!r}", file=str(path), line=line
    )


def _fix_lines(raw: str) -> list[int]:
    return [
        n for n, text in enumerate(raw.splitlines(), start=1) if text.strip().startswith("[[fix]]")
    ]


def _line_of(raw: str, key: str) -> int | None:
    pattern = re.compile(
        rf"^\s*{re.escape(key)}\s*(=|$)" if not key.startswith("[") else re.escape(key)
    )
    for n, text in enumerate(raw.splitlines(), start=1):
        if pattern.search(text):
            return n
    return None


def _toml_error_line(message: str) -> int | None:
    match = re.search(r"at line (\d+)", message)
    return int(match.group(1)) if match else None


__all__ = ["ACTIONS", "MARKS", "Fix", "Sidecar", "load_sidecar", "parse_sidecar", "sidecar_path"]
