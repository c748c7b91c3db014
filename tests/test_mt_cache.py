"""The translation memory: keys, round trips, concurrent writers, SIGKILL mid-write."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from zhreader.pipeline.translate.cache import (
    CACHE_ENV,
    TranslationCache,
    TranslationCacheError,
    cache_key,
    default_cache_path,
)

BATCH = 50

WRITER = textwrap.dedent(
    """
    import sys
    from zhreader.pipeline.translate.cache import TranslationCache
    path, tag, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    cache = TranslationCache.open(path)
    for r in range(rounds):
        rows = [(f"{tag}-{r}-{i}", f"源{r}-{i}", f"en {r} {i}", "tiny-1.0") for i in range(BATCH)]
        rows += [(f"shared-{r}", "共", f"shared {r}", "tiny-1.0")]
        cache.put_many(rows)
        if r == 0:
            print("ready", flush=True)
    """
).replace("BATCH", str(BATCH))


def run_writer(path: Path, tag: str, rounds: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), tag, str(rounds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_key_depends_on_every_input() -> None:
    base = cache_key(
        "tiny-1.0", {"beam": "4"}, [("扶贫车间", "poverty alleviation workshop")], "句子"
    )
    assert base == cache_key(
        "tiny-1.0", {"beam": "4"}, [("扶贫车间", "poverty alleviation workshop")], "句子"
    )
    assert base != cache_key(
        "tiny-1.1", {"beam": "4"}, [("扶贫车间", "poverty alleviation workshop")], "句子"
    )
    assert base != cache_key(
        "tiny-1.0", {"beam": "1"}, [("扶贫车间", "poverty alleviation workshop")], "句子"
    )
    assert base != cache_key(
        "tiny-1.0", {"beam": "4"}, [("扶贫车间", "poverty-relief workshop")], "句子"
    )
    assert base != cache_key("tiny-1.0", {"beam": "4"}, [], "句子")
    assert base != cache_key(
        "tiny-1.0", {"beam": "4"}, [("扶贫车间", "poverty alleviation workshop")], "句子。"
    )


def test_round_trip(tmp_path: Path) -> None:
    cache = TranslationCache.open(tmp_path / "sub" / "t.sqlite")
    cache.put_many([("k1", "源", "source", "m"), ("k2", "二", "two", "m")])
    assert cache.get_many(["k1", "k2", "k3"]) == {"k1": "source", "k2": "two"}
    cache.close()
    again = TranslationCache.open(tmp_path / "sub" / "t.sqlite")
    assert len(again) == 2
    mode = again.connection.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_many_keys_in_one_lookup(tmp_path: Path) -> None:
    cache = TranslationCache.open(tmp_path / "t.sqlite")
    cache.put_many((f"k{i}", "源", f"e{i}", "m") for i in range(1200))
    assert len(cache.get_many(f"k{i}" for i in range(1300))) == 1200


def test_default_path_and_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    assert default_cache_path(tmp_path) == tmp_path / ".cache" / "translations.sqlite"
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "elsewhere.sqlite"))
    assert default_cache_path(tmp_path) == tmp_path / "elsewhere.sqlite"


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "t.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(TranslationCacheError) as err:
        TranslationCache.open(bad)
    assert str(bad) in str(err.value) and "--cache" in str(err.value)


def test_two_builds_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    TranslationCache.open(path).close()
    writers = [run_writer(path, tag, 40) for tag in ("a", "b")]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    cache = TranslationCache.open(path)
    assert len(cache) == 2 * 40 * BATCH + 40
    assert cache.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_sigkill_mid_write_leaves_whole_transactions(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    writer = run_writer(path, "k", 100_000)
    assert writer.stdout.readline().strip() == "ready"
    time.sleep(0.5)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL
    cache = TranslationCache.open(path)
    assert cache.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = len(cache)
    # Every transaction wrote BATCH rows plus one shared row: none is half there.
    assert rows >= BATCH + 1 and rows % (BATCH + 1) == 0
    cache.put_many([("after", "后", "after", "m")])
    assert cache.get_many(["after"]) == {"after": "after"}
    with sqlite3.connect(path) as plain:
        assert plain.execute("SELECT count(*) FROM translations").fetchone()[0] == rows + 1
