"""`zhreader build` end to end on the real example, as `make demo` runs it."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, ROOT

from zhreader.cli import main
from zhreader.model import edition_from_dict, iter_sentences

SLUG = EXAMPLE.stem
EXPECTED_FILES = {
    "edition.json",
    "side-by-side.html",
    "interlinear.html",
    f"{SLUG}.epub",
    "sentences.jsonl",
    "sentences.tsv",
    "citation.bib",
    "citation.json",
}


def _build(out, *extra):
    return CliRunner().invoke(main, ["build", str(EXAMPLE), "--out", str(out), *extra])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = _build(out)
    assert result.exit_code == 0, result.output
    return out, result


def test_build_writes_every_edition_and_export(built):
    out, result = built
    assert {p.name for p in (out / SLUG).iterdir()} == EXPECTED_FILES
    assert f"{SLUG}: " in result.output


def test_without_a_model_the_cli_says_how_to_install_one(built):
    _, result = built
    assert "no zh→en translation model is installed" in result.output
    assert "zhreader models install" in result.output


def test_edition_json_follows_its_schema_and_is_complete(built):
    out, _ = built
    data = json.loads((out / SLUG / "edition.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "zhreader/schema/edition.schema.json").read_text())
    jsonschema.validate(data, schema)
    edition = edition_from_dict(data)
    assert edition.source.file == EXAMPLE.name
    assert edition.signature.startswith("zhreader:")
    sentences = list(iter_sentences(edition))
    assert len(sentences) > 100
    for sentence in sentences:
        assert "".join(t.zh for t in sentence.tokens) == sentence.zh, sentence.id
        assert sentence.en and sentence.en_kind == "gloss", sentence.id
    assert any(n.code == "no-mt" for n in edition.notices)


def test_a_second_build_writes_the_same_bytes(built, tmp_path):
    out, _ = built
    again = _build(tmp_path)
    assert again.exit_code == 0, again.output
    for name in EXPECTED_FILES:
        first = (out / SLUG / name).read_bytes()
        assert (tmp_path / SLUG / name).read_bytes() == first, name


def test_a_bad_input_is_reported_and_the_others_are_built(tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02binary\xff\xfe\x00")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(bad), str(EXAMPLE), "--out", str(out), "--format", "json"]
    )
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("zhreader: error:")]
    assert len(errors) == 1 and "broken.txt" in errors[0]
    assert not (out / "broken").exists()
    assert (out / SLUG / "edition.json").is_file()
