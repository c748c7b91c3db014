"""edition.json is documented by zhreader/schema/edition.schema.json; built editions validate."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from zhreader.model import (
    Flag,
    GlossaryUse,
    Notice,
    Token,
    edition_from_dict,
    map_sentences,
    to_dict,
)
from zhreader.pipeline.glossary import glossary_appendix, load_glossaries
from zhreader.pipeline.structure.ingest import read_source
from zhreader.pipeline.structure.recover import recover_structure
from zhreader.pipeline.words import Annotator

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "zhreader" / "schema" / "edition.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def structured(example_path):
    edition, _ = recover_structure(read_source(example_path), None)
    return edition


def _errors(validator, data) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_structure_only_edition_validates(validator, structured):
    assert _errors(validator, to_dict(structured)) == []


def test_annotated_edition_validates(validator, structured):
    """Run the real annotate and glossary stages, then validate the whole model."""
    glossary = load_glossaries(())
    # Two articles (a feature with a figure, a news item) cover every kind of field.
    edition = replace(structured, articles=structured.articles[:2])
    edition = Annotator.initialize(glossary).annotate(edition)
    edition = glossary_appendix(edition, glossary)
    data = to_dict(edition)
    assert any(s["tokens"] for a in data["articles"] for b in a["blocks"] for s in b["sentences"])
    assert _errors(validator, data) == []


def test_every_field_of_the_model_is_described(validator, structured):
    token = Token("临湘", "place", ("lín", "xiāng"), None, "Linxiang", "cedict", 6, None)
    yi = Token("一", "number", ("yī",), ("yí",), "one", "cedict", 1, None)

    def enrich(sentence):
        return replace(
            sentence,
            en="Linxiang",
            en_kind="mt",
            flags=(Flag("len", "English much shorter than Chinese"),),
            tokens=(token, yi),
        )

    edition = replace(
        map_sentences(structured, enrich),
        date="2020-04-20",
        paper="临湘报",
        page="3",
        signature="seg:jieba-0.42.1|mt:none",
        glossary=(
            GlossaryUse(
                "脱贫攻坚",
                "tuōpín gōngjiān",
                "poverty alleviation",
                "",
                "policy",
                "bundled",
                ("a1-h",),
            ),
        ),
        notices=(Notice("gloss-only", "No translation model: English is word glosses."),),
        removed_characters=("U+0007 at line 3",),
    )
    data = to_dict(edition)
    assert _errors(validator, data) == []
    # And the JSON reads back into the same model.
    assert edition_from_dict(json.loads(json.dumps(data, ensure_ascii=False))) == edition


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("articles", 0, "id"), "article-1"),
        (("articles", 0, "blocks", 0, "kind"), "table"),
        (("articles", 0, "blocks", 0, "sentences", 0, "id"), "a1-p1-x1"),
        (("articles", 0, "headline", "zh"), ""),
        (("source", "sha256"), "not-a-hash"),
        (("date",), "20.4.2020"),
        (("removed_characters",), ["BEL somewhere"]),
    ],
)
def test_schema_rejects_malformed_editions(validator, structured, path, value):
    data = to_dict(structured)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert _errors(validator, data)


def test_schema_rejects_unknown_fields(validator, structured):
    data = to_dict(structured)
    data["articles"][0]["colour"] = "red"
    assert _errors(validator, data)
