"""The translation memory: an SQLite file of raw machine translations.

Keys are hashes of everything that decides a translation (package and
version, decoding settings, the glossary entries that apply, the source
sentence), so a changed setting never returns a stale translation. The file
is in WAL mode and every write is one transaction: concurrent builds wait for
each other (busy timeout) and a build killed mid-write leaves the file as it
was before that transaction.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from zhreader.errors import TranslationCacheError

CACHE_ENV = "ZHREADER_CACHE"
DEFAULT_RELATIVE = Path(".cache") / "translations.sqlite"
BUSY_TIMEOUT_MS = 60_000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    en TEXT NOT NULL,
    model TEXT NOT NULL
) WITHOUT ROWID
"""


_COLUMNS = ("key", "source", "en", "model")


def default_cache_path(out_dir: Path) -> Path:
    """Return the cache path: ``$ZHREADER_CACHE`` or ``<out>/.cache/translations.sqlite``."""
    from_env = os.environ.get(CACHE_ENV)
    return Path(from_env) if from_env else Path(out_dir) / DEFAULT_RELATIVE


def cache_key(
    model: str, settings: Mapping[str, str], terms: Iterable[tuple[str, str]], source: str
) -> str:
    """Hash what decides a translation into a cache key."""
    payload = json.dumps(
        [model, sorted(settings.items()), sorted(terms), source],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class TranslationCache:
    """An open translation memory; ``get_many`` and ``put_many`` batch their SQL."""

    path: Path
    connection: sqlite3.Connection

    @classmethod
    def open(cls, path: Path | None) -> TranslationCache:
        """Open (creating if needed) the cache at ``path`` (default: see ``default_cache_path``)."""
        path = Path(path) if path is not None else default_cache_path(Path("output"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute(_SCHEMA)
            _validate(connection)
        except (sqlite3.DatabaseError, OSError) as err:
            raise unreadable(path, f"cannot open the translation cache: {err}") from err
        return cls(path, connection)

    def get_many(self, keys: Iterable[str]) -> dict[str, str]:
        """Return the cached English for the keys that are present."""
        found: dict[str, str] = {}
        wanted = list(dict.fromkeys(keys))
        # SQLite limits the number of bound parameters; 500 is safely below it.
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            try:
                rows = self.connection.execute(
                    f"SELECT key, en FROM translations WHERE key IN ({marks})", chunk
                ).fetchall()
            except sqlite3.DatabaseError as err:
                raise unreadable(self.path, f"cannot read the translation cache: {err}") from err
            found.update(rows)
        return found

    def put_many(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Store (key, source, en, model) rows in one transaction."""
        rows = list(rows)
        if not rows:
            return
        try:
            with _transaction(self.connection):
                self.connection.executemany(
                    "INSERT OR REPLACE INTO translations (key, source, en, model) "
                    "VALUES (?, ?, ?, ?)",
                    rows,
                )
        except sqlite3.DatabaseError as err:
            raise unreadable(self.path, f"cannot write the translation cache: {err}") from err

    def __len__(self) -> int:
        return self.connection.execute("SELECT count(*) FROM translations").fetchone()[0]

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


def unreadable(path: Path, message: str) -> TranslationCacheError:
    """Return the one-line error for a translation memory that cannot be used."""
    return TranslationCacheError(
        message,
        file=str(path),
        hint=f"delete the file, or choose another with --cache or ${CACHE_ENV}",
    )


# Keys are SHA-256 hex digests, spread evenly: one probe per first digit
# reaches every part of the table's B-tree.
_PROBES = tuple("0123456789abcdef")


def _validate(connection: sqlite3.Connection) -> None:
    """Check the table's columns and its B-tree's upper levels; raise sqlite3.DatabaseError.

    The check costs a few dozen page reads, whatever the file's size (a full
    ``quick_check`` read every page, once per process, and the memory grows
    with an archive): the header and the schema, then one walk from the root
    to a leaf per first hex digit of the keys and one to the last key, which
    meets the root and interior pages every lookup passes through. A damaged
    leaf further on is named the same way by the first lookup that meets it
    (``get_many``, ``put_many``); ``cell_size_check`` makes SQLite test every
    page it reads rather than trust it.
    """
    connection.execute("PRAGMA cell_size_check = ON")
    columns = [row[1] for row in connection.execute("PRAGMA table_info(translations)")]
    if columns != list(_COLUMNS):
        raise sqlite3.DatabaseError(
            f"table translations has columns {', '.join(columns)}, expected {', '.join(_COLUMNS)}"
        )
    probe = "SELECT key, length(en) FROM translations WHERE key >= ? ORDER BY key LIMIT 1"
    for prefix in _PROBES:
        connection.execute(probe, (prefix,)).fetchone()
    connection.execute("SELECT key FROM translations ORDER BY key DESC LIMIT 1").fetchone()


class _transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on error (takes the write lock up front)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> None:
        self.connection.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self.connection.execute("ROLLBACK" if exc_type else "COMMIT")


__all__ = [
    "CACHE_ENV",
    "TranslationCache",
    "TranslationCacheError",
    "cache_key",
    "default_cache_path",
]
