"""Research exports: sentences (JSONL/TSV) and citations (BibTeX, CSL-JSON)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from zhreader.model import Article, Block, Edition, Flag, Sentence, SourceInfo, Token
from zhreader.reader.exports import (
    TSV_COLUMNS,
    citation_bib,
    citation_csl_json,
    sentence_pinyin,
    sentences_jsonl,
    sentences_tsv,
)

SCHEMAS = Path(__file__).resolve().parents[1] / "zhreader" / "schema"
SIGNATURE = "zhreader:0.1.0|seg:jieba-0.42.1|py:pypinyin-0.55.0|gl:9c2e41|mt:none"


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def _edition(**changes) -> Edition:
    headline = Sentence(
        "a1-h",
        "就业扶贫惠民",
        en="Employment poverty alleviation benefits the people",
        en_kind="mt",
        tokens=(
            Token("就业", pinyin=("jiù", "yè")),
            Token("扶贫", pinyin=("fú", "pín"), term="扶贫"),
            Token("惠民", pinyin=("huì", "mín")),
        ),
    )
    body = Sentence(
        "a1-p1-s1",
        "西安有12场招聘会。",
        en="Xi'an held 12 job fairs.",
        en_kind="mt",
        flags=(Flag("number-mismatch", "12 vs twelve"),),
        tokens=(
            Token("西安", kind="place", pinyin=("Xī", "ān")),
            Token("有", pinyin=("yǒu",)),
            Token("12", kind="number"),
            Token("场", pinyin=("chǎng",)),
            Token("招聘会", pinyin=("zhāo", "pìn", "huì"), term="招聘会"),
            Token("。", kind="punct"),
        ),
    )
    article = Article("a1", headline=headline, blocks=(Block("a1-p1", "paragraph", (body,)),))
    fields = dict(
        title="就业扶贫惠民",
        source=SourceInfo("临湘日报-2020-04-15-p3.txt", "0" * 64, "utf-8"),
        articles=(article,),
        date="2020-04-15",
        paper="临湘日报",
        page="3",
        signature=SIGNATURE,
    )
    return Edition(**{**fields, **changes})


def test_jsonl_lines_validate_and_follow_reading_order() -> None:
    lines = sentences_jsonl(_edition(), "linxiang-0415").splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:
        jsonschema.validate(record, schema("sentences"))
    assert [r["sentence"] for r in records] == ["a1-h", "a1-p1-s1"]
    assert records[1]["pinyin"] == "Xī'ān yǒu 12 chǎng zhāopìnhuì。"
    assert records[1]["terms"] == ["招聘会"]
    assert records[1]["headline"] == "就业扶贫惠民"
    assert records[1]["flags"] == [{"code": "number-mismatch", "detail": "12 vs twelve"}]
    assert all(r["signature"] == SIGNATURE for r in records)


def test_schema_rejects_a_broken_record() -> None:
    record = json.loads(sentences_jsonl(_edition(), "x").splitlines()[0])
    del record["signature"]
    validator = jsonschema.Draft202012Validator(schema("sentences"))
    assert not validator.is_valid(record)
    assert not validator.is_valid({**record, "signature": SIGNATURE, "en_kind": "guess"})


def test_tsv_has_the_same_records_flat() -> None:
    rows = [r.split("\t") for r in sentences_tsv(_edition(), "x").splitlines()]
    assert tuple(rows[0]) == TSV_COLUMNS
    body = dict(zip(TSV_COLUMNS, rows[2], strict=True))
    assert body["zh"] == "西安有12场招聘会。"
    assert body["flags"] == "number-mismatch"
    assert body["terms"] == "招聘会"


def test_unknown_metadata_is_empty_or_null() -> None:
    edition = _edition(date=None, paper=None, page=None)
    record = json.loads(sentences_jsonl(edition, "x").splitlines()[0])
    jsonschema.validate(record, schema("sentences"))
    assert record["date"] is None
    citation = json.loads(citation_csl_json(edition, "x"))
    jsonschema.validate(citation, schema("citation"))
    assert "issued" not in citation[0]
    assert "year" not in citation_bib(edition, "x")


def test_citations_name_paper_date_tool_and_signature() -> None:
    csl = json.loads(citation_csl_json(_edition(), "linxiang-0415"))
    jsonschema.validate(csl, schema("citation"))
    item = csl[0]
    assert item["container-title"] == "临湘日报"
    assert item["issued"] == {"date-parts": [[2020, 4, 15]]}
    assert SIGNATURE in item["note"] and "zhreader 0.1.0" in item["note"]
    bib = citation_bib(_edition(), "linxiang-0415")
    assert bib.startswith("@misc{linxiang-0415,\n")
    assert "howpublished = {临湘日报" in bib
    assert "month = apr" in bib and "year = {2020}" in bib
    assert "gl:9c2e41" in bib


def test_bibtex_escapes_special_characters() -> None:
    bib = citation_bib(_edition(title="50% & {more}_now #1"), "a b,c")
    assert "title = {50\\% \\& \\{more\\}\\_now \\#1}" in bib
    assert bib.startswith("@misc{a-b-c,")
    assert bib.count("{") - bib.count("\\{") == bib.count("}") - bib.count("\\}")


def test_exports_are_deterministic() -> None:
    for export in (sentences_jsonl, sentences_tsv, citation_bib, citation_csl_json):
        assert export(_edition(), "x") == export(_edition(), "x")


@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_tsv_cells_never_split_rows_or_columns(text: str) -> None:
    sentence = Sentence("a1-h", text, en=text, en_kind="gloss")
    edition = _edition(articles=(Article("a1", headline=sentence),))
    rows = sentences_tsv(edition, "x").split("\n")
    assert rows[-1] == "" and len(rows) == 3
    cells = rows[1].split("\t")
    assert len(cells) == len(TSV_COLUMNS)
    escapes = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
    cell = cells[TSV_COLUMNS.index("zh")]
    assert re.sub(r"\\[\\tnr]", lambda m: escapes[m.group()], cell) == text


def test_sentence_pinyin_skips_spaces_and_keeps_latin() -> None:
    tokens = (Token("用", pinyin=("yòng",)), Token(" ", kind="space"), Token("APP", kind="latin"))
    assert sentence_pinyin(tokens) == "yòng APP"
    assert sentence_pinyin(()) == ""
