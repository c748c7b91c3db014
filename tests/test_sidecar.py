"""The sidecar: issue metadata and structure fixes, applied and reported; every mistake named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zhreader.errors import SidecarError
from zhreader.pipeline.structure.ingest import read_source
from zhreader.pipeline.structure.integrity import check_text_preserved
from zhreader.pipeline.structure.recover import recover_structure
from zhreader.pipeline.structure.sidecar import load_sidecar, sidecar_path

FIXES = """\
[issue]
paper = "临湘报"
date = 2020-04-20
page = 3
title = "临湘：就业扶贫"

# The stray paragraph after the news item belongs to the feature.
[[fix]]
text = "据初步统计"
action = "move"
to = "就业扶贫惠民"

[[fix]]
line = 81
action = "paragraph"
"""


@pytest.fixture
def issue(tmp_path, example_path):
    path = tmp_path / example_path.name
    shutil.copy(example_path, path)
    return path


def _fixes(messages: list[str]) -> list[str]:
    """Return the sidecar's messages (the structure's doubts come after them)."""
    return [m for m in messages if m.startswith("sidecar fix")]


def _write_sidecar(issue, text: str):
    sidecar_path(issue).write_text(text, encoding="utf-8")


def test_no_sidecar_is_none(issue):
    assert load_sidecar(issue) is None


def test_metadata_and_fixes_are_applied_and_reported(issue):
    _write_sidecar(issue, FIXES)
    sidecar = load_sidecar(issue)
    assert (sidecar.paper, sidecar.date, sidecar.page) == ("临湘报", "2020-04-20", "3")
    source = read_source(issue)
    edition, messages = recover_structure(source, sidecar)
    assert edition.title == "临湘：就业扶贫"
    assert (edition.paper, edition.date, edition.page) == ("临湘报", "2020-04-20", "3")
    feature, news = edition.articles[0], edition.articles[2]
    texts = [b.sentences[0].zh for b in feature.blocks]
    # Moved into the feature, in input order: after the news items, before the subhead.
    moved = texts.index("据初步统计，临湘市共计安置160多名贫困劳动力从事公益性岗位工作。")
    assert texts[moved + 1] == "“三送”到家门温暖群众心"
    assert not news.blocks[-1].sentences[0].zh.startswith("据初步统计")
    # Line 81 (a caption title) is now a paragraph of the article before it.
    assert edition.articles[3].blocks[-1].sentences[0].zh == "临湘市春耕生产如火如荼。"
    figure = edition.articles[4].blocks[1]
    assert [s.zh for s in figure.sentences] == ["图为该市委市镇黄盖村农民正在使用插秧机插秧。"]
    assert _fixes(messages) == [
        "sidecar fix 2: line 81 (临湘市春耕生产如火如荼。) marked as paragraph",
        "sidecar fix 1: moved the paragraph at line 37 from a3 (农家书屋 让农民致富有方…) "
        "to a1 (就业扶贫惠民)",
    ]
    check_text_preserved(source, edition)


def test_mark_headline_join_and_separate(issue):
    _write_sidecar(
        issue,
        '[[fix]]\ntext = "扶贫车间就是第二个家"\naction = "headline"\n\n'
        '[[fix]]\nline = 57\naction = "separate"\n\n'
        '[[fix]]\nline = 35\naction = "join"\n',
    )
    source = read_source(issue)
    edition, messages = recover_structure(source, load_sidecar(issue))
    headlines = [a.headline.zh for a in edition.articles]
    assert "扶贫车间就是第二个家" in headlines
    new = edition.articles[headlines.index("扶贫车间就是第二个家")]
    assert new.blocks[0].sentences[-1].zh.endswith("就业扶")
    assert new.blocks[1].sentences[0].zh.startswith("贫车间7家")
    # Line 35 ends its sentence, but the editor joined it with line 37 into one paragraph.
    joined = edition.articles[2].blocks[-1]
    assert joined.sentences[0].zh.startswith("此次图书更新配送")
    assert joined.sentences[-1].zh.startswith("据初步统计")
    assert len(_fixes(messages)) == 3
    check_text_preserved(source, edition)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[issue\npaper = 1", r":1: not valid TOML"),
        ("[issue]\npaper = 1\n", r":2: issue.paper: expected a non-empty string, received 1"),
        ('[issue]\ndate = "20. April"\n', r":2: issue.date: expected a date YYYY-MM-DD"),
        (
            '[issue]\npapr = "x"\n',
            r":1: \[issue\]: unknown key; expected one of paper, date, page, title, received 'papr",
        ),
        ("volume = 3\n", r"top level: unknown key"),
        ('\n[[fix]]\naction = "shout"\nline = 3\n', r":2: fix 1: action: expected one of headline"),
        ('[[fix]]\naction = "join"\n', r":1: fix 1: expected exactly one of line = N or text"),
        ('[[fix]]\naction = "move"\nline = 37\n', r"a move needs exactly one of to"),
        (
            '[[fix]]\naction = "join"\nline = 0\n',
            r"fix 1: line: expected a line number ≥ 1, received 0",
        ),
        (
            '[[fix]]\naction = "join"\nline = 3\nto = "x"\n',
            r"only action = \"move\" takes to/article",
        ),
    ],
)
def test_malformed_sidecar_names_file_line_and_key(issue, text, message):
    _write_sidecar(issue, text)
    with pytest.raises(SidecarError, match=message) as err:
        load_sidecar(issue)
    assert str(err.value).startswith(str(sidecar_path(issue)))
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[fix]]\ntext = "没有这一行"\naction = "paragraph"\n',
            r"fix 1: no input line starts with '没有这一行'",
        ),
        ('[[fix]]\ntext = "本报讯"\naction = "paragraph"\n', r"'本报讯' starts lines 23, 31, 69"),
        ('[[fix]]\nline = 2\naction = "paragraph"\n', r"line 2 of the input is blank"),
        (
            '[[fix]]\nline = 999\naction = "paragraph"\n',
            r"line 999 of the input is blank or past its end",
        ),
        (
            '[[fix]]\nline = 37\naction = "move"\nto = "不存在"\n',
            r"no article headlines start with '不存在'",
        ),
        (
            '[[fix]]\nline = 37\naction = "move"\narticle = 12\n',
            r"article = 12, but the input has 8 articles",
        ),
        ('[[fix]]\nline = 5\naction = "move"\narticle = 2\n', r"line 5 is an article's heading"),
    ],
)
def test_fix_that_matches_nothing_is_an_error(issue, text, message):
    _write_sidecar(issue, text)
    with pytest.raises(SidecarError, match=message) as err:
        recover_structure(read_source(issue), load_sidecar(issue))
    assert str(err.value).startswith(f"{sidecar_path(issue)}:1: fix 1: ")


def test_the_documented_sidecar_example_applies(issue):
    docs_path = Path(__file__).resolve().parents[1] / "docs" / "structure.md"
    docs = docs_path.read_text(encoding="utf-8")
    example = docs.split("```toml\n", 1)[1].split("```", 1)[0]
    _write_sidecar(issue, example)
    source = read_source(issue)
    edition, messages = recover_structure(source, load_sidecar(issue))
    assert len(_fixes(messages)) == 4
    assert edition.title == "临湘：就业扶贫与春耕"
    assert "扶贫车间就是第二个家" in [a.headline.zh for a in edition.articles]
    check_text_preserved(source, edition)
