"""`zhreader glossary check` and `zhreader glossary report` as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE

from zhreader.cli import main
from zhreader.pipeline.glossary.check import HEADER

ROW = "两山夹一田\t\tliǎng shān jiā yī tián\tvalley fields\t\t\tslogan\tproposed: test"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def write(folder: Path, name: str, *rows: str) -> Path:
    path = folder / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_passes_on_the_bundled_glossary():
    result = run("glossary", "check")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("1 file, ") and lines[0].endswith(": 0 errors, 0 warnings")


def test_check_prints_every_problem_and_exits_1(here: Path):
    write(here, "bad.tsv", ROW, "临湘\t\tLín xiāng shì\tLinxiang\t\t\tplace\tstandard", "坏\tx")
    result = run("glossary", "check", "bad.tsv")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "bad.tsv:3: pinyin has 3 syllables for 2 characters in 临湘 "
        "(expected one syllable per character)",
        "bad.tsv:4: 2 columns, expected 8 (zh, variants, pinyin, en, en_alt, note, category, "
        "source), separated by tabs",
        "1 file, 1 entry: 2 errors, 0 warnings",
    ]


def test_check_warnings_pass_unless_strict(here: Path):
    path = here / "crlf.tsv"
    path.write_bytes(f"{HEADER}\r\n{ROW}\r\n".encode())
    result = run("glossary", "check", "crlf.tsv")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        "crlf.tsv:1: warning: Windows line ends (CRLF); read as LF"
    )
    assert run("glossary", "check", "--strict", "crlf.tsv").exit_code == 1


def test_check_reports_overrides_between_files(here: Path):
    write(here, "a.tsv", ROW)
    write(here, "b.tsv", "# mine", ROW.replace("valley fields", "narrow fields"))
    result = run("glossary", "check", "a.tsv", "b.tsv")
    assert result.exit_code == 0, result.output
    assert "term 两山夹一田 from b.tsv:3 overrides a.tsv:2" in result.output.splitlines()


def test_check_missing_file_is_one_line(here: Path):
    result = run("glossary", "check", "missing.tsv")
    assert result.exit_code == 1
    assert result.output.startswith("missing.tsv: cannot read: ")
    assert "Traceback" not in result.output


def test_build_refuses_a_broken_glossary_with_the_same_messages(here: Path):
    write(here, "bad.tsv", "临湘\t\tLín xiāng shì\tLinxiang\t\t\tplace\tstandard")
    result = run("build", str(EXAMPLE), "--glossary", "bad.tsv", "--out", str(here / "out"))
    assert result.exit_code == 1
    assert (
        "bad.tsv:2: pinyin has 3 syllables for 2 characters in 临湘 "
        "(expected one syllable per character)"
    ) in result.output
    assert not (here / "out").exists() or not any((here / "out").iterdir())


def test_report_lists_terms_and_candidates():
    result = run("glossary", "report", str(EXAMPLE), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    counts = {t["zh"]: t["count"] for t in data["terms"]}
    assert counts["两不愁三保障"] == 1
    assert counts["八严禁"] == 7
    assert counts["贫困户"] >= 20
    # Most frequent first.
    assert [t["count"] for t in data["terms"]] == sorted(counts.values(), reverse=True)
    first = next(t for t in data["terms"] if t["zh"] == "三回头")
    assert first["occurrences"][0].startswith("a2-")
    candidates = {c["zh"]: c for c in data["candidates"]}
    assert candidates["一对一"]["reason"] == "quoted"
    assert candidates["一对一"]["pinyin"] == "yī duì yī"
    # Known terms and dictionary words are not candidates.
    assert "三回头" not in candidates and "扶贫" not in candidates
    assert all(c["count"] >= 2 for c in data["candidates"] if c["reason"] != "quoted")
    # Words jieba split that recur together; a run inside a longer one as often is left out.
    assert candidates["政策落实情况"]["reason"] == "recurring sequence"
    assert candidates["政策落实情况"]["count"] == 4
    assert "政策落实" not in candidates
    assert candidates["落实情况"]["count"] == 5


def test_report_uses_extra_glossaries_and_writes_tsv_rows(here: Path):
    write(here, "more.tsv", "一对一\t\tyī duì yī\tone-on-one\t\t\tterm\tproposed: test")
    result = run("glossary", "report", str(EXAMPLE), "--glossary", "more.tsv", "--format", "tsv")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1] == HEADER
    # Rows are commented out until the editor completes them.
    rows = [line[2:].split("\t") for line in lines[2:] if "\t" in line]
    assert all(line.startswith("# ") for line in lines[2:])
    assert rows and all(len(row) == 8 for row in rows)
    assert "一对一" not in [row[0] for row in rows]
    # Candidate rows carry the pinyin; the editor adds en, category and source.
    slogan = next(row for row in rows if row[0] == "送政策、送岗位、送信息")
    assert slogan[2] == "sòng zhèng cè sòng gǎng wèi sòng xìn xī"


def test_report_on_a_missing_input_is_one_line(here: Path):
    result = run("glossary", "report", "nope.txt")
    assert result.exit_code == 1
    assert result.output.strip() == "zhreader: error: nope.txt: input file not found"


def test_report_tsv_appends_to_a_glossary_without_breaking_it(here: Path):
    glossary = write(here, "terms.tsv", ROW)
    result = run("glossary", "report", str(EXAMPLE), "--format", "tsv", "--no-header")
    assert result.exit_code == 0, result.output
    assert HEADER not in result.output
    with glossary.open("a", encoding="utf-8") as handle:
        handle.write(result.output)
    assert glossary.read_text("utf-8").count(HEADER) == 1
    check = run("glossary", "check", "terms.tsv")
    assert check.exit_code == 0, check.output
    assert check.output.strip() == "1 file, 1 entry: 0 errors, 0 warnings"
    # A fresh file from the default output is a valid (empty) glossary too.
    (here / "new.tsv").write_text(
        run("glossary", "report", str(EXAMPLE), "--format", "tsv").output, encoding="utf-8"
    )
    assert run("glossary", "check", "new.tsv").exit_code == 0
    assert "--no-header >> my-terms.tsv" in run("glossary", "report", "--help").output


def test_report_drops_runs_across_phrase_boundaries(here: Path):
    text = "24小时自助图书馆正式开放。\n本市第二家24小时自助图书馆正式开放，市民可刷卡借书。\n"
    (here / "issue.txt").write_text(text, encoding="utf-8")
    result = run("glossary", "report", "issue.txt", "--format", "json")
    assert result.exit_code == 0, result.output
    candidates = {c["zh"] for c in json.loads(result.output)["candidates"]}
    # 24小时 | 自助图书馆 | 正式开放: the unit belongs to its number, the adverb to its verb.
    assert "小时自助" not in candidates and "图书馆正式" not in candidates
    assert not any(c.startswith("小时") or c.endswith("正式") for c in candidates)
    assert "自助图书馆" in candidates


def test_report_keeps_runs_after_a_percentage(here: Path):
    text = "全球量产最高48.41%发动机热效率。新车发动机热效率更高。\n"
    (here / "issue.txt").write_text(text, encoding="utf-8")
    result = run("glossary", "report", "issue.txt", "--format", "json")
    candidates = {c["zh"] for c in json.loads(result.output)["candidates"]}
    assert "发动机热效率" in candidates  # 48.41% takes no unit: no boundary after it
