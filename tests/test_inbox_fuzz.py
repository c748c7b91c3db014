"""Random inboxes: the batch completes, good files are built, bad ones reported, OUT holds all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhreader.pipeline.batch import run_batch
from zhreader.pipeline.build import BuildSettings
from zhreader.pipeline.inbox import display_name
from zhreader.pipeline.manifest import MANIFEST_NAME, load_manifest

CHARACTERS = "村民王春生每月工资元大家都很高兴产业发展扶贫车间临湘报湖南省"
SPECIAL_NAMES = [
    b"index.html.txt",
    b"search-index.js.txt",
    b"manifest.json.txt",
    b"terms.txt",
    b"..txt",
    "临湘报-2020-04-20.txt".encode("gbk"),
    b"\xff\xfe\xfd.txt",
    "临".encode() * 82 + b".txt",
    b"a b\\c:d*e?f.TXT",
]
GOOD = "good"
BAD_KINDS = ("empty", "binary", "loop", "link-out")

stems = st.binary(min_size=1, max_size=30).filter(lambda b: b"/" not in b and b"\0" not in b)
names = st.one_of(stems.map(lambda stem: stem + b".txt"), st.sampled_from(SPECIAL_NAMES))
texts = st.text(alphabet=CHARACTERS + "，。 \n", min_size=1, max_size=80).filter(
    lambda t: any(c in CHARACTERS for c in t)
)
entries = st.lists(
    st.tuples(names, st.sampled_from((GOOD, GOOD, *BAD_KINDS)), texts),
    min_size=1,
    max_size=6,
    unique_by=lambda entry: entry[0],
)


@pytest.fixture(scope="module")
def resources():
    from zhreader.pipeline.build import load_resources

    return load_resources(BuildSettings(formats=("json",)))


def _snapshot(root: Path, skip: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for folder, dirs, files in os.walk(root):
        if Path(folder) == skip:
            dirs.clear()
            continue
        for name in files + dirs:
            path = Path(folder, name)
            if path == skip:
                continue
            info = path.lstat()
            found[os.fsencode(path).hex()] = (info.st_size, info.st_mtime_ns)
    return found


def _make(inbox: Path, outside: Path, name: bytes, kind: str, text: str) -> None:
    path = os.path.join(os.fsencode(inbox), name)
    if kind == GOOD:
        Path(os.fsdecode(path)).write_text(text, encoding="utf-8")
    elif kind == "empty":
        Path(os.fsdecode(path)).write_bytes(b"")
    elif kind == "binary":
        Path(os.fsdecode(path)).write_bytes(b"\x00\x01\x02" * 40)
    elif kind == "loop":
        os.symlink(name, path)
    elif kind == "link-out":
        os.symlink(os.fsencode(outside), path)


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(entries=entries)
def test_a_random_inbox_completes_and_loses_nothing(resources, entries) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        inbox, out = root / "inbox", root / "out"
        inbox.mkdir()
        outside = root / "private.txt"
        outside.write_text("机密文件。\n", encoding="utf-8")
        for name, kind, text in entries:
            _make(inbox, outside, name, kind, text)
        before = _snapshot(root, out)

        summary = run_batch(inbox, out, BuildSettings(formats=("json",)), 1, resources=resources)

        assert _snapshot(root, out) == before  # nothing written outside OUT
        failed = dict(summary.failed)
        visible = [(n, k) for n, k, _ in entries if not n.startswith(b".")]
        assert len(summary.built) + len(failed) == len(visible)
        for name, kind in visible:
            shown = display_name(os.fsdecode(name))
            if kind in BAD_KINDS:
                assert shown in failed, (shown, summary.failed)
            elif shown in failed:
                assert "already used" in failed[shown]  # a slug twin, reported
        for result in summary.built:
            folder = out / result.slug
            assert folder.parent == out and (folder / "edition.json").is_file()
        journal = out / MANIFEST_NAME  # absent when no file got as far as a build
        assert journal.is_file() or not summary.built
        if journal.is_file():
            journal.read_text(encoding="utf-8")  # UTF-8 whatever the file names were
        records = load_manifest(out).issues
        assert {slug for slug, r in records.items() if r.status == "built"} == {
            r.slug for r in summary.built
        }
        assert (out / "index.html").is_file()
        assert "机密" not in (out / "index.html").read_text(encoding="utf-8")
