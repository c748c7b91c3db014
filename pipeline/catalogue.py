"""The library catalogue: a SQLite table of built issues, and the pages a change dirties.

The batch never holds the whole library in memory. ``sync_catalogue`` compares
each built issue's *stamp* (a hash of what built it) with the catalogue and
reads only the ``library.json`` of issues that changed; it records, in the
same transaction, which pages those changes dirty (their years and months,
their terms in those years, the search segments). ``write_dirty_pages``
rewrites exactly those pages, streaming one year's issues at a time, and
clears the marks only after the pages are written, so a run killed in between
is finished by the next one. An unchanged rerun reads no edition and writes
no page.

The catalogue is derived data (``OUT/.library/catalogue.sqlite``): deleted or
unreadable, it is rebuilt from every issue's ``library.json``; a missing,
partial or outdated ``library.json`` is made again from the issue's
``edition.json``.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from zhreader.fsutil import atomic_write_bytes
from zhreader.pipeline.manifest import IssueRecord
from zhreader.reader import library as pages
from zhreader.reader import search_index
from zhreader.signature import short_hash

CATALOGUE = Path(".library") / "catalogue.sqlite"
LIBRARY_FILE = "library.json"
SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS issues (
    slug TEXT PRIMARY KEY, stamp TEXT NOT NULL, year TEXT NOT NULL, month TEXT,
    sort TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS issues_by_year ON issues (year, sort);
CREATE TABLE IF NOT EXISTS uses (
    zh TEXT NOT NULL, slug TEXT NOT NULL, year TEXT NOT NULL, sort TEXT NOT NULL,
    pinyin TEXT NOT NULL, en TEXT NOT NULL, sentences INTEGER NOT NULL, section TEXT NOT NULL,
    PRIMARY KEY (zh, slug));
CREATE INDEX IF NOT EXISTS uses_by_term ON uses (zh, year, sort);
CREATE TABLE IF NOT EXISTS dirty (kind TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (kind, key));
"""
# Sorting key: dated issues by date, undated after every date (the index lists them last).
_UNDATED_SORT = "0000"


def issue_stamp(record: IssueRecord) -> str:
    """Return what identifies a built issue's library data: its inputs, signature and files."""
    parts = [record.input_sha256, record.sidecar_sha256 or "", record.signature, *record.files]
    return short_hash("\n".join(parts), 16)


def open_catalogue(out: Path) -> sqlite3.Connection:
    """Open (or create) the catalogue; an unreadable or outdated one is started afresh."""
    path = out / CATALOGUE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _connect(path)
    except sqlite3.DatabaseError:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return _connect(path)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        version = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.OperationalError:
        version = None
    if version is not None and version[0] != SCHEMA_VERSION:
        connection.close()
        raise sqlite3.DatabaseError("outdated catalogue")
    if version is None:
        connection.executescript(_SCHEMA)
        connection.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    return connection


# --- reading records ---------------------------------------------------------


def read_library_record(out: Path, slug: str, remake: Callable[[Path, str], dict]) -> dict | None:
    """Return an issue's library record, remade from its edition when missing or broken.

    ``remake(folder, slug)`` builds the record from ``edition.json`` (and
    writes it); None means neither could be read.
    """
    path = out / slug / LIBRARY_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    if pages.is_library_record(data, slug):
        return data
    try:
        return remake(out / slug, slug)
    except (OSError, ValueError, KeyError, TypeError):
        return None


# --- syncing -----------------------------------------------------------------


def sync_catalogue(
    db: sqlite3.Connection,
    out: Path,
    built: Iterable[IssueRecord],
    remake: Callable[[Path, str], dict],
) -> list[str]:
    """Bring the catalogue to the manifest's built issues; return the slugs it could not read.

    Only issues whose stamp changed are read. Dirty marks are written in the
    same transaction as the rows they come from.
    """
    known = dict(db.execute("SELECT slug, stamp FROM issues"))
    wanted = {record.slug: record for record in built}
    unreadable = []
    with _transaction(db):
        for slug in sorted(set(known) - set(wanted)):
            _drop_issue(db, slug)
        for slug, record in sorted(wanted.items()):
            stamp = issue_stamp(record)
            if known.get(slug) == stamp:
                continue
            data = read_library_record(out, slug, remake)
            if data is None:
                unreadable.append(slug)
                if slug in known:
                    _drop_issue(db, slug)
                continue
            _drop_issue(db, slug) if slug in known else None
            _add_issue(db, data, stamp)
    return unreadable


def _period(date: str | None) -> tuple[str, str | None, str]:
    if not date:
        return search_index.UNDATED, None, _UNDATED_SORT
    return date[:4], date[5:7] or None, date


def _mark(db: sqlite3.Connection, kind: str, key: str) -> None:
    db.execute("INSERT OR IGNORE INTO dirty VALUES (?, ?)", (kind, key))


def _drop_issue(db: sqlite3.Connection, slug: str) -> None:
    row = db.execute("SELECT year FROM issues WHERE slug = ?", (slug,)).fetchone()
    if row is None:
        return
    _mark(db, "year", row[0])
    for (zh,) in db.execute("SELECT zh FROM uses WHERE slug = ?", (slug,)).fetchall():
        _mark(db, "term", f"{zh}\t{row[0]}")
    db.execute("DELETE FROM uses WHERE slug = ?", (slug,))
    db.execute("DELETE FROM issues WHERE slug = ?", (slug,))


def _add_issue(db: sqlite3.Connection, data: dict, stamp: str) -> None:
    year, month, sort = _period(data.get("date"))
    slug = data["slug"]
    summary = {k: data.get(k) for k in ("slug", "title", "date", "paper", "page", "articles")}
    summary["files"] = data.get("files", [])
    db.execute(
        "INSERT INTO issues VALUES (?, ?, ?, ?, ?, ?)",
        (slug, stamp, year, month, sort, json.dumps(summary, ensure_ascii=False)),
    )
    _mark(db, "year", year)
    for use in data["glossary"]:
        db.execute(
            "INSERT OR REPLACE INTO uses VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                use["zh"],
                slug,
                year,
                sort,
                use.get("pinyin") or "",
                use.get("en") or "",
                len(use.get("occurrences", ())),
                data["term_sections"][use["zh"]],
            ),
        )
        _mark(db, "term", f"{use['zh']}\t{year}")


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


# --- writing pages -----------------------------------------------------------


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` atomically unless the file already holds it; return True if written.

    No fsync per page: ``write_dirty_pages`` syncs once before it clears the
    dirty marks, so a crash before that rewrites the pages next run.
    """
    data = text.encode("utf-8")
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass
    atomic_write_bytes(path, data, fsync=False)
    return True


def write_dirty_pages(
    db: sqlite3.Connection,
    out: Path,
    failures: Sequence[tuple[str, str]],
    remake: Callable[[Path, str], dict] | None = None,
) -> int:
    """Rewrite the pages the dirty marks name, then the index; return the pages written.

    ``remake(folder, slug)`` makes an issue's library files again from its
    edition when its search postings cannot be read.
    """
    dirty = db.execute("SELECT kind, key FROM dirty ORDER BY kind, key").fetchall()
    years = sorted({key for kind, key in dirty if kind == "year"})
    terms = sorted({tuple(key.split("\t", 1)) for kind, key in dirty if kind == "term"})
    written = 0
    for year in years:
        written += _write_year(db, out, year, remake)
    for zh in sorted({zh for zh, _ in terms}):
        written += _write_term(db, out, zh, [year for term, year in terms if term == zh])
    if terms:
        written += write_if_changed(out / pages.TERMS_DIR / "index.html", _terms_page(db))
    written += write_if_changed(out / "index.html", _index_page(db, len(failures)))
    written += _write_failures(out, failures)
    (out / pages.OLD_SEARCH_INDEX).unlink(missing_ok=True)
    if written:
        os.sync()  # every page on disk before the marks that would redo them go
    if dirty:
        with _transaction(db):
            db.executemany("DELETE FROM dirty WHERE kind = ? AND key = ?", dirty)
    return written


def _issue_rows(db: sqlite3.Connection, sql: str, *args: object) -> list[dict]:
    return [json.loads(data) for (data,) in db.execute(sql, args)]


def _write_year(db: sqlite3.Connection, out: Path, year: str, remake) -> int:
    """Rewrite a year's calendar pages and search segment (or remove them when empty)."""
    issues = _issue_rows(
        db, "SELECT data FROM issues WHERE year = ? ORDER BY sort DESC, slug DESC", year
    )
    ordered = pages.newest_first(issues)
    years_dir = out / pages.YEARS_DIR
    segment = out / search_index.SEARCH_DIR / year
    if not ordered:
        for page in years_dir.glob(f"{year}*.html"):
            page.unlink()
        _remove_tree(segment)
        return 0
    written = 0
    months: dict[str, list[dict]] = {}
    if year != search_index.UNDATED:
        for issue in ordered:
            months.setdefault(issue["date"][5:7], []).append(issue)
    counts = [{"month": m, "count": len(months[m])} for m in sorted(months, reverse=True)]
    undated = ordered if year == search_index.UNDATED else ()
    written += write_if_changed(
        years_dir / f"{year}.html", pages.render_year(year, counts, undated)
    )
    for month, issues in months.items():
        page = pages.render_month(year, month, issues)
        written += write_if_changed(years_dir / f"{year}-{month}.html", page)
    for page in years_dir.glob(f"{year}-*.html"):
        if page.stem[len(year) + 1 :] not in months:
            page.unlink()
    files = search_index.segment_files(year, ordered, _stream_postings(out, ordered, remake))
    for name, text in files.items():
        written += write_if_changed(segment / name, text)
    return written


def _stream_postings(out: Path, issues: Sequence[dict], remake) -> Iterator[list[str]]:
    """Yield each issue's bucket fragments from disk, one issue at a time.

    Unreadable fragments are made again from the issue's edition; when that
    fails too the issue has no keys this run (its files are gone, so the
    manifest rebuilds it next run).
    """
    for issue in issues:
        path = out / issue["slug"] / search_index.KEYS_FILE
        for attempt in (1, 2):
            fragments = _read_fragments(path)
            if fragments is not None:
                yield fragments
                break
            if attempt == 2 or remake is None or not _remade(remake, out, issue["slug"]):
                yield []
                break


def _read_fragments(path: Path) -> list[str] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = isinstance(data, list) and len(data) == search_index.BUCKETS
    return data if ok and all(isinstance(f, str) for f in data) else None


def _remade(remake, out: Path, slug: str) -> bool:
    try:
        remake(out / slug, slug)
    except (OSError, ValueError, KeyError, TypeError):
        return False
    return True


def _remove_tree(folder: Path) -> None:
    if folder.is_dir():
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


def _term_info(db: sqlite3.Connection, zh: str) -> dict | None:
    row = db.execute(
        "SELECT pinyin, en, SUM(sentences), COUNT(*) FROM uses WHERE zh = ? "
        "GROUP BY zh ORDER BY MAX(sort)",
        (zh,),
    ).fetchone()
    if row is None:
        return None
    latest = db.execute(
        "SELECT pinyin, en FROM uses WHERE zh = ? ORDER BY sort DESC, slug DESC LIMIT 1", (zh,)
    ).fetchone()
    stem = pages.term_stem(zh)
    return {
        "zh": zh,
        "pinyin": latest[0],
        "en": latest[1],
        "count": row[2],
        "issues": row[3],
        "stem": stem,
        "file": f"{stem}.html",
    }


def _write_term(db: sqlite3.Connection, out: Path, zh: str, years: Sequence[str]) -> int:
    """Rewrite a term's page and its pages for the given years (or remove them when unused)."""
    terms_dir = out / pages.TERMS_DIR
    stem = pages.term_stem(zh)
    term = _term_info(db, zh)
    if term is None:
        (terms_dir / f"{stem}.html").unlink(missing_ok=True)
        _remove_tree(terms_dir / stem)
        return 0
    by_year = [
        {"year": year, "count": count, "issues": issues}
        for year, count, issues in db.execute(
            "SELECT year, SUM(sentences), COUNT(*) FROM uses WHERE zh = ? GROUP BY year "
            "ORDER BY year = ?, year DESC",
            (zh, search_index.UNDATED),
        )
    ]
    written = write_if_changed(terms_dir / term["file"], pages.render_term(term, by_year))
    for year in years:
        sections = [
            section
            for (section,) in db.execute(
                "SELECT section FROM uses WHERE zh = ? AND year = ? ORDER BY sort DESC, slug",
                (zh, year),
            )
        ]
        page = terms_dir / stem / f"{year}.html"
        if sections:
            written += write_if_changed(page, pages.render_term_year(term, year, sections))
        else:
            page.unlink(missing_ok=True)
    return written


def _terms_page(db: sqlite3.Connection) -> str:
    terms = [
        {"zh": zh, "pinyin": pinyin, "count": count, "file": pages.term_file(zh)}
        for zh, pinyin, count in db.execute(
            "SELECT zh, MAX(pinyin), SUM(sentences) FROM uses GROUP BY zh"
        )
    ]
    return pages.render_terms(sorted(terms, key=lambda t: (t["pinyin"].lower(), t["zh"])))


def _index_page(db: sqlite3.Connection, failures: int) -> str:
    newest = pages.newest_first(
        _issue_rows(
            db,
            "SELECT data FROM issues ORDER BY sort = ? , sort DESC, slug DESC LIMIT ?",
            _UNDATED_SORT,
            pages.NEWEST,
        )
    )
    calendar: dict[str, dict] = {}
    for year, month, count in db.execute(
        "SELECT year, month, COUNT(*) FROM issues GROUP BY year, month"
    ):
        entry = calendar.setdefault(year, {"year": year, "count": 0, "months": []})
        entry["count"] += count
        if month:
            entry["months"].append({"month": month, "count": count})
    years = sorted(
        calendar.values(),
        key=lambda y: (y["year"] == search_index.UNDATED, y["year"]),
        reverse=False,
    )
    dated = [y for y in years if y["year"] != search_index.UNDATED][::-1]
    ordered = dated + [y for y in years if y["year"] == search_index.UNDATED]
    for entry in ordered:
        entry["months"].sort(key=lambda m: m["month"])
    total = db.execute("SELECT COUNT(*) FROM issues").fetchone()[0]
    terms = db.execute("SELECT COUNT(DISTINCT zh) FROM uses").fetchone()[0]
    segments = [entry["year"] for entry in ordered]
    return pages.render_index(newest, ordered, total, terms, failures, segments)


def _write_failures(out: Path, failures: Sequence[tuple[str, str]]) -> int:
    path = out / "failures.html"
    if not failures:
        if path.exists():
            path.unlink()
        return 0
    return write_if_changed(path, pages.render_failures(sorted(failures)))


__all__ = [
    "CATALOGUE",
    "LIBRARY_FILE",
    "issue_stamp",
    "open_catalogue",
    "read_library_record",
    "sync_catalogue",
    "write_dirty_pages",
    "write_if_changed",
]
