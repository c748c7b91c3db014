"""Batch runs: finding issues, slugs, the manifest's rebuild rules, and real runs."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from zhreader.pipeline.batch import (
    discover_issues,
    find_candidates,
    remove_stale_temp_files,
    slug_for,
)
from zhreader.pipeline.manifest import (
    Candidate,
    IssueRecord,
    Manifest,
    changed_forms,
    glossary_snapshot,
    load_manifest,
    rebuild_reason,
)

from zhreader.errors import ZhreaderError

SIG = "zhreader:0.1.0|seg:jieba-0.42.1|py:pypinyin-0.55.0|gl:aaaaaa|mt:none"

# --- finding issues and naming them -----------------------------------------


def test_discover_skips_hidden_sidecars_and_the_output(tmp_path: Path) -> None:
    for name in (
        "2020-04-15.txt",
        "sub/dir/p1.TXT",
        ".hidden.txt",
        ".cache/x.txt",
        "2020-04-15.structure.toml",
        "notes.md",
        "out/a/copy.txt",
    ):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = discover_issues(tmp_path, exclude=tmp_path / "out")
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "2020-04-15.txt",
        "sub/dir/p1.TXT",
    ]


@pytest.mark.parametrize(
    ("rel", "slug"),
    [
        ("2020-04-15.txt", "2020-04-15"),
        ("临湘日报-2020-04-15-p3.txt", "临湘日报-2020-04-15-p3"),
        ("2020/04/15.txt", "2020-04-15"),
        ("my issue #3?.txt", "my-issue--3"),
        ("terms.txt", "terms-issue"),
        ("....txt", "issue"),
    ],
)
def test_slug_for(rel: str, slug: str) -> None:
    assert slug_for(Path(rel)) == slug


def test_colliding_slugs_fail_the_newcomer(tmp_path: Path) -> None:
    for name in ("2020/04-15.txt", "2020-04-15.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    candidates, failures = find_candidates(tmp_path, tmp_path / "out", Manifest())
    assert [c.rel for c in candidates] == ["2020-04-15.txt"]
    assert failures == [
        ("2020/04-15.txt", "slug '2020-04-15' is already used by 2020-04-15.txt; rename one")
    ]
    # The input that built the slug before keeps it.
    manifest = Manifest(issues={"2020-04-15": _record(path="2020/04-15.txt")})
    candidates, failures = find_candidates(tmp_path, tmp_path / "out", manifest)
    assert [c.rel for c in candidates] == ["2020/04-15.txt"]
    assert failures[0][0] == "2020-04-15.txt"


def test_candidates_hash_input_and_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"abc")
    (tmp_path / "a.structure.toml").write_bytes(b"[issue]\n")
    (candidate,), _ = find_candidates(tmp_path, tmp_path / "out", Manifest())
    assert candidate.input_sha256.startswith("ba7816bf")
    assert candidate.sidecar_sha256 is not None


# --- the manifest and the rebuild rules --------------------------------------


def _record(**changes) -> IssueRecord:
    fields = dict(
        slug="a",
        path="a.txt",
        input_sha256="i1",
        sidecar_sha256=None,
        signature=SIG,
        glossary_checked="aaaaaa",
        status="built",
        files=("a/edition.json",),
    )
    return IssueRecord(**{**fields, **changes})


CANDIDATE = Candidate("a", Path("a.txt"), "a.txt", "i1", None)


def _reason(record, candidate=CANDIDATE, signature=SIG, forms=None, text="", out=None):
    return rebuild_reason(record, candidate, signature, forms, lambda: text, out)


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "edition.json").write_text("{}", encoding="utf-8")
    return tmp_path


def test_unchanged_issue_is_kept(out: Path) -> None:
    assert _reason(_record(), out=out) is None


def test_rebuild_reasons(out: Path) -> None:
    assert _reason(None, out=out) == "new"
    assert _reason(_record(input_sha256="i0"), out=out) == "input changed"
    assert _reason(_record(sidecar_sha256="s0"), out=out) == "sidecar changed"
    newer = SIG.replace("mt:none", "mt:translate-zh_en-1.9")
    assert _reason(_record(), signature=newer, out=out) == "signature changed (mt)"
    (out / "a" / "edition.json").unlink()
    assert _reason(_record(), out=out) == "output files missing"


def test_failures_on_bad_input_stick_and_crashes_retry(out: Path) -> None:
    assert _reason(_record(status="failed", failure="input"), out=out) is None
    assert _reason(_record(status="failed", failure="crash"), out=out) == "retry after a crash"
    # A new version of the code retries a bad input too.
    newer = SIG.replace("zhreader:0.1.0", "zhreader:0.2.0")
    assert _reason(_record(status="failed", failure="input"), signature=newer, out=out)


def test_glossary_change_rebuilds_only_issues_containing_changed_forms(out: Path) -> None:
    changed = SIG.replace("gl:aaaaaa", "gl:bbbbbb")
    text = "坚决打赢脱贫攻坚战"
    assert _reason(_record(), signature=changed, forms={"易地扶贫搬迁"}, text=text, out=out) is None
    assert (
        _reason(_record(), signature=changed, forms={"脱贫攻坚"}, text=text, out=out)
        == "glossary terms changed (脱贫攻坚)"
    )
    assert _reason(_record(), signature=changed, forms=None, out=out) == "glossary changed"


@dataclasses.dataclass(frozen=True)
class _Entry:
    zh: str
    variants: tuple[str, ...]
    en: str
    file: str = "glossary.tsv"
    line: int = 1


def test_changed_forms_cover_added_removed_and_edited_entries() -> None:
    old = glossary_snapshot([_Entry("扶贫", (), "poverty alleviation"), _Entry("脱贫", (), "x")])
    new = glossary_snapshot(
        [
            _Entry("扶贫", (), "poverty alleviation", line=7),  # moved: same meaning
            _Entry("易地扶贫搬迁", ("异地扶贫搬迁",), "relocation"),  # added
        ]
    )
    assert changed_forms(old, new) == {"脱贫", "易地扶贫搬迁", "异地扶贫搬迁"}
    edited = glossary_snapshot([_Entry("扶贫", (), "targeted poverty alleviation")])
    assert "扶贫" in changed_forms(old, edited)


def test_manifest_round_trip_and_unreadable_manifest(tmp_path: Path) -> None:
    manifest = Manifest(issues={"a": _record()}, glossaries={"aaaaaa": {"扶贫": ["h", ["扶贫"]]}})
    manifest.save(tmp_path)
    loaded = load_manifest(tmp_path)
    assert loaded.issues == manifest.issues
    assert loaded.to_json() == manifest.to_json()
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ZhreaderError, match="manifest is unreadable.*delete it"):
        load_manifest(tmp_path)


def test_manifest_keeps_only_referenced_glossary_snapshots(tmp_path: Path) -> None:
    manifest = Manifest(issues={"a": _record()}, glossaries={"aaaaaa": {}, "old": {}})
    assert set(json.loads(manifest.to_json())["glossaries"]) == {"aaaaaa"}


def test_stale_temp_files_are_removed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / ".edition.json.x1.tmp").write_text("half", encoding="utf-8")
    (tmp_path / "a" / "edition.json").write_text("{}", encoding="utf-8")
    assert remove_stale_temp_files(tmp_path) == 1
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["edition.json"]
