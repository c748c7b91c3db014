"""One citation per article; biber (biblatex) and a plain BibTeX style read them, no warnings."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from pathlib import Path

import jsonschema
import pybtex.errors
from conftest import require_tool
from edition_samples import hostile_edition, real_edition, sample_edition

from zhreader.reader.exports import citation_bib, citation_csl_json

ROOT = Path(__file__).resolve().parents[1]


def dated_real_edition():
    """The example as `zhreader build --paper 临湘报 --date 2020-04-20 --page 3` builds it."""
    return replace(real_edition(), paper="临湘报", date="2020-04-20", page="3")


def editions():
    return {
        "sample": sample_edition(),
        "hostile": hostile_edition(),  # no date: @misc entries
        "real": dated_real_edition(),
        "undated": real_edition(),
    }


def biber_messages(bib: str, folder: Path) -> list[str]:
    """Run biber's data-model validation (what biblatex would be given); return its warnings."""
    biber = require_tool("biber")
    (folder / "citation.bib").write_text(bib, encoding="utf-8")
    result = subprocess.run(
        [biber, "--tool", "--validate-datamodel", "citation.bib"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = (result.stdout + result.stderr).splitlines()
    return [line for line in lines if line.startswith(("WARN", "ERROR"))]


def test_biber_reads_every_entry_without_warnings(tmp_path):
    # One run over every edition's file (their keys differ): biber starts slowly.
    books = editions()
    bib = "\n".join(citation_bib(edition, name) for name, edition in books.items())
    assert biber_messages(bib, tmp_path) == []
    converted = (tmp_path / "citation_bibertool.bib").read_text("utf-8").split("\n@")
    for name, edition in books.items():
        entries = [e for e in converted if e.split("{", 1)[-1].startswith(f"{name}-a")]
        assert len(entries) == len(edition.articles), name
        # An @article with its journaltitle when the paper and the date are known, else @misc.
        dated = bool(edition.paper and edition.date)
        assert all(e.startswith("ARTICLE{" if dated else "MISC{") for e in entries), name
        assert all(("JOURNALTITLE = " in e) is dated for e in entries), name


def test_plain_bibtex_style_formats_every_entry_without_warnings():
    from pybtex.database import parse_string
    from pybtex.style.formatting.plain import Style

    pybtex.errors.set_strict_mode(True)  # a warning is an exception
    for name, edition in editions().items():
        data = parse_string(citation_bib(edition, name), "bibtex")
        entries = list(Style().format_entries(data.entries.values()))
        assert len(entries) == 1 + len(edition.articles)


def test_article_entries_carry_headline_bylines_paper_and_date():
    edition = dated_real_edition()
    bib = citation_bib(edition, "linxiang-2020-04")
    csl = json.loads(citation_csl_json(edition, "linxiang-2020-04"))
    schema = json.loads((ROOT / "zhreader/schema/citation.schema.json").read_text("utf-8"))
    jsonschema.validate(csl, schema)
    assert [item["id"] for item in csl] == [
        "linxiang-2020-04",
        *(f"linxiang-2020-04-{a.id}" for a in edition.articles),
    ]
    for article, item in zip(edition.articles, csl[1:], strict=True):
        assert item["type"] == "article-newspaper" and item["title"] == article.headline.zh
        assert item["URL"] == f"linxiang-2020-04/side-by-side.html#{article.id}"
        assert [a["literal"] for a in item.get("author", [])] == list(article.bylines)
        entry = bib.split(f"@article{{linxiang-2020-04-{article.id},\n")[1].split("\n}\n")[0]
        assert f"  title = {{{article.headline.zh}}}" in entry
        if article.bylines:
            assert f"  author = {{{' and '.join(article.bylines)}}}" in entry
    signed = [a for a in edition.articles if a.bylines]
    assert signed, "the example has bylines"
