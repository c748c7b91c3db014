"""Hostile inboxes, bad option values, broken state and faults: one line, nothing lost."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhreader.cli import main
from zhreader.errors import output_error
from zhreader.pipeline.batch import LOCK_NAME, _Lock, run_batch
from zhreader.pipeline.build import BuildSettings
from zhreader.pipeline.manifest import MANIFEST_NAME, load_manifest
from zhreader.pipeline.translate.cache import (
    TranslationCache,
    TranslationCacheError,
    cache_key,
)

TEXT = "产业发展\n\n村民王春生每月工资500元。大家都很高兴。\n"


@pytest.fixture(scope="module")
def resources():
    from zhreader.pipeline.build import load_resources

    return load_resources(BuildSettings())


@pytest.fixture()
def cli(monkeypatch, resources):
    """Run the CLI in-process with the module's resources (each load takes seconds)."""
    monkeypatch.setattr("zhreader.pipeline.build.load_resources", lambda settings: resources)

    def run(*args: str):
        return CliRunner().invoke(main, [str(a) for a in args])

    return run


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def _write(folder: Path, name: str | bytes, text: str = TEXT) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _one_line_error(result) -> str:
    lines = result.output.strip().splitlines()
    assert "Traceback" not in result.output
    errors = [line for line in lines if line.startswith("zhreader: error:")]
    assert len(errors) == 1, result.output
    return errors[0]


# --- a batch never dies of one input ---------------------------------------------


def test_a_hostile_inbox_builds_the_good_files_and_lists_the_bad(tmp_path, resources) -> None:
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    _write(inbox, "good.txt")
    _write(inbox, "临湘报-2020-04-20.txt".encode("gbk"))  # a Windows upload
    _write(inbox, "index.html.txt")
    _write(inbox, "search-index.js.txt")
    _write(inbox, "临" * 80 + ".txt")  # 244 bytes
    (inbox / "loop.txt").symlink_to("loop.txt")
    (inbox / "leak.txt").symlink_to(_write(tmp_path / "private", "secret.txt", "机密。\n"))
    outside = _files(tmp_path)
    summary = run_batch(inbox, out, BuildSettings(), 1, resources=resources)
    built = sorted(r.slug for r in summary.built)
    assert len(built) == 5
    assert {"good", "临湘报-2020-04-20", "index.html-issue", "search-index.js-issue"} < set(built)
    assert sorted(path for path, _ in summary.failed) == ["leak.txt", "loop.txt"]
    assert (out / "index.html").is_file() and (out / MANIFEST_NAME).is_file()
    # Every record was saved: the manifest's text is UTF-8 whatever the names.
    (out / MANIFEST_NAME).read_text(encoding="utf-8")
    assert set(load_manifest(out).issues) == set(built)
    for slug in built:
        assert (out / slug / "edition.json").is_file()
    # Nothing was written outside OUT, and the secret was not published.
    assert {p for p in _files(tmp_path) if p != "out" and not p.startswith("out/")} == outside
    library = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.js"))
    assert "机密" not in library
    # A rerun changes nothing and still reports the same two files.
    again = run_batch(inbox, out, BuildSettings(), 1, resources=resources)
    assert again.built == [] and len(again.skipped) == 5 and len(again.failed) == 2


# --- one line, never a traceback --------------------------------------------------


@pytest.mark.parametrize("value", ["2020-04", "2020-02-30", "20200420", "tomorrow", "2020-4-1"])
def test_a_date_that_is_not_an_existing_iso_date_is_one_line(cli, tmp_path, value) -> None:
    source = _write(tmp_path, "a.txt")
    result = cli("build", source, "--out", tmp_path / "out", "--date", value)
    assert result.exit_code == 2
    line = _one_line_error(result)
    assert "--date" in line and repr(value) in line and "YYYY-MM-DD" in line
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--beam-size", "0"], "--beam-size"),
        (["--max-input-mb", "-1"], "--max-input-mb"),
        (["--format", "pdf"], "pdf"),
        (["--compute-type", "int4"], "--compute-type"),
    ],
)
def test_invalid_option_values_are_one_line(cli, tmp_path, args, named) -> None:
    source = _write(tmp_path / "in", "a.txt")
    for command in (["build", source], ["batch", tmp_path / "in"]):
        result = cli(*command, "--out", tmp_path / "out", *args)
        assert result.exit_code == 2
        assert named in _one_line_error(result)
    assert not (tmp_path / "out").exists()


def _fail_writes(monkeypatch, code: int) -> None:
    import tempfile

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


@pytest.mark.parametrize(
    ("code", "hint"),
    [(errno.EROFS, "read-only"), (errno.ENOSPC, "free some space"), (errno.EACCES, "writable")],
)
def test_unwritable_output_is_one_line_in_build(cli, tmp_path, monkeypatch, code, hint) -> None:
    source = _write(tmp_path, "a.txt")
    _fail_writes(monkeypatch, code)
    result = cli("build", source, "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 1
    line = _one_line_error(result)
    assert "cannot write" in line and hint in line and "edition.json" in line


def test_a_full_disk_mid_write_leaves_no_half_file(cli, tmp_path, monkeypatch) -> None:
    source = _write(tmp_path, "a.txt")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    result = cli("build", source, "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 1
    assert "No space left on device" in _one_line_error(result)
    assert _files(tmp_path / "out") == {"a"}  # no edition.json, no temporary file


def test_a_full_disk_fails_the_issue_in_a_batch_and_is_retried(tmp_path, resources, monkeypatch):
    inbox, out = tmp_path / "in", tmp_path / "out"
    _write(inbox, "a.txt")
    out.mkdir()
    import zhreader.reader.write as write

    real = write.write_files

    def full(folder, files):
        raise output_error(
            folder / "edition.json", OSError(errno.ENOSPC, "No space left on device")
        )

    monkeypatch.setattr(write, "write_files", full)
    summary = run_batch(inbox, out, BuildSettings(), 1, resources=resources)
    assert [path for path, _ in summary.failed] == ["a.txt"]
    assert "No space left on device" in summary.failed[0][1]
    monkeypatch.setattr(write, "write_files", real)
    summary = run_batch(inbox, out, BuildSettings(), 1, resources=resources)
    assert [r.slug for r in summary.built] == ["a"]  # not "unchanged since it failed"


def test_too_long_names_are_one_line_or_a_bounded_slug(cli, tmp_path) -> None:
    long_input = _write(tmp_path, "临" * 82 + ".txt")  # 250 bytes: the slug is cut
    result = cli("build", long_input, "--out", tmp_path / "out", "--format", "json,epub")
    assert result.exit_code == 0, result.output
    (folder,) = (tmp_path / "out").iterdir()
    assert len(folder.name.encode("utf-8")) <= 120 and (folder / "edition.json").is_file()
    result = cli("build", long_input, "--out", tmp_path / ("o" * 300), "--format", "json")
    assert result.exit_code == 1
    assert "too long" in _one_line_error(result)


def test_a_dot_dot_stem_builds_inside_out(cli, tmp_path) -> None:
    out = tmp_path / "work" / "out"
    out.mkdir(parents=True)
    source = _write(tmp_path / "in", "...txt")
    result = cli("build", source, "--out", out, "--format", "json")
    assert result.exit_code == 0, result.output
    assert _files(tmp_path / "work") == {"out", "out/issue", "out/issue/edition.json"}


# --- build and the batch lock -------------------------------------------------------


def test_build_respects_the_batch_lock_and_the_batch_issues(cli, tmp_path, resources) -> None:
    inbox, out = tmp_path / "in", tmp_path / "out"
    _write(inbox, "a.txt")
    run_batch(inbox, out, BuildSettings(), 1, resources=resources)
    before = (out / "a" / "edition.json").read_bytes()
    other = _write(tmp_path / "elsewhere", "a.txt", "别的文章。\n")
    result = cli("build", other, "--out", out, "--format", "json")
    assert result.exit_code == 1
    assert "is an issue of the batch library" in _one_line_error(result)
    assert (out / "a" / "edition.json").read_bytes() == before
    fresh = _write(tmp_path / "elsewhere", "b.txt")
    with _Lock(out):
        result = cli("build", fresh, "--out", out, "--format", "json")
    assert result.exit_code == 1
    assert "another zhreader batch" in _one_line_error(result)
    assert not (out / "b").exists()
    assert (out / LOCK_NAME).exists()


# --- broken state -------------------------------------------------------------------


def test_a_translation_memory_with_a_wrong_schema_is_one_line(tmp_path) -> None:
    path = tmp_path / "tm.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE translations (key TEXT PRIMARY KEY, english TEXT)")
    with pytest.raises(TranslationCacheError) as caught:
        TranslationCache.open(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: cannot open the translation cache: table translations")
    assert "--cache" in message and "delete" in message and "\n" not in message


def _memory(path: Path, rows: int) -> bytes:
    """Write a translation memory of ``rows`` rows with real keys; return the file's bytes."""
    cache = TranslationCache.open(path)
    cache.put_many(
        (cache_key("m", {}, [], f"源{i}"), f"源{i}" * 50, f"en {i}" * 50, "m") for i in range(rows)
    )
    cache.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cache.close()
    return path.read_bytes()


def test_every_damaged_page_of_a_translation_memory_is_one_line(tmp_path) -> None:
    path = tmp_path / "tm.sqlite"
    data = _memory(path, 600)
    keys = [cache_key("m", {}, [], f"源{i}") for i in range(600)]
    page, met_on_open = 4096, 0
    for number in range(1, len(data) // page):  # every page but the header's
        damaged = bytearray(data)
        damaged[number * page : (number + 1) * page] = b"\xa5" * page
        path.write_bytes(bytes(damaged))
        with pytest.raises(TranslationCacheError) as caught:
            cache = TranslationCache.open(path)
            met_on_open -= 1
            try:
                cache.get_many(keys)  # the first lookup that meets the page names it
            finally:
                cache.close()
        met_on_open += 1
        message = str(caught.value)
        assert message.startswith(f"{path}: cannot "), message
        assert "--cache" in message and "delete" in message and "\n" not in message
    # The root and interior pages, which every lookup passes through, fail the open.
    assert 2 <= met_on_open < len(data) // page - 1


def _bytes_read() -> int:
    """Return what this process has read through system calls so far (Linux)."""
    io = Path("/proc/self/io").read_text()
    return int(next(line for line in io.splitlines() if line.startswith("rchar:")).split()[1])


def test_opening_a_translation_memory_reads_a_few_pages_whatever_its_size(tmp_path) -> None:
    path = tmp_path / "tm.sqlite"
    size = len(_memory(path, 8000))  # about 6 MB
    before = _bytes_read()
    TranslationCache.open(path).close()
    read = _bytes_read() - before
    # 17 walks from the root to a leaf: about 70 of its 1,900 pages. A full
    # check read every page, on every start of a process.
    assert size > 5_000_000 and read < 128 * 4096, read


def test_a_corrupt_dictionary_cache_is_rebuilt(tmp_path, monkeypatch) -> None:
    from zhreader.pipeline.words import dictionary as dictionary_module

    dictionary_module.Dictionary.load()  # this code's file, whatever other checkouts left beside it
    current = dictionary_module.Dictionary.cache_file()
    copy = tmp_path / current.name
    data = bytearray(current.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 8 * 4096] = b"\x00\xff" * (4 * 4096)
    copy.write_bytes(bytes(data))
    assert dictionary_module._open(copy) is None  # found damaged on open
    built = []
    monkeypatch.setattr(
        dictionary_module, "_build", lambda *args: built.append(args) or current.read_bytes()
    )
    loaded = dictionary_module.Dictionary.load(tmp_path)
    assert len(built) == 1 and loaded.contains("工资")
    assert copy.read_bytes() == current.read_bytes()


# --- no orphans -----------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.update(int(child) for child in task.read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")  # a zombie is dead


def test_workers_exit_when_the_main_process_is_killed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    inbox = tmp_path / "in"
    for number in range(4):
        _write(inbox, f"issue-{number}.txt", TEXT * (number + 1))
    args = ["batch", str(inbox), "--out", str(tmp_path / "out"), "--jobs", "2", "--quiet"]
    main_process = subprocess.Popen(
        [sys.executable, "-c", "from zhreader.cli import main; main()", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    # Two workers and multiprocessing's resource tracker.
    while len(workers) < 3 and time.monotonic() < deadline:
        workers = _children(main_process.pid)
        time.sleep(0.05)
    assert len(workers) >= 3, "the batch never started its workers"
    main_process.send_signal(signal.SIGKILL)
    main_process.wait()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # do not leave them behind for the next test
        os.kill(pid, signal.SIGKILL)
    assert left == []


def test_an_input_over_max_input_mb_is_refused_in_one_line(cli, tmp_path) -> None:
    big = _write(tmp_path, "big.txt", TEXT * 100)  # 5.5 KB
    result = cli("build", big, "--out", tmp_path / "out", "--max-input-mb", "0.001")
    assert result.exit_code == 1
    line = _one_line_error(result)
    assert line.startswith(f"zhreader: error: {big}: input is 0.0 MB, over the limit of 0.001 MB")
    assert not (tmp_path / "out" / "big").exists()
    result = cli("build", big, "--out", tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output


def test_batch_follows_symlinks_out_of_the_inbox_only_when_asked(cli, tmp_path) -> None:
    inbox = tmp_path / "in"
    _write(inbox, "own.txt")
    (inbox / "shared.txt").symlink_to(_write(tmp_path / "shared", "page.txt"))
    result = cli("batch", inbox, "--out", tmp_path / "out", "--jobs", "1", "--quiet")
    assert result.exit_code == 1
    assert "failed: shared.txt: symlink out of the input folder (pass --follow-symlinks" in (
        result.output
    )
    result = cli("batch", inbox, "--out", tmp_path / "out", "--jobs", "1", "--follow-symlinks")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "shared" / "edition.json").is_file()
