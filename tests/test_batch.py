"""Batch runs: finding issues, slugs, the manifest's rebuild rules, and real runs."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from zhreader.errors import ZhreaderError
from zhreader.pipeline.batch import (
    discover_issues,
    find_candidates,
    peak_rss_mb,
    remove_stale_temp_files,
    sweep_output,
)
from zhreader.pipeline.inbox import slug_for
from zhreader.pipeline.manifest import (
    Candidate,
    IssueRecord,
    Manifest,
    changed_forms,
    glossary_snapshot,
    load_manifest,
    rebuild_reason,
)

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
    present = sweep_output(out)[0] if out is not None else frozenset()
    return rebuild_reason(record, candidate, signature, forms, lambda: text, present)


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


def test_manifest_journal_round_trip_and_unknown_format(tmp_path: Path) -> None:
    manifest = Manifest(issues={"a": _record()}, glossaries={"aaaaaa": {"扶贫": ["h", ["扶贫"]]}})
    manifest.save(tmp_path)
    manifest.record(tmp_path, _record(slug="b", path="b.txt"))
    manifest.record(tmp_path, _record(slug="a", status="failed", reason="bad"))
    manifest.remove(tmp_path, "b")
    loaded = load_manifest(tmp_path)
    assert loaded.issues == {"a": _record(status="failed", reason="bad")}
    assert loaded.glossaries == manifest.glossaries and loaded.problems == []
    assert loaded.to_lines() == manifest.to_lines()
    (tmp_path / "manifest.jsonl").write_text('{"format": "other/9"}\n', encoding="utf-8")
    with pytest.raises(ZhreaderError, match=r"manifest.jsonl:1: unknown manifest format.*delete"):
        load_manifest(tmp_path)


def test_recording_an_issue_appends_one_line(tmp_path: Path) -> None:
    manifest = Manifest(glossaries={"aaaaaa": {}})
    manifest.save(tmp_path)
    sizes = []
    for number in range(3):
        manifest.record(tmp_path, _record(slug=f"s{number}", path=f"s{number}.txt"))
        sizes.append((tmp_path / "manifest.jsonl").stat().st_size)
    assert sizes[2] - sizes[1] == sizes[1] - sizes[0]  # the same bytes per record
    lines = (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5  # the header, the glossary once (with the first record), 3 records


def test_records_loaded_from_the_journal_share_their_term_strings(tmp_path: Path) -> None:
    """The driver holds every record; the same terms recur in every issue, held once."""
    manifest = Manifest(glossaries={"aaaaaa": {}})
    manifest.save(tmp_path)
    for number in range(2):
        terms = ("".join(["扶", "贫"]), "".join(["脱贫", "攻坚"]))  # built: distinct objects
        manifest.record(tmp_path, _record(slug=f"s{number}", path=f"s{number}.txt", terms=terms))
    first, second = (load_manifest(tmp_path).issues[f"s{n}"] for n in range(2))
    assert first.terms == second.terms == ("扶贫", "脱贫攻坚")
    assert all(a is b for a, b in zip(first.terms, second.terms, strict=True))


def _line(**changes) -> str:
    data = {**dataclasses.asdict(_record(slug="b", path="b.txt")), **changes}
    return json.dumps({k: v for k, v in data.items() if v != "DROP"})


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (_line(path=3), "field 'path': expected str, received 3"),
        (_line(sentences=True), "field 'sentences': expected int, received True"),
        (_line(files="a/x"), "field 'files': expected list, received 'a/x'"),
        (_line(status="done"), "field 'status': expected 'built' or 'failed'"),
        (_line(signature="DROP"), "field 'signature' is missing"),
        (_line(extra=1), "unknown field 'extra'"),
        ("[1, 2]", "expected a JSON object"),
        ("{half", "Expecting property name"),
    ],
)
def test_a_bad_journal_line_is_reported_and_its_issue_rebuilt(tmp_path, line, problem) -> None:
    manifest = Manifest(issues={"a": _record()}, glossaries={"aaaaaa": {}})
    manifest.save(tmp_path)
    path = tmp_path / "manifest.jsonl"
    path.write_text(path.read_text() + line + "\n" + '{"removed": "zz"}\n', encoding="utf-8")
    loaded = load_manifest(tmp_path)
    assert list(loaded.issues) == ["a"]
    assert len(loaded.problems) == 1 and problem in loaded.problems[0]
    assert loaded.problems[0].startswith("manifest.jsonl:4: ")
    assert loaded.needs_compaction()


def test_a_torn_last_line_is_ignored_and_compacted_away(tmp_path: Path) -> None:
    manifest = Manifest(issues={"a": _record()}, glossaries={"aaaaaa": {}})
    manifest.save(tmp_path)
    path = tmp_path / "manifest.jsonl"
    path.write_text(path.read_text() + '{"slug": "b", "pa', encoding="utf-8")
    loaded = load_manifest(tmp_path)
    assert list(loaded.issues) == ["a"] and loaded.torn and loaded.problems == []
    assert loaded.needs_compaction()
    loaded.save(tmp_path)
    loaded.record(tmp_path, _record(slug="b", path="b.txt"))
    assert list(load_manifest(tmp_path).issues) == ["a", "b"]


def test_an_old_manifest_json_is_read_and_replaced(tmp_path: Path) -> None:
    old = {
        "format": "zhreader.manifest/1",
        "issues": {"a": dataclasses.asdict(_record())},
        "glossaries": {"aaaaaa": {}},
    }
    (tmp_path / "manifest.json").write_text(json.dumps(old), encoding="utf-8")
    manifest = load_manifest(tmp_path)
    assert manifest.issues == {"a": _record()}
    manifest.save(tmp_path)
    assert not (tmp_path / "manifest.json").exists()
    assert load_manifest(tmp_path).issues == {"a": _record()}


def test_manifest_keeps_only_referenced_glossary_snapshots() -> None:
    manifest = Manifest(issues={"a": _record()}, glossaries={"aaaaaa": {}, "old": {}})
    glossaries = [json.loads(line).get("glossary") for line in manifest.to_lines()]
    assert [g for g in glossaries if g] == ["aaaaaa"]


def test_stale_temp_files_are_removed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / ".edition.json.x1.tmp").write_text("half", encoding="utf-8")
    (tmp_path / "a" / "edition.json").write_text("{}", encoding="utf-8")
    assert remove_stale_temp_files(tmp_path) == 1
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["edition.json"]


def test_a_spawned_process_reports_its_own_peak_not_its_parents() -> None:
    import subprocess
    import sys

    ballast = bytearray(300 * 2**20)  # this process: over 300 MB at the fork
    ballast[::4096] = b"x" * len(ballast[::4096])  # touched, so resident
    code = "from zhreader.pipeline.batch import peak_rss_mb; print(peak_rss_mb())"
    child = float(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
    )
    assert peak_rss_mb() > 300
    assert child < 200, "a fresh interpreter that imports the batch module is far smaller"
    del ballast


def test_sweep_names_the_files_left_as_records_name_them(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "index.html").write_text("", encoding="utf-8")
    (tmp_path / "a" / "b" / "page.html").write_text("", encoding="utf-8")
    (tmp_path / "a" / ".page.html.x1.tmp").write_text("half", encoding="utf-8")
    assert sweep_output(tmp_path) == (frozenset({"index.html", "a/b/page.html"}), 1)


# --- real runs ----------------------------------------------------------------

SCHEMAS = Path(__file__).resolve().parents[1] / "zhreader" / "schema"
DATED = "临湘日报-2020-04-15-p3.txt"
GLOSSARY_HEADER = "zh\tvariants\tpinyin\ten\ten_alt\tnote\tcategory\tsource\n"


def _batch(folder: Path, out: Path, *extra: str):
    from click.testing import CliRunner

    from zhreader.cli import main

    args = ["batch", str(folder), "--out", str(out), "--jobs", "1", *extra]
    return CliRunner().invoke(main, args)


def _archive(root: Path, example: Path) -> Path:
    """The done-when folder: the example, a GB18030 copy under a dated name, a broken file."""
    folder = root / "issues"
    folder.mkdir()
    (folder / example.name).write_bytes(example.read_bytes())
    text = example.read_text(encoding="utf-8")
    (folder / "2020" / "04").mkdir(parents=True)
    (folder / "2020" / "04" / DATED).write_bytes(text.encode("gb18030"))
    (folder / "broken.txt").write_bytes(b"\x81\xff\x80\xfe" * 20)
    (folder / ".half-uploaded.txt").write_text("ignored", encoding="utf-8")
    return folder


def _manifest(out: Path) -> dict:
    """The manifest as plain data, replayed from the journal."""
    issues = load_manifest(out).issues
    return {"issues": {slug: dataclasses.asdict(record) for slug, record in issues.items()}}


def _tree(out: Path) -> dict[str, bytes]:
    """Every file a reader sees; the manifest is a journal, compared replayed (``_manifest``)."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file()
        and not p.relative_to(out).as_posix().startswith(".")
        and p.name != "manifest.jsonl"
    }


@pytest.fixture(scope="module")
def first_run(tmp_path_factory, example_path):
    root = tmp_path_factory.mktemp("batch")
    folder = _archive(root, example_path)
    out = root / "out"
    result = _batch(folder, out)
    return folder, out, result


def test_batch_builds_two_issues_and_reports_the_broken_one(first_run) -> None:
    folder, out, result = first_run
    assert result.exit_code == 1, result.output
    assert "broken.txt" in result.output
    manifest = _manifest(out)
    status = {slug: r["status"] for slug, r in manifest["issues"].items()}
    dated_slug = "2020-04-" + Path(DATED).stem
    assert status == {"linxiang-2020-04": "built", dated_slug: "built", "broken": "failed"}
    assert manifest["issues"]["broken"]["failure"] == "input"
    for slug in ("linxiang-2020-04", dated_slug):
        names = {p.name for p in (out / slug).iterdir()}
        assert {"edition.json", "side-by-side.html", f"{slug}.epub", "citation.bib"} <= names
    assert not list(out.rglob("*.tmp"))


def test_the_summary_names_each_structure_notice_by_file_and_line(first_run) -> None:
    folder, out, result = first_run
    notices = [line for line in result.output.splitlines() if line.startswith("  notice: ")]
    doubt = "51: 湘建鞋业公司就业扶贫车间… read as a photo caption set inside a broken paragraph"
    assert sorted(line.split(":", 2)[1].strip() for line in notices) == [
        f"2020/04/{DATED}",
        "linxiang-2020-04.txt",
    ]
    assert all(doubt in line for line in notices)
    edition = json.loads((out / "linxiang-2020-04" / "edition.json").read_text(encoding="utf-8"))
    assert any(doubt in n["message"] for n in edition["notices"])


def test_file_name_metadata_reaches_the_edition_and_citation(first_run) -> None:
    _, out, _ = first_run
    slug = "2020-04-" + Path(DATED).stem
    edition = json.loads((out / slug / "edition.json").read_text(encoding="utf-8"))
    assert (edition["paper"], edition["date"], edition["page"]) == ("临湘日报", "2020-04-15", "3")
    assert edition["source"]["encoding"].lower().replace("-", "") == "gb18030"
    citation = json.loads((out / slug / "citation.json").read_text(encoding="utf-8"))
    assert citation[0]["container-title"] == "临湘日报"
    assert edition["signature"] in citation[0]["note"]


def test_exports_validate_against_their_schemas(first_run) -> None:
    import jsonschema

    _, out, _ = first_run
    sentences = json.loads((SCHEMAS / "sentences.schema.json").read_text(encoding="utf-8"))
    citation = json.loads((SCHEMAS / "citation.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(sentences)
    for path in out.glob("*/sentences.jsonl"):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines
        for line in lines:
            validator.validate(json.loads(line))
        tsv = (path.parent / "sentences.tsv").read_text(encoding="utf-8").splitlines()
        assert len(tsv) == len(lines) + 1
    for path in out.glob("*/citation.json"):
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), citation)


def test_library_lists_both_issues_newest_first(first_run) -> None:
    _, out, _ = first_run
    html = (out / "index.html").read_text(encoding="utf-8")
    dated = html.index('id="issue-2020-04-')
    undated = html.index('id="issue-linxiang-2020-04"')
    assert dated < undated
    assert "broken.txt" in (out / "failures.html").read_text(encoding="utf-8")
    for slug in ("linxiang-2020-04",):
        shard = (out / slug / "search.js").read_text(encoding="utf-8")
        assert shard.startswith('ZHREADER_SEARCH.sentences("linxiang-2020-04",')
    assert not (out / "search-index.js").exists()
    assert (out / "years" / "2020-04.html").exists() and (out / "years" / "undated.html").exists()
    assert len(list((out / "search" / "2020").glob("b*.js"))) == 256
    assert list((out / "terms").glob("*/2020.html"))


@pytest.fixture(scope="module")
def resources():
    """Resources for the default settings, loaded once: each load takes seconds."""
    from zhreader.pipeline.build import BuildSettings, load_resources

    return load_resources(BuildSettings())


def _run(folder: Path, out: Path, resources, jobs: int = 1):
    from zhreader.pipeline.batch import run_batch
    from zhreader.pipeline.build import BuildSettings

    return run_batch(folder, out, BuildSettings(), jobs, resources=resources)


def test_second_run_skips_everything_and_changes_nothing(first_run, resources) -> None:
    folder, out, _ = first_run
    before, journal = _tree(out), (out / "manifest.jsonl").read_bytes()
    summary = _run(folder, out, resources)
    assert (summary.built, sorted(summary.skipped)) == ([], sorted(_built_slugs(out)))
    assert len(summary.skipped) == 2
    # broken.txt is still broken: reported again, not rebuilt.
    assert [path for path, _ in summary.failed] == ["broken.txt"]
    assert "unchanged since it failed" in summary.failed[0][1]
    assert _tree(out) == before
    assert (out / "manifest.jsonl").read_bytes() == journal  # nothing appended


def _built_slugs(out: Path) -> list[str]:
    manifest = _manifest(out)
    return [slug for slug, r in manifest["issues"].items() if r["status"] == "built"]


# A fresh process, as cron starts one: an unchanged rerun, then the modules it imported.
_UNCHANGED_RERUN = """
import json, sys
from pathlib import Path
from zhreader.pipeline.batch import run_batch
from zhreader.pipeline.build import BuildSettings
summary = run_batch(Path(sys.argv[1]), Path(sys.argv[2]), BuildSettings(), 2)
heavy = ("jieba", "pypinyin", "numpy", "ctranslate2", "distributed",
         "zhreader.pipeline.words.annotate", "zhreader.pipeline.words.dictionary")
print(json.dumps({"built": len(summary.built), "skipped": len(summary.skipped),
                  "loaded": sorted(name for name in heavy if name in sys.modules)}))
"""


def test_an_unchanged_rerun_in_a_fresh_process_loads_nothing_heavy(first_run) -> None:
    """The signature comes from the memo the first run left (signature_memo), not a load."""
    import subprocess
    import sys

    folder, out, _ = first_run
    before, journal = _tree(out), (out / "manifest.jsonl").read_bytes()
    done = subprocess.run(
        [sys.executable, "-c", _UNCHANGED_RERUN, str(folder), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures == {"built": 0, "skipped": 2, "loaded": []}, done.stderr
    assert _tree(out) == before
    assert (out / "manifest.jsonl").read_bytes() == journal


def test_same_input_and_signature_give_the_same_bytes(first_run, resources) -> None:
    import shutil

    folder, out, _ = first_run
    before, manifest = _tree(out), _manifest(out)
    shutil.rmtree(out / "linxiang-2020-04")
    summary = _run(folder, out, resources)
    assert [r.slug for r in summary.built] == ["linxiang-2020-04"]
    assert _tree(out) == before
    assert _manifest(out) == manifest


def test_glossary_change_rebuilds_only_issues_that_contain_the_term(tmp_path, resources):
    folder = tmp_path / "issues"
    folder.mkdir()
    # Short issues keep the runs fast; the full example is built above.
    with_term = "岗位开发\n\n临湘市加大公益性岗位开发。\n"
    (folder / "with-term.txt").write_text(with_term, encoding="utf-8")
    (folder / "without-term.txt").write_text("今天天气\n\n我们去公园。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert len(_run(folder, out, resources).built) == 2
    extra = tmp_path / "extra.tsv"
    rows = [
        "公益性岗位\t\tgōng yì xìng gǎng wèi\tpublic-welfare job\t\t\tpolicy\tt",
        "碳达峰\t\ttàn dá fēng\tcarbon peaking\t\t\tpolicy\tt",
    ]
    extra.write_text(GLOSSARY_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    result = _batch(folder, out, "--glossary", str(extra))
    assert result.exit_code == 0, result.output
    assert "to build: with-term.txt (glossary terms changed (公益性岗位))" in result.output
    assert re.search(r"built\s+1\b", result.output), result.output
    assert re.search(r"skipped \(up to date\)\s+1\b", result.output), result.output
    manifest = _manifest(out)
    assert "公益性岗位" in manifest["issues"]["with-term"]["terms"]
    assert (
        manifest["issues"]["without-term"]["glossary_checked"]
        != (manifest["issues"]["without-term"]["signature"].split("gl:")[1].split("|")[0])
    )


def test_an_unchanged_rerun_reads_no_edition_and_writes_nothing(tmp_path, resources) -> None:
    folder = tmp_path / "issues"
    folder.mkdir()
    (folder / "paper-2020-05-01.txt").write_text("岗位开发\n\n加大岗位开发。\n", encoding="utf-8")
    (folder / "paper-2021-05-01.txt").write_text("今天天气\n\n我们去公园。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert len(_run(folder, out, resources).built) == 2
    # Editions and library records that cannot be read: a rerun that opened them would fail.
    for name in ("edition.json", "library.json", "search-keys.json"):
        for path in out.glob(f"*/{name}"):
            path.write_text("{unreadable", encoding="utf-8")
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    summary = _run(folder, out, resources)
    assert (summary.built, summary.failed, len(summary.skipped)) == ([], [], 2)
    after = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_a_mistyped_manifest_record_is_a_warning_and_a_rebuild(tmp_path) -> None:
    folder = tmp_path / "issues"
    folder.mkdir()
    (folder / "paper-2020-05-01.txt").write_text("今天天气\n\n我们去公园。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _batch(folder, out).exit_code == 0
    journal = out / "manifest.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[-1])
    lines[-1] = json.dumps({**record, "sentences": "two"})
    journal.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _batch(folder, out)
    assert result.exit_code == 0, result.output
    number = len(lines)
    assert (
        f"warning: manifest line skipped, its issue is rebuilt: manifest.jsonl:{number}: "
        "field 'sentences': expected int, received 'two'"
    ) in result.output
    assert "to build: paper-2020-05-01.txt (new)" in result.output
    assert load_manifest(out).problems == []  # compacted: the bad line is gone


def test_kill_and_rerun_loses_nothing(tmp_path, example_path, resources) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "issues"
    folder.mkdir()
    # Six short issues (the example's first paragraphs) keep the run brief but
    # leave most of them unbuilt when the first one appears.
    blocks = example_path.read_text(encoding="utf-8").split("\n\n")
    for day in range(1, 7):
        text = "\n\n".join(blocks[: 6 + day])
        (folder / f"paper-2020-05-0{day}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    exe = Path(sys.executable).with_name("zhreader")
    command = [str(exe), "batch", str(folder), "--out", str(out), "--jobs", "2"]
    process = subprocess.Popen(
        command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 240
    try:
        while not list(out.glob("*/edition.json")) and process.poll() is None:
            assert time.monotonic() < deadline, "no issue was built in time"
            time.sleep(0.05)
    finally:
        # The whole process group: the batch and its workers, mid-write.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL  # killed mid-run, not finished
    summary = _run(folder, out, resources)
    assert summary.ok, summary.failed
    manifest = _manifest(out)
    assert sorted(manifest["issues"]) == [f"paper-2020-05-0{day}" for day in range(1, 7)]
    assert {r["status"] for r in manifest["issues"].values()} == {"built"}
    assert not list(out.rglob("*.tmp"))
    for path in out.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    for path in out.rglob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            json.loads(line)
    html = (out / "index.html").read_text(encoding="utf-8")
    assert html.count('class="issue"') == 6


# --- progress and summary -------------------------------------------------------


def test_progress_log_lines_and_bar() -> None:
    import io

    from zhreader.commands.batch import Progress, summary_table
    from zhreader.pipeline.batch import BatchSummary, IssueResult

    ok = IssueResult("a", "a.txt", True, sentences=10, translated=7, seconds=1.25)
    bad = IssueResult("b", "b.txt", False, reason="not UTF-8", failure="input")
    log = io.StringIO()
    progress = Progress("log", log)
    for event in (("plan", (2, 3, 0)), ("reason", ("a.txt", "new")), ("issue", ok), ("issue", bad)):
        progress(*event)
    assert log.getvalue().splitlines() == [
        "plan: 2 to build, 3 up to date, 0 failed early",
        "to build: a.txt (new)",
        "[1/2] built a (10 sentences, 7 translated, 1.2s)",
        "[2/2] FAILED b.txt: not UTF-8",
    ]
    bar = io.StringIO()
    progress = Progress("bar", bar)
    progress("plan", (2, 0, 0))
    progress("issue", ok)
    assert "[############............] 1/2 issues · 7 sentences translated · ETA" in bar.getvalue()
    quiet = io.StringIO()
    Progress("quiet", quiet)("issue", bad)
    assert quiet.getvalue() == ""
    table = summary_table(BatchSummary([ok], ["c", "d"], [("b.txt", "not UTF-8")], []))
    assert re.search(r"built\s+1\n", table) and re.search(r"skipped \(up to date\)\s+2\n", table)
    assert table.endswith("failed: b.txt: not UTF-8")


def test_a_second_batch_on_the_same_output_is_refused(tmp_path: Path) -> None:
    from zhreader.pipeline.batch import _Lock, run_batch
    from zhreader.pipeline.build import BuildSettings

    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    with _Lock(tmp_path / "out"), pytest.raises(ZhreaderError, match="another zhreader batch"):
        run_batch(tmp_path / "in", tmp_path / "out", BuildSettings(), 1)


def test_a_missing_input_folder_is_one_clear_error(tmp_path: Path) -> None:
    from zhreader.pipeline.batch import run_batch
    from zhreader.pipeline.build import BuildSettings

    with pytest.raises(ZhreaderError, match="not a folder"):
        run_batch(tmp_path / "nowhere", tmp_path / "out", BuildSettings(), 1)
