"""The inbox: hostile names, links and sizes become safe slugs or one-line rejections."""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePath

import pytest

from zhreader.errors import InputError, ZhreaderError
from zhreader.pipeline.batch import find_candidates, run_batch
from zhreader.pipeline.build import BuildSettings
from zhreader.pipeline.inbox import (
    MAX_SLUG_BYTES,
    check_folders,
    display_name,
    scan_inbox,
    slug_for,
)
from zhreader.pipeline.manifest import Manifest
from zhreader.pipeline.structure.ingest import read_source

TEXT = "村民王春生每月工资500元。\n"
# Names the library writes at the top of OUT (files and folders).
LIBRARY_NAMES = {"index.html", "search-index.js", "manifest.json", "terms", "assets"}


def _write(folder: Path, name: str | bytes, text: str = TEXT) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- names --------------------------------------------------------------------


def test_a_gbk_file_name_gets_its_chinese_slug_and_a_printable_name(tmp_path: Path) -> None:
    _write(tmp_path, "临湘报-2020-04-20.txt".encode("gbk"))
    _write(tmp_path, b"\xff\xfe-odd.txt")  # neither UTF-8 nor GB18030
    found, rejected = scan_inbox(tmp_path)
    assert rejected == []
    by_slug = {f.slug: f.rel for f in found}
    gbk_name = by_slug["临湘报-2020-04-20"]
    assert gbk_name.startswith(r"\xc1\xd9") and gbk_name.endswith("-2020-04-20.txt")
    odd = next(f for f in found if f.slug != "临湘报-2020-04-20")
    assert odd.rel == r"\xff\xfe-odd.txt"
    # Both are plain text that any UTF-8 writer (the manifest, a terminal) accepts.
    for item in found:
        item.rel.encode("utf-8")
        item.slug.encode("utf-8")
        assert "/" not in item.slug and item.slug not in (".", "..")


@pytest.mark.parametrize(
    "name",
    ["index.html.txt", "search-index.js.txt", "manifest.json.txt", "Terms.txt", "assets.txt"],
)
def test_names_the_library_uses_are_never_slugs(name: str) -> None:
    slug = slug_for(PurePath(name))
    assert slug.lower() not in LIBRARY_NAMES
    assert slug == f"{PurePath(name).stem}-issue"


@pytest.mark.parametrize("name", ["..txt", "...txt", "../x.txt", "a/../../b.txt", "-.-.txt"])
def test_dot_stems_and_separators_never_leave_the_output_folder(name: str) -> None:
    slug = slug_for(PurePath(name))
    assert slug not in ("", ".", "..")
    assert "/" not in slug and "\\" not in slug and not slug.startswith(".")
    out = Path("/srv/out")
    assert (out / slug).resolve().parent == out


def test_long_names_get_bounded_unique_slugs(tmp_path: Path) -> None:
    long_a = "临" * 80 + "a.txt"  # 245 bytes
    long_b = "临" * 80 + "b.txt"
    for name in (long_a, long_b):
        _write(tmp_path, name)
    found, rejected = scan_inbox(tmp_path)
    assert rejected == []
    slugs = [f.slug for f in found]
    assert len(set(slugs)) == 2
    assert all(len(slug.encode("utf-8")) <= MAX_SLUG_BYTES for slug in slugs)
    # Short names keep the slug they always had.
    assert slug_for(PurePath("临湘日报-2020-04-15-p3.txt")) == "临湘日报-2020-04-15-p3"


def test_display_name_escapes_only_what_is_not_utf8() -> None:
    assert display_name(PurePath("2020/临湘.txt")) == "2020/临湘.txt"
    assert display_name(PurePath(os.fsdecode(b"a\xff.txt"))) == r"a\xff.txt"


# --- links, loops, odd files, sizes -------------------------------------------


def test_a_symlink_loop_is_rejected_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    _write(tmp_path, "good.txt")
    found, rejected = scan_inbox(tmp_path)
    assert [f.rel for f in found] == ["good.txt"]
    assert [r.rel for r in rejected] == ["a.txt", "b.txt", "loop.txt"]
    assert all("symlink loop" in r.reason for r in rejected)


def test_symlinks_out_of_the_inbox_are_not_followed_unless_asked(tmp_path: Path) -> None:
    secret = _write(tmp_path / "private", "secret.txt")
    inbox = tmp_path / "inbox"
    _write(inbox, "inside.txt")
    (inbox / "leak.txt").symlink_to(secret)
    (inbox / "alias.txt").symlink_to(inbox / "inside.txt")  # inside: fine
    (inbox / "linked-folder").symlink_to(tmp_path / "private", target_is_directory=True)
    found, rejected = scan_inbox(inbox)
    assert [f.rel for f in found] == ["alias.txt", "inside.txt"]
    assert [(r.rel, "--follow-symlinks" in r.reason) for r in rejected] == [("leak.txt", True)]
    found, rejected = scan_inbox(inbox, follow_symlinks=True)
    rels = [f.rel for f in found]
    assert rels == ["alias.txt", "inside.txt", "leak.txt", "linked-folder/secret.txt"]
    assert rejected == []


def test_folder_links_that_loop_are_walked_once(tmp_path: Path) -> None:
    _write(tmp_path / "a", "x.txt")
    (tmp_path / "a" / "back").symlink_to(tmp_path, target_is_directory=True)
    found, _ = scan_inbox(tmp_path, follow_symlinks=True)
    assert [f.rel for f in found] == ["a/x.txt"]


def test_a_fifo_is_rejected_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    found, rejected = scan_inbox(tmp_path)
    assert found == [] and [(r.rel, r.reason) for r in rejected] == [
        ("pipe.txt", "not a regular file")
    ]


def test_inputs_over_the_size_limit_are_refused_unread(tmp_path: Path) -> None:
    big = _write(tmp_path, "big.txt", "字" * 1000)  # 3000 bytes
    _write(tmp_path, "small.txt")
    found, rejected = scan_inbox(tmp_path, max_bytes=2000)
    assert [f.rel for f in found] == ["small.txt"]
    assert rejected[0].rel == "big.txt" and "--max-input-mb" in rejected[0].reason
    with pytest.raises(InputError, match=r"big\.txt: input is 0\.0 MB, over the limit"):
        read_source(big, max_bytes=2000)
    assert read_source(big, max_bytes=3000).text == "字" * 1000


# --- folders --------------------------------------------------------------------


def test_an_input_folder_inside_the_output_is_refused_and_left_alone(tmp_path: Path) -> None:
    inbox = tmp_path / "out" / "inbox"
    _write(inbox, "a.txt")
    upload = inbox / ".a.txt.part.tmp"  # an upload in progress
    upload.write_text("half", encoding="utf-8")
    with pytest.raises(ZhreaderError, match="inside the output folder"):
        check_folders(inbox, tmp_path / "out")
    with pytest.raises(ZhreaderError, match="inside the output folder"):
        run_batch(inbox, tmp_path / "out", BuildSettings(), 1)
    assert upload.exists()
    with pytest.raises(ZhreaderError, match="inside the output folder"):
        check_folders(tmp_path / "out", tmp_path / "out")


def test_candidates_never_share_a_slug_even_by_case(tmp_path: Path) -> None:
    _write(tmp_path, "Issue.txt")
    _write(tmp_path, "issue.txt")
    candidates, failures = find_candidates(tmp_path, tmp_path / "out", Manifest())
    assert len(candidates) == 1 and len(failures) == 1
    assert "already used" in failures[0][1]
    json.dumps(failures, ensure_ascii=False).encode("utf-8")
